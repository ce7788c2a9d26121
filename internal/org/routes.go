package org

import (
	"embed"
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the org module. Everyone with a role on an org may see its
// subtree (members see their own 学会 and what is under it); only org
// administrators change the tree.
func Permissions() []access.Permission {
	all := []access.Role{access.OrgAdmin, access.OrgStaff, access.Reviewer, access.Member}
	return []access.Permission{
		{Action: "org.view", Roles: all, Label: "org.perm.view"},
		{Action: "org.create", Roles: []access.Role{access.OrgAdmin}, Label: "org.perm.create"},
		{Action: "org.edit", Roles: []access.Role{access.OrgAdmin}, Label: "org.perm.edit"},
		{Action: "org.move", Roles: []access.Role{access.OrgAdmin}, Label: "org.perm.move"},
		{Action: "org.disable", Roles: []access.Role{access.OrgAdmin}, Label: "org.perm.disable"},
	}
}

// Module returns the org module for the wiring in package app.
func Module(s *Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "org",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav:         []web.NavItem{{Section: "nav.section.org", Label: "org.nav", Href: "/orgs", Action: "org.view", Order: 20}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s}
			site.AddNamer("org", s.Names)
			site.Handle("GET /orgs", access.Require("org.view", nil), h.tree)
			site.Handle("POST /orgs", access.Require("org.create", s.FormResolver("parent_id")), h.create)
			// The picker's look-up answers any signed-in user: what it lists
			// is the scope of the action the form asks for, which may be empty.
			site.Handle("GET /orgs/lookup", access.SignedIn(), h.lookup)
			site.SetOrgLabeler(h.pickLabel)
			site.Handle("GET /orgs/tree", access.Require("org.view", s.FormResolver("parent")), h.treeChildren)
			site.Handle("GET /orgs/new", access.Require("org.create", s.FormResolver("parent")), h.newForm)
			site.Handle("GET /orgs/{id}", access.Require("org.view", s.PathResolver("id")), h.show)
			site.Handle("POST /orgs/{id}", access.Require("org.edit", s.PathResolver("id")), h.update)
			site.Handle("GET /orgs/{id}/edit", access.Require("org.edit", s.PathResolver("id")), h.editForm)
			site.Handle("GET /orgs/{id}/move", access.Require("org.move", s.PathResolver("id")), h.moveForm)
			site.Handle("POST /orgs/{id}/move", access.Require("org.move", s.PathResolver("id")), h.move)
			site.Handle("GET /orgs/{id}/disable", access.Require("org.disable", s.ParentResolver("id")), h.disableForm)
			site.Handle("POST /orgs/{id}/disable", access.Require("org.disable", s.ParentResolver("id")), h.disable)
			site.Handle("POST /orgs/{id}/enable", access.Require("org.disable", s.ParentResolver("id")), h.enable)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
}
