package plan

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The rows of a flattened indicator table (ingest_flat.go), from its cells
// (ingest_flat_cells.go): labels and values in the order the text has
// them. A label ends at its unit in brackets (算力规模（EFLOPS）) or at the
// next cell that is no word; a 序号 inside a label that has not reached
// its brackets is the row's number set beside the label's middle line.
//
// A label followed by as many values as the header has value columns is
// a row read as it stands. Between such rows, where a run of values came
// apart from the labels they belong to (a PDF writes the values of rows
// whose labels wrapped before those labels), the values are given to the
// labels in order only when the counts prove it: each run of values is a
// whole number of rows, the labels and rows come out even, and at no point
// does more than one label wait for values it has not been given (a label
// with no values of its own — words where a value would be — breaks the
// proof). Otherwise the rows are proposed, values to labels in order, for
// the reviewer to accept.

// flatRow is one row: its label, the rune offset of the label, its unit
// and 属性 cells, the category it is under, its values, and whether it is
// only proposed.
type flatRow struct {
	label, unit, constr, category string
	at                            int
	vals                          []flatTok
	proposed                      bool
}

// flatItem is a label or a value cell (with the 属性 given right after it).
type flatItem struct {
	row    *flatRow
	val    flatTok
	constr string
}

// flatRows reads the table's rows from its cells: those with values.
func flatRows(toks []flatTok, cols flatCols) []*flatRow {
	items := flatItems(toks, cols)
	c := len(cols.vals)
	var out []*flatRow
	var seg flatSegment
	for k := 0; k < len(items); {
		var rows []*flatRow
		for ; k < len(items) && items[k].row != nil; k++ {
			rows = append(rows, items[k].row)
		}
		var vals []flatItem
		for ; k < len(items) && items[k].row == nil; k++ {
			vals = append(vals, items[k])
		}
		if len(rows) > 0 && len(vals) == c {
			// a label and its values: a row as it stands
			seg.add(rows[:len(rows)-1], nil)
			out = append(out, seg.flush(c)...)
			out = append(out, rows[len(rows)-1].take(vals, false))
			continue
		}
		if cols.regions {
			continue // (a region's name never wraps: cells that do not fit its row are empty ones left out, and nothing is guessed)
		}
		seg.add(rows, vals)
	}
	out = append(out, seg.flush(c)...)
	for k := 1; k < len(out); k++ {
		if out[k].unit == "" && strings.HasPrefix(strings.TrimSpace(out[k].label), "其中") {
			out[k].unit = out[k-1].unit // (新建绿地 | 万平方米 | 90.87 | 35, then 其中 公园绿地 | 58.46 | 17.5: a part of the row above, in its unit)
		}
	}
	if cols.constr {
		last := ""
		for _, r := range out {
			if r.constr == "" {
				r.constr = last // a 属性 cell merged down over the rows below it
			}
			last = r.constr
		}
	}
	return out
}

// flatItems puts the cells together as labels and values.
func flatItems(toks []flatTok, cols flatCols) []flatItem {
	items := make([]flatItem, 0, len(toks))
	var open *flatRow
	parts, bracketed, category := 0, false, ""
	given := 0    // values since the last label
	sinceRow := 0 // value cells since the last row's label
	closeOpen := func() {
		if open != nil {
			items = append(items, flatItem{row: open})
			open, sinceRow = nil, 0
		}
	}
	for i, tk := range toks {
		if flatWordsCell(toks, i, cols, len(items) > 0 && items[len(items)-1].row != nil, sinceRow) {
			toks[i].kind, toks[i].words, tk.kind = ftDash, true, ftDash // (力争150家, 5分钟覆盖区超80%: a value's cell of words)
		}
		switch tk.kind {
		case ftText:
			if cols.note && open == nil && given == len(cols.vals) {
				given = 0
				continue // the row's note (责任单位, 备注), after its values
			}
			if open != nil && bracketed {
				closeOpen()
			}
			if open == nil {
				open, parts = &flatRow{at: tk.at, category: category}, 0
			}
			open.label += tk.text
			parts++
			bracketed = nameUnit(open.label) != ""
		case ftSeq:
			given = 0 // (the next row's number: words after it are its label, not a note of the row before)
			switch {
			case open != nil && !bracketed && parts == 1 && len([]rune(open.label)) <= 5:
				category, open = open.label, nil // a category's cell before its first row
			case open != nil && !bracketed && !cols.unit:
				// the row's number beside the middle line of its label
			default:
				closeOpen()
			}
		case ftUnit:
			closeOpen()
			if k := len(items) - 1; k >= 0 && items[k].row != nil && items[k].row.unit == "" {
				items[k].row.unit = strings.Trim(altMeasure(normalize(tk.text)), "() ") // (条（段）: 条, as 7万套（间） reads)
			}
		case ftConstr:
			closeOpen()
			if k := len(items) - 1; k >= 0 && items[k].row == nil {
				items[k].constr = tk.text
			} else if k >= 0 && items[k].row.constr == "" {
				items[k].row.constr = tk.text // (属性 before the values: 单位 | 属性 | 完成值 | 目标值)
			}
		default:
			if tk.kind == ftDash && cols.note && open == nil && given == len(cols.vals) && longCell(normalize(tk.text)) {
				given = 0
				continue // the row's note, a sentence (参照…的指标要求。), after its values
			}
			if tk.kind == ftDash && open != nil && cols.unit && !bracketed {
				closeOpen() // (城市生物多样性指数 | / | 预期性: a unit cell left empty, right after the label)
				continue
			}
			if open != nil {
				given = 0
			}
			closeOpen()
			items = append(items, flatItem{val: tk})
			given++
			sinceRow++
		}
	}
	closeOpen()
	return items
}

