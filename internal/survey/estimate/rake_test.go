package estimate

import (
	"math"
	"math/rand/v2"
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

// A bound the margins cannot live with (every 女 must weigh 1.87 × the
// mean to reach 70%) is a non-convergence, said so — not weights that
// quietly miss the margin.
func TestRakeTrimInfeasible(t *testing.T) {
	base, cats := sample4()
	_, rep, err := Rake(base, cats, Margins{"gender": {"m": 0.3, "f": 0.7}}, RakeOptions{TrimHigh: 1.5, MaxIter: 50})
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

// With unequal design weights there is room to trim: the top weights are
// held at the bound, the others in their cells absorb the difference,
// and the margins are still met.
func TestRakeTrimsAndConverges(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := 2000
	cats := map[string][]string{"a": make([]string, n), "b": make([]string, n), "c": make([]string, n)}
	base := make([]float64, n)
	for i := range n {
		cats["a"][i] = []string{"x", "y", "z"}[rng.IntN(3)]
		cats["b"][i] = []string{"p", "q"}[rng.IntN(2)]
		cats["c"][i] = []string{"u", "v", "w", "s"}[rng.IntN(4)]
		base[i] = 0.5 + 5*rng.Float64()*rng.Float64()
	}
	m := Margins{"a": {"x": 0.2, "y": 0.3, "z": 0.5}, "b": {"p": 0.5, "q": 0.5}, "c": {"u": 0.25, "v": 0.25, "w": 0.25, "s": 0.25}}
	_, free, err := Rake(base, cats, m, RakeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w, rep, err := Rake(base, cats, m, RakeOptions{TrimHigh: 2})
	if err != nil {
		t.Fatal(err)
	}
	mean := sum(w) / float64(n)
	if free.Max <= 2*mean || rep.Max > 2*mean*(1+1e-9) || rep.Trimmed == 0 || rep.Kish >= free.Kish {
		t.Errorf("untrimmed max %v, trimmed %+v (mean %v)", free.Max, rep, mean)
	}
	for v, cs := range m {
		for c, want := range cs {
			var s float64
			for i, x := range w {
				if cats[v][i] == c {
					s += x
				}
			}
			if math.Abs(s/sum(w)-want) > 1e-7 {
				t.Errorf("%s=%s: share %v, want %v", v, c, s/sum(w), want)
			}
		}
	}
}
