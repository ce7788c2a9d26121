package plan

import (
	"strings"
	"unicode/utf8"
)

// gapHeading is where a heading starts on a heading's line after a gap of
// two spaces or more (第三章　工　业　　第一节　工业的基本建设　　（一）工业基本
// 建设计划是五年计划的中心　　以重工业为主…: a text whose stops were removed
// sets a chapter, its first section and its first item on one line), the
// byte offset in line, or 0. The line opens with a heading whose title is
// short and has no punctuation; after the gap comes a heading's number in
// words (第一节, 一、, （一）) or (1) — a figure alone (1990年…) opens the
// paragraph, not a heading. Before it, a heading's title ended at the gap
// (runInGap) and the headings after it were lost (tune42-T).
func gapHeading(line string) int {
	head, _ := cutRunes(line, gapHeadingSpan) // (what is read of a line is bounded: a line of many such headings stays linear)
	n := normalize(head)                      // rune for rune: \u3000 and no-break spaces are ' '
	t := strings.TrimLeftFunc(n, blank)
	if r := firstRune(t); r != '第' && r != '(' && !isCNDigit(r) {
		return 0
	}
	_, _, rest, ok := heading(t)
	if !ok || !strings.HasSuffix(t, rest) {
		return 0
	}
	title := strings.TrimLeft(rest, " ")
	k := strings.Index(title, "  ")
	if k <= 0 || utf8.RuneCountInString(title[:k]) > 30 || strings.ContainsAny(title[:k], "。;；，,:：!?！？、") {
		return 0
	}
	after := strings.TrimLeft(title[k:], " ")
	if r := firstRune(after); r != '第' && r != '(' && !isCNDigit(r) {
		return 0
	}
	if _, num, _, ok := heading(after); !ok || num == "" || isDigit(rune(num[len(num)-1])) && !strings.HasPrefix(num, "(") {
		return 0
	}
	_, tail := cutRunes(line, utf8.RuneCountInString(n[:len(n)-len(after)]))
	return len(line) - len(tail)
}

// gapHeadingSpan is the runes of a line gapHeading reads: a heading's
// number, a title of at most 30 runes, the gap and the next number.
const gapHeadingSpan = 80

// firstRune is the first rune of s (utf8.RuneError when s is empty).
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
