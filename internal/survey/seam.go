package survey

import (
	"math"

	"kexie/internal/survey/estimate"
)

// The seam to internal/survey/estimate: scoring an instrument, raking
// weights and estimating proportions go through these functions only, so
// the maths lives in one package and this one never grows a copy of it.

// Scored is one respondent's result on a scored instrument.
type Scored struct {
	Total    float64
	Literate bool
	Grade    string // 高阶, 基础 or ""
}

// instrument is d's scored questions and rule as estimate reads them.
func instrument(d Definition) estimate.Instrument {
	in := estimate.Instrument{Rule: estimate.Rule{Kind: d.Rule.Kind, Threshold: d.Rule.Threshold, Thresholds: d.Rule.Thresholds,
		High: d.Rule.High, Basic: d.Rule.Basic}, Grades: []estimate.Grade{}}
	if d.Rule.High > 0 {
		in.Grades = append(in.Grades, estimate.Grade{Name: "高阶", Min: d.Rule.High})
	}
	if d.Rule.Basic > 0 {
		in.Grades = append(in.Grades, estimate.Grade{Name: "基础", Min: d.Rule.Basic})
	}
	for _, q := range d.Questions() {
		if q.Points > 0 && len(q.Correct) > 0 {
			in.Questions = append(in.Questions, estimate.Question{ID: q.ID, Dimension: q.Dimension, Correct: q.Correct, Points: q.Points})
		}
	}
	return in
}

// score scores answers on d's scored questions under its rule.
func score(d Definition, a Answers) Scored {
	if d.Rule == nil {
		return Scored{}
	}
	r := instrument(d).Score(a)
	return Scored{Total: r.Total, Literate: r.Literate, Grade: r.Grade}
}

// Rate is an estimated proportion with its 95% confidence interval.
type Rate struct {
	N      int
	P, SE  float64
	Lo, Hi float64
	Deff   float64
}

func rateOf(e estimate.Estimate) Rate {
	return Rate{N: e.N, P: e.Point, SE: e.SE, Lo: e.CI95[0], Hi: e.CI95[1], Deff: e.Deff}
}

// rateOfCounts is the rate of k in n unweighted (the aggregates' case):
// the simple-random-sample standard error, as estimate gives for equal
// weights.
func rateOfCounts(n, k int64) Rate {
	r := Rate{N: int(n)}
	if n == 0 {
		return r
	}
	r.P = float64(k) / float64(n)
	if n > 1 {
		r.SE = math.Sqrt(r.P * (1 - r.P) / float64(n-1))
	}
	r.Lo, r.Hi = math.Max(0, r.P-1.96*r.SE), math.Min(1, r.P+1.96*r.SE)
	return r
}

// ErrNoWeights says weighted figures need population margins.
var ErrNoWeights = &Refusal{"survey.err.no_margins"}

// ErrNoConverge says the raking did not converge.
var ErrNoConverge = &Refusal{"survey.err.no_converge"}

// rake computes each row's weight from the survey's margins (variables
// are demographic roles or question IDs; a row's category is its answer).
func rake(d Definition, rows []Answers, m []Margin) ([]float64, RakeInfo, [][]string, error) {
	if len(m) == 0 {
		return nil, RakeInfo{}, nil, ErrNoWeights
	}
	margins := estimate.Margins{}
	for _, x := range m {
		if margins[x.Variable] == nil {
			margins[x.Variable] = map[string]float64{}
		}
		margins[x.Variable][x.Category] = x.Share
	}
	cats := map[string][]string{}
	for v := range margins {
		q, ok := d.ByRole(v)
		if !ok {
			q, _ = d.Question(v)
		}
		col := make([]string, len(rows))
		for i, a := range rows {
			if x := a[q.ID]; len(x) > 0 {
				col[i] = x[0]
			}
		}
		cats[v] = col
	}
	base := make([]float64, len(rows))
	for i := range base {
		base[i] = 1
	}
	w, rep, err := estimate.Rake(base, cats, margins, estimate.RakeOptions{})
	if err != nil {
		return nil, RakeInfo{}, nil, err
	}
	if !rep.Converged {
		return nil, RakeInfo{}, nil, ErrNoConverge
	}
	return w, RakeInfo{Iterations: rep.Iterations, Converged: rep.Converged, Min: rep.Min, Max: rep.Max, Deff: rep.Kish}, rep.Cells, nil
}

// LiteracyRates estimates the literacy rate of the data's rows overall and
// by each demographic role's category, weighted when the data are, with
// Taylor-linearised standard errors (the raking accounted for).
func LiteracyRates(d Data) (Rate, map[string]map[string]Rate, error) {
	by := map[string]map[string]Rate{}
	if !d.Def.Scored() || len(d.Rows) == 0 {
		return Rate{}, by, nil
	}
	y := make([]bool, len(d.Rows))
	in := instrument(d.Def)
	for i, a := range d.Rows {
		y[i] = in.Score(a).Literate
	}
	design := estimate.Design{Weights: d.Weights, Raked: d.rakedCells}
	all, err := estimate.Proportion(y, design)
	if err != nil {
		return Rate{}, by, err
	}
	for _, role := range Roles {
		q, ok := d.Def.ByRole(role)
		if !ok {
			continue
		}
		dom := make([]string, len(d.Rows))
		for i, a := range d.Rows {
			if x := a[q.ID]; len(x) > 0 {
				dom[i] = x[0]
			}
		}
		es, err := estimate.ByDomain(y, dom, design)
		if err != nil {
			return Rate{}, by, err
		}
		by[role] = map[string]Rate{}
		for c, e := range es {
			by[role][c] = rateOf(e)
		}
	}
	return rateOf(all), by, nil
}

// PS is the rate in percent as shown.
func (r Rate) PS() string { return Pct(100 * r.P) }

// LoS is the lower end of the 95% interval in percent as shown.
func (r Rate) LoS() string { return Pct(100 * r.Lo) }

// HiS is the upper end of the 95% interval in percent.
func (r Rate) HiS() string { return Pct(100 * r.Hi) }

// HalfS is the 95% interval's half-width in percentage points.
func (r Rate) HalfS() string { return Pct(100 * 1.96 * r.SE) }
