package estimate

import (
	"math"
	"testing"
)

// For a simple random sample the with-replacement variance is the
// textbook p(1−p)/(n−1), and the design effect 1.
func TestProportionSimple(t *testing.T) {
	y := []bool{true, false, false, true, true, false, false, false, true, false}
	got, err := Proportion(y, Design{})
	if err != nil {
		t.Fatal(err)
	}
	p := 0.4
	se := math.Sqrt(p * (1 - p) / 9)
	if math.Abs(got.Point-p) > 1e-12 || math.Abs(got.SE-se) > 1e-12 || math.Abs(got.Deff-1) > 1e-9 || got.N != 10 {
		t.Errorf("got %+v, want p %v se %v", got, p, se)
	}
	if math.Abs(got.CI95[0]-(p-1.959963984540054*se)) > 1e-12 {
		t.Errorf("ci %v", got.CI95)
	}
	// The interval stays within [0, 1].
	got, _ = Proportion([]bool{true, true, true, false}, Design{})
	if got.CI95[1] != 1 {
		t.Errorf("ci %v, want its top clamped to 1", got.CI95)
	}
}

// A stratum with a single unit adds nothing to the variance (R:
// survey.lonely.psu = "certainty"); units in different strata with the
// same name are different units.
func TestProportionStrataAndUnits(t *testing.T) {
	y := []bool{true, false, true, true, false, false, true, false}
	strata := []string{"A", "A", "A", "A", "B", "B", "B", "B"}
	psu := []string{"1", "1", "2", "2", "1", "1", "1", "1"}
	got, err := Proportion(y, Design{Strata: strata, PSU: psu})
	if err != nil {
		t.Fatal(err)
	}
	// Stratum A: unit totals of (y−p)/n with p = 0.5: (0, 2·0.5)/8 → 0 and 0.125;
	// centred ±0.0625, times 2/(2−1): variance 2·2·0.0625² = 0.015625.
	if math.Abs(got.Point-0.5) > 1e-12 || math.Abs(got.SE-math.Sqrt(0.015625)) > 1e-12 {
		t.Errorf("got %+v", got)
	}
	if _, err := Proportion(y, Design{Strata: strata[:3]}); err == nil {
		t.Error("a strata column of the wrong length was accepted")
	}
}

// The public Design API gives R's numbers too: a stratified cluster
// design, and a raked one with the calibration in the standard error.
func TestDesignAgainstR(t *testing.T) {
	ref := readReference(t)
	in, err := ReadInstrument(openRef(t, "ref_instrument.json"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, label string, got Estimate, r refRow) {
		t.Helper()
		if got.N != r.n || math.Abs(got.Point-r.point) > 1e-6 || math.Abs(got.SE/r.se-1) > 0.05 || math.Abs(got.Deff/r.deff-1) > 0.05 {
			t.Errorf("%s: got %+v, R %+v", label, got, r)
		}
	}
	for _, name := range []string{"clustered", "raked"} {
		t.Run(name, func(t *testing.T) {
			rs, err := ReadResponses(openRef(t, "ref/"+name+".csv"), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			y, err := in.ScoreAll(rs)
			if err != nil {
				t.Fatal(err)
			}
			d := Design{Weights: rs.Weight}
			if c := rs.Column(ColStratum); c != nil {
				d.Strata, d.PSU = c.Values(), rs.Column(ColPSU).Values()
			}
			if name == "raked" {
				m, err := ReadMargins(openRef(t, "ref/raked_margins.csv"))
				if err != nil {
					t.Fatal(err)
				}
				cats := map[string][]string{}
				for _, v := range m.Variables() {
					cats[v] = rs.Column(v).Values()
				}
				ones := make([]float64, rs.Len())
				for i := range ones {
					ones[i] = 1
				}
				var rep RakeReport
				if d.Weights, rep, err = Rake(ones, cats, m, RakeOptions{Epsilon: 1e-12, MaxIter: 500}); err != nil {
					t.Fatal(err)
				}
				d.Raked = rep.Cells
			}
			all, err := Proportion(y, d)
			if err != nil {
				t.Fatal(err)
			}
			byRegion, err := ByDomain(y, rs.Column("region").Values(), d)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range ref[name] {
				switch r.variable {
				case "":
					check(t, "overall", all, r)
				case "region":
					check(t, "region="+r.category, byRegion[r.category], r)
				}
			}
		})
	}
}
