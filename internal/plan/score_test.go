package plan

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// label is one hand-labelled quantitative target: the rune span of its
// quantity ("100名", "1万名" of "1万名左右") in the text, and its reading.
// The format is that of testdata/corpus (see its README).
type label struct {
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Value        *float64 `json:"value"`
	Low          *float64 `json:"low"`
	High         *float64 `json:"high"`
	Comparator   string   `json:"comparator"`
	Unit         string   `json:"unit"`
	Multiplier   float64  `json:"multiplier"`
	Per          string   `json:"per"`
	DeadlineYear *int     `json:"deadline_year"`
	// Adjudicated is the id of the adjudication item that added this
	// target, or (in a file's rejected list) that rejected it; empty for a
	// label as first written (adjudicate_test.go).
	Adjudicated string `json:"adjudicated,omitempty"`
}

// sectionLabel is a labelled heading: its number and title.
type sectionLabel struct {
	Start int `json:"start"`
	End   int `json:"end"`
	Level int `json:"level"`
}

// score is how an ingestion compares with the labels of one document.
type score struct {
	found, labelled, matched int // targets extracted, labelled, and both
	secFound, secLabelled    int // sections: labelled ones found, labelled
	// of the matched targets, those whose comparator, per-period and
	// deadline agree with the label (reported, not a floor)
	cmpOK, perOK, dlOK int
	// extras whose span overlaps a labelled target's (a reading that
	// differs: value, range or unit), and misses overlapping an
	// extracted target; the rest were not seen at all, or not labelled
	extraNear, missNear int
	// misses the extractor proposes as candidates, for the reviewer to
	// accept with one click
	missProposed int
	// asserted targets the learned model scores below lowScore (the review
	// page marks them for checking), and of those the ones no label
	// matches; proposed
	// candidates, and of those the ones a label matches
	low, lowWrong, proposed, proposedRight int
	misses, extras                         []string
	wrong                                  []string // matched targets with an attribute that differs
}

// lowScore is the model's score under which the review page marks an
// asserted target for checking (below DoubtfulScore it is proposed).
const lowScore = 0.5

func (s score) precision() float64 { return frac(s.matched, s.found) }
func (s score) recall() float64    { return frac(s.matched, s.labelled) }
func (s score) sections() float64  { return frac(s.secFound, s.secLabelled) }

func frac(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *score) add(o score) {
	s.found += o.found
	s.labelled += o.labelled
	s.matched += o.matched
	s.secFound += o.secFound
	s.secLabelled += o.secLabelled
	s.cmpOK += o.cmpOK
	s.perOK += o.perOK
	s.dlOK += o.dlOK
	s.extraNear += o.extraNear
	s.missNear += o.missNear
	s.missProposed += o.missProposed
	s.low += o.low
	s.lowWrong += o.lowWrong
	s.proposed += o.proposed
	s.proposedRight += o.proposedRight
}

func (s score) String() string {
	return fmt.Sprintf("precision %5.1f%% (%d/%d)  recall %5.1f%% (%d/%d)  sections %5.1f%% (%d/%d)",
		100*s.precision(), s.matched, s.found, 100*s.recall(), s.matched, s.labelled, 100*s.sections(), s.secFound, s.secLabelled)
}

// amount is a quantity in its base unit: 1万名 → 10000 名.
func amount(v *float64, mult float64) float64 {
	if v == nil {
		return math.NaN()
	}
	if mult == 0 {
		mult = 1
	}
	return *v * mult
}

func same(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a)) }

// matches reports whether an extracted target is the labelled one: the
// spans overlap and the value (or low and high) and the unit agree.
func matches(ind Indicator, l label) bool {
	if ind.Start >= l.End || ind.End <= l.Start {
		return false
	}
	unit, mult := ind.BaseUnit, ind.Multiplier
	if mult == 0 {
		unit, mult = splitUnit(ind.Unit)
	}
	if computeUnit(unit) != computeUnit(l.Unit) { // (P, PFlops and PFLOPS are one unit; the labels keep what the document wrote)
		return false
	}
	if l.Low != nil || l.High != nil {
		return same(amount(ind.Low, mult), amount(l.Low, l.Multiplier)) && same(amount(ind.High, mult), amount(l.High, l.Multiplier))
	}
	return same(amount(ind.Value, mult), amount(l.Value, l.Multiplier))
}

// assertedAndProposed splits a document's extracted targets into those it
// asserts and the candidates it proposes.
func assertedAndProposed(doc *Doc) (asserted, proposed []Indicator) {
	for _, ind := range doc.Indicators {
		if ind.Candidate {
			proposed = append(proposed, ind)
		} else {
			asserted = append(asserted, ind)
		}
	}
	return asserted, proposed
}

