package plan

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Reading an indicator table's header, and a row's cells as the text has
// them: a grid's (tabs or |, empty cells kept, a row's line before it was
// trimmed), a header of two rows, a laid-out header's columns.

// gridCells splits a row whose cells are apart by single tabs (a .docx, a
// web page, text copied from a word processor) or by | (Markdown), keeping
// empty cells: a cell spanning columns leaves them. nil for another line.
func gridCells(line string) []cell {
	sep := "\t"
	md := markdownRow(line)
	switch {
	case md:
		sep = "|"
	case !strings.Contains(line, "\t"):
		return nil
	}
	var out []cell
	pos := 0 // rune offset of the part in line
	for k, part := range strings.Split(line, sep) {
		n := utf8.RuneCountInString(part)
		if md && (k == 0 && strings.TrimSpace(part) == "" || pos+n == utf8.RuneCountInString(line) && strings.TrimSpace(part) == "") {
			pos += n + 1
			continue // before the first | and after the last
		}
		lead := utf8.RuneCountInString(part) - utf8.RuneCountInString(strings.TrimLeft(part, " \t\u3000"))
		out = append(out, cell{strings.TrimSpace(part), pos + lead})
		pos += n + 1
	}
	return out
}

// headerWord reports a cell that can be a header's: a few words, a year
// (2030年) but no other number.
func headerWord(s string) bool {
	if len(s) > 14*4+8 {
		return false // (a sentence: too long for a header's cell whatever normalize makes of it)
	}
	x := normalize(s)
	if utf8.RuneCountInString(x) > 14 || strings.ContainsAny(x, "。;:") {
		return false
	}
	if strings.ContainsAny(x, "0123456789") {
		return reHeaderYr.MatchString(x) && utf8.RuneCountInString(x) <= 12
	}
	return true
}

// subHeader reports a line of header words only, as the second row of a
// two-row header is (目标值 | 年均增长（%）).
func subHeader(cs []cell) bool {
	if len(cs) == 0 || len(cs) > 8 {
		return false
	}
	for _, c := range cs {
		if c.text != "" && !headerWord(c.text) {
			return false
		}
	}
	return true
}

// header reads line i as the header of an indicator table, with the rows
// of a header of several lines: in a grid, the next line's cells fill the
// cells the first one spans (2030年 over 目标值 | 年均增长); in a layout,
// the lines below join the columns they lie under or between, and a year
// on the line above dates the target columns that name none.
func (d *docRead) header(i int, cs []cell) (*table, bool) {
	cs = plainCells(cs)
	t, ok := tableHeader(cs, d.doc.Period.End)
	if !ok {
		if st, ok := d.stackedHeader(i, cs); ok {
			return st, true // (指标名称 | 单位 over 2025年 over 目标值 | 属性: ingest_table_stacked.go)
		}
		if !subHeader(cs) {
			return nil, false // (what follows reads a line of header words only)
		}
		if named, nt, found := d.namelessHeader(i, cs); found {
			cs, t, ok = named, nt, true
		} else if st, found := d.headerOverTwoLines(i, cs); found {
			return st, true
		} else if d.captionYear(i) > 0 {
			if rt, found := regionTargets(cs, d.doc.Period.End); found {
				return rt, true
			}
		}
	}
	if !ok || len(t.years) > 0 || t.regions {
		return t, ok
	}
	line := d.origs[i]
	if g := plainCells(d.rawGrid(i)); g != nil {
		if i+1 < len(d.origs) && reMarkdownRule.MatchString(d.lines[i+1]) {
			i++ // the rule under a Markdown table's first row
		}
		if i+1 < len(d.origs) {
			if sub := plainCells(nonEmpty(gridCells(d.origs[i+1]))); len(sub) > 0 && subHeader(sub) && !slices0(sub, "指标") && !titleRow(d.rawGrid(i+1)) {
				if merged, ok := yearsUnderTarget(g, sub); ok {
					g, i = merged, i+1
				} else if merged, ok := yearsUnderBase(g, sub); ok {
					g, i = merged, i+1
				} else if merged, ok := underColumns(g, d.rawGrid(i+1)); ok {
					g, i = merged, i+1
				} else if merged, ok := fillSpans(g, sub); ok {
					g, i = merged, i+1
				}
			}
		}
		for k := range g { // an empty cell under a span is the spanning cell's
			if g[k].text == "" && k > 0 {
				g[k].text = g[k-1].text
			}
		}
		if gt, ok := tableHeader(g, d.doc.Period.End); ok && len(gt.years) == 0 {
			gt.grid, gt.skip = true, i
			return gt, true
		}
		return t, true
	}
	if !strings.Contains(strings.TrimSpace(line), "  ") {
		return t, true
	}
	// a layout: cells by their columns on the page
	indent := d.indent(i)
	cols := make([]cell, 0, len(cs))
	for _, c := range splitHeaderCells(cs) {
		cols = append(cols, cell{c.text, c.at + indent})
	}
	last := i
	for j := i + 1; j < len(d.origs) && j <= i+3; j++ {
		sub := cells(d.origs[j])
		if !subHeader(sub) || normalizedHeading(d.origs[j]) || len(sub) >= len(cols) {
			break
		}
		for _, c := range sub {
			cols = joinColumn(cols, cell{c.text, c.at + d.indent(j)})
		}
		last = j
	}
	if i > 0 {
		if over := cells(d.origs[i-1]); len(over) >= 1 && len(over) <= 3 && subHeader(over) {
			for _, o := range over {
				if y := headerYear(o.text); y > 0 {
					for k := range cols {
						if x := normalize(cols[k].text); headerYear(x) == 0 && (strings.Contains(x, "目标") || has(x, growthWords)) {
							cols[k].text = o.text + cols[k].text
						}
					}
				}
			}
		}
	}
	lt, ok := tableHeader(cols, d.doc.Period.End)
	if !ok || len(lt.years) > 0 {
		return t, true
	}
	var centers []float64
	for _, c := range cols {
		centers = append(centers, center(c))
	}
	lt.lay = newLayout(cols, centers)
	lt.skip = last
	return lt, true
}

