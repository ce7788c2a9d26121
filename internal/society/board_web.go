package society

import (
	"net/http"
	"strconv"
	"time"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

type boardPage struct {
	Board  Board
	Rows   []BoardRow
	List   *web.List
	Year   int
	Years  []int
	State  string
	Org    string
	OrgErr bool
	States []string
	Chart  string // the grades as an ECharts bar chart
}

// board shows the reporting-rate board of the caller's subtree (or of one
// 科协 in it) for a year, with the societies listed and exportable.
func (h *handler) board(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	l := web.ParseList(r, "name", "name", "filed", "grade", "state")
	now := time.Now().In(h.store.cfg.Loc)
	p := boardPage{States: []string{"on_time", "late", "missing", "overdue"}, List: l, Year: now.Year() - 1, State: l.Get("state"), Org: l.Get("org")}
	if y, err := strconv.Atoi(l.Get("year")); err == nil && y >= 2000 && y <= now.Year() {
		p.Year = y
	}
	for y := now.Year(); y >= now.Year()-10; y-- {
		p.Years = append(p.Years, y)
	}
	scope := h.site.Scope(r, "society.view")
	if p.Org != "" {
		o, err := h.orgs.FromForm(ctx, p.Org)
		if err != nil {
			p.OrgErr = true
			scope = scope.Within("")
		} else {
			scope = scope.Within(o.Path)
		}
	}
	var err error
	f := BoardFilter{Scope: scope, Year: p.Year, Q: l.Q, State: p.State, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 100000, 0
	}
	if p.Board, p.Rows, l.Total, err = h.store.BoardPage(ctx, f); err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("society.title.board"), Headers: []string{t("society.col.code"), t("society.col.name"),
			t("society.col.report"), t("society.col.filed"), t("society.col.grade"), t("society.col.renewal")}}
		for _, x := range p.Rows {
			over := ""
			if x.Overdue {
				over = t("society.renewal.overdue")
			}
			tab.Rows = append(tab.Rows, []string{x.Code, x.Name, t(x.StateKey()), sheet.Date(x.FiledAt), x.Grade, over})
		}
		return sheet.ServeXLSX(w, "societies-"+strconv.Itoa(p.Year)+".xlsx", tab)
	}
	p.Chart = gradeChart(h.site.T(r), p.Board)
	return h.site.Render(w, r, "society/board.html", "society.title.board", p)
}

// StateKey is the catalog key of the row's report state.
func (r BoardRow) StateKey() string {
	switch {
	case r.Status == "":
		return "society.state.missing"
	case r.Late:
		return "society.state.late"
	}
	return "society.state.on_time"
}
