package plan

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A table of places by dated columns, one cell a line (D165): the rows are
// places (街镇, 区), maybe each over rows of its kinds (甲类 | 乙类), and
// every column after them is dated by the year its head opens with and
// counts in the unit its head gives in brackets — on the head's line or on
// a line of its own below it, where the cell wrapped:
//
//	街  镇 | 类 型 | 十四五已建成 (万m2) | 2027年任务 (万m2) | 2028年任务 (万m2) |
//	2029年底总量(万m2) | 2029年规划人口（万） | 东江镇 | 甲类 | 1.2 | 0.4 | …
//
// The header reads only where every column proves itself (a unit each, a
// year or a period past each) and two columns at least are due from the
// plan's start; a row reads only where it has a value a column. A kind's
// row under a place may lack the one cell that describes the place (its
// population: the same for all the place's kinds, merged down over them);
// any other row short of cells ends the table. Columns of years before the
// plan starts, of what a period past built (已建成) and of a place's
// population are no targets.

// gridCol is one column of a place grid: its year (0: a period past), its
// unit, whether it is a target's, and whether it describes the place.
type gridCol struct {
	year      int
	unit      string
	target    bool
	describes bool
}

// reGridHead is a column's head opening with its year (2022年任务,
// 2023年底总量): the year and the words after it.
var reGridHead = regexp.MustCompile(`^(20\d\d)年(?:底|末|度)?([^0-9]{1,10})$`)

// reGridValue is a cell of a place grid: a bare decimal.
var reGridValue = regexp.MustCompile(`^\d{1,7}(?:\.\d{1,4})?$`)

// rePlaceGridUnit is a head's unit in brackets at its end (万m2, m2, 万).
var rePlaceGridUnit = regexp.MustCompile(`\(([^()]{1,6})\)\s*$`)

