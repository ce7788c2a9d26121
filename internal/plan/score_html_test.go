package plan

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// A labelled web page is scored as the program reads one (DocumentText:
// HTMLText, then Ingest), its readings placed back in the page: the labels
// count characters of the page as saved, tags and all (D125).

// readAsProgram is the text the program reads of labelled document src
// named name and, for a web page, where each of its runes stands in the
// page (pageSource); nil for a text, read as it is.
func readAsProgram(name string, src []byte) (string, []int, error) {
	if !isPage(name) {
		return string(src), nil, nil
	}
	text, err := HTMLText(src)
	if err != nil {
		return "", nil, err
	}
	return text, pageSource(src, text), nil
}

// isPage reports a labelled document that is a web page.
func isPage(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm")
}

// pageSource maps each rune of text, the text HTMLText gives of page src,
// to the rune offset in src of the character it came from: the page's text
// (entities decoded, scripts and styles left out) is followed in order,
// line by line, spaces aside; a rune HTMLText wrote itself (a line break,
// a tab, an item's number) maps to -1.
func pageSource(src []byte, text string) []int {
	// the page's text, character by character, where each stands in src
	var page []pageChar
	runeAt := func(b int) int { return utf8.RuneCount(src[:b]) }
	z := html.NewTokenizer(bytes.NewReader(src))
	pos, skip := 0, ""
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := pos
		pos += len(raw)
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if s := string(name); s == "script" || s == "style" {
				skip = s
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == skip {
				skip = ""
			}
		case html.TextToken:
			if skip != "" {
				continue
			}
			for i := 0; i < len(raw); {
				r, n := utf8.DecodeRune(raw[i:])
				at := runeAt(start + i)
				if r == '&' {
					if j := bytes.IndexByte(raw[i:min(len(raw), i+40)], ';'); j > 0 {
						for _, d := range html.UnescapeString(string(raw[i : i+j+1])) {
							page = append(page, pageChar{d, at})
						}
						i += j + 1
						continue
					}
				}
				page = append(page, pageChar{r, at})
				i += n
			}
		}
	}
	var solid []pageChar // the page's characters but spaces
	for _, c := range page {
		if !unicode.IsSpace(c.r) {
			solid = append(solid, c)
		}
	}
	out := make([]int, utf8.RuneCountInString(text))
	for i := range out {
		out[i] = -1
	}
	// First the lines the page holds whole, in order; then the runes of the
	// other lines (with runes HTMLText wrote: an item's number, a cell's
	// colon), each found a little further on, but only between the lines
	// placed around them: a line of a page's head that is not whole in the
	// page must not carry the search past the body (D130).
	type pending struct {
		want []rune
		idx  []int
		lo   int // the end of the line placed before it, in solid
		next int // the index in waits of the first line placed after it
	}
	var waits []pending
	var placed []int // for each line placed whole, where it starts in solid
	at, k := 0, 0    // at: next character of solid; k: rune index in text
	for _, line := range strings.SplitAfter(text, "\n") {
		var want []rune
		var idx []int
		for _, r := range line {
			if !unicode.IsSpace(r) {
				want, idx = append(want, r), append(idx, k)
			}
			k++
		}
		if len(want) == 0 {
			continue
		}
		if q := findRunes(solid, want, at); q >= 0 {
			for j := range want {
				out[idx[j]] = solid[q+j].off
			}
			at = q + len(want)
			placed = append(placed, q)
			continue
		}
		waits = append(waits, pending{want, idx, at, len(placed)})
	}
	last := 0 // where the pending line before stopped
	for _, w := range waits {
		hi := len(solid)
		if w.next < len(placed) {
			hi = placed[w.next]
		}
		at := max(w.lo, last)
		for j, r := range w.want {
			for q := at; q < min(hi, at+64); q++ {
				if solid[q].r == r {
					out[w.idx[j]], at = solid[q].off, q+1
					break
				}
			}
		}
		last = at
	}
	return out
}

// pageChar is a character of a page's text and its rune offset in the page.
type pageChar struct {
	r   rune
	off int
}

// findRunes is the first index from which s holds want, from index from
// on; -1 if none.
func findRunes(s []pageChar, want []rune, from int) int {
	for q := from; q+len(want) <= len(s); q++ {
		j := 0
		for j < len(want) && s[q+j].r == want[j] {
			j++
		}
		if j == len(want) {
			return q
		}
	}
	return -1
}

