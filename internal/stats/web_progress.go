package stats

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// ProgressPage is which orgs of a subtree have filed their form of a year.
type ProgressPage struct {
	List     *web.List
	Rows     []Row
	Year     int
	Years    []int
	Status   string
	Kind     string
	Org      string // the org filter as typed or picked (a code)
	Statuses []Status
	Shares   map[Status]int
	All      int
	Chart    string
	// The deadline of the subtree shown, and whether the viewer may set it.
	Deadline    time.Time
	DeadlineOrg string // the code of the org it is set at
	DeadlineFor string // that org's name
	CanDeadline bool
	DueForm     *web.Form
}

// LastDay is the last day of the deadline.
func (p ProgressPage) LastDay() time.Time { return p.Deadline.Add(-time.Second) }

// years are the years a page offers, newest first.
func (h *handler) years() []int {
	now := h.store.db.Now().In(zone).Year()
	var out []int
	for y := now; y >= now-5; y-- {
		out = append(out, y)
	}
	return out
}

// year reads the year of a page's query: the year being filed by default.
func (h *handler) year(r *http.Request) int {
	now := h.store.db.Now().In(zone).Year()
	y, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || y < 2000 || y > now {
		return h.store.CurrentYear()
	}
	return y
}

// orgPath resolves the org filter to a path, a code and a name within
// scope: an unknown org and one outside the scope alike match nothing and
// are not named (the page would otherwise show an out-of-scope org's name
// and deadline to whoever typed its code).
func (h *handler) orgPath(r *http.Request, scope access.Scope, v string) (string, string, string) {
	if v == "" {
		return "", "", ""
	}
	o, err := h.orgs.FromForm(r.Context(), v)
	if err != nil || !scope.Contains(o.Path) {
		return "/0/", "", ""
	}
	return o.Path, o.Code, o.Name
}

func (h *handler) progress(w http.ResponseWriter, r *http.Request) error {
	return h.renderProgress(w, r, http.StatusOK, nil)
}

func (h *handler) renderProgress(w http.ResponseWriter, r *http.Request, status int, due *web.Form) error {
	l := web.ParseList(r, "name", "name", "status", "filed")
	p := ProgressPage{List: l, Year: h.year(r), Years: h.years(), Status: l.Get("status"), Kind: l.Get("kind"), Org: l.Get("org"),
		Statuses: Statuses, DueForm: due}
	if p.DueForm == nil {
		p.DueForm = web.NewForm()
	}
	scope := h.site.Scope(r, "stats.view")
	f := Filter{Scope: scope, Year: p.Year, Q: l.Q, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	for _, st := range Statuses {
		if string(st) == p.Status {
			f.Status = st
		}
	}
	switch p.Kind {
	case "kx":
		f.Kind = ForKX
	case "society":
		f.Kind = ForSociety
	}
	var code, name string
	f.OrgPath, code, name = h.orgPath(r, scope, p.Org)
	ctx := r.Context()
	if web.WantsExport(r) {
		return h.exportProgress(w, r, f)
	}
	var err error
	if p.Rows, l.Total, err = h.store.List(ctx, f); err != nil {
		return err
	}
	if p.Shares, err = h.store.Shares(ctx, f); err != nil {
		return err
	}
	for _, n := range p.Shares {
		p.All += n
	}
	t := h.site.T(r)
	p.Chart = sharesChart(t, p.Shares)
	// The deadline shown is the filtered org's, or that of the viewer's
	// first subtree.
	path := f.OrgPath
	if path == "" || path == "/0/" {
		path, code, name = h.firstRoot(r, scope)
	}
	if path != "" {
		if p.Deadline, err = h.store.Deadline(ctx, path, p.Year); err != nil {
			return err
		}
		p.DeadlineOrg, p.DeadlineFor = code, name
		p.CanDeadline = code != "" && h.site.Scope(r, "stats.review").Contains(path)
	}
	return h.site.RenderStatus(w, r, status, "stats/progress.html", "stats.title.progress", p)
}

// firstRoot is the path, code and name of the org at the top of the
// viewer's scope (the root org for a system administrator).
func (h *handler) firstRoot(r *http.Request, scope access.Scope) (string, string, string) {
	if scope.All() {
		if o, err := h.orgs.Root(r.Context()); err == nil {
			return o.Path, o.Code, o.Name
		}
		return "", "", ""
	}
	for _, p := range scope.Paths() {
		ids := org.PathIDs(p)
		if len(ids) == 0 {
			continue
		}
		if o, err := h.orgs.Get(r.Context(), ids[len(ids)-1]); err == nil {
			return o.Path, o.Code, o.Name
		}
	}
	return "", "", ""
}

// ProgressHeaders are the columns of the progress export.
var ProgressHeaders = []string{"序号", "单位代码", "单位名称", "类型", "状态", "上报时间", "审核时间", "退回或更正原因"}

func (h *handler) exportProgress(w http.ResponseWriter, r *http.Request, f Filter) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("stats.title.progress"), Headers: ProgressHeaders}
	f.Limit, f.Offset = 1000, 0
	for {
		rows, _, err := h.store.List(r.Context(), f)
		if err != nil {
			return err
		}
		for _, x := range rows {
			tab.Rows = append(tab.Rows, []string{strconv.Itoa(len(tab.Rows) + 1), x.OrgCode, x.OrgName, t(x.OrgType.Label()),
				t("stats.status." + string(x.Status)), sheet.Date(x.FiledAt), sheet.Date(x.ReviewedAt), x.Reason})
		}
		if len(rows) < f.Limit {
			break
		}
		f.Offset += f.Limit
	}
	return sheet.ServeXLSX(w, fmt.Sprintf("统计年报上报进度-%d.xlsx", f.Year), tab)
}

