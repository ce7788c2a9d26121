package plan

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// The grid: a probe of the target grammar issue 16 names, generated from
// its factors (grid_factors_test.go, grid_compose_test.go) rather than
// read in any document. Each composed target is labelled by construction;
// the extractor is scored per factor value (recall, and the comparator,
// per-period and deadline it reads), and on the shapes that are not
// targets (no target asserted on them). The floors keep a factor's hole
// from reopening; the grid's prose is not a plan's, so a cell may fail
// without a rule being owed to it.

// gridTally is the score of one factor value.
type gridTally struct {
	n, hit, cmpOK, perOK, dlOK, dlN, extra int
}

func (g gridTally) recall() float64 { return frac(g.hit, g.n) }

// gridRun ingests the grid's documents and tallies them by factor value
// ("measure=家"), and the negatives by kind ("negative=age").
func gridRun(t testing.TB, learn bool) (gridTallies, []string) {
	cells := probeCells()
	const size = 48
	docs := gridDocs(cells, size)
	tally := gridTallies{}
	at := tally.at
	var misses []string
	for di, text := range docs {
		asserted := gridAsserted(t, text, learn)
		used := make([]bool, len(asserted))
		for ci := di * size; ci < min((di+1)*size, len(cells)); ci++ {
			c := &cells[ci]
			keys := []string{"all=targets"}
			for _, f := range gridFactorNames {
				if v, ok := c.factors[f]; ok {
					keys = append(keys, f+"="+v)
				}
			}
			if c.neg != nil {
				keys = []string{"all=negatives", "negative=" + c.neg.kind, "negative position=" + c.factors["position"]}
			}
			hits := 0
			for _, q := range c.qtys {
				lb := gridLabel(c, q)
				found := -1
				for j, ind := range asserted {
					if !used[j] && matches(ind, lb) {
						found = j
						break
					}
				}
				for _, k := range keys {
					at(k).n++
				}
				if found < 0 {
					misses = append(misses, fmt.Sprintf("%s  ‹%s›", c.clause, c.factors["position"]))
					continue
				}
				hits++
				used[found] = true
				ind := asserted[found]
				per := ""
				if ind.Per != nil {
					per = *ind.Per
				}
				for _, k := range keys {
					g := at(k)
					g.hit++
					if ind.Comparator == q.cmp {
						g.cmpOK++
					}
					if per == q.per {
						g.perOK++
					}
					if q.year > 0 {
						g.dlN++
						if ind.DeadlineYear != nil && *ind.DeadlineYear == q.year {
							g.dlOK++
						}
					}
				}
				if dl := ind.DeadlineYear; ind.Comparator != q.cmp || per != q.per || q.year > 0 && (dl == nil || *dl != q.year) {
					misses = append(misses, fmt.Sprintf("reads %s %q %v, want %s %q %d: %s  ‹%s›", ind.Comparator, per, gridYear(dl),
						q.cmp, q.per, q.year, c.clause, c.factors["position"]))
				}
			}
			// asserted targets in the cell that match no label
			for j, ind := range asserted {
				if !used[j] && ind.Start >= c.start && ind.End <= c.end {
					used[j] = true
					for _, k := range keys {
						at(k).extra++
					}
					if c.neg == nil {
						misses = append(misses, fmt.Sprintf("extra %q in %s", ind.Text, c.clause))
					} else {
						misses = append(misses, fmt.Sprintf("negative %s read: %q", c.neg.kind, c.clause))
					}
				}
			}
			if c.neg != nil {
				for _, k := range keys {
					at(k).n++
				}
			}
		}
	}
	return tally, misses
}

func gridYear(y *int) int {
	if y == nil {
		return 0
	}
	return *y
}

// gridLabel is a cell's quantity as a label of the document.
func gridLabel(c *gridCell, q gridQty) label {
	l := label{Start: c.start + q.at, End: c.start + q.at + q.n, Unit: q.unit, Multiplier: q.mult}
	lo, hi := q.value, q.high
	if q.high > 0 {
		l.Low, l.High = &lo, &hi
	} else {
		l.Value = &lo
	}
	return l
}

// gridTable prints the tallies, factor by factor.
func gridTable(rules, shipped map[string]*gridTally) string {
	order := append([]string{"all"}, gridFactorNames...)
	keys := gridKeys(rules, append(order, "negative", "negative position"))
	var b strings.Builder
	fmt.Fprintf(&b, "| factor = value | n | recall (rules) | comparator | per | deadline | extra | recall (shipped) | extra (shipped) |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, k := range keys {
		r, s := rules[k], shipped[k]
		if strings.HasPrefix(k, "negative") || k == "all=negatives" {
			fmt.Fprintf(&b, "| %s | %d | | | | | %d | | %d |\n", k, r.n, r.extra, s.extra)
			continue
		}
		fmt.Fprintf(&b, "| %s | %d | %.1f | %d/%d | %d/%d | %d/%d | %d | %.1f | %d |\n", k, r.n, 100*r.recall(),
			r.cmpOK, r.hit, r.perOK, r.hit, r.dlOK, r.dlN, r.extra, 100*s.recall(), s.extra)
	}
	return b.String()
}

func TestGrid(t *testing.T) {
	rules, misses := gridRun(t, false)
	shipped, _ := gridRun(t, true)
	gridLog(t, gridTable(rules, shipped), misses)
	if os.Getenv("KEXIE_GRID_FLOORS") != "" {
		t.Logf("\n%s", gridFloorTable(rules))
	}
	if g := rules["all=targets"]; g.extra > 0 {
		t.Errorf("%d targets asserted where the grid composed none", g.extra)
	}
	for k, g := range rules {
		floor, ok := gridFloors[k]
		if !ok {
			t.Errorf("%s: no floor (KEXIE_GRID_FLOORS=1 prints them)", k)
		}
		if strings.HasPrefix(k, "negative") || k == "all=negatives" {
			if g.extra > int(floor) {
				t.Errorf("%s: %d read as targets, at most %d", k, g.extra, int(floor))
			}
			continue
		}
		if g.recall() < floor {
			t.Errorf("%s: recall %.1f%%, floor %.1f%%", k, 100*g.recall(), 100*floor)
		}
	}
}

// gridKeys are the tally's keys (factor=value) in the order of their
// factors, then by value.
func gridKeys(tally map[string]*gridTally, order []string) []string {
	keys := make([]string, 0, len(tally))
	for k := range tally {
		keys = append(keys, k)
	}
	slices.SortStableFunc(keys, func(a, b string) int {
		fa, _, _ := strings.Cut(a, "=")
		fb, _, _ := strings.Cut(b, "=")
		if d := slices.Index(order, fa) - slices.Index(order, fb); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return keys
}

// gridFloorTable writes the floors of a run as gridFloors' Go text:
// recall to a tenth of a percent below, a count of negatives read.
func gridFloorTable(tally map[string]*gridTally) string {
	keys := make([]string, 0, len(tally))
	for k := range tally {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		g := tally[k]
		if strings.HasPrefix(k, "negative") || k == "all=negatives" {
			fmt.Fprintf(&b, "\t%q: %d,\n", k, g.extra)
			continue
		}
		fmt.Fprintf(&b, "\t%q: %.3f,\n", k, math.Floor(1000*g.recall())/1000)
	}
	return b.String()
}
