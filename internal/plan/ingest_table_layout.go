package plan

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A table in a PDF's layout text (pdftotext -layout): cells found by their
// column on the page, names wrapped over lines of their own.

// center is the column of a laid-out cell's middle.
func center(c cell) float64 { return float64(c.at) + float64(utf8.RuneCountInString(c.text))/2 }

// joinColumn adds a cell of a header's lower line to its columns: to the
// column it lies under, else as a column of its own between its neighbours.
func joinColumn(cols []cell, c cell) []cell {
	for k := range cols {
		if d := center(cols[k]) - center(c); d < 2 && d > -2 {
			cols[k].text += c.text
			return cols
		}
	}
	cols = append(cols, c)
	sort.SliceStable(cols, func(a, b int) bool { return center(cols[a]) < center(cols[b]) })
	return cols
}

// layout is what reading a laid-out table keeps: its columns' middles,
// the row held back until the parts of its name around it are read, and
// those parts read since.
type layout struct {
	centers []float64
	seq     int // the 序号 column, from the left; -1 if none
	held    *heldRow
	frags   []string
	fillers int // lines of parts in a row
	// the rows read, and the cells spanning rows found (ingest_table_spans.go)
	rows          []layRow
	cats, constrs []spanAt
}

type heldRow struct {
	cs      []cell
	line    string
	base    int
	section []string
	past    bool
	named   bool
	above   []string
	at      int // its line
}

// align puts a row's cells in its table's columns, an empty cell where it
// has none: by index in a grid (counted from the right: a leading cell
// spanning rows is left out), by the nearest column's middle in a layout.
// A row that does not fit is read as its cells, from the right.
func (t *table) align(d *docRead, i int, cs []cell) []cell {
	if t.grid {
		if g := d.rawGrid(i); g != nil && len(g) <= t.width {
			return g
		}
		return cs
	}
	if t.lay == nil || len(cs) == 0 {
		return cs
	}
	return cs // replaced by alignLayout through the docRead (needs the indent)
}

// anchor takes the columns' middles from a row with a cell in each: a
// page's layout text may set the columns apart otherwise than the page
// of the header did.
func (l *layout) anchor(cs []cell, indent int) {
	for k, c := range cs {
		l.centers[k] = center(cell{c.text, c.at + indent})
	}
}

// align places a laid-out row's cells in the table's columns.
func (l *layout) align(cs []cell, indent int) ([]cell, bool) {
	out := make([]cell, len(l.centers))
	nearest := func(c cell) int {
		m, best := center(cell{c.text, c.at + indent}), 0
		for k, x := range l.centers {
			if abs(x-m) < abs(l.centers[best]-m) {
				best = k
			}
		}
		return best
	}
	// a cell filled to its column's edge is one space from the next: split
	// where the parts lie in different columns
	var split []cell
	for _, c := range cs {
		parts := strings.Split(c.text, " ")
		if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
			split = append(split, c)
			continue
		}
		a, b := cell{parts[0], c.at}, cell{parts[1], c.at + utf8.RuneCountInString(parts[0]) + 1}
		if nearest(a) < nearest(b) {
			split = append(split, a, b)
		} else {
			split = append(split, c)
		}
	}
	cs = split
	for _, c := range cs {
		m := center(cell{c.text, c.at + indent})
		best := 0
		for k, x := range l.centers {
			if abs(x-m) < abs(l.centers[best]-m) {
				best = k
			}
		}
		if best == l.seq && best+1 < len(l.centers) && !serialCell(c.text) {
			best++ // (words nearer 序号 than the middle of a wide name column: its left-aligned part; 例 under …劳动者比)
		}
		if out[best].text != "" {
			return cs, false
		}
		out[best] = c
	}
	return out, true
}

// newLayout is the layout of a header's columns, cs laid out on the page
// and their middles.
func newLayout(cs []cell, centers []float64) *layout {
	l := &layout{centers: centers, seq: -1}
	for k, c := range cs {
		if headerKind(c.text) == "seq" {
			l.seq = k
		}
	}
	return l
}

// serialCell reports a cell a 序号 column holds: a number (12, 3.1) or a
// numeral (十二, 一), a few characters long.
func serialCell(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ".、．")
	if s == "" || utf8.RuneCountInString(s) > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && !strings.ContainsRune("一二三四五六七八九十", r) {
			return false
		}
	}
	return true
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// wrapped reports a line of a laid-out table that is no row: the part of
// an indicator's name wrapped onto a line of its own (kept for the row it
// belongs to), a category's cell alone, or words wrapped in a cell.
func (l *layout) wrapped(t *table, cs []cell) bool {
	if l.fillers >= 3 {
		return false
	}
	name := ""
	if c, ok := cellAt(cs, t.constr); ok && (len(nonEmpty(cs)) > 1 || !constraintWord(c.text)) || len(nonEmpty(cs)) >= 3 {
		return false // a row of words: its own row (not a 属性 merged down, alone between rows)
	}
	for k, c := range cs {
		if c.text == "" {
			continue
		}
		r := len(cs) - 1 - k
		if utf8.RuneCountInString(c.text) > 16 || strings.ContainsAny(normalize(c.text), "。;:") {
			return false
		}
		if r < t.name {
			if _, ok := readCell(c.text); ok && !headerWord(c.text) {
				return false
			}
		}
		if r == t.name {
			name = c.text
		}
		if r == t.constr {
			continue
		}
	}
	l.fillers++
	if name != "" {
		l.frags = append(l.frags, name)
	}
	return true
}

// hold keeps a laid-out row until the parts of its name after it are
// read; the row held before it is read, with the parts that are its own:
// all of them when this row names itself on its line (they continue the
// last one), else half of them when the last did not name itself either
// (its name centred on its line: parts above and below), else none.
func (l *layout) hold(d *docRead, t *table, cs []cell, i int, past bool) {
	_, named := cellAt(cs, t.name)
	frags := l.frags
	l.frags, l.fillers = nil, 0
	give := 0
	if l.held != nil {
		switch {
		case named:
			give = len(frags)
		case !l.held.named:
			give = len(frags) / 2
		}
	}
	l.frags = frags[:give]
	l.release(d, t, -1)
	l.held = &heldRow{cs: cs, line: d.origs[i], base: d.offs[i], section: d.path(), past: past, named: named, above: frags[give:], at: i}
}

// release reads the row held back, its name joined from its parts.
func (l *layout) release(d *docRead, t *table, _ int) {
	h := l.held
	frags := l.frags
	l.held, l.frags, l.fillers = nil, nil, 0
	if h == nil {
		return
	}
	name := strings.Join(h.above, "")
	if nc, ok := cellAt(h.cs, t.name); ok {
		name += nc.text
	}
	name += strings.Join(frags, "")
	inds, _ := t.rows(h.cs, h.line, h.base, h.section, name)
	from := len(d.doc.Indicators)
	for _, ind := range inds {
		ind.Candidate = h.past
		d.doc.Indicators = append(d.doc.Indicators, ind)
	}
	l.rows = append(l.rows, layRow{at: h.at, above: len(h.above), below: len(frags), named: h.named, from: from, to: len(d.doc.Indicators)})
}
