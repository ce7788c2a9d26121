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
			doc, err := Ingest(strings.NewReader(text))
			if err != nil && err != ErrNoStructure {
				t.Fatal(err)
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
