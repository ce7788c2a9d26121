package society

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/valid"
	"kexie/internal/web"
)

type assessPage struct {
	Soc        Ref
	ParentPath string
	Year       int
	Rows       []assessRow
	Assessment Assessment
	Grades     []Grade
	Form       *web.Form
	EnterCalls []GradingCall // open grading calls the society may be entered in
	AwardCalls []GradingCall // final grading calls the viewer may award from
}

type assessRow struct {
	Indicator
	Points   string
	Evidence string
}

func (h *handler) loadAssessment(r *http.Request, f *web.Form) (assessPage, error) {
	ctx := r.Context()
	soc, parent, err := h.society(ctx, r)
	if err != nil {
		return assessPage{}, err
	}
	year, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || year < 2000 || year > 2100 {
		return assessPage{}, web.ErrNotFound
	}
	p := assessPage{Soc: soc, ParentPath: parent, Year: year, Form: f}
	p.Assessment, err = h.store.GetAssessment(ctx, soc.ID, year)
	var nf *NotFoundError
	if err != nil && !errors.As(err, &nf) {
		return p, err
	}
	if p.Grades, err = h.store.Grades(ctx, soc.ID); err != nil {
		return p, err
	}
	if g := h.store.cfg.Grading; g != nil {
		if sc := h.site.Scope(r, "society.edit"); p.Assessment.Status == "submitted" && p.Assessment.AppID == 0 && sc.Contains(soc.Path) {
			if p.EnterCalls, err = g.Calls(ctx, soc.Path, false, sc); err != nil {
				return p, err
			}
		}
		if sc := h.site.Scope(r, "society.check"); sc.Contains(parent) {
			if p.AwardCalls, err = g.Calls(ctx, soc.Path, true, sc); err != nil {
				return p, err
			}
		}
	}
	for _, in := range Indicators {
		row := assessRow{Indicator: in, Points: f.Get("score_" + in.Key), Evidence: f.Get("evidence_" + in.Key)}
		if len(f.Values) == 0 {
			if v, ok := p.Assessment.Scores[in.Key]; ok {
				row.Points = strconv.FormatFloat(v*in.Weight, 'f', -1, 64)
			}
			row.Evidence = p.Assessment.Evidence[in.Key]
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// assessment is the society's self-assessment against the indicator tree,
// and, for the 科协, where the grade is recorded from the experts' score.
func (h *handler) assessment(w http.ResponseWriter, r *http.Request) error {
	p, err := h.loadAssessment(r, web.NewForm())
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "society/assessment.html", "society.title.assessment", p)
}

func (h *handler) assessmentSave(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	p, err := h.loadAssessment(r, f)
	if err != nil {
		return err
	}
	a := Assessment{OrgID: p.Soc.ID, Year: p.Year, Scores: map[string]float64{}, Evidence: map[string]string{}}
	for _, in := range Indicators {
		v := f.Get("score_" + in.Key)
		if v == "" {
			continue
		}
		x, ok := valid.Number(v)
		if !ok || x < 0 || x > in.Weight {
			f.Errors["score_"+in.Key] = h.site.T(r)("society.err.points", in.Weight)
			continue
		}
		a.Scores[in.Key] = x / in.Weight
		if e := f.Get("evidence_" + in.Key); e != "" {
			a.Evidence[in.Key] = e
		}
	}
	if len(f.Errors) == 0 {
		_, err = h.store.SaveAssessment(r.Context(), a, f.Get("action") == "submit")
		if err == nil {
			h.site.AddFlash(w, r, "ok", "society.flash.saved")
			return web.Redirect(w, r, r.URL.Path)
		}
		if !f.Fail(h.site.T(r), err) {
			return err
		}
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "society/assessment.html", "society.title.assessment", p)
}

// gradeAward records the society's grade from the expert score of a
// grading call (review engine) once its 公示 is over.
func (h *handler) gradeAward(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	soc, _, err := h.society(r.Context(), r)
	if err != nil {
		return err
	}
	year := f.Get("year")
	back := "/societies/" + strconv.FormatInt(soc.ID, 10) + "/assessment/" + year
	call, _ := strconv.ParseInt(f.Get("call_id"), 10, 64)
	if _, err := h.store.AwardFromReview(r.Context(), soc.ID, call, h.site.Scope(r, "society.check"), time.Time{}); err != nil {
		if f.Fail(h.site.T(r), err) {
			p, lerr := h.loadAssessment(withYear(r, year), web.NewForm())
			if lerr != nil {
				return lerr
			}
			p.Form = f
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "society/assessment.html", "society.title.assessment", p)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "society.flash.graded")
	return web.Redirect(w, r, back)
}

func withYear(r *http.Request, year string) *http.Request {
	r.SetPathValue("year", year)
	return r
}

// assessmentEnter enters the submitted self-assessment in a grading call
// of the review engine, as the society's unit application.
func (h *handler) assessmentEnter(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	p, err := h.loadAssessment(r, web.NewForm())
	if err != nil {
		return err
	}
	call, _ := strconv.ParseInt(f.Get("call_id"), 10, 64)
	if _, err := h.store.SubmitAssessment(r.Context(), p.Soc.ID, p.Year, call, web.SubjectFrom(r.Context()).UserID); err != nil {
		if f.Fail(h.site.T(r), err) {
			p.Form = f
			return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "society/assessment.html", "society.title.assessment", p)
		}
		return err
	}
	h.site.AddFlash(w, r, "ok", "society.flash.entered")
	return web.Redirect(w, r, "/societies/"+strconv.FormatInt(p.Soc.ID, 10)+"/assessment/"+strconv.Itoa(p.Year))
}
