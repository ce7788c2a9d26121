package plan

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// relatedHeads are the headings a government page puts over its links to
// related pages after a document (its list of links is skipped: linkItem).
var relatedHeads = []string{"相关链接", "相关阅读", "相关文章", "相关新闻", "相关稿件", "相关文件"}

// pageTrailer reports a block of the trailer a page puts after a document:
// the heading of its related links standing alone (相关链接), or the links
// to the previous and next pages (上一篇：<a>…</a>, 下一篇：没有了) — the
// site's, not the document's, and the document's last phrase would run on
// into them.
func pageTrailer(n *html.Node) bool {
	if n.Type != html.ElementNode || !blockTags[n.Data] || n.Data == "table" || n.Data == "tr" {
		return false
	}
	all, own, ok := blockText(n, 120)
	if !ok {
		return false
	}
	all = strings.TrimRight(all, ":：")
	for _, h := range relatedHeads {
		if all == h {
			return true
		}
	}
	if !strings.HasPrefix(all, "上一篇") && !strings.HasPrefix(all, "下一篇") {
		return false
	}
	// what is not a link is the labels and a 没有了 where there is no page
	own = strings.NewReplacer("上一篇", "", "下一篇", "", "没有了", "", "无", "", ":", "", "：", "").Replace(own)
	return own == ""
}

// blockText is the text under n with its spaces taken out (all) and the
// part of it outside links (own); ok is false past limit runes.
func blockText(n *html.Node, limit int) (all, own string, ok bool) {
	var a, o strings.Builder
	var walk func(n *html.Node, inLink bool) bool
	walk = func(n *html.Node, inLink bool) bool {
		if n.Type == html.TextNode {
			s := strings.Join(strings.Fields(strings.ReplaceAll(n.Data, "\u00a0", " ")), "")
			a.WriteString(s)
			if !inLink {
				o.WriteString(s)
			}
			return utf8.RuneCountInString(a.String()) <= limit
		}
		inLink = inLink || n.Type == html.ElementNode && n.Data == "a"
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c, inLink) {
				return false
			}
		}
		return true
	}
	if !walk(n, false) {
		return "", "", false
	}
	return a.String(), o.String(), true
}
