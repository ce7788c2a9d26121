package plan

import "testing"

// What the three grids' runners (grid_test.go, grid2_test.go,
// grid3_test.go) share: tallies by factor value, a composed document read
// as shipped or by the rules alone, and a reading's amount in its base unit.

// gridTallies are the tallies of a grid's run, by factor value.
type gridTallies map[string]*gridTally

// at is the tally of k, made on first use.
func (g gridTallies) at(k string) *gridTally {
	if g[k] == nil {
		g[k] = &gridTally{}
	}
	return g[k]
}

// gridAsserted reads a composed document (with the learned model when
// learn) and returns the targets it asserts.
func gridAsserted(t testing.TB, text string, learn bool) []Indicator {
	t.Helper()
	var l *learnDoc
	if learn {
		l = learnFor()
	}
	doc, err := ingestText(text, l)
	if err != nil {
		t.Fatal(err)
	}
	asserted, _ := assertedAndProposed(doc)
	return asserted
}

// gridBase is a reading's base unit and multiplier.
func gridBase(ind Indicator) (string, float64) {
	if ind.Multiplier == 0 {
		return splitUnit(ind.Unit)
	}
	return ind.BaseUnit, ind.Multiplier
}

// gridLog logs a grid's table and, with -v, what it missed.
func gridLog(t *testing.T, table string, misses []string) {
	t.Helper()
	t.Logf("\n%s", table)
	if testing.Verbose() {
		for _, m := range misses {
			t.Log(m)
		}
	}
}
