package volunteer

import (
	"net/http"
	"strconv"
	"time"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

type listPage struct {
	List  *web.List
	Vols  []Volunteer
	Teams []Team
	Opps  []Opportunity
	Team  int64
	// Queue is what awaits a decision in the viewer's scope: pending hour
	// corrections and stars flagged for review (the badge on the queue link).
	Queue int
}

// list is the staff's list of volunteers in their scope, with the teams and
// upcoming posts; ?format=xlsx exports it in the platform's layout.
func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	scope := h.site.Scope(r, "volunteer.manage")
	l := web.ParseList(r, "name", "name", "hours", "created")
	col, desc := l.SortColumn()
	team, _ := strconv.ParseInt(l.Get("team"), 10, 64)
	f := Filter{Scope: scope, Query: l.Q, TeamID: team, Sort: col, Desc: desc, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		t, err := h.store.Export(ctx, f)
		if err != nil {
			return err
		}
		return sheet.ServeXLSX(w, "科普志愿者.xlsx", t)
	}
	vs, total, err := h.store.Volunteers(ctx, f)
	if err != nil {
		return err
	}
	l.Total = total
	teams, err := h.store.Teams(ctx, scope)
	if err != nil {
		return err
	}
	opps, err := h.store.Opportunities(ctx, scope, h.store.db.Now().AddDate(0, 0, -30), 100)
	if err != nil {
		return err
	}
	fixes, stars, err := h.store.QueueCounts(ctx, scope)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "volunteer/list.html", "volunteer.title.list", listPage{List: l, Vols: vs, Teams: teams, Opps: opps, Team: team, Queue: fixes + stars})
}

type importPage struct {
	Form   *web.Form
	Result *ImportResult
	T      func(string, ...any) string
}

// ImportErrorText is an import error in the page's language.
func (p importPage) ErrorText(e ImportError) string { return p.T(e.Code, e.Args...) }

func (h *handler) importForm(w http.ResponseWriter, r *http.Request) error {
	return h.site.Render(w, r, "volunteer/import.html", "volunteer.title.import", importPage{Form: web.NewForm(), T: h.site.T(r)})
}

func (h *handler) importFile(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 64<<20)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	file, _, err := r.FormFile("file")
	if err != nil {
		f.Errors["file"] = h.site.T(r)("volunteer.err.no_file")
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "volunteer/import.html", "volunteer.title.import", importPage{Form: f, T: h.site.T(r)})
	}
	defer file.Close()
	dry := f.Get("dry_run") != ""
	res, err := h.store.Import(r.Context(), file, orgID, userID(r), dry)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if len(res.Errors) > 0 {
		status = http.StatusUnprocessableEntity
	} else if !dry {
		web.KeepOnce(r) // imported, answered with the result: the same form again is 409 (a dry run's may be sent on)
	}
	return h.site.RenderStatus(w, r, status, "volunteer/import.html", "volunteer.title.import", importPage{Form: f, Result: &res, T: h.site.T(r)})
}

// parseLocal reads a datetime-local value in Beijing time.
func parseLocal(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02T15:04", s, beijing)
	if err != nil {
		return time.Time{}
	}
	return t
}

func (h *handler) createOpportunity(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	team, _ := strconv.ParseInt(f.Get("team_id"), 10, 64)
	slots, _ := strconv.Atoi(f.Get("slots"))
	scope := h.site.Scope(r, "volunteer.manage")
	event, err := h.store.EventFromForm(r.Context(), scope, f.Get("event_id"))
	var p Opportunity
	if err == nil {
		p, err = h.store.CreateOpportunity(r.Context(), OpportunityInput{OrgID: orgID, TeamID: team, EventID: event, Title: f.Get("title"), Place: f.Get("place"),
			StartsAt: parseLocal(f.Get("starts_at")), EndsAt: parseLocal(f.Get("ends_at")), Slots: slots, Scope: scope}, userID(r))
	}
	if err != nil {
		return h.back(w, r, err, "", "/volunteers")
	}
	h.site.AddFlash(w, r, "ok", "volunteer.flash.opportunity")
	return web.Redirect(w, r, "/volunteers/opportunities/"+strconv.FormatInt(p.ID, 10))
}

func (h *handler) createTeam(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	admin := int64(0)
	if name := f.Get("admin"); name != "" {
		u, err := h.userByName(r, name)
		if err != nil {
			return h.back(w, r, valid.New("admin", "volunteer.err.admin", name), "", "/volunteers")
		}
		admin = u
	}
	_, err = h.store.CreateTeam(r.Context(), orgID, f.Get("name"), admin, userID(r))
	return h.back(w, r, err, "volunteer.flash.team", "/volunteers")
}

// userByName finds a user account's ID by its user name.
func (h *handler) userByName(r *http.Request, name string) (int64, error) {
	if h.cfg.Users == nil {
		return 0, ErrNotFound
	}
	return h.cfg.Users(r.Context(), name)
}

type rosterPage struct {
	Opp     Opportunity
	Signups []Signup
}

func (h *handler) roster(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.store.Opportunity(r.Context(), id)
	if err != nil {
		return err
	}
	gs, err := h.store.Signups(r.Context(), id)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "volunteer/roster.html", "volunteer.title.roster", rosterPage{Opp: p, Signups: gs})
}

// check checks a signed-up volunteer in or out (crediting the hours).
func (h *handler) check(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	vid, _ := strconv.ParseInt(f.Get("volunteer_id"), 10, 64)
	scope := h.site.Scope(r, "volunteer.manage")
	to := "/volunteers/opportunities/" + strconv.FormatInt(id, 10)
	if f.Get("action") == "out" {
		_, err = h.store.CheckOut(r.Context(), id, vid, scope, userID(r))
		return h.back(w, r, err, "volunteer.flash.checked_out", to)
	}
	return h.back(w, r, h.store.CheckIn(r.Context(), id, vid, scope), "volunteer.flash.checked_in", to)
}
