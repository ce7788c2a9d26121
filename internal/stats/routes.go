package stats

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the module: staff of an org see the reports of its
// subtree (stats.view) and fill its own and its subtree's forms
// (stats.fill); the org above a form approves or returns it (stats.review,
// checked at the form's parent org, so nobody reviews their own org's form).
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "stats.view", Roles: staff, Label: "stats.perm.view"},
		{Action: "stats.fill", Roles: staff, Label: "stats.perm.fill"},
		{Action: "stats.review", Roles: staff, Label: "stats.perm.review"},
	}
}

// Module returns the module for the wiring in package app.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "stats",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "stats.nav.section", Label: "stats.nav.form", Href: "/stats", Action: "stats.fill", Order: 76},
			{Section: "stats.nav.section", Label: "stats.nav.progress", Href: "/stats/progress", Action: "stats.view", Order: 77},
			{Section: "stats.nav.section", Label: "stats.nav.summary", Href: "/stats/summary", Action: "stats.view", Order: 78},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			site.AddNamer("stats_form", s.Names)
			view := access.Require("stats.view", nil)
			site.Handle("GET /stats", access.Require("stats.fill", nil), h.mine)
			site.Handle("GET /stats/progress", view, h.progress)
			site.Handle("GET /stats/summary", view, h.summary)
			site.Handle("POST /stats/deadline", access.Require("stats.review", nil), h.setDeadline)
			at, parent := s.resolver(false), s.resolver(true)
			site.Handle("GET /stats/orgs/{org}/{year}", access.Require("stats.view", at), h.form)
			site.Handle("POST /stats/orgs/{org}/{year}", access.Require("stats.fill", at), h.save)
			site.Handle("GET /stats/orgs/{org}/{year}/xlsx", access.Require("stats.view", at), h.book)
			site.Handle("POST /stats/orgs/{org}/{year}/xlsx", access.Require("stats.fill", at), h.importBook)
			site.AllowUpload("/stats/orgs/{org}/{year}/xlsx", BookMaxBytes)
			site.Handle("POST /stats/orgs/{org}/{year}/return", access.Require("stats.review", parent), h.reviewStep("return"))
			site.Handle("POST /stats/orgs/{org}/{year}/approve", access.Require("stats.review", parent), h.reviewStep("approve"))
			site.Handle("POST /stats/orgs/{org}/{year}/reopen", access.Require("stats.review", parent), h.reviewStep("reopen"))
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}

// noParent is the path a root org's form is reviewed at: no grant but a
// system administrator's covers it.
const noParent = "/-/"

// parentPath is the path of the org above the org at path.
func parentPath(path string) string {
	a := ancestors(path)
	if len(a) < 2 {
		return noParent
	}
	return a[len(a)-2]
}

// resolver is the route Resource of the org in the path (or of the org
// above it, for the review steps); an org that does not file is not found.
func (s *Store) resolver(parent bool) func(r *http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := web.PathID(r, "org")
		if err != nil {
			return access.Resource{}, err
		}
		o, err := filer(r.Context(), s.db, id)
		if err != nil {
			return access.Resource{}, err
		}
		if parent {
			return access.Resource{OrgID: o.ParentID, OrgPath: parentPath(o.Path)}, nil
		}
		return access.Resource{OrgID: o.ID, OrgPath: o.Path}, nil
	}
}

// Names gives the audit viewer the org and year of forms.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	out := map[int64]web.Name{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.db.Query(ctx, `SELECT f.id, f.org_id, f.year, o.name FROM stats_forms f JOIN orgs o ON o.id = f.org_id WHERE f.id IN (?`+
		strings.Repeat(", ?", len(ids)-1)+`)`, anyInts(ids)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, orgID int64
		var year int
		var name string
		if err := rows.Scan(&id, &orgID, &year, &name); err != nil {
			return nil, err
		}
		out[id] = web.Name{Text: name + " " + strconv.Itoa(year), Href: formHref(orgID, year)}
	}
	return out, rows.Err()
}

func anyInts(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func formHref(orgID int64, year int) string {
	return "/stats/orgs/" + strconv.FormatInt(orgID, 10) + "/" + strconv.Itoa(year)
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

// reviewer is actor with the orgs whose staff they are (StaffOf).
func (h *handler) reviewer(r *http.Request) Actor {
	a := actor(r)
	a.Staff = StaffOf(h.site.Policy, web.SubjectFrom(r.Context()))
	return a
}

// StaffOf is the paths of the orgs whose staff s is: the orgs of their own
// grants carrying stats.fill (a system administrator's aside). They never
// take the review steps of the org above on those orgs' forms.
func StaffOf(p *access.Policy, s *access.Subject) []string { return p.StaffOf(s, "stats.fill") }

// lang is the page's language, for the form's own labels.
func lang(r *http.Request) string {
	pref := ""
	if id := web.IdentityFrom(r.Context()); id != nil {
		pref = id.Locale
	}
	return web.NegotiateLanguage(r, pref)
}
