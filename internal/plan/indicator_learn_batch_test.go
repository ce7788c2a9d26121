//go:build train

package plan

import (
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestLearnBatches measures how the learned model carries to kinds of
// document it has not seen: leave one batch out (a batch is a kind of
// document; leaving one document out flatters). For each batch it fits the
// model on the other batches and reports, on the batch:
//   - the model alone: AUC and log-loss over every quantity of a sentence;
//   - as shipped (demote below DemoteScore, promote a proposal not of the
//     past from SureScore) against the rules alone, on today's rules' output
//     (fitted on every batch, so the rules' side is in-sample) and, where
//     KEXIE_LEARN_SIM names a dump of the rules before they were tuned on
//     the batch, on that output (the rules' side unseen too);
//   - the same with the shipped model file, which saw every batch but those
//     it was trained without (KEXIE_LEARN_FRESH names them: a fresh test).
//
// A tool, built only with -tags train, reading development data only:
//
//	KEXIE_CORPUS=/work/shared/plans-dev KEXIE_EXTRA_CORPUS=/work/extra-corpus \
//	KEXIE_LEARN_SIM=extra13-20=/tmp/learnsim/dump-839ca5c,… \
//	go test -tags train ./internal/plan -run TestLearnBatches -v
func TestLearnBatches(t *testing.T) {
	docs := trainerDocs(t)
	var docs2 []learnData // KEXIE_LEARN_ENSEMBLE: a second model, on the groups it leaves out, averaged in log-odds
	if v, ok := os.LookupEnv("KEXIE_LEARN_ENSEMBLE"); ok {
		first := learnTrain
		learnTrain = learnSet{off: groups(v)}
		docs2 = append(learnDocs(t, os.Getenv("KEXIE_CORPUS"), "tune"), learnDocs(t, os.Getenv("KEXIE_EXTRA_CORPUS"), "extra")...)
		learnTrain = first
	}
	dumps := map[string]string{}
	if sim := os.Getenv("KEXIE_LEARN_SIM"); sim != "" {
		for _, pair := range strings.Split(sim, ",") {
			b, dir, _ := strings.Cut(pair, "=")
			dumps[b] = dir
		}
	}
	var names []string
	seen := map[string]bool{}
	for _, d := range docs {
		if !seen[d.batch] {
			seen[d.batch] = true
			names = append(names, d.batch)
		}
	}
	sort.Strings(names)
	shipped := learned()[0].w
	if len(learned()) > 1 || learned()[0].set.String() != learnTrain.String() { // the shipped model reads other features
		t.Logf("the shipped model's features (%s) are not these (%s): its lines are left out", learned()[0].set, learnTrain)
		shipped = nil
	}
	fixed := []struct {
		name string
		c    combo
	}{{"rules alone", combo{hiP: 2, hiD: 2}}, {"as shipped", combo{lo: DemoteScore, hiP: SureScore, hiD: 2, guard: true}},
		// learn5's candidates guarding D97's demotion (docs/benchmarks.md, "When the learned second opinion may demote"),
		// (b) taken by learn5, then not by a fresh held-out set (prereg14, D117)
		{"(b) <0.1", combo{lo: 0.1, hiP: SureScore, hiD: 2, guard: true}},
		{"(c) strong kept", combo{lo: 0.2, hiP: SureScore, hiD: 2, guard: true, strong: true}},
		{"(d) <0.1, strong kept", combo{lo: 0.1, hiP: SureScore, hiD: 2, guard: true, strong: true}}}
	if v := os.Getenv("KEXIE_LEARN_LO"); v != "" { // another demotion line
		fixed[1].c.lo, _ = strconv.ParseFloat(v, 64)
	}
	if v := os.Getenv("KEXIE_LEARN_HI"); v != "" { // another promotion line
		fixed[1].c.hiP, _ = strconv.ParseFloat(v, 64)
	}
	var sum batchSums
	for _, b := range names {
		w := fitLogistic(examplesOf(docs, func(d learnData) bool { return d.batch == b || learnLeave[d.batch] }), defaultFit)
		var w2 []float32
		if docs2 != nil {
			w2 = fitLogistic(examplesOf(docs2, func(d learnData) bool { return d.batch == b || learnLeave[d.batch] }), defaultFit)
		}
		var today, todayShipped, old, oldShipped []simDoc
		var ps []float64
		var ys []bool
		nl := 0
		for k, d := range docs {
			if d.batch != b {
				continue
			}
			nl += len(d.labels)
			dp := make([]float64, len(d.qs))
			for i, q := range d.qs {
				dp[i] = predict(w, q.Feats)
				if w2 != nil {
					dp[i] = sigmoid((logit(dp[i]) + logit(predict(w2, docs2[k].qs[i].Feats))) / 2)
				}
				ps, ys = append(ps, dp[i]), append(ys, d.pos[i])
			}
			today = append(today, simDocOfP(d.rules, d, dp))
			if shipped != nil {
				todayShipped = append(todayShipped, simDocOf(d.rules, d, shipped))
			}
			if dir := dumps[b]; dir != "" {
				o := readSimDump(t, dir, d.file)
				old = append(old, simDocOfP(o, d, dp))
				if shipped != nil {
					oldShipped = append(oldShipped, simDocOf(o, d, shipped))
				}
			}
		}
		var cells [2][2]int // today's, then the earlier rules: a table's targets, of them labelled
		for k, run := range [][]simDoc{today, old} {
			for _, d := range run {
				for _, it := range d.items {
					if math.IsNaN(it.p) && it.dec == decAsserted {
						cells[k][0]++
						if it.pos {
							cells[k][1]++
						}
					}
				}
			}
		}
		a, ll := aucOf(ps, ys), logLoss(ps, ys)
		t.Logf("%-11s a table's targets (no score): today's rules %d, %d of them labelled; the earlier rules %d, %d labelled", b, cells[0][0], cells[0][1], cells[1][0], cells[1][1])
		t.Logf("%-11s %2d documents, %4d labelled, %4d quantities: model without the batch AUC %.3f, log-loss %.3f", b, len(today), nl, len(ps), a, ll)
		sum.add(b, a, ll)
		for _, run := range []struct {
			name  string
			items []simDoc
		}{{"today's rules, model without the batch", today}, {"today's rules, shipped model", todayShipped},
			{"rules before the batch, model without it", old}, {"rules before the batch, shipped model", oldShipped}} {
			if len(run.items) == 0 {
				continue
			}
			line := ""
			f := make([]float64, len(fixed))
			for k, s := range fixed {
				m, n, l := evalCombo(s.c, run.items, nil)
				line += "  " + s.name + " " + fmtPR(m, n, l)
				f[k] = f1(m, n, l)
				if run.name == "today's rules, model without the batch" || run.name == "rules before the batch, model without it" {
					sum.combo(run.name+" · "+s.name, b, m, n, l)
				}
			}
			t.Logf("    %-42s%s  ΔF1 %+.1f", run.name, line, 100*(f[1]-f[0]))
			if v := os.Getenv("KEXIE_LEARN_MOVED"); v != "" { // what the shipped setting moves, and whether it was right
				from, to := 0, 1 // KEXIE_LEARN_MOVED=k: what the k-th setting (from 0) moves against the shipped one
				if k, err := strconv.Atoi(v); err == nil && k > 1 && k < len(fixed) {
					from, to = 1, k
				}
				for _, d := range run.items {
					for _, it := range d.items {
						if was, is := fixed[from].c.asserts(it, nil), fixed[to].c.asserts(it, nil); was != is {
							t.Logf("      %v→%v %.2f target=%v %s", was, is, it.p, it.pos, it.ind.Text)
						}
					}
				}
			}
		}
	}
	sum.log(t)
}

// trainerDocs reads the development documents the trainer learns from
// (KEXIE_CORPUS's tune half and KEXIE_EXTRA_CORPUS).
func trainerDocs(t *testing.T) []learnData {
	dev, extra := os.Getenv("KEXIE_CORPUS"), os.Getenv("KEXIE_EXTRA_CORPUS")
	if dev == "" || extra == "" {
		t.Fatal("KEXIE_CORPUS and KEXIE_EXTRA_CORPUS name the corpora")
	}
	learnSettings()
	return append(learnDocs(t, dev, "tune"), learnDocs(t, extra, "extra")...)
}

// batchSums gathers the per-batch figures of one run of TestLearnBatches,
// for comparing settings batch by batch.
type batchSums struct {
	lines []string
	tot   map[string][3]int
}

func (s *batchSums) add(b string, auc, ll float64) {
	s.lines = append(s.lines, b+" auc "+ftoa(auc)+" ll "+ftoa(ll))
}

func (s *batchSums) combo(run, b string, m, n, l int) {
	if s.tot == nil {
		s.tot = map[string][3]int{}
	}
	x := s.tot[run]
	s.tot[run] = [3]int{x[0] + m, x[1] + n, x[2] + l}
	s.lines = append(s.lines, b+" "+run+" F1 "+ftoa(100*f1(m, n, l))+" P "+ftoa(100*frac(m, n))+" R "+ftoa(100*frac(m, l)))
}

func (s *batchSums) log(t *testing.T) {
	runs := make([]string, 0, len(s.tot))
	for run := range s.tot {
		runs = append(runs, run)
	}
	sort.Strings(runs)
	for _, run := range runs {
		x := s.tot[run]
		t.Logf("pooled, %-62s %s  F1 %.1f", run+":", fmtPR(x[0], x[1], x[2]), 100*f1(x[0], x[1], x[2]))
	}
	if out := os.Getenv("KEXIE_LEARN_SUMS"); out != "" { // for comparing runs
		if err := os.WriteFile(out, []byte(strings.Join(s.lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// aucOf is the chance a target scores above a quantity that is none.
func aucOf(ps []float64, ys []bool) float64 {
	type py struct {
		p float64
		y bool
	}
	xs := make([]py, len(ps))
	for i := range ps {
		xs[i] = py{ps[i], ys[i]}
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].p < xs[j].p })
	// rank sum of the targets, ties sharing their mean rank
	var rs float64
	np := 0
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j].p == xs[i].p {
			j++
		}
		mean := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if xs[k].y {
				rs += mean
				np++
			}
		}
		i = j
	}
	nn := len(xs) - np
	if np == 0 || nn == 0 {
		return math.NaN()
	}
	return (rs - float64(np)*float64(np+1)/2) / (float64(np) * float64(nn))
}

// logLoss is the mean negative log-likelihood of ys under ps.
func logLoss(ps []float64, ys []bool) float64 {
	s := 0.0
	for i, p := range ps {
		p = math.Max(1e-6, math.Min(1-1e-6, p))
		if ys[i] {
			s -= math.Log(p)
		} else {
			s -= math.Log(1 - p)
		}
	}
	return s / float64(max(1, len(ps)))
}
