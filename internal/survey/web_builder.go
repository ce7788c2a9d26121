package survey

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// EditPage is the questionnaire builder: the draft's pages and questions,
// the form adding (or replacing) a question, and the JSON import.
type EditPage struct {
	Survey Survey
	Def    Definition
	Form   *web.Form
	Types  []string
	Roles  []string
	JSON   string
	Edit   string // the question being edited
}

func (h *handler) edit(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("type", Single)
	f.Values.Set("page", strconv.Itoa(len(v.Draft.Pages)))
	edit := r.URL.Query().Get("q")
	if q, ok := v.Draft.Question(edit); ok {
		fillQuestion(f, v.Draft, q)
	} else {
		edit = ""
	}
	return h.site.Render(w, r, "survey/edit.html", "survey.title.edit", h.editPage(v, f, edit))
}

func (h *handler) editPage(v Survey, f *web.Form, edit string) EditPage {
	return EditPage{Survey: v, Def: v.Draft, Form: f, Types: Types(), Roles: Roles, JSON: string(v.Draft.JSON()), Edit: edit}
}

// fillQuestion puts a question back into the builder's form.
func fillQuestion(f *web.Form, d Definition, q Question) {
	for i, p := range d.Pages {
		for _, x := range p.Questions {
			if x.ID == q.ID {
				f.Values.Set("page", strconv.Itoa(i+1))
			}
		}
	}
	f.Values.Set("id", q.ID)
	f.Values.Set("type", q.Type)
	f.Values.Set("text_zh", q.Text.ZH)
	f.Values.Set("text_en", q.Text.EN)
	f.Values.Set("options", optionLines(q.Options))
	f.Values.Set("rows", optionLines(q.Rows))
	f.Values.Set("min", bound(q.Min))
	f.Values.Set("max", bound(q.Max))
	if q.Min == nil {
		f.Values.Set("min", "")
	}
	if q.Max == nil {
		f.Values.Set("max", "")
	}
	if q.Required {
		f.Values.Set("required", "1")
	}
	if q.Randomize {
		f.Values.Set("randomize", "1")
	}
	f.Values.Set("role", q.Role)
	if q.ShowIf != nil {
		f.Values.Set("show_if", q.ShowIf.Question+"="+strings.Join(q.ShowIf.Any, ","))
	}
}

