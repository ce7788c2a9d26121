package youth

import (
	"net/http"
	"strconv"

	"kexie/internal/valid"
	"kexie/internal/web"
)

// StudentPage is one student for staff: masked contact (in full on the
// reveal's answer only), the consent, applications and mentoring.
type StudentPage struct {
	Student    Student
	Enrolments []Enrolment
	Pairs      []Pair
	Form       *web.Form
	MentorQ    string
	Hits       []Mentor
	Revealed   string
	RevealedID string
	Today      string
	Max        int
}

func (h *handler) renderStudent(w http.ResponseWriter, r *http.Request, f *web.Form, status int, contact, idn string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	st, err := h.store.Student(r.Context(), id)
	if err != nil {
		return err
	}
	p := StudentPage{Student: st, Form: f, Revealed: contact, RevealedID: idn, MentorQ: r.URL.Query().Get("mentor_q"),
		Today: h.store.db.Now().In(zone).Format("2006-01-02"), Max: h.store.MaxMentees()}
	scope := h.site.Scope(r, "youth.view")
	if p.Enrolments, err = h.store.StudentEnrolments(r.Context(), id); err != nil {
		return err
	}
	if p.Pairs, _, err = h.store.Pairs(r.Context(), PairFilter{Scope: scope, StudentID: id}); err != nil {
		return err
	}
	if p.MentorQ != "" {
		if p.Hits, err = h.store.FindMentors(r.Context(), h.site.Scope(r, "youth.handle"), p.MentorQ); err != nil {
			return err
		}
	}
	return h.site.RenderStatus(w, r, status, "youth/student.html", "youth.title.student", p)
}

func (h *handler) student(w http.ResponseWriter, r *http.Request) error {
	return h.renderStudent(w, r, web.NewForm(), http.StatusOK, "", "")
}

// reveal shows a guardian's contact in full on this answer only; the store
// audits it.
func (h *handler) reveal(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, idn, err := h.store.RevealStudent(r.Context(), id)
	if err != nil {
		return err
	}
	return h.renderStudent(w, r, web.NewForm(), http.StatusOK, c, idn)
}

func (h *handler) pair(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	pid, _ := strconv.ParseInt(f.Get("person_id"), 10, 64)
	pairID, err := h.store.CreatePair(r.Context(), id, pid, f.Get("started_on"), h.site.Scope(r, "youth.handle"), actor(r))
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		return h.renderStudent(w, r, f, http.StatusUnprocessableEntity, "", "")
	}
	h.site.AddFlash(w, r, "ok", "youth.flash.paired")
	return web.Redirect(w, r, "/youth/admin/pairs/"+itoa(pairID))
}

// PairsPage lists the mentoring pairs in scope.
type PairsPage struct {
	List   *web.List
	Pairs  []Pair
	Active bool
	Org    string
}

func (h *handler) pairs(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "")
	p := PairsPage{List: l, Active: l.Get("active") == "1", Org: l.Get("org")}
	f := PairFilter{Scope: h.site.Scope(r, "youth.view"), Q: l.Q, Active: p.Active, OrgPath: h.orgPath(r, p.Org), Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 1000, 0
		var all []Pair
		for {
			list, _, err := h.store.Pairs(r.Context(), f)
			if err != nil {
				return err
			}
			all = append(all, list...)
			if len(list) < f.Limit {
				break
			}
			f.Offset += f.Limit
		}
		return serveXLSX(w, "导师结对.xlsx", pairTable(h.site.T(r), all))
	}
	list, total, err := h.store.Pairs(r.Context(), f)
	if err != nil {
		return err
	}
	p.Pairs, l.Total = list, total
	return h.site.Render(w, r, "youth/pairs.html", "youth.title.pairs", p)
}

// PairPage is one pair, its meetings and the forms to log one or end it.
type PairPage struct {
	Pair     Pair
	Meetings []PairMeeting
	Form     *web.Form
	Outcomes []string
	Today    string
}

func (h *handler) renderPair(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	pr, err := h.store.Pair(r.Context(), id)
	if err != nil {
		return err
	}
	p := PairPage{Pair: pr, Form: f, Outcomes: Outcomes, Today: h.store.db.Now().In(zone).Format("2006-01-02")}
	if p.Meetings, err = h.store.PairMeetings(r.Context(), id); err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "youth/pair.html", "youth.title.pair", p)
}

func (h *handler) pairPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderPair(w, r, web.NewForm(), http.StatusOK)
}

func (h *handler) meeting(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.meeting", "/youth/admin/pairs/", func(id int64, f *web.Form) error {
		return h.store.LogMeeting(r.Context(), id, f.Get("held_on"), f.Get("hours"), f.Value("note"), actor(r))
	}, func(f *web.Form) error { return h.renderPair(w, r, f, http.StatusUnprocessableEntity) })
}

