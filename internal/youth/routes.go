package youth

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the module: staff of an org read (youth.view) and run
// (youth.handle) the programmes, enrolments, pairs and teachers of its
// subtree; only org administrators reveal a guardian's or a teacher's
// contact (youth.reveal), and every reveal is audited.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "youth.view", Roles: staff, Label: "youth.perm.view"},
		{Action: "youth.handle", Roles: staff, Label: "youth.perm.handle"},
		{Action: "youth.reveal", Roles: []access.Role{access.OrgAdmin}, Label: "youth.perm.reveal"},
	}
}

// Module returns the module for the wiring in package app.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "youth",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			// A teacher or guardian finds the students they applied for
			// among their own things, as 我的建言诉求 and 我的学术会议.
			{Section: "nav.section.mine", Label: "youth.nav.mine", Href: "/youth/mine", Order: 68},
			{Section: "youth.nav.section", Label: "youth.nav.enrolments", Href: "/youth/admin", Action: "youth.view", Order: 76},
			{Section: "youth.nav.section", Label: "youth.nav.programmes", Href: "/youth/admin/programmes", Action: "youth.view", Order: 77},
			{Section: "youth.nav.section", Label: "youth.nav.pairs", Href: "/youth/admin/pairs", Action: "youth.view", Order: 78},
			{Section: "youth.nav.section", Label: "youth.nav.teachers", Href: "/youth/admin/teachers", Action: "youth.view", Order: 79},
			{Section: "youth.nav.section", Label: "youth.nav.stats", Href: "/youth/admin/stats", Action: "youth.view", Order: 80},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			site.AddNamer("youth_programme", s.ProgrammeNames)
			site.AddNamer("youth_teacher", s.TeacherNames)
			pub := access.Public()
			site.Handle("GET /youth", pub, h.publicList)
			site.Handle("GET /youth/programmes/{id}", pub, h.publicProgramme)
			site.Handle("GET /youth/programmes/{id}/apply", access.SignedIn(), h.applyForm)
			site.Handle("POST /youth/programmes/{id}/apply", access.SignedIn(), h.apply)
			site.Handle("GET /youth/mine", access.SignedIn(), h.mine)
			site.Handle("POST /youth/mine/{id}/withdraw", access.SignedIn(), h.withdraw)

			view := access.Require("youth.view", nil)
			handle := access.Require("youth.handle", nil)
			site.Handle("GET /youth/admin", view, h.list)
			site.Handle("GET /youth/admin/enrolments/{id}", access.Require("youth.view", s.enrolmentResolver), h.enrolment)
			site.Handle("POST /youth/admin/enrolments/{id}/decide", access.Require("youth.handle", s.enrolmentResolver), h.decide)
			site.Handle("POST /youth/admin/enrolments/{id}/complete", access.Require("youth.handle", s.enrolmentResolver), h.complete)
			site.Handle("POST /youth/admin/enrolments/{id}/cancel", access.Require("youth.handle", s.enrolmentResolver), h.cancelEnrolment)
			site.Handle("GET /youth/admin/programmes", view, h.programmes)
			site.Handle("GET /youth/admin/programmes/new", handle, h.programmeForm)
			site.Handle("POST /youth/admin/programmes/new", handle, h.programmeCreate)
			site.Handle("GET /youth/admin/programmes/{id}", access.Require("youth.view", s.programmeResolver), h.programme)
			site.Handle("GET /youth/admin/programmes/{id}/edit", access.Require("youth.handle", s.programmeResolver), h.programmeEditForm)
			site.Handle("POST /youth/admin/programmes/{id}/edit", access.Require("youth.handle", s.programmeResolver), h.programmeEdit)
			site.Handle("POST /youth/admin/programmes/{id}/move", access.Require("youth.handle", s.programmeResolver), h.move)
			site.Handle("POST /youth/admin/programmes/{id}/attend", access.Require("youth.handle", s.programmeResolver), h.attend)
			site.Handle("GET /youth/admin/students/{id}", access.Require("youth.view", s.studentResolver), h.student)
			site.Handle("POST /youth/admin/students/{id}/reveal", access.Require("youth.reveal", s.studentResolver), h.reveal)
			site.Handle("POST /youth/admin/students/{id}/pair", access.Require("youth.handle", s.studentResolver), h.pair)
			site.Handle("GET /youth/admin/pairs", view, h.pairs)
			site.Handle("GET /youth/admin/pairs/{id}", access.Require("youth.view", s.pairResolver), h.pairPage)
			site.Handle("POST /youth/admin/pairs/{id}/meeting", access.Require("youth.handle", s.pairResolver), h.meeting)
			site.Handle("POST /youth/admin/pairs/{id}/end", access.Require("youth.handle", s.pairResolver), h.endPair)
			site.Handle("GET /youth/admin/teachers", view, h.teachers)
			site.Handle("GET /youth/admin/teachers/new", handle, h.teacherForm)
			site.Handle("POST /youth/admin/teachers/new", handle, h.teacherCreate)
			site.Handle("GET /youth/admin/teachers/{id}", access.Require("youth.view", s.teacherResolver), h.teacher)
			site.Handle("POST /youth/admin/teachers/{id}/reveal", access.Require("youth.reveal", s.teacherResolver), h.teacherReveal)
			site.Handle("POST /youth/admin/teachers/{id}/training", access.Require("youth.handle", s.teacherResolver), h.training)
			site.Handle("POST /youth/admin/teachers/{id}/recognize", access.Require("youth.handle", s.teacherResolver), h.recognize)
			site.Handle("GET /youth/admin/stats", view, h.stats)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}

