package plan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// devSplits are the development splits a corpus probe may read, by the
// variable naming each one's documents: the tune half, the extra corpus and
// the held-out sets retired to development (heldout2–22, 25, 27: D144,
// D155, D161). Never a blind set.
func devSplits() map[string]string {
	dirs := map[string]string{"tune": os.Getenv("KEXIE_CORPUS"), "extra": os.Getenv("KEXIE_EXTRA_CORPUS")}
	for _, n := range []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 25, 27} {
		dirs["heldout"+strconv.Itoa(n)] = os.Getenv("KEXIE_HELDOUT" + strconv.Itoa(n))
	}
	return dirs
}

// devText is a development document's text and its name.
type devText struct{ name, text string }

// devTexts are the texts of the development documents this machine holds
// (a page is no text: left out), in the order of their splits and files.
func devTexts(t *testing.T) []devText {
	dirs := devSplits()
	var out []devText
	for _, split := range slices.Sorted(func(yield func(string) bool) {
		for s, dir := range dirs {
			if dir != "" && !yield(s) {
				return
			}
		}
	}) {
		files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
		for _, f := range files {
			ld := readLabels(t, f)
			src, err := os.ReadFile(filepath.Join(dirs[split], ld.File))
			if err != nil || isPage(ld.File) {
				continue
			}
			out = append(out, devText{split + "/" + ld.File, string(src)})
		}
	}
	return out
}

// probeFormats are the documents TestFormatsCorpus makes of a text, by the
// file name the upload reads them under.
var probeFormats = []struct {
	name, file string
	make       func(text string) []byte
}{
	{"docx", "plan.docx", docxOfText},
	{"docx as Word", "plan.docx", docxOfTextAsWord},
	{"html <p>", "plan.html", func(s string) []byte { return pageOfText(s, false, false) }},
	{"html <br>", "plan.html", func(s string) []byte { return pageOfText(s, true, false) }},
	{"html &nbsp;", "plan.html", func(s string) []byte { return pageOfText(s, false, true) }},
	{"html as Word", "plan.html", pageOfTextAsWord},
}

// TestFormatsCorpus makes of every development text a .docx and government
// pages (one <p> a line, one <div> of lines apart by <br>, and runs of spaces
// as &nbsp;), reads each through the upload's entry (DocumentText, then
// Ingest) and asks for the text's reading: each quantity by its phrase and
// order with the same value, unit, comparator, deadline, period and
// standing, and the same sections (number, title and level). A document a
// user uploads is seldom a .txt; every corpus document is one. It runs when
// KEXIE_CORPUS names the corpus; KEXIE_FORMATS_EVERY=k reads every k-th
// text only (1: all), by default every 4th, to bound its time;
// KEXIE_FORMATS_DOC=name reads the documents whose names hold it.
func TestFormatsCorpus(t *testing.T) {
	if os.Getenv("KEXIE_CORPUS") == "" {
		t.Skip("KEXIE_CORPUS is not set: the development corpus of plan documents is an extra corpus")
	}
	every := 4
	if k, err := strconv.Atoi(os.Getenv("KEXIE_FORMATS_EVERY")); err == nil && k > 0 {
		every = k
	}
	begin := time.Now()
	alike := make([]int, len(probeFormats))
	docs := 0
	only := os.Getenv("KEXIE_FORMATS_DOC") // a document's name holds it: the probe of one document
	for i, d := range devTexts(t) {
		if only != "" && !strings.Contains(d.name, only) || only == "" && i%every != 0 {
			continue
		}
		a, err := Ingest(strings.NewReader(d.text))
		if err != nil {
			continue // (a text without a plan's structure: the same in any format)
		}
		docs++
		ra := formatReadings(a)
		for k, f := range probeFormats {
			text, err := DocumentText(context.Background(), f.file, f.make(d.text))
			if err != nil {
				t.Errorf("%s as %s: %v", d.name, f.name, err)
				continue
			}
			b, err := Ingest(strings.NewReader(text))
			if err != nil {
				t.Errorf("%s as %s: %v", d.name, f.name, err)
				continue
			}
			rb := formatReadings(b)
			if slices.Equal(ra, rb) {
				alike[k]++
				continue
			}
			t.Errorf("%s read differently as %s: %d and %d readings; first apart: %s", d.name, f.name, len(ra), len(rb), firstApart(ra, rb))
		}
	}
	for k, f := range probeFormats {
		t.Logf("%s: %d of %d development texts read alike", f.name, alike[k], docs)
	}
	t.Logf("every %d-th text, %d texts, %d formats: %.1f s", every, docs, len(probeFormats), time.Since(begin).Seconds())
}

// formatReadings are a document's quantities (by phrase and order, since
// offsets differ between formats) and its sections (number, title, level).
func formatReadings(doc *Doc) []string {
	var out []string
	v := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	for _, in := range doc.Indicators {
		y, per := "-", "-"
		if in.DeadlineYear != nil {
			y = strconv.Itoa(*in.DeadlineYear)
		}
		if in.Per != nil {
			per = *in.Per
		}
		phrase := strings.Join(strings.Fields(in.Text), " ") // a run of spaces as a page holds it (&nbsp;)
		out = append(out, fmt.Sprintf("«%s» %s %s %s %s %s %s/%s candidate=%v reported=%v", phrase,
			in.Comparator, v(in.Value), v(in.Low), v(in.High), in.Unit, y, per, in.Candidate, in.Reported))
	}
	var walk func(ss []*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, fmt.Sprintf("§ %s %s (level %d)", s.Number, s.Title, s.Level))
			walk(s.Children)
		}
	}
	walk(doc.Sections)
	return out
}
