package people

import (
	"html"
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"

	"kexie/internal/search"
)

// marker marks in a text what a search query matched, so staff see why a
// person was found: each word of the query found whole in the text or,
// for a word the text holds only apart (the index matches bigrams), each
// of its terms.
type marker struct {
	words []markWord
}

type markWord struct {
	whole string   // lower case
	terms []string // its index terms, lower case
}

// newMarker prepares the marks of query q.
func newMarker(q string) marker {
	var m marker
	for _, w := range strings.Fields(q) {
		mw := markWord{whole: strings.ToLower(w)}
		terms, single := search.QueryTerms(w)
		for _, t := range append(terms, single) {
			if t = strings.ToLower(t); t != "" && t != mw.whole {
				mw.terms = append(mw.terms, t)
			}
		}
		m.words = append(m.words, mw)
	}
	return m
}

// spans returns the byte ranges of text the query covers, merged and in
// order. Matching ignores case where lower-casing keeps the byte offsets
// (Chinese text, ASCII); otherwise it is exact.
func (m marker) spans(text string) [][2]int {
	hay := strings.ToLower(text)
	if len(hay) != len(text) {
		hay = text
	}
	var out [][2]int
	find := func(n string) bool {
		found := false
		for from := 0; n != "" && from < len(hay); {
			i := strings.Index(hay[from:], n)
			if i < 0 {
				break
			}
			out, found = append(out, [2]int{from + i, from + i + len(n)}), true
			from += i + len(n)
		}
		return found
	}
	for _, w := range m.words {
		if !find(w.whole) {
			for _, t := range w.terms {
				find(t)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, s := range out {
		if k := len(merged) - 1; k >= 0 && s[0] <= merged[k][1] {
			merged[k][1] = max(merged[k][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// Mark returns text escaped for HTML with what the query matched in
// <mark>; with around > 0 a longer text is cut to about that many
// characters, starting a little before the first mark ("…" where cut).
func (m marker) Mark(text string, around int) template.HTML {
	spans := m.spans(text)
	start, end := 0, len(text)
	if around > 0 && utf8.RuneCountInString(text) > around {
		if len(spans) > 0 {
			start = spans[0][0]
			for back := 0; back < around/4 && start > 0; back++ {
				_, size := utf8.DecodeLastRuneInString(text[:start])
				start -= size
			}
		}
		end = start
		for n := 0; n < around && end < len(text); n++ {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, s := range spans {
		a, z := max(s[0], start), min(s[1], end)
		if a >= z {
			continue
		}
		b.WriteString(html.EscapeString(text[at:a]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[a:z]))
		b.WriteString("</mark>")
		at = z
	}
	b.WriteString(html.EscapeString(text[at:end]))
	if end < len(text) {
		b.WriteString("…")
	}
	return template.HTML(b.String()) // every piece of text is escaped above
}
