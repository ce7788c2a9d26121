//go:build adjudicate

package plan

// The adjudication tools (adjudicate_test.go says what they are for). They
// read the held-out documents named by the environment TestCorpus reads,
// so they are built only on request:
//
//	KEXIE_ADJUDICATE=<dir> KEXIE_ADJUDICATE_KEY=<dir> KEXIE_CORPUS=… KEXIE_HELDOUT2=… \
//	    go test -tags adjudicate -run TestAdjudicationPool ./internal/plan
//	KEXIE_ADJUDICATED=<dir> KEXIE_ADJUDICATE_KEY=<dir> KEXIE_CORPUS=… KEXIE_HELDOUT2=… \
//	    go test -tags adjudicate -run TestAdjudicationApply ./internal/plan

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// splitDirs maps a split to the folder of its documents, from the
// environment TestCorpus reads.
func splitDirs() map[string]string {
	m := map[string]string{}
	if d := os.Getenv("KEXIE_CORPUS"); d != "" {
		m["heldout"] = d
	}
	for _, s := range []string{"heldout2", "heldout3", "heldout4", "heldout5"} {
		if d := os.Getenv("KEXIE_" + strings.ToUpper(s)); d != "" {
			m[s] = d
		}
	}
	return m
}

func TestAdjudicationPool(t *testing.T) {
	out, keyDir := os.Getenv("KEXIE_ADJUDICATE"), os.Getenv("KEXIE_ADJUDICATE_KEY")
	if out == "" || keyDir == "" {
		t.Fatal("KEXIE_ADJUDICATE and KEXIE_ADJUDICATE_KEY name where the pool and its key go")
	}
	for split, dir := range splitDirs() {
		var items []poolItem
		var keys []poolKey
		files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
		sort.Strings(files)
		for _, f := range files {
			ld := readLabels(t, f)
			src, err := os.ReadFile(filepath.Join(dir, ld.File))
			if err != nil {
				t.Fatal(err)
			}
			text := string(src)
			read, inPage, err := readAsProgram(ld.File, src) // a web page as the program reads one
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Ingest(strings.NewReader(read))
			if err != nil && err != ErrNoStructure {
				t.Fatal(err)
			}
			if inPage != nil {
				doc = pageDoc(doc, inPage)
			}
			its, ks := poolDoc(text, doc, ld)
			items, keys = append(items, its...), append(keys, ks...)
		}
		for i := range items {
			items[i].ID = fmt.Sprintf("%s-%03d", split, i+1)
			keys[i].ID = items[i].ID
		}
		writeJSONL(t, filepath.Join(out, split+".jsonl"), items)
		writeJSONL(t, filepath.Join(keyDir, split+".key.jsonl"), keys)
		t.Logf("%s: %d items", split, len(items))
	}
}

func TestAdjudicationApply(t *testing.T) {
	in, keyDir := os.Getenv("KEXIE_ADJUDICATED"), os.Getenv("KEXIE_ADJUDICATE_KEY")
	if in == "" || keyDir == "" {
		t.Fatal("KEXIE_ADJUDICATED and KEXIE_ADJUDICATE_KEY name the verdicts and the pool's key")
	}
	for split, dir := range splitDirs() {
		var keys []poolKey
		var verdicts []verdict
		if !readJSONL(t, filepath.Join(keyDir, split+".key.jsonl"), &keys) || !readJSONL(t, filepath.Join(in, split+".jsonl"), &verdicts) {
			continue
		}
		byID := map[string]verdict{}
		for _, v := range verdicts {
			byID[v.ID] = v
		}
		byFile := map[string][]poolKey{}
		for _, k := range keys {
			if _, ok := byID[k.ID]; !ok {
				t.Fatalf("%s: no verdict for %s", split, k.ID)
			}
			byFile[k.File] = append(byFile[k.File], k)
		}
		files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
		for _, f := range files {
			ld := readLabels(t, f)
			if len(byFile[ld.File]) == 0 {
				continue
			}
			src, err := os.ReadFile(filepath.Join(dir, ld.File))
			if err != nil {
				t.Fatal(err)
			}
			applyVerdicts(t, &ld, []rune(string(src)), byFile[ld.File], byID)
			writeLabels(t, f, ld)
		}
	}
}

// TestLabelAgreement compares a second, independent labelling of held-out
// documents (KEXIE_SECOND_LABELS=<dir>, files <dir>/<split>/NN.json in the
// corpus format) with the project's labels, both as first written and as
// adjudicated: how often two labellers following the same rules agree is
// the ceiling any extractor is measured under.
//
//	KEXIE_SECOND_LABELS=<dir> go test -tags adjudicate -run TestLabelAgreement -v ./internal/plan
func TestLabelAgreement(t *testing.T) {
	dir := os.Getenv("KEXIE_SECOND_LABELS")
	if dir == "" {
		t.Fatal("KEXIE_SECOND_LABELS names the folder of the second labelling")
	}
	agree := func(gold, second []label) (matched int) {
		used := make([]bool, len(second))
		for _, g := range gold {
			for i, s := range second {
				if !used[i] && s.Start < g.End && s.End > g.Start && sameReading(g, s) {
					used[i] = true
					matched++
					break
				}
			}
		}
		return matched
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	sort.Strings(files)
	var n2, n1, m1, na, ma int
	for _, f := range files {
		second := readLabels(t, f)
		first := readLabels(t, filepath.Join("testdata", "corpus", filepath.Base(filepath.Dir(f)), filepath.Base(f)))
		if first.SHA256 != second.SHA256 {
			t.Fatalf("%s labels another file than the project's labels do", f)
		}
		a, b := agree(first.firstLabelled(), second.Targets), agree(first.Targets, second.Targets)
		t.Logf("%-60s second %3d, first %3d (agree %3d), adjudicated %3d (agree %3d)", f, len(second.Targets),
			len(first.firstLabelled()), a, len(first.Targets), b)
		n2, n1, m1, na, ma = n2+len(second.Targets), n1+len(first.firstLabelled()), m1+a, na+len(first.Targets), ma+b
	}
	f1 := func(m, x, y int) float64 { return 200 * float64(m) / float64(x+y) }
	t.Logf("second labelling against the first: precision %.1f%% recall %.1f%% (F1 %.1f%%, %d/%d/%d)",
		100*frac(m1, n2), 100*frac(m1, n1), f1(m1, n1, n2), m1, n2, n1)
	t.Logf("second labelling against the adjudicated: precision %.1f%% recall %.1f%% (F1 %.1f%%, %d/%d/%d)",
		100*frac(ma, n2), 100*frac(ma, na), f1(ma, na, n2), ma, n2, na)
}
