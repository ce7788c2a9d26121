package plan

import (
	"fmt"
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// ListPage is the data of the plans page.
type ListPage struct {
	Plans    []Plan
	List     *web.List
	Statuses []string
	Form     *web.Form
}

func (h *handler) listPage(r *http.Request, f *web.Form) (ListPage, error) {
	l := web.ParseList(r, "", "title", "start", "created", "org")
	filter := PlanFilter{Scope: h.scope(r, "plan.view"), Q: l.Q, Status: l.Get("status"), Sort: l.Sort, Limit: l.PerPage, Offset: l.Offset()}
	if web.WantsExport(r) {
		filter.Limit, filter.Offset = 10000, 0
	}
	plans, total, err := h.store.List(r.Context(), filter)
	if err != nil {
		return ListPage{}, err
	}
	l.Total = total
	// The upload's org is chosen with the org picker, scoped to plan.edit.
	return ListPage{Plans: plans, List: l, Statuses: []string{"draft", "published", "closed"}, Form: f}, nil
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) error {
	f := web.NewForm()
	if id := web.IdentityFrom(r.Context()); id != nil {
		f.Values.Set("org_id", strconv.FormatInt(id.CurrentOrgID, 10))
	}
	p, err := h.listPage(r, f)
	if err != nil {
		return err
	}
	if web.WantsExport(r) {
		t := h.site.T(r)
		tab := sheet.Table{Sheet: t("plan.title"), Headers: []string{t("plan.f.title"), t("plan.f.org"), t("plan.f.period"), t("plan.f.status"),
			t("plan.f.sections"), t("plan.f.indicators"), t("plan.f.created")}}
		for _, x := range p.Plans {
			period := ""
			if x.StartYear > 0 {
				period = fmt.Sprintf("%d–%d", x.StartYear, x.EndYear)
			}
			tab.Rows = append(tab.Rows, []string{x.Title, x.OrgName, period, t("plan.status." + x.Status), strconv.Itoa(x.Counts[0]),
				strconv.Itoa(x.Counts[1]), sheet.Date(x.CreatedAt)})
		}
		return sheet.ServeXLSX(w, t("plan.title")+".xlsx", tab)
	}
	return h.site.Render(w, r, "plan/list.html", "plan.title", p)
}
