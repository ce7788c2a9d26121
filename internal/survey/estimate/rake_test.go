package estimate

import (
	"math"
	"testing"
)

// sample4 has 8 rows over gender × region.
func sample4() ([]float64, map[string][]string) {
	return []float64{1, 1, 1, 1, 1, 1, 1, 1}, map[string][]string{
		"gender": {"m", "m", "m", "m", "m", "f", "f", "f"},
		"region": {"a", "a", "a", "b", "b", "a", "b", "b"},
	}
}

func TestRakeMeetsMargins(t *testing.T) {
	base, cats := sample4()
	m := Margins{"gender": {"m": 0.5, "f": 0.5}, "region": {"a": 0.3, "b": 0.7}}
	w, rep, err := Rake(base, cats, m, RakeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	share := func(v, c string) float64 {
		var s, all float64
		for i, x := range w {
			all += x
			if cats[v][i] == c {
				s += x
			}
		}
		return s / all
	}
	for v, cs := range m {
		for c, want := range cs {
			if got := share(v, c); math.Abs(got-want) > 1e-7 {
				t.Errorf("%s=%s: share %v, want %v", v, c, got, want)
			}
		}
	}
	if math.Abs(sum(w)-8) > 1e-9 {
		t.Errorf("total %v, want the base total 8", sum(w))
	}
	if !rep.Converged || rep.Iterations < 2 || rep.Kish <= 1 || rep.Min <= 0 || rep.Max < rep.Min || len(rep.Cells) != 2 {
		t.Errorf("report %+v", rep)
	}
}

func TestRakeTrims(t *testing.T) {
	base, cats := sample4()
	m := Margins{"gender": {"m": 0.3, "f": 0.7}}
	free, _, err := Rake(base, cats, m, RakeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if max := free[7] / (sum(free) / 8); max < 1.8 {
		t.Fatalf("untrimmed top weight %v × mean; the test needs one above 1.5", max)
	}
	// A bound the margin allows: weights stay within it.
	w, rep, err := Rake(base, cats, Margins{"region": {"a": 0.3, "b": 0.7}}, RakeOptions{TrimHigh: 1.5, TrimLow: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range w {
		if r := x / (sum(w) / 8); r > 1.5+1e-9 || r < 0.5-1e-9 {
			t.Errorf("weight %v is %v × the mean", x, r)
		}
	}
	_ = rep
	// A bound the margin cannot live with: no convergence, said so.
	_, rep, err = Rake(base, cats, m, RakeOptions{TrimHigh: 1.5, MaxIter: 50})
	e := wantKey(t, err, "estimate.err.no_convergence")
	if rep.Converged || e.Args[0] != 50 {
		t.Errorf("report %+v, args %v", rep, e.Args)
	}
}

func TestRakeRefuses(t *testing.T) {
	base, cats := sample4()
	tests := []struct {
		name string
		cats map[string][]string
		m    Margins
		key  string
		args []any
	}{
		{"unknown category", cats, Margins{"region": {"a": 0.5, "c": 0.5}}, "estimate.err.unknown_category", []any{4, "region", "b"}},
		{"category with no respondent", cats, Margins{"region": {"a": 0.4, "b": 0.4, "c": 0.2}}, "estimate.err.empty_cell", []any{"region", "c", "0.2"}},
		{"variable without categories", cats, Margins{"edu": {"x": 1}}, "estimate.err.missing_variable", []any{"edu"}},
		{"blank category", map[string][]string{"region": {"a", "", "a", "b", "b", "a", "b", "b"}}, Margins{"region": {"a": 0.5, "b": 0.5}}, "estimate.err.missing_category", []any{2, "region"}},
		// gender and region coincide here, so no weights meet both
		{"contradictory margins", map[string][]string{"gender": {"m", "m", "m", "m", "f", "f", "f", "f"}, "region": {"a", "a", "a", "a", "b", "b", "b", "b"}},
			Margins{"gender": {"m": 0.5, "f": 0.5}, "region": {"a": 0.2, "b": 0.8}}, "estimate.err.no_convergence", []any{100, "0.3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Rake(base, tt.cats, tt.m, RakeOptions{})
			e := wantKey(t, err, tt.key)
			for i := range tt.args {
				if i >= len(e.Args) || e.Args[i] != tt.args[i] {
					t.Errorf("args %v, want %v", e.Args, tt.args)
				}
			}
		})
	}
	_, _, err := Rake([]float64{1, 0, 1, 1, 1, 1, 1, 1}, cats, Margins{"region": {"a": 0.5, "b": 0.5}}, RakeOptions{})
	wantKey(t, err, "estimate.err.weight_row")
}
