package app

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pquerna/otp/totp"
)

const newPassword = "Own-Choice-2026-pass"

// A password someone else set — the one-time administrator password of the
// first start, an administrator's reset — must be changed at the first
// sign-in: until then every page but the change-password page, logout and
// static assets redirects there; the new password must differ and pass the
// policy. Then the administrator goes on to enrol 2FA.
func TestForcedPasswordChange(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		ctx := context.Background()
		// The first start created "admin" with a one-time password.
		var must int
		if err := ta.DB.QueryRow(ctx, `SELECT must_change_password FROM users WHERE username = 'admin'`).Scan(&must); err != nil || must != 1 {
			t.Fatalf("bootstrap administrator must_change_password = %d, %v", must, err)
		}
		admin, err := ta.Auth.UserByName(ctx, "admin")
		if err != nil {
			t.Fatal(err)
		}
		// Whatever password an administrator (here the CLI) sets is forced too.
		if err := ta.Auth.SetPassword(ctx, admin.ID, testPassword); err != nil {
			t.Fatal(err)
		}
		c := ta.client(t)
		res, _ := c.post("/login", url.Values{"username": {"admin"}, "password": {testPassword}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("login: %d", res.StatusCode)
		}
		for _, path := range []string{"/", "/orgs", "/people", "/account", "/account/2fa", "/users", "/audit"} {
			res, _ := c.get(path)
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/account/password" {
				t.Errorf("GET %s: %d → %q, want a redirect to /account/password", path, res.StatusCode, res.Header.Get("Location"))
			}
		}
		if res, _ := c.post("/orgs", url.Values{"name": {"x"}, "csrf_token": {pwToken(t, c)}}); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/account/password" {
			t.Errorf("POST /orgs: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		if res, _ := c.get("/static/kexie.css"); res.StatusCode != http.StatusOK {
			t.Errorf("static asset: %d", res.StatusCode)
		}
		res, body := c.get("/account/password")
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `id="password-required"`) || strings.Contains(body, `href="/orgs"`) {
			t.Errorf("change-password page: %d %.400s", res.StatusCode, body)
		}
		tok := csrfRE.FindStringSubmatch(body)[1]
		for _, tt := range []struct{ name, current, next, want string }{
			{"same password", testPassword, testPassword, "新密码不能与当前密码相同"},
			{"too weak", testPassword, "short", "密码"},
			{"wrong current", "not-my-password-1", newPassword, "当前密码"},
		} {
			res, body := c.post("/account/password", url.Values{"current": {tt.current}, "password": {tt.next}, "confirm": {tt.next}, "csrf_token": {tok}})
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tt.want) || !strings.Contains(body, `id="password-required"`) {
				t.Errorf("%s: %d %.300s", tt.name, res.StatusCode, body)
			}
		}
		if res, _ := c.get("/orgs"); res.Header.Get("Location") != "/account/password" {
			t.Errorf("refused changes lifted the gate: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		res, _ = c.post("/account/password", url.Values{"current": {testPassword}, "password": {newPassword}, "confirm": {newPassword}, "csrf_token": {tok}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
			t.Fatalf("change: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		// Now the administrator must enrol 2FA, then reaches every page.
		if res, _ := c.get("/orgs"); res.Header.Get("Location") != "/account/2fa" {
			t.Errorf("after the change: %d %q, want the 2FA enrolment", res.StatusCode, res.Header.Get("Location"))
		}
		secret, _, err := ta.Auth.BeginTOTP(ctx, admin.ID)
		if err != nil {
			t.Fatal(err)
		}
		code, _ := totp.GenerateCode(secret, ta.clock())
		if _, err := ta.Auth.EnableTOTP(ctx, admin.ID, code); err != nil {
			t.Fatal(err)
		}
		if res, _ := c.get("/orgs"); res.StatusCode != http.StatusOK {
			t.Errorf("after change and enrolment: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		// A user an administrator creates on the web must change the
		// initial password too.
		if res, _ := c.post("/users", url.Values{"username": {"wangfang"}, "display_name": {"王芳"}, "password": {testPassword},
			"org_id": {strconv.FormatInt(ta.city.ID, 10)}, "role": {"member"}, "csrf_token": {c.token()}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create user: %d", res.StatusCode)
		}
		w := ta.client(t)
		w.post("/login", url.Values{"username": {"wangfang"}, "password": {testPassword}})
		if res, _ := w.get("/people"); res.Header.Get("Location") != "/account/password" {
			t.Errorf("web-created user: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		// Logout stays reachable while the change is pending.
		if err := ta.Auth.SetPassword(ctx, admin.ID, testPassword); err != nil {
			t.Fatal(err)
		}
		u := ta.client(t)
		u.post("/login", url.Values{"username": {"admin"}, "password": {testPassword}})
		ta.tick()
		code, _ = totp.GenerateCode(secret, ta.clock())
		u.post("/login/2fa", url.Values{"code": {code}})
		if res, _ := u.get("/people"); res.Header.Get("Location") != "/account/password" {
			t.Errorf("after a reset: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
		_, body = u.get("/account/password")
		if res, _ := u.post("/logout", url.Values{"csrf_token": {csrfRE.FindStringSubmatch(body)[1]}}); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") == "/account/password" {
			t.Errorf("logout: %d %q", res.StatusCode, res.Header.Get("Location"))
		}
	})
}

// pwToken reads the CSRF token from the change-password page, the one page
// a user who must change their password can load.
func pwToken(t *testing.T, c *client) string {
	t.Helper()
	_, body := c.get("/account/password")
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no CSRF token on /account/password: %.300s", body)
	}
	return m[1]
}

// csrfRE finds the CSRF token of a rendered form.
var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)
