package innovation

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

// Permissions of the module: staff of an org read (innovation.view) and
// handle (innovation.handle) the needs and stations of its subtree; only
// org administrators reveal an enterprise's contact (innovation.reveal),
// and every reveal is audited.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "innovation.view", Roles: staff, Label: "innovation.perm.view"},
		{Action: "innovation.handle", Roles: staff, Label: "innovation.perm.handle"},
		{Action: "innovation.reveal", Roles: []access.Role{access.OrgAdmin}, Label: "innovation.perm.reveal"},
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
		Name:        "innovation",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "innovation.nav.section", Label: "innovation.nav.needs", Href: "/innovation/admin", Action: "innovation.view", Order: 72},
			{Section: "innovation.nav.section", Label: "innovation.nav.stations", Href: "/innovation/admin/stations", Action: "innovation.view", Order: 73},
			{Section: "innovation.nav.section", Label: "innovation.nav.stats", Href: "/innovation/admin/stats", Action: "innovation.view", Order: 74},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs,
				bot: botcheck.Checker{Key: cfg.Key, Min: 3 * time.Second, Max: 2 * time.Hour}}
			site.AddNamer("innovation_need", s.Names)
			site.AddNamer("innovation_station", s.StationNames)
			pub := access.Public()
			site.Handle("GET /innovation", pub, h.form)
			site.Handle("POST /innovation", pub, h.file)
			site.Handle("GET /innovation/orgs", pub, h.lookup)
			site.Handle("GET /innovation/needs", pub, h.publicList)
			site.Handle("GET /innovation/needs/{id}", pub, h.publicNeed)

			view := access.Require("innovation.view", nil)
			site.Handle("GET /innovation/admin", view, h.list)
			site.Handle("GET /innovation/admin/new", access.Require("innovation.handle", nil), h.newForm)
			site.Handle("POST /innovation/admin/new", access.Require("innovation.handle", nil), h.create)
			site.Handle("GET /innovation/admin/stats", view, h.stats)
			site.Handle("GET /innovation/admin/stations", view, h.stations)
			site.Handle("GET /innovation/admin/stations/new", access.Require("innovation.handle", nil), h.stationForm)
			site.Handle("POST /innovation/admin/stations/new", access.Require("innovation.handle", nil), h.stationCreate)
			site.Handle("GET /innovation/admin/stations/{id}", access.Require("innovation.view", s.stationResolver), h.station)
			site.Handle("POST /innovation/admin/stations/{id}/assess", access.Require("innovation.handle", s.stationResolver), h.assess)
			site.Handle("GET /innovation/admin/{id}", access.Require("innovation.view", s.resolver), h.show)
			handle := access.Require("innovation.handle", s.resolver)
			site.Handle("POST /innovation/admin/{id}/publish", handle, h.publish)
			site.Handle("POST /innovation/admin/{id}/reject", handle, h.reject)
			site.Handle("POST /innovation/admin/{id}/withdraw", handle, h.withdraw)
			site.Handle("POST /innovation/admin/{id}/propose", handle, h.propose)
			site.Handle("POST /innovation/admin/{id}/meet", handle, h.meet)
			site.Handle("POST /innovation/admin/{id}/result", handle, h.result)
			site.Handle("POST /innovation/admin/{id}/close", handle, h.close)
			site.Handle("POST /innovation/admin/{id}/reveal", access.Require("innovation.reveal", s.resolver), h.reveal)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
	bot   botcheck.Checker
}

// resolver is the route Resource of the need in the path: its org.
func (s *Store) resolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	n, err := getNeed(r.Context(), s.db, id)
	return access.Resource{OrgID: n.OrgID, OrgPath: n.OrgPath}, err
}

// stationResolver is the route Resource of the station in the path.
func (s *Store) stationResolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	st, err := getStation(r.Context(), s.db, id)
	return access.Resource{OrgID: st.OrgID, OrgPath: st.OrgPath}, err
}

// Names gives the audit viewer the titles of needs.
func (s *Store) Names(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, title FROM innovation_needs WHERE id IN (%s)`, ids,
		func(id int64) string { return "/innovation/admin/" + strconv.FormatInt(id, 10) })
}

// StationNames gives the audit viewer the names of stations.
func (s *Store) StationNames(ctx context.Context, ids []int64) (map[int64]web.Name, error) {
	return web.NamesByID(ctx, s.db, `SELECT id, name FROM innovation_stations WHERE id IN (%s)`, ids,
		func(id int64) string { return "/innovation/admin/stations/" + strconv.FormatInt(id, 10) })
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