// namelessHeader reads a header whose first column has no title (a PDF's
// 单位 | 2020 年 | 2025 年 | 属性 indented over rows that start with the
// indicator's name): the blank column is the names', as 指标 would title it.
// cs holds header words only (the caller has checked), and the next line
// must start left of the header with words, not a number.
func (d *docRead) namelessHeader(i int, cs []cell) ([]cell, *table, bool) {
	j := d.lineUnder(i)
	if len(cs) < 3 || j >= len(d.origs) || d.indent(i) < 4 || d.indent(j) >= d.indent(i) {
		return nil, nil, false
	}
	next := []rune(strings.TrimSpace(d.origs[j]))
	if len(next) == 0 || !unicode.Is(unicode.Han, next[0]) {
		return nil, nil, false
	}
	// the names' column at the page's left edge, before the indent the
	// header's cells are counted from
	named := append([]cell{{text: "指标", at: -d.indent(i)}}, cs...)
	t, ok := tableHeader(named, d.doc.Period.End)
	if !ok || t.name != len(named)-1 || t.unit < 0 && t.target < 0 {
		return nil, nil, false
	}
	return named, t, true
}

// headerOverTwoLines reads a header a PDF set on two lines, the second's
// cells all right of the first's (序号 | 县（市、区） over nothing, then
// 科普活动（场次） | 受众（万人次） further right on the next line): the
// cells of both, left to right, are one header. Each line holds header
// words only (cs: the caller has checked); a blank line may stand between
// them.
func (d *docRead) headerOverTwoLines(i int, cs []cell) (*table, bool) {
	j := d.lineUnder(i)
	if len(cs) == 0 || len(cs) > 3 || j >= len(d.origs) {
		return nil, false
	}
	next := plainCells(cells(d.origs[j]))
	if len(next) == 0 || len(next) > 6 || !subHeader(next) {
		return nil, false
	}
	last := cs[len(cs)-1]
	end := last.at + d.indent(i) + utf8.RuneCountInString(last.text)
	joined := make([]cell, 0, len(cs)+len(next))
	for _, c := range cs {
		joined = append(joined, cell{c.text, c.at + d.indent(i)})
	}
	for _, c := range next {
		if c.at+d.indent(j) <= end {
			return nil, false // (a line under the header's cells: no continuation to their right)
		}
		joined = append(joined, cell{c.text, c.at + d.indent(j)})
	}
	t, ok := tableHeader(joined, d.doc.Period.End)
	if !ok && d.captionYear(i) > 0 {
		t, ok = regionTargets(joined, d.doc.Period.End) // (a title of targets above: 2021 年…预期目标)
	}
	if !ok {
		return nil, false
	}
	t.skip = j
	return t, true
}

// lineUnder is the line under header line i, past one blank line or two
// (len(d.origs) when the text ends first).
func (d *docRead) lineUnder(i int) int {
	j := i + 1
	for j < len(d.origs) && j <= i+2 && strings.TrimSpace(d.origs[j]) == "" {
		j++
	}
	return j
}

// headerKind is the kind of column a header cell names: seq (序号), name,
// unit, constr, a target, a baseline or a year; "" for another.
func headerKind(s string) string {
	switch x := normalize(unspacedHeader(s)); {
	case x == "序号" || x == "编号" || x == "序":
		return "seq"
	case strings.Contains(x, "属性") || strings.Contains(x, "性质"):
		return "constr"
	case strings.Contains(x, "指标") || strings.Contains(x, "名称"):
		return "name"
	case strings.Contains(x, "单位"):
		return "unit"
	case strings.Contains(x, "目标") || has(x, growthWords):
		return "target"
	case strings.Contains(x, "基期") || strings.Contains(x, "现状"):
		return "base"
	case reHeaderYr.MatchString(x) && utf8.RuneCountInString(x) <= 8:
		return "year"
	}
	return ""
}

