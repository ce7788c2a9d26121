package web

import (
	"io/fs"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Module is what a business module hands to the wiring in package app: its
// tables, the actions it defines and who holds them, its strings, pages,
// navigation entries and routes. Adding a module is one folder that returns
// a Module plus one line in app — there is no registry to forget.
type Module struct {
	Name        string
	Migrations  []db.Migrations
	Permissions []access.Permission
	Locales     fs.FS // "zh-CN.json" and "en.json" at the root; nil if none
	Templates   fs.FS // page templates, named "<module>/<page>.html"; nil if none
	Nav         []NavItem
	// Routes registers the module's routes on the site, each with its rule.
	Routes func(s *Site)
}
