package plan

import (
	"strings"
	"unicode/utf8"
)

// Grouping a table pasted one cell a line into its header and rows, by the
// header's columns (ingest_table_lines.go finds such a table). A header of
// two rows arrives as the first row's cells and then the second's (类别,
// 指标, 2025年, 2030年, 属性, 目标值, 年均增长): the second row's cells are
// the first row's year's sub-columns. A row gives its cells in the
// header's order, but a cell merged down (a category, a 属性 at the row's
// end) is given on the first of its rows only, a blank cell is an empty
// line or left out, and a 序号 column gives a number before the name. Of
// the ways to cut the cells into rows and place each row's cells in the
// columns, the one where most cells fit their column's kind and fewest
// columns go without a cell wins. This file reads the rows: each cell
// line's class, how it fits a column, the best cut into rows;
// ingest_table_cellhead.go reads the header, ingest_table_cellalign.go
// places a row's cells after its name.

// cellClass is what a cell line holds, for placing it in a column.
type cellClass int

const (
	clBlank  cellClass = iota
	clNum              // a value (77.3, ＞80, 〔5〕)
	clDash             // —, -, /
	clConstr           // 约束性, 预期性
	clText             // words: a name, a category, a unit, 保持在合理区间
	clStop             // a heading: no cell of a table
)

func classOf(c cellLine) cellClass {
	switch t := c.text; {
	case t == "":
		return clBlank
	case c.head:
		return clStop
	case c.num:
		return clNum
	case strings.Trim(t, "—－-–/／ ") == "":
		return clDash
	case constraintWord(t) && utf8.RuneCountInString(t) <= 4:
		return clConstr
	}
	return clText
}

// fit is how well a cell of class cl fits a column of kind k (headerKind);
// ok false if it cannot stand there.
func fit(cl cellClass, k string) (float64, bool) {
	if cl == clBlank {
		return 0.5, true
	}
	switch k {
	case "unit":
		return 1, cl == clText
	case "constr":
		return 2, cl == clConstr
	case "seq", "name":
		return 0, false
	}
	switch cl {
	case clNum:
		return 2, true
	case clDash:
		return 1, true
	case clText:
		return 0.3, true // words where a value would be (保持在合理区间)
	}
	return 0, false
}

// placedRow is a row of cell lines and the column of each (-1: a blank
// line that is no cell).
type placedRow struct {
	cells []cellLine
	cols  []int
}

// rowScore is a placed row's score; parse's options.
const (
	missCol    = 0.6 // a column without a cell
	missConstr = 0.2 // a 属性 merged down from the row above
	missSeq    = 2.0
	perRow     = 1.0
)

// placeRows cuts cells into rows of the columns kinds (the name's column
// at index name) and places each row's cells; it returns the rows of the
// best cut of the longest start of cells that reads as rows.
func placeRows(cs []cellLine, kinds []string, name int) ([]placedRow, float64) {
	if name < 0 || name >= len(kinds) {
		return nil, 0
	}
	classes := make([]cellClass, len(cs))
	for i, c := range cs {
		classes[i] = classOf(c)
	}
	n := len(cs)
	const none = -1e18
	best := make([]float64, n+1)
	back := make([]placedRow, n+1)
	from := make([]int, n+1)
	for i := range best {
		best[i] = none
	}
	best[0] = 0
	maxLen := len(kinds) + 3
	var out []parsed
	var sc []alignStep
	reach := 0 // the last cell a row read so far ends at
	for p := 0; p < n && p <= reach; p++ {
		if best[p] == none {
			continue
		}
		lim := min(n, p+maxLen)
		out = parseRows(cs, classes, p, lim, kinds, name, out[:0], &sc)
		for k, r := range out {
			if q := p + k; r.ok && best[p]+r.score-perRow > best[q] {
				best[q], back[q], from[q] = best[p]+r.score-perRow, r.row, p
				reach = max(reach, q)
			}
		}
	}
	end := 0
	for q := 1; q <= n; q++ {
		if best[q] > best[end] {
			end = q
		}
	}
	var rows []placedRow
	for q := end; q > 0; q = from[q] {
		rows = append(rows, back[q])
	}
	for i, j := 0, len(rows)-1; i < j; i, j = i+1, j-1 {
		rows[i], rows[j] = rows[j], rows[i]
	}
	return rows, best[end]
}

type parsed struct {
	row   placedRow
	score float64
	ok    bool
}

// parseRows reads the best row starting at cell p and ending at each q up
// to lim: the columns left of the name (a category given or not, a 序号),
// the name, then each column after it holds one cell or none, a blank line
// may be no cell at all.
func parseRows(cs []cellLine, classes []cellClass, p, lim int, kinds []string, name int, out []parsed, sc *[]alignStep) []parsed {
	for range lim - p + 1 {
		out = append(out, parsed{})
	}
	// the columns left of the name: each a cell or none
	// a category is shorter than the names of its rows (科技人才 over
	// 每万名就业人员中研发人员数), which tells it from a name whose row's
	// values are words (科普场馆服务能力 | 稳步提升)
	var pre func(i, k int, cols []int, score float64, catLen int)
	pre = func(i, k int, cols []int, score float64, catLen int) {
		if k == name {
			if n := utf8.RuneCountInString(cs[min(i, len(cs)-1)].text); i < lim && classes[i] == clText && n >= 2 && n > catLen {
				after(cs, classes, p, i+1, lim, kinds, name, append(cols, k), score, out, sc)
			}
			return
		}
		switch kinds[k] {
		case "seq":
			if i < lim && classes[i] == clNum && isInt(cs[i].text) {
				pre(i+1, k+1, append(cols, k), score+1, catLen)
			}
			pre(i, k+1, cols, score-missSeq, catLen)
		default: // a category: given on its first row only
			if n := utf8.RuneCountInString(cs[min(i, len(cs)-1)].text); i < lim && classes[i] == clText && n <= 8 {
				pre(i+1, k+1, append(cols, k), score+1, max(catLen, n))
			}
			pre(i, k+1, cols, score, catLen)
		}
	}
	pre(p, 0, make([]int, 0, len(kinds)), 0, 0)
	return out
}

func isInt(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
