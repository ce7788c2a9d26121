package plan

import "slices"

// inReadRows is the readings ks of inds that lie in a row of the table the
// flattened reader read (read: its readings), rows told apart by their
// numbers (序号 cells); the others stay. A row whose cells fit no column —
// a cell of words over several lines, a share said with what it covers
// (基本实现免费开放、 / 延长开放 / 50%以上公园绿地 / 全时段开放) — reads nothing in
// the table, and what a sentence read there is all that is read of it.
// Readings before the first row (the header, the caption) go as before, and
// so does all of a table with a column of where things stand or of what
// was done (“十四五”完成值 | “十五五”目标值): an unread row's figure may be
// that column's, no target.
func inReadRows(inds []Indicator, ks []int, toks []flatTok, read []Indicator, cols flatCols) []int {
	if slices.ContainsFunc(cols.vals, func(c flatCol) bool { return c.baseline || c.done }) || cols.past {
		return ks
	}
	var starts []int // each row's number's offset
	for _, tk := range toks {
		if tk.kind == ftSeq {
			starts = append(starts, tk.at)
		}
	}
	if len(starts) == 0 {
		return ks
	}
	rowOf := func(at int) int { // the row an offset lies in, -1 before the first
		r := -1
		for r+1 < len(starts) && starts[r+1] <= at {
			r++
		}
		return r
	}
	readRow := make([]bool, len(starts))
	for _, ind := range read {
		if r := rowOf(ind.Start); r >= 0 {
			readRow[r] = true
		}
	}
	var out []int
	for _, k := range ks {
		if r := rowOf(inds[k].Start); r < 0 || readRow[r] {
			out = append(out, k)
		}
	}
	return out
}
