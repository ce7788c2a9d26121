package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// open is a section open at the line being read.
type open struct {
	level    int  // the rank of its numbering style (heading)
	rank     int  // the rank in this document's nesting (docRead.rankOf)
	box      bool // a box (专栏) in the text: its items stay in it
	quote    bool // a box set as a Markdown quote (> **专栏1 …**): it ends with the quote
	sec      *Section
	deadline *int // stated at the head of the section's text
	past     bool
	turns    bool // its title joins what was achieved to what is aimed: a review opened it, the coming period ends the review (indicator_review_turn.go)
}

// head is what heading reads from a line: its level in the document's
// numbering, its number, and the text after the number.
type head struct {
	level        int
	number, rest string
	ok           bool
	box          bool // a box's title (ingest_sections_box.go)
	cell         int  // runes before the number of a heading in a table's one-cell row (cellHeading), or 0
}

// path is the numbers of the sections open.
func (d *docRead) path() []string {
	p := make([]string, len(d.stack))
	for i, o := range d.stack {
		p[i] = o.sec.Number
	}
	return p
}

// reAnnexHead is an annex's heading alone on its line (附件2, 附件 3, **附件1**).
var reAnnexHead = regexp.MustCompile(`^\**附件\s*([0-9一二三四五六七八九十]{1,3})\**$`)

// headingAt reads the heading line i is, if any: besides the shapes
// heading knows, the next number of a list that ran past 99. and the next
// number of a decimal outline (7.2 本预案…, 5.1.1 为应对…), whatever its
// title starts with. It keeps the numbers those are read against.
func (d *docRead) headingAt(i int) head {
	line := d.lines[i]
	var h head
	h.level, h.number, h.rest, h.ok = heading(line)
	if !h.ok && line[0] >= '1' && line[0] <= '9' && d.lastL3 >= 99 {
		if m := reL3Long.FindStringSubmatch(line); m != nil && m[1] == strconv.Itoa(d.lastL3+1) {
			h = head{level: 3, number: m[1], rest: m[2], ok: true}
		}
	}
	if !h.ok && d.lastDecimal != "" && isDigit(rune(line[0])) {
		if m := reDecimal.FindStringSubmatch(line); m != nil && m[2] != "" && decimalNext(d.lastDecimal, m[1]+m[2]) {
			h = head{level: 3 + strings.Count(m[2], "."), number: m[1] + m[2], rest: m[3], ok: true}
		}
	}
	if !h.ok && d.spacedL1 && line[0] >= 0xe4 {
		// 一 总体要求: the top numbers of a document that lost their 、
		if m := reL1Spaced.FindStringSubmatch(line); m != nil && spacedTitle(m[2]) {
			h = head{level: 1, number: m[1], rest: m[2], ok: true}
		}
	}
	if !h.ok && d.mdTop > 0 && line[0] == '#' {
		h = markdownHeading(line, d.mdTop)
	}
	if !h.ok && line[0] == '|' && (len(d.doc.Sections) == 0 || d.cellHeads) {
		// a plan set as a table: only where the document's first heading
		// is such a row (elsewhere one-cell rows are a table's categories)
		if h = cellHeading(line); h.ok {
			d.cellHeads = true
		}
	}
	if !h.ok && len(d.stack) > 0 && !d.annexList {
		if m := reAnnexHead.FindStringSubmatch(line); m != nil {
			// 附件2 alone on its line after the plan's sections: the annex
			// is no part of the last section (D137)
			h = head{level: 1, number: "附件" + m[1], ok: true}
		}
	}
	if h.ok && h.level == 4 && definition(titleOf(h.rest)) {
		h = head{} // (1)物流是指…: a glossary's item, not a heading
	}
	if h.ok && !h.box && h.cell == 0 && line[0] != '#' && d.brokenBefore(i) {
		h = head{} // (…政策举措，\n一、二季度经济平稳增长；: a sentence the page's width broke)
	}
	if h.ok && h.level == 3 {
		d.lastL3, _ = strconv.Atoi(h.number)
	}
	if h.ok && h.level >= 3 && (strings.Contains(h.number, ".") || h.level == 3 && reDecimal.MatchString(line)) {
		d.lastDecimal = h.number
	}
	return h
}

