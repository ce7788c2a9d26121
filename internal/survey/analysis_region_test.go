package survey

import (
	"math"
	"strconv"
	"testing"

	"kexie/internal/survey/estimate"
)

// regionFixture is twelve literacy answers from two cities (one through a
// county of the first) and the province itself, raked to a 70/30 gender
// split.
func regionFixture(t *testing.T) (Data, []Region) {
	t.Helper()
	def := LiteracyInstrument()
	paths := []string{"/1/2/", "/1/2/", "/1/2/7/", "/1/2/7/", "/1/2/", "/1/3/", "/1/3/", "/1/3/", "/1/3/", "/1/", "/1/2/", "/1/3/"}
	lit := []bool{true, false, true, true, false, false, true, false, false, true, true, false}
	var rows []Answers
	for i, l := range lit {
		a := Answers{"gender": {strconv.Itoa(1 + i%2)}, "age": {"2"}, "edu": {strconv.Itoa(1 + i%5)}, "urban": {"1"}}
		for _, q := range def.Questions() {
			if len(q.Correct) > 0 {
				a[q.ID] = []string{q.Options[len(q.Options)-1].Code}
				if l {
					a[q.ID] = q.Correct
				}
			}
		}
		if i == 4 {
			delete(a, "k1") // one row leaves k1 unanswered
		}
		rows = append(rows, a)
	}
	w, _, cells, err := rake(def, rows, []Margin{{"gender", "1", 0.7}, {"gender", "2", 0.3}})
	if err != nil {
		t.Fatal(err)
	}
	return Data{Def: def, Rows: rows, Paths: paths, Weights: w, rakedCells: cells},
		[]Region{{ID: 2, Name: "攀枝花", Path: "/1/2/"}, {ID: 3, Name: "滁州", Path: "/1/3/"}}
}

// ByRegion's weighted shares and standard errors are the estimator's
// domain estimates over the whole raked design, a region's domain being
// its subtree; a question's column counts only the rows answering it.
func TestByRegionMatchesEstimator(t *testing.T) {
	d, regions := regionFixture(t)
	k1, _ := d.Def.Question("k1")
	tab, err := ByRegion(d, regions, &k1, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Cols) != 1+len(k1.Options) || tab.Cols[0].Key != "literacy" || tab.Cols[1].Key != "k1=1" || len(tab.Rows) != 2 {
		t.Fatalf("table %+v", tab)
	}
	design := estimate.Design{Weights: d.Weights, Raked: d.rakedCells}
	dom := []string{"a", "a", "a", "a", "a", "b", "b", "b", "b", "", "a", "b"}
	in := instrument(d.Def)
	y := make([]bool, len(d.Rows))
	for i, a := range d.Rows {
		y[i] = in.Score(a).Literate
	}
	same := func(what string, got Rate, want estimate.Estimate) {
		t.Helper()
		if got.N != want.N || math.Abs(got.P-want.Point) > 1e-12 || math.Abs(got.SE-want.SE) > 1e-12 || got.SE == 0 ||
			math.Abs(got.Lo-want.CI95[0]) > 1e-12 || math.Abs(got.Hi-want.CI95[1]) > 1e-12 {
			t.Errorf("%s: %+v, the estimator gives %+v", what, got, want)
		}
	}
	want, err := estimate.ByDomain(y, dom, design)
	if err != nil {
		t.Fatal(err)
	}
	same("攀枝花 literacy", tab.Rows[0].Rates[0], want["a"])
	same("滁州 literacy", tab.Rows[1].Rates[0], want["b"])
	all, _ := estimate.Proportion(y, design)
	same("total literacy", tab.Total.Rates[0], all)
	// k1 = "2" (false, its right answer): the row without k1 is in no domain.
	for i, a := range d.Rows {
		y[i] = len(a["k1"]) > 0 && a["k1"][0] == "2"
	}
	dom[4] = ""
	want, _ = estimate.ByDomain(y, dom, design)
	same("攀枝花 k1=2", tab.Rows[0].Rates[2], want["a"])
	same("滁州 k1=2", tab.Rows[1].Rates[2], want["b"])
	if tab.Rows[0].Rates[2].N != 5 {
		t.Errorf("攀枝花 k1 n = %d, want 5 (one of six left it out)", tab.Rows[0].Rates[1].N)
	}
	// Unweighted, a region's rate is its sample share.
	d.Weights, d.rakedCells = nil, nil
	tab, _ = ByRegion(d, regions, nil, "zh")
	if r := tab.Rows[0].Rates[0]; len(tab.Cols) != 1 || r.N != 6 || math.Abs(r.P-4.0/6) > 1e-12 {
		t.Errorf("unweighted 攀枝花: %+v", r)
	}
}
