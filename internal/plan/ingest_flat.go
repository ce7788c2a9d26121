package plan

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A flattened indicator table: a PDF's text export without its layout
// (pdftotext without -layout), a word processor's "save as text" or a web
// page copied as text writes a table's cells one after another — the
// header's words (2023 年 2024 年 2025 年, 序号, 指标), then each row's
// cells a line each or a few to a line: its 序号, its indicator with the
// unit in brackets (算力规模（EFLOPS）), its values; a category written
// down the page comes a character a line, a page number between rows. Where
// a row's cells wrapped, the values of several rows come in a run before
// their labels. flatTables reads such a table after the document is read,
// where the other readers found nothing: a row is its label and as many
// values as the header has value columns, each value a target due its
// column's year, in the unit of the row's 单位 cell or its label's brackets.
// Values that came in a run apart from their labels are read only where
// the counts prove which label each belongs to (ingest_flat_rows.go);
// otherwise they are proposed, never asserted. A table whose header names
// no indicators (a budget, a list of projects) is not read at all.

// flatTables reads the flattened indicator tables of text (the document as
// written) into d's indicators, where no reading of d's already lies.
func (d *docRead) flatTables(text string) {
	if !strings.Contains(text, "指标") && !regionHeadLine(text) {
		return
	}
	ls := flatLines(text)
	start := d.doc.Period.Start
	if start == nil {
		start = issueYear(d.lines)
	}
	if start == nil {
		start = docNumberYear(d.lines)
	}
	var added []Indicator
	var had *spanIndex // the readings so far, by their starts (made when a table is found)
	paged := hasPages(ls)
	for i := 0; i < len(ls); i++ {
		cols, next, ok := flatHeaderAt(ls, i, start)
		if !ok {
			continue
		}
		toks, end := flatTokens(ls, next, cols, paged)
		from, to := ls[i].at, ls[max(end-1, i)].at+utf8.RuneCountInString(ls[max(end-1, i)].text)
		i = max(i, end-1)
		if had == nil {
			had = newSpanIndex(d.doc.Indicators)
		}
		// read already, by the rules of tables or of sentences: the fuller
		// reading stays, and this one is made only if it may be fuller
		inside := had.within(from, to)
		before := fullnessAt(d.doc.Indicators, inside)
		var read []Indicator
		past := cols.past && !datedAhead(cols, start) || pastTable(d.doc.Sections, from) || allBefore(cols, start)
		for _, r := range flatRows(toks, cols) {
			r.proposed = r.proposed || past
			read = append(read, r.targets(cols, d.doc.Period.End, sectionAt(d.doc.Sections, r.at))...)
		}
		if len(inside) > 0 {
			if fullness(read) <= before {
				continue
			}
			had.drop(inReadRows(d.doc.Indicators, outsideWords(d.doc.Indicators, inside, toks), toks, read, cols))
		}
		added = append(added, read...)
	}
	if len(added) == 0 {
		return
	}
	d.doc.Indicators = had.replaced(d.doc.Indicators, added)
}

// regionHeadLine reports a text with a line that is only a word naming the
// rows of a table as regions (区, 地区: a table sharing a goal out across
// them, one cell a line; D136): a cheap test before the tables are looked for.
func regionHeadLine(text string) bool {
	for _, ws := range [][]string{regionLeads, regionWords} {
		for _, w := range ws {
			if strings.Contains(text, "\n"+w+"\n") || strings.Contains(text, "\n"+w+" \n") { // (" \n": a CR LF, lineEnds)
				return true
			}
		}
	}
	return false
}

// spanIndex finds the readings whose spans meet a stretch of the text
// without scanning them all for every table: their indices by start.
type spanIndex struct {
	inds    []Indicator
	order   []int // indices of inds by Start
	longest int   // the longest span
	dropped map[int]bool
}

func newSpanIndex(inds []Indicator) *spanIndex {
	x := &spanIndex{inds: inds, order: make([]int, len(inds)), dropped: map[int]bool{}}
	for k, ind := range inds {
		x.order[k] = k
		x.longest = max(x.longest, ind.End-ind.Start)
	}
	sort.SliceStable(x.order, func(a, b int) bool { return inds[x.order[a]].Start < inds[x.order[b]].Start })
	return x
}

// within is the indices of the readings not dropped whose spans meet
// [from, to).
func (x *spanIndex) within(from, to int) []int {
	k := sort.Search(len(x.order), func(i int) bool { return x.inds[x.order[i]].Start >= from-x.longest })
	var out []int
	for ; k < len(x.order) && x.inds[x.order[k]].Start < to; k++ {
		if ind := x.inds[x.order[k]]; ind.End > from && !x.dropped[x.order[k]] {
			out = append(out, x.order[k])
		}
	}
	return out
}

