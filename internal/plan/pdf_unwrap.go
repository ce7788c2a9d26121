package plan

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Unwrap joins the lines a PDF's page width broke (pdftotext -layout keeps
// each printed line): a line as long as the document's full lines goes on
// on the next line, unless that line starts a numbered section, is a page's
// number (— 2 —, a bare 2: a page can end inside a word, 软\n2\n件) or a
// table's row. Where the document indents its paragraphs (the official
// layout: two characters in, the lines a paragraph wraps onto flush with the
// margin) the indent says where a paragraph starts, so a full line that ends
// a sentence goes on when the next line is flush, and a line does not join
// an indented one; elsewhere a full line that ends a sentence ends its
// paragraph. Headings and short last lines of paragraphs stay as they are.
func Unwrap(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\f")
	}
	lay := measureLayout(lines)
	if lay.full == 0 {
		return text
	}
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(l)
		if i == len(lines)-1 {
			break
		}
		if !lay.joins(l, lines[i+1]) {
			b.WriteByte('\n')
			continue
		}
		lines[i+1] = strings.TrimLeft(lines[i+1], " \t")
	}
	return b.String()
}

// pdfLayout is what Unwrap measures of a document's printed lines: the
// length of a full line, the margin, and whether paragraphs are indented.
type pdfLayout struct {
	full     int // runes of a full line (the 90th percentile)
	margin   int // leading spaces of the lines nearest the left edge
	indented bool
}

// pdfRow reports a line with cells apart (pdftotext -layout): a table's row
// is neither measured nor joined.
func pdfRow(l string) bool { return strings.Contains(strings.TrimSpace(l), "   ") }

func leadSpaces(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

func measureLayout(lines []string) pdfLayout {
	var lens, leads []int
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || pdfRow(l) || pageMarker(t) {
			continue
		}
		lens = append(lens, utf8.RuneCountInString(t))
		leads = append(leads, leadSpaces(l))
	}
	if len(lens) < 10 {
		return pdfLayout{}
	}
	sort.Ints(lens)
	lay := pdfLayout{full: lens[len(lens)*9/10], margin: leads[0]}
	for _, n := range leads {
		lay.margin = min(lay.margin, n)
	}
	// Indented paragraphs: the line after a short line (a paragraph's
	// last, a heading) opens a paragraph; where six in ten such lines or
	// more start two or more spaces in, the document indents its
	// paragraphs (and its headings with them).
	after, in := 0, 0
	var prev string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || pdfRow(l) || pageMarker(t) {
			prev = ""
			continue
		}
		if prev != "" && utf8.RuneCountInString(prev)*100 < lay.full*85 {
			after++
			if leadSpaces(l) >= lay.margin+2 {
				in++
			}
		}
		prev = t
	}
	lay.indented = after >= 5 && in*10 >= after*6
	return lay
}

// joins reports whether line l goes on on the next line.
func (lay pdfLayout) joins(l, next string) bool {
	t, n := strings.TrimSpace(l), strings.TrimSpace(next)
	if n == "" || utf8.RuneCountInString(t)*100 < lay.full*85 || pageMarker(n) || pdfRow(l) || pdfRow(next) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	flush := leadSpaces(next) < lay.margin+2
	if startsSection(n) {
		// a section's number opens a section, but for a line at the margin
		// of a document that indents its headings with its paragraphs,
		// after a full line that stops inside a sentence: the sentence goes
		// on (…促进祖国和平统 / 一、推进中外交流…)
		return lay.indented && flush && !strings.ContainsRune("。；;：:！？!?）)", last)
	}
	if lay.indented {
		return flush
	}
	return !strings.ContainsRune("。；;：:！？!?", last)
}
