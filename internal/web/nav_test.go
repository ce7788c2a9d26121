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

// Links of one group that modules interleave by Order are shown under one
// heading, not under the same heading again and again.
func TestNavGroupsOnce(t *testing.T) {
	staff := &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	s, _ := newTestSite(t, staff)
	s.AddNav(NavItem{Section: "work", Label: "home", Href: "/", Order: 0},
		NavItem{Section: "org", Label: "orgs", Href: "/orgs", Order: 1},
		NavItem{Section: "work", Label: "venues", Href: "/venues", Order: 2},
		NavItem{Section: "org", Label: "people", Href: "/people", Order: 3})
	r := httptest.NewRequest("GET", "/venues", nil)
	v := &View{Lang: "zh-CN", site: s, Identity: &Identity{Subject: staff}}
	secs := s.navFor(r, v)
	if len(secs) != 2 || len(secs[0].Items) != 2 || secs[0].Items[1].Href != "/venues" || !secs[0].Items[1].Active ||
		len(secs[1].Items) != 2 || secs[1].Items[1].Href != "/people" {
		t.Fatalf("sections %+v", secs)
	}
}

// The sections are kept per language and set of roles: a member after a
// staff user on the same node does not see the staff's links, nor the
// staff's page's active mark.
func TestNavKeptPerRoles(t *testing.T) {
	staff := &access.Subject{UserID: 1, Username: "s", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	member := &access.Subject{UserID: 2, Username: "m", Grants: []access.Grant{{OrgPath: "/1/", Role: access.Member}}}
	s, _ := newTestSite(t, staff)
	s.AddNav(NavItem{Section: "s", Label: "home", Href: "/", Order: 0},
		NavItem{Section: "s", Label: "work", Href: "/work", Action: "t.do", Order: 1})
	links := func(sub *access.Subject, path string) (hrefs []string, active int) {
		v := &View{Lang: "zh-CN", site: s, Identity: &Identity{Subject: sub}}
		for _, sec := range s.navFor(httptest.NewRequest("GET", path, nil), v) {
			for _, it := range sec.Items {
				hrefs = append(hrefs, it.Href)
				if it.Active {
					active++
				}
			}
		}
		return hrefs, active
	}
	if h, a := links(staff, "/work"); len(h) != 2 || a != 1 {
		t.Fatalf("staff: %v, %d active", h, a)
	}
	if h, a := links(member, "/x"); len(h) != 1 || h[0] != "/" || a != 0 {
		t.Fatalf("member after staff: %v, %d active", h, a)
	}
	if h, a := links(staff, "/x"); len(h) != 2 || a != 0 {
		t.Fatalf("staff again, elsewhere: %v, %d active (the cached sections kept an earlier page's mark)", h, a)
	}
}
