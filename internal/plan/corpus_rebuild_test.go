//go:build rebuild

package plan

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestRebuildCorpora writes the documents testdata/corpus labels beside the
// project again, from clones of the public repositories sources.tsv names:
//
//	git clone --mirror https://github.com/<owner>/<name> $KEXIE_MIRRORS/<owner>+<name>/repo   (for each repository; a clone with a work tree, repo/.git, serves too)
//	KEXIE_MIRRORS=… KEXIE_REBUILD_OUT=/work/corpora go test -tags rebuild ./internal/plan -run TestRebuildCorpora -v
//
// Each document is checked against its label's sha256 before it is written
// (<out>/extra/<file>, <out>/heldoutN/<file>, <out>/plans-dev/<file>); one that differs fails the
// test and is not written. A repository that is not there is reported with
// the documents it holds, and the others are still written. The log ends
// with the KEXIE_EXTRA_CORPUS and KEXIE_HELDOUTn lines to score them (with
// KEXIE_CORPUS_PARTIAL=1 where documents are absent).
func TestRebuildCorpora(t *testing.T) {
	mirrors, out := os.Getenv("KEXIE_MIRRORS"), os.Getenv("KEXIE_REBUILD_OUT")
	if mirrors == "" || out == "" {
		t.Fatal("set KEXIE_MIRRORS (a folder of <owner>+<name>/repo git clones) and KEXIE_REBUILD_OUT")
	}
	written, want := map[string]int{}, map[string]int{}
	absent, differs := map[string]int{}, 0
	for _, r := range readCorpusSources(t) {
		want[r.Set]++
		if r.Method == corpusExcerpt {
			absent["excerpts of web pages (no clone holds them)"]++
			continue
		}
		gitDir := filepath.Join(mirrors, strings.Replace(r.Repo, "/", "+", 1), "repo")
		if _, err := os.Stat(gitDir); err != nil {
			absent[r.Repo]++
			continue
		}
		if _, err := os.Stat(filepath.Join(gitDir, ".git")); err == nil {
			gitDir = filepath.Join(gitDir, ".git") // a clone with a work tree, not a bare one
		}
		src, err := exec.Command("git", "--git-dir="+gitDir, "show", r.Commit+":"+r.Path).Output()
		if err != nil {
			t.Errorf("%s/%s: git show %s:%s in %s: %v", r.Set, r.File, r.Commit[:12], r.Path, r.Repo, err)
			continue
		}
		doc, err := corpusTransforms[r.Method](src, r.Arg)
		if err != nil {
			t.Errorf("%s/%s: %s: %v", r.Set, r.File, r.Method, err)
			continue
		}
		if !sameDoc(doc, r.SHA256) && strings.HasPrefix(r.Arg, "index") {
			// A copy read through a search index that showed every
			// space alike was written with U+0020 (its README says so).
			doc = []byte(strings.NewReplacer("\u00a0", " ", "\u3000", " ").Replace(string(doc)))
		}
		if !sameDoc(doc, r.SHA256) {
			if strings.HasPrefix(r.Arg, "index") {
				t.Logf("%s/%s: differs from the copy once read through a search index (%s); not written", r.Set, r.File, r.Arg)
				differs++
				continue
			}
			t.Errorf("%s/%s: rebuilt from %s but its sha256 is not the label's", r.Set, r.File, r.Repo)
			continue
		}
		dir := filepath.Join(out, outDir(r.Set))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, r.File), doc, 0o644); err != nil {
			t.Fatal(err)
		}
		written[r.Set]++
	}
	repos := make([]string, 0, len(absent))
	for r := range absent {
		repos = append(repos, r)
	}
	sort.Strings(repos)
	for _, r := range repos {
		t.Logf("not here: %s, holding %d of the documents", r, absent[r])
	}
	if differs > 0 {
		t.Logf("%d documents differ from the index copies that were labelled", differs)
	}
	sets := make([]string, 0, len(want))
	for s := range want {
		sets = append(sets, s)
	}
	sort.Strings(sets)
	for _, s := range sets {
		env := "KEXIE_" + strings.ToUpper(s)
		switch s {
		case "extra":
			env = "KEXIE_EXTRA_CORPUS"
		case "tune", "heldout":
			env = "KEXIE_CORPUS"
		}
		t.Logf("%-10s %3d of %3d written   %s=%s", s, written[s], want[s], env, filepath.Join(out, outDir(s)))
	}
}

// outDir is the folder a set's documents are written to: the development
// corpus's two halves share one, as in ../shared/plans-dev.
func outDir(set string) string {
	if set == "tune" || set == "heldout" {
		return "plans-dev"
	}
	return set
}
