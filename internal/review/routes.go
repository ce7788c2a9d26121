package review

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/web"
)

//go:embed templates
var templateFS embed.FS

// Permissions of the review module: staff manage calls of their subtree
// (and recommend as a unit); everyone else applies, reviews and reads the
// public pages as themselves, which the store checks row by row.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "review.manage", Roles: staff, Label: "review.perm.manage"},
		{Action: "review.recommend", Roles: staff, Label: "review.perm.recommend"},
		{Action: "review.unit", Roles: staff, Label: "review.perm.unit"},
	}
}

// Config is what the module needs besides its store.
type Config struct {
	Key     []byte    // signs the objection form's challenge and hashes addresses
	Uploads string    // folder for applicants' files
	Orgs    OrgFinder // reads what the org picker puts in a field (org.Store); nil: org IDs only
}

// OrgFinder finds the org a form field names (a code, an ID or a unique
// name); org.Store satisfies it.
type OrgFinder interface {
	FormID(ctx context.Context, v string) (int64, error)
}

// Module returns the review module for the wiring in package app.
func Module(s *Store, cfg Config) web.Module {
	tpl, _ := fs.Sub(templateFS, "templates")
	loc, _ := fs.Sub(localeFS, "locales")
	return web.Module{
		Name:        "review",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{
			{Section: "nav.section.work", Label: "review.nav.calls", Href: "/review/calls", Action: "review.manage", Order: 40},
			{Section: "nav.section.work", Label: "review.nav.recommend", Href: "/review/recommend", Action: "review.recommend", Order: 41},
			{Section: "nav.section.mine", Label: "review.nav.mine", Href: "/review/mine", Order: 42},
			{Section: "nav.section.mine", Label: "review.nav.assignments", Href: "/review/assignments", Order: 43},
			{Section: "nav.section.work", Label: "review.nav.library", Href: "/review/results", Action: "review.manage", Order: 44},
		},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, cfg: cfg}
			site.AllowUpload("/calls/{id}/apply", 60<<20)
			site.Handle("GET /calls", access.Public(), h.openCalls)
			site.Handle("GET /calls/{id}", access.Public(), h.publicCall)
			site.Handle("GET /calls/{id}/apply", access.SignedIn(), h.applyForm)
			site.Handle("POST /calls/{id}/apply", access.SignedIn(), h.apply)
			site.Handle("POST /calls/{id}/objections", access.Public(), h.object)
			site.Handle("GET /calls/{id}/publicity", access.Public(), h.publicity)
			site.Handle("GET /review/applications/{id}/file/{key}", access.SignedIn(), h.file)
			site.Handle("POST /review/applications/{id}/decide", access.Require("review.manage", h.appResolver), h.decide)
			site.Handle("POST /review/applications/{id}/recommend", access.Require("review.recommend", h.recommenderResolver), h.recommend)
			site.Handle("GET /review/assignments", access.SignedIn(), h.assignments)
			site.Handle("GET /review/assignments/{id}", access.SignedIn(), h.scoreForm)
			site.Handle("POST /review/assignments/{id}", access.SignedIn(), h.score)
			site.Handle("GET /review/calls", access.Require("review.manage", nil), h.calls)
			site.Handle("POST /review/calls", access.Require("review.manage", h.formOrgResolver), h.createCall)
			site.Handle("GET /review/calls/new", access.Require("review.manage", nil), h.newCall)
			site.Handle("GET /review/calls/{id}", access.Require("review.manage", h.callResolver), h.manage)
			site.Handle("GET /review/calls/{id}/form", access.Require("review.manage", h.callResolver), h.formBuilder)
			site.Handle("POST /review/calls/{id}/form", access.Require("review.manage", h.callResolver), h.saveFormBuilder)
			site.Handle("POST /review/calls/{id}/finalize", access.Require("review.manage", h.callResolver), h.finalize)
			site.Handle("POST /review/calls/{id}/publicity", access.Require("review.manage", h.callResolver), h.startPublicity)
			site.Handle("POST /review/calls/{id}/publish", access.Require("review.manage", h.callResolver), h.publish)
			site.Handle("GET /review/mine", access.SignedIn(), h.mine)
			site.Handle("POST /review/objections/{id}", access.Require("review.manage", h.objectionResolver), h.handleObjection)
			site.Handle("GET /review/results", access.Require("review.manage", nil), h.library)
			site.Handle("GET /review/results/{id}", access.Require("review.manage", h.appResolver), h.result)
			site.Handle("POST /review/results/{id}/reports", access.Require("review.manage", h.appResolver), h.addReport)
			site.Handle("POST /review/results/{id}/instructions", access.Require("review.manage", h.appResolver), h.addInstruction)
			site.Handle("GET /review/recommend", access.Require("review.recommend", nil), h.recommendations)
			site.Handle("POST /review/stages/{id}/assign", access.Require("review.manage", h.stageResolver), h.assign)
			site.Handle("POST /review/stages/{id}/window", access.Require("review.manage", h.stageResolver), h.setWindow)
			site.Handle("GET /review/stages/{id}/ranking", access.Require("review.manage", h.stageResolver), h.ranking)
			site.Handle("POST /review/stages/{id}/select", access.Require("review.manage", h.stageResolver), h.selectTop)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	cfg   Config
}

