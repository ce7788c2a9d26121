package plan

import (
	"regexp"
	"strconv"
	"strings"
)

// Years listed together (2025、2030年, 到2025年、2030年) paired with as many
// numbers that share one unit (达到407、700万千瓦): the first number is the
// first year's target, the next the next year's, each in the unit written
// once at the list's end (tune34-P).

// reSharedYears is a list of years written with one 年 at its end.
var reSharedYears = regexp.MustCompile(`(?:^|[^\d.])(20\d\d(?:\s*[、和]\s*20\d\d)+)\s*年`)

// reYearDigits is one year of such a list.
var reYearDigits = regexp.MustCompile(`20\d\d`)

// sharedYears are the years of the first list sharing one 年 in s and the
// byte offset where it ends, or nil and -1.
func sharedYears(s string) ([]int, int) {
	m := reSharedYears.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, -1
	}
	return yearsIn(s[m[2]:m[3]]), m[1]
}

// listedYears are the years of the first list of years in s, each with its
// 年 (到2025年、2030年) or sharing one (2025、2030年), and the byte offset
// where it ends, or nil and -1.
func listedYears(s string) ([]int, int) {
	if loc := reYearList.FindStringIndex(s); loc != nil {
		return yearsIn(s[loc[0]:loc[1]]), loc[1]
	}
	return sharedYears(s)
}

// yearsIn are the years written in s.
func yearsIn(s string) []int {
	var ys []int
	for _, d := range reYearDigits.FindAllString(s, -1) {
		y, _ := strconv.Atoi(d)
		ys = append(ys, y)
	}
	return ys
}

// pairedYears are the years of a list that a list of as many bare numbers
// follows without 分别 (2025、2030年全市光伏装机力争达到407、700万千瓦),
// and where the years end; nil when there is none.
func pairedYears(ns []rune, plain string) ([]int, int) {
	if !strings.Contains(plain, "、20") && !strings.Contains(plain, "和20") {
		return nil, 0
	}
	s := string(ns)
	ys, end := listedYears(s)
	if end < 0 {
		return nil, 0
	}
	rs := []rune(s[end:])
	for i := range rs {
		if isDigit(rs[i]) && (i == 0 || !isDigit(rs[i-1]) && rs[i-1] != '.') {
			if listItems(rs, i) == len(ys) {
				return ys, len([]rune(s[:end])) - 1
			}
			return nil, 0
		}
		if strings.ContainsRune("。；;", rs[i]) {
			break
		}
	}
	return nil, 0
}

// listItems is how many numbers a list joined by 、 holds from rs[i] (1 for
// a number alone).
func listItems(rs []rune, i int) int {
	n := 0
	for i < len(rs) && isDigit(rs[i]) {
		n++
		for i < len(rs) && (isDigit(rs[i]) || rs[i] == '.') {
			i++
		}
		if i >= len(rs) || rs[i] != '、' {
			break
		}
		i++
	}
	return n
}

// pairedBare reads the bare number at i in such a list (407 of
// 407、700万千瓦) in the unit the list ends with, when the sentence lists as
// many years before it; 左右 after the list is said of each.
func pairedBare(ns []rune, i int) (quantity, bool) {
	v, j, cn, ok := readNumber(ns, i)
	if !ok || cn || j >= len(ns) || ns[j] != '、' {
		return quantity{}, false
	}
	first := i
	for first > 1 && ns[first-1] == '、' && isDigit(ns[first-2]) {
		first -= 2
		for first > 0 && (isDigit(ns[first-1]) || ns[first-1] == '.') {
			first--
		}
	}
	n := listItems(ns, first)
	if n < 2 {
		return quantity{}, false
	}
	if ys, end := listedYears(string(ns[:first])); end < 0 || n != len(ys) {
		if !respectiveList(ns, first, n) {
			return quantity{}, false
		}
	}
	k := first
	for m := 1; m < n; m++ { // (to the list's last number)
		for k < len(ns) && (isDigit(ns[k]) || ns[k] == '.') {
			k++
		}
		k++
	}
	last, ok := readQuantity(ns, k)
	if !ok || last.base == "" || last.ratio || last.isRange {
		return quantity{}, false
	}
	q := quantity{a: i, b: j, after: j, beforeCmp: i, value: v, mult: last.mult, base: last.base, unit: last.unit, cmp: "="}
	q.readComparators(ns, i, j)
	if q.cmp == "=" && last.cmp == "~" {
		q.cmp = "~"
	}
	return q, true
}

// reYearsEach is a list of years each with its 年 and no 到 before it
// (2024年、2025年、2026年分别…): a deadline only where 分别 follows.
var reYearsEach = regexp.MustCompile(`20\d\d\s*年(?:\s*[、和及与]\s*20\d\d\s*年)+`)

// respectiveList reports whether the n bare numbers from ns[first] are
// given in the order of a list before them, said once with 分别 in their
// clause (2024年、2025年、2026年分别完成30、40、50项; 分别提高15、22个百分点):
// each is a quantity in the unit the list ends with. Years listed before
// 分别 must be as many as the numbers.
func respectiveList(ns []rune, first, n int) bool {
	at := lastRespective(ns, first, "，,。；;：:\n")
	if at < 0 {
		return false
	}
	s := string(ns[:at])
	if loc := reYearsEach.FindAllStringIndex(s, -1); loc != nil {
		last := loc[len(loc)-1]
		if strings.TrimSpace(s[last[1]:]) == "" || !strings.ContainsAny(s[last[1]:], "，,。；;") {
			return len(yearsIn(s[last[0]:last[1]])) == n
		}
	}
	return true
}
