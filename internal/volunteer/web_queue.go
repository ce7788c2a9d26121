package volunteer

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// queuePath is the staff's queue of hour corrections.
const queuePath = "/volunteers/corrections"

type queuePage struct {
	List     *web.List
	Items    []QueueItem
	Stars    []FlaggedStar
	Teams    []Team
	Team     int64
	Status   string // the filter: pending, approved, rejected, all
	Statuses []string
	OrgErr   bool // the org filter names no org
	StatErr  bool // the status filter is none of Statuses
	Filers   map[int64]web.Name
	Me       int64
	Back     string // this page with its filters, for the decide forms
	Pending  int    // pending corrections in the viewer's whole scope
	Flagged  int    // stars awaiting review in the viewer's whole scope
}

// queue is the staff's queue of hour corrections in their scope (pending by
// default), with the stars awaiting review; ?format=xlsx exports the
// corrections of the filter, every page.
func (h *handler) queue(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	scope := h.site.Scope(r, "volunteer.manage")
	l := web.ParseList(r, "filed", "filed", "hours")
	col, desc := l.SortColumn()
	p := queuePage{List: l, Status: l.Get("status"), Statuses: QueueStatuses, Me: userID(r)}
	if p.Status == "" {
		p.Status = Pending
	}
	p.Team, _ = strconv.ParseInt(l.Get("team"), 10, 64)
	f := QueueFilter{Scope: scope, Status: p.Status, Query: l.Q, TeamID: p.Team, Sort: col, Desc: desc, Limit: l.PerPage, Offset: l.Offset()}
	if !slices.Contains(QueueStatuses, p.Status) {
		p.StatErr, f.Scope = true, scope.Within("")
	} else if p.Status == "all" {
		f.Status = ""
	}
	if v := l.Get("org"); v != "" { // one org and the units under it
		if o, err := h.orgs.FromForm(ctx, v); err != nil {
			p.OrgErr, f.Scope = true, scope.Within("")
		} else {
			f.Scope = f.Scope.Within(o.Path)
		}
	}
	if web.WantsExport(r) && !p.OrgErr && !p.StatErr {
		return h.queueExport(w, r, f)
	}
	var err error
	if p.Items, l.Total, err = h.store.CorrectionQueue(ctx, f); err != nil {
		return err
	}
	if p.Stars, err = h.store.FlaggedStars(ctx, f, 200); err != nil {
		return err
	}
	if p.Pending, p.Flagged, err = h.store.QueueCounts(ctx, scope); err != nil {
		return err
	}
	if p.Teams, err = h.store.Teams(ctx, scope); err != nil {
		return err
	}
	if p.Filers, err = h.filers(r, p.Items); err != nil {
		return err
	}
	p.Back = r.URL.RequestURI()
	status := http.StatusOK
	if p.OrgErr || p.StatErr {
		status = http.StatusUnprocessableEntity
	}
	return h.site.RenderStatus(w, r, status, "volunteer/queue.html", "volunteer.title.queue", p)
}

// filers names the people who filed the corrections.
func (h *handler) filers(r *http.Request, items []QueueItem) (map[int64]web.Name, error) {
	ids := make([]int64, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.FiledBy, it.DecidedBy)
	}
	return h.site.Names(r.Context(), "user", ids)
}

// queueExport writes the filter's corrections (every page) as XLSX; ID
// numbers stay masked.
func (h *handler) queueExport(w http.ResponseWriter, r *http.Request, f QueueFilter) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("volunteer.title.queue"), Headers: []string{t("volunteer.f.name"), t("volunteer.f.id_number"), t("volunteer.f.org"),
		t("volunteer.f.entry"), t("volunteer.f.day"), t("volunteer.f.hours"), t("volunteer.f.reason"), t("volunteer.f.filed_by"), t("volunteer.f.filed_at"),
		t("volunteer.f.status"), t("volunteer.f.decided_by"), t("volunteer.f.decided_at")}}
	f.Limit, f.Offset = 500, 0
	for {
		items, _, err := h.store.CorrectionQueue(r.Context(), f)
		if err != nil {
			return err
		}
		names, err := h.filers(r, items)
		if err != nil {
			return err
		}
		for _, it := range items {
			decidedAt := ""
			if !it.DecidedAt.IsZero() {
				decidedAt = sheet.DateTime(it.DecidedAt)
			}
			tab.Rows = append(tab.Rows, []string{it.Volunteer.Name, it.Volunteer.IDMasked, it.Volunteer.OrgName, "#" + strconv.FormatInt(it.EntrySeq, 10), it.EntryDay,
				it.HoursText(), it.Reason, names[it.FiledBy].Text, sheet.DateTime(it.CreatedAt), t("volunteer.queue.status." + it.Status),
				names[it.DecidedBy].Text, decidedAt})
		}
		if len(items) < f.Limit {
			break
		}
		f.Offset += f.Limit
	}
	return sheet.ServeXLSX(w, t("volunteer.title.queue")+".xlsx", tab)
}

// backTo is where a decision made on a page returns: the queue (with its
// filters) when the form names it, else def.
func backTo(f *web.Form, def string) string {
	u, err := url.Parse(f.Get("back"))
	if err != nil || u.Path != queuePath || u.Host != "" || u.Scheme != "" || u.User != nil {
		return def
	}
	if u.RawQuery == "" {
		return queuePath
	}
	return queuePath + "?" + u.RawQuery
}