func (h *handler) endPair(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.pair_ended", "/youth/admin/pairs/", func(id int64, f *web.Form) error {
		return h.store.EndPair(r.Context(), id, f.Get("ended_on"), f.Get("outcome"), actor(r))
	}, func(f *web.Form) error { return h.renderPair(w, r, f, http.StatusUnprocessableEntity) })
}

// TeachersPage is the registry of 科技辅导员 in scope.
type TeachersPage struct {
	List       *web.List
	Teachers   []Teacher
	Org        string
	Region     string
	Place      web.RegionFilter
	Recognized bool
}

func (h *handler) teachers(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "name", "name", "school", "hours")
	p := TeachersPage{List: l, Org: l.Get("org"), Region: l.Get("region"), Recognized: l.Get("recognized") == "1"}
	f := TeacherFilter{Scope: h.site.Scope(r, "youth.view"), Q: l.Q, Recognized: p.Recognized, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset(),
		OrgPath: h.orgPath(r, p.Org)}
	var redirect string
	if p.Place, redirect = web.ReadRegionFilter(h.site.T(r), l); redirect != "" {
		return web.Redirect(w, r, redirect)
	}
	f.Region = p.Place.Code
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
		list, _, err := h.store.Teachers(r.Context(), f)
		if err != nil {
			return err
		}
		return serveXLSX(w, "科技辅导员.xlsx", TeacherTable(h.site.T(r), list))
	}
	list, total, err := h.store.Teachers(r.Context(), f)
	if err != nil {
		return err
	}
	p.Teachers, l.Total = list, total
	return h.site.Render(w, r, "youth/teachers.html", "youth.title.teachers", p)
}

// TeacherFormPage registers a teacher.
type TeacherFormPage struct{ Form *web.Form }

func (h *handler) teacherForm(w http.ResponseWriter, r *http.Request) error {
	return h.site.Render(w, r, "youth/teacher_new.html", "youth.title.teacher_new", TeacherFormPage{Form: web.NewForm()})
}

func (h *handler) teacherCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	in := TeacherInput{Name: f.Get("name"), School: f.Get("school"), Subject: f.Get("subject"), RegionCode: f.Get("region_code"),
		Contact: f.Get("contact"), Username: f.Get("username")}
	var ferr error
	if o, err := h.orgs.FromForm(r.Context(), f.Get("org_id")); err != nil || !h.site.Scope(r, "youth.handle").Contains(o.Path) {
		ferr = valid.New("org_id", "youth.err.org")
	} else {
		in.OrgID = o.ID
		var id int64
		if id, ferr = h.store.RegisterTeacher(r.Context(), in, actor(r)); ferr == nil {
			h.site.AddFlash(w, r, "ok", "youth.flash.teacher")
			return web.Redirect(w, r, "/youth/admin/teachers/"+itoa(id))
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "youth/teacher_new.html", "youth.title.teacher_new", TeacherFormPage{Form: f})
}

// TeacherPage is one teacher, their trainings and recognitions.
type TeacherPage struct {
	Revealed     string // the contact in full, on the reveal's answer only
	Teacher      Teacher
	Trainings    []Training
	Recognitions []Recognition
	Form         *web.Form
	Year         int
}

func (h *handler) renderTeacher(w http.ResponseWriter, r *http.Request, f *web.Form, status int, revealed ...string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	t, err := h.store.Teacher(r.Context(), id)
	if err != nil {
		return err
	}
	p := TeacherPage{Teacher: t, Form: f, Year: h.store.db.Now().In(zone).Year()}
	if len(revealed) > 0 {
		p.Revealed = revealed[0]
	}
	if p.Trainings, p.Recognitions, err = h.store.History(r.Context(), id); err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "youth/teacher.html", "youth.title.teacher", p)
}

func (h *handler) teacher(w http.ResponseWriter, r *http.Request) error {
	return h.renderTeacher(w, r, web.NewForm(), http.StatusOK)
}

func (h *handler) training(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.training", "/youth/admin/teachers/", func(id int64, f *web.Form) error {
		return h.store.AddTraining(r.Context(), id, f.Get("held_on"), f.Get("title"), f.Get("hours"), actor(r))
	}, func(f *web.Form) error { return h.renderTeacher(w, r, f, http.StatusUnprocessableEntity) })
}

func (h *handler) recognize(w http.ResponseWriter, r *http.Request) error {
	return h.site.Step(w, r, formLimit, "youth.flash.recognized", "/youth/admin/teachers/", func(id int64, f *web.Form) error {
		year, _ := strconv.Atoi(f.Get("year"))
		return h.store.Recognize(r.Context(), id, year, f.Get("title"), actor(r))
	}, func(f *web.Form) error { return h.renderTeacher(w, r, f, http.StatusUnprocessableEntity) })
}

// teacherReveal shows a teacher's contact in full on this answer only; the
// store audits it.
func (h *handler) teacherReveal(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.RevealTeacher(r.Context(), id)
	if err != nil {
		return err
	}
	return h.renderTeacher(w, r, web.NewForm(), http.StatusOK, c)
}
