package plan

import (
	"strings"
	"unicode/utf8"
)

// A PDF's text layer breaks prose at the page's width, anywhere a word
// processor may break a line: a line can then open with what reads as a
// heading's number (…出台“开门红”系列政策举措，\n一、二季度经济平稳增长；…).
// A heading never goes on from a sentence the line before left open at the
// page's width; that line is the page's, not the author's.

// wrapWidth is the width in runes a document's prose lines were broken at,
// or 0 when its lines were not broken at one width: the commonest length
// of its lines of 16 runes or more, when at least 20 of them and a third
// are within a rune or two of it (digits and Latin letters are narrower,
// so a full line of them holds more runes).
func wrapWidth(lines []string) int {
	var count [83]int // by length, 16–80 runes
	long := 0
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n >= 16 && n <= 80 && !strings.ContainsAny(l, "|\t") {
			count[n]++
			long++
		}
	}
	w := 16
	for n := 17; n <= 80; n++ {
		if count[n] > count[w] {
			w = n // (the shortest of equally common lengths)
		}
	}
	near := count[w-1] + count[w] + count[w+1] + count[w+2]
	if near < 20 || 3*near < long {
		return 0
	}
	return w
}

// brokenBefore reports a line that goes on from a line broken at the
// page's width inside a sentence: the text line before it is as long as
// the document's lines are broken at and ends inside a sentence, on a
// comma (a line that ends on a word may be a title, a page's furniture or a
// line whose end the export lost).
func (d *docRead) brokenBefore(i int) bool {
	if d.wrapW == 0 {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		l := d.lines[j]
		if l == "" || pageMarker(l) || pageTriple(d.lines, j) {
			continue // (a page's number between the halves of a sentence)
		}
		if utf8.RuneCountInString(l) < d.wrapW-1 {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		return strings.ContainsRune(",，、", last)
	}
	return false
}

// unitBelow reports a line that ends inside a number whose unit the next
// text line opens with (4.为…实施免费手术2000\n例、…): the page's width broke
// the line, so an item's text that reads like a heading's title goes on
// into the next line rather than ending there.
func (d *docRead) unitBelow(i int) bool {
	l := d.lines[i]
	if l == "" || !isDigit(rune(l[len(l)-1])) {
		return false
	}
	for j := i + 1; j < len(d.lines) && j <= i+3; j++ {
		if n := d.lines[j]; n != "" && !pageMarker(n) {
			return startsWithUnit(n)
		}
	}
	return false
}

// wrappedRepeat reports a line seen three times or more that is no page's
// furniture but a piece of prose the page's width broke: a full line (as
// long as the document's lines are broken at) ending inside a sentence,
// the text going on on the very next line or on the next page; or the
// sentence's end after such a line. Cells of a table that say the same
// thing for each row (创建达标累计39个小区，其中30%的小区…) break at the same
// places and repeat; a running head is shorter than a full line, ends no
// sentence, or stands beside a page's number on most of the pages it is on.
func (d *docRead) wrappedRepeat(i int) bool {
	if d.wrapW == 0 {
		return false
	}
	l := d.lines[i]
	if 2*d.besidePage[l] >= d.seen[l] {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(l); strings.ContainsRune("。！？!?", last) {
		return i > 0 && d.fullBroken(i-1)
	}
	if !d.fullBroken(i) || i+1 >= len(d.lines) {
		return false
	}
	if d.lines[i+1] != "" {
		return !pageMarker(d.lines[i+1]) || i+2 < len(d.lines) && d.lines[i+2] != ""
	}
	for j := i + 2; j < len(d.lines) && j <= i+3; j++ {
		if d.lines[j] != "" {
			return pageMarker(d.lines[j]) // (the sentence goes on after the page's number)
		}
	}
	return false
}

// fullBroken reports line i as long as the document's lines are broken at
// and ending inside a sentence.
func (d *docRead) fullBroken(i int) bool {
	l := d.lines[i]
	if n := utf8.RuneCountInString(l); n < d.wrapW-1 || n > d.wrapW+2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return !strings.ContainsRune("。！？；：!?;:", last)
}

// besidePages counts, for each line seen three times or more, how often it
// stands beside a page's number (the text line next to it, above or below,
// blank lines between): a running head does so on every page.
func besidePages(lines []string, seen map[string]int) map[string]int {
	out := map[string]int{}
	for i, l := range lines {
		if l != "" && seen[l] >= 3 && (pageNear(lines, i, -1) || pageNear(lines, i, 1)) {
			out[l]++
		}
	}
	return out
}

// pageNear reports a page's number as the first text line from line i on
// in the direction step (−1 up, 1 down), within three lines.
func pageNear(lines []string, i, step int) bool {
	for k := i + step; k >= 0 && k < len(lines) && k-i <= 3 && i-k <= 3; k += step {
		if lines[k] != "" {
			return pageMarker(lines[k]) || pageTriple(lines, k)
		}
	}
	return false
}