// matchTargets matches each labelled target with the first unused
// extracted target that matches it, in document order: matchOf[i] is the
// index of label i's match or -1, used[j] whether extracted target j has one.
func matchTargets(inds []Indicator, targets []label) (matchOf []int, used []bool) {
	used = make([]bool, len(inds))
	matchOf = make([]int, len(targets))
	for li, l := range targets {
		matchOf[li] = -1
		for i, ind := range inds {
			if !used[i] && matches(ind, l) {
				used[i], matchOf[li] = true, i
				break
			}
		}
	}
	return matchOf, used
}

// scoreDoc matches each labelled target with at most one extracted target
// and the reverse, in document order. Candidates do not count as targets.
func scoreDoc(text string, doc *Doc, targets []label, sections []sectionLabel) score {
	var s score
	inds, cands := assertedAndProposed(doc)
	s.found, s.labelled = len(inds), len(targets)
	rs := []rune(text)
	quote := func(a, b int) string {
		a, b = max(0, min(a, len(rs))), max(0, min(b, len(rs)))
		return string(rs[a:b])
	}
	matchOf, used := matchTargets(inds, targets)
	for li, l := range targets {
		if matchOf[li] >= 0 {
			s.matched++
			s.attributes(inds[matchOf[li]], l, quote)
		} else {
			s.misses = append(s.misses, fmt.Sprintf("@%d %q", l.Start, quote(l.Start-12, l.End+6)))
			if slices.ContainsFunc(inds, func(ind Indicator) bool { return ind.Start < l.End && ind.End > l.Start }) {
				s.missNear++
			}
			if slices.ContainsFunc(cands, func(ind Indicator) bool { return matches(ind, l) }) {
				s.missProposed++
			}
		}
	}
	for i, ind := range inds {
		if ind.Score != nil && *ind.Score < lowScore {
			s.low++
			if !used[i] {
				s.lowWrong++
			}
		}
		if !used[i] {
			if slices.ContainsFunc(targets, func(l label) bool { return ind.Start < l.End && ind.End > l.Start }) {
				s.extraNear++
			}
			s.extras = append(s.extras, fmt.Sprintf("@%d %q (%s)", ind.Start, quote(ind.Start, ind.End), ind.Text))
		}
	}
	s.proposed = len(cands)
	for _, c := range cands {
		if slices.ContainsFunc(targets, func(l label) bool { return matches(c, l) }) {
			s.proposedRight++
		}
	}
	var all []*Section
	var flat func([]*Section)
	flat = func(ss []*Section) {
		for _, x := range ss {
			all = append(all, x)
			flat(x.Children)
		}
	}
	flat(doc.Sections)
	s.secLabelled = len(sections)
	for _, l := range sections {
		for _, x := range all {
			if x.Start < l.End && x.End > l.Start {
				s.secFound++
				break
			}
		}
	}
	return s
}

// report logs a document's score and what it missed or added.
func report(t *testing.T, name string, s score) {
	t.Helper()
	t.Logf("%-44s %s", name, s)
	if testing.Verbose() {
		if len(s.misses) > 0 {
			t.Logf("  missed: %s", strings.Join(s.misses, "; "))
		}
		if len(s.extras) > 0 {
			t.Logf("  extra:  %s", strings.Join(s.extras, "; "))
		}
		if len(s.wrong) > 0 {
			t.Logf("  attrs:  %s", strings.Join(s.wrong, "; "))
		}
	}
}

// attributes counts whether a matched target's comparator, per-period and
// deadline agree with its label (the label's > and < are stored as >= and
// <=, ~ as approx).
func (s *score) attributes(ind Indicator, l label, quote func(a, b int) string) {
	cmp := storeComparator(l.Comparator)
	per := ""
	if ind.Per != nil {
		per = *ind.Per
	}
	okCmp, okPer := ind.Comparator == cmp, per == l.Per
	okDl := ind.DeadlineYear == nil && l.DeadlineYear == nil || ind.DeadlineYear != nil && l.DeadlineYear != nil && *ind.DeadlineYear == *l.DeadlineYear
	if okCmp {
		s.cmpOK++
	}
	if okPer {
		s.perOK++
	}
	if okDl {
		s.dlOK++
	}
	if !okCmp || !okPer || !okDl {
		dl := func(p *int) string {
			if p == nil {
				return "-"
			}
			return fmt.Sprint(*p)
		}
		s.wrong = append(s.wrong, fmt.Sprintf("@%d %q got %s/%s/%s want %s/%s/%s", l.Start, quote(l.Start, l.End),
			ind.Comparator, per, dl(ind.DeadlineYear), cmp, l.Per, dl(l.DeadlineYear)))
	}
}
