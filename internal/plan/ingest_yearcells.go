package plan

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// yearCells dates a figure alone in its cell (345个, 581吨/日) right below a
// cell that is only a year (2019年) — a table of tasks pasted one cell a
// line, each task's figures by their milestones — to that year, as a grid's
// row of a year is (D146), and asserts it when the year is the plan's
// (from its start on); what a sentence's reader made of the lone figure
// (due the plan's end, or proposed for want of a verb) gives way. Only a
// reading whose line is its cell and nothing else, with a unit, moves (or
// one of two such figures a slash parts: 26.5万户/733个).
func (d *docRead) yearCells(text string) {
	if len(d.doc.Indicators) == 0 {
		return
	}
	ls := flatLines(text)
	start := d.doc.Period.Start
	for k, ind := range d.doc.Indicators {
		i := sort.Search(len(ls), func(i int) bool { return ls[i].at > ind.Start }) - 1
		if i < 1 || ind.Value == nil {
			continue
		}
		if !lineCell(ls[i], ind.Start) {
			continue // (the line is more than the figure's cell)
		}
		j := i - 1
		for j > 0 && ls[j].text == "" {
			j--
		}
		yc := normalize(ls[j].text)
		if !reYearCell.MatchString(yc) || j == i-1 {
			continue // (a cell that is only a year — 2019年, a milestone — apart from the figure by a blank line, as the table's cells are)
		}
		y, _ := strconv.Atoi(yc[:4])
		d.doc.Indicators[k].DeadlineYear = &y
		if start != nil && y >= *start {
			d.doc.Indicators[k].Candidate, d.doc.Indicators[k].Reported = false, false
		}
	}
}

// lineCell reports a line that is one cell of a figure with its unit, the
// figure at the rune offset at, or two such cells a slash parts (26.5万户/
// 733个, a count of homes and of estates; but 634吨/日 is one).
func lineCell(l flatLine, at int) bool {
	whole := func(t string, off int) bool {
		cv, ok := readCell(t)
		return ok && cv.unit != "" && l.at+off+cv.numAt == at
	}
	if whole(l.text, 0) {
		return true
	}
	a, b, ok := strings.Cut(l.text, "/")
	if !ok || strings.Contains(b, "/") {
		return false
	}
	ca, oka := readCell(a)
	cb, okb := readCell(b)
	if !oka || !okb || ca.unit == "" || cb.unit == "" {
		return false
	}
	return whole(a, 0) || whole(b, utf8.RuneCountInString(a)+1)
}
