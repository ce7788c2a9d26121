package estimate

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// refRow is one estimate R's survey package made (testdata/reference.R).
type refRow struct {
	variable, category string
	n                  int
	point, se, deff    float64
}

func readReference(t *testing.T) map[string][]refRow {
	t.Helper()
	f, err := os.Open("testdata/ref/reference.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]refRow{}
	for _, r := range recs[1:] {
		n, _ := strconv.Atoi(r[3])
		num := func(s string) float64 {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("reference.csv: %q: %v", s, err)
			}
			return v
		}
		out[r[0]] = append(out[r[0]], refRow{r[1], r[2], n, num(r[4]), num(r[5]), num(r[6])})
	}
	return out
}

func openRef(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// The literacy rate, overall and by domain, equals R's svymean/svyby
// (after svydesign and rake) to 1e-6, and its standard error and design
// effect are within 5% of R's — with and without weights, strata, units
// and raking, and with a stratum of a single unit.
func TestAgainstR(t *testing.T) {
	ref := readReference(t)
	in, err := ReadInstrument(openRef(t, "ref_instrument.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"plain", "weighted", "clustered", "raked", "raked_design", "lonely"} {
		t.Run(name, func(t *testing.T) {
			rows := ref[name]
			if len(rows) == 0 {
				t.Fatal("no reference values")
			}
			rs, err := ReadResponses(openRef(t, "ref/"+name+".csv"), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			input := Input{Instrument: in, Responses: rs, Rake: RakeOptions{Epsilon: 1e-12, MaxIter: 500}}
			if f, err := os.Open(filepath.Join("testdata/ref", name+"_margins.csv")); err == nil {
				defer f.Close()
				if input.Margins, err = ReadMargins(f); err != nil {
					t.Fatal(err)
				}
			}
			var worstRate, worstSE float64
			defer func() {
				t.Logf("%d estimates: largest rate gap %.2g, largest SE gap %.3g%%", len(rows), worstRate, 100*worstSE)
			}()
			seen := map[string]bool{}
			for _, r := range rows {
				if r.variable != "" && !seen[r.variable] {
					seen[r.variable] = true
					input.By = append(input.By, r.variable)
				}
			}
			got, err := Run(input)
			if err != nil {
				t.Fatal(err)
			}
			if input.Margins != nil && (!got.Weights.Converged || got.Weights.Iterations < 2) {
				t.Errorf("raking: %+v", got.Weights)
			}
			for _, r := range rows {
				g := DomainRate{N: got.N, Rate: got.Rate, SE: got.SE}
				deff := got.Deff
				label := "overall"
				if r.variable != "" {
					g = got.By[r.variable][r.category]
					label = r.variable + "=" + r.category
					deff = math.NaN()
				}
				if g.N != r.n {
					t.Errorf("%s: n %d, R %d", label, g.N, r.n)
				}
				worstRate = math.Max(worstRate, math.Abs(g.Rate-r.point))
				worstSE = math.Max(worstSE, math.Abs(g.SE/r.se-1))
				if math.Abs(g.Rate-r.point) > 1e-6 {
					t.Errorf("%s: rate %.9f, R %.9f", label, g.Rate, r.point)
				}
				if rel := math.Abs(g.SE/r.se - 1); rel > 0.05 {
					t.Errorf("%s: se %.6f, R %.6f (%.1f%% off)", label, g.SE, r.se, 100*rel)
				} else if rel > 1e-4 {
					t.Logf("%s: se %.6f, R %.6f (%.3f%% off)", label, g.SE, r.se, 100*rel)
				}
				if !math.IsNaN(deff) && math.Abs(deff/r.deff-1) > 0.05 {
					t.Errorf("%s: deff %.4f, R %.4f", label, deff, r.deff)
				}
			}
		})
	}
}