func (x *spanIndex) drop(ks []int) {
	for _, k := range ks {
		x.dropped[k] = true
	}
}

// replaced is inds without the readings dropped, with added, in the
// document's order (inds is reused).
func (x *spanIndex) replaced(inds, added []Indicator) []Indicator {
	kept := inds[:0]
	for k, ind := range inds {
		if !x.dropped[k] {
			kept = append(kept, ind)
		}
	}
	kept = append(kept, added...)
	sort.SliceStable(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	return kept
}

// fullness is how much a reading of a table says: its targets asserted,
// and those of them with a unit.
func fullness(inds []Indicator) int {
	n := 0
	for _, ind := range inds {
		if !ind.Candidate {
			n++
			if ind.Unit != "" {
				n++
			}
		}
	}
	return n
}

// fullnessAt is the fullness of the readings at ks.
func fullnessAt(inds []Indicator, ks []int) int {
	n := 0
	for _, k := range ks {
		n += fullness(inds[k : k+1])
	}
	return n
}

// targetCols counts the value columns that are no baseline.
func targetCols(c flatCols) int {
	n := 0
	for _, v := range c.vals {
		if !v.baseline {
			n++
		}
	}
	return n
}

// valueCells counts the cells that hold a value.
func valueCells(toks []flatTok) int {
	n := 0
	for _, tk := range toks {
		if tk.kind == ftValue {
			n++
		}
	}
	return n
}

// flatHeaderAt reads the header block starting at line i: lines of header
// words only, with blank lines and a category's characters down the page
// between them. It returns the columns and the first line after the block.
func flatHeaderAt(ls []flatLine, i int, start *int) (flatCols, int, bool) {
	ws, ok := flatHeaderWords(ls[i].text)
	if !ok || amountWords(ws) && !regionBlock(ws) {
		return flatCols{}, 0, false
	}
	// a header block starts here, not on the line before
	if i > 0 && ls[i-1].text != "" {
		if _, prev := flatHeaderWords(ls[i-1].text); prev {
			return flatCols{}, 0, false
		}
	}
	j, lines := i+1, 1
	counts := 0                            // columns of counts without a unit (countHeads)
	for ; j < len(ls) && lines < 16; j++ { // (a header of two rows, a word a line: 类别 … “十五五” / 目标值)
		t := ls[j].text
		if t == "" || downChar(t) && !regionLead(t) {
			continue // (a category's characters down the page; 区 alone heads the regions' column: D136)
		}
		more, ok := flatHeaderWords(t)
		if !ok && placeOverPeriod(ls, j) {
			continue // (松江 over “十五五” over 指标: the place a column's header names, no column)
		}
		if !ok && regionBlock(ws) {
			if heads, after, unitRow := unitRowHeads(ls, j); unitRow && amountWords(heads) {
				ws, lines, j = append(ws, heads...), lines+1, after-1
				continue // (可回收物量 / 湿垃圾 / 吨/日 / 吨/日: the units a row of their own)
			}
		}
		if !ok {
			if heads, after, fit := countHeads(ls, j, ws); fit {
				counts, j = len(heads), after
				break // (新增示范工程 / 新增典型场景 before the first row: counts without a unit)
			}
		}
		if !ok || amountWords(more) && !regionBlock(ws) {
			break // (a row's label with its unit, 注册科普志愿者（万人）, after a header of indicators)
		}
		ws, lines = append(ws, more...), lines+1
	}
	cols, ok := flatHeaderCols(ws, start)
	for range counts {
		cols.vals = append(cols.vals, flatCol{}) // (each due the plan's end, as an amount's)
	}
	if ok && cols.unitAll == "" {
		cols.unitAll = captionUnit(ls, i)
	}
	if ok && cols.unitAll == "" {
		cols.unitAll = captionBracketUnit(ls, i, cols) // (各街镇科普站建设目标（个）)
	}
	return cols, j, ok
}

// placeOverPeriod reports a header's line that names the place its column
// counts (a word of two to four characters) straight over the period the
// column is of (松江 / “十五五” / 指标): no column of its own.
func placeOverPeriod(ls []flatLine, j int) bool {
	t := strings.TrimSpace(ls[j].text)
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 4 || strings.IndexFunc(t, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) >= 0 {
		return false
	}
	for k := j + 1; k < len(ls) && k <= j+2; k++ {
		if next := strings.TrimSpace(ls[k].text); next != "" {
			return flatHeaderField(next) == "period"
		}
	}
	return false
}

// sectionAt is the path of section numbers of the last heading at or
// before the rune offset at.
func sectionAt(ss []*Section, at int) []string {
	var path []string
	for len(ss) > 0 {
		k := sort.Search(len(ss), func(i int) bool { return ss[i].Start > at }) - 1
		if k < 0 {
			break
		}
		path = append(path, ss[k].Number)
		ss = ss[k].Children
	}
	return path
}
