package kepu

import (
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
)

// bodyPolicy is what an item's rich text may hold: text structure, links,
// and images served by the portal itself. Scripts, styles, event handlers,
// frames and foreign images are dropped (bluemonday, D58).
var bodyPolicy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup", "blockquote",
		"ul", "ol", "li", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "hr")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("https", "http")
	p.AllowRelativeURLs(true)
	p.RequireNoFollowOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	p.AllowAttrs("src").Matching(mediaSrc).OnElements("img")
	p.AllowAttrs("alt").OnElements("img")
	p.AllowAttrs("lang").Globally()
	return p
}()

var mediaSrc = regexp.MustCompile(`^/kepu/media/[0-9]+$`)

// Sanitize returns html with everything outside the body policy removed.
func Sanitize(html string) string {
	return strings.TrimSpace(bodyPolicy.Sanitize(html))
}

// plain is the text of sanitized html, for search terms and summaries.
func plain(html string) string {
	return strings.Join(strings.Fields(bluemonday.StrictPolicy().Sanitize(html)), " ")
}
