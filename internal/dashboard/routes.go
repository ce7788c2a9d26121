package dashboard

import (
	"embed"
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the module: staff and administrators of an org read the
// figures of its subtree.
func Permissions() []access.Permission {
	return []access.Permission{{Action: "dashboard.view", Roles: []access.Role{access.OrgAdmin, access.OrgStaff}, Label: "dashboard.perm.view"}}
}

// Module returns the module for the wiring in package app: reg holds every
// module's sources.
func Module(reg *measure.Registry, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "dashboard",
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav:         []web.NavItem{{Section: "nav.section.work", Label: "dashboard.nav", Href: "/dashboard", Action: "dashboard.view", Order: 1}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, reg: reg, orgs: orgs}
			view := access.Require("dashboard.view", nil)
			site.Handle("GET /dashboard", view, h.overview)
			site.Handle("GET /dashboard/compare", view, h.compare)
		},
	}
}
