package estimate

import (
	"sort"
)

// Design describes how the sample was drawn and weighted, like R's
// svydesign(ids = ~psu, strata = ~stratum, weights = ~w). Every non-nil
// slice has one entry per row.
type Design struct {
	// Weights are the final weights (design weights, or raked ones);
	// nil means every row weighs 1.
	Weights []float64
	// Strata name each row's stratum; nil means a single stratum.
	Strata []string
	// PSU name each row's primary sampling unit within its stratum (the
	// same name in two strata is two units, as with nest = TRUE); nil
	// means every row is its own unit.
	PSU []string
	// Raked is RakeReport.Cells when Weights came from Rake: the standard
	// error then accounts for the calibration, as R's does after rake.
	Raked [][]string
}

// Estimate is a weighted proportion with its precision. The variance is
// by Taylor linearisation with primary sampling units drawn with
// replacement within strata; a stratum with a single unit adds nothing to
// it (R: options(survey.lonely.psu = "certainty")).
type Estimate struct {
	N     int     // rows counted (in the domain)
	Point float64 // weighted proportion
	SE    float64 // standard error
	// Deff is the design effect: the variance over that of a simple
	// random sample with replacement of the same size, p(1−p)/(n−1)
	// (R: svymean(..., deff = "replace")). 0 when that variance is 0.
	Deff float64
	CI95 [2]float64 // Point ± 1.96·SE, kept within [0, 1]
}

// z975 is the 97.5% quantile of the standard normal distribution.
const z975 = 1.959963984540054

// Proportion estimates the weighted share of rows where y is true.
func Proportion(y []bool, d Design) (Estimate, error) {
	p, err := compile(d, len(y))
	if err != nil {
		return Estimate{}, err
	}
	return p.domain(y, nil, 0, make([]float64, len(y))), nil
}

// ByDomain estimates the proportion within each domain (subpopulation):
// domain names every row's category, as svyby(~y, ~domain, design,
// svymean) does, with the whole design kept for the variance. Rows whose
// domain is "" are counted in no domain.
func ByDomain(y []bool, domain []string, d Design) (map[string]Estimate, error) {
	p, err := compile(d, len(y))
	if err != nil {
		return nil, err
	}
	if len(domain) != len(y) {
		return nil, errf("weights", "estimate.err.length", "domain", len(domain), len(y))
	}
	codes, levels := intern(domain)
	out := make(map[string]Estimate, len(levels))
	x := make([]float64, len(y))
	for j, name := range levels {
		if name != "" {
			out[name] = p.domain(y, codes, int32(j), x)
		}
	}
	return out, nil
}

// intern codes strings by first appearance.
func intern(col []string) ([]int32, []string) {
	index := map[string]int32{}
	var levels []string
	codes := make([]int32, len(col))
	for i, s := range col {
		c, ok := index[s]
		if !ok {
			c = int32(len(levels))
			index[s] = c
			levels = append(levels, s)
		}
		codes[i] = c
	}
	return codes, levels
}

// sortedKeys lists a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
