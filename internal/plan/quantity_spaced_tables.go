package plan

import (
	"sort"
	"strings"
	"unicode"
)

// A spaced document's tables and spans (quantity_spaced.go): the lines laid
// out in columns and the tables laid out one cell a line joined in the text
// the tables' readers read, and each quantity's span set back where its
// digits are written.

// spacedLayout joins, in a spaced document's text, the runs of digits of
// its lines laid out in columns (two spaces or more apart: pdftotext's
// -layout, a table's row), where the run's gaps can join the spaces that
// part its column from the next (front before a column's gap, else behind
// one), so the columns stay where they are and no new one is made; the
// tables' readers, which read the text as written, read its cells whole.
// Lines without such spaces come back as they are.
func spacedLayout(text string) string {
	if !strings.Contains(text, "  ") {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	first := true
	for raw := range strings.SplitSeq(text, "\n") {
		if !first {
			b.WriteByte('\n')
		}
		first = false
		if strings.Contains(raw, "  ") {
			raw = joinLine(raw, true)
		}
		b.WriteString(raw)
	}
	return b.String()
}

// movedSpans sets the span of each quantity read in a spaced document
// where it is written: its start back over the spaces joinSpacedDigits
// moved in front of its number, its end on over those it moved behind (the
// lines have a space where the text has none). text is the document's
// text, lines and offs its lines as splitLines gives them.
func movedSpans(inds []Indicator, text string, lines []string, offs []int) {
	if len(inds) == 0 {
		return
	}
	written := []rune(text)
	var line []rune
	at := -1 // the line in line
	for k := range inds {
		ind := &inds[k]
		li := sort.SearchInts(offs, ind.Start+1) - 1 // the line the span starts on
		if li < 0 || ind.End > len(written) {
			continue
		}
		if li != at {
			line, at = append(line[:0], []rune(lines[li])...), li
		}
		for at := ind.Start - offs[li]; at > 0 && at <= len(line) && line[at-1] == ' ' && !unicode.IsSpace(written[ind.Start-1]); at-- {
			ind.Start--
		}
		for at := ind.End - offs[li]; at >= 0 && at < len(line) && ind.End < len(written) && line[at] == ' ' && !unicode.IsSpace(written[ind.End]); at++ {
			ind.End++
		}
		// a cell read from a table laid out one cell a line, its gaps
		// moved to the cell's end (spacedCellTables): 4 5 read as 45 from 4
		for ind.End < len(written) && ind.End > ind.Start && (written[ind.End-1] == ' ' || digitOrPoint(written[ind.End-1])) &&
			digitOrPoint(written[ind.End]) && hasGapIn(written, ind.Start, ind.End) {
			ind.End++
		}
	}
}

// digitOrPoint reports a digit or a decimal point, Arabic or full-width.
func digitOrPoint(r rune) bool {
	return isDigit(r) || r >= '０' && r <= '９' || r == '.' || r == '．'
}

// hasGapIn reports a single space between a digit (or point) and a digit
// (or point) in rs[a:b].
func hasGapIn(rs []rune, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if rs[k] == ' ' && digitOrPoint(rs[k-1]) && k+1 < len(rs) && digitOrPoint(rs[k+1]) {
			return true
		}
	}
	return false
}

// spacedCellTables is joinCellTables for a spaced document: the tables laid
// out one cell a line (202 5 年, 3 0, 1 .2 each on a line) are found in the
// text with its digits joined, and the line breaks it turned into tabs are
// turned so in the text as written (a line break is never inside a run of
// digits, so it has the same byte offset in both). The cells come from the
// joined text; their offsets are the text's (movedSpans sets a span
// where its digits are written).
func spacedCellTables(text string) (string, map[int][]cell) {
	var b strings.Builder
	b.Grow(len(text))
	first := true
	for raw := range strings.SplitSeq(text, "\n") {
		if !first {
			b.WriteByte('\n')
		}
		first = false
		b.WriteString(joinSpacedDigits(raw))
	}
	joined := b.String()
	out, rows := joinCellTables(joined)
	if out == joined {
		return text, rows
	}
	bs := []byte(text)
	for i := 0; i < len(bs) && i < len(out); i++ {
		if bs[i] == '\n' && out[i] != '\n' {
			bs[i] = out[i]
		}
	}
	return string(bs), rows
}
