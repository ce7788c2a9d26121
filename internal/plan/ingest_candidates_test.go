package plan

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A candidate's word follows its score: likely from 0.5, unlikely below 0.2,
// uncertain between and when it has none; one that speaks of the past is
// never likely (D100).
func TestCandidateLikelihood(t *testing.T) {
	for _, c := range []struct {
		score *float64
		want  string
	}{{nil, "uncertain"}, {ptr(0.0), "unlikely"}, {ptr(0.1999), "unlikely"}, {ptr(0.2), "uncertain"}, {ptr(0.4999), "uncertain"},
		{ptr(0.5), "likely"}, {ptr(1.0), "likely"}} {
		if got := (Candidate{Score: c.score}).Likelihood(); got != c.want {
			t.Errorf("score %v: %s, want %s", c.score, got, c.want)
		}
	}
	for _, c := range []struct {
		score *float64
		want  string
	}{{ptr(1.0), "uncertain"}, {ptr(0.5), "uncertain"}, {ptr(0.3), "uncertain"}, {ptr(0.1), "unlikely"}} {
		if got := (Candidate{Score: c.score, Reported: true}).Likelihood(); got != c.want {
			t.Errorf("score %v: %s, want %s", c.score, got, c.want)
		}
	}
	// By word (likely, uncertain, unlikely), then by score, no score last
	// among its word; ties keep document order.
	in := []Candidate{{Text: "a", Score: ptr(0.3)}, {Text: "b"}, {Text: "c", Score: ptr(0.9)}, {Text: "d", Score: ptr(0.3)}, {Text: "e", Score: ptr(0.05)},
		{Text: "f", Score: ptr(0.95), Reported: true}}
	var got []string
	for _, c := range byLikelihood(in) {
		got = append(got, c.Text)
	}
	if want := []string{"c", "f", "a", "d", "b", "e"}; !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
	if in[0].Text != "a" {
		t.Error("byLikelihood reordered its argument")
	}
}

func ptr[T any](v T) *T { return &v }

// storedPlan is the plan Save would store from doc, its targets numbered
// from 1 in order.
func storedPlan(doc *Doc) Plan {
	var p Plan
	var walk func(prefix []string, secs []*Section)
	walk = func(prefix []string, secs []*Section) {
		for _, s := range secs {
			path := append(slices.Clone(prefix), s.Number)
			p.Sections = append(p.Sections, StoredSection{Path: strings.Join(path, "/")})
			walk(path, s.Children)
		}
	}
	walk(nil, doc.Sections)
	for i, ind := range doc.Targets() {
		ind.Score, ind.Start, ind.End = nil, 0, 0
		p.Indicators = append(p.Indicators, StoredIndicator{ID: int64(i + 1), SectionPath: strings.Join(ind.Section, "/"), Indicator: ind})
	}
	return p
}

// A stored target is marked unsure only while it holds what the reading
// gave it: a correction of any field, or the same text added by hand
// (no period, no baseline), leaves it unmarked.
func TestReviewOfUnsure(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "review", "qingshan_kexie.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	// Stored as the rules read them (a draft read before D97 proposed what
	// the model doubts): the two readings scored below 0.2 are targets.
	for i, ind := range doc.Indicators {
		if ind.Score != nil && *ind.Score < DoubtfulScore && ind.Per != nil {
			doc.Indicators[i].Candidate = false
		}
	}
	p := storedPlan(doc)
	var low []int64
	for i, ind := range doc.Targets() {
		if ind.Score != nil && *ind.Score < checkBelow {
			low = append(low, p.Indicators[i].ID)
		}
	}
	if len(low) != 3 { // the two of before D97, and one asserted between DoubtfulScore and checkBelow
		t.Fatalf("fixture: %d low targets", len(low))
	}
	rv := reviewOf(text, p)
	if len(rv.Unsure) != len(low) || !rv.Unsure[low[0]] || !rv.Unsure[low[1]] {
		t.Fatalf("unsure %v, want %v", rv.Unsure, low)
	}
	for name, change := range map[string]func(*StoredIndicator){
		"metric":   func(s *StoredIndicator) { s.Metric += "次数" },
		"value":    func(s *StoredIndicator) { s.Value = ptr(2.0) },
		"unit":     func(s *StoredIndicator) { s.Unit = "场" },
		"deadline": func(s *StoredIndicator) { s.DeadlineYear = ptr(2028) },
		"baseline": func(s *StoredIndicator) { s.Baseline = &Baseline{Value: 1, Year: 2025} },
		"by hand":  func(s *StoredIndicator) { s.Per = nil },
		"section":  func(s *StoredIndicator) { s.SectionPath = "四" },
	} {
		q := p
		q.Indicators = slices.Clone(p.Indicators)
		i := slices.IndexFunc(q.Indicators, func(s StoredIndicator) bool { return s.ID == low[0] })
		change(&q.Indicators[i])
		if rv := reviewOf(text, q); rv.Unsure[low[0]] || !rv.Unsure[low[1]] {
			t.Errorf("%s changed: unsure %v", name, rv.Unsure)
		}
	}
}

// BenchmarkReviewPage is what a draft's review page computes beyond the
// stored plan on the 1 MB plan of BenchmarkIngest: the source read again,
// the stored targets matched to the reading, the candidates ordered.
func BenchmarkReviewPage(b *testing.B) {
	var all []byte
	for _, name := range ownPlans {
		all = append(append(all, ownText(b, name)...), '\n')
	}
	text := string(bytes.Repeat(all, 1+(1<<20)/len(all))[:1<<20])
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		b.Fatal(err)
	}
	p := storedPlan(doc)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		rv := reviewOf(text, p)
		byLikelihood(rv.Candidates)
	}
}
