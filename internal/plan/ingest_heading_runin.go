package plan

// Headings run into the line before them (D78, D102): a web page that lost
// its paragraph breaks, a PDF's text saved one line a page.

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reRunIn finds a heading that starts a sentence inside a line
// (…制定本方案。一、总体要求（一）指导思想…): in running text the styles 一、
// and (一) follow a full stop only as headings (not a colon or a semicolon:
// 来源分组：三、…, 包括：(一)…；(二)…).
//
// Chapters (第一章, 第一节, 第一部分) run in after a full stop or a heading's
// title and a space, and so does 一、 after a title and a space (第一节
// 完善场馆体系 一、建设区县科技馆 …: a PDF saved one line a page).
//
// After a closing bracket and a space, a heading starts when the bracket
// names who is responsible (…（责任单位：市发展改革委） （二）合理选址布点…,
// …有关企业） 三、保障措施): the item before ends with its units. A (一) after
// a heading's short title and a space starts one too (一、总体要求 （一）基本原则).
// Any of them may be set in bold (。**（二）发展目标。**到2027年…).
//
// The styles 1. and (1) run in the same places (…每年新建20个。 2.建设科普e站。…,
// （一）建设社区科普阵地 1.建设社区科普大学。…) but are read only in their
// sequence and with a title closed by a full stop (arabicRunIn): numbers
// stand in running text for many other things.
var reRunIn = regexp.MustCompile(`[。！？]\s*(?:\*\*\s*)?(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．]|[（(]\d{1,2}[）)]|` + reChapterRunIn + `)` +
	`|[）)〕]\s+(?:\*\*\s*)?(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])` +
	`|[^\s。！？]\s*(?:\*\*\s*)?[（(][一二三四五六七八九十]{1,3}[）)]|[^\s。！？]\s+(?:\*\*\s*)?(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|` + reChapterRunIn + `)`)

// reChapterRunIn is a chapter, a part or a section of a chapter run into
// a line (…编制本规划。 第一章 发展基础 …, 第二章 总体要求 第一节 指导思想 …):
// only with a space after it, as a converter leaves one after a heading.
const reChapterRunIn = `第[一二三四五六七八九十]{1,3}(?:章|节|篇|部分)\s`

// runInHeadings cuts a line before the headings run into it, appending the
// pieces to buf (reused from line to line); a line without any is one piece.
// seq carries the numbers of 1. and (1) from line to line.
func runInHeadings(line string, buf []string, seq *runInSeq) []string {
	if k := gapHeading(line); k > 0 {
		seq.note(line[:k])
		return runInHeadings(line[k:], append(buf, line[:k]), seq)
	}
	seq.note(line)
	seq.row = strings.ContainsAny(line, "|\t")
	seq.items = strings.Contains(line, "。（1）") || strings.Contains(line, "。(1)")
	seq.items = seq.items && itemRun(line)
	if !runInCue(line) {
		return append(buf, line)
	}
	locs := reRunIn.FindAllStringIndex(line, -1)
	if locs == nil {
		return append(buf, line)
	}
	out := buf
	from := 0
	for _, l := range locs {
		r, n := utf8.DecodeRuneInString(line[l[0]:])
		cut := l[0] + n
		if next, _ := utf8.DecodeRuneInString(line[l[1]:]); strings.HasSuffix(line[:l[1]], "、") && isCNDigit(next) {
			continue // 一、二级医院, 三、四线城市: a pair of numerals, not a heading
		}
		d, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line[:l[1]], ".、．)）"))
		if isDigit(d) && !arabicRunIn(strings.TrimLeftFunc(line[cut:], blank), seq, !strings.ContainsRune("。！？", r)) {
			continue // 1. or (1) out of sequence, or with no title
		}
		if strings.ContainsRune("）)〕", r) && unitsClosed(line[from:l[0]]) {
			// the bracket of an item's units, a space, the next heading
		} else if !strings.ContainsRune("。！？", r) {
			// (一) or 1. straight after a title: only when what comes
			// before is a heading's number and a short title, no space in
			// it (一、总体要求（一）…); else only in sequence (spacedRunIn)
			// (its length first: the text before may be a long line's)
			if head := strings.TrimSpace(line[from:cut]); (len(head) > 120 || utf8.RuneCountInString(head) > 30 || strings.ContainsAny(head, "，,。；;：:") || !shortHeading(normalize(head))) &&
				!spacedRunIn(line, cut, r, seq) && !(isDigit(d) && boldTitle(line[cut:])) {
				continue
			}
		}
		for cut < len(line) && (line[cut] == ' ' || line[cut] == '\t') {
			cut++
		}
		if cut > from {
			out = append(out, line[from:cut])
			from = cut
			seq.note(line[cut:])
		}
	}
	return append(out, line[from:])
}

// shortHeading reports a heading's number and a title with no space in it
// (一、总体要求, 第二章 总体要求), the text before a heading run in after it.
func shortHeading(l string) bool {
	_, _, rest, ok := heading(l)
	return ok && !strings.ContainsAny(strings.TrimSpace(rest), " \u3000")
}

// runInCue is a cheap pass before reRunIn: a number closed as a heading's
// that something stands before on the line — a Chinese numeral closed by 、
// or a bracket, a chapter (第一章), or a digit closed by a point or a bracket
// after a space, bold or a full stop (1. at a line's start runs in nothing).
func runInCue(line string) bool {
	var prev, before rune // before: the rune before the run of digits, numerals and opening brackets
	for _, r := range line {
		num := isDigit(r) || strings.ContainsRune("一二三四五六七八九十(（第", r)
		if num && !(isDigit(prev) || strings.ContainsRune("一二三四五六七八九十(（第", prev)) {
			before = prev
		}
		switch {
		case num:
		case before == 0:
		case (r == '、' || r == '）' || r == ')') && strings.ContainsRune("一二三四五六七八九十", prev):
			return true
		case (r == '章' || r == '节' || r == '篇' || r == '部') && strings.ContainsRune("一二三四五六七八九十", prev):
			if unicode.IsSpace(before) || strings.ContainsRune("*。！？", before) {
				return true
			}
		case (r == '.' || r == '、' || r == '．' || r == ')' || r == '）') && isDigit(prev):
			if unicode.IsSpace(before) || strings.ContainsRune("*。！？", before) {
				return true
			}
		}
		prev = r
	}
	return false
}

// unitsClosed reports text that ends inside a bracket of who is responsible
// for an item (（责任单位：A、B, （牵头单位：A（集团）、B, 〔责任单位：A): the
// bracket it ends in holds a colon after a word of units. A bracket opened
// on a line before (a page broke the list of units) is one when the text
// has no full stop and lists names with 、.
func unitsClosed(s string) bool {
	depth := 0
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		switch r {
		case '）', ')', '〕':
			depth++
		case '（', '(', '〔':
			if depth > 0 {
				depth--
				continue
			}
			in := s[i+n:]
			c := strings.IndexAny(in, ":：")
			if c < 0 {
				return false
			}
			w := in[:c]
			return strings.Contains(w, "单位") || strings.Contains(w, "部门") || strings.Contains(w, "牵头")
		}
	}
	return depth == 0 && strings.Contains(s, "、") && !strings.ContainsAny(s, "。；;")
}
