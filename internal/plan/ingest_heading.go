package plan

// The numbered headings a plan is cut into, in the styles Chinese
// documents use (ingest_sections.go builds the section tree from them).

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	reL1 = regexp.MustCompile(`^([一二三四五六七八九十]{1,3}) ?[、.]\s*(.*)$`)
	reL2 = regexp.MustCompile(`^(?:\( ?)?([一二三四五六七八九十]{1,3}) ?\)\s*(?:[、.]\s*)?(.*)$`)
	reL3 = regexp.MustCompile(`^(\d{1,2}) ?[.、•]\s*((?:[^\d].*)?)$`) // (1•: a point a PDF's text layer read as a bullet)
	// 100.… after 99.…: a long numbered list runs past two digits
	reL3Long = regexp.MustCompile(`^(\d{3}) ?[.、]\s*([^\d].*)$`)
	// (-) for (一): a PDF's text layer reads the one stroke as a hyphen or a dash
	reL2Dash = regexp.MustCompile(`^[（(][-－—–][）)]\s*(\p{Han}.*)$`)
	// 1.12235 国土空间总体格局: 1. then a title opening with a code of three
	// or more figures, a space and a word (not a decimal: 1.12235 亿元)
	reL3Code = regexp.MustCompile(`^(\d{1,2})[.、．](\d{3,6})[ \t\x{3000}]+(\p{Han}.*)$`)
	reL4     = regexp.MustCompile(`^(?:\( ?(\d{1,2}) ?\)|([⑴-⒇①-⑳])|(\d{1,2})\))\s*(.*)$`) // (a PDF may space the number: ( 2) )
	// chapters and their parts, above 一、 in the plans that have them
	// (a PDF may space them out: 第 一 章)
	reChapter = regexp.MustCompile(`^第 ?([一二三四五六七八九十]{1,3}|\d{1,2}) ?(章|节|篇|部分)\s*(.*)$`)
	// the single characters of Unicode for 1. and (一) (⒈, ㈠) that PDFs
	// and word processors produce
	reEnclosed = regexp.MustCompile(`^([⒈-⒛]|[㈠-㈩])\s*(.*)$`)
	// decimal outline numbering (1 发展基础, 2.1 指导思想, 3.2.1 …): a
	// number, a space and a short title that is no quantity
	reDecimal = regexp.MustCompile(`^(\d{1,2})((?:\.\d{1,2}){0,3})[ \t\x{3000}]+(\S.*)$`)
	// 1.1指导思想, 1.1、指导思想: below the top, the title may follow at once
	reDecimalTight = regexp.MustCompile(`^(\d{1,2})((?:\.\d{1,2}){1,3})、?([^\d\s.、].*)$`)
	// a Markdown heading's marks or bold around a heading (## 一、…, **一、…**),
	// or a bullet a web page or a slide put before it (■一、…, ●(一)…)
	reMarkdownLead = regexp.MustCompile(`^(?:#{1,6}\s+|\*\*|[-+]\s+|>\s*|[■□●○◆◇▪▶►★☆▲△•]\s*)`)
	// articles (第一条 …), the units of regulations and of 若干措施 written like them
	reArticle = regexp.MustCompile(`^第([一二三四五六七八九十百零〇]{1,5}|\d{1,3})条(?:\s+|$|[^规的之所中款和、至第及\d])`)
)

// leadMark reports a line that may start with a Markdown mark or a bullet.
func leadMark(line string) bool {
	if line == "" {
		return false
	}
	if strings.IndexByte("#*->+", line[0]) >= 0 {
		return true
	}
	return line[0] == 0xe2 && reMarkdownLead.MatchString(line) // the bullets are U+2000–U+2FFF
}

// leadLen is the length in bytes of the marks before a heading: a
// Markdown heading's, a list's or a quote's mark, bold, a bullet, or two or
// three of them (### **一、…**, - **1. …**, > **（一）…**).
func leadLen(line string) int {
	n := 0
	for k := 0; k < 3 && leadMark(line[n:]); k++ {
		m := len(reMarkdownLead.FindString(line[n:]))
		if m == 0 {
			break
		}
		n += m
	}
	return n
}

// unescapeNumber drops the backslashes a Markdown converter puts in a
// number that would read as a list's (1\\. 推进…, \\(1\\) 建设…): before its
// opening bracket and before the point or bracket that closes it. The rest
// of the line is left as it is, so the title is still the line's end.
func unescapeNumber(line string) string {
	if strings.HasPrefix(line, "\\(") {
		line = line[1:]
	}
	i := 0
	if strings.HasPrefix(line, "(") {
		i = 1
	}
	for i < len(line) && i < 12 {
		r, n := utf8.DecodeRuneInString(line[i:])
		if !isDigit(r) && !isCNDigit(r) {
			break
		}
		i += n
	}
	if i+1 < len(line) && line[i] == '\\' && (line[i+1] == '.' || line[i+1] == ')') {
		line = line[:i] + line[i+1:]
	}
	return line
}

