package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// ErrHTMLNavigation is the error of a web page that holds little but its
// site's navigation: no plan text to read.
var ErrHTMLNavigation = errors.New("plan: the page is mostly navigation, not a plan's text")

// skipTags hold no document text; navigation holds the site's, not the plan's.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "nav": true, "header": true, "footer": true,
	"aside": true, "form": true, "select": true, "button": true, "iframe": true, "template": true, "svg": true, "head": true}

var blockTags = map[string]bool{"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "tr": true, "table": true, "section": true, "article": true, "ul": true, "ol": true, "dd": true,
	"dt": true, "blockquote": true, "pre": true, "center": true, "main": true}

// navLike reports an element a site uses for its chrome (menu, breadcrumb,
// share bar), by its class or id.
func navLike(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, w := range []string{"nav", "menu", "breadcrumb", "crumb", "footer", "header", "sidebar", "share", "toolbar", "banner", "topbar"} {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

// HTMLText returns the text of a web page (a government site's page of a
// plan, saved or pasted): one line a paragraph, table cells apart by tabs,
// without scripts and the site's navigation. A page with little text or
// whose text is mostly links gives ErrHTMLNavigation.
func HTMLText(data []byte) (string, error) {
	return pageTextOf(pageEncoding(data).NewDecoder().Reader(bytes.NewReader(data))) // (html_charset.go)
}

// pageTextOf is HTMLText of a page already decoded.
func pageTextOf(r io.Reader) (string, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadDocument, err)
	}
	var p pageText
	p.walk(doc, false, false, false)
	if p.text < 100 || p.linked*2 > p.text {
		return "", ErrHTMLNavigation
	}
	return tidyLines(p.spaced()), nil
}

// pageText is the text of a page as it is walked.
type pageText struct {
	b            strings.Builder
	text, linked int                // runes of text, of text inside links
	tables       []*htmlGrid        // the tables open, innermost last
	items        map[*html.Node]int // the items of each ordered list so far
	breaks       []int              // where the source's line ends stood in b (html_space.go)
}

// htmlGrid places a table's cells in its columns: a cell spanning rows
// (rowspan) holds its column in the rows below, which then get an empty
// cell there, so that every row has the table's columns wherever the
// spanning cell stands (a 属性 merged down at a row's right-hand end).
type htmlGrid struct {
	below []int // per column, rows below still covered by a cell above
	col   int   // the open row's next column
}

// cell writes the separator before a cell (a tab, none before a row's
// first) and the empty cells of the columns covered from above.
func (g *htmlGrid) cell(b *strings.Builder) {
	g.cover(b)
	if g.col > 0 {
		b.WriteByte('\t')
	}
}

// cover writes an empty cell for each column from the next one on that a
// cell of a row above spans into.
func (g *htmlGrid) cover(b *strings.Builder) {
	for g.col < len(g.below) && g.below[g.col] > 0 {
		g.below[g.col]--
		if g.col > 0 {
			b.WriteByte('\t')
		}
		g.col++
	}
}

// span records a cell of rows×cols at the open column and moves past it.
func (g *htmlGrid) span(rows, cols int) {
	for k := range cols {
		for g.col+k >= len(g.below) {
			g.below = append(g.below, 0)
		}
		g.below[g.col+k] = max(g.below[g.col+k], rows-1)
	}
	g.col += cols
}

