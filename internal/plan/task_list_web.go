package plan

import (
	"net/http"
	"strconv"

	"kexie/internal/sheet"
	"kexie/internal/web"
)

// TasksPage lists what a unit reports on.
type TasksPage struct {
	Tasks   []Task
	Due     int
	DueOnly bool
	Status  string
}

// Statuses lists the statuses for the filter.
func (TasksPage) Statuses() []Status { return Statuses() }

func (h *handler) tasks(w http.ResponseWriter, r *http.Request) error {
	tasks, err := h.store.Tasks(r.Context(), h.scope(r, "plan.report"), 1000)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	page := TasksPage{DueOnly: q.Get("due") == "1", Status: q.Get("status")}
	for _, t := range tasks {
		if t.DueNow {
			page.Due++
		}
		if (page.DueOnly && !t.DueNow) || (page.Status != "" && string(t.Status) != page.Status) {
			continue
		}
		page.Tasks = append(page.Tasks, t)
	}
	if web.WantsExport(r) {
		tr := h.site.T(r)
		tab := sheet.Table{Sheet: tr("plan.title.tasks"), Headers: []string{tr("plan.i.metric"), tr("plan.f.title"), tr("plan.i.unit_org"),
			tr("plan.i.target"), tr("plan.i.latest"), tr("plan.f.status"), tr("plan.due_now")}}
		for _, t := range page.Tasks {
			latest, due := "", ""
			if t.Latest != nil {
				latest = strconv.FormatFloat(t.Latest.Value, 'f', -1, 64)
			}
			if t.DueNow {
				due = tr("plan.due_now")
			}
			tab.Rows = append(tab.Rows, []string{t.Metric, t.PlanTitle, t.OrgName, t.Target(), latest, tr("plan.status." + string(t.Status)), due})
		}
		return sheet.ServeXLSX(w, tr("plan.title.tasks")+".xlsx", tab)
	}
	return h.site.Render(w, r, "plan/tasks.html", "plan.title.tasks", page)
}
