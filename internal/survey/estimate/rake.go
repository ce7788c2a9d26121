package estimate

import (
	"math"
	"strconv"
)

// RakeOptions steer raking. A zero field takes its default.
type RakeOptions struct {
	// MaxIter is the number of full cycles over the margins (default 100).
	MaxIter int
	// Epsilon is the largest difference allowed between a category's
	// weighted share and its population share (default 1e-7).
	Epsilon float64
	// TrimLow and TrimHigh bound the final weights as multiples of the
	// mean weight (for example 0.2 and 5); 0 means no bound. Weights are
	// clamped after every cycle and raking goes on until the margins and
	// the bounds hold together.
	TrimLow, TrimHigh float64
}

// Default raking options.
const (
	DefaultMaxIter = 100
	DefaultEpsilon = 1e-7
)

// RakeReport tells how raking went.
type RakeReport struct {
	Iterations int     // cycles over the margins
	Converged  bool    // every share within Epsilon (and every weight within bounds)
	MaxDiff    float64 // largest share difference after the last cycle
	Trimmed    int     // weights sitting at a trimming bound
	Min, Max   float64 // smallest and largest final weight
	// Kish is Kish's design effect from unequal weighting,
	// n·Σw²/(Σw)², the variance inflation the weights alone cause.
	Kish float64
	// Cells holds, for each raking variable in Margins.Variables order,
	// every row's category; put it in Design.Raked so standard errors
	// account for the calibration as R's survey package does after rake.
	Cells [][]string
}

// Rake adjusts base weights (design weights, or all 1) by iterative
// proportional fitting so that, for every variable of m, the weighted
// share of each category equals its population share. cats gives every
// row's category for each variable of m. The total of the weights is kept.
// It fails with an *Error on a category m does not know, a row without a
// category, a category with a population share but no respondent, or a
// raking that does not converge (the weights reached are returned with it).
func Rake(base []float64, cats map[string][]string, m Margins, opt RakeOptions) ([]float64, RakeReport, error) {
	vars := m.Variables()
	coded := make([]codedVar, len(vars))
	rep := RakeReport{Cells: make([][]string, len(vars))}
	for k, v := range vars {
		col, ok := cats[v]
		if !ok {
			return nil, rep, errf("margins", "estimate.err.missing_variable", v)
		}
		if len(col) != len(base) {
			return nil, rep, errf("weights", "estimate.err.length", v, len(col), len(base))
		}
		coded[k].codes, coded[k].levels = intern(col)
		rep.Cells[k] = col
	}
	w, r, err := rakeCoded(base, vars, coded, m, opt)
	r.Cells = rep.Cells
	return w, r, err
}

// codedVar is a column coded against its distinct values, in order of
// first appearance.
type codedVar struct {
	codes  []int32
	levels []string
}

// rakeCoded rakes base to m; coded holds the categories of m's variables
// vars, in the same order.
func rakeCoded(base []float64, vars []string, coded []codedVar, m Margins, opt RakeOptions) ([]float64, RakeReport, error) {
	var rep RakeReport
	targets := make([][]float64, len(vars))
	codes := make([][]int32, len(vars))
	for k, v := range vars {
		cv := coded[k]
		codes[k] = cv.codes
		targets[k] = make([]float64, len(cv.levels))
		for j, c := range cv.levels {
			share, known := m[v][c]
			if c == "" || !known {
				row := 1 // levels are in order of first appearance
				for i, x := range cv.codes {
					if x == int32(j) {
						row = i + 1
						break
					}
				}
				if c == "" {
					return nil, rep, errf("responses", "estimate.err.missing_category", row, v)
				}
				return nil, rep, errf("responses", "estimate.err.unknown_category", row, v, c)
			}
			targets[k][j] = share
		}
		have := make(map[string]bool, len(cv.levels))
		for _, c := range cv.levels {
			have[c] = true
		}
		for _, c := range sortedKeys(m[v]) {
			if s := m[v][c]; !have[c] && s > 0 {
				return nil, rep, errf("responses", "estimate.err.empty_cell", v, c, strconv.FormatFloat(s, 'g', 6, 64))
			}
		}
	}
	w, err := checkWeights(base)
	if err != nil {
		return nil, rep, err
	}
	rep, err = rake(w, codes, targets, opt, rep)
	return w, rep, err
}

