package notify

import (
	"context"
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

// Config is what the module's pages need besides the store.
type Config struct {
	// Secure marks the public session cookie Secure (behind HTTPS).
	Secure bool
}

// Permissions of the module: staff see subscribers and messages of their
// subtree; org administrators send announcements.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "notify.view", Roles: staff, Label: "notify.perm.view"},
		{Action: "notify.send", Roles: []access.Role{access.OrgAdmin}, Label: "notify.perm.send"},
	}
}

// Module returns the push module for the wiring in package app.
func Module(s *Store, orgs *org.Store, cfg Config) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "notify",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "notify.nav.section", Label: "notify.nav.messages", Href: "/notify/admin/messages", Action: "notify.view", Order: 70},
			{Section: "notify.nav.section", Label: "notify.nav.subscribers", Href: "/notify/admin/subscribers", Action: "notify.view", Order: 71},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs, cfg: cfg}
			site.AddNamer("notify_message", func(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
				return web.NamesByID(ctx, s.db, `SELECT id, title FROM notify_messages WHERE id IN (%s)`, ids,
					func(int64) string { return "/notify/admin/messages" })
			})
			pub := access.Public()
			site.Handle("GET /notify", pub, h.subscribeForm)
			site.Handle("POST /notify/code", pub, h.sendCode)
			site.Handle("POST /notify/verify", pub, h.verify)
			site.Handle("GET /notify/me", pub, h.me)
			site.Handle("POST /notify/me", pub, h.saveFollow)
			site.Handle("GET /notify/me/m/{id}", pub, h.openMessage)
			site.Handle("POST /notify/me/signout", pub, h.signOut)
			site.Handle("GET /notify/unsubscribe", pub, h.unsubscribeForm)
			site.Handle("POST /notify/unsubscribe", pub, h.unsubscribe)
			site.Handle("GET /notify/o/{token}", pub, h.pixel)

			site.Handle("GET /notify/admin/messages", access.Require("notify.view", nil), h.messages)
			site.Handle("GET /notify/admin/messages/new", access.Require("notify.send", nil), h.newMessage)
			site.Handle("POST /notify/admin/messages", access.Require("notify.send", orgs.FormResolver("org_id")), h.createMessage)
			site.Handle("GET /notify/admin/subscribers", access.Require("notify.view", nil), h.subscribers)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
	cfg   Config
}

const sessionCookie = "kexie_notify"

// account reads the public account signed in by the session cookie.
func (h *handler) account(r *http.Request) (int64, bool) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return 0, false
	}
	return h.store.SessionAccount(c.Value, h.store.db.Now())
}
