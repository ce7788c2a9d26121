package estimate

import (
	"errors"
	"math"
	"strings"
	"testing"

	"kexie/internal/valid"
)

const smallInstrument = `{
  "title": "ignored: instruments may carry more",
  "rule": {"kind": "total", "threshold": 70},
  "questions": [
    {"id": "k1", "dimension": "科学知识", "correct": ["B"], "points": 40},
    {"id": "m1", "dimension": "科学方法", "correct": ["A", "C"], "points": 30},
    {"id": "s1", "dimension": "科学与社会", "correct": ["D"], "points": 30},
    {"id": "opinion", "dimension": "科学与社会", "correct": [], "points": 0}
  ]
}`

func TestScore(t *testing.T) {
	in, err := ReadInstrument(strings.NewReader(smallInstrument))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		answers  map[string][]string
		total    float64
		literate bool
		grade    string
	}{
		{"all right", map[string][]string{"k1": {"B"}, "m1": {"C", "A"}, "s1": {"D"}}, 100, true, "高阶"},
		{"multiple choice needs the exact set", map[string][]string{"k1": {"B"}, "m1": {"A"}, "s1": {"D"}}, 70, true, "基础"},
		{"a wrong extra option loses the question", map[string][]string{"k1": {"B"}, "m1": {"A", "B", "C"}}, 40, false, ""},
		{"repeats and blanks are ignored", map[string][]string{"k1": {"B", "B", " "}, "m1": {"A", "C", "A"}}, 70, true, "基础"},
		{"unanswered scores nothing", nil, 0, false, ""},
		{"a question without a key never scores", map[string][]string{"opinion": {"A"}}, 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := in.Score(tt.answers)
			if got.Total != tt.total || got.Literate != tt.literate || got.Grade != tt.grade {
				t.Errorf("got total %v literate %v grade %q, want %v %v %q", got.Total, got.Literate, got.Grade, tt.total, tt.literate, tt.grade)
			}
			if len(got.Dimensions) != 3 {
				t.Errorf("dimensions %v, want all three", got.Dimensions)
			}
		})
	}
}

func TestPoints(t *testing.T) {
	in, err := ReadInstrument(strings.NewReader(smallInstrument))
	if err != nil {
		t.Fatal(err)
	}
	p := in.Points()
	if len(p) != 3 || p["科学知识"] != 40 || p["科学方法"] != 30 || p["科学与社会"] != 30 || in.Max() != 100 {
		t.Errorf("points %v, max %v", p, in.Max())
	}
	if d := in.Dimensions(); len(d) != 3 || d[0] != "科学知识" {
		t.Errorf("dimensions %v", d)
	}
}