func (h *handler) scope(r *http.Request, action access.Action) access.Scope {
	return h.site.Scope(r, action)
}

func userID(r *http.Request) int64 {
	if s := web.SubjectFrom(r.Context()); s != nil {
		return s.UserID
	}
	return 0
}

// callOrg selects the org of a call; the resolvers below name a call, or a
// row of one (an application, a stage, an objection), by the path's ID.
const callOrg = `SELECT o.id, o.path FROM review_calls c JOIN orgs o ON o.id = c.org_id`

func (h *handler) callResolver(r *http.Request) (access.Resource, error) {
	return web.RowResolver(h.store.db, "id", callOrg+` WHERE c.id = ?`)(r)
}

func (h *handler) appResolver(r *http.Request) (access.Resource, error) {
	return web.RowResolver(h.store.db, "id", callOrg+` JOIN review_applications a ON a.call_id = c.id WHERE a.id = ?`)(r)
}

func (h *handler) stageResolver(r *http.Request) (access.Resource, error) {
	return web.RowResolver(h.store.db, "id", callOrg+` JOIN review_stages s ON s.call_id = c.id WHERE s.id = ?`)(r)
}

func (h *handler) objectionResolver(r *http.Request) (access.Resource, error) {
	return web.RowResolver(h.store.db, "id", callOrg+` JOIN review_objections j ON j.call_id = c.id WHERE j.id = ?`)(r)
}

// recommenderResolver is the recommending unit of the application in the
// path.
func (h *handler) recommenderResolver(r *http.Request) (access.Resource, error) {
	return web.RowResolver(h.store.db, "id", `SELECT o.id, o.path FROM review_applications a JOIN orgs o ON o.id = a.recommender_id WHERE a.id = ?`)(r)
}

func (h *handler) formOrgResolver(r *http.Request) (access.Resource, error) {
	v := strings.TrimSpace(r.FormValue("org_id"))
	id, err := h.orgID(r, v)
	if err != nil {
		return access.Resource{}, err
	}
	if id == 0 {
		// An unknown ID is a 404, as an org outside the caller's scope is
		// (org.Store.FormResolver); a typed name says what was not found.
		if _, perr := strconv.ParseInt(v, 10, 64); v == "" || perr == nil {
			return access.Resource{}, web.ErrNotFound
		}
		return access.Resource{}, web.Errorf(http.StatusUnprocessableEntity, "orgpick.err.unknown", r.FormValue("org_id"))
	}
	r.Form.Set("org_id", strconv.FormatInt(id, 10))
	if r.PostForm != nil {
		r.PostForm.Set("org_id", strconv.FormatInt(id, 10))
	}
	o, err := lookupOrg(r.Context(), h.store.db, "org_id", id)
	if err != nil {
		return access.Resource{}, web.ErrNotFound
	}
	return access.Resource{OrgID: o.ID, OrgPath: o.Path}, nil
}
