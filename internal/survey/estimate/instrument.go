package estimate

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strings"
)

// Rule kinds: when does a respondent count as 具备科学素质.
const (
	RuleTotal      = "total"      // the total score reaches Threshold
	RuleDimensions = "dimensions" // every dimension named in Thresholds reaches its own
)

// DefaultThreshold is the total (out of 100) at which a respondent counts
// as scientifically literate when the rule names none.
const DefaultThreshold = 70

// DefaultGrades are the grades an instrument has when it names none:
// 高阶 from 85 and 基础 from 55 points.
func DefaultGrades() []Grade { return []Grade{{Name: "高阶", Min: 85}, {Name: "基础", Min: 55}} }

// Instrument is a scored questionnaire, read from the JSON the app exports
// (fields it does not know are ignored). Scores are in the instrument's own
// points; the national instrument's points add up to 100.
type Instrument struct {
	Rule      Rule       `json:"rule"`
	Questions []Question `json:"questions"`
	// Grades are ordered from the highest Min down; a total reaching a
	// grade's Min earns its name. Absent from the file: DefaultGrades;
	// an empty list: no grades.
	Grades []Grade `json:"grades"`
}

// Rule says who is literate: Kind RuleTotal compares the total with
// Threshold; RuleDimensions compares each dimension's score with its
// entry in Thresholds (all must be reached).
type Rule struct {
	Kind       string             `json:"kind"`
	Threshold  float64            `json:"threshold"`
	Thresholds map[string]float64 `json:"thresholds,omitempty"`
	// High and Basic are another way to give the two usual grades (the
	// survey module exports them so): the totals from which 高阶 and 基础
	// are earned. They are read only when the file has no "grades".
	High  float64 `json:"high,omitempty"`
	Basic float64 `json:"basic,omitempty"`
}

// Question is one scored item. A question scores its Points only when the
// set of options chosen equals the set Correct (order and repeats do not
// matter); a question with no Correct options never scores.
type Question struct {
	ID        string   `json:"id"`
	Dimension string   `json:"dimension"`
	Correct   []string `json:"correct"`
	Points    float64  `json:"points"`
}

// Grade is a named band of the total score (高阶, 基础).
type Grade struct {
	Name string  `json:"name"`
	Min  float64 `json:"min"`
}

// Result is one respondent's score.
type Result struct {
	Total      float64
	Dimensions map[string]float64 // every dimension of the instrument, 0 when nothing scored
	Literate   bool
	Grade      string // "" below every grade
}

// MaxInstrumentBytes bounds an instrument file (the national instrument
// is a few kilobytes).
const MaxInstrumentBytes = 16 << 20

// ReadInstrument reads and checks an instrument: question ids present and
// unique, points finite and not negative, a known rule kind whose
// dimensions exist. A missing kind is "total"; a missing threshold is
// DefaultThreshold.
func ReadInstrument(r io.Reader) (Instrument, error) {
	var raw struct {
		Instrument
		Grades *[]Grade `json:"grades"`
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxInstrumentBytes+1))
	if err != nil {
		return Instrument{}, err
	}
	if len(data) > MaxInstrumentBytes {
		// Read in part it would be refused as cut short; say why.
		return Instrument{}, errf("instrument", "estimate.err.instrument_size", MaxInstrumentBytes>>20)
	}
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&raw); err != nil {
		return Instrument{}, jsonErr("instrument", data, err)
	}
	in := raw.Instrument
	in.Grades = DefaultGrades()
	switch {
	case raw.Grades != nil:
		in.Grades = *raw.Grades
	case in.Rule.High > 0 || in.Rule.Basic > 0:
		in.Grades = nil
		if in.Rule.High > 0 {
			in.Grades = append(in.Grades, Grade{Name: "高阶", Min: in.Rule.High})
		}
		if in.Rule.Basic > 0 {
			in.Grades = append(in.Grades, Grade{Name: "基础", Min: in.Rule.Basic})
		}
	}
	if in.Rule.Kind == "" {
		in.Rule.Kind = RuleTotal
	}
	if in.Rule.Kind == RuleTotal && in.Rule.Threshold == 0 {
		in.Rule.Threshold = DefaultThreshold
	}
	return in, in.Validate()
}

