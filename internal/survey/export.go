package survey

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/sheet"
)

// Column is one column of the wide export and its codebook entry.
type Column struct {
	Name     string // e.g. "q3", "burden_a", "eval.b"
	Question Question
	Label    string // what the column holds
	get      func(Answers) string
}

// Columns lays out the wide export of d: one column per single answer, one
// 0/1 column per option of a multiple choice, one per matrix row, one rank
// column per option of a ranking.
func Columns(d Definition, lang string) []Column {
	var out []Column
	for _, q := range d.Questions() {
		q := q
		switch q.Type {
		case Multiple:
			for _, o := range q.Options {
				code := o.Code
				out = append(out, Column{Name: q.ID + "_" + code, Question: q, Label: o.Text.In(lang), get: func(a Answers) string {
					if _, ok := a[q.ID]; !ok {
						return ""
					}
					if oneOf(code, a[q.ID]) {
						return "1"
					}
					return "0"
				}})
			}
		case Matrix:
			for _, r := range q.Rows {
				key := q.ID + "." + r.Code
				out = append(out, Column{Name: key, Question: q, Label: r.Text.In(lang), get: func(a Answers) string { return first(a[key]) }})
			}
		case Ranking:
			for _, o := range q.Options {
				code := o.Code
				out = append(out, Column{Name: q.ID + "_" + code, Question: q, Label: o.Text.In(lang), get: func(a Answers) string {
					for i, c := range a[q.ID] {
						if c == code {
							return strconv.Itoa(i + 1)
						}
					}
					return ""
				}})
			}
		default:
			out = append(out, Column{Name: q.ID, Question: q, Label: q.Text.In(lang), get: func(a Answers) string { return first(a[q.ID]) }})
		}
	}
	return out
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// Codebook describes every column: the question, its type and each code's
// meaning.
func Codebook(cols []Column, lang string, t func(string, ...any) string) sheet.Table {
	tab := sheet.Table{Sheet: t("survey.export.codebook"), Headers: []string{t("survey.export.column"), t("survey.f.question"), t("survey.f.type"),
		t("survey.export.holds"), t("survey.export.codes")}}
	for _, c := range cols {
		var codes []string
		switch c.Question.Type {
		case Single, Matrix:
			for _, o := range c.Question.Options {
				codes = append(codes, o.Code+"="+o.Text.In(lang))
			}
		case Multiple:
			codes = []string{"1=" + t("survey.export.chosen"), "0=" + t("survey.export.not_chosen")}
		case Ranking:
			codes = []string{t("survey.export.rank")}
		case Rating:
			codes = []string{"1–" + bound(c.Question.Max)}
		}
		tab.Rows = append(tab.Rows, []string{c.Name, c.Question.Text.In(lang), t("survey.type." + c.Question.Type), c.Label, strings.Join(codes, "; ")})
	}
	return tab
}

func (h *handler) export(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	if v.Version == 0 {
		return web404()
	}
	def, err := h.store.Definition(r.Context(), v.ID, v.Version)
	if err != nil {
		return err
	}
	lang := langOf(r)
	t := h.site.T(r)
	cols := Columns(def, lang)
	head := []string{"id", "version", "station", "org", "submitted_at", "seconds", "flags", "excluded", "reason", "score", "literate", "grade"}
	tab := sheet.Table{Sheet: t("survey.export.data"), Headers: head}
	for _, c := range cols {
		tab.Headers = append(tab.Headers, c.Name)
	}
	scope := h.site.Scope(r, "survey.view")
	for off := 0; ; off += 5000 {
		list, _, err := h.store.Responses(r.Context(), v.ID, RespFilter{Scope: scope, Limit: 5000, Offset: off})
		if err != nil {
			return err
		}
		for _, x := range list {
			line := []string{strconv.FormatInt(x.ID, 10), strconv.Itoa(x.Version), strconv.FormatInt(x.StationID, 10), x.OrgName,
				sheet.DateTime(x.SubmittedAt), strconv.Itoa(x.Seconds()), strings.Join(x.Flags, ","), b2s(x.Excluded), x.Reason,
				strconv.FormatFloat(x.Score, 'f', -1, 64), b2s(x.Literate), x.Grade}
			for _, c := range cols {
				line = append(line, c.get(x.Answers))
			}
			tab.Rows = append(tab.Rows, line)
		}
		if len(list) < 5000 {
			break
		}
	}
	name := "survey-" + strconv.FormatInt(v.ID, 10)
	switch r.URL.Query().Get("format") {
	case "csv":
		return serveCSV(w, name+".csv", append([][]string{tab.Headers}, tab.Rows...))
	case "codebook":
		cb := Codebook(cols, lang, t)
		return serveCSV(w, name+"-codebook.csv", append([][]string{cb.Headers}, cb.Rows...))
	}
	return sheet.ServeXLSXBook(w, name+".xlsx", tab, Codebook(cols, lang, t))
}

func b2s(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
