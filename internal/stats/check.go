package stats

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Values are a form's figures by indicator code, each scaled by its
// indicator's Scale; an indicator left empty is absent.
type Values map[string]int64

// Issue is one finding of the edit checks on one row: an error blocks the
// submit, a warning needs a written explanation first.
type Issue struct {
	Code      string
	Rule      string // number, scale, max, required, part, sum, change, change_new, note_long
	Warning   bool
	Explained bool     // a warning whose explanation has been written
	Args      []string // the rule's figures, formatted
}

// Blocks reports whether the issue stops a submit.
func (i Issue) Blocks() bool { return !i.Warning || !i.Explained }

// MaxNote is how long a warning's explanation may be, in characters.
const MaxNote = 500

// Format writes v (scaled by scale) as the form shows it: "1234", "12.50".
func Format(v int64, scale int) string {
	if scale == 0 {
		return strconv.FormatInt(v, 10)
	}
	p := int64(math.Pow10(scale))
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%0*d", sign, v/p, scale, v%p)
}

// parseValue reads one typed figure: digits with at most scale decimals;
// spaces and thousands separators are ignored. rule is set when the text is
// not such a figure.
func parseValue(s string, scale int) (v int64, rule string) {
	s = strings.NewReplacer(" ", "", ",", "", "，", "", "\u00a0", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, ""
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" && frac == "" || !digits(whole) || dot && (frac == "" || !digits(frac)) {
		return 0, "number"
	}
	if whole == "" {
		whole = "0"
	}
	if len(frac) > scale {
		return 0, "scale"
	}
	if len(whole) > 12 {
		return 0, "max"
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	v = w * int64(math.Pow10(scale))
	if frac != "" {
		f, _ := strconv.ParseInt(frac+strings.Repeat("0", scale-len(frac)), 10, 64)
		v += f
	}
	if neg {
		v = -v
	}
	return v, ""
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Parse reads the typed figures of the rows asked of kind (raw by code).
// A text that is not a figure, has too many decimals, is negative or above
// the row's maximum is an error issue and is left out of the values: such
// a form is never saved (the page shows it again as typed).
func (s *Schema) Parse(raw map[string]string, kind Applies) (Values, []Issue) {
	vals := Values{}
	var issues []Issue
	for _, in := range s.Indicators() {
		if !in.Applies(kind) {
			continue
		}
		text := raw[in.Code]
		if utf8.RuneCountInString(text) > 40 {
			issues = append(issues, Issue{Code: in.Code, Rule: "number"})
			continue
		}
		v, rule := parseValue(text, in.Scale)
		scaled := in.Max * int64(math.Pow10(in.Scale))
		switch {
		case rule == "scale":
			issues = append(issues, Issue{Code: in.Code, Rule: rule, Args: []string{strconv.Itoa(in.Scale)}})
		case rule == "max" || rule == "" && v > scaled:
			issues = append(issues, Issue{Code: in.Code, Rule: "max", Args: []string{strconv.FormatInt(in.Max, 10)}})
		case rule != "":
			issues = append(issues, Issue{Code: in.Code, Rule: rule})
		case v < 0:
			issues = append(issues, Issue{Code: in.Code, Rule: "negative"})
		case strings.TrimSpace(text) != "":
			vals[in.Code] = v
		}
	}
	return vals, issues
}

// Check runs the edit checks on vals, a form of kind: parts within their
// totals, sums within rounding, and year-over-year changes against last
// (nil when last year has no approved form). With submit, every row asked
// must be filled. notes are the explanations written for warnings.
func (s *Schema) Check(vals, last Values, notes map[string]string, kind Applies, submit bool) []Issue {
	var out []Issue
	for _, in := range s.Indicators() {
		if !in.Applies(kind) {
			continue
		}
		v, ok := vals[in.Code]
		if !ok {
			if submit {
				out = append(out, Issue{Code: in.Code, Rule: "required"})
			}
			continue
		}
		if in.PartOf != "" {
			if t, ok := vals[in.PartOf]; ok && v > t {
				total := s.byCode[in.PartOf]
				out = append(out, Issue{Code: in.Code, Rule: "part", Args: []string{Format(v, in.Scale), total.Code, total.Label, Format(t, total.Scale)}})
			}
		}
		if utf8.RuneCountInString(notes[in.Code]) > MaxNote {
			out = append(out, Issue{Code: in.Code, Rule: "note_long", Args: []string{strconv.Itoa(MaxNote)}})
		}
		if l, ok := last[in.Code]; ok && last != nil {
			diff := v - l
			if diff < 0 {
				diff = -diff
			}
			if diff >= s.MinChange*int64(math.Pow10(in.Scale)) && (l == 0 || diff*100 > int64(s.ChangeWarn)*l) {
				is := Issue{Code: in.Code, Rule: "change", Warning: true, Explained: strings.TrimSpace(notes[in.Code]) != ""}
				if l == 0 {
					is.Rule, is.Args = "change_new", []string{Format(v, in.Scale)}
				} else {
					pct := float64(v-l) * 100 / float64(l)
					is.Args = []string{Format(l, in.Scale), Format(v, in.Scale), fmt.Sprintf("%+.0f", pct), strconv.Itoa(s.ChangeWarn)}
				}
				out = append(out, is)
			}
		}
	}
	for _, r := range s.Sums {
		total, ok := vals[r.Total]
		if !ok {
			continue
		}
		var sum int64
		have := false
		for _, p := range r.Parts {
			if v, ok := vals[p]; ok {
				sum, have = sum+v, true
			}
		}
		if !have && !submit {
			continue
		}
		if d := total - sum; d > r.Tolerance || d < -r.Tolerance {
			in := s.byCode[r.Total]
			out = append(out, Issue{Code: r.Total, Rule: "sum", Args: []string{Format(total, in.Scale), Format(sum, in.Scale), Format(r.Tolerance, in.Scale)}})
		}
	}
	return out
}

// Blocking reports whether any issue stops a submit.
func Blocking(issues []Issue) bool {
	for _, i := range issues {
		if i.Blocks() {
			return true
		}
	}
	return false
}

// Message is the issue in words, in lang, naming the table, the row and
// the rule: t is the catalog's translator.
func (s *Schema) Message(lang string, t func(string, ...any) string, i Issue) string {
	in, ok := s.byCode[i.Code]
	if !ok {
		return t("stats.rule."+i.Rule, "", "", i.Code, "")
	}
	tab := s.table[i.Code]
	args := []any{tab.Code, tab.TitleIn(lang), in.Code, in.LabelIn(lang)}
	for j, a := range i.Args {
		if i.Rule == "part" && j == 2 {
			a = s.byCode[i.Args[1]].LabelIn(lang)
		}
		args = append(args, a)
	}
	key := "stats.rule." + i.Rule
	if i.Warning && i.Explained {
		key += "_explained"
	}
	return t(key, args...)
}
