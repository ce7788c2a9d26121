//go:build train

package plan

import (
	"math"
	"strconv"
)

// The ways of combining the model's score with the rules' decision that
// the simulations try (indicator_learn_sim_test.go), and how they are judged.

// combo is a way to combine: thresholds on the model's score by the
// rules' decision (lo demotes what they assert, hiP and hiD assert what
// they propose or drop), or a log-odds sum (beta weighs the rules' unseen
// rate of their decision; the sum must pass tau).
type combo struct {
	logodds      bool
	alone        float64 // the model alone asserts what scores at least this (a table's cells stay the rules')
	lo, hiP, hiD float64
	beta, tau    float64
	guard        bool // promote nothing the line's context or the sentence's words place in the past
	strong       bool // demote nothing of strong shape (strongShape)
}

func (c combo) String() string {
	if c.alone > 0 {
		return "model alone ≥" + ftoa(c.alone)
	}
	if c.logodds {
		return "log-odds β=" + ftoa(c.beta) + " τ=" + ftoa(c.tau)
	}
	g := ""
	if c.guard {
		g = " (not in the past)"
	}
	if c.strong {
		g += " (no strong shape demoted)"
	}
	return "thresholds demote<" + ftoa(c.lo) + " promote proposed≥" + ftoa(c.hiP) + " dropped≥" + ftoa(c.hiD) + g
}

// guardFlags are the context flags that keep a quantity from promotion
// (as the program's learnQuantity.reported).
var guardFlags = []string{"pastsection", "pastword", "pastyear", "report"}

// guardByFlags makes the guard read the flags of guardFlags (an ablation)
// instead of what the program reads (learnQuantity.reported, clausePast).
var guardByFlags bool

// isPast is whether the guard keeps it from promotion.
func (it simItem) isPast() bool {
	if guardByFlags {
		return pastContext(it.f)
	}
	return it.past
}

// pastContext reports whether features f place the quantity in the past:
// a section about the past, a word or a year of the past in its sentence,
// a report of what was done.
func pastContext(f []uint32) bool {
	for _, n := range guardFlags {
		s := feat("f").str(n).slot()
		for _, x := range f {
			if x == s {
				return true
			}
		}
	}
	return false
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', 3, 64) }

// asserts reports whether c asserts item it, given the rules' unseen rate
// of each decision.
func (c combo) asserts(it simItem, rate map[string]float64) bool {
	if math.IsNaN(it.p) {
		return it.dec == decAsserted
	}
	if c.alone > 0 {
		return it.p >= c.alone
	}
	if c.logodds {
		return logit(it.p)+c.beta*logit(rate[it.dec]) > c.tau
	}
	switch it.dec {
	case decAsserted:
		return it.p >= c.lo || c.strong && it.strong
	case decProposed:
		return it.p >= c.hiP && !(c.guard && it.isPast())
	}
	return it.p >= c.hiD && !(c.guard && it.isPast())
}

func logit(p float64) float64 {
	p = math.Max(1e-4, math.Min(1-1e-4, p))
	return math.Log(p / (1 - p))
}

// evalCombo is matched, found and labelled over docs.
func evalCombo(c combo, docs []simDoc, rate map[string]float64) (m, f, l int) {
	for _, d := range docs {
		var asserted []Indicator
		for _, it := range d.items {
			if c.asserts(it, rate) {
				asserted = append(asserted, it.ind)
			}
		}
		mm, ff := scoreAsserted(asserted, d.labels)
		m, f, l = m+mm, f+ff, l+len(d.labels)
	}
	return
}

func f1(m, f, l int) float64 { return 2 * float64(m) / float64(f+l) }

// combos is the grid tried.
func combos() []combo {
	var cs []combo
	for _, lo := range []float64{0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3} {
		for _, hiP := range []float64{0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 2} {
			for _, hiD := range []float64{0.8, 0.9, 0.95, 0.98, 2} {
				cs = append(cs, combo{lo: lo, hiP: hiP, hiD: hiD}, combo{lo: lo, hiP: hiP, hiD: hiD, guard: true})
			}
		}
	}
	for _, beta := range []float64{0.25, 0.5, 1, 1.5, 2, 3} {
		for tau := -3.0; tau <= 3; tau += 0.5 {
			cs = append(cs, combo{logodds: true, beta: beta, tau: tau})
		}
	}
	return cs
}

// auc is the chance that a target the rules decided dec of scores above a
// quantity they decided the same of that is none, with the counts.
func auc(docs []simDoc, dec string) string {
	var pos, neg []float64
	for _, d := range docs {
		for _, it := range d.items {
			if it.dec != dec || math.IsNaN(it.p) {
				continue
			}
			if it.pos {
				pos = append(pos, it.p)
			} else {
				neg = append(neg, it.p)
			}
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return "—"
	}
	win := 0.0
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				win++
			case p == n:
				win += 0.5
			}
		}
	}
	return strconv.FormatFloat(win/float64(len(pos)*len(neg)), 'f', 3, 64) + " (" + strconv.Itoa(len(pos)) + " targets, " + strconv.Itoa(len(neg)) + " not)"
}
