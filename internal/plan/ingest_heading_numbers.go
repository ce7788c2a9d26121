package plan

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The numbers headings start with (一、 (一) 1. (1)) and their sequence
// along the lines: a number run into a line is a heading only as the next
// of its style, or as the first, with a title after it (D78, D102).

// runInSeq is the last number of the styles 1. and (1) seen at a line's or
// a run-in heading's start: a number run into a line is a heading only as
// the next of its style, or as the first.
type runInSeq struct {
	dot, paren int
	top, sub   int  // the last 一、 and (一) (a new 一、 starts (一) over)
	row        bool // the line is a table's row (cells apart by | or a tab): its cells' lists stay in it
	items      bool // the line runs (1) (2) (3) in, each after a full stop (itemRun)
	// a heading of a style above was just seen: 1. (of dot) or (1) (of
	// paren) may start after a bare space
	freshDot, freshParen bool
}

// note records the number a piece of a line starts with.
func (q *runInSeq) note(piece string) {
	piece = strings.TrimLeft(strings.TrimLeftFunc(piece, blank), "*")
	if paren, n, _, ok := arabicNumber(piece); ok {
		if paren {
			q.paren, q.freshParen = n, false
		} else {
			q.dot, q.freshDot, q.paren, q.freshParen = n, false, 0, true
		}
	} else if sub, n, _, ok := chineseNumber(piece); ok && sub {
		q.sub, q.dot, q.freshDot = n, 0, true
	} else if ok {
		q.top, q.sub, q.dot, q.freshDot = n, 0, 0, true
	}
}

// openParen reports whether s opens with a bracket ( or （, and its length.
func openParen(s string) (bool, int) {
	switch {
	case strings.HasPrefix(s, "("):
		return true, 1
	case strings.HasPrefix(s, "（"):
		return true, len("（")
	}
	return false, 0
}

// chineseNumber reads 一、 or (一) （一） at the start of s, and the text after it.
func chineseNumber(s string) (sub bool, n int, rest string, ok bool) {
	sub, i := openParen(s)
	j := i
	for j < len(s) && j-i < 9 {
		if r, _ := utf8.DecodeRuneInString(s[j:]); !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		j += len("一")
	}
	if j == i || j == len(s) {
		return false, 0, "", false
	}
	v, good := cnNumber(s[i:j])
	r, size := utf8.DecodeRuneInString(s[j:])
	if !good || sub && r != ')' && r != '）' || !sub && r != '、' {
		return false, 0, "", false
	}
	return sub, v, s[j+size:], true
}

// spacedRunIn reports a heading 一、 or (一) (or 1. or (1), from the second
// on) after a space in a long line,
// though neither a full stop, a units' bracket nor a title comes before it
// (…建成超充站 1340 座 （二）合理选址布点 结合…: a converter's line a page): the
// next number of its style after the last one seen, not after a clause's
// punctuation (r, the character before the space), and a title of two to
// thirty characters that starts with a word (no particle: （二）为本年度…)
// and ends at a space, a full stop or a colon.
func spacedRunIn(line string, at int, r rune, seq *runInSeq) bool {
	if seq.row || at >= len(line) || line[at] != ' ' && line[at] != '\t' || strings.ContainsRune("；;：:，,、", r) {
		return false
	}
	if paren, n, _, ok := arabicNumber(strings.TrimLeft(line[at:], " \t*")); ok {
		// 1. and (1) (their title read by arabicRunIn): the next, or the
		// first just after a heading of a style above
		return paren && (n == seq.paren+1 && (n >= 2 || seq.freshParen)) || !paren && (n == seq.dot+1 && (n >= 2 || seq.freshDot))
	}
	sub, n, rest, ok := chineseNumber(strings.TrimLeft(line[at:], " \t*"))
	if !ok || sub && n != seq.sub+1 || !sub && n != seq.top+1 {
		return false
	}
	rest = strings.TrimLeft(rest, "* ")
	first, _ := utf8.DecodeRuneInString(rest)
	if !unicode.Is(unicode.Han, first) || isCNDigit(first) || strings.ContainsRune("的之以及等和与或为是在至到其左上下", first) {
		return false
	}
	end := strings.IndexAny(rest, " 。：:，,；;")
	if end < 0 || !strings.ContainsRune(" 。：:", []rune(rest[end:])[0]) {
		return false
	}
	k := utf8.RuneCountInString(strings.Trim(rest[:end], "*"))
	return k >= 2 && k <= 30
}

