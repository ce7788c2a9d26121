package survey

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"kexie/internal/valid"
)

// Question types.
const (
	Single   = "single"   // one option
	Multiple = "multiple" // several options
	TextQ    = "text"     // free text
	Number   = "number"   // a number within Min..Max
	Date     = "date"     // YYYY-MM-DD
	Rating   = "rating"   // Likert or rating scale 1..Max
	Matrix   = "matrix"   // one option (column) per row
	Ranking  = "ranking"  // every option put in order
)

// Types lists the question types in the builder's order.
func Types() []string {
	return []string{Single, Multiple, TextQ, Number, Date, Rating, Matrix, Ranking}
}

// Text is a string in Chinese and, optionally, English.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en,omitempty"`
}

// In is the text in lang ("en" or anything else for Chinese), falling back
// to Chinese when no English was written.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Definition is a questionnaire: its pages of questions and, for an
// instrument that is scored, the rule of 具备科学素质.
type Definition struct {
	Title Text   `json:"title"`
	Intro Text   `json:"intro,omitempty"`
	Pages []Page `json:"pages"`
	Rule  *Rule  `json:"rule,omitempty"`
}

// Page is one screen of questions.
type Page struct {
	Title     Text       `json:"title,omitempty"`
	Questions []Question `json:"questions"`
}

// Option is a choice (or a matrix row or column) with a stable code.
type Option struct {
	Code string `json:"code"`
	Text Text   `json:"text"`
}

// Cond shows a question only when an earlier question's answer holds one
// of the codes in Any.
type Cond struct {
	Question string   `json:"question"`
	Any      []string `json:"any"`
}

// Question is one question. Min and Max bound a number, the scale of a
// rating (Max points), the count of choices of a multiple choice, or the
// length of a text.
type Question struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Text      Text     `json:"text"`
	Help      Text     `json:"help,omitempty"`
	Required  bool     `json:"required,omitempty"`
	Options   []Option `json:"options,omitempty"`
	Rows      []Option `json:"rows,omitempty"`
	Min       *float64 `json:"min,omitempty"`
	Max       *float64 `json:"max,omitempty"`
	ShowIf    *Cond    `json:"show_if,omitempty"`
	Randomize bool     `json:"randomize,omitempty"`
	// Role names a demographic question the analysis and the literacy
	// aggregates use: gender, age, edu, urban.
	Role string `json:"role,omitempty"`
	// Scoring (the literacy instrument): the dimension, the correct
	// option codes and the points.
	Dimension string   `json:"dimension,omitempty"`
	Correct   []string `json:"correct,omitempty"`
	Points    float64  `json:"points,omitempty"`
}

// Rule decides 具备科学素质 from the scores: a total threshold or one per
// dimension; High and Basic grade the total (高阶, 基础).
type Rule struct {
	Kind       string             `json:"kind"` // total, dimensions
	Threshold  float64            `json:"threshold,omitempty"`
	Thresholds map[string]float64 `json:"thresholds,omitempty"`
	High       float64            `json:"high,omitempty"`
	Basic      float64            `json:"basic,omitempty"`
}

// Roles a demographic question may carry.
var Roles = []string{"gender", "age", "edu", "urban"}

// Questions lists every question in page order.
func (d Definition) Questions() []Question {
	var out []Question
	for _, p := range d.Pages {
		out = append(out, p.Questions...)
	}
	return out
}

// Question finds a question by ID.
func (d Definition) Question(id string) (Question, bool) {
	for _, p := range d.Pages {
		for _, q := range p.Questions {
			if q.ID == id {
				return q, true
			}
		}
	}
	return Question{}, false
}

// ByRole finds the question carrying a demographic role.
func (d Definition) ByRole(role string) (Question, bool) {
	for _, q := range d.Questions() {
		if q.Role == role {
			return q, true
		}
	}
	return Question{}, false
}

// Scored reports whether the definition is a scored instrument.
func (d Definition) Scored() bool { return d.Rule != nil }

