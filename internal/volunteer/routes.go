package volunteer

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

//go:embed templates
var templateFS embed.FS

// Permissions of the volunteer module: staff manage the volunteers, teams
// and posts of their subtree; volunteers act on their own records as
// themselves (the store checks who), and team admins decide their team's
// claims by being named on the team.
func Permissions() []access.Permission {
	return []access.Permission{
		{Action: "volunteer.manage", Roles: []access.Role{access.OrgAdmin, access.OrgStaff}, Label: "volunteer.perm.manage"},
	}
}

// WebConfig is what the module's pages need besides the store.
type WebConfig struct {
	// BaseURL is the public address certificates' QR codes point to.
	BaseURL string
	// Users finds a user account's ID by user name (the auth service), to
	// name a team's admin; nil refuses every name.
	Users func(ctx context.Context, username string) (int64, error)
}

// Module returns the volunteer module for the wiring in package app.
func Module(s *Store, orgs *org.Store, cfg WebConfig) web.Module {
	tpl, _ := fs.Sub(templateFS, "templates")
	loc, _ := fs.Sub(localeFS, "locales")
	return web.Module{
		Name:        "volunteer",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.mine", Label: "volunteer.nav.me", Href: "/volunteer", Order: 60},
			{Section: "nav.section.work", Label: "volunteer.nav.opportunities", Href: "/volunteer/opportunities", Order: 61},
			{Section: "nav.section.work", Label: "volunteer.nav.manage", Href: "/volunteers", Action: "volunteer.manage", Order: 62},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs, cfg: cfg}
			site.AllowUpload("/volunteers/import", 64<<20)
			site.Handle("GET /cert/{code}", access.Public(), h.verify)
			site.Handle("GET /volunteer", access.SignedIn(), h.me)
			site.Handle("POST /volunteer", access.SignedIn(), h.register)
			site.Handle("GET /volunteer/certificate/{code}", access.SignedIn(), h.certificatePDF)
			site.Handle("POST /volunteer/certificate", access.SignedIn(), h.issue)
			site.Handle("POST /volunteer/claims", access.SignedIn(), h.fileClaim)
			site.Handle("GET /volunteer/claims/review", access.SignedIn(), h.reviewClaims)
			site.Handle("POST /volunteer/claims/{id}", access.SignedIn(), h.decideClaim)
			site.Handle("GET /volunteer/opportunities", access.SignedIn(), h.opportunities)
			site.Handle("POST /volunteer/opportunities/{id}/signup", access.SignedIn(), h.signUp)
			site.Handle("POST /volunteer/teams/{id}/join", access.SignedIn(), h.join)
			site.Handle("GET /volunteers", access.Require("volunteer.manage", nil), h.list)
			site.Handle("GET /volunteers/corrections", access.Require("volunteer.manage", nil), h.queue)
			site.Handle("GET /volunteers/import", access.Require("volunteer.manage", nil), h.importForm)
			site.Handle("POST /volunteers/import", access.Require("volunteer.manage", orgs.FormResolver("org_id")), h.importFile)
			site.Handle("POST /volunteers/opportunities", access.Require("volunteer.manage", orgs.FormResolver("org_id")), h.createOpportunity)
			site.Handle("GET /volunteers/opportunities/{id}", access.Require("volunteer.manage", h.oppResolver), h.roster)
			site.Handle("POST /volunteers/opportunities/{id}/check", access.Require("volunteer.manage", h.oppResolver), h.check)
			site.Handle("GET /volunteers/publicity", access.Public(), h.publicity)
			site.Handle("GET /volunteers/{id}", access.Require("volunteer.manage", h.volResolver), h.show)
			site.Handle("POST /volunteers/{id}/trainings", access.Require("volunteer.manage", h.volResolver), h.addTraining)
			site.Handle("POST /volunteers/{id}/stars/{level}/withhold", access.Require("volunteer.manage", h.volResolver), h.withhold)
			site.Handle("POST /volunteers/{id}/stars/{level}/review", access.Require("volunteer.manage", h.volResolver), h.reviewStar)
			site.Handle("POST /volunteers/{id}/corrections", access.Require("volunteer.manage", h.volResolver), h.fileCorrection)
			site.Handle("POST /volunteers/{id}/corrections/{cid}/decide", access.Require("volunteer.manage", h.volResolver), h.decideCorrection)
			site.Handle("POST /volunteers/teams", access.Require("volunteer.manage", orgs.FormResolver("org_id")), h.createTeam)
			site.AddNamer("volunteer", h.namer(`SELECT id, name FROM volunteers WHERE id IN (%s)`, "/volunteers/"))
			site.AddNamer("volunteer_team", h.namer(`SELECT id, name FROM volunteer_teams WHERE id IN (%s)`, ""))
			site.AddNamer("volunteer_opportunity", h.namer(`SELECT id, title FROM volunteer_opportunities WHERE id IN (%s)`, "/volunteers/opportunities/"))
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
	cfg   WebConfig
}

// namer names a kind of the module's objects for the audit log, linked
// under prefix ("" for no page).
func (h *handler) namer(query, prefix string) web.Namer {
	return func(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
		return web.NamesByID(ctx, h.store.db, query, ids, func(id int64) string {
			if prefix == "" {
				return ""
			}
			return prefix + strconv.FormatInt(id, 10)
		})
	}
}

// volResolver is the route Resource of the volunteer in the path: its org.
func (h *handler) volResolver(r *http.Request) (access.Resource, error) {
	return web.RowResolver(h.store.db, "id", `SELECT o.id, o.path FROM volunteers v JOIN orgs o ON o.id = v.org_id WHERE v.id = ?`)(r)
}

// oppResolver is the route Resource of the service post in the path: its org.
func (h *handler) oppResolver(r *http.Request) (access.Resource, error) {
	return web.RowResolver(h.store.db, "id", `SELECT o.id, o.path FROM volunteer_opportunities p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`)(r)
}
