package conference

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/botcheck"
	"kexie/internal/checkin"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the module: staff of an org read (conference.view) and
// file and run (conference.file) the conferences of its subtree; staff of
// the org above an organiser approve its plans and confirm its summaries
// (conference.approve, checked on that upper org); only org administrators
// reveal a public registrant's contact (conference.reveal), audited.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "conference.view", Roles: staff, Label: "conference.perm.view"},
		{Action: "conference.file", Roles: staff, Label: "conference.perm.file"},
		{Action: "conference.approve", Roles: staff, Label: "conference.perm.approve"},
		{Action: "conference.reveal", Roles: []access.Role{access.OrgAdmin}, Label: "conference.perm.reveal"},
	}
}

// WebConfig is what the pages need besides the store.
type WebConfig struct {
	Key []byte // signs the public registration's bot check and keys addresses' hashes
}

// Module returns the module for the wiring in package app.
func Module(s *Store, orgs *org.Store, cfg WebConfig) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "conference",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.mine", Label: "conference.nav.mine", Href: "/conference/mine", Order: 67},
			{Section: "conference.nav.section", Label: "conference.nav.list", Href: "/conference/admin", Action: "conference.view", Order: 75},
			{Section: "conference.nav.section", Label: "conference.nav.stats", Href: "/conference/admin/stats", Action: "conference.view", Order: 76},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs,
				bot: botcheck.Checker{Key: cfg.Key, Min: 3 * time.Second, Max: 2 * time.Hour}}
			site.AddNamer("conference", s.Names)
			pub := access.Public()
			site.Handle("GET /conferences", pub, h.upcoming)
			site.Handle("GET /conferences/{id}", pub, h.public)
			site.Handle("POST /conferences/{id}/register", pub, h.register)
			site.Handle("GET /conferences/{id}/paper", access.SignedIn(), h.paperForm)
			site.Handle("POST /conferences/{id}/paper", access.SignedIn(), h.paperSubmit)
			site.Handle("GET /conference/mine", access.SignedIn(), h.mine)
			site.Handle("GET /conference/review/{id}", access.SignedIn(), h.papers)
			site.Handle("POST /conference/review/{id}/papers/{paper}", access.SignedIn(), h.decide)

			view := access.Require("conference.view", nil)
			file := access.Require("conference.file", nil)
			site.Handle("GET /conference/admin", view, h.list)
			site.Handle("GET /conference/admin/new", file, h.newForm)
			site.Handle("POST /conference/admin/new", file, h.create)
			site.Handle("GET /conference/admin/stats", view, h.stats)
			// The door's scanner (package checkin, shared with other
			// modules), served here so its worker keeps the door pages.
			site.HandleRaw("GET /conference/admin/checkin.js", pub, checkin.Script())
			site.HandleRaw("GET /conference/admin/checkin-sw.js", pub, checkin.Worker("/conference/admin/"))
			site.Handle("GET /conference/admin/{id}", access.Require("conference.view", s.resolver), h.show)
			site.Handle("GET /conference/admin/{id}/papers", access.Require("conference.view", s.resolver), h.papers)
			site.Handle("GET /conference/admin/{id}/regs", access.Require("conference.view", s.resolver), h.regs)
			own := access.Require("conference.file", s.resolver)
			site.Handle("GET /conference/admin/{id}/edit", own, h.editForm)
			site.Handle("POST /conference/admin/{id}/edit", own, h.edit)
			site.Handle("POST /conference/admin/{id}/submit", own, h.submit)
			site.Handle("POST /conference/admin/{id}/open", own, h.open)
			site.Handle("POST /conference/admin/{id}/hold", own, h.hold)
			site.Handle("POST /conference/admin/{id}/cancel", own, h.cancel)
			site.Handle("POST /conference/admin/{id}/summary", own, h.summary)
			site.Handle("POST /conference/admin/{id}/papers/{paper}", own, h.decide)
			site.Handle("POST /conference/admin/{id}/programme", own, h.programmeAdd)
			site.Handle("POST /conference/admin/{id}/programme/{user}/remove", own, h.programmeRemove)
			site.Handle("GET /conference/admin/{id}/checkin", own, h.checkinPage)
			site.Handle("POST /conference/admin/{id}/checkin", own, h.checkin)
			site.Handle("POST /conference/admin/{id}/sync", own, h.sync)
			site.Handle("POST /conference/admin/{id}/regs/{reg}/reveal", access.Require("conference.reveal", s.resolver), h.reveal)
			up := access.Require("conference.approve", s.upperResolver)
			site.Handle("POST /conference/admin/{id}/approve", up, h.approve)
			site.Handle("POST /conference/admin/{id}/return", up, h.sendBack)
			site.Handle("POST /conference/admin/{id}/confirm", up, h.confirm)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
	bot   botcheck.Checker
}

// resolver is the route Resource of the conference in the path: its
// organiser.
func (s *Store) resolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	c, err := getConf(r.Context(), s.db, id)
	return access.Resource{OrgID: c.OrgID, OrgPath: c.OrgPath}, err
}

// upperResolver is the route Resource of the steps of the org above the
// organiser (approve, return, confirm): that org, so the organiser's own
// staff never pass (the root's conferences resolve to the root).
func (s *Store) upperResolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	c, err := getConf(r.Context(), s.db, id)
	if err != nil {
		return access.Resource{}, err
	}
	ids := org.PathIDs(c.UpperPath)
	return access.Resource{OrgID: ids[len(ids)-1], OrgPath: c.UpperPath}, nil
}

// Names gives the audit viewer the titles of conferences.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM conference_confs WHERE id IN (%s)`, ids,
		func(id int64) string { return "/conference/admin/" + strconv.FormatInt(id, 10) })
}

func subject(r *http.Request) *access.Subject { return web.SubjectFrom(r.Context()) }

// actor is the signed-in user doing a step.
func actor(r *http.Request) Actor {
	s := subject(r)
	if s == nil {
		return Actor{}
	}
	name := s.Name
	if name == "" {
		name = s.Username
	}
	return Actor{UserID: s.UserID, Name: name}
}

// upperActor is actor with the orgs whose staff they are.
func (h *handler) upperActor(r *http.Request) Actor {
	a := actor(r)
	a.Staff = StaffOf(h.site.Policy, subject(r))
	return a
}

// StaffOf is the paths of the orgs whose staff s is: the orgs of their own
// grants carrying conference.file (a system administrator's aside), which
// never take the steps of the org above on their conferences.
func StaffOf(p *access.Policy, s *access.Subject) []string { return p.StaffOf(s, "conference.file") }

// formLimit bounds a posted form.
const formLimit = 4*MaxOutcome + 4*MaxAbstract + 1<<14
