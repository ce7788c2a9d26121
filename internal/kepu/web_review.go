package kepu

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// ReviewsPage is an expert's queue: items to review and leads to answer.
type ReviewsPage struct {
	Items []Item
	Leads []Lead
}

func (h *handler) reviews(w http.ResponseWriter, r *http.Request) error {
	me := actor(r).UserID
	items, err := h.store.ReviewQueue(r.Context(), me)
	if err != nil {
		return err
	}
	leads, err := h.store.AssignedLeads(r.Context(), me)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "kepu/reviews.html", "kepu.title.reviews", ReviewsPage{Items: items, Leads: leads})
}

// ReviewPage is the expert's form for one item.
type ReviewPage struct {
	Item Item
	Body template.HTML
	Form *web.Form
}

// mine loads an item assigned to the signed-in expert; anyone else gets
// "not found", so the address says nothing about other reviews.
func (h *handler) mine(r *http.Request) (Item, error) {
	it, err := h.loadItem(r)
	if err != nil {
		return it, err
	}
	if it.ReviewerUser == 0 || it.ReviewerUser != actor(r).UserID {
		return it, web.ErrNotFound
	}
	return it, nil
}

func (h *handler) reviewForm(w http.ResponseWriter, r *http.Request) error {
	it, err := h.mine(r)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "kepu/review.html", "kepu.title.review", ReviewPage{Item: it, Body: template.HTML(it.Body), Form: web.NewForm()})
}

func (h *handler) review(w http.ResponseWriter, r *http.Request) error {
	it, err := h.mine(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	err = h.store.Review(r.Context(), it.ID, f.Get("verdict") == "pass", f.Get("note"), actor(r))
	if f.Fail(h.site.T(r), err) {
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/review.html", "kepu.title.review",
			ReviewPage{Item: it, Body: template.HTML(it.Body), Form: f})
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.reviewed")
	return web.Redirect(w, r, "/kepu/reviews")
}

// AnswerPage is the expert's answer to a rumour lead.
type AnswerPage struct {
	Lead      Lead
	Form      *web.Form
	Audiences []string
}

func (h *handler) myLead(r *http.Request) (Lead, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return Lead{}, err
	}
	l, err := h.store.Lead(r.Context(), id)
	if err != nil {
		return l, err
	}
	if l.ExpertUser == 0 || l.ExpertUser != actor(r).UserID {
		return l, web.ErrNotFound
	}
	return l, nil
}

func (h *handler) answerForm(w http.ResponseWriter, r *http.Request) error {
	l, err := h.myLead(r)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("audience", "public")
	return h.site.Render(w, r, "kepu/answer.html", "kepu.title.answer", AnswerPage{Lead: l, Form: f, Audiences: Audiences})
}

func (h *handler) answer(w http.ResponseWriter, r *http.Request) error {
	l, err := h.myLead(r)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 1<<20)
	if err != nil {
		return err
	}
	_, err = h.store.AnswerLead(r.Context(), l.ID, Answer{Title: f.Get("title"), Body: f.Value("body"), Audience: f.Get("audience")}, actor(r))
	if f.Fail(h.site.T(r), err) {
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/answer.html", "kepu.title.answer",
			AnswerPage{Lead: l, Form: f, Audiences: Audiences})
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", "kepu.flash.answered")
	return web.Redirect(w, r, "/kepu/reviews")
}

// LeadsPage is staff's list of rumour leads.
type LeadsPage struct {
	Leads    []Lead
	List     *web.List
	Status   string
	Statuses []LeadStatus
	Late     bool      // only the leads whose expert is past the due date
	Now      time.Time // to mark a lead whose expert is past the due date
}

// leadStatuses are the statuses a lead list filters by, in the order a
// lead passes through them.
var leadStatuses = []LeadStatus{LeadNew, LeadAssigned, LeadAnswered, LeadPublished, LeadRejected}

