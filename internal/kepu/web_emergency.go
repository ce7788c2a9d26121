package kepu

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/web"
)

// EmergenciesPage lists emergencies with the form to open one.
type EmergenciesPage struct {
	Emergencies []Emergency
	Form        *web.Form
}

func (h *handler) emergencies(w http.ResponseWriter, r *http.Request) error {
	return h.renderEmergencies(w, r, http.StatusOK, web.NewForm())
}

func (h *handler) renderEmergencies(w http.ResponseWriter, r *http.Request, status int, f *web.Form) error {
	ems, err := h.store.Emergencies(r.Context(), h.site.Scope(r, "kepu.emergency"))
	if err != nil {
		return err
	}
	return h.site.RenderStatus(w, r, status, "kepu/emergencies.html", "kepu.title.emergencies", EmergenciesPage{Emergencies: ems, Form: f})
}

func (h *handler) openEmergency(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	org, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	var editors []int64
	for _, name := range strings.FieldsFunc(f.Get("editors"), func(c rune) bool { return c == ',' || c == '，' || c == ' ' }) {
		id, err := h.cfg.UserID(r.Context(), name)
		if err != nil {
			f.Errors["editors"] = h.site.T(r)("kepu.err.editor_unknown", name)
			return h.renderEmergencies(w, r, http.StatusUnprocessableEntity, f)
		}
		editors = append(editors, id)
	}
	_, err = h.store.OpenEmergency(r.Context(), org, f.Get("topic"), f.Get("region"), editors, actor(r))
	if f.Fail(h.site.T(r), err) {
		return h.renderEmergencies(w, r, http.StatusUnprocessableEntity, f)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.emergency_open")
	return web.Redirect(w, r, "/kepu/admin/emergencies")
}

func (h *handler) closeEmergency(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := web.ParseForm(w, r, 64<<10); err != nil {
		return err
	}
	if err := h.store.CloseEmergency(r.Context(), id, actor(r)); err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.emergency_closed")
	return web.Redirect(w, r, "/kepu/admin/emergencies")
}

// UrgentPage is a designated editor's fast-path form.
type UrgentPage struct {
	Emergency Emergency
	Form      *web.Form
	Audiences []string
}

// designated loads an open emergency the signed-in user may publish in.
func (h *handler) designated(r *http.Request) (Emergency, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return Emergency{}, err
	}
	e, err := h.store.Emergency(r.Context(), id)
	if err != nil {
		return e, err
	}
	// To anyone it does not name, an emergency is one that does not exist:
	// its topic may precede the official word (D69), and a 403 would say
	// that the ID is taken.
	if !contains64(e.Editors, actor(r).UserID) {
		return Emergency{}, web.ErrNotFound
	}
	if !e.Open {
		return e, web.ErrForbidden
	}
	return e, nil
}

func (h *handler) urgentForm(w http.ResponseWriter, r *http.Request) error {
	e, err := h.designated(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("audience", "public")
	return h.site.Render(w, r, "kepu/urgent.html", "kepu.title.urgent", UrgentPage{Emergency: e, Form: f, Audiences: Audiences})
}

func (h *handler) publishUrgent(w http.ResponseWriter, r *http.Request) error {
	e, err := h.designated(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	in := draftInput(f)
	in.OrgID, in.Kind = e.OrgID, Article
	it, err := h.store.PublishUrgent(r.Context(), e.ID, in, actor(r))
	if f.Fail(h.site.T(r), err) {
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/urgent.html", "kepu.title.urgent",
			UrgentPage{Emergency: e, Form: f, Audiences: Audiences})
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.published")
	return web.Redirect(w, r, "/kepu/admin/items/"+strconv.FormatInt(it.ID, 10))
}

// ReachPage is reach per org and audience in the viewer's scope.
type ReachPage struct {
	Tree    []ReachNode
	Rows    []ReachRow
	Readers int64
	Views   int64
	Shares  int64
}

func (h *handler) reachPage(w http.ResponseWriter, r *http.Request) error {
	if err := h.store.FlushReach(r.Context()); err != nil {
		return err
	}
	scope := h.site.Scope(r, "kepu.edit")
	rows, err := h.store.Reach(r.Context(), scope, periodAll)
	if err != nil {
		return err
	}
	p := ReachPage{Rows: rows}
	if p.Tree, err = h.store.ReachTree(r.Context(), scope, periodAll); err != nil {
		return err
	}
	for _, x := range rows {
		p.Views += x.Views
		p.Shares += x.Shares
	}
	if p.Readers, err = h.store.Readers(r.Context(), scope, periodAll); err != nil {
		return err
	}
	return h.site.Render(w, r, "kepu/reach.html", "kepu.title.reach", p)
}
