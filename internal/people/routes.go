package people

import (
	"embed"
	"io/fs"
	"net/http"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions: staff keep the register of their subtree; only organization
// administrators reveal a full ID number or phone.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "people.view", Roles: staff, Label: "people.perm.view"},
		{Action: "people.edit", Roles: staff, Label: "people.perm.edit"},
		{Action: "people.reveal", Roles: []access.Role{access.OrgAdmin}, Label: "people.perm.reveal"},
		{Action: "people.erase", Roles: []access.Role{access.OrgAdmin}, Label: "people.perm.erase"},
	}
}

// Module returns the people module.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "people",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.org", Label: "people.nav", Href: "/people", Action: "people.view", Order: 30},
			{Section: "nav.section.org", Label: "people.nav.pools", Href: "/people/pools", Action: "people.view", Order: 32},
			{Section: "nav.section.org", Label: "people.nav.units", Href: "/members/units", Action: "people.view", Order: 35},
			{Section: "nav.section.org", Label: "people.nav.deletions", Href: "/people/deletions", Action: "people.erase", Order: 36},
			{Section: "nav.section.org", Label: "people.nav.claims", Href: "/people/claims", Action: "people.edit", Order: 37},
			{Section: "nav.section.mine", Label: "people.nav.me", Href: "/me", Order: 88},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			site.AddNamer("person", s.Names)
			site.Handle("GET /people", access.Require("people.view", nil), h.list)
			site.Handle("POST /people", access.Require("people.edit", orgs.FormResolver("org_id")), h.create)
			site.Handle("GET /people/import", access.Require("people.edit", nil), h.importForm)
			site.Handle("POST /people/import", access.Require("people.edit", orgs.FormResolver("org_id")), h.importFile)
			site.AllowUpload("/people/import", maxUpload)
			site.Handle("POST /people/import/report", access.Require("people.edit", nil), h.report)
			site.Handle("GET /people/import/template", access.Require("people.edit", nil), h.template)
			site.Handle("GET /people/import/jobs/{id}", access.Require("people.edit", s.jobResolver), h.importJob)
			site.Handle("GET /people/import/jobs/{id}/status", access.Require("people.edit", s.jobResolver), h.importJobStatus)
			site.Handle("POST /people/import/jobs/{id}/cancel", access.Require("people.edit", s.jobResolver), h.cancelJob)
			site.Handle("GET /people/new", access.Require("people.edit", nil), h.newForm)
			site.Handle("GET /people/{id}", access.Require("people.view", s.PathResolver("id")), h.show)
			site.Handle("GET /people/edit/{id}", access.Require("people.edit", s.PathResolver("id")), h.editForm)
			site.Handle("POST /people/{id}/edit", access.Require("people.edit", s.PathResolver("id")), h.edit)
			site.Handle("GET /people/delete/{id}", access.Require("people.edit", s.PathResolver("id")), h.deleteForm)
			site.Handle("POST /people/{id}/delete", access.Require("people.edit", s.PathResolver("id")), h.delete)
			site.Handle("POST /people/{id}/items", access.Require("people.edit", s.PathResolver("id")), h.addItem)
			site.Handle("POST /people/{id}/memberships", access.Require("people.edit", s.PathResolver("id")), h.addMembership)
			site.Handle("GET /people/claims", access.Require("people.edit", nil), h.claims)
			site.Handle("POST /people/claims/{id}/confirm", access.Require("people.edit", s.claimResolver), h.confirmClaim)
			site.Handle("POST /people/claims/{id}/refuse", access.Require("people.edit", s.claimResolver), h.refuseClaim)
			site.Handle("GET /people/pools", access.Require("people.view", nil), h.pools)
			site.Handle("POST /people/pools", access.Require("people.edit", orgs.FormResolver("org_id")), h.createPool)
			site.Handle("GET /people/pools/{id}", access.Require("people.view", s.poolResolver), h.pool)
			site.Handle("POST /people/pools/{id}/add", access.Require("people.edit", s.poolResolver), h.addToPool)
			site.Handle("POST /people/pools/add", access.Require("people.edit", s.poolFormResolver), h.addSelectedToPool)
			site.Handle("GET /me", access.SignedIn(), h.me)
			site.Handle("POST /me", access.SignedIn(), h.saveMe)
			site.Handle("GET /me/data", access.SignedIn(), h.myData)
			site.Handle("POST /me/delete", access.SignedIn(), h.deleteMe)
			site.Handle("GET /people/deletions", access.Require("people.erase", nil), h.deletions)
			site.Handle("POST /people/deletions/{id}/resolve", access.Require("people.erase", s.deletionResolver), h.resolveDeletion)
			site.Handle("GET /members/units", access.Require("people.view", nil), h.units)
			site.Handle("POST /members/units", access.Require("people.edit", orgs.FormResolver("org_id")), h.addUnit)
			site.Handle("POST /people/{id}/reveal", access.Require("people.reveal", s.PathResolver("id")), h.reveal)
			// Discipline picker of forms (GB/T 13745 as imported), like /std/regions.
			site.Handle("GET /std/disciplines", access.SignedIn(), h.disciplines)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}

func (h *handler) scope(r *http.Request, action access.Action) access.Scope {
	return h.site.Scope(r, action)
}
