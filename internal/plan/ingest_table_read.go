package plan

import (
	"regexp"
	"strings"
)

// Reading a document's lines as an indicator table's: its header, its
// rows, the lines a header or a PDF's layout spreads over, its end.

// reUnitLine is the line above a table that gives its unit (单位：个).
var reUnitLine = regexp.MustCompile(`^(?:计量)?单位\s*[:：]\s*(\S{1,6})\s*$`)

// tableLine reads line i as a line of a table, inside a section (or an
// indicator table before the first): a row of
// the indicator table being read (its targets proposed in a section about
// the past), the rule under a Markdown table's header, the lines of a
// header, a name's wrapped part, or the header of an indicator table (with
// the unit the line above may give). done reports the line read so; row, a
// line of three cells or more of another table.
func (d *docRead) tableLine(i int) (row, done bool) {
	if len(d.stack) == 0 && d.tbl == nil && !(strings.Contains(d.origs[i], "指标") && strings.ContainsAny(d.origs[i], "|\t")) {
		// before the first section only an indicator table is read (a
		// plan whose headings stand in its task tables' rows has no
		// section the reader knows, but its annex of 指标 is one)
		return false, false
	}
	cs := cells(d.origs[i])
	if placed, ok := d.cellRows[d.offs[i]]; ok {
		cs = nonEmpty(placed)
	}
	row = len(cs) >= 3
	if d.tbl != nil && d.tbl.tasksBy != nil {
		done, end := d.taskTableLine(i)
		if !end {
			return row, done
		}
		d.endTable()
	}
	if d.tbl != nil && d.tbl.byYear != nil {
		if d.yearRowLine(i) {
			return row, true
		}
		d.endTable()
	}
	if d.tbl == nil && d.pairsRow(i) {
		return row, true // a row of header：value pairs (ingest_table_pairs.go)
	}
	if d.tbl == nil && strings.Contains(d.origs[i], "年") && strings.ContainsAny(d.origs[i], "|\t") {
		if yr := d.yearRowsAt(i); yr != nil {
			d.flush()
			d.tbl = &table{byYear: yr}
			return row, true
		}
		if g := d.rawGrid(i); g != nil {
			if ty := taskYearHeader(g); ty != nil {
				d.flush()
				d.tbl = &table{tasksBy: ty}
				return row, true
			}
		}
	}
	if d.tbl != nil && (reMarkdownRule.MatchString(d.lines[i]) || i <= d.tbl.skip) {
		return row, true
	}
	if t := d.tbl; t != nil {
		heading := normalizedHeading(d.origs[i])
		acs := t.align(d, i, cs)
		if t.lay != nil {
			if len(cs) == t.width {
				t.lay.anchor(cs, d.indent(i))
			}
			if a, ok := t.lay.align(cs, d.indent(i)); ok {
				acs = a
				if !heading {
					t.lay.spanned(t, acs, i)
				}
				if !heading && t.lay.wrapped(t, acs) {
					return row, true
				}
			}
		}
		if inds, ok := t.rows(acs, d.origs[i], d.offs[i], d.path(), ""); ok {
			d.flush()
			// (in a part that forecasts, a table of what the plan adds is its
			// own build-out)
			past := len(d.stack) > 0 && d.stack[len(d.stack)-1].past && !(t.plansAdd && forecastOnly(d.stack))
			if t.lay != nil {
				t.lay.hold(d, t, acs, i, past)
				return row, true
			}
			for _, ind := range inds {
				ind.Candidate = past
				d.doc.Indicators = append(d.doc.Indicators, ind)
			}
			return row, true
		}
		if len(cs) == 1 && (t.sectionRow(d.rawGrid(i)) || groupRow(d.origs[i])) {
			d.flush()
			return row, true
		}
		if !heading && (t.wordsRow(acs) || d.markdownRowGoesOn(i, cs)) {
			d.flush()
			t.noteRow(acs)
			if t.lay != nil {
				t.lay.hold(d, t, acs, i, false)
			}
			return row, true
		}
		d.endTable()
	}
	if t, ok := d.header(i, cs); ok {
		d.flush()
		d.tbl = t
		d.tbl.unitAbove = d.unitAbove(i)
		if d.tbl.unitAbove == "" {
			d.tbl.unitAbove = d.captionUnit(i)
		}
		d.tbl.yearsFromStart(d.doc.Period.Start)
		if y := d.captionYear(i); y > 0 && d.tbl.regions && (d.doc.Period.End == nil || y <= *d.doc.Period.End) {
			d.tbl.targetYear = y // (2026 年各县（市、区）科普工作目标任务 over 县（市、区） | 科普活动（场次）)
		}
		return row, true
	}
	return row, false
}

// markdownRowGoesOn reports a row of a Markdown table that holds no target
// the reader knows (ΔEQI≥-1, 案件线索启动率100%，且结案率≥80%, a baseline
// spelt out in words) but is still a row of the table being read: a line
// between |s with at most two cells more than the header (a name split
// in two cells), that is no header of another table (no rule under it, no
// columns of one).
func (d *docRead) markdownRowGoesOn(i int, cs []cell) bool {
	t := d.tbl
	line := strings.TrimSpace(d.origs[i])
	if !t.grid || len(t.years) > 0 || len(cs) < 3 || len(cs) > t.width+2 || !markdownRow(line) {
		return false
	}
	if i+1 < len(d.lines) && reMarkdownRule.MatchString(d.lines[i+1]) {
		return false
	}
	_, header := tableHeader(plainCells(cs), d.doc.Period.End)
	return !header
}

// endTable ends the table being read: the row a PDF's layout held back
// for the parts of its name is read.
func (d *docRead) endTable() {
	if d.tbl != nil && d.tbl.lay != nil {
		d.tbl.lay.release(d, d.tbl, -1)
		d.tbl.lay.placeSpans(d.doc.Indicators)
	}
	d.tbl = nil
}
