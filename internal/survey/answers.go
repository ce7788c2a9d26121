package survey

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/valid"
)

// Answers maps a question ID (a matrix row as "<id>.<row>") to the chosen
// option codes in order, or to one typed value.
type Answers map[string][]string

// maxText bounds a text answer when the question sets no Max.
const maxText = 2000

// Visible reports whether q is shown given the answers so far.
func Visible(q Question, a Answers) bool {
	if q.ShowIf == nil {
		return true
	}
	for _, v := range a[q.ShowIf.Question] {
		if oneOf(v, q.ShowIf.Any) {
			return true
		}
	}
	return false
}

// Check validates the answers to the questions of pages (all pages when
// nil) and returns them cleaned: answers to hidden or unknown questions
// dropped, values trimmed. Each problem is a field error keyed "q.<id>".
func (d Definition) Check(a Answers, pages []int) (Answers, error) {
	out := Answers{}
	var errs valid.Errors
	want := map[int]bool{}
	for _, p := range pages {
		want[p] = true
	}
	for pi, p := range d.Pages {
		for _, q := range p.Questions {
			if !Visible(q, out) {
				continue
			}
			if pages != nil && !want[pi] {
				if v, ok := a[q.ID]; ok {
					out[q.ID] = v
				}
				copyRows(q, a, out)
				continue
			}
			checkOne(q, a, out, &errs)
		}
	}
	return out, errs.Err()
}

func copyRows(q Question, a, out Answers) {
	for _, r := range q.Rows {
		if v, ok := a[q.ID+"."+r.Code]; ok {
			out[q.ID+"."+r.Code] = v
		}
	}
}

func checkOne(q Question, a, out Answers, errs *valid.Errors) {
	f := "q." + q.ID
	if q.Type == Matrix {
		for _, r := range q.Rows {
			v := clean(a[q.ID+"."+r.Code])
			switch {
			case len(v) == 0:
				if q.Required {
					errs.Add(f, "survey.err.matrix_row", r.Text.ZH)
					return
				}
			case len(v) > 1 || !hasCode(q.Options, v[0]):
				errs.Add(f, "survey.err.choice")
				return
			default:
				out[q.ID+"."+r.Code] = v
			}
		}
		return
	}
	v := clean(a[q.ID])
	if len(v) == 0 {
		if q.Required {
			errs.Add(f, "survey.err.required")
		}
		return
	}
	switch q.Type {
	case Single:
		if len(v) != 1 || !hasCode(q.Options, v[0]) {
			errs.Add(f, "survey.err.choice")
			return
		}
	case Multiple:
		seen := map[string]bool{}
		for _, c := range v {
			if !hasCode(q.Options, c) || seen[c] {
				errs.Add(f, "survey.err.choice")
				return
			}
			seen[c] = true
		}
		if q.Min != nil && float64(len(v)) < *q.Min {
			errs.Add(f, "survey.err.min_choices", int(*q.Min))
			return
		}
		if q.Max != nil && float64(len(v)) > *q.Max {
			errs.Add(f, "survey.err.max_choices", int(*q.Max))
			return
		}
	case Ranking:
		seen := map[string]bool{}
		for _, c := range v {
			if !hasCode(q.Options, c) || seen[c] {
				errs.Add(f, "survey.err.ranking")
				return
			}
			seen[c] = true
		}
		if len(v) != len(q.Options) {
			errs.Add(f, "survey.err.ranking")
			return
		}
	case TextQ:
		limit := maxText
		if q.Max != nil && *q.Max > 0 {
			limit = int(*q.Max)
		}
		if len(v) != 1 || utf8.RuneCountInString(v[0]) > limit {
			errs.Add(f, "survey.err.text_long", limit)
			return
		}
		if q.Min != nil && float64(utf8.RuneCountInString(v[0])) < *q.Min {
			errs.Add(f, "survey.err.text_short", int(*q.Min))
			return
		}
	case Number:
		x, err := strconv.ParseFloat(v[0], 64)
		if len(v) != 1 || err != nil || x != x || x > 1e15 || x < -1e15 {
			errs.Add(f, "survey.err.number")
			return
		}
		if (q.Min != nil && x < *q.Min) || (q.Max != nil && x > *q.Max) {
			errs.Add(f, "survey.err.range", bound(q.Min), bound(q.Max))
			return
		}
	case Date:
		if _, err := time.Parse("2006-01-02", v[0]); len(v) != 1 || err != nil {
			errs.Add(f, "survey.err.date")
			return
		}
	case Rating:
		n, err := strconv.Atoi(v[0])
		if len(v) != 1 || err != nil || n < 1 || q.Max == nil || float64(n) > *q.Max {
			errs.Add(f, "survey.err.choice")
			return
		}
	}
	out[q.ID] = v
}

func bound(p *float64) string {
	if p == nil {
		return "—"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func clean(v []string) []string {
	var out []string
	for _, s := range v {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func hasCode(opts []Option, c string) bool {
	for _, o := range opts {
		if o.Code == c {
			return true
		}
	}
	return false
}

// Scale lists the points 1..Max of a rating question.
func (q Question) Scale() []int {
	if q.Max == nil {
		return nil
	}
	out := make([]int, 0, int(*q.Max))
	for i := 1; i <= int(*q.Max); i++ {
		out = append(out, i)
	}
	return out
}

// Order returns q's options in the order a respondent sees them: shuffled
// when the question asks for it, the same way on every page view of one
// respondent (seeded by their key), so resuming shows the same order.
func (q Question) Order(respondent string) []Option {
	opts := append([]Option(nil), q.Options...)
	if !q.Randomize || len(opts) < 2 {
		return opts
	}
	h := fnv.New64a()
	h.Write([]byte(respondent + "|" + q.ID))
	r := rand.New(rand.NewPCG(h.Sum64(), 0x9e3779b97f4a7c15))
	r.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	return opts
}