// splitHeaderCells splits a laid-out header's cell that is two columns'
// headers one space apart (序号 指标名称: a narrow column's header abuts
// the next), when each part names a column of its own kind.
func splitHeaderCells(cs []cell) []cell {
	var out []cell
	for _, c := range cs {
		a, b, ok := strings.Cut(c.text, " ")
		if ka, kb := headerKind(a), headerKind(strings.TrimSpace(b)); ok && ka != "" && kb != "" && ka != kb {
			out = append(out, cell{a, c.at}, cell{strings.TrimSpace(b), c.at + utf8.RuneCountInString(a) + 1})
			continue
		}
		out = append(out, c)
	}
	return out
}

func nonEmpty(cs []cell) []cell {
	var out []cell
	for _, c := range cs {
		if c.text != "" {
			out = append(out, c)
		}
	}
	return out
}

func slices0(cs []cell, word string) bool {
	for _, c := range cs {
		if strings.Contains(c.text, word) {
			return true
		}
	}
	return false
}

// underColumns puts a header's second row, its cells in the first's
// columns (a grid that keeps empty cells), under the cells above them:
// each is named by the cell above it or, under a cell spanning columns,
// by the spanning cell (2030年 over 目标值 | 年均增长; 基期值 over 2025年,
// 目标值 over 2027年 | 2030年).
func underColumns(row, sub []cell) ([]cell, bool) {
	if len(sub) != len(row) || len(nonEmpty(sub)) == 0 {
		return nil, false
	}
	out := append([]cell(nil), row...)
	for j, c := range sub {
		if c.text == "" {
			continue
		}
		k := j
		for k > 0 && row[k].text == "" {
			k--
		}
		if row[k].text == "" {
			return nil, false
		}
		out[j] = cell{row[k].text + c.text, c.at}
	}
	return out, true
}

// fillSpans puts a header's second row into the cells its first row spans:
// each run of a cell and the empty cells after it (a cell spanning
// columns) takes as many cells of the second row, each named by both.
func fillSpans(row, sub []cell) ([]cell, bool) {
	out := append([]cell(nil), row...)
	k := 0
	for j := 0; j < len(out); j++ {
		if out[j].text == "" || j+1 >= len(out) || out[j+1].text != "" {
			continue
		}
		parent := out[j].text
		for ; j < len(out) && (out[j].text == "" || out[j].text == parent); j++ {
			if k >= len(sub) {
				return nil, false
			}
			out[j].text = parent + sub[k].text
			k++
			if j+1 < len(out) && out[j+1].text != "" {
				break
			}
		}
	}
	return out, k == len(sub) && k > 0
}

// indent is how many runes the raw line i starts after its line's start.
func (d *docRead) indent(i int) int {
	return d.offs[i] - d.lineStarts[d.rawIndex(i)]
}

// rawIndex is the index of the line of the text that line i is on (its
// start in lineStarts, lineBytes).
func (d *docRead) rawIndex(i int) int {
	if d.lineStarts == nil {
		d.lineStarts, d.lineBytes = []int{0}, []int{0}
		n := 0
		for at, r := range d.text {
			n++
			if r == '\n' {
				d.lineStarts = append(d.lineStarts, n)
				d.lineBytes = append(d.lineBytes, at+1)
			}
		}
	}
	return max(sort.SearchInts(d.lineStarts, d.offs[i]+1)-1, 0)
}

// rawGrid is the grid cells of line i as the text has it, before the
// line was trimmed: a row's empty cells at its ends (a cell merged down
// from the row above, at the left or the right) keep their columns. The
// offsets count from the trimmed line's start, as a row's cells do. nil
// for a line that is no grid row.
func (d *docRead) rawGrid(i int) []cell {
	if row, ok := d.cellRows[d.offs[i]]; ok {
		return append([]cell(nil), row...) // pasted one cell a line: placed in its columns
	}
	k := d.rawIndex(i)
	end := len(d.text)
	if k+1 < len(d.lineBytes) {
		end = d.lineBytes[k+1] - 1
	}
	raw := d.text[d.lineBytes[k]:end]
	if strings.TrimSpace(raw) != d.origs[i] && strings.ReplaceAll(strings.TrimSpace(raw), "\u3000", " ") != d.origs[i] {
		return gridCells(d.origs[i]) // a line split in pieces (a heading run in)
	}
	g := gridCells(strings.TrimRight(raw, "\r"))
	lead := d.offs[i] - d.lineStarts[k]
	for j := range g {
		g[j].at -= lead
	}
	return g
}

// plainCells is cs without the markup a web page saved as Markdown leaves
// in a header's cells (**领域**, 环境空气<br>质量): cs itself when none
// has any.
func plainCells(cs []cell) []cell {
	k := 0
	for k < len(cs) && !strings.ContainsAny(cs[k].text, "*<") {
		k++
	}
	if k == len(cs) {
		return cs
	}
	out := append([]cell(nil), cs...)
	for j := k; j < len(out); j++ {
		out[j].text = pageMarkup(out[j].text)
	}
	return out
}
