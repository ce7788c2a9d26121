package plan

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// itemNumber is the number a browser draws before an item of an ordered
// list (<ol><li>): a page edited in a web editor often numbers a plan's
// headings so, and the number is in no text. The list's type or its
// list-style-type gives the style (1. by default, 一、 for the Chinese
// ones); an item of an unordered list has none.
func (p *pageText) itemNumber(li *html.Node) string {
	ol := li.Parent
	if ol == nil || ol.Type != html.ElementNode || ol.Data != "ol" {
		return ""
	}
	if p.items == nil {
		p.items = map[*html.Node]int{}
	}
	n, seen := p.items[ol]
	if !seen {
		n = 1
		if v, err := strconv.Atoi(attr(ol, "start")); err == nil && v >= 0 && v < 1000 {
			n = v
		}
	} else {
		n++
	}
	p.items[ol] = n
	style := strings.ToLower(attr(ol, "style"))
	switch t := attr(ol, "type"); {
	case strings.Contains(style, "cjk") || strings.Contains(style, "chinese"):
		return chineseNumeral(n) + "、"
	case t == "a" || strings.Contains(style, "lower-alpha") || strings.Contains(style, "lower-latin"):
		return listNumber(n, "lowerLetter") + "."
	case t == "A" || strings.Contains(style, "upper-alpha") || strings.Contains(style, "upper-latin"):
		return listNumber(n, "upperLetter") + "."
	case strings.Contains(style, "none"):
		return ""
	}
	return strconv.Itoa(n) + "."
}

// attr is the value of an element's attribute, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// linkItem reports an item of a list that is nothing but a link (a page's
// list of related pages, 部门解读 › 《…》解读): the site's, not the plan's
// text. An item with text of its own outside the link is the plan's.
func linkItem(n *html.Node) bool {
	linked := false
	var walk func(n *html.Node, inLink bool) bool
	walk = func(n *html.Node, inLink bool) bool {
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
			if !inLink {
				return false
			}
			linked = true
		}
		inLink = inLink || n.Type == html.ElementNode && n.Data == "a"
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c, inLink) {
				return false
			}
		}
		return true
	}
	return walk(n, false) && linked
}
