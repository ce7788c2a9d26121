package plan

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// ComparePage shows the plans of a subtree side by side on one metric.
type ComparePage struct {
	Q        string
	Rows     []Comparison // this page's
	List     *web.List
	Statuses []Status
	Status   Status // the status filter, "" for all
	Capped   int    // compareMax when more matched (the list is the first so many), else 0
	Chart    string
}

// compareMax bounds the targets one comparison reads; more is said on the
// page, never cut silently.
const compareMax = 500

// compareSorts are the comparison's sort keys: the org tree (the default),
// progress toward each plan's own target, and status, worst first.
var compareSorts = []string{"org", "progress", "status"}

func (h *handler) compare(w http.ResponseWriter, r *http.Request) error {
	l := web.ParseList(r, "org", compareSorts...)
	q := l.Q
	if len([]rune(q)) > 50 {
		q = string([]rune(q)[:50])
	}
	page := ComparePage{Q: q, List: l, Statuses: Statuses()}
	rows, err := h.store.Compare(r.Context(), h.scope(r, "plan.view"), q, compareMax+1)
	if err != nil {
		return err
	}
	if len(rows) > compareMax {
		rows, page.Capped = rows[:compareMax], compareMax
	}
	if st := Status(l.Get("status")); slices.Contains(page.Statuses, st) {
		page.Status = st
		rows = slices.DeleteFunc(rows, func(c Comparison) bool { return c.Status != st })
	}
	sortComparisons(rows, l.Sort)
	if q != "" && web.WantsExport(r) {
		return h.compareExport(w, r, q, rows)
	}
	l.Total = len(rows)
	from := min(l.Offset(), len(rows))
	page.Rows = rows[from:min(from+l.PerPage, len(rows))]
	if len(page.Rows) > 0 {
		page.Chart = compareChart(h.site.T(r), page.Rows)
	}
	return h.site.Render(w, r, "plan/compare.html", "plan.title.compare", page)
}

// sortComparisons orders rows by key: "org" keeps the org tree's order
// the store reads them in; "progress" and "status" (worst first: 进度滞后,
// 存在风险, 进展顺利, 已完成, then 未填报) break ties by that order too. A
// leading "-" reverses.
func sortComparisons(rows []Comparison, key string) {
	rank := map[Status]int{Behind: 0, AtRisk: 1, OnTrack: 2, Achieved: 3, None: 4}
	desc := strings.HasPrefix(key, "-")
	var by func(a, b Comparison) int
	switch strings.TrimPrefix(key, "-") {
	case "progress":
		by = func(a, b Comparison) int { return cmp.Compare(a.Progress, b.Progress) }
	case "status":
		by = func(a, b Comparison) int { return cmp.Compare(rank[a.Status], rank[b.Status]) }
	default:
		if desc {
			slices.Reverse(rows)
		}
		return
	}
	web.SortRows(rows, desc, by)
}

// ExportURL is the page's rows as a spreadsheet.
func (p ComparePage) ExportURL() string { return p.List.Export() }

// compareExport writes the comparison as the page shows it, one row per
// target, each figure in its own cell with its unit beside it.
func (h *handler) compareExport(w http.ResponseWriter, r *http.Request, q string, rows []Comparison) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("plan.title.compare"), Headers: []string{t("plan.f.org"), t("plan.f.title"), t("plan.i.metric"),
		t("plan.i.baseline"), t("plan.compare.base_year_col"), t("plan.i.target"), t("plan.i.unit"), t("plan.i.deadline"),
		t("plan.i.latest"), t("plan.compare.period_col"), t("plan.compare.expected"), t("plan.f.status")}}
	for _, c := range rows {
		base, baseYear := "", ""
		if c.Baseline != nil {
			base = shown(c.Baseline.Value)
			if c.Baseline.Year > 0 {
				baseYear = strconv.Itoa(c.Baseline.Year)
			}
		}
		deadline := c.Deadline()
		if deadline == 0 {
			deadline = c.EndYear
		}
		latest, period, expected := "", "", ""
		if c.Latest != nil {
			latest = c.Latest.Shown()
			if c.Latest.Quarter > 0 {
				period = t("plan.period.q", c.Latest.Year, c.Latest.Quarter)
			} else {
				period = t("plan.period.y", c.Latest.Year)
			}
			expected = fmt.Sprintf("%.4g", c.Expected)
		}
		tab.Rows = append(tab.Rows, []string{c.PlanOrg, c.PlanTitle, c.Metric, base, baseYear, c.Goal(),
			c.Unit, strconv.Itoa(deadline), latest, period, expected, t("plan.status." + string(c.Status))})
	}
	return sheet.ServeXLSX(w, t("plan.title.compare")+"-"+q+".xlsx", tab)
}
