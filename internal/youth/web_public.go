package youth

import (
	"net/http"
	"strconv"
	"time"

	"kexie/internal/web"
)

// PublicPage lists the programmes open to the public, with counts only.
type PublicPage struct {
	List       *web.List
	Programmes []Programme
	Kind       string
	Kinds      []string
	Totals     PublicCounts
}

func (h *handler) publicList(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-starts", "starts")
	p := PublicPage{List: l, Kind: l.Get("kind"), Kinds: Kinds}
	f := ProgrammeFilter{Public: true, Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if inList(Kinds, p.Kind) {
		f.Kind = p.Kind
	}
	list, total, err := h.store.Programmes(r.Context(), f)
	if err != nil {
		return err
	}
	p.Programmes, l.Total = list, total
	if p.Totals, err = h.store.PublicTotals(r.Context()); err != nil {
		return err
	}
	return h.site.Render(w, r, "youth/public.html", "youth.title.public", p)
}

// PublicProgrammePage is one programme for the public: counts, no names.
// Started: its first day has come, so it takes no more applications.
type PublicProgrammePage struct {
	Programme Programme
	Started   bool
}

func (h *handler) publicProgramme(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.store.PublicProgramme(r.Context(), id)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "youth/programme_public.html", "youth.title.programme", PublicProgrammePage{Programme: p, Started: p.Started(h.store.db.Now())})
}

// ApplyPage is the form a teacher or a guardian fills for a student.
type ApplyPage struct {
	Programme  Programme
	Form       *web.Form
	Grades     []int
	Ways       []string
	Genders    []string
	BirthYears []int
}

func (h *handler) applyPage(r *http.Request, f *web.Form) (ApplyPage, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return ApplyPage{}, err
	}
	p, err := h.store.PublicProgramme(r.Context(), id)
	if err != nil {
		return ApplyPage{}, err
	}
	ap := ApplyPage{Programme: p, Form: f, Ways: ConsentWays, Genders: Genders}
	for g := p.GradeLo; g <= p.GradeHi; g++ {
		ap.Grades = append(ap.Grades, g)
	}
	now := h.store.db.Now().In(zone).Year()
	for y := now - 4; y >= now-20; y-- {
		ap.BirthYears = append(ap.BirthYears, y)
	}
	return ap, nil
}

func (h *handler) applyForm(w http.ResponseWriter, r *http.Request) error {
	p, err := h.applyPage(r, web.NewForm())
	if err != nil {
		return err
	}
	if p.Programme.Status != Open || p.Programme.Started(h.store.db.Now()) {
		// The programme's page says why it takes no applications.
		return web.Redirect(w, r, "/youth/programmes/"+strconv.FormatInt(p.Programme.ID, 10))
	}
	return h.site.Render(w, r, "youth/apply.html", "youth.title.apply", p)
}

func (h *handler) apply(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	in := ApplyInput{ProgrammeID: id, Student: StudentInput{Name: f.Get("name"), Gender: f.Get("gender"), BirthYear: f.Get("birth_year"),
		School: f.Get("school"), Grade: f.Get("grade"), GuardianName: f.Get("guardian_name"), GuardianContact: f.Get("guardian_contact"),
		IDNumber: f.Get("id_number"), Consent: f.Get("consent") == "1", ConsentHow: f.Get("consent_how")}}
	if _, err := h.store.Apply(r.Context(), in, actor(r)); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.applyPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "youth/apply.html", "youth.title.apply", p)
	}
	h.site.AddFlash(w, r, "ok", "youth.flash.applied")
	return web.Redirect(w, r, "/youth/mine")
}

// MinePage lists what the signed-in user applied for; each application
// not yet started may be withdrawn.
type MinePage struct {
	Enrolments []Enrolment
	Now        time.Time
	Form       *web.Form
	Failed     int64 // the application a refused withdrawal was for
}

func (h *handler) renderMine(w http.ResponseWriter, r *http.Request, f *web.Form, failed int64, status int) error {
	list, _, err := h.store.List(r.Context(), Filter{Applicant: actor(r).UserID, Limit: 200})
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "youth/mine.html", "youth.title.mine", MinePage{Enrolments: list, Now: h.now(), Form: f, Failed: failed})
}

func (h *handler) mine(w http.ResponseWriter, r *http.Request) error {
	return h.renderMine(w, r, web.NewForm(), 0, http.StatusOK)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