// Validate checks an instrument built in code the way ReadInstrument
// checks a file, and sorts its grades from the highest down.
func (in *Instrument) Validate() error {
	if len(in.Questions) == 0 {
		return errf("instrument", "estimate.err.no_questions")
	}
	dims := map[string]bool{}
	seen := map[string]bool{}
	for i, q := range in.Questions {
		id := strings.TrimSpace(q.ID)
		if id == "" {
			return errf("instrument", "estimate.err.question_id", i+1)
		}
		if seen[id] {
			return errf("instrument", "estimate.err.question_dup", id)
		}
		seen[id] = true
		in.Questions[i].ID = id
		if math.IsNaN(q.Points) || math.IsInf(q.Points, 0) || q.Points < 0 {
			return errf("instrument", "estimate.err.points", id)
		}
		dims[q.Dimension] = true
	}
	switch in.Rule.Kind {
	case RuleTotal:
		if !finite(in.Rule.Threshold) {
			return errf("instrument", "estimate.err.threshold_total")
		}
	case RuleDimensions:
		if len(in.Rule.Thresholds) == 0 {
			return errf("instrument", "estimate.err.no_thresholds")
		}
		for d, v := range in.Rule.Thresholds {
			if !dims[d] {
				return errf("instrument", "estimate.err.unknown_dimension", d)
			}
			if !finite(v) {
				return errf("instrument", "estimate.err.threshold_dim", d)
			}
		}
	default:
		return errf("instrument", "estimate.err.rule_kind", in.Rule.Kind)
	}
	for _, g := range in.Grades {
		if strings.TrimSpace(g.Name) == "" || !finite(g.Min) {
			return errf("instrument", "estimate.err.grade")
		}
	}
	sort.SliceStable(in.Grades, func(i, j int) bool { return in.Grades[i].Min > in.Grades[j].Min })
	return nil
}

// Dimensions lists the instrument's dimensions in the order they first
// appear.
func (in Instrument) Dimensions() []string {
	var out []string
	seen := map[string]bool{}
	for _, q := range in.Questions {
		if !seen[q.Dimension] {
			seen[q.Dimension] = true
			out = append(out, q.Dimension)
		}
	}
	return out
}

// Points gives the most each dimension can score, for checking a
// question bank against its blueprint (the national instrument: 科学知识
// 40, 科学方法 20, 科学精神与思想 20, 运用科学 20 of 100).
func (in Instrument) Points() map[string]float64 {
	out := map[string]float64{}
	for _, q := range in.Questions {
		if len(q.Correct) > 0 {
			out[q.Dimension] += q.Points
		} else if _, ok := out[q.Dimension]; !ok {
			out[q.Dimension] = 0
		}
	}
	return out
}

// Max is the highest total the instrument can give.
func (in Instrument) Max() float64 {
	var s float64
	for _, q := range in.Questions {
		if len(q.Correct) > 0 {
			s += q.Points
		}
	}
	return s
}

// Score scores one respondent's answers (question id → options chosen;
// an absent or empty entry is unanswered).
func (in Instrument) Score(answers map[string][]string) Result {
	res := Result{Dimensions: make(map[string]float64, 4)}
	for _, q := range in.Questions {
		if _, ok := res.Dimensions[q.Dimension]; !ok {
			res.Dimensions[q.Dimension] = 0
		}
		if sameSet(answers[q.ID], q.Correct) {
			res.Total += q.Points
			res.Dimensions[q.Dimension] += q.Points
		}
	}
	res.Literate = in.literate(res.Total, res.Dimensions)
	res.Grade = in.grade(res.Total)
	return res
}

func (in Instrument) literate(total float64, dims map[string]float64) bool {
	if in.Rule.Kind == RuleDimensions {
		for d, v := range in.Rule.Thresholds {
			if dims[d] < v-1e-9 {
				return false
			}
		}
		return true
	}
	return total >= in.Rule.Threshold-1e-9
}

func (in Instrument) grade(total float64) string {
	for _, g := range in.Grades {
		if total >= g.Min-1e-9 {
			return g.Name
		}
	}
	return ""
}

// sameSet reports whether the options chosen are exactly the correct set;
// blanks and repeats are ignored, and an empty correct set never matches.
func sameSet(chosen, correct []string) bool {
	if len(correct) == 0 {
		return false
	}
	want := make(map[string]bool, len(correct))
	for _, c := range correct {
		if c = strings.TrimSpace(c); c != "" {
			want[c] = true
		}
	}
	got := make(map[string]bool, len(chosen))
	for _, c := range chosen {
		if c = strings.TrimSpace(c); c != "" {
			if !want[c] {
				return false
			}
			got[c] = true
		}
	}
	return len(want) > 0 && len(got) == len(want)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
