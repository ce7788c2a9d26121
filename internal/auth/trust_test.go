package auth_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/sheet"
	"kexie/internal/web/webtest"
)

// Issue 10 §7, the small things that cost trust, on the account pages.
func TestAccountPagesSmallThings(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d).Start()
		if _, err := ws.Auth.CreateUser(context.Background(), webtest.UserInput("wang")); err != nil {
			t.Fatal(err)
		}
		c := ws.Client(t)

		// A browser sending en-US still gets the Chinese product; English is
		// a choice (?lang=en, or the switch's cookie).
		get := func(path, accept string) string {
			req, _ := http.NewRequest("GET", c.Base+path, nil)
			req.Header.Set("Accept-Language", accept)
			res, err := c.HTTP.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var b strings.Builder
			buf := make([]byte, 4096)
			for {
				n, err := res.Body.Read(buf)
				b.Write(buf[:n])
				if err != nil {
					break
				}
			}
			return b.String()
		}
		if body := get("/login", "en-US,en;q=0.9"); !strings.Contains(body, `lang="zh-CN"`) || !strings.Contains(body, ">English</button>") {
			t.Errorf("en-US browser did not get Chinese with a switch to English")
		}
		if body := get("/login?lang=en", "zh-CN"); !strings.Contains(body, `<html lang="en">`) || !strings.Contains(body, "Sign in") {
			t.Errorf("?lang=en did not give English")
		}
		if body := get("/register", "zh-CN"); !strings.Contains(body, `<html lang="en">`) {
			t.Errorf("the choice of ?lang=en did not hold for the next page")
		}
		if body := get("/login?lang=zh-CN", "en"); !strings.Contains(body, `<html lang="zh-CN">`) {
			t.Errorf("?lang=zh-CN did not switch back")
		}

		// The sessions list describes the browser instead of its raw User-Agent.
		tok := c.Token()
		form := url.Values{"username": {"wang"}, "password": {webtest.Password}, "csrf_token": {tok}}
		req, _ := http.NewRequest("POST", c.Base+"/login", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36")
		res, err := c.HTTP.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("login: %d", res.StatusCode)
		}
		_, body := c.Get("/account")
		if !strings.Contains(body, ">Chrome 156 · Windows</td>") {
			t.Errorf("sessions list does not say Chrome 156 · Windows")
		}

		// Before any recovery code exists the enrolment asks for the
		// authenticator's code only.
		_, body = c.Get("/account/2fa")
		if !strings.Contains(body, "<span>动态验证码</span>") || strings.Contains(body, "动态验证码或恢复码") {
			t.Errorf("2FA enrolment field label is not 动态验证码 alone")
		}
	})
}

// An empty user list says whether nothing exists or the filter matched
// nothing, and offers the way out.
func TestUserListEmptyFiltered(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d).Start()
		admin, _ := ws.User(t, "root", access.SysAdmin, ws.Root)
		_, body := admin.Get("/users?q=nobody-like-this")
		if !strings.Contains(body, "没有符合筛选条件的用户") || !strings.Contains(body, `<a href="/users">清除筛选</a>`) {
			t.Errorf("filtered empty list does not offer to clear the filter")
		}
		if strings.Contains(body, "没有符合条件的记录") {
			t.Errorf("generic empty message still shown")
		}
	})
}

// An export stamps dates in Beijing time: an account made at 00:30 on
// 12-05 there (16:30 UTC on 12-04) reads 12-05 in the file, as on screen.
func TestUserExportDateInShanghai(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d).Start()
		ws.Clock.Set(time.Date(2026, 12, 4, 16, 30, 0, 0, time.UTC))
		admin, _ := ws.User(t, "root", access.SysAdmin, ws.Root)
		if _, err := ws.Auth.CreateUser(context.Background(), webtest.UserInput("late")); err != nil {
			t.Fatal(err)
		}
		res, err := admin.HTTP.Get(admin.Base + "/users?format=xlsx&q=late")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		_, rows, err := sheet.Open(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cells, _, err := rows.Next()
		if err != nil {
			t.Fatal(err)
		}
		if got := cells[len(cells)-1]; got != "2026-12-05" {
			t.Errorf("created %q in the export, want 2026-12-05 (row %q)", got, cells)
		}
	})
}