func resolve(r *http.Request, get func(ctx context.Context, id int64) (string, int64, error)) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	path, orgID, err := get(r.Context(), id)
	return access.Resource{OrgID: orgID, OrgPath: path}, err
}

func (s *Store) programmeResolver(r *http.Request) (access.Resource, error) {
	return resolve(r, func(ctx context.Context, id int64) (string, int64, error) {
		p, err := getProgramme(ctx, s.db, id)
		return p.OrgPath, p.OrgID, err
	})
}

func (s *Store) enrolmentResolver(r *http.Request) (access.Resource, error) {
	return resolve(r, func(ctx context.Context, id int64) (string, int64, error) {
		e, err := getEnrolment(ctx, s.db, id)
		return e.OrgPath, e.OrgID, err
	})
}

func (s *Store) studentResolver(r *http.Request) (access.Resource, error) {
	return resolve(r, func(ctx context.Context, id int64) (string, int64, error) {
		st, err := getStudent(ctx, s.db, id)
		return st.OrgPath, st.OrgID, err
	})
}

func (s *Store) pairResolver(r *http.Request) (access.Resource, error) {
	return resolve(r, func(ctx context.Context, id int64) (string, int64, error) {
		p, err := getPair(ctx, s.db, id)
		return p.OrgPath, p.OrgID, err
	})
}

func (s *Store) teacherResolver(r *http.Request) (access.Resource, error) {
	return resolve(r, func(ctx context.Context, id int64) (string, int64, error) {
		t, err := getTeacher(ctx, s.db, id)
		return t.OrgPath, t.OrgID, err
	})
}

// ProgrammeNames gives the audit viewer the titles of programmes.
func (s *Store) ProgrammeNames(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM youth_programmes WHERE id IN (%s)`, ids,
		func(id int64) string { return "/youth/admin/programmes/" + strconv.FormatInt(id, 10) })
}

// TeacherNames gives the audit viewer the names of teachers.
func (s *Store) TeacherNames(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, name FROM youth_teachers WHERE id IN (%s)`, ids,
		func(id int64) string { return "/youth/admin/teachers/" + strconv.FormatInt(id, 10) })
}

// actor is the signed-in user doing a step.
func actor(r *http.Request) Actor {
	s := web.SubjectFrom(r.Context())
	if s == nil {
		return Actor{}
	}
	name := s.Name
	if name == "" {
		name = s.Username
	}
	return Actor{UserID: s.UserID, Name: name}
}

// orgPath resolves an org filter as typed or picked to a path; one that
// matches nothing when there is no such org.
func (h *handler) orgPath(r *http.Request, v string) string {
	if v == "" {
		return ""
	}
	o, err := h.orgs.FromForm(r.Context(), v)
	if err != nil {
		return "/0/"
	}
	return o.Path
}

const formLimit = 1 << 15