// checkWeights copies base weights, refusing ones that are not positive
// and finite.
func checkWeights(base []float64) ([]float64, error) {
	if len(base) == 0 {
		return nil, errf("responses", "estimate.err.no_rows")
	}
	w := make([]float64, len(base))
	for i, x := range base {
		if !(x > 0) || math.IsInf(x, 0) {
			return nil, errf("weights", "estimate.err.weight_row", i+1, strconv.FormatFloat(x, 'g', -1, 64))
		}
		w[i] = x
	}
	return w, nil
}

// rake runs the cycles in place on w over coded categories.
func rake(w []float64, codes [][]int32, targets [][]float64, opt RakeOptions, rep RakeReport) (RakeReport, error) {
	if opt.MaxIter <= 0 {
		opt.MaxIter = DefaultMaxIter
	}
	if opt.Epsilon <= 0 {
		opt.Epsilon = DefaultEpsilon
	}
	total := sum(w)
	n := float64(len(w))
	cur := make([][]float64, len(codes))
	for k := range codes {
		cur[k] = make([]float64, len(targets[k]))
	}
	for rep.Iterations = 1; rep.Iterations <= opt.MaxIter; rep.Iterations++ {
		for k, cs := range codes {
			tally(cur[k], cs, w)
			s := sum(cur[k])
			f := cur[k] // reuse as factors
			for j := range f {
				if targets[k][j] == 0 {
					f[j] = 0 // a category the population does not have
				} else {
					f[j] = targets[k][j] * s / f[j]
				}
			}
			for i, c := range cs {
				w[i] *= f[c]
			}
		}
		inBounds := trim(w, opt, n)
		s := sum(w)
		rep.MaxDiff = 0
		for k, cs := range codes {
			tally(cur[k], cs, w)
			for j, t := range cur[k] {
				rep.MaxDiff = math.Max(rep.MaxDiff, math.Abs(t/s-targets[k][j]))
			}
		}
		if rep.MaxDiff < opt.Epsilon && inBounds {
			rep.Converged = true
			break
		}
	}
	if rep.Iterations > opt.MaxIter {
		rep.Iterations = opt.MaxIter
	}
	scale := total / sum(w)
	var sw, sw2 float64
	rep.Min, rep.Max = math.Inf(1), math.Inf(-1)
	lo, hi := bounds(opt, total/n)
	for i := range w {
		w[i] *= scale
		x := w[i]
		sw += x
		sw2 += x * x
		rep.Min, rep.Max = math.Min(rep.Min, x), math.Max(rep.Max, x)
		if (lo > 0 && x <= lo*(1+1e-9)) || (hi > 0 && x >= hi*(1-1e-9)) {
			rep.Trimmed++
		}
	}
	rep.Kish = n * sw2 / (sw * sw)
	if !rep.Converged {
		return rep, errf("weights", "estimate.err.no_convergence", rep.Iterations, strconv.FormatFloat(rep.MaxDiff, 'g', 3, 64))
	}
	return rep, nil
}

// trim clamps w to the bounds (relative to its current mean) and reports
// whether every weight already was within them.
func trim(w []float64, opt RakeOptions, n float64) bool {
	if opt.TrimLow <= 0 && opt.TrimHigh <= 0 {
		return true
	}
	lo, hi := bounds(opt, sum(w)/n)
	ok := true
	for i, x := range w {
		switch {
		case lo > 0 && x < lo*(1-1e-9):
			w[i], ok = lo, false
		case hi > 0 && x > hi*(1+1e-9):
			w[i], ok = hi, false
		}
	}
	return ok
}

func bounds(opt RakeOptions, mean float64) (lo, hi float64) {
	if opt.TrimLow > 0 {
		lo = opt.TrimLow * mean
	}
	if opt.TrimHigh > 0 {
		hi = opt.TrimHigh * mean
	}
	return lo, hi
}

func tally(out []float64, codes []int32, w []float64) {
	clear(out)
	for i, c := range codes {
		out[c] += w[i]
	}
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}
