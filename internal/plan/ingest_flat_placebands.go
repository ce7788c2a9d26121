package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A table of places whose header has two rows, one cell a line (wave 19):
// numbered rows of places under heads of which some span a band of
// subheads in the row below — the years the head's task is split into
// (2023-2024年 | 2025年, 2024年约1900亩 | 2025年约2200亩 | …) or the
// measures of a count (件数 | 面积):
//
//	序号 | 街镇 | 投放点微更新（个） | 精品居住区建设（个） | 2023-2024年 |
//	2025年 | 2023-2024年 | 2025年 | 1 | 东江街道 | 62 | 44 | 13 | 12 | …
//
// The second row's cells are the header's last cells, the years and
// measures read from its end; a year not after the one before it opens
// the next band. A row of data has a cell a column below the heads, so
// the header's cells less the row's are the number of bands; the bands go
// to the heads, in order: every head where there are as many heads as
// bands, else the heads not dated by a year of their own (2024-2026年任务量
// is a column of its own). A year's cell is due its year (the later of a
// span), in the unit of its band's head or the table's (单位：亩); a head
// dated by its own span is due its span's end; a column no year dates (件数,
// 面积: what there is) is no target.

// reBandYear is a subhead of a year or a span of years, maybe with the
// band's total (2023-2024年, 2025年, 2024年约1900亩): the first and the
// last year.
var reBandYear = regexp.MustCompile(`^(20\d\d)(?:[-－—~至](20\d\d))?年(?:度)?(?:约|共)?(?:\d+(?:\.\d+)?[^\d]{0,3})?$`)

// reOwnSpan is a head dated by its own year or span (2024-2026年任务量,
// 纳入24-26年重点整治, 2025年目标): the span's last year, maybe two digits.
var reOwnSpan = regexp.MustCompile(`(?:^|[^\d])((?:20)?\d\d)(?:[-－—~至]((?:20)?\d\d))?年`)

// bandSub is one subhead of the header's second row: its year (0: a measure).
type bandSub struct {
	text  string
	year  int
	first int
}

// bandSubAt reads a subhead cell: a year or span, or a measure's short name.
func bandSubAt(x string) (bandSub, bool) {
	if m := reBandYear.FindStringSubmatch(x); m != nil {
		a, _ := strconv.Atoi(m[1])
		b := a
		if m[2] != "" {
			b, _ = strconv.Atoi(m[2])
		}
		if b < a {
			return bandSub{}, false
		}
		return bandSub{text: x, year: b, first: a}, true
	}
	n := utf8.RuneCountInString(x)
	if n < 2 || n > 3 || strings.IndexFunc(x, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
		return bandSub{}, false
	}
	return bandSub{text: x}, true
}

// ownSpanYear is the last year a head is dated by (2026 for 2024-2026年任务量
// and 纳入24-26年重点整治), or 0.
func ownSpanYear(x string) int {
	m := reOwnSpan.FindStringSubmatch(x)
	if m == nil {
		return 0
	}
	y := m[1]
	if m[2] != "" {
		y = m[2]
	}
	v, _ := strconv.Atoi(y)
	if v < 100 {
		v += 2000
	}
	if v < 2000 || v > 2099 {
		return 0
	}
	return v
}

// bandRowWidth is how many cells the first row of data has after its
// number and place, from line j (the row's number) on: the values up to the
// next row's number and place.
func bandRowWidth(ls []flatLine, j int) int {
	if j >= len(ls) || ls[j].text != "1" {
		return 0
	}
	k := nextLine(ls, j+1)
	if k >= len(ls) || !gridPlace(ls[k].text) {
		return 0
	}
	n := 0
	for k = nextLine(ls, k+1); k < len(ls) && reGridValue.MatchString(ls[k].text); k = nextLine(ls, k+1) {
		if ls[k].text == "2" && nextPlace(ls, k) {
			return n
		}
		n++
	}
	return n
}

// bandsLead reports the head of the places' column: a region's (街镇, 区)
// or the streets' or towns' alone (街道, 乡镇).
func bandsLead(x string) bool {
	return regionLead(x) || x == "街道" || x == "乡镇" || x == "镇"
}

