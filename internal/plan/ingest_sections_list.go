package plan

// Numbered lines that are items of a list, not headings.

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// listItem reports a numbered line that is an item of a list, not a
// heading: the items a colon opens (主要任务包括：\n1. …；\n2. …；\n3. …。)
// when the first is a sentence (sentenceItem), each but the last ending
// with a semicolon; and a line that lists its
// items one after another ((1)有专职工作人员；(2)有独立的办公场所；…). The top
// numbers (一、, chapters) are always headings.
func (d *docRead) listItem(i int, h head) bool {
	if h.level < 2 {
		d.listRank = 0
		return false
	}
	if k := strings.IndexByte(h.rest, ';'); k >= 0 && !strings.ContainsAny(h.rest[:k], "。:") {
		if l, n, _, ok := heading(strings.TrimLeft(h.rest[k+1:], " ")); ok && l == h.level && numberAfter(h.number, n) {
			return true
		}
	}
	if d.listRank == h.level {
		if itemEnd(d.lines, i) != ';' {
			d.listRank = 0 // the last item
		}
		return true
	}
	d.listRank = 0
	if d.prevColon && itemEnd(d.lines, i) == ';' && sentenceItem(h.rest) {
		d.listRank = h.level
		return true
	}
	return false
}

// sentenceItem reports an item that is a sentence, not a title: its first
// clause runs on past a comma (1. 在全市中小学开展科技节…等活动，每校每年…；),
// where a heading's title ends at a full stop or a colon (（1）研发设计：规范…；)
// or is the whole item (（一）讨论决定重大事项；).
func sentenceItem(rest string) bool {
	k := strings.IndexAny(rest, "。;:，,")
	return k >= 0 && (rest[k] == ',' || strings.HasPrefix(rest[k:], "，"))
}

// itemEnd is the last character of the numbered item line i starts: of
// its line, or of the line that ends its sentence (a PDF breaks lines
// inside an item), at most four lines on.
func itemEnd(lines []string, i int) rune {
	last := rune(0)
	for j := i; j < len(lines) && j < i+4; j++ {
		l := lines[j]
		if j > i && (l == "" || isHeadingLine(l)) {
			break
		}
		last, _ = utf8.DecodeLastRuneInString(l)
		if last == ';' || last == '。' || last == ':' {
			break
		}
	}
	return last
}

// numberAfter reports a heading's number that follows number in its style
// ((1) → (2), 1 → 2, ① → ②).
func numberAfter(cur, next string) bool {
	a, b := []rune(strings.Trim(cur, "()")), []rune(strings.Trim(next, "()"))
	if len(a) == 1 && len(b) == 1 && a[0] >= '①' && a[0] <= '⑳' {
		return b[0] == a[0]+1
	}
	x, err1 := strconv.Atoi(string(a))
	y, err2 := strconv.Atoi(string(b))
	if err1 != nil || err2 != nil {
		p, ok1 := number(string(a))
		q, ok2 := number(string(b))
		return ok1 && ok2 && q == p+1
	}
	return y == x+1
}
