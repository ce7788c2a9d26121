package plan

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// The fourth grid: the targets of the plans a city or province writes for
// every other field — health, education, culture and tourism, sport,
// elderly care, employment, transport, ecology and carbon, water,
// agriculture, housing, emergency management, commerce — composed from
// their factors (grid4_compose_test.go, grid4_cases_test.go): verbs,
// objects with their measure words and units, the shapes of upper bounds,
// falls, rates and per-capita figures, goals said under one deadline, a
// table of indicators and a 专栏; and the numbers such plans state that are
// not targets. Scored per factor value as the third grid is (g3Case, its
// tallies); a floor per value (grid4Floors).

const g4Plan = 2030 // the plan's end (its title's period)

// g4Shell lays a case's body inside a city's five-year plan of social
// affairs.
func g4Shell(body string) string {
	return "某市“十五五”社会事业和民生保障发展规划（2026—2030年）\n\n一、总体要求\n坚持以人民为中心，" +
		"着力补齐民生短板，推动基本公共服务均等化。\n\n二、主要任务\n" + body + "\n\n三、保障措施\n加强组织领导，强化要素保障，完善监测评估。\n"
}

// g4Run ingests every case (a quarter also through the .docx and HTML
// readers) and tallies them by factor value.
func g4Run(t testing.TB, learn bool) (gridTallies, []string) {
	tally := gridTallies{}
	var misses []string
	for i, c := range g4Cases() {
		text := g4Shell(c.text)
		misses = scoreGridCase(tally, misses, "text", c, gridAsserted(t, text, learn))
		if i%4 != 0 {
			continue
		}
		for _, r := range []struct {
			name string
			read func(string) (string, error)
		}{
			{"docx", func(s string) (string, error) { return DocxText(g2Docx(s)) }},
			{"html", func(s string) (string, error) { return HTMLText(g3Page(s)) }},
		} {
			rt, err := r.read(text)
			if err != nil {
				t.Fatal(err)
			}
			misses = scoreGridCase(tally, misses, r.name, c, gridAsserted(t, rt, learn))
		}
	}
	return tally, misses
}

// scoreGridCase matches a case's wants (grid3's and grid4's) with what was
// asserted (value and unit, then the comparator, period and deadline),
// tallies the case's keys and appends what differs to misses.
func scoreGridCase(tally gridTallies, misses []string, reader string, c g3Case, asserted []Indicator) []string {
	at := tally.at
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
	return misses
}

// g4Table prints the tallies (with the readings' comparators, periods and
// deadlines right, by the rules; recall as shipped).
func g4Table(rules, shipped map[string]*gridTally) string {
	keys := gridKeys(rules, []string{"all", "batch", "reader", "family", "domain", "position", "shape", "phrase", "layout", "deadline", "verb",
		"object", "measure", "negative", "negative position"})
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

// g4Right is the share of a value's targets read with the comparator, the
// period and the deadline right (a negative's: 0).
func g4Right(g *gridTally) float64 {
	return frac(min(g.hit, g.cmpOK, g.perOK, g.dlOK), g.n)
}

func TestGrid4(t *testing.T) {
	rules, misses := g4Run(t, false)
	shipped, _ := g4Run(t, true)
	gridLog(t, g4Table(rules, shipped), misses)
	if os.Getenv("KEXIE_GRID_FLOORS") != "" {
		var b strings.Builder
		for _, k := range gridKeys(rules, nil) {
			fmt.Fprintf(&b, "\t%q: %.3f,\n", k, math.Floor(1000*g4Right(rules[k]))/1000)
		}
		t.Logf("\n%s", b.String())
		b.Reset()
		for _, k := range gridKeys(rules, nil) {
			if rules[k].extra > 0 {
				fmt.Fprintf(&b, "\t%q: %d,\n", k, rules[k].extra)
			}
		}
		t.Logf("extra:\n%s", b.String())
	}
	for k, g := range rules {
		floor, ok := grid4Floors[k]
		if v, vok := grid4VocabFloors[k]; vok {
			floor, ok = v, true
		}
		if !ok {
			t.Errorf("%s: no floor (KEXIE_GRID_FLOORS=1 prints them)", k)
			continue
		}
		if g4Right(g) < floor {
			t.Errorf("%s: read right %.1f%%, floor %.1f%%", k, 100*g4Right(g), 100*floor)
		}
		if g.extra > grid4Extra[k] {
			t.Errorf("%s: %d targets asserted that no case composed, at most %d", k, g.extra, grid4Extra[k])
		}
	}
}
