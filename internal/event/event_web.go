package event

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// ListPage is the data of the staff's event list.
type ListPage struct {
	Events []Event
	List   *web.List
	OrgErr bool // the 主办单位 filter names no org
	Kinds  []string
	Form   *web.Form
	// VenueLabel names the venue the form's venue field holds ("" for none
	// or one not in service).
	VenueLabel string
}

func (h *handler) listPage(r *http.Request, f *web.Form) (ListPage, error) {
	l := web.ParseList(r, "", "starts", "title", "org", "capacity")
	col, desc := l.SortColumn()
	year, _ := strconv.Atoi(l.Get("year"))
	scope := h.site.Scope(r, "event.view")
	orgErr := false
	if v := l.Get("org"); v != "" { // one 主办单位 and the units under it
		if o, err := h.orgs.FromForm(r.Context(), v); err != nil {
			orgErr, scope = true, scope.Within("")
		} else {
			scope = scope.Within(o.Path)
		}
	}
	filter := Filter{Scope: scope, Q: l.Q, Kind: l.Get("kind"), Year: year, Sort: col, Desc: desc,
		Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		filter.Limit, filter.Offset = 10000, 0
	}
	list, total, err := h.store.List(r.Context(), filter)
	if err != nil {
		return ListPage{}, err
	}
	l.Total = total
	venue, err := h.store.VenueLabel(r.Context(), f.Get("venue_id"), 0)
	if err != nil {
		return ListPage{}, err
	}
	return ListPage{Events: list, List: l, OrgErr: orgErr, Kinds: Kinds(), Form: f, VenueLabel: venue}, nil
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	f.Values.Set("kind", KindLecture)
	f.Values.Set("capacity", "100")
	p, err := h.listPage(r, f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("event.title"), Headers: []string{t("event.f.title"), t("event.f.kind"), t("event.f.org"),
			t("event.f.starts"), t("event.f.place"), t("event.col.capacity"), t("event.col.confirmed"), t("event.col.waiting")}}
		for _, e := range p.Events {
			tab.Rows = append(tab.Rows, []string{e.Title, t("event.kind." + e.Kind), e.OrgName, sheet.DateTime(e.StartsAt), e.Place,
				strconv.Itoa(e.Capacity), strconv.Itoa(e.Confirmed), strconv.Itoa(e.Waiting)})
		}
		return sheet.ServeXLSX(w, t("event.title")+".xlsx", tab)
	}
	return h.site.Render(w, r, "event/list.html", "event.title", p)
}

// parseLocal reads a datetime-local field as Beijing time.
func parseLocal(v string) time.Time {
	t, err := time.ParseInLocation("2006-01-02T15:04", strings.TrimSpace(v), beijing)
	if err != nil {
		return time.Time{}
	}
	return t
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	orgID, _ := strconv.ParseInt(f.Get("org_id"), 10, 64)
	capacity, _ := strconv.Atoi(f.Get("capacity"))
	venueID, err := h.store.venueFromForm(r.Context(), f.Get("venue_id"))
	var e Event
	if err == nil {
		e, err = h.store.Create(r.Context(), Input{OrgID: orgID, VenueID: venueID, Title: f.Get("title"), Kind: f.Get("kind"),
			Audience: f.Get("audience"), Place: f.Get("place"), Capacity: capacity,
			StartsAt: parseLocal(f.Get("starts_at")), EndsAt: parseLocal(f.Get("ends_at"))})
	}
	if f.Fail(h.site.T(r), err) {
		p, perr := h.listPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "event/list.html", "event.title", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "event.flash.created")
	return web.Redirect(w, r, fmt.Sprintf("/events/%d", e.ID))
}

// ShowPage is the data of an event's staff page.
type ShowPage struct {
	Event      Event
	Attendance Attendance
	Tickets    []Ticket
	List       *web.List
	Statuses   []string
	Form       *web.Form
	Edit       *web.Form // the event's details, for correcting them
	Kinds      []string
	// VenueLabel names the venue the edit form's venue field holds: the
	// event's own (even removed since: it may stay, D189) or one in service.
	VenueLabel string
}

func (h *handler) showPage(r *http.Request, id int64, f *web.Form) (ShowPage, error) {
	e, err := h.store.Get(r.Context(), id)
	if err != nil {
		return ShowPage{}, err
	}
	a, err := h.store.Attendance(r.Context(), id)
	if err != nil {
		return ShowPage{}, err
	}
	l := web.ParseList(r, "")
	tf := TicketFilter{Status: l.Get("status"), Q: l.Q, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		tf.Limit, tf.Offset = 0, 0
	}
	ts, total, err := h.store.Tickets(r.Context(), id, tf)
	if err != nil {
		return ShowPage{}, err
	}
	l.Total = total
	if f == nil {
		f = web.NewForm()
		f.Values.Set("capacity", strconv.Itoa(e.Capacity))
	}
	edit := web.NewForm()
	for k, v := range map[string]string{"title": e.Title, "kind": e.Kind, "audience": e.Audience, "place": e.Place,
		"starts_at": e.StartsAt.In(beijing).Format("2006-01-02T15:04"), "ends_at": e.EndsAt.In(beijing).Format("2006-01-02T15:04")} {
		edit.Values.Set(k, v)
	}
	if e.VenueID != 0 {
		edit.Values.Set("venue_id", strconv.FormatInt(e.VenueID, 10))
	}
	venue, err := h.store.VenueLabel(r.Context(), edit.Get("venue_id"), e.VenueID)
	if err != nil {
		return ShowPage{}, err
	}
	return ShowPage{Event: e, Attendance: a, Tickets: ts, List: l, Statuses: []string{Confirmed, Waiting, Cancelled}, Form: f,
		Edit: edit, Kinds: Kinds(), VenueLabel: venue}, nil
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	p, err := h.showPage(r, id, nil)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("event.tickets"), Headers: []string{t("event.f.code"), t("event.f.name"), t("event.f.status"),
			t("event.f.registered"), t("event.f.checked_in")}}
		for _, x := range p.Tickets {
			in := ""
			if x.CheckedIn {
				in = "✓"
			}
			tab.Rows = append(tab.Rows, []string{x.Code, x.Name, t("event.status." + x.Status), sheet.DateTime(x.CreatedAt), in})
		}
		return sheet.ServeXLSX(w, p.Event.Title+".xlsx", tab)
	}
	return h.site.Render(w, r, "event/show.html", "event.title.show", p)
}

func (h *handler) capacity(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	n, _ := strconv.Atoi(f.Get("capacity"))
	err = h.store.SetCapacity(r.Context(), id, n)
	if f.Fail(h.site.T(r), err) {
		p, perr := h.showPage(r, id, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "event/show.html", "event.title.show", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "event.flash.capacity")
	return web.Redirect(w, r, fmt.Sprintf("/events/%d", id))
}

// registerAll registers a list of names, one a line.
func (h *handler) registerAll(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	var names []string
	for _, line := range strings.Split(f.Value("names"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			names = append(names, line)
		}
	}
	ts, err := h.store.RegisterAll(r.Context(), id, names)
	if err == nil && len(names) == 0 {
		err = fieldErr("names", "event.err.names")
	}
	if f.Fail(h.site.T(r), err) {
		p, perr := h.showPage(r, id, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "event/show.html", "event.title.show", p)
	} else if err != nil {
		return err
	}
	waiting := 0
	for _, t := range ts {
		if t.Status == Waiting {
			waiting++
		}
	}
	h.site.AddFlash(w, r, "ok", "event.flash.registered_all", len(ts), waiting)
	return web.Redirect(w, r, fmt.Sprintf("/events/%d", id))
}
