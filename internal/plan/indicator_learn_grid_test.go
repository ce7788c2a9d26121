//go:build train

package plan

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestLearnGridWhy measures where the shipped model's demotions of the
// grid's targets (grid_test.go) come from: for every quantity, the part of
// its log-odds each group of features gives (the log-odds less those of
// the same reading with the group left out), averaged over the grid's
// targets the rules assert and the model demotes, over those it keeps, and
// over the development data's targets the rules assert (the model saw
// them: in-sample). Development data only (KEXIE_CORPUS's tune half and
// KEXIE_EXTRA_CORPUS); a tool, built with -tags train (learn5).
func TestLearnGridWhy(t *testing.T) {
	if len(learned()) != 1 {
		t.Fatal("not one model")
	}
	m := learned()[0]
	groups := []string{"bias", "u", "U", "cmp", "cmpu", "cn", "range", "implied", "unsure", "mult", "mag", "magu", "raw",
		"decimal", "round", "yearlike", "per", "sentper", "b1", "b2", "b12", "b123", "b1u", "cw", "ca", "a1", "a12", "a123",
		"ua1", "cb", "cf", "firstclause", "clausemark", "clen", "dl", "w", "f", "t", "slen", "docpos"}
	// contrib reads text with the shipped model's features, and with each
	// group left out: each quantity's log-odds and each group's part
	contrib := func(text string) ([]learnQuantity, [][]float64) {
		read := func(set learnSet) []learnQuantity {
			l := &learnDoc{record: true, set: set, model: m}
			if _, err := ingestText(text, l); err != nil && err != ErrNoStructure {
				t.Fatal(err)
			}
			return l.qs
		}
		full := read(m.set)
		parts := make([][]float64, len(full))
		for i := range parts {
			parts[i] = make([]float64, len(groups)+1)
		}
		for g, name := range groups {
			off := map[string]bool{name: true}
			for k, v := range m.set.off {
				off[k] = v
			}
			less := read(learnSet{off: off, on: m.set.on})
			for i, q := range less {
				parts[i][g] = m.sum(full[i].Feats) - m.sum(q.Feats)
			}
		}
		for i, q := range full { // what no group names: the place in the sentence (k, n, last)
			s := m.sum(q.Feats)
			for g := range groups {
				s -= parts[i][g]
			}
			parts[i][len(groups)] = s
		}
		return full, parts
	}
	type agg struct {
		n   int
		sum []float64
	}
	add := func(a *agg, p []float64) {
		if a.sum == nil {
			a.sum = make([]float64, len(p))
		}
		a.n++
		for i := range p {
			a.sum[i] += p[i]
		}
	}
	var demoted, kept, dev agg
	var below01, strong, both, cnDem, cnAll int // the demoted grid targets each candidate still demotes, and in Chinese numerals
	var shown []string
	// the grid
	cells := probeCells()
	const size = 48
	gdocs := gridDocs(cells, size)
	runes := 0
	for _, text := range gdocs {
		runes += len([]rune(text))
	}
	t.Logf("%d grid documents, %d characters each on average", len(gdocs), runes/len(gdocs))
	for di, text := range gdocs {
		var labels []label
		for ci := di * size; ci < min((di+1)*size, len(cells)); ci++ {
			c := &cells[ci]
			if c.neg != nil {
				continue
			}
			for _, q := range c.qtys {
				labels = append(labels, gridLabel(c, q))
			}
		}
		qs, parts := contrib(text)
		readings := make([]Indicator, len(qs))
		for i, q := range qs {
			readings[i] = q.Reading
		}
		_, used := matchTargets(readings, labels)
		for i, q := range qs {
			if q.Decision != decAsserted || !used[i] {
				continue
			}
			cn := strings.ContainsAny(q.Reading.Text, "一二两三四五六七八九十百千")
			if cn {
				cnAll++
			}
			if q.Score < DoubtfulScore {
				add(&demoted, parts[i])
				st := strongShape(q.verb, &q.Reading, q.reported || q.clausePast)
				if q.Score < 0.1 {
					below01++
				}
				if !st {
					strong++
				}
				if q.Score < 0.1 && !st {
					both++
				}
				if cn {
					cnDem++
				}
				if len(shown) < 40 {
					shown = append(shown, ftoa(q.Score)+" "+strings.ReplaceAll(q.Reading.Text, "\n", " "))
				}
			} else {
				add(&kept, parts[i])
			}
		}
	}
	// the development data's asserted targets
	if dir, extra := os.Getenv("KEXIE_CORPUS"), os.Getenv("KEXIE_EXTRA_CORPUS"); dir != "" && extra != "" && os.Getenv("KEXIE_GRID_ONLY") == "" {
		for _, sp := range []struct{ dir, split string }{{dir, "tune"}, {extra, "extra"}} {
			for _, d := range learnDocsOf(t, sp.dir, sp.split) {
				qs, parts := contrib(d.text)
				readings := make([]Indicator, len(qs))
				for i, q := range qs {
					readings[i] = q.Reading
					if d.inPage != nil { // (a web page: its readings placed back in the page, score_html_test.go)
						readings[i].Start, readings[i].End = placeInPage(d.inPage, q.Reading.Start, q.Reading.End)
					}
				}
				_, used := matchTargets(readings, d.labels)
				for i, q := range qs {
					if q.Decision == decAsserted && used[i] {
						add(&dev, parts[i])
					}
				}
			}
		}
	}
	mean := func(a agg, g int) float64 {
		if a.n == 0 {
			return math.NaN()
		}
		return a.sum[g] / float64(a.n)
	}
	names := append(append([]string(nil), groups...), "place")
	order := make([]int, len(names))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool {
		return mean(demoted, order[i])-mean(kept, order[i]) < mean(demoted, order[j])-mean(kept, order[j])
	})
	t.Logf("grid targets the rules assert: %d demoted (<%.1f), %d kept; development targets the rules assert: %d", demoted.n, DoubtfulScore, kept.n, dev.n)
	t.Logf("still demoted: (a) %d, (b) <0.1 %d, (c) strong kept %d, (d) both %d; in Chinese numerals %d of %d demoted, %d of %d asserted",
		demoted.n, below01, strong, both, cnDem, demoted.n, cnAll, demoted.n+kept.n)
	t.Logf("%-12s %9s %9s %9s %9s", "group", "demoted", "kept", "dev", "dem−dev")
	for _, g := range order {
		t.Logf("%-12s %+9.2f %+9.2f %+9.2f %+9.2f", names[g], mean(demoted, g), mean(kept, g), mean(dev, g), mean(demoted, g)-mean(dev, g))
	}
	for _, s := range shown {
		t.Log("  ", s)
	}
}

// labelledText is a development document's text as the program reads it,
// its labels and, for a web page, where each rune stands in the page.
type labelledText struct {
	text   string
	labels []label
	inPage []int
}

// learnDocsOf reads the development documents of split with their labels.
func learnDocsOf(t *testing.T, dir, split string) []labelledText {
	var out []labelledText
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
	sort.Strings(files)
	for _, d := range files {
		ld := readLabels(t, d)
		src, err := os.ReadFile(filepath.Join(dir, ld.File))
		if err != nil {
			t.Fatal(err)
		}
		text, inPage, err := readAsProgram(ld.File, src) // a web page as the program reads one
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, labelledText{text, ld.Targets, inPage})
	}
	return out
}
