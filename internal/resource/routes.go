package resource

import (
	"context"
	"embed"
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions: staff keep their subtree's library and its loans.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "resource.view", Roles: staff, Label: "resource.perm.view"},
		{Action: "resource.edit", Roles: staff, Label: "resource.perm.edit"},
	}
}

// Module returns the 科普资源库 for the wiring in package app.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "resource",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "resource.nav.section", Label: "resource.nav.list", Href: "/resources", Action: "resource.view", Order: 75},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			site.AddNamer("resource", func(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
				return web.NamesByID(ctx, s.db, `SELECT id, title FROM resources WHERE id IN (%s)`, ids,
					func(id int64) string { return "/resources/" + itoa(id) })
			})
			res := resolver(s)
			site.Handle("GET /catalogue", access.Public(), h.catalogue)
			site.Handle("GET /catalogue/{id}/files/{file}", access.Public(), h.publicFile)
			site.Handle("GET /resources", access.Require("resource.view", nil), h.list)
			site.Handle("GET /resources/new", access.Require("resource.edit", nil), h.newForm)
			site.Handle("POST /resources", access.Require("resource.edit", orgs.FormResolver("org_id")), h.create)
			site.Handle("GET /resources/{id}", access.Require("resource.view", res), h.show)
			site.Handle("GET /resources/{id}/files/{file}", access.Require("resource.view", res), h.file)
			site.Handle("POST /resources/{id}/files", access.Require("resource.edit", res), h.upload)
			site.Handle("POST /resources/{id}/lend", access.Require("resource.edit", res), h.lend)
			site.Handle("POST /resources/{id}/return", access.Require("resource.edit", res), h.giveBack)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}
