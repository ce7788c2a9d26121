package plan

import (
	"regexp"
	"strings"
)

// paragraph is the text of one paragraph, normalized (nb) and as written
// (ob), with the offset in the document of each rune.
type paragraph struct {
	nb, ob []rune
	pos    []int
	ctx    lineCtx
	open   **int // where a deadline opening the paragraph is kept for its section
}

func (p *paragraph) add(nb, ob string, base int) {
	n, o := []rune(nb), []rune(ob)
	if len(n) != len(o) {
		return
	}
	for i := range n {
		p.pos = append(p.pos, base+i)
	}
	p.nb, p.ob = append(p.nb, n...), append(p.ob, o...)
}

// continues reports whether the next line carries on the paragraph: the
// text so far stops inside a sentence.
func (p *paragraph) continues() bool {
	if len(p.nb) == 0 {
		return false
	}
	return !strings.ContainsRune("。;!?！？:)", p.nb[len(p.nb)-1])
}

var rePageMarker = regexp.MustCompile(`^(?:[-—–\s]*\d{1,3}[-—–\s]*|页码[:：]?\s*\d+\s*/\s*\d+.*|第\s*\d+\s*页.*|` +
	// a browser's printout: the page's address and its page (… 页码：4/5, … 5/7, … 第1/5页)
	`https?://\S+\s+(?:页码[:：]?\s*|第\s*)?\d+\s*/\s*\d+\s*页?)$`)

// pageMarker reports a line that only numbers a page (— 2 —, - 10 -, 页码：3/9).
func pageMarker(line string) bool {
	return (len(line) < 40 || strings.HasPrefix(line, "http") && len(line) < 300) && rePageMarker.MatchString(line) ||
		len(line) < 400 && strings.Contains(line, ":") && strings.Contains(line, "/") && !strings.Contains(line, "。") && rePrintHeader.MatchString(line)
}

// rePrintHeader is the line a browser prints at the top of each page: the
// page's title and the time it was printed (…门户网站 6/5/25 下午5:16,
// 2025/7/3 14:25 …), whatever the title.
var rePrintHeader = regexp.MustCompile(`\s\d{1,2}/\d{1,2}/\d{2}\s*[上下]午\s*\d{1,2}:\d{2}$|^20\d\d/\d{1,2}/\d{1,2}\s+(?:[上下]午\s*)?\d{1,2}:\d{2}\s`)

func isHeadingLine(l string) bool { _, _, _, ok := heading(l); return ok }

// numberInSentence reports a line that is only a number but is no page
// number: a PDF that sets each figure on a line of its own (…项目\n180\n项以上)
// breaks a sentence before it and goes on with the figure's unit after it.
// Only where the layout does so for most such lines (figuresApart): a page
// number can fall between a word's halves (降\n1\n本).
func numberInSentence(lines []string, i int, p *paragraph, apart bool) bool {
	if !apart || len(p.nb) == 0 {
		return false
	}
	last := p.nb[len(p.nb)-1]
	if !p.continues() && last != ')' { // (智能工厂（数字化车间）\n150\n家)
		return false
	}
	l := lines[i]
	if isDigit(last) && (startsWithUnit(l) || strings.HasPrefix(l, "年") && bareNumber(lines[i-1])) {
		// 2 4\n亿\n元, 17 85\n亿元。: the unit goes on from the figure
		// before it, though the same short line recurs; so does the 年 of
		// a year on a line of its own (2025\n年，省财政预算安排, said in
		// every chapter)
		return true
	}
	if isDigit(last) && (l == "-" || l == "~" || l == "至") {
		// 1\n—\n2\n个: the dash of a range
		return i+2 < len(lines) && bareNumber(lines[i+1]) && startsWithUnit(lines[i+2])
	}
	if !bareNumber(l) || i+1 >= len(lines) {
		return false
	}
	next := lines[i+1]
	if (next == "-" || next == "~" || next == "至") && i+3 < len(lines) && bareNumber(lines[i+2]) && startsWithUnit(lines[i+3]) {
		return true
	}
	if startsWithUnit(next) || strings.HasPrefix(next, "年") { // (2025\n年，…: a year of the sentence)
		return true
	}
	// 500\n—\n4\n—\n\n人: a page's number between the figure and its unit
	if next == "-" && (i == 0 || lines[i-1] != "-") {
		for j := i + 1; j < len(lines) && j <= i+5; j++ {
			if l := lines[j]; l != "" && l != "-" && !(bareNumber(l) && len(l) <= 3) {
				return j > i+2 && startsWithUnit(l)
			}
		}
	}
	return false
}