// arabicNumber reads 1. 1、 1． or (1) （1） at the start of s, and the text after it.
func arabicNumber(s string) (paren bool, n int, rest string, ok bool) {
	paren, i := openParen(s)
	j := i
	for j < len(s) && j-i < 3 && s[j] >= '0' && s[j] <= '9' {
		n = n*10 + int(s[j]-'0')
		j++
	}
	if j == i || j-i > 2 || j == len(s) {
		return false, 0, "", false
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	switch {
	case paren && (r == ')' || r == '）'):
	case !paren && (r == '.' || r == '、' || r == '．'):
	default:
		return false, 0, "", false
	}
	return paren, n, s[j+size:], true
}

// arabicRunIn reports a heading 1. or (1) at the start of s (after a full
// stop, a units' bracket or a title and a space) that can be one: the next
// number of its style or the first, and a title of two to thirty
// characters that starts with a word and ends at a full stop or a colon
// (or, spaced: after a space rather than a full stop, at a space), with no
// comma or semicolon in it (…建成站点20个。 2.建设科普e站。新建…).
func arabicRunIn(s string, seq *runInSeq, spaced bool) bool {
	paren, n, rest, ok := arabicNumber(strings.TrimLeft(s, "* "))
	if !ok || n == 0 || seq.row {
		return false
	}
	if last := seq.dot; paren && n != 1 && n != seq.paren+1 || !paren && n != 1 && n != last+1 {
		return false
	}
	if boldTitle(s) || paren && !spaced && seq.items && itemTitle(rest) {
		return true
	}
	rest = strings.TrimLeft(rest, "* ")
	first, _ := utf8.DecodeRuneInString(rest)
	if !unicode.Is(unicode.Han, first) || isCNDigit(first) {
		return false
	}
	stops := "。：:"
	if spaced {
		stops = "。：: " // after a space, not a full stop: a line a page, where a space may end a title
	}
	end := strings.IndexAny(rest, "。：:，,；; ")
	if !spaced {
		end = strings.IndexAny(rest, "。：:，,；;")
	}
	if end < 0 && !spaced && n > 1 {
		end = len(rest) // the next number after a full stop, its title cut by the line's end (…软件。3.加快工业互联网平台\n部署。)
	} else if end < 0 || !strings.ContainsRune(stops, []rune(rest[end:])[0]) {
		return false
	}
	t := strings.Trim(rest[:end], "* ")
	k := utf8.RuneCountInString(t)
	return k >= 2 && k <= 30 && !strings.Contains(t, "是指")
}

// boldTitle reports a number set in bold with its title (**2、打造交通枢纽城市，
// 促进…，成** 品油…, 要求： **1、加油站设置基本指标**): a PDF's text saved as
// Markdown keeps a heading's bold, and the bold closes the heading even
// where its title runs on past a comma or the line broke inside it. The
// title — the bold's text up to its first comma, full stop or colon — has
// two to thirty characters and starts with a word (or a quotation mark); the bold closes within
// sixty characters, at the line's end or before a space or a full stop (not
// before a comma or a semicolon: an item of a list in running text).
func boldTitle(s string) bool {
	s = strings.TrimLeftFunc(s, blank)
	if !strings.HasPrefix(s, "**") {
		return false
	}
	_, _, rest, ok := arabicNumber(strings.TrimLeft(s[2:], " "))
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	close := strings.Index(rest, "**")
	if close < 0 || utf8.RuneCountInString(rest[:close]) > 60 {
		return false
	}
	if after, _ := utf8.DecodeRuneInString(rest[close+2:]); close+2 < len(rest) && after != ' ' && after != '\u3000' && after != '。' {
		return false
	}
	t := rest[:close]
	if end := strings.IndexAny(t, "。：:，,；;"); end >= 0 {
		t = t[:end]
	}
	first, _ := utf8.DecodeRuneInString(t)
	if q := strings.TrimLeft(t, "“《"); len(q) < len(t) {
		first, _ = utf8.DecodeRuneInString(q) // a title may open with a quotation (“十四五”时期…)
	} else if isCNDigit(first) {
		return false
	}
	k := utf8.RuneCountInString(t)
	return unicode.Is(unicode.Han, first) && k >= 2 && k <= 30
}

// itemRun reports a paragraph that runs numbered items in, each after a
// full stop, from （1） through （3） at least (…办好“十件民生实事”。（1）做好
// 重点群体就业，…。（2）持续改善办学条件，…。（3）…): each item is a heading
// whose title ends at its first comma, as a report lists its 实事.
func itemRun(line string) bool {
	from := 0
	for n := 1; n <= 3; n++ {
		k := -1
		for _, f := range []string{"。（%d）", "。(%d)"} {
			if i := strings.Index(line[from:], fmt.Sprintf(f, n)); i >= 0 && (k < 0 || i < k) {
				k = i
			}
		}
		if k < 0 {
			return false
		}
		from += k + len("。")
	}
	return true
}

// itemTitle reports the title of an item of such a run: two to thirty
// characters from a word to the first comma, full stop or colon.
func itemTitle(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	end := strings.IndexAny(rest, "，,。；;：:")
	if end < 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(rest)
	k := utf8.RuneCountInString(rest[:end])
	return unicode.Is(unicode.Han, first) && !isCNDigit(first) && k >= 2 && k <= 30
}
