package plan_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
)

// The plan lists filter and export: a city's staff export their plans and
// tasks as XLSX, and a filter that matches nothing shows nothing.
func TestPlanListsExport(t *testing.T) {
	eachDB(t, func(t *testing.T, ps planSite) {
		tf := newTrackFixture(t, ps, ps.City.ID)
		staff, _ := ps.User(t, "planstaff", access.OrgStaff, ps.City)
		for _, u := range []string{"/plans?format=xlsx", "/plans/tasks?format=xlsx"} {
			res, body := staff.Get(u)
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/vnd.openxmlformats") ||
				!strings.HasPrefix(body, "PK") {
				t.Errorf("GET %s: %d %s", u, res.StatusCode, res.Header.Get("Content-Type"))
			}
		}
		if _, body := staff.Get("/plans?q=" + url.QueryEscape("科普工作规划")); !strings.Contains(body, fmt.Sprintf("/plans/%d", tf.Plan)) {
			t.Error("the title filter lost the plan")
		}
		if _, body := staff.Get("/plans?status=closed"); strings.Contains(body, fmt.Sprintf("/plans/%d\"", tf.Plan)) {
			t.Error("the status filter let a published plan through")
		}
		if _, body := staff.Get("/plans/tasks?status=achieved"); strings.Contains(body, "公民具备科学素质的比例") {
			t.Error("the task filter let a target without data through")
		}
		// A peer city's staff see neither.
		peer, _ := ps.User(t, "peerstaff", access.OrgStaff, ps.Peer)
		if _, body := peer.Get("/plans"); strings.Contains(body, "科普工作规划") {
			t.Error("a peer city lists another city's plan")
		}
		if _, body := peer.Get("/plans/tasks"); strings.Contains(body, "公民具备科学素质的比例") {
			t.Error("a peer city lists another city's tasks")
		}
	})
}