// walk writes the text under n: one line a block, a table's cells apart by
// tabs, scripts and navigation left out. inCell: inside a table's cell a
// paragraph or a line break is a space, so that a row stays one line
// (cells whose text is wrapped in <p>).
func (p *pageText) walk(n *html.Node, inLink, inPre, inCell bool) {
	switch n.Type {
	case html.TextNode:
		s := n.Data
		if n.Parent != nil && n.Parent.Type == html.ElementNode && n.Parent.Data == "sup" {
			s = superscript(s) // a footnote's mark after a value: 2.5¹, not 2.51
		}
		if !inPre {
			s = p.segmentBreaks(s)
		}
		for _, r := range s {
			if !unicode.IsSpace(r) {
				p.text++
				if inLink {
					p.linked++
				}
			}
		}
		p.b.WriteString(s)
		return
	case html.ElementNode:
		if skipTags[n.Data] || navLike(n) || (n.Data == "li" || n.Data == "tr") && linkItem(n) || pageButton(n) || pageTrailer(n) {
			return
		}
		inLink = inLink || n.Data == "a"
		inPre = inPre || n.Data == "pre"
		switch n.Data {
		case "table":
			inCell = false // a table inside a cell has rows of its own
			p.tables = append(p.tables, &htmlGrid{})
			defer func() { p.tables = p.tables[:len(p.tables)-1] }()
		case "tr":
			if g := p.grid(); g != nil {
				g.col = 0
			}
		case "td", "th":
			switch g := p.grid(); {
			case !inCell && layoutCell(n):
				// a cell a page is laid out in (a menu beside the
				// article): its text is blocks, on lines of their own
				if g != nil {
					g.cover(&p.b)
				}
				p.newLine()
				defer p.newLine()
			case g != nil:
				g.cell(&p.b)
			}
		case "li":
			p.b.WriteString(p.itemNumber(n)) // the number a browser draws (html_list.go)
		case "ol", "ul":
			if s := p.b.String(); !inCell && s != "" && s[len(s)-1] != '\n' {
				p.b.WriteByte('\n') // a list inside an item starts on a line of its own
			}
		}
	}
	// a cell of a data table, not one a page is laid out in (a
	// government page often puts the whole document in one cell)
	cell := n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") && !inCell && shortCell(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, inLink, inPre, inCell || cell)
	}
	if n.Type == html.ElementNode {
		switch {
		case n.Data == "td" || n.Data == "th":
			// a cell spanning columns leaves them empty, so that each row
			// has the table's columns
			cols := min(max(spanAttr(n, "colspan"), 1), 64)
			for range cols - 1 {
				p.b.WriteByte('\t')
			}
			if g := p.grid(); g != nil {
				g.span(min(max(spanAttr(n, "rowspan"), 1), 1000), cols)
			}
		case n.Data == "tr":
			if g := p.grid(); g != nil {
				g.cover(&p.b) // the columns at the row's end spanned from above
			}
			p.b.WriteByte('\n')
		case blockTags[n.Data] && inCell && n.Data != "tr" && n.Data != "table" && n.Data != "tbody":
			p.b.WriteByte(' ')
		case blockTags[n.Data]:
			p.b.WriteByte('\n')
		}
	}
}

// pageIndent are the spaces a page's line is indented with: a space,
// &nbsp;, &ensp; and &emsp; (an editor's two &emsp; before a paragraph).
const pageIndent = " \u00a0\u2002\u2003"

// tidyLines trims each line of a page's text and drops runs of blank lines.
func tidyLines(s string) string {
	var out strings.Builder
	blank := false
	for _, l := range strings.Split(s, "\n") {
		// a row's empty cells at its end are kept (tabs), not its spaces;
		// an indent of &nbsp;, &ensp; or &emsp; is the page's layout
		l = strings.TrimRight(strings.TrimLeft(l, pageIndent), pageIndent)
		if strings.Trim(l, "\t") == "" {
			l = ""
		}
		if strings.Contains(l, " \t") {
			l = reSpaceTab.ReplaceAllString(l, "\t") // the space a cell's last paragraph left
		}
		if l == "" {
			if !blank && out.Len() > 0 {
				out.WriteByte('\n')
			}
			blank = true
			continue
		}
		blank = false
		out.WriteString(l)
		out.WriteByte('\n')
	}
	return out.String()
}

// PastedText returns the text of a plan pasted into the upload form: HTML
// (copied from a web page's source) is read as a page, anything else is
// taken as written.
func PastedText(s string) (string, error) {
	head := strings.ToLower(s[:min(len(s), 2048)])
	if strings.Contains(head, "<html") || strings.Contains(head, "<body") || strings.Contains(head, "<p") ||
		strings.Contains(head, "<div") || strings.Contains(head, "<table") {
		// a pasted page is text already: the charset its source declares
		// (gb2312, copied from a GBK site's source) is no longer its own
		return pageTextOf(strings.NewReader(s))
	}
	return s, nil
}

// shortCell reports a table cell with little text and no table inside: a
// cell of data, whose paragraphs and line breaks only wrap its text. It
// stops counting at the limit, so a page read cell by cell stays linear.
var reSpaceTab = regexp.MustCompile(` +\t`)

func shortCell(n *html.Node) bool {
	runes := 0
	var count func(n *html.Node) bool
	count = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "table" {
			return false
		}
		if n.Type == html.TextNode {
			runes += utf8.RuneCountInString(n.Data)
			if runes > 200 {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !count(c) {
				return false
			}
		}
		return true
	}
	return count(n)
}

// grid is the innermost open table's, nil outside a table.
func (p *pageText) grid() *htmlGrid {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

// spanAttr is a table cell's colspan or rowspan, 1 if none.
func spanAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			if k, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil {
				return k
			}
		}
	}
	return 1
}
