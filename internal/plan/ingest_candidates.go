package plan

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// The review page's reading of the learned score (D96 gives every target
// read from a sentence the model's probability that it is a target; D97
// proposes, instead of asserting, what it scores below DemoteScore). An
// asserted target scored below checkBelow is marked for the reviewer to
// check first: on the five held-out sets, after D97, 12 of the 49 so
// scored are wrong, against 39 of 594 asserted overall (docs/benchmarks.md).
// A candidate's score is shown in words: likely from likelyFrom (in the
// development data about three in four of the quantities scored there are
// targets), unlikely below DoubtfulScore (fewer than one in five),
// uncertain between.
const (
	checkBelow = 0.5
	likelyFrom = 0.5
)

// Candidate is a quantity Ingest was unsure of (no verb governs it, or it
// stands in a section about the past), proposed on a draft's page with the
// values of the form that adds it as a target, so accepting it is one
// click.
type Candidate struct {
	Section    string // the section path, as the add form takes it
	Text       string
	Metric     string
	Comparator string
	Value      string
	Low        string
	High       string
	Unit       string
	Deadline   string
	Score      *float64 // the learned model's probability that it is a target; nil when it has none
	Reported   bool     // it reports the past, a forecast or another document: never "likely" (D100, D103)
}

// Proposal reads the candidate as the page shows it: "≥ 30 家 · 2027".
func (c Candidate) Proposal() string {
	v := c.Value
	if c.Low != "" {
		v = c.Low + "–" + c.High
	}
	cmp := map[string]string{">=": "≥ ", "<=": "≤ ", "approx": "约 "}[c.Comparator]
	s := cmp + v + " " + c.Unit
	if c.Deadline != "" {
		s += " · " + c.Deadline
	}
	return s
}

// Likelihood says in a word how likely the candidate is a target:
// "likely", "uncertain" (also when it has no score, or when it reports the
// past, a forecast or another document: the model never learnt to tell
// those from a commitment, D100) or "unlikely".
func (c Candidate) Likelihood() string {
	switch {
	case c.Score == nil:
		return "uncertain"
	case *c.Score >= likelyFrom && !c.Reported:
		return "likely"
	case *c.Score < DoubtfulScore:
		return "unlikely"
	}
	return "uncertain"
}

// review is what reading a draft's stored source text again tells its
// page: the candidates in document order, and the stored targets still as
// the reading gave them whose score is below checkBelow.
type review struct {
	Candidates []Candidate
	Unsure     map[int64]bool
}

// reviewOf reads a draft's stored source text again. Its candidates are
// those whose section the plan has and whose text is not already one of
// its targets (a reviewer accepted it or added it by hand). A stored target
// is matched to a reading of the same section and text and must still hold
// all the reading gave it (metric, value, unit, period, deadline …): one the
// reviewer corrected is never marked unsure. The reading matched is a
// target, or a candidate with a period or a baseline — the draft was read
// when the extractor still asserted it (D97 proposes what the model doubts)
// — never one without: a candidate taken with one click is stored without
// them (a hand never sets them), and what the reviewer added is not marked.
func reviewOf(text string, p Plan) review {
	doc, err := Ingest(strings.NewReader(text))
	if err != nil && err != ErrNoStructure {
		return review{}
	}
	sections := map[string]bool{}
	for _, s := range p.Sections {
		sections[s.Path] = true
	}
	taken := map[string]bool{}
	for _, ind := range p.Indicators {
		taken[ind.Text] = true
	}
	num := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	var rv review
	read := map[[2]string][]Indicator{} // what a stored target may be matched to, by section and text
	for _, ind := range doc.Indicators {
		path := strings.Join(ind.Section, "/")
		k := [2]string{path, ind.Text}
		if !ind.Candidate || ind.Per != nil || ind.Baseline != nil {
			read[k] = append(read[k], ind)
		}
		if !ind.Candidate || !sections[path] || taken[ind.Text] {
			continue
		}
		c := Candidate{Section: path, Text: ind.Text, Metric: ind.Metric, Comparator: ind.Comparator,
			Value: num(ind.Value), Low: num(ind.Low), High: num(ind.High), Unit: ind.Unit, Score: ind.Score, Reported: ind.Reported}
		if ind.DeadlineYear != nil {
			c.Deadline = strconv.Itoa(*ind.DeadlineYear)
		}
		if c.Metric == "" {
			c.Metric = ind.Text
		}
		rv.Candidates = append(rv.Candidates, c)
	}
	for _, st := range p.Indicators {
		k := [2]string{st.SectionPath, st.Text}
		for i, ind := range read[k] {
			if !asRead(st.Indicator, ind) {
				continue
			}
			read[k] = slices.Delete(read[k], i, i+1) // each reading matches one stored target
			if ind.Score != nil && *ind.Score < checkBelow {
				if rv.Unsure == nil {
					rv.Unsure = map[int64]bool{}
				}
				rv.Unsure[st.ID] = true
			}
			break
		}
	}
	return rv
}

// asRead tells whether a stored target still holds what the reading gave
// it (Save stores these fields as read; a correction or a target added by
// hand differs in at least one, or in the period, which a hand never sets).
func asRead(st, ind Indicator) bool {
	f := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var sb, ib Baseline
	if st.Baseline != nil {
		sb = *st.Baseline
	}
	if ind.Baseline != nil {
		ib = *ind.Baseline
	}
	return st.Metric == ind.Metric && st.Comparator == ind.Comparator && f(st.Value, ind.Value) && f(st.Low, ind.Low) &&
		f(st.High, ind.High) && st.Unit == ind.Unit && s(st.Per) == s(ind.Per) && intOr0(st.DeadlineYear) == intOr0(ind.DeadlineYear) &&
		(st.Baseline == nil) == (ind.Baseline == nil) && sb == ib
}

// byLikelihood orders candidates most likely first: by their word
// (likely, uncertain, unlikely), then by score (no score last); ties keep
// document order.
func byLikelihood(cands []Candidate) []Candidate {
	out := slices.Clone(cands)
	rank := map[string]int{"likely": 0, "uncertain": 1, "unlikely": 2}
	key := func(c Candidate) float64 {
		if c.Score == nil {
			return -1
		}
		return *c.Score
	}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(rank[a.Likelihood()], rank[b.Likelihood()]), cmp.Compare(key(b), key(a)))
	})
	return out
}

// markCandidates marks the candidates' phrases in the source text's runs
// that are not marked yet, in document order.
func markCandidates(segs []Segment, cands []Candidate) []Segment {
	var out []Segment
	k := 0
	for _, s := range segs {
		if s.Mark {
			out = append(out, s)
			continue
		}
		rest := s.Text
		for k < len(cands) {
			i := strings.Index(rest, cands[k].Text)
			if i < 0 {
				break
			}
			if i > 0 {
				out = append(out, Segment{Text: rest[:i]})
			}
			out = append(out, Segment{Text: cands[k].Text, Mark: true, Candidate: true})
			rest = rest[i+len(cands[k].Text):]
			k++
		}
		if rest != "" {
			out = append(out, Segment{Text: rest})
		}
	}
	return out
}