// placeInPage moves a reading's offsets, in the text HTMLText gave, to the
// page's: its start to the first of its runes the page has, its end after
// the last.
func placeInPage(m []int, start, end int) (int, int) {
	a, b := -1, -1
	for i := max(start, 0); i < min(end, len(m)); i++ {
		if m[i] >= 0 {
			if a < 0 {
				a = m[i]
			}
			b = m[i] + 1
		}
	}
	return a, b
}

// pageDoc is doc with its readings' and sections' offsets in the page.
func pageDoc(doc *Doc, m []int) *Doc {
	if doc == nil {
		return nil
	}
	out := *doc
	out.Indicators = append([]Indicator(nil), doc.Indicators...)
	for i := range out.Indicators {
		x := &out.Indicators[i]
		x.Start, x.End = placeInPage(m, x.Start, x.End)
	}
	var move func(ss []*Section) []*Section
	move = func(ss []*Section) []*Section {
		var cp []*Section
		for _, s := range ss {
			c := *s
			c.Start, c.End = placeInPage(m, s.Start, s.End)
			c.Children = move(s.Children)
			cp = append(cp, &c)
		}
		return cp
	}
	out.Sections = move(doc.Sections)
	return &out
}

// TestPageSource: readings of a page written for the test land on the
// page's own characters — past tags, entities, a script, the site's
// navigation, an item's number the browser draws and a body printed twice.
func TestPageSource(t *testing.T) {
	body := `<div class="content"><p style="text-indent:2em">一、主要目标</p><p>到2027年，培育<b>100</b>家&nbsp;企业，R&amp;D投入增长5%。</p><ol><li>建成示范区5个。</li></ol><p>坚持需求导向，统筹推进全市科普工作，加强科普阵地建设，完善科技人才培养体系，提升学会服务能力，深化科技志愿服务，推动科技创新平台建设。</p></div>`
	page := `<html><head><title>某市方案</title><script>var a="培育100家";</script></head><body><div class="nav">首页 &gt; 政策</div>` +
		body + `<div class="mobile">` + body + `</div></body></html>`
	text, err := HTMLText([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	m := pageSource([]byte(page), text)
	rs, pr := []rune(text), []rune(page)
	var got []string
	for _, want := range []string{"一、主要目标", "100", "5%", "5个"} {
		from := 0
		for n := 0; n < 2; n++ { // each copy of the body
			i := strings.Index(string(rs[from:]), want)
			if i < 0 {
				t.Fatalf("%q not in the page's text %q", want, text)
			}
			a := from + utf8.RuneCountInString(string(rs[from:])[:i])
			b := a + utf8.RuneCountInString(want)
			s, e := placeInPage(m, a, b)
			if s < 0 {
				t.Errorf("%q (copy %d) not placed", want, n+1)
				break
			}
			got = append(got, string(pr[s:e]))
			from = b
		}
	}
	if want := "一、主要目标 一、主要目标 100 100 5% 5% 5个 5个"; strings.Join(got, " ") != want {
		t.Errorf("placed %q, want %q", strings.Join(got, " "), want)
	}
}

// A line of the text that is not whole in the page (a head HTMLText
// composed from a page's info table) is looked for only before the next
// line placed: its last rune, which the page holds only in its footer,
// must not carry the search past the body (D130).
func TestPageSourceComposedHead(t *testing.T) {
	page := `<html><body><div>标题</div><p>第一段。</p><p>第二段。</p><div>页脚甲</div></body></html>`
	text := "标题：甲\n第一段。\n第二段。\n"
	m := pageSource([]byte(page), text)
	pr := []rune(page)
	for _, want := range []string{"第一段。", "第二段。"} {
		a := strings.Index(text, want)
		a = utf8.RuneCountInString(text[:a])
		s, e := placeInPage(m, a, a+utf8.RuneCountInString(want))
		if s < 0 || string(pr[s:e]) != want {
			t.Errorf("%q placed at %d–%d", want, s, e)
		}
	}
	if s, _ := placeInPage(m, 3, 4); s >= 0 {
		t.Errorf("the head's 甲 placed in the footer, at %d", s)
	}
}