var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,31}$`)

// Validate checks a definition: unique question IDs of letters and digits,
// known types, options where a type needs them, conditions on earlier
// choice questions, sane bounds. Each problem is one field error keyed by
// the question ("q.<id>") or "definition".
func (d Definition) Validate() error {
	var errs valid.Errors
	if strings.TrimSpace(d.Title.ZH) == "" {
		errs.Add("title", "survey.err.title")
	}
	seen := map[string]Question{}
	n := 0
	for _, p := range d.Pages {
		for _, q := range p.Questions {
			n++
			f := "q." + q.ID
			if !idPattern.MatchString(q.ID) {
				errs.Add("definition", "survey.err.qid", q.ID)
				continue
			}
			if _, dup := seen[q.ID]; dup {
				errs.Add("definition", "survey.err.qid_dup", q.ID)
				continue
			}
			if strings.TrimSpace(q.Text.ZH) == "" {
				errs.Add(f, "survey.err.qtext", q.ID)
			}
			switch q.Type {
			case Single, Multiple, Ranking:
				if len(q.Options) < 2 {
					errs.Add(f, "survey.err.options", q.ID)
				}
			case Matrix:
				if len(q.Options) < 2 || len(q.Rows) < 1 {
					errs.Add(f, "survey.err.matrix", q.ID)
				}
			case Rating:
				if q.Max == nil || *q.Max < 2 || *q.Max > 11 {
					errs.Add(f, "survey.err.scale", q.ID)
				}
			case TextQ, Number, Date:
			default:
				errs.Add(f, "survey.err.type", q.ID, q.Type)
			}
			if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
				errs.Add(f, "survey.err.bounds", q.ID)
			}
			codes := map[string]bool{}
			for _, o := range append(append([]Option(nil), q.Options...), q.Rows...) {
				if !idPattern.MatchString("c"+o.Code) || strings.TrimSpace(o.Text.ZH) == "" {
					errs.Add(f, "survey.err.option", q.ID, o.Code)
				}
			}
			for _, o := range q.Options {
				if codes[o.Code] {
					errs.Add(f, "survey.err.option_dup", q.ID, o.Code)
				}
				codes[o.Code] = true
			}
			for _, c := range q.Correct {
				if !codes[c] {
					errs.Add(f, "survey.err.correct", q.ID, c)
				}
			}
			if q.ShowIf != nil {
				dep, ok := seen[q.ShowIf.Question]
				if !ok || (dep.Type != Single && dep.Type != Multiple && dep.Type != Rating) {
					errs.Add(f, "survey.err.show_if", q.ID, q.ShowIf.Question)
				}
			}
			if q.Role != "" && !oneOf(q.Role, Roles) {
				errs.Add(f, "survey.err.role", q.ID, q.Role)
			}
			seen[q.ID] = q
		}
	}
	if n == 0 {
		errs.Add("definition", "survey.err.empty")
	}
	if n > 500 {
		errs.Add("definition", "survey.err.too_many", 500)
	}
	if d.Rule != nil && d.Rule.Kind != "total" && d.Rule.Kind != "dimensions" {
		errs.Add("definition", "survey.err.rule")
	}
	return errs.Err()
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ParseDefinition reads a definition from JSON (the import format) and
// validates it.
func ParseDefinition(b []byte) (Definition, error) {
	var d Definition
	var probe struct {
		Questions json.RawMessage `json:"questions"`
	}
	_ = json.Unmarshal(b, &probe)
	if probe.Questions != nil {
		// An export of a scored instrument: drop its flattened list.
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err == nil {
			delete(m, "questions")
			b, _ = json.Marshal(m)
		}
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Definition{}, jsonErr(b, err)
	}
	return d, d.Validate()
}

// jsonErr says what is wrong with a definition's JSON in the catalog's
// words: where it breaks, which field holds the wrong kind of value, which
// field the format does not have — never Go's error text.
func jsonErr(b []byte, err error) error {
	p := valid.JSONAt(b, err)
	switch p.Kind {
	case valid.JSONCutShort:
		return valid.New("definition", "survey.err.json_end")
	case valid.JSONObject:
		return valid.New("definition", "survey.err.json_object")
	case valid.JSONType:
		// No line: an export's text may have been written again above.
		return valid.New("definition", "survey.err.json_type", p.Field)
	case valid.JSONUnknown:
		return valid.New("definition", "survey.err.json_unknown", p.Field)
	}
	return valid.New("definition", "survey.err.json", p.Line, p.Col)
}

// JSON is the definition as indented JSON (the export format).
func (d Definition) JSON() []byte {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		panic(fmt.Sprintf("survey: marshal definition: %v", err))
	}
	return b
}

// Export is the definition as the app exports it: the definition itself
// and, for a scored instrument, its questions' scoring flattened at the top
// ("questions": id, dimension, correct, points) as
// `kexie survey estimate --instrument` reads it. Import ignores the
// flattened list.
func (d Definition) Export() []byte {
	type item struct {
		ID        string   `json:"id"`
		Dimension string   `json:"dimension"`
		Correct   []string `json:"correct"`
		Points    float64  `json:"points"`
	}
	out := struct {
		Definition
		Questions []item `json:"questions,omitempty"`
	}{Definition: d}
	if d.Rule != nil {
		for _, q := range d.Questions() {
			if q.Points > 0 {
				out.Questions = append(out.Questions, item{q.ID, q.Dimension, q.Correct, q.Points})
			}
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return d.JSON()
	}
	return b
}
