package review

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// CallsPage is the staff list of calls.
type CallsPage struct {
	Calls    []CallRow
	List     *web.List
	Kinds    []string
	Statuses []string
}

func (h *handler) calls(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-created", "created", "opens", "closes", "title")
	f := Filter{Scope: h.scope(r, "review.manage"), Q: l.Get("q"), Status: l.Get("status"), Kind: l.Get("kind"),
		Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	rows, total, err := h.store.Calls(r.Context(), f)
	if err != nil {
		return err
	}
	l.Total = total
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("review.title.calls"), Headers: []string{t("review.f.title"), t("review.f.kind"), t("review.f.org"),
			t("review.f.status"), t("review.f.opens"), t("review.f.closes"), t("review.f.apps")}}
		for _, c := range rows {
			tab.Rows = append(tab.Rows, []string{c.Title, t("review.kind." + c.Kind), c.OrgName, t("review.status." + c.Status),
				web.Date(c.OpensAt), web.Date(c.ClosesAt), strconv.Itoa(c.Submitted)})
		}
		return sheet.ServeXLSX(w, t("review.title.calls")+".xlsx", tab)
	}
	return h.site.Render(w, r, "review/calls.html", "review.title.calls", CallsPage{Calls: rows, List: l, Kinds: Kinds,
		Statuses: []string{CallDraft, CallOpen, CallClosed, CallPublicity, CallFinal}})
}

// NewCallPage is the call editor.
type NewCallPage struct {
	Form      *web.Form
	Templates []Template
	Kinds     []string
	Pools     []Pool // the expert pools in the staff's scope
}

func (h *handler) newCallPage(r *http.Request, f *web.Form) (NewCallPage, error) {
	p := NewCallPage{Form: f, Templates: Templates(), Kinds: Kinds}
	if h.store.people != nil {
		var err error
		if p.Pools, err = h.store.people.Pools(r.Context(), h.scope(r, "review.manage")); err != nil {
			return p, err
		}
	}
	return p, nil
}

func (h *handler) newCall(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	tpl, ok := TemplateByKey(r.URL.Query().Get("template"))
	if !ok {
		tpl = Templates()[0]
	}
	now := h.store.db.Now().In(calendar.Beijing)
	f.Values.Set("template", tpl.Key)
	f.Values.Set("kind", tpl.Kind)
	f.Values.Set("applicant_kind", Individual)
	f.Values.Set("opens", now.Format("2006-01-02"))
	f.Values.Set("closes", now.AddDate(0, 1, 0).Format("2006-01-02"))
	f.Values.Set("review_to", now.AddDate(0, 2, 0).Format("2006-01-02"))
	f.Values.Set("publicity_days", strconv.Itoa(tpl.Days))
	f.Values.Set("quota", strconv.Itoa(tpl.Quota))
	if tpl.Recommend {
		f.Values.Set("recommend", "1")
	}
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	p, err := h.newCallPage(r, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "review/new.html", "review.title.new", p)
}

func parseDay(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, calendar.Beijing)
	if err != nil {
		return time.Time{}
	}
	return t
}

func (h *handler) createCall(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 256<<10)
	if err != nil {
		return err
	}
	tpl, ok := TemplateByKey(f.Get("template"))
	if !ok {
		tpl = Templates()[0]
	}
	in := CallInput{Title: f.Get("title"), Kind: f.Get("kind"), ApplicantKind: f.Get("applicant_kind"),
		Recommend: f.Get("recommend") == "1", Rules: tpl.Rules, Stages: tpl.Stages,
		OpensAt: parseDay(f.Get("opens")), ClosesAt: parseDay(f.Get("closes")).Add(24*time.Hour - time.Second)}
	in.OrgID, _ = strconv.ParseInt(f.Get("org_id"), 10, 64)
	in.Quota, _ = strconv.Atoi(f.Get("quota"))
	in.PublicityDays, _ = strconv.Atoi(f.Get("publicity_days"))
	pool, _ := strconv.ParseInt(f.Get("pool_id"), 10, 64)
	if pool != 0 {
		// A pool outside the staff's scope is one that does not exist: its
		// experts' names would come back on the assignment pages.
		path, err := h.store.people.PoolOrg(r.Context(), pool)
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		if err != nil || !h.scope(r, "review.manage").Contains(path) {
			f.Errors["pool_id"] = h.site.T(r)("review.err.pool")
		}
	}
	in.Stages = append([]StageInput(nil), tpl.Stages...)
	if due := parseDay(f.Get("review_to")); !due.IsZero() {
		in.ReviewFrom, in.ReviewTo = in.ClosesAt, due.Add(24*time.Hour-time.Second)
	}
	for i := range in.Stages {
		if in.Stages[i].Kind == StageReview {
			in.Stages[i].PoolID, in.Stages[i].DueAt = pool, in.ReviewTo
		}
	}
	in.Form = tpl.Form // adjusted afterwards in the form builder
	var c Call
	if len(f.Errors) == 0 {
		if !h.scope(r, "review.manage").Contains(h.orgPath(r, in.OrgID)) {
			return web.ErrNotFound // as the route's guard answers (D188)
		}
		c, err = h.store.CreateCall(r.Context(), in, userID(r))
	}
	if len(f.Errors) > 0 || err != nil {
		if err != nil && !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.newCallPage(r, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "review/new.html", "review.title.new", p)
	}
	h.site.AddFlash(w, r, "ok", "review.flash.created")
	return web.Redirect(w, r, "/review/calls/"+strconv.FormatInt(c.ID, 10)+"/form")
}

