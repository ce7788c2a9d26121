package venue

import (
	"embed"
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions: staff keep their subtree's venues; reviewing them (动态管理)
// is the org administrators'.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "venue.view", Roles: staff, Label: "venue.perm.view"},
		{Action: "venue.edit", Roles: staff, Label: "venue.perm.edit"},
		{Action: "venue.review", Roles: []access.Role{access.OrgAdmin}, Label: "venue.perm.review"},
	}
}

// Module returns the venue module.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "venue",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav:         []web.NavItem{{Section: "nav.section.work", Label: "venue.nav", Href: "/venues", Action: "venue.view", Order: 29}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s}
			site.AddNamer("venue", s.Names)
			v := s.PathResolver("id")
			site.AllowUpload("/venues/{id}/evidence", MaxEvidence+(64<<10))
			site.Handle("GET /v", access.Public(), h.publicList)
			site.Handle("GET "+OutlinesPath, access.Public(), h.serveOutlines)
			site.Handle("GET /v/{id}", access.Public(), h.public)
			site.Handle("GET /venues", access.Require("venue.view", nil), h.list)
			site.Handle("POST /venues", access.Require("venue.edit", orgs.FormResolver("org_id")), h.create)
			site.Handle("GET /venues/coverage", access.Require("venue.view", nil), h.coverage)
			// The picker's look-up answers any signed-in user: it lists the
			// venues in service, which are public (/v); the action's scope
			// only puts the caller's own first.
			site.Handle("GET /venues/lookup", access.SignedIn(), h.lookup)
			site.Handle("GET /venues/{id}", access.Require("venue.view", v), h.show)
			site.Handle("POST /venues/{id}", access.Require("venue.edit", v), h.update)
			site.Handle("POST /venues/{id}/evidence", access.Require("venue.edit", v), h.evidence)
			site.Handle("GET /venues/{id}/evidence/{eid}", access.Require("venue.view", v), h.evidenceFile)
			site.Handle("POST /venues/{id}/reviews", access.Require("venue.review", v), h.review)
			site.Handle("POST /venues/{id}/visitors", access.Require("venue.edit", v), h.visitors)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
}
