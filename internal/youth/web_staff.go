package youth

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// ListPage is the staff's list of enrolments in their scope.
type ListPage struct {
	List     *web.List
	Items    []Enrolment
	Status   string
	Kind     string
	Band     string
	Org      string
	Statuses []string
	Kinds    []string
	Bands    []string
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-applied", "applied", "name", "grade")
	p := ListPage{List: l, Status: l.Get("status"), Kind: l.Get("kind"), Band: l.Get("band"), Org: l.Get("org"),
		Statuses: EnrolStatuses, Kinds: Kinds, Bands: Bands}
	f := Filter{Scope: h.site.Scope(r, "youth.view"), Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset(), OrgPath: h.orgPath(r, p.Org)}
	if inList(EnrolStatuses, p.Status) {
		f.Status = p.Status
	}
	if inList(Kinds, p.Kind) {
		f.Kind = p.Kind
	}
	if inList(Bands, p.Band) {
		f.Band = p.Band
	}
	if pid, err := strconv.ParseInt(l.Get("programme"), 10, 64); err == nil {
		f.ProgrammeID = pid
	}
	if web.WantsExport(r) {
		t, err := h.store.Export(r.Context(), f, h.site.T(r))
		if err != nil {
			return err
		}
		return sheet.ServeXLSX(w, "青少年活动报名.xlsx", t)
	}
	items, total, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	p.Items, l.Total = items, total
	return h.site.Render(w, r, "youth/list.html", "youth.title.enrolments", p)
}

// EnrolmentPage is one application: the student (no contact), the
// timeline and the steps its status allows.
type EnrolmentPage struct {
	Enrolment   Enrolment
	Events      []Event
	Form        *web.Form
	IsApplicant bool
	Decisions   []string
	Twins       int // other live applications with the same name and school
}

func (h *handler) renderEnrolment(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	e, err := h.store.Enrolment(r.Context(), id)
	if err != nil {
		return err
	}
	p := EnrolmentPage{Enrolment: e, Form: f, Decisions: Decisions}
	me := actor(r).UserID
	p.IsApplicant = me != 0 && me == e.ApplicantUser
	if p.Events, err = h.store.Events(r.Context(), e.ProgrammeID, e.ID); err != nil {
		return err
	}
	if inList(live, e.Status) {
		if p.Twins, err = h.store.Twins(r.Context(), e); err != nil {
			return err
		}
	}
	return h.site.RenderStatus(w, r, status, "youth/enrolment.html", "youth.title.enrolment", p)
}

func (h *handler) enrolment(w http.ResponseWriter, r *http.Request) error {
	return h.renderEnrolment(w, r, web.NewForm(), http.StatusOK)
}

func (h *handler) decide(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.decided", "/youth/admin/enrolments/", func(id int64, f *web.Form) error {
		return h.store.Decide(r.Context(), id, f.Get("decision"), f.Value("reason"), actor(r))
	}, func(f *web.Form) error { return h.renderEnrolment(w, r, f, http.StatusUnprocessableEntity) })
}

func (h *handler) complete(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.completed", "/youth/admin/enrolments/", func(id int64, f *web.Form) error {
		_, err := h.store.Complete(r.Context(), id, actor(r))
		return err
	}, func(f *web.Form) error { return h.renderEnrolment(w, r, f, http.StatusUnprocessableEntity) })
}

// ProgrammesPage is the staff's list of programmes.
type ProgrammesPage struct {
	List       *web.List
	Programmes []Programme
	Kind       string
	Status     string
	Org        string
	Kinds      []string
	Statuses   []string
}

func (h *handler) programmes(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-starts", "starts", "title")
	p := ProgrammesPage{List: l, Kind: l.Get("kind"), Status: l.Get("status"), Org: l.Get("org"), Kinds: Kinds, Statuses: ProgrammeStatuses}
	f := ProgrammeFilter{Scope: h.site.Scope(r, "youth.view"), Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset(), OrgPath: h.orgPath(r, p.Org)}
	if inList(Kinds, p.Kind) {
		f.Kind = p.Kind
	}
	if inList(ProgrammeStatuses, p.Status) {
		f.Status = p.Status
	}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
		list, _, err := h.store.Programmes(r.Context(), f)
		if err != nil {
			return err
		}
		return serveXLSX(w, "青少年科技活动.xlsx", programmeTable(h.site.T(r), list))
	}
	list, total, err := h.store.Programmes(r.Context(), f)
	if err != nil {
		return err
	}
	p.Programmes, l.Total = list, total
	return h.site.Render(w, r, "youth/programmes.html", "youth.title.programmes", p)
}

// ProgrammeFormPage creates a programme.
type ProgrammeFormPage struct {
	Form   *web.Form
	Kinds  []string
	Grades []int
}