func (h *handler) orgPath(r *http.Request, id int64) string {
	o, err := lookupOrg(r.Context(), h.store.db, "org_id", id)
	if err != nil {
		return ""
	}
	return o.Path
}

// ManagePage is the staff page of one call.
type ManagePage struct {
	Call       Call
	Stages     []Stage
	Apps       []Application
	Objections []Objection
	Now        time.Time
}

// StageName returns the name of stage seq, for the applications table.
func (p ManagePage) StageName(seq int) string {
	for _, s := range p.Stages {
		if s.Seq == seq {
			return s.Name
		}
	}
	return ""
}

func (h *handler) manage(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	sc := h.scope(r, "review.manage")
	c, err := h.store.Call(r.Context(), id)
	if err != nil {
		return err
	}
	p := ManagePage{Call: c, Now: h.store.db.Now()}
	if p.Stages, err = h.store.Stages(r.Context(), id); err != nil {
		return err
	}
	if p.Apps, err = h.store.CallApplications(r.Context(), id, sc); err != nil {
		return err
	}
	if p.Objections, err = h.store.Objections(r.Context(), id, sc); err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("review.apps"), Headers: []string{"ID", t("review.f.app_title"), t("review.f.applicant"),
			t("review.f.employer"), t("review.f.stage"), t("review.f.status"), t("review.f.note")}}
		for _, a := range p.Apps {
			tab.Rows = append(tab.Rows, []string{strconv.FormatInt(a.ID, 10), a.Title, a.Name, a.Employer, p.StageName(a.StageSeq),
				t("review.app." + a.Status), a.Note})
		}
		return sheet.ServeXLSX(w, c.Title+".xlsx", tab)
	}
	return h.site.Render(w, r, "review/manage.html", "review.title.manage", p)
}

// act runs a staff action and goes back to the call's page with a flash.
func (h *handler) act(w http.ResponseWriter, r *http.Request, callID int64, do func(f *web.Form, sc access.Scope) error) error {
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	if err := do(f, h.scope(r, "review.manage")); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		h.site.AddFlash(w, r, "error", "review.flash.failed", firstError(f))
	} else {
		h.site.AddFlash(w, r, "ok", "review.flash.recorded")
	}
	return web.Redirect(w, r, "/review/calls/"+strconv.FormatInt(callID, 10))
}

func (h *handler) publish(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	return h.act(w, r, id, func(*web.Form, access.Scope) error { return h.store.Publish(r.Context(), id) })
}

func (h *handler) startPublicity(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	return h.act(w, r, id, func(_ *web.Form, sc access.Scope) error { return h.store.StartPublicity(r.Context(), id, sc) })
}

func (h *handler) finalize(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	return h.act(w, r, id, func(_ *web.Form, sc access.Scope) error { return h.store.Finalize(r.Context(), id, sc) })
}

func (h *handler) decide(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	a, err := h.store.Application(r.Context(), id)
	if err != nil {
		return err
	}
	return h.act(w, r, a.CallID, func(f *web.Form, sc access.Scope) error {
		return h.store.Decide(r.Context(), sc, userID(r), Decision{AppID: id, Outcome: f.Get("outcome"), Reason: f.Get("reason")})
	})
}

func (h *handler) handleObjection(w http.ResponseWriter, r *http.Request) error {
	id, _ := web.PathID(r, "id")
	var callID int64
	if err := h.store.db.QueryRow(r.Context(), `SELECT call_id FROM review_objections WHERE id = ?`, id).Scan(&callID); err != nil {
		return web.ErrNotFound
	}
	return h.act(w, r, callID, func(f *web.Form, sc access.Scope) error {
		return h.store.HandleObjection(r.Context(), id, sc, userID(r), f.Get("outcome") == "accept", f.Get("reason"))
	})
}
