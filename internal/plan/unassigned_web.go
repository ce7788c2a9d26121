package plan

import (
	"net/http"
)

// UnassignedPage lists a plan's targets without a responsible unit, each
// with the choice of unit to assign it to: where the dashboard's hint leads.
type UnassignedPage struct {
	Plan    Plan
	Targets []StoredIndicator
	Units   []StoredUnit // the linked units of the plan, once each
}

func (h *handler) unassigned(w http.ResponseWriter, r *http.Request) error {
	p, err := h.planOf(r)
	if err != nil {
		return err
	}
	page := UnassignedPage{Plan: p}
	for _, ind := range p.Indicators {
		if ind.OrgID == 0 {
			page.Targets = append(page.Targets, ind)
		}
	}
	seen := map[int64]bool{p.OrgID: true}
	for _, u := range p.Units {
		if u.OrgID != 0 && !seen[u.OrgID] {
			seen[u.OrgID] = true
			page.Units = append(page.Units, u)
		}
	}
	return h.site.Render(w, r, "plan/unassigned.html", "plan.title.unassigned", page)
}
