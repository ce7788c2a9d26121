package plan

import (
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
	"kexie/internal/web"
)

//go:embed templates locales
var files embed.FS

// Permissions: staff read their subtree's plans and load new ones.
func Permissions() []access.Permission {
	staff := []access.Role{access.OrgAdmin, access.OrgStaff}
	return []access.Permission{
		{Action: "plan.view", Roles: staff, Label: "plan.perm.view"},
		{Action: "plan.edit", Roles: staff, Label: "plan.perm.edit"},
		{Action: "plan.report", Roles: staff, Label: "plan.perm.report"},
	}
}

// Module returns the plan module.
func Module(s *Store, orgs *org.Store) web.Module {
	tpl, _ := fs.Sub(files, "templates")
	loc, _ := fs.Sub(files, "locales")
	return web.Module{
		Name:        "plan",
		Migrations:  []db.Migrations{Migrations()},
		Permissions: Permissions(),
		Templates:   tpl,
		Locales:     loc,
		Nav: []web.NavItem{{Section: "nav.section.work", Label: "plan.nav", Href: "/plans", Action: "plan.view", Order: 10},
			{Section: "nav.section.mine", Label: "plan.nav.tasks", Href: "/plans/tasks", Action: "plan.report", Order: 11}},
		Routes: func(site *web.Site) {
			h := &handler{site: site, store: s, orgs: orgs}
			site.AddNamer("plan", s.Names)
			site.AddNamer("indicator", s.IndicatorNames)
			plan := s.PathResolver("id")
			site.Handle("GET /plans", access.Require("plan.view", nil), h.list)
			site.Handle("POST /plans", access.Require("plan.edit", orgs.FormResolver("org_id")), h.upload)
			site.Handle("GET /plans/tasks", access.Require("plan.report", nil), h.tasks)
			site.Handle("GET /plans/compare", access.Require("plan.view", nil), h.compare)
			site.Handle("GET /plans/{id}", access.Require("plan.view", plan), h.show)
			site.Handle("GET /plans/{id}/source", access.Require("plan.view", plan), h.source)
			site.Handle("POST /plans/{id}/sections", access.Require("plan.edit", plan), h.addSection)
			site.Handle("POST /plans/{id}/indicators", access.Require("plan.edit", plan), h.addIndicator)
			site.Handle("POST /plans/{id}/units/add", access.Require("plan.edit", plan), h.addUnit)
			site.Handle("GET /plans/{id}/units", access.Require("plan.edit", plan), h.units)
			site.Handle("POST /plans/{id}/units", access.Require("plan.edit", plan), h.linkUnits)
			site.Handle("POST /plans/{id}/indicators/{iid}", access.Require("plan.edit", plan), h.editIndicator)
			site.Handle("POST /plans/{id}/indicators/{iid}/delete", access.Require("plan.edit", plan), h.deleteIndicator)
			site.Handle("POST /plans/{id}/indicators/{iid}/assign", access.Require("plan.edit", plan), h.assign)
			site.Handle("POST /plans/{id}/indicators/{iid}/source", access.Require("plan.edit", plan), h.bindSource)
			site.Handle("GET /plans/{id}/indicators/{iid}", access.Require("plan.report", s.IndicatorResolver()), h.indicator)
			site.Handle("POST /plans/{id}/indicators/{iid}/progress", access.Require("plan.report", s.IndicatorResolver()), h.file)
			site.Handle("POST /plans/{id}/progress/{pid}/review", access.Require("plan.edit", plan), h.review)
			site.Handle("POST /plans/{id}/indicators/{iid}/progress/{pid}/withdraw", access.Require("plan.report", s.IndicatorResolver()), h.withdraw)
			site.Handle("GET /plans/{id}/unassigned", access.Require("plan.edit", plan), h.unassigned)
			site.Handle("GET /plans/{id}/evidence/{fid}", access.Require("plan.report", s.EvidenceResolver()), h.evidence)
			site.Handle("POST /plans/{id}/publish", access.Require("plan.edit", plan), h.publish)
			site.Handle("POST /plans/{id}/close", access.Require("plan.edit", plan), h.close)
			site.Handle("GET /plans/{id}/dashboard", access.Require("plan.view", plan), h.dashboard)
			site.Handle("POST /plans/{id}/evaluations", access.Require("plan.edit", plan), h.createEval)
			site.Handle("GET /plans/{id}/evaluations/{eid}", access.Require("plan.edit", plan), h.eval)
			site.Handle("POST /plans/{id}/evaluations/{eid}", access.Require("plan.edit", plan), h.saveEval)
			site.Handle("GET /plans/{id}/evaluations/{eid}/export", access.Require("plan.edit", plan), h.exportEval)
			site.Handle("GET /plans/{id}/evaluations/{eid}/print", access.Require("plan.edit", plan), h.printEval)
		},
	}
}

type handler struct {
	site  *web.Site
	store *Store
	orgs  *org.Store
}

func (h *handler) scope(r *http.Request, a access.Action) access.Scope { return h.site.Scope(r, a) }

func ids(r *http.Request) (plan, indicator int64) {
	plan, _ = strconv.ParseInt(r.PathValue("id"), 10, 64)
	indicator, _ = strconv.ParseInt(r.PathValue("iid"), 10, 64)
	return plan, indicator
}

// back reports a store outcome as a flash and returns to the plan.
func (h *handler) back(w http.ResponseWriter, r *http.Request, planID int64, err error, ok string) error {
	if list, isValid := valid.As(err); isValid {
		h.site.AddFlash(w, r, "error", list[0].Key, list[0].Args...)
	} else if err != nil {
		return err
	} else {
		h.site.AddFlash(w, r, "ok", ok)
	}
	return web.Redirect(w, r, fmt.Sprintf("/plans/%d", planID))
}

func userID(r *http.Request) int64 {
	if s := web.SubjectFrom(r.Context()); s != nil {
		return s.UserID
	}
	return 0
}

func (h *handler) planOf(r *http.Request) (Plan, error) {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return h.store.Get(r.Context(), id)
}

func (h *handler) can(r *http.Request, a access.Action, orgID int64, path string) bool {
	return h.site.Policy.Can(r.Context(), web.SubjectFrom(r.Context()), a, access.Resource{OrgID: orgID, OrgPath: path})
}