func grades() []int {
	var out []int
	for g := MinGrade; g <= MaxGrade; g++ {
		out = append(out, g)
	}
	return out
}

func (h *handler) programmeForm(w http.ResponseWriter, r *http.Request) error {
	return h.site.Render(w, r, "youth/programme_new.html", "youth.title.programme_new", ProgrammeFormPage{Form: web.NewForm(), Kinds: Kinds, Grades: grades()})
}

func (h *handler) programmeCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	in := ProgrammeInput{Title: f.Get("title"), Kind: f.Get("kind"), StartsOn: f.Get("starts_on"), EndsOn: f.Get("ends_on"), Places: f.Get("places"),
		GradeLo: f.Get("grade_lo"), GradeHi: f.Get("grade_hi"), Fee: f.Get("fee"), Description: f.Value("description")}
	var ferr error
	o, oerr := h.orgs.FromForm(r.Context(), f.Get("org_id"))
	if oerr != nil || !h.site.Scope(r, "youth.handle").Contains(o.Path) {
		// Without an org the store checks the rest and refuses the org
		// (OrgID 0), so every error shows at once and nothing is saved.
		_, ferr = h.store.CreateProgramme(r.Context(), in, actor(r))
	} else {
		in.OrgID = o.ID
		var id int64
		if id, ferr = h.store.CreateProgramme(r.Context(), in, actor(r)); ferr == nil {
			h.site.AddFlash(w, r, "ok", "youth.flash.programme")
			return web.Redirect(w, r, "/youth/admin/programmes/"+itoa(id))
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "youth/programme_new.html", "youth.title.programme_new",
		ProgrammeFormPage{Form: f, Kinds: Kinds, Grades: grades()})
}

// ProgrammePage is one programme for staff: its roster (names, no
// contacts), attendance of a day, the moves its status allows.
type ProgrammePage struct {
	Programme  Programme
	Roster     []Enrolment
	Attendance map[int64]map[string]bool
	Events     []Event
	Form       *web.Form
	Day        string
	Days       []string
	CanAttend  bool
}

// Present reports whether enrolment id was present on day.
func (p ProgrammePage) Present(id int64, day string) bool { return p.Attendance[id][day] }

func (h *handler) renderProgramme(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	pr, err := h.store.Programme(r.Context(), id)
	if err != nil {
		return err
	}
	p := ProgrammePage{Programme: pr, Form: f}
	today := h.store.db.Now().In(zone).Format("2006-01-02")
	for _, d := range pr.Days() {
		if s := d.Format("2006-01-02"); s <= today {
			p.Days = append(p.Days, s)
		}
	}
	p.Day = r.URL.Query().Get("day")
	if v := f.Get("day"); v != "" {
		p.Day = v
	}
	if !inList(p.Days, p.Day) && len(p.Days) > 0 {
		p.Day = p.Days[len(p.Days)-1]
	}
	p.CanAttend = len(p.Days) > 0 && (pr.Status == Open || pr.Status == Closed || pr.Status == Ended)
	if p.Roster, _, err = h.store.List(r.Context(), Filter{Scope: h.site.Scope(r, "youth.view"), ProgrammeID: id, Sort: "name", Limit: MaxPlaces * 2}); err != nil {
		return err
	}
	if p.Attendance, err = h.store.Attendance(r.Context(), id); err != nil {
		return err
	}
	if p.Events, err = h.store.Events(r.Context(), id, 0); err != nil {
		return err
	}
	p.Events = h.labelEvents(r, p.Events)
	return h.site.RenderStatus(w, r, status, "youth/programme.html", "youth.title.programme", p)
}

func (h *handler) programme(w http.ResponseWriter, r *http.Request) error {
	return h.renderProgramme(w, r, web.NewForm(), http.StatusOK)
}

func (h *handler) move(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.moved", "/youth/admin/programmes/", func(id int64, f *web.Form) error {
		return h.store.Move(r.Context(), id, f.Get("step"), f.Value("note"), actor(r))
	}, func(f *web.Form) error { return h.renderProgramme(w, r, f, http.StatusUnprocessableEntity) })
}

func (h *handler) attend(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.attended", "/youth/admin/programmes/", func(id int64, f *web.Form) error {
		present := map[int64]bool{}
		vals := f.Values["present"]
		if len(vals) > MaxPlaces {
			return valid.New("", "youth.err.too_many")
		}
		for _, v := range vals {
			if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
				present[n] = true
			}
		}
		return h.store.AttendDay(r.Context(), id, f.Get("day"), present, actor(r))
	}, func(f *web.Form) error { return h.renderProgramme(w, r, f, http.StatusUnprocessableEntity) })
}
