package plan

import (
	"strconv"
	"strings"
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

// candidatesOf reads a draft's stored source text again and returns the
// candidates whose section the plan has and whose text is not already one
// of its targets (a reviewer accepted it or added it by hand).
func candidatesOf(text string, p Plan) []Candidate {
	doc, err := Ingest(strings.NewReader(text))
	if err != nil && err != ErrNoStructure {
		return nil
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
	var out []Candidate
	for _, ind := range doc.Indicators {
		path := strings.Join(ind.Section, "/")
		if !ind.Candidate || !sections[path] || taken[ind.Text] {
			continue
		}
		c := Candidate{Section: path, Text: ind.Text, Metric: ind.Metric, Comparator: ind.Comparator,
			Value: num(ind.Value), Low: num(ind.Low), High: num(ind.High), Unit: ind.Unit}
		if ind.DeadlineYear != nil {
			c.Deadline = strconv.Itoa(*ind.DeadlineYear)
		}
		if c.Metric == "" {
			c.Metric = ind.Text
		}
		out = append(out, c)
	}
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
