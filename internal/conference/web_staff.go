package conference

import (
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/valid"
	"kexie/internal/web"
)

// ListPage is the staff's list of conferences in their scope.
type ListPage struct {
	List     *web.List
	Confs    []Conference
	Kind     string
	Status   string
	Org      string // the org filter as typed or picked (a code)
	Year     string
	Intl     string
	Overdue  bool
	Kinds    []string
	Statuses []Status
	Years    []int
	Today    string
}

func (h *handler) years() []int {
	now := h.store.db.Now().In(zone).Year()
	var out []int
	for y := now + 1; y >= now-5; y-- {
		out = append(out, y)
	}
	return out
}

// orgPath resolves an org filter to a path ("/0/", which nothing matches,
// for an org that does not exist).
func (h *handler) orgPath(r *http.Request, v string) string {
	if v == "" {
		return ""
	}
	o, err := h.orgs.FromForm(r.Context(), v)
	if err != nil {
		return "/0/"
	}
	return o.Path
}

func (h *handler) filter(r *http.Request, l *web.List) (Filter, ListPage) {
	p := ListPage{List: l, Kind: l.Get("kind"), Status: l.Get("status"), Org: l.Get("org"), Year: l.Get("year"), Intl: l.Get("intl"),
		Overdue: l.Get("overdue") == "1", Kinds: Kinds, Statuses: Statuses, Years: h.years(), Today: today(h.store.db.Now())}
	f := Filter{Scope: h.site.Scope(r, "conference.view"), Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset(),
		OrgPath: h.orgPath(r, p.Org), Overdue: p.Overdue}
	if knownKind(p.Kind) {
		f.Kind = p.Kind
	}
	if knownStatus(p.Status) {
		f.Status = Status(p.Status)
	}
	if y, err := strconv.Atoi(p.Year); err == nil && y >= 2000 && y <= 2100 {
		f.Year = y
	}
	if p.Intl == "yes" || p.Intl == "no" {
		f.Intl = p.Intl
	}
	return f, p
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-start", "start", "status", "filed")
	f, p := h.filter(r, l)
	if web.WantsExport(r) {
		t, err := h.store.Export(r.Context(), f, h.site.T(r))
		if err != nil {
			return err
		}
		return sheet.ServeXLSX(w, "学术会议.xlsx", t)
	}
	list, total, err := h.store.List(r.Context(), f)
	if err != nil {
		return err
	}
	p.Confs, l.Total = list, total
	return h.site.Render(w, r, "conference/list.html", "conference.title.list", p)
}

// FormPage is the plan's form, new or edited.
type FormPage struct {
	Form   *web.Form
	Kinds  []string
	ID     int64 // 0 for a new plan
	Action string
}

func input(f *web.Form) Input {
	return Input{Title: f.Get("title"), Kind: f.Get("kind"), CoOrganisers: f.Value("co_organisers"), StartsOn: f.Get("starts_on"),
		EndsOn: f.Get("ends_on"), City: f.Get("city"), Venue: f.Get("venue"), Expected: f.Get("expected"), Capacity: f.Get("capacity"),
		International: f.Get("international") == "1", Countries: f.Get("countries"), Budget: f.Get("budget"), Topics: f.Value("topics")}
}

func (h *handler) newForm(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	f.Values.Set("kind", "annual")
	return h.site.Render(w, r, "conference/form.html", "conference.title.new", FormPage{Form: f, Kinds: Kinds, Action: "/conference/admin/new"})
}

// orgOf reads the form's organiser inside the caller's conference.file scope.
func (h *handler) orgOf(r *http.Request, f *web.Form) (int64, error) {
	o, err := h.orgs.FromForm(r.Context(), f.Get("org_id"))
	if err != nil || !h.site.Scope(r, "conference.file").Contains(o.Path) {
		return 0, valid.New("org_id", "conference.err.org")
	}
	return o.ID, nil
}

func (h *handler) create(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	in := input(f)
	var id int64
	if in.OrgID, err = h.orgOf(r, f); err == nil || f.Get("org_id") == "" {
		if id, err = h.store.Create(r.Context(), in, h.site.Scope(r, "conference.file"), actor(r)); err == nil {
			h.site.AddFlash(w, r, "ok", "conference.flash.created")
			return web.Redirect(w, r, "/conference/admin/"+strconv.FormatInt(id, 10))
		}
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "conference/form.html", "conference.title.new",
		FormPage{Form: f, Kinds: Kinds, Action: "/conference/admin/new"})
}

func (h *handler) editForm(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	f := web.NewForm()
	for k, v := range map[string]string{"org_id": strconv.FormatInt(c.OrgID, 10), "title": c.Title, "kind": c.Kind,
		"co_organisers": strings.Join(c.CoOrganisers, "\n"), "starts_on": c.StartsOn, "ends_on": c.EndsOn, "city": c.City, "venue": c.Venue,
		"expected": strconv.Itoa(c.Expected), "capacity": strconv.Itoa(c.Capacity), "countries": strconv.Itoa(c.Countries),
		"budget": c.BudgetText(), "topics": c.Topics} {
		f.Values.Set(k, v)
	}
	if c.International {
		f.Values.Set("international", "1")
	}
	action := "/conference/admin/" + strconv.FormatInt(id, 10) + "/edit"
	return h.site.Render(w, r, "conference/form.html", "conference.title.edit", FormPage{Form: f, Kinds: Kinds, ID: id, Action: action})
}

