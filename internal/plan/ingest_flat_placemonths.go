package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A year's tasks by place and by month, one cell a line (D165): numbered
// rows of places under a unit given above the table (单位：亩), the year's
// task, then how much of it is done by each month (3月底前完成20% |
// 6月底前完成60% | …), maybe a part of it (其中…). A head over the months
// that holds the year's total (2027年度任务量约260亩) is their title, no
// column. Every month's cell is a target due the year the heads name. A
// cell of words in the first row (what is done before the first month)
// merged down over the rows below, which then lack it, keeps its column.

// reMonthHead is a column's head of a month in the year (3月底前,
// 11月中旬完成100%, 1-2月前).
var reMonthHead = regexp.MustCompile(`^\d{1,2}(?:-\d{1,2})?月(?:底|末|初|上旬|中旬|下旬)?前?(?:完成\d{1,3}%)?$`)

// reYearTotalHead is a head of a year's total over the months' columns
// (2027年度任务量约260亩): its year.
var reYearTotalHead = regexp.MustCompile(`^(20\d\d)年度?[^0-9]{1,8}?(?:约|共|合计)?\d+(?:\.\d+)?[^0-9]{0,4}$`)

// reUnitTail is the unit given at the end of a line above a table (制表日期：…   单位：亩).
var reUnitTail = regexp.MustCompile(`(?:^|\s)(?:计量)?单位\s*[:：]\s*(\S{1,6})\s*$`)

// unitAboveAt is the unit a line right above line i gives at its end, or "".
func unitAboveAt(ls []flatLine, i int) string {
	for k, seen := i-1, 0; k >= 0 && seen < 2; k-- {
		if ls[k].text == "" {
			continue
		}
		seen++
		if m := reUnitTail.FindStringSubmatch(normalize(ls[k].text)); m != nil && unitWord(m[1]) {
			return m[1]
		}
	}
	return ""
}

// placeCellAt is the cell starting at line j: its lines up to a blank one,
// joined, and the last of them.
func placeCellAt(ls []flatLine, j int) (string, int) {
	text := ls[j].text
	for j+1 < len(ls) && ls[j+1].text != "" {
		j++
		text += ls[j].text
	}
	return text, j
}

// placeMonthsHeadAt reads the header of a table of a year's tasks by place
// and month at line i (序号 | 街镇 | …): its columns, the line after it and
// the span of the head of the year's total (what a sentence read there
// stays: the total is the year's target).
func placeMonthsHeadAt(ls []flatLine, i int, start *int) ([]gridCol, int, [2]int, bool) {
	var title [2]int
	if start == nil || !serialHeader(gridWord(ls[i].text)) {
		return nil, 0, title, false
	}
	j := nextLine(ls, i+1)
	if j >= len(ls) || !regionLead(gridWord(ls[j].text)) {
		return nil, 0, title, false
	}
	unit := unitAboveAt(ls, i)
	if unit == "" {
		return nil, 0, title, false
	}
	var cols []gridCol
	year, months := 0, 0
	for j = nextLine(ls, j+1); j < len(ls); j = nextLine(ls, j+1) {
		text, last := placeCellAt(ls, j)
		head := normalize(text)
		if m := reYearTotalHead.FindStringSubmatch(head); m != nil && !reGridHead.MatchString(head) {
			year = headerYear(m[1]) // (2027年度任务量约260亩: the title of the months after it)
			title = [2]int{ls[j].at, ls[last].at + utf8.RuneCountInString(ls[last].text)}
			j = last
			continue
		}
		if col, ok := gridColumn(head, unit, *start); ok && col.year > 0 && !col.describes {
			cols, year, j = append(cols, col), col.year, last // (2026年 / 任务量: the year's task, its cell wrapped)
			continue
		}
		month := reMonthHead.MatchString(head)
		part := strings.HasPrefix(head, "其中") && utf8.RuneCountInString(head) <= 12 && !strings.ContainsAny(head, "0123456789")
		if year == 0 || !month && !part {
			break
		}
		if month {
			months++
		}
		cols, j = append(cols, gridCol{year: year, unit: unit, target: year >= *start}), last
	}
	if months < 2 || len(cols) > 12 || !cols[0].target {
		return nil, 0, title, false
	}
	return cols, j, title, true
}

// placeMonthsRows reads the numbered rows of such a table from line j on:
// its number (none for the total), its place, a value a column — the first
// row maybe a cell of words among them, which the rows below then lack.
func placeMonthsRows(ls []flatLine, j int, cols []gridCol) ([]*flatRow, int) {
	var rows []*flatRow
	end, merged, number := j, -1, 0
	for {
		j = nextLine(ls, j)
		if j < len(ls) && isInt(ls[j].text) && len(ls[j].text) <= 3 {
			number, _ = strconv.Atoi(ls[j].text)
			j = nextLine(ls, j+1) // (the row's number)
		}
		if j >= len(ls) || !gridPlace(ls[j].text) {
			break
		}
		row := &flatRow{label: gridWord(ls[j].text), at: ls[j].at}
		words := -1
		last := j
		limit := len(cols)
		if len(rows) > 0 && merged >= 0 {
			limit-- // (the cell of words merged down from the first row)
		}
		for j = nextLine(ls, j+1); j < len(ls) && len(row.vals) < limit; j = nextLine(ls, j+1) {
			text, l := placeCellAt(ls, j)
			if text == strconv.Itoa(number+1) && nextPlace(ls, l) {
				break // (the next row's number: this row is short of cells)
			}
			if reGridValue.MatchString(text) {
				row.vals, last, j = append(row.vals, flatTok{kind: ftValue, text: text, at: ls[j].at}), l, l
				continue
			}
			if len(rows) == 0 && words < 0 && strings.ContainsAny(text, "、，。；") {
				row.vals = append(row.vals, flatTok{kind: ftDash, at: ls[j].at})
				words, last, j = len(row.vals)-1, l, l // (完成排查、建立台账。: what is done before the first month, merged down)
				continue
			}
			break
		}
		if k := nextLine(ls, last+1); k < len(ls) && reGridValue.MatchString(ls[k].text) && !(ls[k].text == strconv.Itoa(number+1) && nextPlace(ls, k)) {
			break // (more values than the columns: the row does not fit)
		}
		if len(rows) == 0 {
			merged = words
		} else if len(row.vals) == len(cols)-1 && merged >= 0 {
			row.vals = append(append(append([]flatTok{}, row.vals[:merged]...), flatTok{kind: ftDash}), row.vals[merged:]...)
		}
		if len(row.vals) != len(cols) {
			break // (a row that does not fit: the table ends, nothing guessed)
		}
		rows = append(rows, row)
		end = last
	}
	return rows, end
}

// nextPlace reports the cell after line k as a place's name.
func nextPlace(ls []flatLine, k int) bool {
	l := nextLine(ls, k+1)
	return l < len(ls) && gridPlace(ls[l].text)
}
