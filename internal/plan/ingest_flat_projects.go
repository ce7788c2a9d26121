package plan

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A table of works by year, one cell a line (D165): 序号 | 建设时间 | words
// (how, what kind) | columns of amounts (数量 | 建筑面积（万m2） | 经费预算（万元）
// | 年度预算（万元）). A year's cell, and the words after it, are merged down over
// the rows below it, so a row holds its number (none under 合计), as many
// words as are not merged, then its amounts left to right — all of them, or
// all but the last (a sum over the year's rows, merged down). Each amount in
// a column with a unit of its own is a target due the row's year (a span's
// end for “十四五”期间); columns of money (经费, 预算, 投资) and counts without a
// unit are no targets. A row whose amounts do not fit ends the table.

// projectCol is one column of amounts: its unit, whether it is a target's.
type projectCol struct {
	unit   string
	target bool
}

// moneyWords name a column of what the works cost: no target.
var moneyWords = []string{"经费", "预算", "投资", "资金", "费用"}

// projectHeadAt reads the header of a table of works by year at line i: its
// columns of amounts and the line after it.
func projectHeadAt(ls []flatLine, i int) ([]projectCol, int, bool) {
	if !serialHeader(gridWord(ls[i].text)) {
		return nil, 0, false
	}
	j := nextLine(ls, i+1)
	if j >= len(ls) || !slices.Contains([]string{"建设时间", "建设年度", "实施年度", "年度", "时间"}, gridWord(ls[j].text)) {
		return nil, 0, false
	}
	var cols []projectCol
	words := 0
	for j = nextLine(ls, j+1); j < len(ls); j = nextLine(ls, j+1) {
		text, last := placeCellAt(ls, j)
		head := normalize(text)
		if utf8.RuneCountInString(head) > 16 || strings.ContainsAny(head, "0123456789，。；、") && placeGridUnit(head) == "" {
			break
		}
		unit := placeGridUnit(head)
		switch {
		case unit != "" && unitWord(unit):
			cols = append(cols, projectCol{unit: unit, target: !has(head, moneyWords)})
		case head == "数量" || strings.HasSuffix(head, "数量") || strings.HasSuffix(head, "个数"):
			cols = append(cols, projectCol{}) // (a count without a unit: its unit unknown, no target read)
		case len(cols) == 0 && gridPlace(head):
			words++ // (建设方式, 类型: the words of a row)
		default:
			j = -1
		}
		if j < 0 {
			break
		}
		j = last
	}
	if j < 0 || words == 0 || len(cols) < 2 || !slices.ContainsFunc(cols, func(c projectCol) bool { return c.target }) {
		return nil, 0, false
	}
	return cols, j, true
}

// projectRows reads the rows of a table of works by year from line j on.
func projectRows(ls []flatLine, j int, cols []projectCol) ([]*flatRow, []flatCols, int) {
	var rows []*flatRow
	var rowCols []flatCols
	end, number, year := j, 0, 0
	merged := -1 // whether the last amount is merged down over a group's rows (-1: not yet known)
	for {
		j = nextLine(ls, j)
		if j >= len(ls) {
			break
		}
		text, last := placeCellAt(ls, j)
		if text == strconv.Itoa(number+1) {
			number++
			j = nextLine(ls, last+1)
			if j >= len(ls) {
				break
			}
			text, last = placeCellAt(ls, j)
		}
		at := ls[j].at
		var label []string
		opens := false // the row opens a group: its year's, or a total's
		for !reGridValue.MatchString(text) {
			x := normalize(text)
			if y := reFlatYear.FindString(x); y != "" && y == x {
				year, opens = headerYear(x), true // (2022年: the year of this row and of those below, merged down)
			} else if pe := periodEnd(x); pe > 0 {
				year, opens = pe, true // (“十四五”期间: the span's end)
			} else if slices.Contains([]string{"合计", "总计", "小计"}, gridWord(text)) {
				opens = true
			} else if utf8.RuneCountInString(x) > 16 || strings.ContainsAny(x, "，。；") || flatStop(text) {
				return rows, rowCols, end
			}
			label = append(label, gridWord(text))
			if j = nextLine(ls, last+1); j >= len(ls) {
				return rows, rowCols, end
			}
			text, last = placeCellAt(ls, j)
		}
		want := len(cols) // (a group's first row gives every amount; the rows below all but the last, if it is merged)
		if !opens && merged == 1 && len(label) == 1 {
			want--
		}
		var vals []flatTok
		for reGridValue.MatchString(text) && len(vals) < want {
			if k := nextLine(ls, last+1); text == strconv.Itoa(number+1) && k < len(ls) && !reGridValue.MatchString(ls[k].text) {
				break // (the next row's number, its words after it)
			}
			vals = append(vals, flatTok{kind: ftValue, text: text, at: ls[j].at})
			end = last
			if j = nextLine(ls, last+1); j >= len(ls) {
				break
			}
			text, last = placeCellAt(ls, j)
		}
		if !opens && merged < 0 && len(vals) >= len(cols)-1 {
			merged = len(cols) - len(vals) // (the first row below a group's first tells)
			want = len(vals)
		}
		if !opens && merged == 1 && len(label) > 1 && len(vals) == want-1 {
			want-- // (改建 | 日间照料中心: a way of building over rows of its own, which may give their sum or leave it to the year's)
		}
		if len(vals) != want || year == 0 || len(label) == 0 {
			break // (a row that does not fit: the table ends)
		}
		for len(vals) < len(cols) {
			vals = append(vals, flatTok{kind: ftDash}) // (the last amount, merged down)
		}
		fc := flatCols{}
		for _, c := range cols {
			if c.target {
				fc.vals = append(fc.vals, flatCol{year: year, unit: c.unit})
			} else {
				fc.vals = append(fc.vals, flatCol{baseline: true, done: true})
			}
		}
		rows = append(rows, &flatRow{label: strings.Join(label, " "), at: at, vals: vals})
		rowCols = append(rowCols, fc)
		j = end + 1
	}
	return rows, rowCols, end
}
