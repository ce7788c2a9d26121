package event

import (
	"embed"
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/botcheck"
	"kexie/internal/checkin"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions: staff of an org run its events and check people in.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "event.view", Roles: staff, Label: "event.perm.view"},
		{Action: "event.edit", Roles: staff, Label: "event.perm.edit"},
		{Action: "event.checkin", Roles: staff, Label: "event.perm.checkin"},
	}
}

// Config is what the event module's pages need besides the store.
type Config struct {
	Key []byte // signs the public registration form's bot check and keys address hashes
}

// Module returns the event module.
func Module(s *Store, orgs *org.Store, cfg Config) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "event",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{{Section: "nav.section.work", Label: "event.nav", Href: "/events", Action: "event.view", Order: 30},
			{Section: "nav.section.mine", Label: "event.nav.mine", Href: "/my/tickets", Order: 61}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs, bot: BotCheck(cfg.Key)}
			site.AddNamer("event", s.Names)
			ev := s.PathResolver("id")
			site.Handle("GET /e", access.Public(), h.publicList)
			site.Handle("GET /e/{id}", access.Public(), h.public)
			site.Handle("POST /e/{id}/register", access.Public(), h.register)
			site.Handle("GET /events", access.Require("event.view", nil), h.list)
			site.Handle("POST /events", access.Require("event.edit", orgs.FormResolver("org_id")), h.create)
			// The picker's look-up (a volunteer post's event): what it lists
			// is the scope of the action the form asks for.
			site.Handle("GET /events/lookup", access.Require("event.view", nil), h.lookup)
			site.Handle("GET /events/stats", access.Require("event.view", nil), h.rollup)
			// The door's scanner (package checkin, shared with other
			// modules), served here so its worker keeps the pages under /events/.
			site.HandleRaw("GET /events/checkin.js", access.Public(), checkin.Script())
			site.HandleRaw("GET /events/checkin-sw.js", access.Public(), checkin.Worker("/events/"))
			site.Handle("GET /events/{id}", access.Require("event.view", ev), h.show)
			site.Handle("POST /events/{id}", access.Require("event.edit", ev), h.update)
			site.Handle("POST /events/{id}/capacity", access.Require("event.edit", ev), h.capacity)
			site.Handle("POST /events/{id}/tickets", access.Require("event.edit", ev), h.registerAll)
			site.Handle("GET /events/{id}/attendance", access.Require("event.view", ev), h.attendance)
			site.Handle("GET /events/{id}/checkin", access.Require("event.checkin", ev), h.checkin)
			site.Handle("POST /events/{id}/sync", access.Require("event.checkin", ev), h.sync)
			site.Handle("GET /my/tickets", access.SignedIn(), h.myTickets)
			site.Handle("GET /t/{code}", access.Public(), h.ticket)
			site.Handle("POST /t/{code}/cancel", access.Public(), h.cancel)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store // reads the 主办单位 filter of the list
	bot   botcheck.Checker
}