// optionLines writes options one a line as "code 中文 | English".
func optionLines(opts []Option) string {
	var b strings.Builder
	for _, o := range opts {
		b.WriteString(o.Code + " " + o.Text.ZH)
		if o.Text.EN != "" {
			b.WriteString(" | " + o.Text.EN)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// parseOptions reads options typed one a line: "code 中文 | English", or
// just a text (numbered 1, 2, … then).
func parseOptions(text string) []Option {
	var out []Option
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		zh, en, _ := strings.Cut(line, "|")
		zh = strings.TrimSpace(zh)
		code := strconv.Itoa(len(out) + 1)
		if c, rest, ok := strings.Cut(zh, " "); ok && idPattern.MatchString("c"+c) && len(c) <= 8 {
			code, zh = c, strings.TrimSpace(rest)
		}
		out = append(out, Option{Code: code, Text: Text{ZH: zh, EN: strings.TrimSpace(en)}})
	}
	return out
}

// questionFrom reads the builder's form into a question and its page
// (1-based).
func questionFrom(f *web.Form) (Question, int, error) {
	var errs valid.Errors
	q := Question{ID: f.Get("id"), Type: f.Get("type"), Text: Text{ZH: f.Get("text_zh"), EN: f.Get("text_en")},
		Required: f.Get("required") == "1", Randomize: f.Get("randomize") == "1", Role: f.Get("role"),
		Options: parseOptions(f.Value("options")), Rows: parseOptions(f.Value("rows"))}
	num := func(name string) *float64 {
		s := f.Get(name)
		if s == "" {
			return nil
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || x != x || x > 1e12 || x < -1e12 {
			errs.Add(name, "survey.err.number")
			return nil
		}
		return &x
	}
	q.Min, q.Max = num("min"), num("max")
	if s := f.Get("show_if"); s != "" {
		dep, codes, ok := strings.Cut(s, "=")
		if !ok || strings.TrimSpace(codes) == "" {
			errs.Add("show_if", "survey.err.show_if_form")
		} else {
			c := &Cond{Question: strings.TrimSpace(dep)}
			for _, x := range strings.Split(codes, ",") {
				if x = strings.TrimSpace(x); x != "" {
					c.Any = append(c.Any, x)
				}
			}
			q.ShowIf = c
		}
	}
	if !idPattern.MatchString(q.ID) {
		errs.Add("id", "survey.err.qid", q.ID)
	}
	if q.Text.ZH == "" {
		errs.Add("text_zh", "survey.err.qtext", q.ID)
	}
	page, err := strconv.Atoi(f.Get("page"))
	if err != nil || page < 1 {
		errs.Add("page", "survey.err.page")
	}
	return q, page, errs.Err()
}

func (h *handler) saveQuestion(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	q, page, err := questionFrom(f)
	if err == nil {
		d := v.Draft
		d = withQuestion(d, q, page)
		if err = d.Validate(); err == nil || onlyEmpty(err) {
			if err = h.store.SaveDraft(r.Context(), v.ID, d); err == nil {
				h.site.AddFlash(w, r, "ok", "survey.flash.question")
				return web.Redirect(w, r, surveyURL(v.ID, "/edit#q-"+q.ID))
			}
		}
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	if list, ok := valid.As(err); ok && f.Message == "" {
		for _, e := range list {
			if strings.HasPrefix(e.Field, "q.") || e.Field == "definition" || e.Field == "title" {
				f.Message = h.site.T(r)(e.Key, e.Args...)
				break
			}
		}
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "survey/edit.html", "survey.title.edit", h.editPage(v, f, q.ID))
}

// withQuestion puts q on page (1-based; one past the last adds a page),
// replacing the question of the same ID where it stood.
func withQuestion(d Definition, q Question, page int) Definition {
	pages := make([]Page, len(d.Pages))
	for i, p := range d.Pages {
		pages[i] = Page{Title: p.Title, Questions: append([]Question(nil), p.Questions...)}
	}
	for pi, p := range pages {
		for qi, x := range p.Questions {
			if x.ID == q.ID && pi == page-1 {
				pages[pi].Questions[qi] = q
				d.Pages = pages
				return d
			}
			if x.ID == q.ID {
				pages[pi].Questions = append(p.Questions[:qi:qi], p.Questions[qi+1:]...)
			}
		}
	}
	for len(pages) < page {
		pages = append(pages, Page{})
	}
	pages[page-1].Questions = append(pages[page-1].Questions, q)
	d.Pages = pages
	return d
}

func (h *handler) deleteQuestion(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	qid := r.PathValue("qid")
	d := v.Draft
	for pi := range d.Pages {
		qs := d.Pages[pi].Questions[:0:0]
		for _, q := range d.Pages[pi].Questions {
			if q.ID != qid {
				qs = append(qs, q)
			}
		}
		d.Pages[pi].Questions = qs
	}
	return h.back(w, r, surveyURL(v.ID, "/edit"), h.store.SaveDraft(r.Context(), v.ID, d), "survey.flash.deleted")
}

func (h *handler) moveQuestion(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	qid, up := r.PathValue("qid"), r.FormValue("dir") == "up"
	d := v.Draft
	for pi := range d.Pages {
		qs := d.Pages[pi].Questions
		for i := range qs {
			if qs[i].ID != qid {
				continue
			}
			if up && i > 0 {
				qs[i-1], qs[i] = qs[i], qs[i-1]
			} else if !up && i+1 < len(qs) {
				qs[i+1], qs[i] = qs[i], qs[i+1]
			}
			return h.back(w, r, surveyURL(v.ID, "/edit#q-"+qid), h.store.SaveDraft(r.Context(), v.ID, d), "survey.flash.saved")
		}
	}
	return web.ErrNotFound
}

func (h *handler) addPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	d := v.Draft
	d.Pages = append(d.Pages, Page{Title: Text{ZH: strings.TrimSpace(r.FormValue("title_zh")), EN: strings.TrimSpace(r.FormValue("title_en"))}})
	return h.back(w, r, surveyURL(v.ID, "/edit"), h.store.SaveDraft(r.Context(), v.ID, d), "survey.flash.saved")
}

func (h *handler) importJSON(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 2<<20)
	if err != nil {
		return err
	}
	d, err := ParseDefinition([]byte(f.Value("json")))
	if err == nil {
		if err = h.store.SaveDraft(r.Context(), v.ID, d); err == nil {
			h.site.AddFlash(w, r, "ok", "survey.flash.imported", len(d.Questions()))
			return web.Redirect(w, r, surveyURL(v.ID, "/edit"))
		}
	}
	if list, ok := valid.As(err); ok {
		f.Message = h.site.T(r)(list[0].Key, list[0].Args...)
	} else {
		return err
	}
	p := h.editPage(v, f, "")
	p.JSON = f.Value("json")
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "survey/edit.html", "survey.title.edit", p)
}

func (h *handler) exportJSON(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	d := v.Draft
	if n, _ := strconv.Atoi(r.URL.Query().Get("version")); n > 0 {
		if d, err = h.store.Definition(r.Context(), v.ID, n); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", "attachment; filename=survey-"+strconv.FormatInt(v.ID, 10)+".json")
	_, err = w.Write(d.Export())
	return err
}

func (h *handler) publish(w http.ResponseWriter, r *http.Request) error {
	v, err := h.survey(r)
	if err != nil {
		return err
	}
	n, err := h.store.Publish(r.Context(), v.ID, userID(r))
	if err == nil {
		h.site.AddFlash(w, r, "ok", "survey.flash.published", n)
		return web.Redirect(w, r, surveyURL(v.ID, ""))
	}
	return h.back(w, r, surveyURL(v.ID, "/edit"), err, "")
}
