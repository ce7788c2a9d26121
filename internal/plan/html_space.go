package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/width"
)

// segmentBreaks takes the line ends and tabs out of a text node of a page
// (the source's own layout, not the document's) and notes where each run
// of them stood in the page's text, for spaced to decide. An editor that
// wraps its source (Word's "save as web page" at 76 characters) puts a line
// end where a space was: 2.6 3.2 must not read 2.63.2.
func (p *pageText) segmentBreaks(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	var out strings.Builder
	brk := false
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' {
			brk = true
			continue
		}
		if brk {
			p.breaks = append(p.breaks, p.b.Len()+out.Len())
			brk = false
		}
		out.WriteRune(r)
	}
	if brk {
		p.breaks = append(p.breaks, p.b.Len()+out.Len())
	}
	return out.String()
}

// spaced is the page's text with a space where a line end of the source
// stood between two characters, as a browser shows it (CSS Text 3: a
// segment break between two East Asian wide characters is removed, any
// other is a space): between 到 and 年 nothing, between 2.6 and 3.2 a
// space. At a line's edge or beside a space none is needed.
func (p *pageText) spaced() string {
	s := p.b.String()
	var b strings.Builder
	last := 0
	for _, at := range p.breaks {
		if at <= last || at >= len(s) {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		next, _ := utf8.DecodeRuneInString(s[at:])
		if unicode.IsSpace(prev) || unicode.IsSpace(next) || wide(prev) && wide(next) {
			continue
		}
		b.WriteString(s[last:at])
		b.WriteByte(' ')
		last = at
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// wide reports an East Asian wide, fullwidth or halfwidth character (a
// Chinese character, its punctuation, a fullwidth digit).
func wide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return true
	}
	return false
}

// pageButton reports a page's button written as a link to a script
// (【打印本页】 【关闭窗口】, a font's size 大 中 小): a short text whose link
// runs javascript, the site's, not the document's.
func pageButton(n *html.Node) bool {
	if n.Data != "a" || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(attr(n, "href"))), "javascript:") {
		return false
	}
	runes := 0
	var count func(n *html.Node)
	count = func(n *html.Node) {
		if n.Type == html.TextNode {
			runes += utf8.RuneCountInString(strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil && runes <= 8; c = c.NextSibling {
			count(c)
		}
	}
	count(n)
	return runes <= 8
}

// newLine ends the open line of the page's text, if it holds any.
func (p *pageText) newLine() {
	if s := p.b.String(); s != "" && s[len(s)-1] != '\n' {
		p.b.WriteByte('\n')
	}
}

// layoutCell reports a table cell a page is laid out in, not one of data:
// it holds a table, or five blocks (paragraphs, divisions, line breaks,
// headings, items) and more than 200 characters — an article, a column of
// menus. It stops counting where that is settled.
func layoutCell(n *html.Node) bool {
	blocks, runes := 0, 0
	var count func(n *html.Node) bool // true: settled a layout cell
	count = func(n *html.Node) bool {
		switch {
		case n.Type == html.TextNode:
			runes += utf8.RuneCountInString(n.Data)
		case n.Type == html.ElementNode && n.Data == "table":
			return true
		case n.Type == html.ElementNode && blockTags[n.Data]:
			blocks++
		}
		if blocks >= 5 && runes > 200 {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if count(c) {
				return true
			}
		}
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if count(c) {
			return true
		}
	}
	return false
}
