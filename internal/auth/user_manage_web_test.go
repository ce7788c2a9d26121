package auth_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// An org administrator edits, disables, re-enables, unlocks and resets the
// accounts wholly inside their subtree, and nothing else.
func TestUserManagePages(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ws := webtest.New(t, d).Start()
		admin, me := ws.User(t, "cityadmin", access.OrgAdmin, ws.City)
		clerkC, clerk := ws.User(t, "clerk", access.OrgStaff, ws.City)
		peer := ws.CreateUser(t, "peerclerk", access.OrgStaff, ws.Peer)
		both := ws.CreateUser(t, "both", access.OrgStaff, ws.City)
		if err := ws.Auth.Grant(ctx, both.ID, ws.Peer.ID, access.OrgStaff, 0); err != nil {
			t.Fatal(err)
		}
		u := func(id int64, tail string) string { return fmt.Sprintf("/users/%d%s", id, tail) }
		for _, tt := range []struct {
			name, path string
			status     int
			want       string
		}{
			{"edit form", u(clerk.ID, "/edit"), 200, `name="display_name" value="clerk"`},
			{"show with actions", u(clerk.ID, ""), 200, `id="disable-user"`},
			{"own page: no disable", u(me.ID, ""), 200, `id="edit-user"`},
			{"other city", u(peer.ID, "/edit"), 404, ""},
			{"grant beyond the subtree", u(both.ID, "/edit"), 403, ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res, body := admin.Get(tt.path)
				if res.StatusCode != tt.status || !strings.Contains(body, tt.want) {
					t.Errorf("%d, want %d with %q", res.StatusCode, tt.status, tt.want)
				}
				if tt.name == "own page: no disable" && strings.Contains(body, `id="disable-user"`) {
					t.Error("the own page offers to disable oneself")
				}
			})
		}
		if _, body := admin.Get(u(both.ID, "")); strings.Contains(body, `id="user-actions"`) {
			t.Error("actions offered on an account with a grant beyond the subtree")
		}
		if res, _ := admin.Post(u(both.ID, "/disable"), nil); res.StatusCode != http.StatusForbidden {
			t.Errorf("disable beyond the subtree: %d", res.StatusCode)
		}
		for _, tt := range []struct {
			name  string
			form  url.Values
			field string
		}{
			{"no name", url.Values{"display_name": {" "}}, "请填写姓名"},
			{"email", url.Values{"display_name": {"王"}, "email": {"wang@"}}, "电子邮箱格式不正确"},
			{"phone", url.Values{"display_name": {"王"}, "phone": {"12345"}}, "手机号应为 11 位"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res, body := admin.Post(u(clerk.ID, "/edit"), tt.form)
				if res.StatusCode != 422 || !strings.Contains(body, tt.field) {
					t.Errorf("%d, want 422 with %q", res.StatusCode, tt.field)
				}
			})
		}
		if res, _ := admin.Post(u(clerk.ID, "/edit"), url.Values{"display_name": {"王小明"}, "email": {"wxm@example.cn"}, "phone": {"138 1234 5678"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit: %d", res.StatusCode)
		}
		if got, _ := ws.Auth.User(ctx, clerk.ID); got.DisplayName != "王小明" || got.Phone != "13812345678" || got.Email != "wxm@example.cn" {
			t.Errorf("after edit: %+v", got)
		}

		// Disabling ends the clerk's session at once and refuses sign-in.
		if res, _ := admin.Post(u(me.ID, "/disable"), nil); res.StatusCode != http.StatusSeeOther {
			t.Errorf("self disable: %d", res.StatusCode)
		}
		if _, body := admin.Get(u(me.ID, "")); !strings.Contains(body, "不能停用自己的账号") {
			t.Error("no error for disabling oneself")
		}
		if res, _ := admin.Post(u(clerk.ID, "/disable"), nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("disable: %d", res.StatusCode)
		}
		if res, _ := clerkC.Get("/account"); !strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Errorf("the disabled clerk's session still works: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		c := ws.Client(t)
		if res, _ := c.Post("/login", url.Values{"username": {"clerk"}, "password": {webtest.Password}}); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("disabled sign-in: %d", res.StatusCode)
		}
		if _, body := admin.Get("/users"); !strings.Contains(body, "已停用") {
			t.Error("the list does not mark the disabled account")
		}
		if _, body := admin.Get(u(clerk.ID, "")); !strings.Contains(body, `id="user-disabled"`) || !strings.Contains(body, `id="enable-user"`) {
			t.Error("the page does not show the account disabled")
		}
		if res, _ := admin.Post(u(clerk.ID, "/enable"), nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("enable: %d", res.StatusCode)
		}
		if res, _ := c.Post("/login", url.Values{"username": {"clerk"}, "password": {webtest.Password}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("sign-in after enabling: %d", res.StatusCode)
		}

		// A locked account is unlocked.
		if _, err := d.Exec(ctx, `UPDATE users SET locked_until = ?, failed_logins = 9 WHERE id = ?`, ws.Clock.Now().Add(3600e9).UnixMilli(), clerk.ID); err != nil {
			t.Fatal(err)
		}
		if _, body := admin.Get(u(clerk.ID, "")); !strings.Contains(body, `id="unlock-user"`) {
			t.Error("no unlock on a locked account")
		}
		if res, _ := admin.Post(u(clerk.ID, "/unlock"), nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("unlock: %d", res.StatusCode)
		}
		if got, _ := ws.Auth.User(ctx, clerk.ID); ws.Auth.Locked(got) {
			t.Error("still locked")
		}
		if _, body := admin.Get(u(clerk.ID, "")); strings.Contains(body, `id="unlock-user"`) {
			t.Error("unlock offered on an unlocked account")
		}

		// A reset password is shown once and must be changed at sign-in.
		res, body := admin.Post(u(clerk.ID, "/password"), nil)
		m := regexp.MustCompile(`id="new-password">([^<]+)<`).FindStringSubmatch(body)
		if res.StatusCode != 200 || m == nil || res.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("reset: %d %q", res.StatusCode, res.Header.Get("Cache-Control"))
		}
		temp := htmlUnescape(m[1])
		c = ws.Client(t)
		if res, _ := c.Post("/login", url.Values{"username": {"clerk"}, "password": {temp}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("sign-in with the temporary password: %d", res.StatusCode)
		}
		if res, _ := c.Get("/orgs"); res.Header.Get("Location") != "/account/password" {
			t.Errorf("a page before the change: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		_, page := c.Get("/account/password")
		tok := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindStringSubmatch(page)
		if tok == nil || !strings.Contains(page, `id="password-required"`) {
			t.Fatalf("password page: %.2000s", page)
		}
		if res, body := c.Post("/account/password", url.Values{"csrf_token": {tok[1]}, "current": {temp}, "password": {"short"}, "confirm": {"short"}}); res.StatusCode != 422 || !strings.Contains(body, `id="password-required"`) {
			t.Errorf("a weak new password: %d", res.StatusCode)
		}
		if res, _ := c.Post("/account/password", url.Values{"csrf_token": {tok[1]}, "current": {temp}, "password": {"Kx-2026-Tiger-Lake"}, "confirm": {"Kx-2026-Tiger-Lake"}}); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
			t.Fatalf("change: %d %s", res.StatusCode, res.Header.Get("Location"))
		}
		if res, _ := c.Get("/orgs"); res.StatusCode != 200 {
			t.Errorf("after the change: %d %s", res.StatusCode, res.Header.Get("Location"))
		}

		recs, _, err := audit.List(ctx, d, audit.Filter{Scope: access.Subtrees(ws.City.Path)})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, r := range recs {
			seen[r.Action] = true
		}
		for _, a := range []string{"user.update", "user.disable", "user.enable", "user.unlock", "user.password_reset"} {
			if !seen[a] {
				t.Errorf("the city's audit log lacks %s", a)
			}
		}
	})
}

// Nobody disables the last enabled system administrator.
func TestDisableLastSysAdmin(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		ws := webtest.New(t, d).Start()
		a := ws.CreateUser(t, "sysa", access.SysAdmin, ws.Root)
		b := ws.CreateUser(t, "sysb", access.SysAdmin, ws.Root)
		if err := ws.Auth.DisableUser(ctx, a.ID, a.ID); err == nil {
			t.Error("disabled oneself")
		}
		if err := ws.Auth.DisableUser(ctx, b.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := ws.Auth.DisableUser(ctx, a.ID, b.ID); err == nil || !strings.Contains(err.Error(), "last_sysadmin") {
			t.Errorf("disabled the last system administrator: %v", err)
		}
	})
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&#43;", "+", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(s)
}