// sharesChart draws the shares of the statuses as a ring.
func sharesChart(t func(string, ...any) string, shares map[Status]int) string {
	var data []map[string]any
	for _, st := range Statuses {
		if n := shares[st]; n > 0 {
			data = append(data, map[string]any{"name": t("stats.status." + string(st)), "value": n})
		}
	}
	if len(data) == 0 {
		return ""
	}
	return web.ChartJSON(map[string]any{
		"tooltip": map[string]any{"trigger": "item", "formatter": "{b}：{c}（{d}%）"},
		"legend":  map[string]any{"bottom": 0},
		"series": []map[string]any{{"type": "pie", "radius": []string{"40%", "68%"}, "center": []string{"50%", "45%"},
			"label": map[string]any{"position": "inside", "formatter": "{d}%", "color": "#fff"}, "data": data}},
	})
}

// setDeadline sets the deadline of a year for an org of the viewer's
// review scope; a refused date shows the progress page with the error.
func (h *handler) setDeadline(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<12)
	if err != nil {
		return err
	}
	year, _ := strconv.Atoi(f.Get("year"))
	now := h.store.db.Now().In(zone).Year()
	o, oerr := h.orgs.FromForm(r.Context(), f.Get("org"))
	switch {
	case year < 2000 || year > now:
		err = fmt.Errorf("stats: deadline year %d: %w", year, web.ErrNotFound)
		return err
	case oerr != nil || !h.site.Scope(r, "stats.review").Contains(o.Path):
		return web.ErrNotFound
	}
	if err := h.store.SetDeadline(r.Context(), o.ID, year, f.Get("due"), actor(r)); err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		q := r.URL.Query()
		q.Set("year", strconv.Itoa(year))
		q.Set("org", o.Code)
		r.URL.RawQuery = q.Encode()
		return h.renderProgress(w, r, http.StatusUnprocessableEntity, f)
	}
	h.site.AddFlash(w, r, "ok", "stats.flash.deadline")
	return web.Redirect(w, r, "/stats/progress?year="+strconv.Itoa(year)+"&org="+o.Code)
}
