package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Columns of counts without a unit in a table of places (序号 | 区域 |
// 新增装机容量（MW） | 新增示范工程 | 新增典型场景, one cell a line): after
// the columns of an amount in its unit, short words that name what is
// counted, with no unit, right before the first row. They are columns
// only where the first row proves it — its number 1, a place's name, then
// exactly one value a column (the amounts' and these), then the next
// row's number or 合计 — and each cell is then a count due the plan's end,
// as an amount's is. Anything else ends the header there, as before.

// countHeads reads the words of such columns from line j of a header
// whose words so far are ws (a region block with amounts): the words and
// the line after them, or ok false.
func countHeads(ls []flatLine, j int, ws []string) (heads []string, after int, ok bool) {
	if !regionBlock(ws) || !amountWords(ws) || !hasSerial(ws) {
		return nil, 0, false
	}
	k := j
	for ; k < len(ls) && len(heads) < 6; k++ {
		t := strings.TrimSpace(ls[k].text)
		if t == "" {
			continue
		}
		if !countWord(t) {
			break
		}
		heads = append(heads, t)
	}
	if len(heads) == 0 || k >= len(ls) || strings.TrimSpace(ls[k].text) != "1" {
		return nil, 0, false
	}
	amounts := 0
	for _, w := range ws {
		if flatHeaderField(w) == "amount" {
			amounts++
		}
	}
	if !firstRowFits(ls, k, amounts+len(heads)) {
		return nil, 0, false
	}
	return heads, k, true
}

// hasSerial reports a header with a 序号 column.
func hasSerial(ws []string) bool {
	for _, w := range ws {
		if serialHeader(normalize(w)) {
			return true
		}
	}
	return false
}

// countWord reports a header's word that names what a column counts and
// gives no unit: two to eight Chinese characters, no header's word of
// another kind, nothing that describes the place (面积, 现状) or is a share
// (比例).
func countWord(t string) bool {
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 8 || strings.IndexFunc(t, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
		return false
	}
	x := normalize(t)
	return flatHeaderField(t) == "" && !regionLead(x) && !has(x, describedCols) && !has(x, colShareWords) && !has(x, noteHeads)
}

// noteHeads name columns of words, not counts (who leads, where, what).
var noteHeads = []string{"单位", "部门", "牵头", "责任", "配合", "备注", "说明", "名称", "地点", "位置", "内容", "措施", "时间", "进度"}

// firstRowFits reports the row whose number 1 is line k: a place's name,
// then exactly n values (or dashes), then the next row's number (2) or a
// total's row.
func firstRowFits(ls []flatLine, k, n int) bool {
	var cells []string
	for m := k + 1; m < len(ls) && len(cells) <= n+1; m++ {
		if t := strings.TrimSpace(ls[m].text); t != "" {
			cells = append(cells, t)
		}
	}
	if len(cells) < n+2 || cellKind(cells[0], flatCols{}) != ftText {
		return false
	}
	for _, c := range cells[1 : n+1] {
		if k := cellKind(c, flatCols{}); k != ftValue && k != ftDash {
			return false
		}
	}
	next := cells[n+1]
	return next == "2" || strings.HasPrefix(next, "合计") || strings.HasPrefix(next, "总计")
}