// heading recognizes a numbered heading line and returns its rank (-1–4),
// its number as written in the section path, and the rest of the line.
//
// The levels rank the numbering styles as Chinese documents nest them:
// 第一篇/第一章 (-1), 第一节 (0), 一、(1), (一) (2), 1. (3), (1) 1) ⑴ (4), ① (5).
func heading(line string) (level int, number, rest string, ok bool) {
	line = line[leadLen(line):]
	if k := strings.Index(line[:min(len(line), 24)], "** **"); k > 0 && line[0] == '(' && !strings.Contains(line[:k], ")") {
		line = line[:k] + line[k+5:] // **（十三** **）提升**: a number a page's bold split in two
	}
	if k := strings.Index(line[:min(len(line), 8)], "** **"); k > 0 && splitPoint(line[:k], line[k+5:]) {
		_, n := utf8.DecodeRuneInString(line[k+5:]) // **1** **.** **开展…**: a number whose point a page set in bold of its own
		line = line[:k] + line[k+5:k+5+n] + strings.TrimPrefix(line[k+5+n:], "** **")
	}
	if k := strings.Index(line[:min(len(line), 14)], "****"); k > 0 && emptyBoldPoint(line[:k], line[k+4:]) {
		line = line[:k] + line[k+4:] // **4****．****加强…**: bold closed and opened again between a number and its point
	}
	if k := strings.IndexByte(line[:min(len(line), 12)], '\\'); k >= 0 {
		line = unescapeNumber(line)
	}
	if !strings.HasPrefix(line, "第") {
		// most lines: the styles below
	} else if m := reChapter.FindStringSubmatch(line); m != nil {
		level = -1
		if m[2] == "节" {
			level = 0
		}
		return level, "第" + m[1] + m[2], m[3], true
	} else if m := reArticle.FindStringSubmatch(line); m != nil {
		// an article ranks with 一、: its items are (一), 1.
		n := "第" + m[1] + "条"
		return 1, n, strings.TrimSpace(line[len(n):]), true
	}
	if m := reL1.FindStringSubmatch(line); m != nil && !numeralPair(m[2]) {
		return 1, m[1], m[2], true
	}
	if m := reL2.FindStringSubmatch(line); m != nil {
		return 2, "(" + m[1] + ")", m[2], true
	}
	if m := reL2Dash.FindStringSubmatch(line); m != nil {
		// (-)智能制造标准体系结构: a PDF's text layer read 一 as a hyphen
		return 2, "(一)", m[1], true
	}
	if m := reL3.FindStringSubmatch(line); m != nil {
		return 3, m[1], m[2], true
	}
	if m := reL3Code.FindStringSubmatch(line); m != nil && decimalTitle("", m[3]) {
		// 1.12235 国土空间总体格局: 1. with a title that opens with a
		// code of figures (the “12235” 格局: 一核两水两轴三心五区)
		return 3, m[1], m[2] + " " + m[3], true
	}
	if line != "" && line[0] >= 0xe2 {
		if m := reEnclosed.FindStringSubmatch(line); m != nil {
			r, _ := utf8.DecodeRuneInString(m[1])
			if r >= '㈠' {
				return 2, "(" + string([]rune("一二三四五六七八九十")[r-'㈠']) + ")", m[2], true
			}
			return 3, strconv.Itoa(int(r-'⒈') + 1), m[2], true
		}
	}
	if m := reL4.FindStringSubmatch(line); m != nil {
		if r, _ := utf8.DecodeRuneInString(m[2]); r >= '①' && r <= '⑳' {
			// ① ranks below (1): 一、（一）1.（1）① is the order of GB/T 9704
			return 5, m[2], m[4], true
		}
		n := m[1] + m[2] + m[3]
		return 4, "(" + n + ")", m[4], true
	}
	if line == "" || !isDigit(rune(line[0])) {
		return 0, "", "", false
	}
	m := reDecimal.FindStringSubmatch(line)
	if m == nil {
		m = reDecimalTight.FindStringSubmatch(line)
	}
	if m != nil && decimalTitle(m[2], m[3]) {
		// 1 (3), 1.1 (4), 1.1.1 (5): the outline of reports and of
		// plans written like them
		return 3 + strings.Count(m[2], "."), m[1] + m[2], m[3], true
	}
	return 0, "", "", false
}