// take gives the row its values (and the 属性 given after them).
func (r *flatRow) take(vals []flatItem, proposed bool) *flatRow {
	for _, v := range vals {
		r.vals = append(r.vals, v.val)
		if v.constr != "" {
			r.constr = v.constr
		}
	}
	r.proposed = proposed
	return r
}

// flatSegment gathers the labels and values between rows read as they
// stand, in their order, to give the values to the labels.
type flatSegment struct {
	rows []*flatRow
	vals []flatItem
	runs [][2]int // each run's labels and values, in order
}

func (s *flatSegment) add(rows []*flatRow, vals []flatItem) {
	if len(rows) == 0 && len(vals) == 0 {
		return
	}
	s.rows = append(s.rows, rows...)
	s.vals = append(s.vals, vals...)
	s.runs = append(s.runs, [2]int{len(rows), len(vals)})
}

// flush gives the segment's values to its labels, c values a row: read
// when the counts prove it (see above), else proposed while both last.
func (s *flatSegment) flush(c int) []*flatRow {
	defer func() { *s = flatSegment{} }()
	if len(s.rows) == 0 || len(s.vals) < c {
		return nil
	}
	proven := len(s.vals) == c*len(s.rows)
	lead := 0 // rows of values given minus labels met
	for _, r := range s.runs {
		lead -= r[0]
		if r[1]%c != 0 || lead < -1 {
			proven = false
		}
		if lead += r[1] / c; r[1] > 0 && lead < 0 {
			proven = false
		}
	}
	var out []*flatRow
	for k, r := range s.rows {
		if (k+1)*c > len(s.vals) {
			break
		}
		out = append(out, r.take(s.vals[k*c:(k+1)*c], !proven))
	}
	return out
}

// targets reads the row's values as targets, through the reader of a
// table's cells (table.cell): each value column's, the baseline's value its
// baseline; a dash or a baseline is none.
func (r *flatRow) targets(cols flatCols, planEnd *int, section []string) []Indicator {
	c := len(cols.vals)
	if len(r.vals) != c || strings.TrimSpace(r.label) == "" {
		return nil
	}
	// the row's cells: name, unit, the values, 属性, counted from the right
	w := c + 3
	cs := make([]cell, w)
	cs[0] = cell{text: strings.TrimSpace(r.label), at: r.at}
	cs[1] = cell{text: r.unit, at: r.at}
	cs[w-1] = cell{text: r.constr, at: r.at}
	line := cs[0].text
	t := &table{width: w, name: w - 1, unit: w - 2, baseline: -1, constr: 0, category: -1, target: -1, unitAbove: cols.unitAll}
	if planEnd != nil {
		t.targetYear = *planEnd
	}
	for k, v := range r.vals {
		cs[2+k] = cell{text: v.text, at: v.at}
		if v.kind != ftValue {
			cs[2+k].text = ""
		}
		if cols.vals[k].baseline && (!cols.vals[k].done || cols.vals[k].year > 0) && t.baseline < 0 {
			// (a column of what was done by a year, “十四五”完成值, is where things stand)
			t.baseline, t.baselineYear = c-k, cols.vals[k].year
		}
		line += " " + v.text
	}
	var out []Indicator
	for k, col := range cols.vals {
		if col.baseline {
			continue
		}
		ind, ok := t.cell(cs, tcol{r: c - k, year: col.year, yearly: col.yearly, unit: col.unit}, line, 0, section, "")
		if !ok {
			continue
		}
		ind.Candidate, ind.Category = r.proposed, r.category
		out = append(out, ind)
	}
	return out
}

// flatWordsCell reports toks[i], words, as a value's cell of words in a table
// with a 单位 or 属性 column (力争150家, 与全市同步、力争高于全市): it stands
// where the row's next value does — right after the row's unit or 属性
// cell (afterLabel: the row has no value yet), or after fewer values than
// the columns — and the row ends right after it (its 属性, the next row's
// number, maybe after a category's cell). A category's cell comes after a
// row's last value, and a label is followed by its cells, so neither is one.
func flatWordsCell(toks []flatTok, i int, cols flatCols, afterLabel bool, given int) bool {
	if toks[i].kind != ftText || !cols.unit && !cols.constr || i == 0 || i+1 >= len(toks) {
		return false
	}
	switch toks[i-1].kind {
	case ftUnit, ftConstr:
		if !afterLabel && toks[i-1].kind == ftConstr {
			return false
		}
	case ftValue, ftDash:
		if afterLabel || given == 0 || given >= len(cols.vals) {
			return false
		}
	default:
		return false
	}
	next := toks[i+1].kind
	return next == ftConstr || next == ftSeq || next == ftText && i+2 < len(toks) && toks[i+2].kind == ftSeq // (then a category's cell before the next row)
}

// outsideWords is the readings ks of inds that lie in no value's cell of
// words of the table (flatWordsCell): what a sentence read in such a cell
// (力争150家) is the cell's reading, which the table's does not replace.
func outsideWords(inds []Indicator, ks []int, toks []flatTok) []int {
	var spans [][2]int
	for _, tk := range toks {
		if tk.words {
			spans = append(spans, [2]int{tk.at, tk.at + utf8.RuneCountInString(tk.text)})
		}
	}
	if len(spans) == 0 {
		return ks
	}
	var out []int
	for _, k := range ks {
		// the spans are in the text's order: the last that starts at or before the reading
		j := sort.Search(len(spans), func(j int) bool { return spans[j][0] > inds[k].Start }) - 1
		if j < 0 || inds[k].End > spans[j][1] {
			out = append(out, k)
		}
	}
	return out
}
