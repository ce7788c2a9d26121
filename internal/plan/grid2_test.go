package plan

import (
	"fmt"
	"html"
	"os"
	"strings"
	"testing"
)

// The second grid: targets as real documents lay them out and as PDF and
// web printouts leave them (grid2_compose_test.go), scored per factor
// value — recall, the comparator and deadline read, and targets asserted
// that the case did not compose — the rules alone and as shipped, with a
// floor per value (grid2Floors) so a hole does not reopen. A sample of the
// cases goes through the readers the project has: a .docx of one paragraph
// a line, and a web page of one <p> a line.

// g2Docx is a .docx of one paragraph a line.
func g2Docx(text string) []byte {
	var body strings.Builder
	for _, l := range strings.Split(text, "\n") {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + strings.ReplaceAll(html.EscapeString(l), "\x00", `</w:t></w:r><w:r><w:t xml:space="preserve">`) + `</w:t></w:r></w:p>`)
	}
	return docxOfBody(body.String())
}

// g2Runs marks each line's text every three runes (\x00) where g2Docx
// parts a paragraph's runs and g2Page a paragraph's spans: the readers
// join them.
func g2Runs(text string) string {
	var b strings.Builder
	for i, l := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		for k, r := range []rune(l) {
			if k > 0 && k%3 == 0 {
				b.WriteString("\x00")
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// g2Page is a web page of one <p> a line.
func g2Page(text string) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>行动方案</title><script>var x = 1;</script></head><body><div class="content">`)
	for _, l := range strings.Split(text, "\n") {
		if l != "" {
			b.WriteString("<p><span>" + strings.ReplaceAll(html.EscapeString(l), "\x00", "</span><span>") + "</span></p>\n")
		}
	}
	b.WriteString(`</div></body></html>`)
	return []byte(b.String())
}

// g2Run ingests every case (and the sample through the readers) and
// tallies them by factor value.
func g2Run(t testing.TB, learn bool) (gridTallies, []string) {
	tally := gridTallies{}
	at := tally.at
	var misses []string
	score := func(reader string, c g2Case, text string) {
		asserted := gridAsserted(t, text, learn)
		used := make([]bool, len(asserted))
		keys := []string{"all=targets", "reader=" + reader}
		if reader == "text" {
			keys = append(keys, c.factor+"="+c.value)
		} else {
			keys = append(keys, "reader="+reader+", "+c.factor)
		}
		for _, w := range c.want {
			found := -1
			for j, ind := range asserted {
				unit, mult := gridBase(ind)
				if !used[j] && unit == w.t.unit && same(amount(ind.Value, mult), w.t.value*w.t.mult) {
					found = j
					break
				}
			}
			for _, k := range keys {
				at(k).n++
			}
			if found < 0 {
				misses = append(misses, fmt.Sprintf("%s %s=%s: %g%s missed in %q", reader, c.factor, c.value, w.t.value, w.t.mw, c.text))
				continue
			}
			used[found] = true
			ind := asserted[found]
			for _, k := range keys {
				g := at(k)
				g.hit++
				if ind.Comparator == w.cmp {
					g.cmpOK++
				}
				g.dlN++
				if ind.DeadlineYear != nil && *ind.DeadlineYear == w.year {
					g.dlOK++
				}
			}
			if ind.Comparator != w.cmp || ind.DeadlineYear == nil || *ind.DeadlineYear != w.year {
				misses = append(misses, fmt.Sprintf("%s %s=%s: %q reads %s %d, want %s %d in %q", reader, c.factor, c.value, ind.Text,
					ind.Comparator, gridYear(ind.DeadlineYear), w.cmp, w.year, c.text))
			}
		}
		for j, ind := range asserted {
			if !used[j] {
				for _, k := range keys {
					at(k).extra++
				}
				misses = append(misses, fmt.Sprintf("%s %s=%s: extra %q in %q", reader, c.factor, c.value, ind.Text, c.text))
			}
		}
	}
	for i, c := range g2Cases() {
		text := g2Shell(c)
		score("text", c, text)
		if i%3 != 0 {
			continue
		}
		dt, err := DocxText(g2Docx(text))
		if err != nil {
			t.Fatal(err)
		}
		score("docx", c, dt)
		ht, err := HTMLText(g2Page(text))
		if err != nil {
			t.Fatal(err)
		}
		score("html", c, ht)
		if dt, err = DocxText(g2Docx(g2Runs(text))); err != nil {
			t.Fatal(err)
		}
		score("docx runs", c, dt)
		if ht, err = HTMLText(g2Page(g2Runs(text))); err != nil {
			t.Fatal(err)
		}
		score("html spans", c, ht)
	}
	return tally, misses
}

// g2Table prints the tallies.
func g2Table(rules, shipped map[string]*gridTally) string {
	keys := gridKeys(rules, []string{"all", "reader", "layout", "noise"})
	var b strings.Builder
	fmt.Fprintf(&b, "| factor = value | n | recall (rules) | comparator | deadline | extra | recall (shipped) | extra (shipped) |\n|---|---|---|---|---|---|---|---|\n")
	for _, k := range keys {
		r, s := rules[k], shipped[k]
		fmt.Fprintf(&b, "| %s | %d | %.1f | %d/%d | %d/%d | %d | %.1f | %d |\n", k, r.n, 100*r.recall(),
			r.cmpOK, r.hit, r.dlOK, r.dlN, r.extra, 100*s.recall(), s.extra)
	}
	return b.String()
}

func TestGrid2(t *testing.T) {
	rules, misses := g2Run(t, false)
	shipped, _ := g2Run(t, true)
	gridLog(t, g2Table(rules, shipped), misses)
	if os.Getenv("KEXIE_GRID_FLOORS") != "" {
		t.Logf("\n%s", gridFloorTable(rules))
		var b strings.Builder
		for k, g := range rules {
			fmt.Fprintf(&b, "\t%q: %d,\n", k, g.extra)
		}
		t.Logf("extra:\n%s", b.String())
	}
	for k, g := range rules {
		floor, ok := grid2Floors[k]
		if !ok {
			t.Errorf("%s: no floor (KEXIE_GRID_FLOORS=1 prints them)", k)
			continue
		}
		if g.recall() < floor {
			t.Errorf("%s: recall %.1f%%, floor %.1f%%", k, 100*g.recall(), 100*floor)
		}
		if g.cmpOK < g.hit || g.dlOK < g.dlN { // (every target read is read whole: its comparator and deadline)
			t.Errorf("%s: comparator %d/%d, deadline %d/%d read right", k, g.cmpOK, g.hit, g.dlOK, g.dlN)
		}
		if g.extra > grid2Extra[k] {
			t.Errorf("%s: %d targets asserted the case did not compose, at most %d", k, g.extra, grid2Extra[k])
		}
	}
}
