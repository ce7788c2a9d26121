package plan

import (
	"strings"
	"unicode/utf8"
)

// Reading one row of an indicator table under its header: the targets its
// target columns give (ingest_table_target.go reads each cell), the
// category and constraint it gives or a row above it gave, and whether a
// row of words (持续提升, —) still belongs to the table.

// rows reads one row of a table: a target for each target column with a
// number (for a table of tasks by year one a year); ok is false when the
// line is not a row. name, if not "", is the indicator's name, wrapped
// over lines around the row (a PDF's layout).
func (t *table) rows(cs []cell, line string, base int, section []string, name string) ([]Indicator, bool) {
	if len(cs) < 3 && !(t.plansAdd && len(cs) == 2) {
		return nil, false
	}
	if len(t.years) > 0 {
		if len(cs) != t.width && !(len(cs) == t.width-1 && t.name == t.width-2) { // (合计 without a 序号)
			return nil, false
		}
		if c, ok := cellAt(cs, t.years[0]); ok && headerYear(normalize(c.text)) > 0 && strings.Contains(c.text, "年") {
			return nil, true // (the header again, on the table's next page: 序号 | 地区 | 2020 年装机 | …)
		}
		var out []Indicator
		for k, r := range t.years {
			if ind, ok := t.cell(cs, tcol{r: r, year: t.yearOf[k]}, line, base, section, name); ok {
				out = append(out, ind)
			}
		}
		return out, len(out) > 0
	}
	var out []Indicator
	cat, constr := t.rowState(cs)
	for _, c := range t.cols {
		for _, ind := range t.pairCell(cs, c, line, base, section, name) {
			if t.noZeros && ind.Value != nil && *ind.Value == 0 {
				continue
			}
			ind.Category = cat
			if ind.Constraint == "" {
				ind.Constraint = constr
			}
			out = append(out, ind)
		}
	}
	if len(out) > 0 {
		t.lastCat, t.lastConstr = cat, constr
	}
	return out, len(out) > 0
}

// rowState is a row's category and constraint: its own cells', else the
// last row's (a cell merged down over it). A laid-out table's category is
// placed after the table (layout.placeSpans): a PDF centres it among its
// rows.
func (t *table) rowState(cs []cell) (cat, constr string) {
	if t.lay != nil {
		return "", ""
	}
	cat, constr = t.lastCat, t.lastConstr
	if c, ok := cellAt(cs, t.category); ok && headerWord(c.text) && !strings.ContainsAny(c.text, "0123456789") {
		cat = c.text
	}
	if c, ok := cellAt(cs, t.constr); ok && constraintWord(c.text) {
		constr = c.text
	}
	return cat, constr
}

// noteRow keeps a row of words' category and constraint for the rows
// below it.
func (t *table) noteRow(cs []cell) { t.lastCat, t.lastConstr = t.rowState(cs) }

// cellAt is the cell r from the right of a row, if it has one with text.
func cellAt(cs []cell, r int) (cell, bool) {
	if r < 0 || r >= len(cs) || cs[len(cs)-1-r].text == "" {
		return cell{}, false
	}
	return cs[len(cs)-1-r], true
}

// wordsCell is the longest target cell of words a row of the table may
// hold and go on: a Markdown grid's row keeps its columns, so a longer
// phrase (完成经国家审核衔接后确定的目标) is still a cell of it; a table
// read from spaced text keeps the older bound.
func wordsCell(t *table) int {
	if t.grid {
		return 24
	}
	return 12
}

// wordsRow reports whether a line that is no target row is still a row of
// the table: the right cells, and words where the target would be
// (持续提升, 基本消除, —). The table goes on after it.
func (t *table) wordsRow(cs []cell) bool {
	if len(t.years) > 0 || len(cs) < 3 || len(cs) > t.width {
		return false
	}
	words := 0
	for _, c := range t.cols {
		tc, ok := cellAt(cs, c.r)
		if !ok {
			continue
		}
		if utf8.RuneCountInString(tc.text) > wordsCell(t) || strings.ContainsAny(tc.text, "0123456789０１２３４５６７８９。；;，,") {
			return false
		}
		words++
	}
	return words > 0
}

// yearsFromStart makes the first year column of a table of tasks by year
// its baseline when that year is before the plan's first (2020 年装机 |
// 2025 年装机 in a plan of 2021–2025: where each place stands, then its
// target); a table its header titles as tasks keeps every year.
func (t *table) yearsFromStart(start *int) {
	if start == nil || t.tasks || len(t.years) < 2 || t.yearOf[0] >= *start {
		return
	}
	t.baseline, t.baselineYear = t.years[0], t.yearOf[0]
	t.years, t.yearOf = t.years[1:], t.yearOf[1:]
}
