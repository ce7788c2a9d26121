package voice

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/botcheck"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions of the module: staff of an org read (voice.view) and handle
// (voice.handle) the items of its subtree; only org administrators reveal
// a filer's contact (voice.reveal), and every reveal is audited.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "voice.view", Roles: staff, Label: "voice.perm.view"},
		{Action: "voice.handle", Roles: staff, Label: "voice.perm.handle"},
		{Action: "voice.reveal", Roles: []access.Role{access.OrgAdmin}, Label: "voice.perm.reveal"},
	}
}

// WebConfig is what the pages need besides the store.
type WebConfig struct {
	Key []byte // signs the public form's bot check and keys addresses' hashes
}

// Module returns the module for the wiring in package app.
func Module(s *Store, orgs *org.Store, cfg WebConfig) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "voice",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.mine", Label: "voice.nav.mine", Href: "/voice/mine", Order: 66},
			{Section: "voice.nav.section", Label: "voice.nav.list", Href: "/voice/admin", Action: "voice.view", Order: 70},
			{Section: "voice.nav.section", Label: "voice.nav.stats", Href: "/voice/admin/stats", Action: "voice.view", Order: 71},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs,
				bot: botcheck.Checker{Key: cfg.Key, Min: 3 * time.Second, Max: 2 * time.Hour}}
			site.AddNamer("voice_item", s.Names)
			pub := access.Public()
			site.Handle("GET /voice", pub, h.form)
			site.Handle("POST /voice", pub, h.file)
			site.Handle("GET /voice/orgs", pub, h.lookup)
			site.Handle("GET /voice/track", pub, h.trackForm)
			site.Handle("POST /voice/track", pub, h.track)
			site.Handle("POST /voice/track/rate", pub, h.trackRate)
			site.Handle("POST /voice/track/reopen", pub, h.trackReopen)

			site.Handle("GET /voice/mine", access.SignedIn(), h.mine)
			site.Handle("GET /voice/mine/{id}", access.SignedIn(), h.mineItem)
			site.Handle("POST /voice/mine/{id}/rate", access.SignedIn(), h.mineRate)
			site.Handle("POST /voice/mine/{id}/reopen", access.SignedIn(), h.mineReopen)

			view := access.Require("voice.view", nil)
			site.Handle("GET /voice/admin", view, h.list)
			site.Handle("GET /voice/admin/stats", view, h.stats)
			site.Handle("GET /voice/admin/{id}", access.Require("voice.view", s.resolver), h.show)
			handle := access.Require("voice.handle", s.resolver)
			site.Handle("POST /voice/admin/{id}/accept", handle, h.accept)
			site.Handle("POST /voice/admin/{id}/decline", handle, h.decline)
			site.Handle("POST /voice/admin/{id}/assign", handle, h.assign)
			site.Handle("POST /voice/admin/{id}/transfer", handle, h.transfer)
			site.Handle("POST /voice/admin/{id}/answer", handle, h.answer)
			site.Handle("POST /voice/admin/{id}/correct", handle, h.correct)
			site.Handle("POST /voice/admin/{id}/note", handle, h.note)
			site.Handle("POST /voice/admin/{id}/reveal", access.Require("voice.reveal", s.resolver), h.reveal)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
	bot   botcheck.Checker
}

// resolver is the route Resource of the item in the path: its org.
func (s *Store) resolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	it, err := getItem(r.Context(), s.db, id)
	return access.Resource{OrgID: it.OrgID, OrgPath: it.OrgPath}, err
}

// Names gives the audit viewer the titles of items.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM voice_items WHERE id IN (%s)`, ids,
		func(id int64) string { return "/voice/admin/" + strconv.FormatInt(id, 10) })
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
