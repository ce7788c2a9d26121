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
	at := tally.at
	var misses []string
	score := func(reader string, c g3Case, text string) {
		asserted := gridAsserted(t, text, learn)
		used := make([]bool, len(asserted))
		keys := []string{"reader=" + reader}
		if c.want == nil {
			keys[0] += ", negatives"
		}
		if reader == "text" {
			keys = append(keys, c.keys...)
		} else {
			keys = append(keys, c.keys[0])
		}
		name := strings.Join(c.keys[1:], " ")
		if c.want == nil {
			for _, k := range keys {
				at(k).n++
			}
		}
		for _, w := range c.want {
			found := -1
			for j, ind := range asserted {
				unit, mult := gridBase(ind)
				if used[j] || unit != w.t.unit {
					continue
				}
				if w.high > 0 && same(amount(ind.Low, mult), w.low*w.t.mult) && same(amount(ind.High, mult), w.high*w.t.mult) ||
					w.high == 0 && same(amount(ind.Value, mult), w.t.value*w.t.mult) {
					found = j
					break
				}
			}
			for _, k := range keys {
				at(k).n++
			}
			if found < 0 {
				misses = append(misses, fmt.Sprintf("%s %s: %g×%g%s missed in %q", reader, name, w.t.value, w.t.mult, w.t.unit, c.text))
				continue
			}
			used[found] = true
			ind := asserted[found]
			per := ""
			if ind.Per != nil {
				per = *ind.Per
			}
			for _, k := range keys {
				g := at(k)
				g.hit++
				if ind.Comparator == storeComparator(w.cmp) {
					g.cmpOK++
				}
				if per == w.per {
					g.perOK++
				}
				g.dlN++
				if ind.DeadlineYear != nil && *ind.DeadlineYear == w.year {
					g.dlOK++
				}
			}
			if ind.Comparator != storeComparator(w.cmp) || per != w.per || ind.DeadlineYear == nil || *ind.DeadlineYear != w.year {
				misses = append(misses, fmt.Sprintf("%s %s: %q reads %s %q %d, want %s %q %d in %q", reader, name, ind.Text,
					ind.Comparator, per, gridYear(ind.DeadlineYear), w.cmp, w.per, w.year, c.text))
			}
		}
		for j, ind := range asserted {
			if !used[j] {
				for _, k := range keys {
					at(k).extra++
				}
				misses = append(misses, fmt.Sprintf("%s %s: extra %q in %q", reader, name, ind.Text, c.text))
			}
		}
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
