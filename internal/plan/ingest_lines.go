package plan

import (
	"strings"
	"unicode/utf8"
)

// The lines of a document: split (a heading run into the line before it
// starts one of its own), trimmed and normalized, with the offset of each in
// the text; and the lines that are no text (blank lines, page numbers, a
// printout's furniture).

// normalize maps full-width digits and punctuation to their ASCII forms one
// rune for one rune, so rune offsets into the normalized text are offsets
// into the original: indicators quote the document exactly.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x2E80 && r <= 0x2FDF {
			return radical(r)
		}
		if r >= 0x4E00 && r <= 0x9FFF {
			return simplified(r) // (a page in traditional characters: ingest_traditional.go)
		}
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．' || r == '﹒':
			return '.'
		case r == '（':
			return '('
		case r == '）':
			return ')'
		case r == '～' || r == '〜':
			return '~'
		case r == '－' || r == '—' || r == '–' || r == '‐' || r == '‑' || r == '‒' || r == '−' || r == '﹣':
			return '-' // (hyphens and a minus a PDF's font may map a dash to)
		case r == '％' || r == '﹪':
			return '%'
		case r == '／':
			return '/'
		case r == '：':
			return ':'
		case r == '；':
			return ';'
		case r == '\u3000' || r == '\t' || r == '\u2009' || r == '\u202F' || r == '\u200A':
			return ' ' // (a thin space a PDF groups thousands with: 1\u2009000)
		case r == '\u00a0' || r == '\u200b' || r == '\u2060' || r == '\ufeff':
			return ' ' // (a web page's no-break and zero-width spaces: 100&nbsp;个)
		}
		return r
	}, s)
}

// nextTextLine is the index of the next line after i with text, page
// markers and blank lines skipped (at most five), or -1.
func nextTextLine(lines []string, i int) int {
	for j := i + 1; j < len(lines) && j <= i+6; j++ {
		if lines[j] != "" && !pageMarker(lines[j]) {
			return j
		}
	}
	return -1
}

// splitLines splits text into lines, trimmed, as written (origs) and
// normalized (lines), with the rune offset in text of each. Headings run
// into the line before them (a web page whose paragraphs lost their breaks:
// …制定本方案。一、总体要求（一）…) start lines of their own. In a document
// whose digits are spaced (quantity_spaced.go) the lines have their runs
// of digits joined, rune for rune, before they are split; origs stay as
// written (a layout's columns are read from them, and two spaces part
// them), but for a table's rows whose cells tabs or bars part. In a
// document made by OCR the numbers it misprints are repaired so, rune for
// rune (quantity_ocr.go).
func splitLines(text string, spaced, ocr bool) (lines, origs []string, offs []int) {
	pos := 0
	var pieces []string
	heads := pageHeads(text)
	var seq runInSeq
	for raw := range strings.SplitSeq(text, "\n") {
		src := raw
		if spaced {
			src = joinSpacedDigits(raw) // 1 00 家, 到202 6 年: a PDF's kerning
		}
		if ocr {
			src = ocrRepair(src) // 27 · 7％, 10，300亿元: an OCR'd scan's numbers (quantity_ocr.go)
		}
		if h := headRunIn(src, heads); h > 0 {
			pieces = runInHeadings(src[h:], append(pieces[:0], src[:h]), &seq)
		} else {
			pieces = runInHeadings(src, pieces[:0], &seq)
		}
		rest := raw
		for _, piece := range pieces {
			n := utf8.RuneCountInString(piece)
			var written string // the piece as written, for where it is trimmed
			written, rest = cutRunes(rest, n)
			o := strings.ReplaceAll(written, "\u3000", " ")
			trimmed := strings.TrimLeftFunc(o, blank)
			left := n - utf8.RuneCountInString(trimmed)
			offs = append(offs, pos+left)
			o = strings.TrimRightFunc(trimmed, blank)
			j := o
			if piece != written {
				// the joined piece, cut where the piece as written is trimmed
				j, _ = cutRunes(afterRunes(strings.ReplaceAll(piece, "\u3000", " "), left), utf8.RuneCountInString(o))
				if strings.ContainsAny(o, "\t|") {
					o = j // a table's row, its cells apart by tabs or bars: read joined (3 0 → 30)
				}
			}
			origs = append(origs, o)
			lines = append(lines, cnYears(normalize(j))) // (到二〇三五年: ingest_cnyear.go)
			pos += n
		}
		pos++
	}
	return lines, origs, offs
}

// pageHeads is the lines a document prints alone at the top of three or more
// pages (重庆市人民政府办公厅文件): short lines of words, no heading, no
// sentence. nil when there are none.
func pageHeads(text string) map[string]bool {
	var count map[string]int
	for raw := range strings.SplitSeq(text, "\n") {
		l := strings.TrimFunc(raw, blank)
		if len(l) < 12 || len(l) > 120 || l[0] < 0xe4 || strings.ContainsAny(l, " \u3000。；;，,：:") {
			continue
		}
		if count == nil {
			count = map[string]int{}
		}
		count[l]++
	}
	var heads map[string]bool
	for l, n := range count {
		if n >= 3 && !isHeadingLine(l) {
			if heads == nil {
				heads = map[string]bool{}
			}
			heads[l] = true
		}
	}
	return heads
}

// headRunIn is where the text of a page starts on a line that opens with the
// page's header and a space (重庆市人民政府办公厅文件 （一）科学规划布局…: a
// converter joined the header to the page's first line), in bytes; 0 when
// the line does not.
func headRunIn(raw string, heads map[string]bool) int {
	if heads == nil {
		return 0
	}
	l := strings.TrimLeftFunc(raw, blank)
	i := strings.IndexAny(l, " \u3000")
	if i <= 0 || !heads[l[:i]] || strings.TrimFunc(l[i:], blank) == "" {
		return 0
	}
	return len(raw) - len(l) + i
}

// repeatedLines counts each short line of the document: lines repeated on
// every page (a printout's header: the title, the date and time) are
// furniture, not text.
func repeatedLines(lines []string) map[string]int {
	seen := map[string]int{}
	for _, l := range lines {
		if l != "" && utf8.RuneCountInString(l) <= 60 {
			seen[l]++
		}
	}
	return seen
}

// furniture reports a line that is no text: blank, a page's number or a
// line repeated on every page (unless it is a figure of the sentence on a
// line of its own, glued, or prose the page's width broke: wrappedRepeat),
// the title of the heading above it, or a page number between dashes on
// lines of their own.
func (d *docRead) furniture(i int, glued bool) bool {
	line := d.lines[i]
	return line == "" || (pageMarker(line) || d.seen[line] >= 3 && !isHeadingLine(line) && !d.wrappedRepeat(i)) && !glued || i == d.titleLine || pageTriple(d.lines, i)
}

// cutRunes is s cut after its first n runes, and the rest.
func cutRunes(s string, n int) (string, string) {
	for i := range s {
		if n == 0 {
			return s[:i], s[i:]
		}
		n--
	}
	return s, ""
}

// afterRunes is s after its first n runes (string([]rune(s)[n:]) without
// the copies).
func afterRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}
