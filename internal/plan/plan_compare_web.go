package plan

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// ComparePage shows the plans of a subtree side by side on one metric.
type ComparePage struct {
	Q     string
	Rows  []Comparison
	Chart string
}

func (h *handler) compare(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len([]rune(q)) > 50 {
		q = string([]rune(q)[:50])
	}
	rows, err := h.store.Compare(r.Context(), h.scope(r, "plan.view"), q, 500)
	if err != nil {
		return err
	}
	if q != "" && web.WantsExport(r) {
		return h.compareExport(w, r, q, rows)
	}
	page := ComparePage{Q: q, Rows: rows}
	if len(rows) > 0 {
		page.Chart = compareChart(h.site.T(r), rows)
	}
	return h.site.Render(w, r, "plan/compare.html", "plan.title.compare", page)
}

// ExportURL is the page's rows as a spreadsheet.
func (p ComparePage) ExportURL() string {
	return "/plans/compare?format=xlsx&q=" + url.QueryEscape(p.Q)
}

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
