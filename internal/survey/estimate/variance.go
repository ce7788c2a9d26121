package estimate

import (
	"math"
	"strconv"
)

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
	// cross[k][l][a*len(cellN[l])+b] counts the rows in cell a of raking
	// variable k and cell b of variable l.
	cross [][][]float64
}

func compile(d Design, n int) (*plan, error) {
	if d.Strata != nil && len(d.Strata) != n {
		return nil, errf("weights", "estimate.err.length", "stratum", len(d.Strata), n)
	}
	if d.PSU != nil && len(d.PSU) != n {
		return nil, errf("weights", "estimate.err.length", "psu", len(d.PSU), n)
	}
	var strata, psu codedVar
	if d.Strata != nil {
		strata.codes, strata.levels = intern(d.Strata)
	}
	if d.PSU != nil {
		psu.codes, psu.levels = intern(d.PSU)
	}
	var raked [][]int32
	for _, col := range d.Raked {
		if len(col) != n {
			return nil, errf("weights", "estimate.err.length", "raked", len(col), n)
		}
		codes, _ := intern(col)
		raked = append(raked, codes)
	}
	return compileCoded(d.Weights, n, strata, psu, raked)
}

// compileCoded compiles a design whose strata, units and raking cells are
// already coded (a zero codedVar: none).
func compileCoded(w []float64, n int, strata, psu codedVar, raked [][]int32) (*plan, error) {
	if n == 0 {
		return nil, errf("responses", "estimate.err.no_rows")
	}
	p := &plan{n: n, w: w, nstrat: 1}
	if p.w == nil {
		p.w = make([]float64, n)
		for i := range p.w {
			p.w[i] = 1
		}
	}
	if len(p.w) != n {
		return nil, errf("weights", "estimate.err.length", "weight", len(p.w), n)
	}
	for i, x := range p.w {
		if !(x >= 0) || math.IsInf(x, 0) {
			return nil, errf("weights", "estimate.err.weight_row", i+1, strconv.FormatFloat(x, 'g', -1, 64))
		}
	}
	if strata.codes != nil {
		p.strata, p.nstrat = strata.codes, len(strata.levels)
	}
	if psu.codes != nil {
		// units are (stratum, psu) pairs, numbered by first appearance
		np := int32(len(psu.levels))
		unit := make(map[int64]int32)
		p.psu = make([]int32, n)
		for i, c := range psu.codes {
			h := int32(0)
			if p.strata != nil {
				h = p.strata[i]
			}
			key := int64(h)*int64(np) + int64(c)
			u, ok := unit[key]
			if !ok {
				u = int32(len(p.unitOf))
				unit[key] = u
				p.unitOf = append(p.unitOf, h)
			}
			p.psu[i] = u
		}
		p.npsu = len(p.unitOf)
	}
	for _, codes := range raked {
		p.addRaked(codes)
	}
	p.crossCounts()
	return p, nil
}

// addRaked adds one raking variable's cells.
func (p *plan) addRaked(codes []int32) {
	var ncell int32
	for _, c := range codes {
		ncell = max(ncell, c+1)
	}
	cn := make([]float64, ncell)
	for _, c := range codes {
		cn[c]++
	}
	p.raked = append(p.raked, codes)
	p.cellN = append(p.cellN, cn)
}

func (p *plan) crossCounts() {
	K := len(p.raked)
	p.cross = make([][][]float64, K)
	for k := range K {
		p.cross[k] = make([][]float64, K)
		for l := range K {
			nb := len(p.cellN[l])
			t := make([]float64, len(p.cellN[k])*nb)
			for i, a := range p.raked[k] {
				t[int(a)*nb+int(p.raked[l][i])]++
			}
			p.cross[k][l] = t
		}
	}
}

// calibrationSweeps is how many times the residuals are swept over the
// raking margins, as in R's svyrecvar for a raked design.
const calibrationSweeps = 10

// domain estimates the proportion within rows whose code is j (all rows
// when codes is nil), using x as scratch.
//
// The linearised value of row i is x_i = w_i·(y_i − p)/W in the domain
// and 0 outside. After raking, R's survey package takes out what the
// margins explain before the variance: ten times over, for each margin in
// turn, x_i −= w_i · (mean of x/w over the rows of i's cell). That sweep
// is linear, so it is run on cell sums (the counts of each cell and of
// each pair of cells) and applied to the rows in one pass.
func (p *plan) domain(y []bool, codes []int32, j int32, x []float64) Estimate {
	var est Estimate
	var wd, wy float64
	nobs := 0
	K := len(p.raked)
	cnt := make([][]float64, K)  // domain rows with weight per cell
	ycnt := make([][]float64, K) // of which y is true
	for k := range K {
		cnt[k] = make([]float64, len(p.cellN[k]))
		ycnt[k] = make([]float64, len(p.cellN[k]))
	}
	for i, yes := range y {
		if codes != nil && codes[i] != j {
			continue
		}
		est.N++
		if p.w[i] > 0 {
			nobs++
			wd += p.w[i]
			if yes {
				wy += p.w[i]
			}
			for k, rc := range p.raked {
				cnt[k][rc[i]]++
				if yes {
					ycnt[k][rc[i]]++
				}
			}
		}
	}
	if wd == 0 {
		return est
	}
	pt := wy / wd
	// adj[k][c] accumulates the cell means taken out for margin k.
	adj := make([][]float64, K)
	for k := range K {
		adj[k] = make([]float64, len(p.cellN[k]))
	}
	for range calibrationSweeps {
		for k := range K {
			for a := range adj[k] {
				s := (ycnt[k][a] - pt*cnt[k][a]) / wd
				for l := range K {
					nb := len(p.cellN[l])
					row := p.cross[k][l][a*nb : (a+1)*nb]
					for b, c := range row {
						s -= c * adj[l][b]
					}
				}
				adj[k][a] += s / p.cellN[k][a]
			}
		}
	}
	for i, yes := range y {
		v := 0.0
		if (codes == nil || codes[i] == j) && p.w[i] > 0 {
			v = -pt
			if yes {
				v += 1
			}
			v /= wd
		}
		for k, rc := range p.raked {
			v -= adj[k][rc[i]]
		}
		x[i] = p.w[i] * v
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
// linearised values): the units' totals are centred within their
// stratum, each stratum weighing n_h/(n_h−1).
func (p *plan) variance(x []float64) float64 {
	units, strataOf := x, p.strata
	if p.psu != nil {
		units = make([]float64, p.npsu)
		for i, u := range p.psu {
			units[u] += x[i]
		}
		strataOf = p.unitOf
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