// leads is the triage queue: search the claim's words, filter by status,
// sort by when filed, its due date or status, page, export.
func (h *handler) leads(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "-filed", "filed", "due", "status")
	status := LeadStatus(l.Get("status"))
	if !slices.Contains(leadStatuses, status) {
		status = ""
	}
	f := LeadFilter{Scope: h.site.Scope(r, "kepu.leads"), Status: status, Q: l.Q, Late: l.Get("late") == "1", Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	ls, total, err := h.store.LeadList(r.Context(), f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		// The submitter's contact is sealed PII: never exported.
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("kepu.title.leads"), Headers: []string{t("kepu.rumour.claim"), t("kepu.f.status"), t("kepu.f.org"),
			t("kepu.f.expert"), t("kepu.f.due_at"), t("kepu.f.filed"), t("kepu.rumour.source")}}
		for _, x := range ls {
			tab.Rows = append(tab.Rows, []string{x.Claim, t("kepu.lead." + string(x.Status)), x.OrgName, x.ExpertName,
				sheet.Date(x.DueAt), sheet.Date(x.FiledAt), x.Link})
		}
		return sheet.ServeXLSX(w, t("kepu.title.leads")+".xlsx", tab)
	}
	l.Total = total
	return h.site.Render(w, r, "kepu/leads.html", "kepu.title.leads", LeadsPage{Leads: ls, List: l, Status: string(status), Statuses: leadStatuses,
		Late: f.Late, Now: h.store.db.Now()})
}

// LeadPage is one lead with staff's triage forms.
type LeadPage struct {
	Lead    Lead
	Form    *web.Form
	Pools   []Pool
	PoolID  int64
	Experts []Expert
}

func (h *handler) leadPageData(r *http.Request, l Lead, f *web.Form) (LeadPage, error) {
	p := LeadPage{Lead: l, Form: f}
	var err error
	if p.Pools, err = h.store.experts.Pools(r.Context(), h.site.Scope(r, "kepu.leads")); err != nil {
		return p, err
	}
	if pid, _ := strconv.ParseInt(r.URL.Query().Get("pool"), 10, 64); pid != 0 {
		p.PoolID = pid
		if inPools(p.Pools, pid) { // another city's pool lists no one, as an unknown one
			p.Experts, err = h.store.experts.Pool(r.Context(), pid)
		}
	}
	return p, err
}

// inPools reports whether id is one of pools.
func inPools(pools []Pool, id int64) bool {
	for _, p := range pools {
		if p.ID == id {
			return true
		}
	}
	return false
}

// scopedPool reads the expert pool a form names: its ID when the pool is
// kept in the caller's scope for a, 0 (no pool, no expert) otherwise, so
// that work is never sent to another city's experts and the answer is the
// one for a pool that does not exist.
func (h *handler) scopedPool(r *http.Request, a access.Action, v string) (int64, error) {
	id, _ := strconv.ParseInt(v, 10, 64)
	if id == 0 {
		return 0, nil
	}
	pools, err := h.store.experts.Pools(r.Context(), h.site.Scope(r, a))
	if err != nil || !inPools(pools, id) {
		return 0, err
	}
	return id, nil
}

func (h *handler) showLead(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	l, err := h.store.Lead(r.Context(), id)
	if err != nil {
		return err
	}
	f := web.NewForm()
	f.Values.Set("days", "5")
	p, err := h.leadPageData(r, l, f)
	if err != nil {
		return err
	}
	return h.site.Render(w, r, "kepu/lead.html", "kepu.title.lead", p)
}

func (h *handler) leadAct(w http.ResponseWriter, r *http.Request, flash string, do func(f *web.Form, l Lead) error) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	l, err := h.store.Lead(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := web.ParseForm(w, r, 64<<10)
	if err != nil {
		return err
	}
	err = do(f, l)
	if f.Fail(h.site.T(r), err) {
		p, perr := h.leadPageData(r, l, f)
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "kepu/lead.html", "kepu.title.lead", p)
	} else if err != nil {
		return err
	}
	h.site.AddFlash(w, r, "ok", flash)
	return web.Redirect(w, r, "/kepu/admin/leads/"+strconv.FormatInt(id, 10))
}

func (h *handler) rejectLead(w http.ResponseWriter, r *http.Request) error {
	return h.leadAct(w, r, "kepu.flash.lead_rejected", func(f *web.Form, l Lead) error {
		return h.store.RejectLead(r.Context(), l.ID, f.Get("reason"), actor(r))
	})
}

func (h *handler) assignLead(w http.ResponseWriter, r *http.Request) error {
	return h.leadAct(w, r, "kepu.flash.lead_assigned", func(f *web.Form, l Lead) error {
		pool, err := h.scopedPool(r, "kepu.leads", f.Get("pool_id"))
		if err != nil {
			return err
		}
		person, _ := strconv.ParseInt(f.Get("expert"), 10, 64)
		days, _ := strconv.Atoi(f.Get("days"))
		return h.store.AssignLead(r.Context(), l.ID, pool, person, days, actor(r))
	})
}