// yearApart reports a year on a line of its own that opens a sentence
// with its 年 on the next line (2025\n年，省财政预算安排…), where the layout
// sets figures apart (figuresApart): text, not a page's number, though the
// same line recurs in every chapter.
func yearApart(lines []string, i int, apart bool) bool {
	l := lines[i]
	return apart && len(l) == 4 && bareNumber(l) && (l[:2] == "19" || l[:2] == "20") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "年")
}

// figuresApart reports a layout that sets figures on lines of their own:
// of the lines that are only a number, at least five and most go on with a
// unit on the next line.
func figuresApart(lines []string) bool {
	bare, unit := 0, 0
	for i, l := range lines {
		if bareNumber(l) {
			bare++
			if i+1 < len(lines) && startsWithUnit(lines[i+1]) {
				unit++
			}
		}
	}
	return unit >= 5 && 2*unit > bare
}

// bareNumber reports a line that is only a number: digits, perhaps with a
// lost decimal point (1 5, or a glyph the PDF did not map and a space).
func bareNumber(l string) bool {
	if l == "" || len(l) > 16 || !isDigit(rune(l[0])) || !isDigit(rune(l[len(l)-1])) {
		return false
	}
	for _, r := range l {
		if !isDigit(r) && r != ' ' && !privateUse(r) {
			return false
		}
	}
	return true
}

// startsWithUnit reports a line that opens with what follows a number: a
// multiplier, a measure word or unit, or a comparator word after it.
func startsWithUnit(l string) bool {
	for _, m := range multWords {
		if strings.HasPrefix(l, m.w) {
			return true
		}
	}
	for _, u := range units {
		if strings.HasPrefix(l, u) && !arabicOnly[u] {
			return true
		}
	}
	for _, c := range cmpAfter {
		if strings.HasPrefix(l, c.w) {
			return true
		}
	}
	return strings.HasPrefix(l, "多") || strings.HasPrefix(l, "余")
}

// pageTriple reports a line of a page's number printed over three lines
// (—\n4\n—): the dashes and the number between them.
func pageTriple(lines []string, i int) bool {
	at := func(k int) string {
		if k < 0 || k >= len(lines) {
			return ""
		}
		return lines[k]
	}
	page := func(k int) bool { l := at(k); return bareNumber(l) && len(l) <= 3 }
	switch l := lines[i]; {
	case l == "-":
		return page(i+1) && at(i+2) == "-" || page(i-1) && at(i-2) == "-"
	case page(i):
		return at(i-1) == "-" && at(i+1) == "-"
	}
	return false
}

// paraPiece is a piece of a line read as a paragraph of its own: its text
// normalized and as written, and its offset.
type paraPiece struct {
	nb, ob string
	base   int
}

// pointGlyph is the glyph of Unicode's private use area a PDF's font writes
// every decimal point with (２０２\ue010 ７亿元): one such glyph that occurs
// at least three times, each time between two digits (a space may follow
// it), and never elsewhere. Numbers read through it are then sure; through
// any other unmapped glyph they stay proposed. 0 when there is none.
func pointGlyph(text string) rune {
	digit := func(r rune) bool { return isDigit(r) || r >= '０' && r <= '９' }
	var point, prev rune
	n := 0
	open := false // a glyph after a digit, waiting for the digit after it
	for _, r := range text {
		switch {
		case privateUse(r):
			if point != 0 && r != point || !digit(prev) || open {
				return 0 // two glyphs, or one that is not between digits
			}
			point, open = r, true
		case open && r == ' ' && prev == point:
			// the space after the point
		case open:
			if !digit(r) {
				return 0
			}
			open = false
			n++
		}
		prev = r
	}
	if open || n < 3 {
		return 0
	}
	return point
}
