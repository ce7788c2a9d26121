//go:build train

package plan

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestTrainLearnModel rebuilds the learned model from the development
// corpus: the tune half of KEXIE_CORPUS (never the held-out half) and the
// extra corpus of KEXIE_EXTRA_CORPUS. It reports the model's 5-fold
// cross-validated precision and recall (folds by document) and its
// calibration, the simulations of KEXIE_LEARN_SIM, and writes the model
// to KEXIE_LEARN_OUT (default model/quantity.lr). A tool, built only with
// -tags train:
//
//	KEXIE_CORPUS=/work/shared/plans-dev KEXIE_EXTRA_CORPUS=/work/extra-corpus \
//	go test -tags train ./internal/plan -run TestTrainLearnModel -v
//
// The shipped models are two (D143): this one, and the same trained with
// KEXIE_LEARN_OFF=t,cb,cf,b123,a123,docpos,b1u,U,slen into
// model/quantity_nodoc.lr (the second opinion without the document's words).
func TestTrainLearnModel(t *testing.T) {
	learnSettings()
	docs := learnCorpora(t)
	n, pos, labels := 0, 0, 0
	for _, d := range docs {
		n += len(d.qs)
		labels += len(d.labels)
		for _, y := range d.pos {
			if y {
				pos++
			}
		}
	}
	t.Logf("%d documents, %d quantities, %d of them targets, %d labelled targets; features %s", len(docs), n, pos, labels, learnTrain)
	if os.Getenv("KEXIE_LEARN_FLAGS") != "" {
		flagStats(t, docs)
	}
	crossValidate(t, docs)
	if sim := os.Getenv("KEXIE_LEARN_SIM"); sim != "" {
		simulate(t, docs, sim)
	}
	w := fitLogistic(examplesOf(docs, func(d learnData) bool { return learnLeave[d.batch] }), defaultFit)
	out := os.Getenv("KEXIE_LEARN_OUT")
	if out == "" {
		out = filepath.Join("model", "quantity.lr")
	}
	if err := os.WriteFile(out, writeLearnModel(w, learnTrain), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", out)
}

// learnCorpora records every quantity of the development documents (the
// tune half of KEXIE_CORPUS, KEXIE_EXTRA_CORPUS, and the held-out sets
// retired to development that KEXIE_LEARN_RETIRED names, D144, D155) with the
// trainer's feature set (learnTrain). With KEXIE_CORPUS_PARTIAL set, a
// document absent here (but tune's) is named and left out, as the scorer
// does (D182, D211).
func learnCorpora(t *testing.T) []learnData {
	dev, extra := os.Getenv("KEXIE_CORPUS"), os.Getenv("KEXIE_EXTRA_CORPUS")
	if dev == "" || extra == "" {
		t.Fatal("KEXIE_CORPUS and KEXIE_EXTRA_CORPUS name the corpora")
	}
	docs := append(learnDocs(t, dev, "tune"), learnDocs(t, extra, "extra")...)
	for _, split := range retiredSplits(t, os.Getenv("KEXIE_LEARN_RETIRED")) {
		dir := os.Getenv("KEXIE_" + strings.ToUpper(split))
		if dir == "" {
			t.Fatalf("KEXIE_LEARN_RETIRED names %s, but KEXIE_%s does not name its folder", split, strings.ToUpper(split))
		}
		for _, d := range learnDocs(t, dir, split) {
			if !labelledBefore(docs, d.sha) { // heldout2's 06, 08, 09 are extra 14, 13, 16
				docs = append(docs, d)
			}
		}
	}
	return docs
}

func labelledBefore(docs []learnData, sha string) bool {
	for _, d := range docs {
		if d.sha == sha {
			return true
		}
	}
	return false
}

// retiredSplits reads "2-21" or "2,3,5" as the splits heldout2 … heldout21;
// only the sets retired to development (D144, D155, D161, D168, D173, D177) may be named: a
// blind set never trains.
func retiredSplits(t *testing.T, spec string) []string {
	var out []string
	for _, part := range strings.Split(spec, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		lo, hi, isRange := strings.Cut(part, "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := a, error(nil)
		if isRange {
			b, err2 = strconv.Atoi(hi)
		}
		if err1 != nil || err2 != nil || a > b {
			t.Fatalf("KEXIE_LEARN_RETIRED: %q is not a set or a range of sets", part)
		}
		for n := a; n <= b; n++ {
			if !retired(n) {
				t.Fatalf("KEXIE_LEARN_RETIRED: heldout%d is blind (only 2–39 and 42–53 are retired: D144, D155, D161, D168, D173, D177, D195, D198, D201, D207, D210, D213, D219)", n)
			}
			out = append(out, "heldout"+strconv.Itoa(n))
		}
	}
	return out
}

// learnSettings reads the trainer's settings from the environment: feature
// groups left out or added, the learner's options, the guard's variants.
func learnSettings() {
	learnKept = os.Getenv("KEXIE_LEARN_KEPT") != ""
	learnTrain = learnSet{}
	if on, ok := os.LookupEnv("KEXIE_LEARN_ON"); ok { // shape groups added
		learnTrain.on = groups(on)
	}
	learnLeave = map[string]bool{}
	for _, b := range strings.Split(os.Getenv("KEXIE_LEARN_LEAVE"), ",") {
		learnLeave[b] = b != ""
	}
	if off, ok := os.LookupEnv("KEXIE_LEARN_OFF"); ok { // feature groups left out (empty: none, D96's)
		learnTrain.off = groups(off)
	}
	if v := os.Getenv("KEXIE_LEARN_LAMBDA"); v != "" {
		defaultFit.lambda, _ = strconv.ParseFloat(v, 64)
	}
	if v := os.Getenv("KEXIE_LEARN_GUARD"); v != "" {
		guardFlags, guardByFlags = strings.Split(v, ","), true
	}
	if v := os.Getenv("KEXIE_LEARN_POSW"); v != "" {
		defaultFit.posW, _ = strconv.ParseFloat(v, 64)
	}
	if v := os.Getenv("KEXIE_LEARN_CLAUSE"); v != "" { // lists of past words of the clause in the guard (0–2)
		learnClauseGuard, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("KEXIE_LEARN_SEED"); v != "" { // another order of the examples (robustness)
		defaultFit.seed, _ = strconv.ParseInt(v, 10, 64)
	}
	if v := os.Getenv("KEXIE_LEARN_SEEDS"); v != "" {
		defaultFit.seeds, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("KEXIE_LEARN_BITS"); v != "" { // the table's size, 2^bits weights (D124)
		defaultFit.bits, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("KEXIE_LEARN_EPOCHS"); v != "" {
		defaultFit.epochs, _ = strconv.Atoi(v)
	}
}

// learnTrain is the feature set the trainer records and writes: by
// default D96's features, the shipped model's; KEXIE_LEARN_OFF and
// KEXIE_LEARN_ON replace its groups (KEXIE_LEARN_OFF=t,cb,cf,b123,a123,
// docpos,b1u,U,slen is learnDocWords: learn3's C, docs/decisions.md).
var learnTrain learnSet

// learnKept makes the model learn only from what the rules read (asserted
// or proposed), the quantities it is asked about (KEXIE_LEARN_KEPT).
var learnKept bool

// learnLeave are the batches no model learns from (KEXIE_LEARN_LEAVE).
var learnLeave map[string]bool

// learnData is one labelled document as the learner sees it.
type learnData struct {
	file, batch string
	sha         string // the document's SHA-256: a document labelled twice trains once
	qs          []learnQuantity
	pos         []bool // which quantities are labelled targets
	labels      []label
	rules       *Doc // what the rules alone read (today's, fitted on it)
}

// learnDocs records every quantity of the documents of split.
func learnDocs(t *testing.T, dir, split string) []learnData {
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
	sort.Strings(files)
	var out []learnData
	for _, f := range files {
		ld := readLabels(t, f)
		src, err := os.ReadFile(filepath.Join(dir, ld.File))
		if err != nil && os.IsNotExist(err) && partialSplit(split) {
			// a machine that lacks some documents (D182) trains on those it holds
			t.Logf("%s/%-44s absent here, not trained on (KEXIE_CORPUS_PARTIAL)", split, ld.File)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if !sameDoc(src, ld.SHA256) {
			t.Fatalf("%s: not the document labelled", ld.File)
		}
		read, inPage, err := readAsProgram(ld.File, src) // a web page as the program reads one
		if err != nil {
			t.Fatal(err)
		}
		l := &learnDoc{record: true, set: learnTrain}
		doc, err := ingestText(read, l)
		if err != nil && err != ErrNoStructure {
			t.Fatal(err)
		}
		readings := make([]Indicator, len(l.qs))
		for i, q := range l.qs {
			readings[i] = q.Reading
			if inPage != nil {
				readings[i].Start, readings[i].End = placeInPage(inPage, q.Reading.Start, q.Reading.End)
			}
		}
		_, used := matchTargets(readings, ld.Targets)
		out = append(out, learnData{file: ld.File, batch: batchOf(split, ld.File), sha: ld.SHA256, qs: l.qs, pos: used, labels: ld.Targets, rules: doc})
	}
	return out
}

// batchOf names the batch a document came in (extra/README.md).
func batchOf(split, file string) string {
	if split != "extra" {
		return split
	}
	num, _, _ := strings.Cut(file, "_")
	n, _ := strconv.Atoi(num)
	for _, b := range []struct {
		last int
		name string
	}{{8, "extra01-08"}, {12, "extra09-12"}, {20, "extra13-20"}, {27, "extra21-27"}, {36, "extra28-36"}, {93, "extra37-93"}, {97, "extra94-97"}, {103, "extra98-103"}, {119, "extra104-119"}, {127, "extra120-127"}, {135, "extra128-135"}, {152, "extra140-152"}, {165, "extra160-165"}, {174, "extra170-174"}, {186, "extra175-186"}, {199, "extra190-199"}} {
		if n <= b.last {
			return b.name
		}
	}
	return "extra210-"
}

// examplesOf is the quantities of docs, but those for which skip is true.
func examplesOf(docs []learnData, skip func(learnData) bool) []example {
	var xs []example
	for _, d := range docs {
		if skip != nil && skip(d) {
			continue
		}
		for i, q := range d.qs {
			if learnKept && q.Decision != decAsserted && q.Decision != decProposed {
				continue // what a rule drops the model is never asked about
			}
			xs = append(xs, example{f: q.Feats, y: d.pos[i]})
		}
	}
	return xs
}

// crossValidate reports the model alone, 5 folds by document: precision
// and recall (of all labelled targets) when it asserts what scores at
// least a threshold, and its calibration.
func crossValidate(t *testing.T, docs []learnData) {
	fold := make([]int, len(docs))
	perm := rand.New(rand.NewSource(16)).Perm(len(docs))
	for i, p := range perm {
		fold[p] = i % 5
	}
	type scored struct {
		p float64
		y bool
	}
	var all []scored
	labels := 0
	var moved [4]int // promoted, of them targets; demoted, of them targets
	for k := 0; k < 5; k++ {
		idx := map[string]bool{}
		for i, d := range docs {
			if fold[i] == k {
				idx[d.file] = true
			}
		}
		w := fitLogistic(examplesOf(docs, func(d learnData) bool { return idx[d.file] }), defaultFit)
		for i, d := range docs {
			if fold[i] != k {
				continue
			}
			labels += len(d.labels)
			for j, q := range d.qs {
				p := predict(w, q.Feats)
				all = append(all, scored{p, d.pos[j]})
				// what today's rules decide, moved by a model that did not see the document
				switch {
				case q.Decision == decProposed && !proposedAfter(true, p, q.reported || q.clausePast):
					moved[0]++
					if os.Getenv("KEXIE_LEARN_MOVED") != "" {
						t.Logf("  promoted %.2f %s %s: %s", p, d.file, flagsOf(q.Feats), q.Reading.Text)
					}
					if d.pos[j] {
						moved[1]++
					}
				case q.Decision == decAsserted && proposedAfter(false, p, false):
					moved[2]++
					if d.pos[j] {
						moved[3]++
					}
				}
			}
		}
	}
	t.Logf("today's rules, moved by the model of the other folds: %d proposed asserted (%d of them targets), %d asserted proposed (%d of them targets)", moved[0], moved[1], moved[2], moved[3])
	t.Logf("model alone, 5-fold cross-validated by document (%d labelled targets):", labels)
	for _, th := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9} {
		tp, fp := 0, 0
		for _, s := range all {
			if s.p >= th {
				if s.y {
					tp++
				} else {
					fp++
				}
			}
		}
		t.Logf("  threshold %.1f: precision %5.1f%% (%d/%d), recall %5.1f%% (%d/%d)", th, 100*frac(tp, tp+fp), tp, tp+fp, 100*frac(tp, labels), tp, labels)
	}
	t.Logf("calibration (bin: quantities, mean score, rate of targets):")
	for b := 0; b < 10; b++ {
		lo, hi := float64(b)/10, float64(b+1)/10
		n, pos, sum := 0, 0, 0.0
		for _, s := range all {
			if s.p >= lo && (s.p < hi || b == 9) {
				n++
				sum += s.p
				if s.y {
					pos++
				}
			}
		}
		if n > 0 {
			t.Logf("  [%.1f, %.1f): %5d  %.3f  %.3f", lo, hi, n, sum/float64(n), frac(pos, n))
		}
	}
}

// simDump is the JSON the rules of an earlier commit wrote for a document.
type simDump struct {
	Doc *Doc `json:"doc"`
}

func readSimDump(t *testing.T, dir, file string) *Doc {
	data, err := os.ReadFile(filepath.Join(dir, file+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var d simDump
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if d.Doc == nil {
		return &Doc{}
	}
	return d.Doc
}

// scoreAsserted is the matched, found and labelled counts of asserted.
func scoreAsserted(asserted []Indicator, labels []label) (matched, found int) {
	matchOf, _ := matchTargets(asserted, labels)
	for _, m := range matchOf {
		if m >= 0 {
			matched++
		}
	}
	return matched, len(asserted)
}

// fmtPR formats precision and recall.
func fmtPR(m, f, l int) string {
	return fmt.Sprintf("%5.1f%% (%d/%d) · %5.1f%% (%d/%d)", 100*frac(m, f), m, f, 100*frac(m, l), m, l)
}
