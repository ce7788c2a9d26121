package auth_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web"
	"kexie/internal/web/webtest"
)

// TestPickUsers: the user picker finds by name or user name only the
// enabled users holding a role inside the scope — never one known only in
// another city, one without any role, or a disabled one; the zero scope
// finds nobody; paging reaches every match; each hit's org is one inside
// the scope.
func TestPickUsers(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		county, err := f.orgs.Create(ctx, org.Input{ParentID: f.city.ID, Code: "COUNTY", Name: "东区科学技术协会", ShortName: "东区科协", Type: org.TypeCounty})
		if err != nil {
			t.Fatal(err)
		}
		peer, err := f.orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PEER", Name: "邻市科协", Type: org.TypeCity})
		if err != nil {
			t.Fatal(err)
		}
		named := func(username, name string, role access.Role, at ...org.Org) auth.User {
			u, err := f.svc.CreateUser(ctx, auth.UserInput{Username: username, DisplayName: name, Email: username + "@example.cn", Password: goodPassword})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range at {
				if err := f.svc.Grant(ctx, u.ID, o.ID, role, 0); err != nil {
					t.Fatal(err)
				}
			}
			return u
		}
		named("zhangsan", "张三", access.OrgStaff, f.city)
		named("zhangsi", "张四", access.Member, county)
		named("zhangwu", "张五", access.OrgStaff, peer)
		named("zhangliu", "张六", access.Member)
		both := named("zhangqi", "张七", access.Reviewer, peer, county)
		off := named("zhangba", "张八", access.Member, county)
		if err := f.svc.DisableUser(ctx, off.ID, 0); err != nil {
			t.Fatal(err)
		}
		city := access.Subtrees(f.city.Path)
		names := func(hits []auth.UserHit) string {
			var out []string
			for _, h := range hits {
				out = append(out, h.Name)
			}
			return strings.Join(out, ",")
		}
		for _, tt := range []struct {
			name          string
			scope         access.Scope
			q             string
			limit, offset int
			want          string
			total         int
		}{
			{"city by surname", city, "张", 20, 0, "张七,张三,张四", 3},
			{"by user name", city, "ZhangSan", 20, 0, "张三", 1},
			{"an exact user name first", city, "zhangsi", 20, 0, "张四", 1},
			{"another city's user", city, "张五", 20, 0, "", 0},
			{"no role anywhere", city, "zhangliu", 20, 0, "", 0},
			{"disabled", city, "张八", 20, 0, "", 0},
			{"not by e-mail", city, "example.cn", 20, 0, "", 0},
			{"a wildcard is a character", city, "%", 20, 0, "", 0},
			{"the zero scope", access.Scope{}, "张", 20, 0, "", 0},
			{"the county only", access.Subtrees(county.Path), "", 20, 0, "张七,张四", 2},
			{"everywhere, in pinyin order", access.Everywhere(), "张", 20, 0, "张七,张三,张四,张五", 4},
			{"second page", city, "张", 2, 2, "张四", 3},
		} {
			t.Run(tt.name, func(t *testing.T) {
				hits, total, err := f.svc.PickUsers(ctx, tt.scope, tt.q, tt.limit, tt.offset)
				if err != nil {
					t.Fatal(err)
				}
				if got := names(hits); got != tt.want || total != tt.total {
					t.Errorf("got %q of %d, want %q of %d", got, total, tt.want, tt.total)
				}
			})
		}
		// 张七 holds roles in the county and the other city: inside the
		// city's scope they show with the county's path, never the other city's.
		hits, _, err := f.svc.PickUsers(ctx, city, "zhangqi", 20, 0)
		if err != nil || len(hits) != 1 {
			t.Fatalf("zhangqi: %v %v", hits, err)
		}
		if got, want := strings.Join(hits[0].Trail, " › "), "省科协 › 市科协 › 东区科学技术协会"; got != want || hits[0].ID != both.ID || hits[0].Username != "zhangqi" {
			t.Errorf("zhangqi's hit %+v (trail %q), want trail %q", hits[0], got, want)
		}
	})
}

// TestUserLookup: GET /users/lookup answers the picker with name, user name
// and org path of the users inside the caller's scope for the form's
// action — never an e-mail, never a user of another city — and nothing
// for an action a member holds or one nobody declared; a query longer than
// MaxPickQuery is refused.
func TestUserLookup(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d).Start()
		admin, _ := ws.User(t, "cityadmin", access.OrgAdmin, ws.City)
		member, _ := ws.User(t, "citymember", access.Member, ws.City)
		ws.CreateUser(t, "peerclerk", access.OrgStaff, ws.Peer)
		ask := func(c *webtest.Client, q, action string) (int, web.PickPage, string) {
			t.Helper()
			res, body := c.Get("/users/lookup?q=" + url.QueryEscape(q) + "&action=" + action)
			var p web.PickPage
			if res.StatusCode == 200 {
				if err := json.Unmarshal([]byte(body), &p); err != nil {
					t.Fatalf("%s: %v", body, err)
				}
			}
			return res.StatusCode, p, body
		}
		status, p, body := ask(admin, "member", "user.view")
		if status != 200 || len(p.Hits) != 1 || p.Hits[0].Code != "citymember" || p.Hits[0].Name != "citymember" || !strings.Contains(p.Hits[0].Path, ws.City.Name) {
			t.Errorf("admin asks for member: %d %+v", status, p)
		}
		if strings.Contains(body, "@") || len(p.Hits) > 0 && p.Hits[0].ID != "citymember" {
			t.Errorf("the answer tells more than name, user name and org path: %s", body)
		}
		if _, p, _ = ask(admin, "", "user.view"); p.Total != 2 {
			t.Errorf("the admin's city holds %d users, want 2: %+v", p.Total, p.Hits)
		}
		if _, p, _ = ask(admin, "peerclerk", "user.view"); len(p.Hits) != 0 {
			t.Errorf("another city's user found: %+v", p.Hits)
		}
		for _, tt := range []struct {
			name   string
			c      *webtest.Client
			action string
		}{
			{"a member's own action", member, "org.view"},
			{"an admin asking through an action members hold", admin, "org.view"},
			{"an action nobody declared", admin, "nobody.knows"},
			{"a member asking for the admin's", member, "user.view"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if status, p, _ := ask(tt.c, "", tt.action); status != 200 || p.Total != 0 || len(p.Hits) != 0 {
					t.Errorf("%d %+v, want nobody", status, p)
				}
			})
		}
		if status, _, _ := ask(admin, strings.Repeat("张", web.MaxPickQuery+1), "user.view"); status != 400 {
			t.Errorf("a long query: %d, want 400", status)
		}
	})
}
