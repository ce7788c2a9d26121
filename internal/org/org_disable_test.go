package org_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// Disabling an org: only from above, never the root, its subtree only when
// confirmed; it leaves the picker, takes nothing new, its users lose their
// roles in it, and it comes back when enabled, top down.
func TestDisableOrg(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ws := webtest.New(t, d).Start()
		county, err := ws.Orgs.Create(ctx, org.Input{ParentID: ws.City.ID, Code: "PZH-DQ", Name: "东区科协", Type: org.TypeCounty})
		if err != nil {
			t.Fatal(err)
		}
		sys, _ := ws.User(t, "sys", access.SysAdmin, ws.Root)
		cityAdmin, _ := ws.User(t, "cityadmin", access.OrgAdmin, ws.City)
		countyStaff, _ := ws.User(t, "countyclerk", access.OrgStaff, county)
		path := func(o org.Org, tail string) string { return fmt.Sprintf("/orgs/%d%s", o.ID, tail) }
		for _, tt := range []struct {
			name string
			c    *webtest.Client
			path string
			code int
			want string
		}{
			{"county from the city", cityAdmin, path(county, "/disable"), 200, "停用后，该组织不再出现在组织选择"},
			{"own city", cityAdmin, path(ws.City, "/disable"), 404, ""}, // decided above it: out of scope
			{"root", sys, path(ws.Root, "/disable"), 200, "根组织不能停用"},
			{"subtree question", sys, path(ws.City, "/disable"), 200, "同时停用其下 1 个"},
			{"button on the county", cityAdmin, path(county, ""), 200, `id="disable-org"`},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res, body := tt.c.Get(tt.path)
				if res.StatusCode != tt.code || !strings.Contains(body, tt.want) {
					t.Errorf("%d, want %d with %q", res.StatusCode, tt.code, tt.want)
				}
			})
		}
		if _, body := cityAdmin.Get(path(ws.City, "")); strings.Contains(body, `id="disable-org"`) {
			t.Error("the city's admin is offered to disable their own city")
		}
		if res, body := sys.Post(path(ws.Root, "/disable"), nil); res.StatusCode != 422 || !strings.Contains(body, "根组织不能停用") {
			t.Errorf("root: %d", res.StatusCode)
		}
		if res, body := sys.Post(path(ws.City, "/disable"), nil); res.StatusCode != 422 || !strings.Contains(body, "还有 1 个在用的下级组织") {
			t.Errorf("without confirming the subtree: %d", res.StatusCode)
		}
		if st, _ := ws.Orgs.Status(ctx, ws.City.ID); st.Disabled() {
			t.Fatal("disabled without confirmation")
		}
		// Leaving the county alone first: the county's clerk loses the role.
		if res, _ := cityAdmin.Post(path(county, "/disable"), nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("disable county: %d", res.StatusCode)
		}
		if res, _ := countyStaff.Get(path(county, "")); res.StatusCode != http.StatusForbidden {
			t.Errorf("the disabled county's clerk still acts in it: %d", res.StatusCode)
		}
		if res, body := cityAdmin.Get(path(county, "")); res.StatusCode != 200 || !strings.Contains(body, `id="org-disabled"`) {
			t.Errorf("the disabled county is not shown as such: %d", res.StatusCode)
		}
		if res, _ := sys.Post(path(ws.City, "/disable"), url.Values{"subtree": {"yes"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("disable city: %d", res.StatusCode)
		}
		_, body := sys.Get("/orgs/lookup?q=" + url.QueryEscape("攀枝花"))
		var page struct {
			Hits  []map[string]any `json:"hits"`
			Total int              `json:"total"`
		}
		if err := json.Unmarshal([]byte(body), &page); err != nil || len(page.Hits) != 0 || page.Total != 0 {
			t.Errorf("the picker offers a disabled org: %s", body)
		}
		if res, _ := sys.Post("/orgs", url.Values{"parent_id": {fmt.Sprint(ws.City.ID)}, "name": {"某学会"}, "code": {"X1"}, "type": {"society"}}); res.StatusCode != http.StatusConflict {
			t.Errorf("a new org under a disabled one: %d", res.StatusCode)
		}
		// Enabling goes top down.
		sys.Post(path(county, "/enable"), nil)
		if _, body := sys.Get(path(county, "")); !strings.Contains(body, "上级组织已停用") {
			t.Error("no error enabling under a disabled parent")
		}
		for _, o := range []org.Org{ws.City, county} {
			if res, _ := sys.Post(path(o, "/enable"), nil); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("enable %s: %d", o.Name, res.StatusCode)
			}
			if st, _ := ws.Orgs.Status(ctx, o.ID); st.Disabled() {
				t.Errorf("%s still disabled", o.Name)
			}
		}
		if res, _ := countyStaff.Get(path(county, "")); res.StatusCode != 200 {
			t.Errorf("the county's clerk after enabling: %d", res.StatusCode)
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere()})
		n := map[string]int{}
		for _, r := range recs {
			n[r.Action]++
		}
		if n["org.disable"] != 2 || n["org.enable"] != 2 {
			t.Errorf("audit: %v", n)
		}
	})
}
