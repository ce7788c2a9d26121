package survey

import (
	"math"
	"sort"
)

// The seam to internal/survey/estimate: the scoring of an instrument and
// the estimate of a proportion go through these two functions only, so the
// maths lives in one package and this one never grows a copy of it.
// (Until estimate lands they hold a minimal stand-in: simple scoring and
// the simple-random-sample standard error.)

// Scored is one respondent's result on a scored instrument.
type Scored struct {
	Total    float64
	Literate bool
	Grade    string // 高阶, 基础 or ""
}

// score scores answers on d's scored questions under its rule.
func score(d Definition, a Answers) Scored {
	if d.Rule == nil {
		return Scored{}
	}
	total := 0.0
	dims := map[string]float64{}
	for _, q := range d.Questions() {
		if q.Points <= 0 || len(q.Correct) == 0 {
			continue
		}
		if sameSet(a[q.ID], q.Correct) {
			total += q.Points
			dims[q.Dimension] += q.Points
		}
	}
	r := Scored{Total: total}
	if d.Rule.Kind == "dimensions" {
		r.Literate = len(d.Rule.Thresholds) > 0
		for dim, min := range d.Rule.Thresholds {
			if dims[dim] < min {
				r.Literate = false
			}
		}
	} else {
		r.Literate = total >= d.Rule.Threshold
	}
	switch {
	case d.Rule.High > 0 && total >= d.Rule.High:
		r.Grade = "高阶"
	case d.Rule.Basic > 0 && total >= d.Rule.Basic:
		r.Grade = "基础"
	}
	return r
}

func sameSet(a, b []string) bool {
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	x, y = dedup(x), dedup(y)
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

func dedup(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// Rate is an estimated proportion with its 95% confidence interval.
type Rate struct {
	N        int
	Weighted float64 // sum of weights
	P, SE    float64
	Lo, Hi   float64
}

// proportion estimates the share of y that is true with weights w (nil:
// every row weighs 1).
func proportion(y []bool, w []float64) Rate {
	var sw, sy float64
	for i, v := range y {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		sw += wi
		if v {
			sy += wi
		}
	}
	return rateFrom(len(y), sw, sy, w, y)
}

// rateOfCounts is the rate of k in n unweighted (the aggregates' case).
func rateOfCounts(n, k int64) Rate {
	r := Rate{N: int(n), Weighted: float64(n)}
	if n == 0 {
		return r
	}
	r.P = float64(k) / float64(n)
	if n > 1 {
		r.SE = math.Sqrt(r.P * (1 - r.P) / float64(n-1))
	}
	return bounds(r)
}

func rateFrom(n int, sw, sy float64, w []float64, y []bool) Rate {
	r := Rate{N: n, Weighted: sw}
	if n == 0 || sw == 0 {
		return r
	}
	r.P = sy / sw
	// Linearised variance of a ratio estimator, one unit per row.
	var v float64
	for i := range y {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		yi := 0.0
		if y[i] {
			yi = 1
		}
		z := wi * (yi - r.P) / sw
		v += z * z
	}
	if n > 1 {
		v *= float64(n) / float64(n-1)
	}
	r.SE = math.Sqrt(v)
	return bounds(r)
}

func bounds(r Rate) Rate {
	r.Lo, r.Hi = math.Max(0, r.P-1.96*r.SE), math.Min(1, r.P+1.96*r.SE)
	return r
}

// ErrNoWeights says weighted figures need population margins (or the
// raking did not converge); the message key is shown on the page.
var ErrNoWeights = &Refusal{"survey.err.no_margins"}

// rake computes each row's weight from the survey's margins (variables are
// demographic roles or question IDs). Stand-in until estimate.Rake lands.
func rake(d Definition, rows []Answers, m []Margin) ([]float64, RakeInfo, error) {
	if len(m) == 0 {
		return nil, RakeInfo{}, ErrNoWeights
	}
	return nil, RakeInfo{}, ErrNoWeights
}

// PS is the rate in percent as shown.
func (r Rate) PS() string { return Pct(100 * r.P) }

// LoS and HiS are the 95% interval's ends in percent as shown.
func (r Rate) LoS() string { return Pct(100 * r.Lo) }

// HiS is the upper end of the 95% interval in percent.
func (r Rate) HiS() string { return Pct(100 * r.Hi) }

// HalfS is the 95% interval's half-width in percentage points.
func (r Rate) HalfS() string { return Pct(100 * 1.96 * r.SE) }
