package estimate

import (
	"math"
	"sort"
	"strconv"
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

// plan is a Design compiled to codes.
type plan struct {
	n      int
	w      []float64
	strata []int32 // nil: one stratum
	nstrat int
	psu    []int32 // nil: every row its own unit; else a unit code over (stratum, psu)
	npsu   int
	unitOf []int32   // stratum of each unit
	raked  [][]int32 // raking cells per variable
	cellN  [][]float64
}

func compile(d Design, n int) (*plan, error) {
	if n == 0 {
		return nil, errf("responses", "estimate.err.no_rows")
	}
	p := &plan{n: n, w: d.Weights, nstrat: 1}
	if p.w == nil {
		p.w = make([]float64, n)
		for i := range p.w {
			p.w[i] = 1
		}
	}
	for name, col := range map[string]int{"weight": len(p.w), "stratum": len(d.Strata), "psu": len(d.PSU)} {
		if col != n && (name == "weight" || col != 0) {
			return nil, errf("weights", "estimate.err.length", name, col, n)
		}
	}
	for i, x := range p.w {
		if !(x >= 0) || math.IsInf(x, 0) {
			return nil, errf("weights", "estimate.err.weight_row", i+1, strconv.FormatFloat(x, 'g', -1, 64))
		}
	}
	if d.Strata != nil {
		var levels []string
		p.strata, levels = intern(d.Strata)
		p.nstrat = len(levels)
	}
	if d.PSU != nil {
		pairs := make(map[[2]int32]int32)
		psu, _ := intern(d.PSU)
		p.psu = make([]int32, n)
		for i := range psu {
			key := [2]int32{0, psu[i]}
			if p.strata != nil {
				key[0] = p.strata[i]
			}
			u, ok := pairs[key]
			if !ok {
				u = int32(len(p.unitOf))
				pairs[key] = u
				p.unitOf = append(p.unitOf, key[0])
			}
			p.psu[i] = u
		}
		p.npsu = len(p.unitOf)
	}
	for k, col := range d.Raked {
		if len(col) != n {
			return nil, errf("weights", "estimate.err.length", "raked", len(col), n)
		}
		codes, levels := intern(col)
		p.raked = append(p.raked, codes)
		cn := make([]float64, len(levels))
		for _, c := range codes {
			cn[c]++
		}
		p.cellN = append(p.cellN, cn)
		_ = k
	}
	return p, nil
}

// domain estimates the proportion within rows whose code is j (all rows
// when codes is nil), using x as scratch.
func (p *plan) domain(y []bool, codes []int32, j int32, x []float64) Estimate {
	var est Estimate
	var wd, wy float64
	for i, yes := range y {
		if codes != nil && codes[i] != j {
			continue
		}
		est.N++
		if p.w[i] > 0 {
			wd += p.w[i]
			if yes {
				wy += p.w[i]
			}
		}
	}
	if wd == 0 {
		return est
	}
	pt := wy / wd
	nobs := 0
	for i, yes := range y {
		x[i] = 0
		if codes != nil && codes[i] != j || p.w[i] == 0 {
			continue
		}
		nobs++
		v := -pt
		if yes {
			v += 1
		}
		x[i] = p.w[i] * v / wd
	}
	v := p.variance(x)
	est.Point, est.SE = pt, math.Sqrt(v)
	if srs := pt * (1 - pt) / float64(nobs-1); nobs > 1 && srs > 0 {
		est.Deff = v / srs
	}
	est.CI95 = [2]float64{math.Max(0, pt-z975*est.SE), math.Min(1, pt+z975*est.SE)}
	return est
}

// variance is the with-replacement variance of the total of x (the
// linearised values), after taking out what the raking margins explain:
// within each raking cell, x/w is centred on its mean over the cell's
// rows, one margin after another, as R's svyrecvar does for post-strata.
// x is overwritten.
func (p *plan) variance(x []float64) float64 {
	for k, codes := range p.raked {
		m := make([]float64, len(p.cellN[k]))
		for i, c := range codes {
			if p.w[i] > 0 {
				m[c] += x[i] / p.w[i]
			}
		}
		for c := range m {
			m[c] /= p.cellN[k][c]
		}
		for i, c := range codes {
			x[i] -= m[c] * p.w[i]
		}
	}
	units, strataOf := x, p.strata
	if p.psu != nil {
		units = make([]float64, p.npsu)
		for i, u := range p.psu {
			units[u] += x[i]
		}
		strataOf = p.unitOf
		if p.strata == nil {
			strataOf = nil
		}
	}
	cnt := make([]float64, p.nstrat)
	mean := make([]float64, p.nstrat)
	for u, t := range units {
		h := int32(0)
		if strataOf != nil {
			h = strataOf[u]
		}
		cnt[h]++
		mean[h] += t
	}
	for h := range mean {
		if cnt[h] > 0 {
			mean[h] /= cnt[h]
		}
	}
	ss := make([]float64, p.nstrat)
	for u, t := range units {
		h := int32(0)
		if strataOf != nil {
			h = strataOf[u]
		}
		ss[h] += (t - mean[h]) * (t - mean[h])
	}
	var v float64
	for h := range ss {
		if cnt[h] > 1 {
			v += cnt[h] / (cnt[h] - 1) * ss[h]
		}
	}
	return v
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
