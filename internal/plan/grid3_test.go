package plan

import (
	"fmt"
	"html"
	"os"
	"strings"
	"testing"
)

// The third grid: the targets of AI, data, digital-economy and industry
// plans composed from their factors (grid3_compose_test.go,
// grid3_cases_test.go) — verbs, objects with their measure words and
// units, phrase shapes, deadlines — and the numbers such plans state that
// are not targets, scored per factor value: recall, the comparator,
// period and deadline read, and targets asserted that a case did not
// compose; a floor per value (grid3Floors) so a hole does not reopen. A
// sample of the cases goes through the .docx and HTML readers.

// g3Run ingests every case (and the sample through the readers) and
// tallies them by factor value.
func g3Run(t testing.TB, learn bool) (gridTallies, []string) {
	tally := gridTallies{}
	var misses []string
	score := func(reader string, c g3Case, text string) {
		misses = scoreGridCase(tally, misses, reader, c, gridAsserted(t, text, learn))
	}
	for i, c := range g3Cases() {
		text := g3Shell(c.text)
		score("text", c, text)
		if i%4 != 0 {
			continue
		}
		for _, r := range []struct {
			name string
			read func(string) (string, error)
		}{
			{"docx", func(s string) (string, error) { return DocxText(g2Docx(s)) }},
			{"html", func(s string) (string, error) { return HTMLText(g3Page(s)) }},
			{"docx runs", func(s string) (string, error) { return DocxText(g2Docx(g2Runs(s))) }},
			{"html spans", func(s string) (string, error) { return HTMLText(g3Page(g2Runs(s))) }},
		} {
			rt, err := r.read(text)
			if err != nil {
				t.Fatal(err)
			}
			score(r.name, c, rt)
		}
	}
	return tally, misses
}

// g3Page is a web page of one <p> a line, and lines of tab-separated cells
// a <table>, as a page sets a table of indicators.
func g3Page(text string) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>行动方案</title></head><body><div class="content">`)
	inTable := false
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "\t") != inTable {
			inTable = !inTable
			b.WriteString(map[bool]string{true: "<table>", false: "</table>\n"}[inTable])
		}
		esc := func(s string) string { return strings.ReplaceAll(html.EscapeString(s), "\x00", "</span><span>") }
		switch {
		case inTable:
			b.WriteString("<tr><td><span>" + strings.ReplaceAll(esc(l), "\t", "</span></td><td><span>") + "</span></td></tr>")
		case l != "":
			b.WriteString("<p><span>" + esc(l) + "</span></p>\n")
		}
	}
	if inTable {
		b.WriteString("</table>")
	}
	b.WriteString(`</div></body></html>`)
	return []byte(b.String())
}

// g3Table prints the tallies.
func g3Table(rules, shipped map[string]*gridTally) string {
	keys := gridKeys(rules, []string{"all", "reader", "family", "position", "shape", "phrase", "layout", "deadline", "verb", "object", "measure",
		"negative", "negative position"})
	var b strings.Builder
	fmt.Fprintf(&b, "| factor = value | n | recall (rules) | comparator | period | deadline | extra | recall (shipped) | extra (shipped) |\n"+
		"|---|---|---|---|---|---|---|---|---|\n")
	for _, k := range keys {
		r, s := rules[k], shipped[k]
		fmt.Fprintf(&b, "| %s | %d | %.1f | %d/%d | %d/%d | %d/%d | %d | %.1f | %d |\n", k, r.n, 100*r.recall(),
			r.cmpOK, r.hit, r.perOK, r.hit, r.dlOK, r.dlN, r.extra, 100*s.recall(), s.extra)
	}
	return b.String()
}

func TestGrid3(t *testing.T) {
	rules, misses := g3Run(t, false)
	shipped, _ := g3Run(t, true)
	gridLog(t, g3Table(rules, shipped), misses)
	if os.Getenv("KEXIE_GRID_FLOORS") != "" {
		t.Logf("\n%s", gridFloorTable(rules))
		var b strings.Builder
		for k, g := range rules {
			if g.extra > 0 {
				fmt.Fprintf(&b, "\t%q: %d,\n", k, g.extra)
			}
		}
		t.Logf("extra:\n%s", b.String())
	}
	for k, g := range rules {
		floor, ok := grid3Floors[k]
		if !ok {
			t.Errorf("%s: no floor (KEXIE_GRID_FLOORS=1 prints them)", k)
			continue
		}
		if g.recall() < floor {
			t.Errorf("%s: recall %.1f%%, floor %.1f%%", k, 100*g.recall(), 100*floor)
		}
		if g.extra > grid3Extra[k] {
			t.Errorf("%s: %d targets asserted that no case composed, at most %d", k, g.extra, grid3Extra[k])
		}
	}
}