// decimalTitle reports the rest of a line after a decimal number that
// can be a heading's title: it starts with a word, not a unit, a
// multiplier, a grade or a date (2.5 亿元, 3 个月, 5.6 级, 2025 年), and a number alone
// (1 发展基础) has a short title with no spaces in it (not a row of a
// table laid out by pdftotext).
func decimalTitle(sub, rest string) bool {
	r, size := utf8.DecodeRuneInString(rest)
	word := false // the title opens with a word that a count's unit also opens
	if r == '人' {
		// 1 人口规模, 2 人才队伍: a word that opens with 人 (3 人参加 is a count)
		if next, _ := utf8.DecodeRuneInString(rest[size:]); strings.ContainsRune("口才力居文", next) {
			r, word = next, true
		}
	}
	if r < 0x4e00 || strings.ContainsRune("万亿千百个年月日号项名家人元倍岁分秒时天周届期次级", r) || isCNDigit(r) ||
		strings.ContainsRune("的之以及等和与或为是在至到其左上下", r) {
		// (a title never starts with a particle: 1.5的数据中心 is a
		// sentence a PDF broke after its number)
		return false
	}
	one := []rune("1" + rest)
	if q, ok := readQuantity(one, 0); ok && q.base != "" && !word && strings.Count(sub, ".") < 2 &&
		!(arabicOnly[q.base] && q.b < len(one) && unicode.Is(unicode.Han, one[q.b])) { // (q.b counts runes: 0 头 ends the line)
		// 1.2 米, 3 所学校: a quantity, not a title; but a measure word
		// that starts a word (2 组织机构, 3 队伍建设) is a title's, and a
		// number of two dots or more is no quantity (6.3.1 站内设施…)
		return false
	}
	if sub == "" {
		t := strings.TrimSpace(rest)
		return utf8.RuneCountInString(t) <= 30 && !strings.ContainsAny(t, " \t\u3000。；;，,：:") ||
			letterSpaced(strings.TrimSuffix(t, "**")) // (概  述: a title letter-spaced to fill its line, not a table's row)
	}
	return true
}

// titleOf is a heading's title: the text up to the first full stop, at most 60 runes.
//
// A title a converter ran into its paragraph with only a space between
// (（二）发展目标 到 2025 年年底，实现…) ends at the space: a title of two or
// more words' characters, then a space, then a sentence that goes on past
// a comma or a full stop.
func titleOf(rest string) string {
	if strings.HasSuffix(rest, "|") {
		rest = strings.TrimRight(rest, "| ") // a heading in a table's one-cell row
	}
	rest = runInGap(rest)
	i := strings.IndexAny(rest, "。;；，,:：")
	if i >= 0 {
		rest = rest[:i]
	}
	if i > 0 || i < 0 && longTail(rest) {
		rest = spaceEnds(rest)
	}
	if b := strings.Index(rest, "** "); b > 0 && !strings.HasPrefix(rest[b+3:], "*") && !strings.Contains(rest[:b], "*") {
		rest = rest[:b] // a bold heading run into its text (**2、选址要求** （1）…) ends with its bold
	}
	rest = strings.TrimPrefix(strings.TrimSuffix(strings.TrimSpace(rest), "**"), "**") // **三、**保障措施
	rest = strings.TrimSpace(strings.TrimRight(rest, ":,，"))
	if utf8.RuneCountInString(rest) > 60 {
		rest = string([]rune(rest)[:60])
	}
	return rest
}

// runInGap is a title its paragraph runs on from after a gap of two spaces
// or more on the heading's line (第四十一章　加强公共安全体系建设　　适应公共
// 安全形势变化的新特点，…: a text whose stops were removed sets a heading so),
// cut there; a title letter-spaced to fill its line (概  述) is left whole
// (tune41-T).
func runInGap(rest string) string {
	t := strings.TrimLeft(rest, " \u3000")
	k := strings.Index(t, "  ")
	if k2 := strings.Index(t, "\u3000\u3000"); k2 > 0 && (k < 0 || k2 < k) {
		k = k2
	}
	if k <= 0 || utf8.RuneCountInString(t[:k]) < 2 || utf8.RuneCountInString(strings.TrimSpace(t[k:])) < 4 || letterSpaced(strings.TrimSpace(t)) {
		return rest
	}
	return t[:k]
}

