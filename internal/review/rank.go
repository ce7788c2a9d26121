package review

import (
	"math"
	"sort"
)

// Score is one reviewer's total for one application.
type Score struct {
	App    int64
	Expert int64
	Value  float64
}

// Ranked is one application's aggregated score and rank.
type Ranked struct {
	App   int64
	Score float64
	Rank  int
	N     int
	Min   float64
}

// Outlier is a score far from the other reviewers' on the same application.
type Outlier struct {
	App    int64
	Expert int64
}

// OutlierMin is the least distance from the others' median that flags a
// score, whatever the spread (a rubric totals 0–100).
const OutlierMin = 15.0

// Rank aggregates scores per application by method (mean, trimmed: drop
// the highest and lowest when there are ≥ 5, median), optionally after
// normalising each reviewer's scores to z-scores (shown on the overall
// mean and spread, so the numbers stay readable), and ranks them.
// Ties are broken deterministically: more reviews first, then the higher
// lowest score, then the smaller application ID; every rank is distinct.
func Rank(scores []Score, method string, zscore bool) ([]Ranked, []Outlier) {
	vals := make([]float64, len(scores))
	for i, s := range scores {
		vals[i] = s.Value
	}
	if zscore {
		vals = normalize(scores)
	}
	byApp := map[int64][]int{}
	var apps []int64
	for i, s := range scores {
		if _, ok := byApp[s.App]; !ok {
			apps = append(apps, s.App)
		}
		byApp[s.App] = append(byApp[s.App], i)
	}
	out := make([]Ranked, 0, len(apps))
	var outliers []Outlier
	buf := make([]float64, 0, 16)
	for _, app := range apps {
		idx := byApp[app]
		buf = buf[:0]
		for _, i := range idx {
			buf = append(buf, vals[i])
		}
		sort.Float64s(buf)
		out = append(out, Ranked{App: app, Score: round(Aggregate(buf, method)), N: len(buf), Min: buf[0]})
		if len(idx) >= 3 {
			for _, i := range idx {
				if far(scores, idx, i) {
					outliers = append(outliers, Outlier{App: app, Expert: scores[i].Expert})
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.Score != y.Score {
			return x.Score > y.Score
		}
		if x.N != y.N {
			return x.N > y.N
		}
		if x.Min != y.Min {
			return x.Min > y.Min
		}
		return x.App < y.App
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	sort.Slice(outliers, func(a, b int) bool {
		if outliers[a].App != outliers[b].App {
			return outliers[a].App < outliers[b].App
		}
		return outliers[a].Expert < outliers[b].Expert
	})
	return out, outliers
}

// round keeps four decimals, so sums in a different order rank the same.
func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Aggregate combines sorted values by method.
func Aggregate(sorted []float64, method string) float64 {
	n := len(sorted)
	if n == 0 {
		return 0
	}
	switch method {
	case Trimmed:
		if n >= 5 {
			sorted = sorted[1 : n-1]
		}
	case Median:
		if n%2 == 1 {
			return sorted[n/2]
		}
		return (sorted[n/2-1] + sorted[n/2]) / 2
	}
	sum := 0.0
	for _, v := range sorted {
		sum += v
	}
	return sum / float64(len(sorted))
}

// far reports whether score i is far from the median of the others on its
// application: more than three scaled median absolute deviations and more
// than OutlierMin.
func far(scores []Score, idx []int, i int) bool {
	others := make([]float64, 0, len(idx)-1)
	for _, j := range idx {
		if j != i {
			others = append(others, scores[j].Value)
		}
	}
	sort.Float64s(others)
	med := Aggregate(others, Median)
	dev := make([]float64, len(others))
	for k, v := range others {
		dev[k] = math.Abs(v - med)
	}
	sort.Float64s(dev)
	mad := 1.4826 * Aggregate(dev, Median)
	d := math.Abs(scores[i].Value - med)
	return d > OutlierMin && d > 3*mad
}

// normalize turns each reviewer's scores into z-scores, shown on the
// overall mean and standard deviation. A reviewer whose scores are all
// equal gives the overall mean.
func normalize(scores []Score) []float64 {
	type acc struct{ n, sum, sq float64 }
	per := map[int64]*acc{}
	var all acc
	for _, s := range scores {
		a := per[s.Expert]
		if a == nil {
			a = &acc{}
			per[s.Expert] = a
		}
		a.n++
		a.sum += s.Value
		a.sq += s.Value * s.Value
		all.n++
		all.sum += s.Value
		all.sq += s.Value * s.Value
	}
	sd := func(a acc) (float64, float64) {
		m := a.sum / a.n
		v := a.sq/a.n - m*m
		if v < 1e-12 {
			return m, 0
		}
		return m, math.Sqrt(v)
	}
	gm, gs := sd(all)
	out := make([]float64, len(scores))
	for i, s := range scores {
		m, d := sd(*per[s.Expert])
		if d == 0 {
			out[i] = gm
			continue
		}
		out[i] = gm + gs*(s.Value-m)/d
	}
	return out
}
