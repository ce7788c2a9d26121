package plan

import (
	"strings"
	"unicode/utf8"
)

// An indicator table flattened into one line a row whose every cell is
// named by its column's header: 领域：健康水平　指标：人均预期寿命（岁）
// 2015年：76.34　2020年：77.3　2030年：79.0 (a page's table as a converter
// writes it out). The names are the header, the values the row; the line
// is read as the table's row would be.

// pairCells splits a line into cells of header：value pairs apart by
// spaces (an ideographic space, as the text is read, is one): the
// headers and the values, each at its rune offset in the line. ok is
// false for a line with a part that is no such pair.
func pairCells(line string) (heads, vals []cell, ok bool) {
	at := 0
	for _, part := range strings.Split(line, " ") {
		n := utf8.RuneCountInString(part)
		if part != "" {
			k, v, found := strings.Cut(part, "：")
			if !found {
				k, v, found = strings.Cut(part, ":")
			}
			kn := utf8.RuneCountInString(k)
			if !found || k == "" || strings.TrimSpace(v) == "" || kn > 10 || !headerWord(k) {
				return nil, nil, false
			}
			heads = append(heads, cell{k, at})
			vals = append(vals, cell{v, at + kn + 1})
		}
		at += n + 1
	}
	return heads, vals, len(heads) >= 3
}

// pairsRow reads line i as a row of header：value pairs of an indicator
// table: one pair names the indicator (指标：…) and the headers are a
// table's header (tableHeader) with target columns. ok reports it read so.
func (d *docRead) pairsRow(i int) bool {
	line := d.origs[i]
	if !strings.Contains(line, "指标") || strings.Count(line, "：")+strings.Count(line, ":") < 3 {
		return false
	}
	heads, vals, ok := pairCells(line)
	if !ok || !slices0(heads, "指标") {
		return false
	}
	t, ok := tableHeader(heads, d.doc.Period.End)
	if !ok || len(t.cols) == 0 || t.name < 0 {
		return false
	}
	inds, ok := t.rows(vals, line, d.offs[i], d.path(), "")
	if !ok {
		return false
	}
	d.flush()
	past := len(d.stack) > 0 && d.stack[len(d.stack)-1].past
	for _, ind := range inds {
		ind.Candidate = past
		d.doc.Indicators = append(d.doc.Indicators, ind)
	}
	return true
}