// longTail reports a line with no punctuation that runs on past a space
// for five or more characters with a figure among them (（三）提升运营水平
// 接入市级平台的充电桩比例达到 100%: a heading cut from a line a page); a
// title with a space in it (（二）科普 基地, 第一篇 承前启后 奋力谱写…, a PDF's
// spaced characters) is left whole.
func longTail(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	sp := strings.IndexAny(t, " \u3000")
	return sp > 0 && utf8.RuneCountInString(strings.TrimSpace(t[sp:])) >= 5 && hasFigure(t[sp:]) &&
		strings.Count(t[:sp], "《") == strings.Count(t[:sp], "》") && strings.Count(t[:sp], "“") == strings.Count(t[:sp], "”") // (not inside a title: 《中共中央办公厅 国务院办公厅…》)
}

// hasFigure reports a figure in s: a digit not part of a name like 5G.
func hasFigure(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(rune(s[i])) && (i+1 == len(s) || !(s[i+1] >= 'A' && s[i+1] <= 'Z' || s[i+1] >= 'a' && s[i+1] <= 'z')) {
			return true
		}
	}
	return false
}

// spaceEnds is a title up to the space after which its paragraph runs on
// (the text before the first comma or full stop is given), or the title.
func spaceEnds(t string) string {
	t = strings.TrimLeft(t, " ")
	sp := strings.IndexAny(t, " \u3000")
	if sp < 0 {
		return t
	}
	head, tail := t[:sp], strings.TrimLeft(t[sp:], " \u3000")
	last, _ := utf8.DecodeLastRuneInString(head)
	first, _ := utf8.DecodeRuneInString(tail)
	// (a sentence may open with a quotation or a title: “十四五”时期，…)
	if utf8.RuneCountInString(strings.Trim(head, "*")) < 2 || !unicode.Is(unicode.Han, last) || !unicode.Is(unicode.Han, first) && first != '“' && first != '《' {
		return t
	}
	return head
}

// annexLine reports a line that opens the list of a plan's annexes
// (附件：1.… or 附件 alone), after which numbered lines name annexes.
func annexLine(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " *#"), "附件") && utf8.RuneCountInString(line) <= 60 && !strings.ContainsAny(line, "。；;")
}

// blank is a space or an invisible mark a web page leaves at a line's
// start (zero-width space, byte-order mark).
func blank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}

// runInText reports a heading's line that runs on into sentences after its
// title (（一）加强组织领导。各级科协要…): text, not a table of contents.
func runInText(rest string) bool {
	i := strings.IndexAny(rest, "。;；")
	return i >= 0 && utf8.RuneCountInString(rest[i:]) > 4
}

// numeralPair reports the rest of 一、二级医院 or 三、四线城市: a pair of
// numerals a PDF's line happened to start with, not a heading.
func numeralPair(rest string) bool {
	rs := []rune(rest[:min(len(rest), 12)])
	return len(rs) >= 2 && isCNDigit(rs[0]) && strings.ContainsRune("级线类等档星期批", rs[1])
}

// decimalNext reports whether next follows last in a decimal outline: the
// next at the same depth (2.1 → 2.2), the first below it (2.1 → 2.1.1) or
// the next of a depth above (2.1.3 → 2.2).
func decimalNext(last, next string) bool {
	if next == last+".1" {
		return true
	}
	lp, np := strings.Split(last, "."), strings.Split(next, ".")
	if len(np) > len(lp) {
		return false
	}
	for i := 0; i < len(np)-1; i++ {
		if lp[i] != np[i] {
			return false
		}
	}
	a, err1 := strconv.Atoi(lp[len(np)-1])
	b, err2 := strconv.Atoi(np[len(np)-1])
	return err1 == nil && err2 == nil && b == a+1
}

// splitPoint reports a number in digits (num) whose point or comma (the
// start of rest) a page's bold set apart: **1** **.** **开展…**, **2** **、**.
func splitPoint(num, rest string) bool {
	if num == "" || len(num) > 3 || strings.Trim(num, "0123456789") != "" {
		return false
	}
	for _, p := range []string{".", "．", "、"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// emptyBoldPoint reports a heading's number (num: one to three digits or
// Chinese digits) whose point or comma (the start of rest) follows an
// empty run of bold (****, bold closed and opened again: **4****．****加强…**,
// as a word processor's copy writes the runs of one bold heading). The
// marks are no text: the number is read as 4．.
func emptyBoldPoint(num, rest string) bool {
	if num == "" || len(num) > 9 || !(strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "、")) {
		return false
	}
	n := 0
	for _, r := range num {
		if !isDigit(r) && !isCNDigit(r) {
			return false
		}
		n++
	}
	return n <= 3
}