// titleBelow notes the title of a heading whose number stands alone on its
// line (a PDF's layout): the next short line, when it is one. A long title
// the page broke (二、推动企业创新主体地位与研发能力\n同步提升) goes on there
// (titleMore): a title of twelve or more characters with no punctuation,
// and straight below it a short line of words with none either.
func (d *docRead) titleBelow(i int, h head) {
	if !h.ok {
		return
	}
	if h.rest != "" {
		d.titleMore = false
		if j := i + 1; j < len(d.lines) && titleGoesOn(h.rest, d.lines[j]) && d.seen[d.lines[j]] < 3 {
			d.titleLine, d.titleMore = j, true
		}
		return
	}
	if j := d.nextTitleLine(i); j > 0 && utf8.RuneCountInString(d.lines[j]) <= 40 && !isHeadingLine(d.lines[j]) && !strings.ContainsAny(d.lines[j], "。;") {
		d.titleLine, d.titleMore = j, false
	}
}

// nextTitleLine is the next line after i with text, page numbers, blank
// lines and a page's header (a line printed atop three pages or more)
// skipped, at most six lines on; or -1.
func (d *docRead) nextTitleLine(i int) int {
	for j := i + 1; j < len(d.lines) && j <= i+6; j++ {
		if l := d.lines[j]; l != "" && !pageMarker(l) && !pageTriple(d.lines, j) && !(d.seen[l] >= 3 && !isHeadingLine(l)) {
			return j
		}
	}
	return -1
}

// titleGoesOn reports a heading's title (rest) that the next line finishes:
// rest is only a title of 12–40 characters, next 2–12 characters of words,
// neither with any punctuation, digits or marks.
func titleGoesOn(rest, next string) bool {
	const marks = "。;；，,:：、!?！？()（）\"“”|*#0123456789 "
	n, k := utf8.RuneCountInString(rest), utf8.RuneCountInString(next)
	if n < 12 || n > 40 || k < 2 || k > 12 || strings.ContainsAny(rest, marks) || strings.ContainsAny(next, marks) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	last, _ := utf8.DecodeLastRuneInString(rest)
	return unicode.Is(unicode.Han, first) && unicode.Is(unicode.Han, last) && !isHeadingLine(next)
}

// openSection opens the section heading h of line i starts, under the
// innermost open section of a lower level; it returns where, in runes,
// the text of the line after the number starts. A run of headings without text between them was a
// table of contents: at its first number again the body starts over.
func (d *docRead) openSection(i int, h head) int {
	line := d.lines[i]
	title := titleOf(h.rest)
	first := title // the title on the heading's line
	if d.titleLine > i && d.titleMore {
		title = titleOf(h.rest + d.lines[d.titleLine])
	} else if d.titleLine > i {
		title = titleOf(d.lines[d.titleLine])
	}
	rank := d.rankOf(h)
	leadIn, depth := d.leadInDeadline(i), len(d.stack)
	for len(d.stack) > 0 && (d.pops(h, rank) || d.belowOutline(h)) {
		d.stack = d.stack[:len(d.stack)-1]
	}
	if leadIn != nil && len(d.stack) > 0 && len(d.stack) < depth {
		d.stack[len(d.stack)-1].deadline = leadIn // (ingest_leadin.go)
	}
	// Level is the depth in the document's numbering.
	sec := &Section{Number: h.number, Title: title, Level: len(d.stack) + 1, Children: []*Section{}}
	d.headingHasText = false
	if len(d.stack) == 0 && tableOfContents(d.doc.Sections, h.number) && d.withText <= 1 {
		d.withText = 0
		d.doc.Sections, d.doc.Indicators, d.doc.Responsibilities = []*Section{}, []Indicator{}, []Responsibility{}
	}
	if len(d.stack) == 0 {
		d.doc.Sections = append(d.doc.Sections, sec)
	} else {
		parent := d.stack[len(d.stack)-1].sec
		parent.Children = append(parent.Children, sec)
	}
	d.stack = append(d.stack, open{level: h.level, rank: rank, box: h.box, quote: h.box && strings.HasPrefix(line, ">"), sec: sec, past: pastTitle(sec.Title) && !aimedUnderGoals(d.stack, sec.Title) || pastPeriodTitle(sec.Title, d.spanEndedBy()) || len(d.stack) > 0 && d.stack[len(d.stack)-1].past})
	off := utf8.RuneCountInString(line) - utf8.RuneCountInString(h.rest)
	lead := 0
	if h.box {
		lead = utf8.RuneCountInString(line[:strings.Index(line, "专栏")])
	} else if h.cell > 0 {
		lead = h.cell
	} else {
		lead = utf8.RuneCountInString(line[:leadLen(line)])
	}
	at := 0 // where the title starts in the rest of the line (**三、**保障措施)
	if k := strings.Index(h.rest, first); k > 0 {
		at = utf8.RuneCountInString(h.rest[:k])
	}
	sec.Start, sec.End = d.offs[i]+lead, d.offs[i]+off+at+utf8.RuneCountInString(first)
	if d.titleLine > i && !d.titleMore {
		sec.End = d.offs[i] + off // the number; its title is on the next line
	}
	return off
}

