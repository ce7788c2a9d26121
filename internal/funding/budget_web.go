package funding

import (
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
	"kexie/internal/web"
)

// BudgetsPage is a year's 科普经费 entries with their corrections.
type BudgetsPage struct {
	Year   int
	List   *web.List
	Rows   []Budget
	OrgErr bool // the org filter named no org in reach: nothing is listed
	Open   int64
	Form   *web.Form // the correction being filed, with its errors
}

// budgetResolver gives the budget entry's org for the permission check.
func (s *Store) budgetResolver(r *http.Request) (access.Resource, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return access.Resource{}, err
	}
	var res access.Resource
	err = s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM funding_budgets b JOIN orgs o ON o.id = b.org_id WHERE b.id = ?`, id).
		Scan(&res.OrgID, &res.OrgPath)
	if errors.Is(err, sql.ErrNoRows) {
		return res, fmt.Errorf("funding: budget %d: %w", id, db.ErrNotFound)
	}
	return res, err
}

func (h *handler) budgetsPage(r *http.Request, p BudgetsPage) (BudgetsPage, error) {
	l := yearList(r, "/funding/budgets", p.Year, "-created", "org", "amount", "created")
	p.List = l
	scope := h.site.Scope(r, "funding.manage")
	if v := l.Get("org"); v != "" {
		if o, err := h.orgs.FromForm(r.Context(), v); err != nil {
			p.OrgErr, scope = true, scope.Within("")
		} else {
			scope = scope.Within(o.Path)
		}
	}
	f := BudgetFilter{Scope: scope, Year: p.Year, Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		f.Limit, f.Offset = 10000, 0
	}
	var err error
	p.Rows, l.Total, err = h.store.Budgets(r.Context(), f)
	return p, err
}

// budgets lists a year's entries — the org, the item, the amount, when it
// was recorded and whether a later entry corrected it — with a correction
// form on each entry that still counts.
func (h *handler) budgets(w http.ResponseWriter, r *http.Request) error {
	p, err := h.budgetsPage(r, BudgetsPage{Year: h.year(r), Form: web.NewForm()})
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		return h.exportBudgets(w, r, p)
	}
	return h.site.Render(w, r, "funding/budgets.html", "funding.budgets.title", p)
}

// correct files a correction of one entry; the entry stays, superseded.
func (h *handler) correct(w http.ResponseWriter, r *http.Request) error {
	f, err := web.ParseForm(w, r, 1<<16)
	if err != nil {
		return err
	}
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	year := h.year(r)
	sub := web.SubjectFrom(r.Context())
	newID, err := h.store.CorrectBudget(r.Context(), h.site.Scope(r, "funding.manage"), id, f.Get("amount"), f.Get("reason"), sub.UserID)
	if err != nil {
		if !f.Fail(h.site.T(r), err) {
			return err
		}
		p, perr := h.budgetsPage(r, BudgetsPage{Year: year, Open: id, Form: f})
		if perr != nil {
			return perr
		}
		return h.site.RenderStatus(w, r, http.StatusUnprocessableEntity, "funding/budgets.html", "funding.budgets.title", p)
	}
	h.site.AddFlash(w, r, "ok", "funding.corrected")
	return web.Redirect(w, r, "/funding/budgets?year="+strconv.Itoa(year)+"#budget-"+strconv.FormatInt(newID, 10))
}

// exportBudgets writes the entries as the page lists them.
func (h *handler) exportBudgets(w http.ResponseWriter, r *http.Request, p BudgetsPage) error {
	t := h.site.T(r)
	tab := sheet.Table{Sheet: t("funding.budgets.title"), Headers: []string{t("funding.f.org"), t("funding.f.item"), t("funding.f.amount"),
		t("funding.f.created"), t("funding.f.state"), t("funding.f.reason")}}
	for _, b := range p.Rows {
		tab.Rows = append(tab.Rows, []string{b.OrgName, b.Item, b.YuanText(), sheet.Date(b.CreatedAt), t(b.StateKey()), b.Reason})
	}
	return sheet.ServeXLSX(w, t("funding.budgets.export_name", p.Year)+".xlsx", tab)
}

// StateKey names the entry's state: it counts, a later entry corrected it,
// or it is a correction to 0 (withdrawn).
func (b Budget) StateKey() string {
	switch {
	case b.SupersededBy != 0:
		return "funding.state.superseded"
	case b.Cents == 0:
		return "funding.state.withdrawn"
	}
	return "funding.state.current"
}
