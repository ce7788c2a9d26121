package innovation

import (
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// ListPage is the staff's list of needs in their scope.
type ListPage struct {
	List     *web.List
	Needs    []Need
	Status   string
	Field    string
	Org      string // the org filter as typed or picked (a code)
	Region   string
	Place    web.RegionFilter
	Waiting  bool
	Statuses []Status
	Fields   []string
	WaitDays int
}

// filter reads the list's filter from the query; the org filter is
// resolved to a path (the store keeps it inside the scope).
func (h *handler) filter(r *http.Request, l *web.List) (Filter, ListPage, string) {
	p := ListPage{List: l, Status: l.Get("status"), Field: l.Get("field"), Org: l.Get("org"), Region: l.Get("region"),
		Waiting: l.Get("waiting") == "1", Statuses: Statuses, Fields: Fields, WaitDays: h.store.WaitDays()}
	f := Filter{Scope: h.site.Scope(r, "innovation.view"), Q: l.Q, Waiting: p.Waiting, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	for _, st := range Statuses {
		if string(st) == p.Status {
			f.Status = st
		}
	}
	if knownField(p.Field) {
		f.Field = p.Field
	}
	var redirect string
	if p.Place, redirect = web.ReadRegionFilter(h.site.T(r), l); redirect != "" {
		return f, p, redirect
	}
	f.Region = p.Place.Code
	if p.Org != "" {
		o, err := h.orgs.FromForm(r.Context(), p.Org)
		if err != nil {
			f.OrgPath = "/0/" // no such org: nothing matches
		} else {
			f.OrgPath = o.Path
		}
	}
	return f, p, ""
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-filed", "filed", "wanted", "status")
	f, p, redirect := h.filter(r, l)
	if redirect != "" {
		return web.Redirect(w, r, redirect)
	}
	if web.WantsExport(r) {
		t, err := h.store.Export(r.Context(), f, h.site.T(r))
		if err != nil {
			return err
		}
		return sheet.ServeXLSX(w, "技术需求.xlsx", t)
	}
	needs, total, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	p.Needs, l.Total = needs, total
	return h.site.Render(w, r, "innovation/list.html", "innovation.title.needs", p)
}

// newForm is the form staff fill for an enterprise.
func (h *handler) newForm(w http.ResponseWriter, r *http.Request) error {
	return h.site.Render(w, r, "innovation/new.html", "innovation.title.new", h.formPage(r, web.NewForm(), true))
}

// create files a need staff enter for an enterprise, at an org of their
// scope.
func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	in := input(f)
	a := actor(r)
	in.UserID, in.Name = a.UserID, a.Name
	o, ferr := h.orgs.FromForm(r.Context(), f.Get("org_id"))
	if ferr != nil || !h.site.Scope(r, "innovation.handle").Contains(o.Path) {
		ferr = valid.New("org_id", "innovation.err.org")
	} else {
		in.OrgID = o.ID
		var n Need
		if n, ferr = h.store.File(r.Context(), in); ferr == nil {
			h.site.AddFlash(w, r, "ok", "innovation.flash.created")
			return web.Redirect(w, r, "/innovation/admin/"+strconv.FormatInt(n.ID, 10))
		}
	}
	if !f.Fail(h.site.T(r), ferr) {
		return ferr
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "innovation/new.html", "innovation.title.new", h.formPage(r, f, true))
}

// ShowPage is one need for staff: the timeline, the experts and 对接, and
// the forms of the steps its status allows.
type ShowPage struct {
	Need     Need
	Events   []Event
	Experts  []Expert
	Meetings []Meeting
	Hits     []Expert // the expert search's answer
	ExpertQ  string
	Form     *web.Form
	Revealed string // the contact in full, on the reveal's answer only
	IsFiler  bool   // the viewer filed it: no result nor closing is offered
	Forms    []string
	Results  []string
	Today    string
}

func (h *handler) renderShow(w http.ResponseWriter, r *http.Request, f *web.Form, status int, revealed string) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	n, err := h.store.Need(r.Context(), id)
	if err != nil {
		return err
	}
	p := ShowPage{Need: n, Form: f, Revealed: revealed, Forms: Forms, Results: Results, ExpertQ: r.URL.Query().Get("expert_q"),
		Today: h.store.db.Now().In(zone).Format("2006-01-02")}
	me := actor(r).UserID
	p.IsFiler = me != 0 && me == n.FilerUser
	if p.Events, err = h.store.Events(r.Context(), id); err != nil {
		return err
	}
	if p.Experts, err = h.store.ProposedExperts(r.Context(), id); err != nil {
		return err
	}
	if p.Meetings, err = h.store.Meetings(r.Context(), id); err != nil {
		return err
	}
	if p.ExpertQ != "" {
		if p.Hits, err = h.store.FindExperts(r.Context(), h.site.Scope(r, "innovation.handle"), p.ExpertQ); err != nil {
			return err
		}
	}
	return h.site.RenderStatus(w, r, status, "innovation/show.html", "innovation.title.need", p)
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, web.NewForm(), http.StatusOK, "")
}

// step runs one staff step posted on a need: on success it flashes done
// and shows the need again; a refused step shows the page with the error
// and changes nothing.
func (h *handler) step(w http.ResponseWriter, r *http.Request, done string, fn func(id int64, f *web.Form) error) error {
	return h.site.Step(w, r, formLimit, done, "/innovation/admin/", fn, func(f *web.Form) error {
		return h.renderShow(w, r, f, http.StatusUnprocessableEntity, "")
	})
}

func (h *handler) publish(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "innovation.flash.published", func(id int64, f *web.Form) error { return h.store.Publish(r.Context(), id, actor(r)) })
}

func (h *handler) reject(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "innovation.flash.rejected", func(id int64, f *web.Form) error {
		return h.store.Reject(r.Context(), id, f.Value("reason"), actor(r))
	})
}

func (h *handler) withdraw(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "innovation.flash.withdrawn", func(id int64, f *web.Form) error {
		return h.store.Withdraw(r.Context(), id, f.Value("reason"), actor(r))
	})
}

func (h *handler) propose(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "innovation.flash.proposed", func(id int64, f *web.Form) error {
		pid, _ := strconv.ParseInt(f.Get("person_id"), 10, 64)
		return h.store.Propose(r.Context(), id, pid, h.site.Scope(r, "innovation.handle"), actor(r))
	})
}

func (h *handler) meet(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "innovation.flash.met", func(id int64, f *web.Form) error {
		return h.store.Meet(r.Context(), id, MeetingInput{HeldOn: f.Get("held_on"), Form: f.Get("form"), Participants: f.Value("participants"),
			Note: f.Value("note")}, actor(r))
	})
}

func (h *handler) result(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "innovation.flash.result", func(id int64, f *web.Form) error {
		return h.store.Confirm(r.Context(), id, f.Get("result"), f.Get("amount"), f.Value("note"), actor(r))
	})
}

func (h *handler) close(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "innovation.flash.closed", func(id int64, f *web.Form) error {
		return h.store.Close(r.Context(), id, Status(f.Get("outcome")), f.Value("note"), actor(r))
	})
}

// reveal shows the enterprise's contact in full on this answer only; the
// store audits it.
func (h *handler) reveal(w http.ResponseWriter, r *http.Request) error {
	if _, err := web.ParseForm(w, r, 1<<12); err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	plain, err := h.store.Reveal(r.Context(), id)
	if err != nil {
		return err
	}
	return h.renderShow(w, r, web.NewForm(), http.StatusOK, plain)
}