// reL1Spaced is a top heading whose 、 a converter lost: a Chinese numeral,
// a space and the title (一 高质量推进科普阵地建设).
var reL1Spaced = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})[ \x{3000}]+(\S.*)$`)

// spacedTitle reports the rest of such a line that can be a title: short,
// no sentence in it, starting with a word.
func spacedTitle(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	n := utf8.RuneCountInString(rest)
	return n >= 4 && n <= 30 && r >= 0x4e00 && !isCNDigit(r) && !strings.ContainsAny(rest, "。；;，,：: ")
}

// spacedL1 reports a document whose top headings lost their 、 (一 总体要求,
// 二 重点任务): lines of reL1Spaced with titles numbered 一 and 二 at least,
// in order. Only then is such a line a heading: elsewhere 一 and a space
// start too many other things.
func spacedL1(lines []string) bool {
	next := 1
	for _, l := range lines {
		if !numeralSpace(l) {
			continue // (a cheap test before the regexp)
		}
		if m := reL1Spaced.FindStringSubmatch(l); m != nil && spacedTitle(m[2]) {
			if n, ok := number(m[1]); ok && int(n) == next {
				next++
			}
		}
	}
	return next > 2
}

// numeralSpace reports a line that opens with Chinese numerals and a space.
func numeralSpace(l string) bool {
	for i, r := range l {
		switch {
		case strings.ContainsRune("一二三四五六七八九十", r):
		case r == ' ' || r == '\u3000':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// definition reports a numbered item's first clause that defines a term
// (物流是指…, 设备层是实现…的层级): a glossary's entry, not a title.
func definition(t string) bool {
	t = strings.ReplaceAll(t, " ", "") // (设 计 是 指: a PDF's spaced text)
	if strings.Contains(t, "是指") {
		return true
	}
	rs := []rune(t)
	for i := 1; i < len(rs) && i <= 6; i++ {
		if rs[i] == '是' && len(rs)-i > 8 {
			return strings.HasSuffix(string(rs[:i]), "层") // a layer of a model: 车间层是…
		}
	}
	return false
}

// cellHeading reads a table's row of one cell that holds a numbered
// heading (| 一、共筑美丽蓝天 |, | （一）空气质量目标 | | |): a plan set as a
// table (a task list by category) heads its parts so. It is read only when
// the table reader took the row for none of its own, and only in a
// document whose first heading is such a row. The rest runs to the
// line's end, so the title is the line's end (titleOf drops the bars).
func cellHeading(line string) head {
	if strings.Count(line, "|") < 2 {
		return head{}
	}
	in := strings.TrimLeft(line[1:], " ")
	end := strings.IndexByte(in, '|')
	if end <= 0 || strings.Trim(in[end:], "| ") != "" {
		return head{} // more than one cell with text
	}
	l, n, rest, ok := heading(strings.TrimRight(in[:end], " "))
	if !ok {
		return head{}
	}
	at := len(line) - len(in)
	return head{level: l, number: n, rest: line[at+strings.Index(in, rest):], ok: true, cell: utf8.RuneCountInString(line[:at])}
}