// placeBandsHeadAt reads the header of such a table at line i (序号 | 街镇 |
// …): its columns, the first line after it and the header's span (what a
// sentence read in its cells stays: 2024年约1900亩 is the year's total).
func placeBandsHeadAt(ls []flatLine, i int, start *int) ([]gridCol, int, [2]int, bool) {
	if start == nil || !serialHeader(gridWord(ls[i].text)) {
		return nil, 0, [2]int{}, false
	}
	j := nextLine(ls, i+1)
	if j >= len(ls) || !bandsLead(gridWord(ls[j].text)) {
		return nil, 0, [2]int{}, false
	}
	var heads []string
	for j = nextLine(ls, j+1); j < len(ls) && len(heads) < 40; j = nextLine(ls, j+1) {
		if ls[j].text == "1" {
			break
		}
		text, last := placeCellAt(ls, j)
		heads, j = append(heads, normalize(text)), last
	}
	n := bandRowWidth(ls, j)
	bands := len(heads) - n
	if n < 2 || bands < 1 {
		return nil, 0, [2]int{}, false
	}
	// the second row: the header's last cells, years and measures
	var subs []bandSub
	for k := len(heads) - 1; k >= 0; k-- {
		s, ok := bandSubAt(heads[k])
		if !ok {
			break
		}
		subs = append([]bandSub{s}, subs...)
	}
	var runs [][]bandSub
	for k, s := range subs {
		if k == 0 || (s.year == 0) != (subs[k-1].year == 0) || s.year > 0 && s.first <= subs[k-1].year {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], s)
	}
	// the runs read from the end may have taken a head of the first row
	// (a short name): the bands are the last runs
	for len(runs) > bands && len(runs[0]) < 2 {
		subs, runs = subs[len(runs[0]):], runs[1:]
	}
	first := heads[:len(heads)-len(subs)]
	if len(runs) != bands || len(first) < bands {
		return nil, 0, [2]int{}, false
	}
	for _, r := range runs {
		if len(r) < 2 {
			return nil, 0, [2]int{}, false
		}
	}
	group := make([]bool, len(first))
	if len(first) == bands {
		for k := range group {
			group[k] = true
		}
	} else {
		g := 0
		for k, h := range first {
			if ownSpanYear(h) == 0 {
				group[k] = true
				g++
			}
		}
		if g != bands {
			return nil, 0, [2]int{}, false
		}
	}
	unitAll := unitAboveAt(ls, i)
	var cols []gridCol
	targets, b := 0, 0
	for k, h := range first {
		unit := bracketUnit(h)
		if unit == "" || !unitWord(unit) {
			unit = unitAll
		}
		past := has(h, builtWords) || has(h, describedCols)
		if !group[k] {
			y := ownSpanYear(h)
			c := gridCol{year: y, unit: unit, target: y >= *start && !past && unit != ""}
			cols = append(cols, c)
			continue
		}
		for _, s := range runs[b] {
			c := gridCol{year: s.year, unit: unit, target: s.year > 0 && s.year >= *start && !past && unit != ""}
			cols = append(cols, c)
		}
		b++
	}
	for _, c := range cols {
		if c.target {
			targets++
		}
	}
	if targets < 2 || len(cols) != n {
		return nil, 0, [2]int{}, false
	}
	return cols, j, [2]int{ls[i].at, ls[j].at}, true
}

// datedBandTotals dates what a sentence read in a year's head of the band
// (2024年约1900亩: the year's total) by that year, the heads being lines i
// to j of ls; inds in d's indicators.
func datedBandTotals(inds []Indicator, ls []flatLine, i, j int) {
	for k := i; k < j && k < len(ls); k++ {
		x := normalize(ls[k].text)
		m := reBandYear.FindStringSubmatch(x)
		if m == nil || m[2] != "" || !strings.ContainsAny(x, "0123456789") || len(x) <= len(m[1])+len("年") {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		from, to := ls[k].at, ls[k].at+utf8.RuneCountInString(ls[k].text)
		for n := range inds {
			if inds[n].Start >= from && inds[n].End <= to {
				inds[n].DeadlineYear = &y
			}
		}
	}
}
