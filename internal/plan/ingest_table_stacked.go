package plan

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// A laid-out header stacked over several lines. A PDF's table whose header
// cells are merged down (类别, 指标名称, 单位 set in the middle of two rows)
// or wrap in narrow columns (2025年 over 目标值, 基期 over 值) comes out of
// `pdftotext -layout` as a few lines of header words, none of which is a
// header alone: the first names the indicators but no target, the ones
// below give the years and 基期值 | 目标值 | 属性 in the columns they lie
// in, a blank line or two between them. stackedHeader reads such lines as
// one header, each column the words of every line that lie over it, top
// to bottom.

// stackMax is how many lines below its first a stacked header may take.
const stackMax = 5

// stackCol is a column of a stacked header: its words so far and the span
// of runes they cover on the page.
type stackCol struct {
	text   string
	lo, hi int
}

// stackedHeader reads line i and up to stackMax lines of header words
// below it as one laid-out header, where line i alone is none: line i
// names the indicators (指标, 名称) in columns set apart by spaces, and
// the lines joined name a target. Reading stops at a line that is not
// header words (a row, a heading) or has more cells than the columns so
// far (the next table's header).
func (d *docRead) stackedHeader(i int, cs []cell) (*table, bool) {
	if !strings.Contains(strings.TrimSpace(d.origs[i]), "  ") || len(cs) < 3 || !subHeader(cs) ||
		!slices.ContainsFunc(cs, func(c cell) bool { return headerKind(c.text) == "name" }) {
		return nil, false
	}
	var cols []stackCol
	add := func(c cell) {
		lo, hi := c.at, c.at+textWidth(c.text)
		best, most := -1, 0
		for k := range cols {
			if o := min(hi, cols[k].hi) - max(lo, cols[k].lo); o > most {
				best, most = k, o
			}
		}
		if best < 0 {
			for k := range cols {
				if math.Abs(float64(lo+hi-cols[k].lo-cols[k].hi)/2) < 2 {
					best = k
				}
			}
		}
		if best < 0 {
			cols = append(cols, stackCol{c.text, lo, hi})
			sort.SliceStable(cols, func(a, b int) bool { return cols[a].lo < cols[b].lo })
			return
		}
		cols[best].text += c.text
		cols[best].lo, cols[best].hi = min(cols[best].lo, lo), max(cols[best].hi, hi)
	}
	line := func(j int) {
		for _, c := range headerLineCells(d.origs[j]) {
			add(cell{c.text, c.at + d.indent(j)})
		}
	}
	// the years over the columns (2025年 2030年 over 基期值 目标值), a line
	// or two above: read first, so that each column reads top to bottom
	top := i
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if strings.TrimSpace(d.origs[j]) == "" {
			continue
		}
		if ys := headerLineCells(d.origs[j]); len(ys) == 0 || slices.ContainsFunc(ys, func(c cell) bool { return headerKind(c.text) != "year" }) {
			break
		}
		top = j
	}
	for j := top; j <= i; j++ {
		if strings.TrimSpace(d.origs[j]) != "" {
			line(j)
		}
	}
	width, last := len(cs), i
	for j := i + 1; j < len(d.origs) && j <= i+stackMax; j++ {
		if strings.TrimSpace(d.origs[j]) == "" {
			continue // (a blank line between a header's rows: their heights)
		}
		sub := headerLineCells(d.origs[j])
		if !subHeader(sub) || normalizedHeading(d.origs[j]) || len(sub) > width {
			break
		}
		line(j)
		last = j
	}
	if last == i {
		return nil, false
	}
	joined := make([]cell, len(cols))
	for k, c := range cols {
		joined[k] = cell{c.text, c.lo}
	}
	t, ok := tableHeader(joined, d.doc.Period.End)
	if !ok || len(t.years) > 0 || t.regions || t.target < 0 {
		return nil, false
	}
	var centers []float64
	for _, c := range cols {
		centers = append(centers, float64(c.lo+c.hi)/2)
	}
	t.lay = newLayout(joined, centers)
	t.skip = last
	return t, true
}

// headerLineCells is a laid-out header line's cells, a cell of header words one space
// apart split into its words (序号 指标名称, 基期值 目标值, 2025年 2030年:
// narrow columns abut), each placed by the width of what is before it in
// the cell (a Chinese character is two columns of the page, as wide as
// two digits).
func headerLineCells(l string) []cell {
	var out []cell
	for _, c := range cells(l) {
		parts := strings.Split(c.text, " ")
		if len(parts) == 1 || slices.ContainsFunc(parts, func(p string) bool { return headerKind(p) == "" }) {
			out = append(out, c)
			continue
		}
		at := c.at
		for _, p := range parts {
			out = append(out, cell{p, at})
			at += textWidth(p) + 1
		}
	}
	return out
}

// textWidth is s's width in columns of the page: two for a Chinese
// character or a full-width sign, one for another.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x2E80 {
			n++
		}
	}
	return n
}
