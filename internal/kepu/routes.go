package kepu

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"time"

	"kexie/internal/access"
	"kexie/internal/botcheck"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Config is what the module needs besides its store.
type Config struct {
	Key []byte // signs the lead form's bot check and keys reader hashes
	// UserID finds an account by username, for designating emergency editors.
	UserID func(ctx context.Context, username string) (int64, error)
	// Portal, when set, is given the portal's home page (for "/").
	Portal *Portal
}

// Portal is the public home page, handed to the home module so that "/"
// shows it to visitors who are not signed in.
type Portal struct{ h *handler }

// Home answers with the portal's home page.
func (p *Portal) Home(w http.ResponseWriter, r *http.Request) error {
	if p == nil || p.h == nil {
		return web.ErrNotFound
	}
	return p.h.home(w, r)
}

// Permissions of the module. Staff write drafts and triage rumour leads;
// org administrators are the editors who approve, correct and withdraw,
// and open emergencies. Experts review what is assigned to them by name,
// whatever their role.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	admin := []access.Role{access.OrgAdmin}
	return []access.Permission{
		{Action: "kepu.edit", Roles: staff, Label: "kepu.perm.edit"},
		{Action: "kepu.approve", Roles: admin, Label: "kepu.perm.approve"},
		{Action: "kepu.emergency", Roles: admin, Label: "kepu.perm.emergency"},
		{Action: "kepu.leads", Roles: staff, Label: "kepu.perm.leads"},
	}
}

// Module returns the 科普 module for the wiring in package app.
func Module(s *Store, orgs *org.Store, cfg Config) web.Module {
	formOrg := orgs.FormResolver("org_id")
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "kepu",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "kepu.nav.section", Label: "kepu.nav.items", Href: "/kepu/admin", Action: "kepu.edit", Order: 60},
			{Section: "kepu.nav.section", Label: "kepu.nav.leads", Href: "/kepu/admin/leads", Action: "kepu.leads", Order: 61},
			{Section: "kepu.nav.section", Label: "kepu.nav.emergencies", Href: "/kepu/admin/emergencies", Action: "kepu.emergency", Order: 62},
			{Section: "nav.section.mine", Label: "kepu.nav.reviews", Href: "/kepu/reviews", Order: 63},
			{Section: "kepu.nav.section", Label: "kepu.nav.reach", Href: "/kepu/admin/reach", Action: "kepu.edit", Order: 64},
			{Section: "kepu.nav.section", Label: "kepu.nav.series", Href: "/kepu/admin/series", Action: "kepu.edit", Order: 65},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, cfg: cfg,
				bot: botcheck.Checker{Key: cfg.Key, Min: 3 * time.Second, Max: 2 * time.Hour}}
			site.AddNamer("kepu", s.Names)
			if cfg.Portal != nil {
				cfg.Portal.h = h
			}
			pub := access.Public()
			site.Handle("GET /kepu", pub, h.home)
			site.Handle("GET /kepu/list", pub, h.list)
			site.Handle("GET /kepu/a/{id}", pub, h.article)
			site.Handle("GET /kepu/a/{id}/share/{via}", pub, h.share)
			site.Handle("GET /kepu/o/{code}", pub, h.section)
			site.Handle("GET /kepu/e/{id}", pub, h.emergency)
			site.Handle("GET /kepu/s/{id}", pub, h.seriesPublic)
			site.Handle("GET /kepu/feed.atom", pub, h.feed)
			site.Handle("GET /kepu/o/{code}/feed.atom", pub, h.feed)
			site.Handle("GET /kepu/media/{id}", pub, h.media)
			site.Handle("GET /kepu/rumours", pub, h.leadForm)
			site.Handle("POST /kepu/rumours", pub, h.fileLead)
			site.AllowUpload("/kepu/rumours", MaxImageBytes)

			edit := access.Require("kepu.edit", nil)
			site.Handle("GET /kepu/admin", edit, h.items)
			site.Handle("GET /kepu/admin/new", edit, h.newItem)
			site.Handle("POST /kepu/admin/items", access.Require("kepu.edit", formOrg), h.createItem)
			site.Handle("GET /kepu/admin/items/{id}", access.Require("kepu.edit", s.itemResolver), h.showItem)
			site.Handle("POST /kepu/admin/items/{id}", access.Require("kepu.edit", s.itemResolver), h.updateItem)
			site.Handle("POST /kepu/admin/items/{id}/submit", access.Require("kepu.edit", s.itemResolver), h.submitItem)
			site.Handle("POST /kepu/admin/items/{id}/translate", access.Require("kepu.edit", s.itemResolver), h.translateItem)
			site.Handle("POST /kepu/admin/items/{id}/publish", access.Require("kepu.approve", s.itemResolver), h.publishItem)
			site.Handle("POST /kepu/admin/items/{id}/correct", access.Require("kepu.approve", s.itemResolver), h.correctItem)
			site.Handle("POST /kepu/admin/items/{id}/withdraw", access.Require("kepu.approve", s.itemResolver), h.withdrawItem)
			site.Handle("POST /kepu/admin/media", access.Require("kepu.edit", formOrg), h.upload)
			site.AllowUpload("/kepu/admin/media", MaxVideoBytes)

			site.Handle("GET /kepu/reviews", access.SignedIn(), h.reviews)
			site.Handle("GET /kepu/reviews/{id}", access.SignedIn(), h.reviewForm)
			site.Handle("POST /kepu/reviews/{id}", access.SignedIn(), h.review)
			site.Handle("GET /kepu/answers/{id}", access.SignedIn(), h.answerForm)
			site.Handle("POST /kepu/answers/{id}", access.SignedIn(), h.answer)

			leads := access.Require("kepu.leads", nil)
			site.Handle("GET /kepu/admin/leads", leads, h.leads)
			site.Handle("GET /kepu/admin/leads/{id}", access.Require("kepu.leads", s.leadResolver), h.showLead)
			site.Handle("POST /kepu/admin/leads/{id}/reject", access.Require("kepu.leads", s.leadResolver), h.rejectLead)
			site.Handle("POST /kepu/admin/leads/{id}/assign", access.Require("kepu.leads", s.leadResolver), h.assignLead)

			site.Handle("GET /kepu/admin/emergencies", access.Require("kepu.emergency", nil), h.emergencies)
			site.Handle("POST /kepu/admin/emergencies", access.Require("kepu.emergency", formOrg), h.openEmergency)
			site.Handle("POST /kepu/admin/emergencies/{id}/close", access.Require("kepu.emergency", s.emergencyResolver), h.closeEmergency)
			site.Handle("GET /kepu/admin/emergencies/{id}/publish", access.SignedIn(), h.urgentForm)
			site.Handle("POST /kepu/admin/emergencies/{id}/publish", access.SignedIn(), h.publishUrgent)

			site.Handle("GET /kepu/admin/reach", edit, h.reachPage)
			site.Handle("GET /kepu/admin/series", edit, h.seriesAdmin)
			site.Handle("POST /kepu/admin/series", access.Require("kepu.edit", formOrg), h.createSeries)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	cfg   Config
	bot   botcheck.Checker
}