func (h *handler) edit(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, formLimit)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	in := input(f)
	if in.OrgID, err = h.orgOf(r, f); err == nil {
		if err = h.store.Update(r.Context(), id, in, h.site.Scope(r, "conference.file"), actor(r)); err == nil {
			h.site.AddFlash(w, r, "ok", "conference.flash.saved")
			return web.Redirect(w, r, "/conference/admin/"+strconv.FormatInt(id, 10))
		}
	}
	if !f.Fail(h.site.T(r), err) {
		return err
	}
	action := "/conference/admin/" + strconv.FormatInt(id, 10) + "/edit"
	return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "conference/form.html", "conference.title.edit",
		FormPage{Form: f, Kinds: Kinds, ID: id, Action: action})
}

// ShowPage is one conference for staff: its plan, numbers, the steps its
// status allows the viewer, and the timeline.
type ShowPage struct {
	Conf      Conference
	Events    []Event
	Form      *web.Form
	IsFiler   bool // the viewer filed, edited or submitted the plan: they never approve it
	IsSummary bool // the viewer filed or corrected the summary: they never confirm it
	CanUpper  bool // the viewer may act for the org above
	OwnOrg    bool // the viewer is the organiser's staff: they never act for the org above
	Today     string
	Ended     bool
	Started   bool
	Overdue   bool
	Papers    int // papers submitted
	Programme []Person
}

func (h *handler) renderShow(w http.ResponseWriter, r *http.Request, f *web.Form, status int) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	c, err := h.store.Get(r.Context(), id)
	if err != nil {
		return err
	}
	evs, err := h.store.Events(r.Context(), id)
	if err != nil {
		return err
	}
	_, np, err := h.store.Papers(r.Context(), id, PaperFilter{Limit: 1})
	if err != nil {
		return err
	}
	prog, err := h.store.Programme(r.Context(), id)
	if err != nil {
		return err
	}
	up := h.upperActor(r)
	me := up.UserID
	plan, sum, err := h.store.Hands(r.Context(), id, me)
	if err != nil {
		return err
	}
	day := today(h.store.db.Now())
	p := ShowPage{Conf: c, Events: evs, Form: f, Today: day, Ended: day > c.EndsOn, Started: day >= c.StartsOn, Overdue: c.Overdue(day),
		IsFiler: me != 0 && (me == c.FilerUser || plan), IsSummary: me != 0 && (me == c.Summary.User || sum),
		CanUpper: h.site.Scope(r, "conference.approve").Contains(c.UpperPath), OwnOrg: c.StaffOf(up), Papers: np, Programme: prog}
	return h.site.RenderStatus(w, r, status, "conference/show.html", "conference.title.show", p)
}

func (h *handler) show(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, web.NewForm(), http.StatusOK)
}

// step runs one step posted on a conference: on success it flashes done
// and shows it again; a refused step shows the page with the error and
// changes nothing.
func (h *handler) step(w http.ResponseWriter, r *http.Request, done string, fn func(id int64, f *web.Form) error) error {
	return h.site.Step(w, r, formLimit, done, "/conference/admin/", fn, func(f *web.Form) error {
		return h.renderShow(w, r, f, http.StatusUnprocessableEntity)
	})
}

func (h *handler) submit(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.submitted", func(id int64, f *web.Form) error { return h.store.Submit(r.Context(), id, actor(r)) })
}

func (h *handler) approve(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.approved", func(id int64, f *web.Form) error {
		return h.store.Approve(r.Context(), id, h.site.Scope(r, "conference.approve"), h.upperActor(r))
	})
}

func (h *handler) sendBack(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.returned", func(id int64, f *web.Form) error {
		return h.store.Return(r.Context(), id, f.Value("reason"), h.site.Scope(r, "conference.approve"), h.upperActor(r))
	})
}

func (h *handler) open(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.opened", func(id int64, f *web.Form) error { return h.store.OpenRegistration(r.Context(), id, actor(r)) })
}

func (h *handler) hold(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.held", func(id int64, f *web.Form) error { return h.store.MarkHeld(r.Context(), id, actor(r)) })
}

func (h *handler) cancel(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.cancelled", func(id int64, f *web.Form) error {
		return h.store.Cancel(r.Context(), id, f.Value("reason"), actor(r))
	})
}

func (h *handler) summary(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.summary", func(id int64, f *web.Form) error {
		return h.store.FileSummary(r.Context(), id, SummaryInput{Attendance: f.Get("attendance"), Papers: f.Get("papers"),
			IntlPeople: f.Get("intl_people"), Outcome: f.Value("outcome"), Note: f.Value("note"), Reason: f.Value("reason")}, actor(r))
	})
}

func (h *handler) confirm(w http.ResponseWriter, r *http.Request) error {
	return h.step(w, r, "conference.flash.confirmed", func(id int64, f *web.Form) error {
		return h.store.Confirm(r.Context(), id, h.site.Scope(r, "conference.approve"), h.upperActor(r))
	})
}