func TestScoreByDimensions(t *testing.T) {
	src := strings.Replace(smallInstrument, `{"kind": "total", "threshold": 70}`,
		`{"kind": "dimensions", "thresholds": {"科学知识": 40, "科学方法": 30}}`, 1)
	src = strings.Replace(src, `"rule"`, `"grades": [], "rule"`, 1)
	in, err := ReadInstrument(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if r := in.Score(map[string][]string{"k1": {"B"}, "m1": {"A", "C"}}); !r.Literate || r.Grade != "" {
		t.Errorf("both dimensions reached: got %+v", r)
	}
	if r := in.Score(map[string][]string{"k1": {"B"}, "s1": {"D"}}); r.Literate {
		t.Errorf("科学方法 missed: got %+v", r)
	}
}

func TestReadInstrumentDefaults(t *testing.T) {
	in, err := ReadInstrument(strings.NewReader(`{"questions": [{"id": "q", "dimension": "d", "correct": ["A"], "points": 100}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if in.Rule.Kind != RuleTotal || in.Rule.Threshold != 70 || len(in.Grades) != 2 || in.Grades[0].Name != "高阶" {
		t.Errorf("got %+v", in)
	}
}

// The survey module's export gives the grades as rule.high and
// rule.basic, beside fields this package does not need.
func TestReadInstrumentSurveyExport(t *testing.T) {
	src := `{"title": {"zh": "公民科学素质调查"}, "pages": [{"questions": [{"id": "q", "type": "single"}]}],
	  "rule": {"kind": "total", "threshold": 60, "high": 90},
	  "questions": [{"id": "q", "dimension": "科学知识", "correct": ["A"], "points": 100}]}`
	in, err := ReadInstrument(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Grades) != 1 || in.Grades[0] != (Grade{"高阶", 90}) || in.Rule.Threshold != 60 {
		t.Errorf("got %+v", in)
	}
}

func TestReadInstrumentRefuses(t *testing.T) {
	tests := []struct{ name, src, key string }{
		{"not JSON", `{"rule": x}`, "estimate.err.instrument_json"},
		{"no questions", `{"rule": {"kind": "total", "threshold": 70}}`, "estimate.err.no_questions"},
		{"unknown kind", `{"rule": {"kind": "median"}, "questions": [{"id": "q", "correct": ["A"], "points": 1}]}`, "estimate.err.rule_kind"},
		{"duplicate id", `{"questions": [{"id": "q", "points": 1}, {"id": " q", "points": 1}]}`, "estimate.err.question_dup"},
		{"blank id", `{"questions": [{"id": " ", "points": 1}]}`, "estimate.err.question_id"},
		{"negative points", `{"questions": [{"id": "q", "points": -1}]}`, "estimate.err.points"},
		{"unknown dimension", `{"rule": {"kind": "dimensions", "thresholds": {"x": 1}}, "questions": [{"id": "q", "dimension": "d", "points": 1}]}`, "estimate.err.unknown_dimension"},
		{"no thresholds", `{"rule": {"kind": "dimensions"}, "questions": [{"id": "q", "points": 1}]}`, "estimate.err.no_thresholds"},
		{"nameless grade", `{"grades": [{"min": 3}], "questions": [{"id": "q", "points": 1}]}`, "estimate.err.grade"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadInstrument(strings.NewReader(tt.src))
			wantKey(t, err, tt.key)
		})
	}
}

// wantKey checks that err is an *Error with the key, and that it reaches
// the web edge as a field error.
func wantKey(t *testing.T, err error, key string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want *Error %s", err, key)
	}
	if e.Key != key {
		t.Fatalf("got key %s (%v), want %s", e.Key, e.Args, key)
	}
	var ve *valid.Error
	if !errors.As(err, &ve) || ve.Key != key {
		t.Errorf("does not unwrap to the field error: %v", err)
	}
	return e
}

// wantArgs checks an error's message arguments.
func wantArgs(t *testing.T, e *Error, args ...any) {
	t.Helper()
	if len(e.Args) != len(args) {
		t.Fatalf("args %v, want %v", e.Args, args)
	}
	for i := range args {
		if e.Args[i] != args[i] {
			t.Errorf("args %v, want %v", e.Args, args)
		}
	}
}

// A file over MaxInstrumentBytes is refused as too large, not as cut short.
func TestInstrumentTooLarge(t *testing.T) {
	pad := strings.Repeat(" ", MaxInstrumentBytes)
	_, err := ReadInstrument(strings.NewReader(smallInstrument + pad))
	wantKey(t, err, "estimate.err.instrument_size")
	if _, err := ReadInstrument(strings.NewReader(smallInstrument + pad[:MaxInstrumentBytes-len(smallInstrument)])); err != nil {
		t.Errorf("a file at the bound: %v", err)
	}
}

// The instrument reader never panics, fails only with an *Error, and what
// it accepts holds its checks: unique trimmed IDs, finite points not
// negative, grades from the highest down.
func FuzzReadInstrument(f *testing.F) {
	f.Add(smallInstrument)
	f.Add(`{"rule":{"kind":"dimensions","thresholds":{"a":1}},"questions":[{"id":"q","dimension":"a","correct":["A"],"points":1}],"grades":[]}`)
	f.Add(`{"rule":{"high":80,"basic":50},"questions":[{"id":" q ","points":1e308}]}`)
	f.Add(`{"questions":[{"id":"q","points":-1}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		in, err := ReadInstrument(strings.NewReader(src))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, q := range in.Questions {
			if q.ID == "" || q.ID != strings.TrimSpace(q.ID) || seen[q.ID] {
				t.Fatalf("question ID %q", q.ID)
			}
			seen[q.ID] = true
			if !(q.Points >= 0) || math.IsInf(q.Points, 0) {
				t.Fatalf("points %v", q.Points)
			}
		}
		for i := 1; i < len(in.Grades); i++ {
			if in.Grades[i].Min > in.Grades[i-1].Min {
				t.Fatalf("grades out of order %v", in.Grades)
			}
		}
	})
}
