//go:build train

package plan

import (
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Tools of D124 (-tags train, development data only): each batch left out
// in turn, a model fitted on the others, and the rules' readings of the
// batch left out counted as the model would treat them — the asserted it
// demotes (under DemoteScore), right and wrong, and the proposed it
// promotes (SureScore or more, reporting nothing), right and wrong.

// learnTally counts what one opinion does to the readings of batches it
// did not learn from.
type learnTally struct{ rightDemoted, wrongDemoted, rightPromoted, wrongPromoted int }

func (t *learnTally) add(q *learnQuantity, target bool, demote, promote bool) {
	switch {
	case q.Decision == decAsserted && demote && target:
		t.rightDemoted++
	case q.Decision == decAsserted && demote:
		t.wrongDemoted++
	case q.Decision == decProposed && promote && !q.reported && target:
		t.rightPromoted++
	case q.Decision == decProposed && promote && !q.reported:
		t.wrongPromoted++
	}
}

func (t learnTally) String() string {
	return strconv.Itoa(t.rightDemoted) + " / " + strconv.Itoa(t.wrongDemoted) + " / " + strconv.Itoa(t.rightPromoted) + " / " + strconv.Itoa(t.wrongPromoted)
}

// learnBatches are the batches of docs, sorted.
func learnBatches(docs []learnData) []string {
	seen := map[string]bool{}
	var names []string
	for _, d := range docs {
		if !seen[d.batch] {
			seen[d.batch] = true
			names = append(names, d.batch)
		}
	}
	sort.Strings(names)
	return names
}

// TestLearnWidth: D96's features in tables of 2^16 … 2^22 weights
// (KEXIE_WIDTHS), each batch left out in turn.
func TestLearnWidth(t *testing.T) {
	learnSettings()
	docs := learnCorpora(t)
	widths := "16,18,20,22"
	if s := os.Getenv("KEXIE_WIDTHS"); s != "" {
		widths = s
	}
	t.Log("right demoted / wrong demoted / right promoted / wrong promoted, and the share of weights not zero")
	for _, ws := range strings.Split(widths, ",") {
		o := defaultFit
		o.bits, _ = strconv.Atoi(ws)
		var all learnTally
		used := 0
		for _, b := range learnBatches(docs) {
			w := fitLogistic(examplesOf(docs, func(d learnData) bool { return d.batch == b }), o)
			for _, x := range w {
				if x != 0 {
					used++
				}
			}
			for _, d := range docs {
				if d.batch != b {
					continue
				}
				for i := range d.qs {
					p := predict(w, d.qs[i].Feats)
					all.add(&d.qs[i], d.pos[i], p < DemoteScore, p >= SureScore)
				}
			}
		}
		t.Logf("2^%d: %s, %d %% of weights", o.bits, all, 100*used/(len(learnBatches(docs))<<o.bits))
	}
}

// TestLearnHybrid: D96's features (S) and those without the document's
// words (C, learnDocWords), each batch left out in turn; H demotes what
// both doubt and promotes what both are sure of (learnCombine).
func TestLearnHybrid(t *testing.T) {
	learnSettings()
	learnTrain = learnSet{}
	ds := learnCorpora(t)
	learnTrain = learnSet{off: groups(learnDocWords)}
	dc := learnCorpora(t)
	var S, C, H learnTally
	for _, b := range learnBatches(ds) {
		ws := fitLogistic(examplesOf(ds, func(d learnData) bool { return d.batch == b }), defaultFit)
		wc := fitLogistic(examplesOf(dc, func(d learnData) bool { return d.batch == b }), defaultFit)
		for k, d := range ds {
			if d.batch != b {
				continue
			}
			for i := range d.qs {
				q := &d.qs[i]
				ps, pc := predict(ws, q.Feats), predict(wc, dc[k].qs[i].Feats)
				ph := learnCombine(q.Decision == decProposed, ps, pc)
				S.add(q, d.pos[i], ps < DemoteScore, ps >= SureScore)
				C.add(q, d.pos[i], pc < DemoteScore, pc >= SureScore)
				H.add(q, d.pos[i], ph < DemoteScore, ph >= SureScore)
			}
		}
	}
	t.Logf("right demoted / wrong demoted / right promoted / wrong promoted: S %s; C %s; H %s", S, C, H)
}
