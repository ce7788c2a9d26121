package plan

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// Blind adjudication of a held-out split (docs/decisions.md D91). A single
// labeller's gold has its own misses and slips, and every one of them
// counts against the extractor. The pool is every span where the labels
// and the extractor disagree, mixed with a sample of spans where they
// agree, in document order and unmarked; someone who never read the
// extractor judges each span against the corpus README's rules without
// knowing which side proposed it. Their verdicts then replace the labels
// of the pooled spans: a label judged not a target moves to the file's
// "rejected" list (kept, with the item's id), a target the labeller missed
// is added marked "adjudicated". The scorer reports both readings.
//
// The tools are in adjudicate_tool_test.go, built with -tags adjudicate
// (see there).
//
// The pool (<dir>/<split>.jsonl) is what the adjudicator reads; the key
// (which side proposed each span) is written apart and read only to apply
// the verdicts.

// poolItem is one span to judge.
type poolItem struct {
	ID       string `json:"id"`
	File     string `json:"file"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Line     int    `json:"line"`
	Quantity string `json:"quantity"`
	Context  string `json:"context"`
}

// poolKey says what an item covers: the indexes of the labelled targets
// it overlaps and whether the extractor proposed it.
type poolKey struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Labels    []int  `json:"labels"`
	Extracted bool   `json:"extracted"`
	Agreed    bool   `json:"agreed"`
}

// verdict is the adjudicator's reading of one item: the targets the span
// holds (none when it is not a target) and why.
type verdict struct {
	ID      string  `json:"id"`
	Targets []label `json:"targets"`
	Why     string  `json:"why"`
}

// agreedSample picks about one agreed span in seven, by a hash of its
// place, so the pool is the same on every run and the adjudicator cannot
// tell a disputed span from an agreed one by its company.
func agreedSample(file string, start int) bool {
	h := sha256.Sum256(fmt.Appendf(nil, "%s@%d", file, start))
	return h[0]%7 == 0
}

// poolDoc lists the spans of one document where the labels and the
// extractor disagree, and a sample of those where they agree, overlapping
// spans merged into one item.
func poolDoc(text string, doc *Doc, ld labelDoc) ([]poolItem, []poolKey) {
	inds, _ := assertedAndProposed(doc)
	matchOf, used := matchTargets(inds, ld.Targets) // as scoreDoc matches
	type span struct {
		start, end int
		labels     []int
		extracted  bool
		agreed     bool
	}
	var spans []span
	for li, l := range ld.Targets {
		if matchOf[li] < 0 {
			spans = append(spans, span{start: l.Start, end: l.End, labels: []int{li}})
		} else if agreedSample(ld.File, l.Start) {
			ind := inds[matchOf[li]]
			spans = append(spans, span{start: min(l.Start, ind.Start), end: max(l.End, ind.End), labels: []int{li}, extracted: true, agreed: true})
		}
	}
	for i, ind := range inds {
		if !used[i] {
			spans = append(spans, span{start: ind.Start, end: ind.End, extracted: true})
		}
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].start < spans[b].start })
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start < merged[n-1].end {
			m := &merged[n-1]
			m.end = max(m.end, s.end)
			m.labels = append(m.labels, s.labels...)
			m.extracted = m.extracted || s.extracted
			m.agreed = m.agreed && s.agreed
			continue
		}
		merged = append(merged, s)
	}
	rs := []rune(text)
	var items []poolItem
	var keys []poolKey
	for _, s := range merged {
		a, b := max(0, s.start-100), min(len(rs), s.end+100)
		ctx := strings.ReplaceAll(string(rs[a:s.start])+"【"+string(rs[s.start:s.end])+"】"+string(rs[s.end:b]), "\r", "")
		items = append(items, poolItem{File: ld.File, Start: s.start, End: s.end,
			Line: 1 + strings.Count(string(rs[:s.start]), "\n"), Quantity: string(rs[s.start:s.end]), Context: ctx})
		keys = append(keys, poolKey{File: ld.File, Labels: s.labels, Extracted: s.extracted, Agreed: s.agreed})
	}
	return items, keys
}

// applyVerdicts replaces the labels of each judged item with its verdict:
// a label the verdict keeps (same span and amount) stays as it was, the
// others move to Rejected, and targets the labels lacked are added.
func applyVerdicts(t *testing.T, ld *labelDoc, rs []rune, keys []poolKey, byID map[string]verdict) {
	t.Helper()
	drop := map[int]string{}
	var added []label
	for _, k := range keys {
		v := byID[k.ID]
		kept := map[int]bool{}
		for _, nt := range v.Targets {
			if nt.Start < 0 || nt.End > len(rs) || nt.Start >= nt.End {
				t.Fatalf("%s: target span %d–%d is outside the document", k.ID, nt.Start, nt.End)
			}
			found := false
			for _, li := range k.Labels {
				if l := ld.Targets[li]; l.Start == nt.Start && l.End == nt.End && sameReading(l, nt) {
					kept[li], found = true, true
				}
			}
			if !found {
				nt.Adjudicated = k.ID
				added = append(added, nt)
			}
		}
		for _, li := range k.Labels {
			if !kept[li] {
				drop[li] = k.ID
			}
		}
	}
	var targets []label
	for i, l := range ld.Targets {
		if id, ok := drop[i]; ok {
			l.Adjudicated = id
			ld.Rejected = append(ld.Rejected, l)
			continue
		}
		targets = append(targets, l)
	}
	targets = append(targets, added...)
	sort.SliceStable(targets, func(a, b int) bool { return targets[a].Start < targets[b].Start })
	ld.Targets = targets
}

// sameReading reports whether two labels read the same amount in the same
// unit (a range by its ends).
func sameReading(a, b label) bool {
	if a.Unit != b.Unit || (a.Low == nil) != (b.Low == nil) || (a.High == nil) != (b.High == nil) || (a.Value == nil) != (b.Value == nil) {
		return false
	}
	eq := func(x, y *float64) bool { return x == nil || same(amount(x, a.Multiplier), amount(y, b.Multiplier)) }
	return eq(a.Value, b.Value) && eq(a.Low, b.Low) && eq(a.High, b.High)
}

func readLabels(t *testing.T, f string) labelDoc {
	t.Helper()
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	var ld labelDoc
	if err := json.Unmarshal(data, &ld); err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return ld
}

// writeLabels writes a label file in the corpus's one-object-a-line shape.
func writeLabels(t *testing.T, f string, ld labelDoc) {
	t.Helper()
	obj := func(v any) string {
		var w bytes.Buffer
		enc := json.NewEncoder(&w)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll(strings.TrimSuffix(w.String(), "\n"), `":`, `": `)
		return strings.ReplaceAll(s, `,"`, `, "`)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"file\": %q, \"sha256\": %q,\n", ld.File, ld.SHA256)
	list := func(name string, n int, at func(int) any, last bool) {
		fmt.Fprintf(&b, " %q: [\n", name)
		for i := 0; i < n; i++ {
			sep := ","
			if i == n-1 {
				sep = ""
			}
			fmt.Fprintf(&b, "  %s%s\n", obj(at(i)), sep)
		}
		if last {
			b.WriteString(" ]}\n")
		} else {
			b.WriteString(" ],\n")
		}
	}
	list("sections", len(ld.Sections), func(i int) any { return ld.Sections[i] }, false)
	list("targets", len(ld.Targets), func(i int) any { return ld.Targets[i] }, len(ld.Rejected) == 0)
	if len(ld.Rejected) > 0 {
		list("rejected", len(ld.Rejected), func(i int) any { return ld.Rejected[i] }, true)
	}
	if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeJSONL[T any](t *testing.T, path string, rows []T) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readJSONL reads one JSON object a line; false when the file is absent.
func readJSONL[T any](t *testing.T, path string, rows *[]T) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r T
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("%s:%d: %v", path, i+1, err)
		}
		*rows = append(*rows, r)
	}
	return true
}

// TestAdjudicationRoundTrip pools a small plan whose labels miss one
// target the extractor finds and hold one it does not, applies verdicts
// that side once with each, and checks what the label file then says and
// that the scorer can still read the labels as first written.
func TestAdjudicationRoundTrip(t *testing.T) {
	text := "一、主要目标\n到2025年，培养100名优秀企业家，建成孵化器8家。全市现有企业3000家。\n二、重点任务\n（一）加强培养。\n"
	rs := []rune(text)
	at := func(q string) int { return len([]rune(text[:strings.Index(text, q)])) }
	num := func(v float64) *float64 { return &v }
	year := 2025
	mk := func(q string, v float64, unit string) label {
		s := at(q)
		return label{Start: s, End: s + len([]rune(q)), Value: num(v), Comparator: "=", Unit: unit, Multiplier: 1, DeadlineYear: &year}
	}
	ld := labelDoc{File: "t.txt", SHA256: "00", Sections: []sectionLabel{{Start: 0, End: 6, Level: 1}},
		// 100名 agrees; 3000家 (an existing count) is labelled by mistake; 8家 is missed
		Targets: []label{mk("100名", 100, "名"), mk("3000家", 3000, "家")}}
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	items, keys := poolDoc(text, doc, ld)
	byID := map[string]verdict{}
	var disputed []string
	for i := range items {
		items[i].ID, keys[i].ID = fmt.Sprintf("t-%d", i+1), fmt.Sprintf("t-%d", i+1)
		if !strings.Contains(items[i].Context, "【"+items[i].Quantity+"】") {
			t.Errorf("%s: context %q does not mark its span", items[i].ID, items[i].Context)
		}
		v := verdict{ID: items[i].ID}
		switch items[i].Quantity {
		case "100名":
			v.Targets = []label{ld.Targets[0]}
		case "8家":
			v.Targets = []label{mk("8家", 8, "家")}
			disputed = append(disputed, "8家")
		case "3000家":
			disputed = append(disputed, "3000家")
		default:
			t.Fatalf("unexpected item %+v", items[i])
		}
		byID[v.ID] = v
	}
	if !slices.Equal(disputed, []string{"8家", "3000家"}) {
		t.Fatalf("disputed items = %v, want 8家 and 3000家 in document order", disputed)
	}
	if keys[len(keys)-1].Extracted || len(keys[len(keys)-1].Labels) != 1 {
		t.Errorf("the key of 3000家 = %+v, want labelled and not extracted", keys[len(keys)-1])
	}
	applyVerdicts(t, &ld, rs, keys, byID)
	f := filepath.Join(t.TempDir(), "t.json")
	writeLabels(t, f, ld)
	got := readLabels(t, f)
	var quantities []string
	for _, l := range got.Targets {
		quantities = append(quantities, string(rs[l.Start:l.End])+"/"+l.Adjudicated)
	}
	want := []string{"100名/", "8家/t-" + fmt.Sprint(len(items)-1)}
	if !slices.Equal(quantities, want) {
		t.Errorf("targets after adjudication = %v, want %v", quantities, want)
	}
	if len(got.Rejected) != 1 || string(rs[got.Rejected[0].Start:got.Rejected[0].End]) != "3000家" || got.Rejected[0].Adjudicated == "" {
		t.Errorf("rejected = %+v, want 3000家 with its item", got.Rejected)
	}
	if !got.adjudicated() || len(got.firstLabelled()) != 2 || got.firstLabelled()[1].Adjudicated == "" {
		t.Errorf("as first labelled = %+v, want 100名 and the rejected 3000家", got.firstLabelled())
	}
	s := scoreDoc(text, doc, got.Targets, got.Sections)
	if s.matched != 2 || s.found != 2 || s.labelled != 2 {
		t.Errorf("adjudicated score %s, want 2 of 2 both ways", s)
	}
}
