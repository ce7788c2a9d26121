package estimate

// Input is everything one estimate needs: the instrument, the responses,
// and optionally population margins to rake to.
type Input struct {
	Instrument Instrument
	Responses  *Responses
	Margins    Margins // nil: no raking; the design weights (or 1) are used
	Rake       RakeOptions
	// By names the columns to estimate by; nil means the margins'
	// variables, or without margins every column that is neither a
	// question nor stratum or psu.
	By []string
}

// Report is the result of `kexie survey estimate --json`; its JSON keys
// are stable (other tools read them).
type Report struct {
	N       int                              `json:"n"`
	Rate    float64                          `json:"rate"`
	SE      float64                          `json:"se"`
	CI95    [2]float64                       `json:"ci95"`
	Deff    float64                          `json:"deff"`
	By      map[string]map[string]DomainRate `json:"by"`
	Weights WeightReport                     `json:"weights"`
}

// DomainRate is the literacy rate within one category of one variable.
type DomainRate struct {
	N    int     `json:"n"`
	Rate float64 `json:"rate"`
	SE   float64 `json:"se"`
}

// WeightReport summarises the final weights and the raking.
type WeightReport struct {
	Min        float64 `json:"min"`
	Max        float64 `json:"max"`
	Iterations int     `json:"iterations"`
	Converged  bool    `json:"converged"`
}

// Run scores every response, rakes the weights when margins are given,
// and estimates the literacy rate overall and by each variable.
func Run(in Input) (Report, error) {
	rs := in.Responses
	if rs == nil || rs.Len() == 0 {
		return Report{}, errf("responses", "estimate.err.no_rows")
	}
	y, err := in.Instrument.ScoreAll(rs)
	if err != nil {
		return Report{}, err
	}
	n := rs.Len()
	w := rs.Weight
	if w == nil {
		w = make([]float64, n)
		for i := range w {
			w[i] = 1
		}
	}
	rep := Report{N: n, By: map[string]map[string]DomainRate{}, Weights: WeightReport{Converged: true}}
	var raked [][]int32
	if in.Margins != nil {
		vars := in.Margins.Variables()
		coded := make([]codedVar, len(vars))
		for k, v := range vars {
			c := rs.Column(v)
			if c == nil {
				return Report{}, errf("responses", "estimate.err.missing_column", v)
			}
			coded[k] = codedVar{c.Codes, c.Levels}
			raked = append(raked, c.Codes)
		}
		rw, rr, err := rakeCoded(w, vars, coded, in.Margins, in.Rake)
		if err != nil {
			return Report{}, err
		}
		w = rw
		rep.Weights.Iterations, rep.Weights.Converged = rr.Iterations, rr.Converged
	}
	var strata, psu codedVar
	if c := rs.Column(ColStratum); c != nil {
		strata = codedVar{c.Codes, c.Levels}
	}
	if c := rs.Column(ColPSU); c != nil {
		psu = codedVar{c.Codes, c.Levels}
	}
	p, err := compileCoded(w, n, strata, psu, raked)
	if err != nil {
		return Report{}, err
	}
	rep.Weights.Min, rep.Weights.Max = minMax(w)
	x := make([]float64, n)
	all := p.domain(y, nil, 0, x)
	rep.Rate, rep.SE, rep.CI95, rep.Deff = all.Point, all.SE, all.CI95, all.Deff
	by := in.By
	if by == nil {
		by = in.byDefault()
	}
	for _, v := range by {
		c := rs.Column(v)
		if c == nil {
			return Report{}, errf("responses", "estimate.err.missing_column", v)
		}
		m := map[string]DomainRate{}
		for j, name := range c.Levels {
			if name == "" {
				continue
			}
			e := p.domain(y, c.Codes, int32(j), x)
			m[name] = DomainRate{N: e.N, Rate: e.Point, SE: e.SE}
		}
		rep.By[v] = m
	}
	return rep, nil
}

func (in Input) byDefault() []string {
	if in.Margins != nil {
		return in.Margins.Variables()
	}
	q := map[string]bool{ColStratum: true, ColPSU: true}
	for _, x := range in.Instrument.Questions {
		q[x.ID] = true
	}
	var out []string
	for _, c := range in.Responses.Columns {
		if !q[c.Name] {
			out = append(out, c.Name)
		}
	}
	return out
}

// ScoreAll scores every response and tells who is literate. Each
// question needs a column named by its id.
func (in Instrument) ScoreAll(rs *Responses) ([]bool, error) {
	n := rs.Len()
	dims := in.Dimensions()
	dimOf := map[string]int{}
	for i, d := range dims {
		dimOf[d] = i
	}
	total := make([]float64, n)
	var perDim [][]float64
	if in.Rule.Kind == RuleDimensions {
		perDim = make([][]float64, len(dims))
		for i := range perDim {
			perDim[i] = make([]float64, n)
		}
	}
	for _, q := range in.Questions {
		c := rs.Column(q.ID)
		if c == nil {
			return nil, errf("responses", "estimate.err.missing_question", q.ID)
		}
		right := make([]bool, len(c.Levels))
		for j, l := range c.Levels {
			right[j] = sameSet(SplitOptions(l), q.Correct)
		}
		for i, k := range c.Codes {
			if right[k] {
				total[i] += q.Points
				if perDim != nil {
					perDim[dimOf[q.Dimension]][i] += q.Points
				}
			}
		}
	}
	y := make([]bool, n)
	row := make(map[string]float64, len(dims))
	for i := range y {
		if perDim != nil {
			for k, d := range dims {
				row[d] = perDim[k][i]
			}
		}
		y[i] = in.literate(total[i], row)
	}
	return y, nil
}

func minMax(xs []float64) (float64, float64) {
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}
