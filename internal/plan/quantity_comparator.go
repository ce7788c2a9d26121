package plan

import (
	"strings"
	"unicode"
)

// The comparator words around a quantity: before its number (不少于, 超过,
// 约, 控制在 …) and after its unit (以上, 左右, 以内 …).

// Comparator words before a number (nearest first in the lookup) and after a unit.
var (
	cmpBefore = []struct{ w, c string }{
		// a bound said as what must not happen (不得低于20%, 不应超过5%)
		{"不得低于", ">="}, {"不应低于", ">="}, {"不宜低于", ">="}, {"不得少于", ">="}, {"不应少于", ">="},
		{"不得超过", "<="}, {"不应超过", "<="}, {"不宜超过", "<="}, {"不得高于", "<="}, {"不应高于", "<="},
		{"不少于", ">="}, {"不低于", ">="}, {"不小于", ">="}, {"至少", ">="}, {"≥", ">="}, {"不超过", "<="}, {"不高于", "<="},
		{"不大于", "<="}, {"不多于", "<="}, {"≤", "<="}, // (不大于1公里: not 大于; tune30)
		{"超过", ">"}, {"突破", ">"}, {"高于", ">"}, {"多于", ">"}, {"大于", ">"}, {"逾", ">"}, {"超", ">"},
		{"低于", "<"}, {"少于", "<"}, {"小于", "<"}, {"大约", "~"}, {"接近", "~"}, {"约", "~"}, {"近", "~"}, {"控制在", "<="},
		// bounds as symbols (PUE值<1.25, 利用率>60%, ≧, ＞＝; tune30): an ASCII < or >
		// only after a Chinese word or a bracket (not a tag's <td>50%)
		{">=", ">="}, {"<=", "<="}, {"＞＝", ">="}, {"＜＝", "<="}, {"≧", ">="}, {"≦", "<="},
		{"＞", ">"}, {"＜", "<"}, {">", ">"}, {"<", "<"},
	}
	cmpAfter = []struct{ w, c string }{
		{"及以上", ">="}, {"以上", ">="}, {"左右", "~"}, {"上下", "~"}, {"以内", "<="}, {"以下", "<="}, {"及以下", "<="},
		{"或以上", ">="}, {"或以下", "<="}, // (达到最大用电负荷的5%或以上, 达到1元或以上: a floor; tune51-T)
	}
)

// readComparators reads the comparator words after the unit (ending at j)
// and before the number (starting at i); a PDF may have spaced the words
// out (超 过).
func (q *quantity) readComparators(rs []rune, i, j int) {
	k := j
	if k+1 < len(rs) && rs[k] == ' ' && (rs[k+1] == '以' || rs[k+1] == '左' || rs[k+1] == '及' || rs[k+1] == '上') {
		k++ // 50％ 左右: a PDF's space before the word
	}
	if k < len(rs) && rs[k] == '(' {
		k = altUnitEnd(rs, k) // (1万台（套）以上: the comparator after the unit's alternative)
	}
	if k+2 < len(rs) && (rs[k] == '/' || rs[k] == '／') && rs[k+1] == '年' && q.base != "" {
		if e, _ := cmpAfterAt(rs, k+2); e >= 0 {
			k += 2 // 20万吨/年以上: the comparator after a unit per year
		}
	}
	if e, c := cmpAfterAt(rs, k); e >= 0 {
		j = k
		if q.cmp == "=" {
			q.cmp = c
		}
		q.after = e
	}
	if q.cmp == "=" && redLineAfter(rs, j, q.base) {
		q.cmp = ">=" // (守住18亿亩耕地红线: the least area held)
	}
	// The comparator before: at most 3 runes of filler (达到, 提高到) between it and the number.
	if q.cmp == "=" {
		for gap := 0; gap <= 3 && i-gap >= 0; gap++ {
			found := false
			for _, c := range cmpBefore {
				if gap > 0 && len([]rune(c.w)) == 1 && rs[i-gap] != '每' {
					continue // (but 超每千人6.6批次: the bound before the rate's denominator; tune30)
				}
				if at := endsAtSpaced(rs, i-gap, c.w); at >= 0 && (c.w[0] != '<' && c.w[0] != '>' || symbolBound(rs, at)) {
					q.cmp, q.beforeCmp, found = c.c, at, true
					break
				}
			}
			if found {
				break
			}
			if i-gap-1 >= 0 && strings.ContainsRune("，,。;；、", rs[i-gap-1]) {
				break
			}
		}
	}
}

// cmpAfterAt is where the comparator word after a unit that starts at k
// ends (以上, 左右; letter-spaced 以 上 too), and its comparator; or -1.
func cmpAfterAt(rs []rune, k int) (int, string) {
	for _, c := range cmpAfter {
		if hasAt(rs, k, c.w) {
			return k + len([]rune(c.w)), c.c
		}
		if e := spacedWordAt(rs, k, c.w); e > 0 {
			return e, c.c
		}
	}
	return -1, ""
}

// endsAtSpaced is where word starts when it ends just before rune i, spaces
// between its runes and before i allowed (超 过 200); -1 when it does not.
func endsAtSpaced(rs []rune, i int, word string) int {
	w := []rune(word)
	j := i
	for k := len(w) - 1; k >= 0; k-- {
		for n := 0; n < 3 && j > 0 && rs[j-1] == ' '; n++ {
			j--
		}
		if j == 0 || rs[j-1] != w[k] {
			return -1
		}
		j--
	}
	return j
}

// symbolBound reports an ASCII < or > at i that bounds the number after it:
// it follows a Chinese word, a space or a bracket (PUE值<1.25, 利用率 >60%),
// not a tag's text (<td>50%, <br>5).
func symbolBound(rs []rune, i int) bool {
	return i > 0 && (unicode.Is(unicode.Han, rs[i-1]) || rs[i-1] == ' ' || rs[i-1] == ')')
}

// altUnitEnd is where an alternative unit in brackets after a unit ends
// (台（套）, 个（家）, 套（间）: the bracket's close plus one) when a comparator
// word follows it, else k, the bracket's open (tune30).
func altUnitEnd(rs []rune, k int) int {
	e := k + 1
	for e < len(rs) && e-k <= 3 && unicode.Is(unicode.Han, rs[e]) {
		e++
	}
	if e == k+1 || e >= len(rs) || rs[e] != ')' {
		return k
	}
	if c, _ := cmpAfterAt(rs, e+1); c < 0 {
		return k
	}
	return e + 1
}

// redLineAfter reports an area whose noun, right after its unit, is a red
// line (严守18亿亩耕地红线, 坚决守住18亿亩耕地红线): the least area a plan
// holds, a floor. Every development occurrence is labelled >= (extra 212,
// heldout3 01 and 04, heldout4 01 and 05; tune51-T, D234).
func redLineAfter(rs []rune, j int, base string) bool {
	if !areaUnit(base) {
		return false
	}
	for k := j; k < len(rs) && k <= j+6; k++ {
		if hasAt(rs, k, "红线") {
			return true
		}
		if strings.ContainsRune("，,。;；、：:（(", rs[k]) || isDigit(rs[k]) {
			return false
		}
	}
	return false
}
