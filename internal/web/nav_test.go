package web

import (
	"net/http/httptest"
	"testing"

	"kexie/internal/access"
)

// On 我的填报任务 (/plans/tasks) only that link is highlighted, not 规划
// (/plans) as well: the longest matching href wins.
func TestNavOneActive(t *testing.T) {
	staff := &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	s, _ := newTestSite(t, staff)
	s.AddNav(NavItem{Section: "s", Label: "home", Href: "/", Order: 0},
		NavItem{Section: "s", Label: "plans", Href: "/plans", Order: 1},
		NavItem{Section: "s", Label: "tasks", Href: "/plans/tasks", Order: 2},
		NavItem{Section: "t", Label: "audit", Href: "/audit", Order: 3})
	for path, want := range map[string]string{"/plans/tasks": "/plans/tasks", "/plans/tasks/7": "/plans/tasks",
		"/plans/9": "/plans", "/plans": "/plans", "/": "/", "/audit": "/audit", "/plansx": ""} {
		r := httptest.NewRequest("GET", path, nil)
		v := &View{Lang: "zh-CN", site: s, Identity: &Identity{Subject: staff}}
		var active []string
		for _, sec := range s.navFor(r, v) {
			for _, it := range sec.Items {
				if it.Active {
					active = append(active, it.Href)
				}
			}
		}
		if want == "" && len(active) != 0 || want != "" && (len(active) != 1 || active[0] != want) {
			t.Errorf("%s: active %v, want %q", path, active, want)
		}
	}
}