// placeGridUnit is the unit in brackets at the end of a head, or "".
func placeGridUnit(x string) string {
	if m := rePlaceGridUnit.FindStringSubmatch(x); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// builtWords name a column of what a period past left built or there is
// now, or of what was done (a record, no target).
var builtWords = []string{"已建成", "已建", "已有", "现有", "现状", "存量", "实际", "完成值", "完成情况", "实现值", "实绩"}

// gridWord is a line's one word, its letters maybe spaced in the cell (街  镇).
func gridWord(t string) string {
	if letterSpaced(t) {
		return strings.Join(strings.Fields(t), "")
	}
	return normalize(t)
}

// placeGridHeadAt reads the header of a place grid at line i: its columns,
// whether the rows carry a kind's cell, and the first line after it.
func placeGridHeadAt(ls []flatLine, i int, start *int) ([]gridCol, bool, int, bool) {
	if !regionLead(gridWord(ls[i].text)) || start == nil {
		return nil, false, 0, false
	}
	var cols []gridCol
	kinds := false
	j := i + 1
	next := func() {
		for j < len(ls) && ls[j].text == "" {
			j++
		}
	}
	next()
	if j < len(ls) {
		if f := flatHeaderField(gridWord(ls[j].text)); f == "constr" || f == "category" {
			kinds = true // (类型: 甲类 or 乙类, a place's rows by kind)
			j++
		}
	}
	for {
		next()
		if j >= len(ls) {
			break
		}
		head := normalize(ls[j].text)
		unit := placeGridUnit(head)
		if unit != "" {
			head = strings.TrimSpace(strings.TrimSuffix(head, "("+unit+")"))
		} else if k := nextLine(ls, j+1); k < len(ls) {
			if u := placeGridUnit(normalize(ls[k].text)); u != "" && normalize(ls[k].text) == "("+u+")" {
				unit, j = u, k // (2022年任务 / (万m2): the unit wrapped to a line of its own)
			}
		}
		col, ok := gridColumn(head, unit, *start)
		if !ok {
			break
		}
		cols = append(cols, col)
		j++
	}
	targets := 0
	for _, c := range cols {
		if c.target {
			targets++
		}
	}
	if targets < 2 || len(cols) > 14 {
		return nil, false, 0, false
	}
	return cols, kinds, j, true
}

// nextLine is the first line from j on that is not blank.
func nextLine(ls []flatLine, j int) int {
	for j < len(ls) && ls[j].text == "" {
		j++
	}
	return j
}

// gridColumn reads one column's head and unit: dated by the year it opens
// with, or what a period past built; ok is false for any other head.
func gridColumn(head, unit string, start int) (gridCol, bool) {
	if unit == "" || !unitWord(unit) || strings.ContainsAny(head, "()（）") {
		return gridCol{}, false
	}
	if m := reGridHead.FindStringSubmatch(head); m != nil {
		y, _ := strconv.Atoi(m[1])
		if strings.Contains(m[2], "人口") && !strings.Contains(m[2], "人均") {
			return gridCol{year: y, unit: unit, describes: true}, true // (2023年规划人口: what the place is, no goal)
		}
		if has(m[2], builtWords) {
			return gridCol{year: y, unit: unit}, true
		}
		return gridCol{year: y, unit: unit, target: y >= start}, true
	}
	for _, p := range []string{"“", "\"", ""} {
		for _, w := range []string{"十一五", "十二五", "十三五", "十四五", "十五五"} {
			if rest, ok := strings.CutPrefix(head, p+w); ok {
				rest = strings.TrimLeft(rest, "”\"期末间时")
				if end := periodEnd(w); end < start && has(rest, builtWords) {
					return gridCol{unit: unit}, true // (十四五已建成: where things stood)
				}
			}
		}
	}
	return gridCol{}, false
}

// gridPlace reports a cell that names a place or a kind: two to ten
// Chinese characters, none a header's word.
func gridPlace(t string) bool {
	w := gridWord(t)
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 10 || strings.IndexFunc(w, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
		return false
	}
	return w != "备注" && w != "说明" && w != "注"
}

// placeGridRows reads the rows of a place grid from line j on: each row its
// label (the place, and its kind) and a value a column. It returns them and
// the line after the last row read.
func placeGridRows(ls []flatLine, j int, cols []gridCol, kinds bool) ([]*flatRow, int) {
	var rows []*flatRow
	place, placeAt := "", 0
	end := j
	for {
		j = nextLine(ls, j)
		if j >= len(ls) || !gridPlace(ls[j].text) {
			break
		}
		// the cells of words before the row's first value: the place (a
		// long name maybe wrapped over two lines) and its kind, or the kind
		// alone under the place above
		var words []int
		for k := j; k < len(ls) && gridPlace(ls[k].text) && len(words) < 4; k = nextLine(ls, k+1) {
			words, j = append(words, k), k
		}
		label, at := gridWord(ls[words[0]].text), ls[words[0]].at
		sub := false // a kind's row under the place above
		switch {
		case !kinds && len(words) == 1:
		case kinds && len(words) == 1 && place != "":
			label, at, sub = place+" "+label, placeAt, true
		case kinds && (len(words) == 2 || len(words) == 3):
			for _, k := range words[1 : len(words)-1] {
				label += gridWord(ls[k].text) // (西岭 / 开发区: a place's name the cell's width wrapped)
			}
			place, placeAt = label, at
			label += " " + gridWord(ls[words[len(words)-1]].text)
		default:
			return rows, end
		}
		var vals []flatTok
		last := j
		for j = nextLine(ls, j+1); j < len(ls) && reGridValue.MatchString(ls[j].text); j = nextLine(ls, j+1) {
			vals = append(vals, flatTok{kind: ftValue, text: ls[j].text, at: ls[j].at})
			last = j
		}
		if len(vals) == len(cols)-1 && sub {
			vals = mergedDown(vals, cols)
		}
		if len(vals) != len(cols) {
			break // (a row that does not fit: the table ends, nothing guessed)
		}
		rows = append(rows, &flatRow{label: label, at: at, vals: vals})
		end = last
	}
	return rows, end
}

// mergedDown puts back the cell a kind's row lacks, where the place's one
// describing column is (its population, merged down over its kinds); vals
// unchanged when there is not exactly one such column.
func mergedDown(vals []flatTok, cols []gridCol) []flatTok {
	at := -1
	for k, c := range cols {
		if c.describes {
			if at >= 0 {
				return vals
			}
			at = k
		}
	}
	if at < 0 {
		return vals
	}
	out := append(append(append([]flatTok{}, vals[:at]...), flatTok{kind: ftDash}), vals[at:]...)
	return out
}

// placeGrids reads the place grids of text into d's indicators, where what
// was read there says less.
func (d *docRead) placeGrids(text string) {
	start := d.doc.Period.Start
	if start == nil {
		start = issueYear(d.lines)
	}
	if start == nil {
		start = docNumberYear(d.lines)
	}
	if start == nil {
		return
	}
	ls := flatLines(text)
	var added []Indicator
	var had *spanIndex
	for i := 0; i < len(ls); i++ {
		if ls[i].text == "" || utf8.RuneCountInString(ls[i].text) > 8 {
			continue
		}
		var rows []*flatRow
		var fcs []flatCols // (each row's columns)
		var title [2]int   // (the head of a year's total, over its months)
		var bands [2]int   // (the lines of a header of bands, ingest_flat_placebands.go)
		end := i
		cols, kinds, next, ok := placeGridHeadAt(ls, i, start)
		if ok {
			rows, end = placeGridRows(ls, next, cols, kinds)
		} else if cols, next, title, ok = placeMonthsHeadAt(ls, i, start); ok {
			rows, end = placeMonthsRows(ls, next, cols) // (ingest_flat_placemonths.go)
		} else if cols, next, title, ok = placeBandsHeadAt(ls, i, start); ok {
			rows, end = placeMonthsRows(ls, next, cols) // (ingest_flat_placebands.go)
			bands = [2]int{i, next}
		} else if pcols, pnext, ok := projectHeadAt(ls, i); ok {
			rows, fcs, end = projectRows(ls, pnext, pcols) // (ingest_flat_projects.go)
		}
		if len(rows) == 0 {
			continue
		}
		if fcs == nil {
			fc := flatCols{regions: true}
			for _, c := range cols {
				if !c.target {
					fc.vals = append(fc.vals, flatCol{baseline: true, done: true}) // (no target, and no baseline of the columns beside it: a year's task is no change from what was built)
					continue
				}
				fc.vals = append(fc.vals, flatCol{year: c.year, unit: c.unit})
			}
			for range rows {
				fcs = append(fcs, fc)
			}
		}
		var read []Indicator
		for k, r := range rows {
			read = append(read, r.targets(fcs[k], d.doc.Period.End, sectionAt(d.doc.Sections, r.at))...)
		}
		if had == nil {
			had = newSpanIndex(d.doc.Indicators)
		}
		from, to := ls[i].at, ls[end].at+utf8.RuneCountInString(ls[end].text)
		inside := slices.DeleteFunc(had.within(from, to), func(k int) bool {
			return d.doc.Indicators[k].Start >= title[0] && d.doc.Indicators[k].End <= title[1]
		})
		if fullness(read) <= fullnessAt(d.doc.Indicators, inside) {
			continue
		}
		had.drop(inside)
		if bands[1] > 0 {
			datedBandTotals(d.doc.Indicators, ls, bands[0], bands[1])
		}
		added = append(added, read...)
		i = end
	}
	if len(added) > 0 {
		d.doc.Indicators = had.replaced(d.doc.Indicators, added)
	}
}
