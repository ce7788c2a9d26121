package plan

import (
	"net/http"
	"strings"
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
	page := ComparePage{Q: q, Rows: rows}
	if len(rows) > 0 {
		page.Chart = compareChart(h.site.T(r), rows)
	}
	return h.site.Render(w, r, "plan/compare.html", "plan.title.compare", page)
}
