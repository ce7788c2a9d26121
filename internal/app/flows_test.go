package app

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
)

// The flows here cross modules or need what only package app serves:
// registration lands on the home page and is refused the org pages, and
// the operations endpoints and the region lookup belong to app's platform
// module. Each module's own flows are tested in its folder with package
// webtest (sign-in and sessions in internal/auth).

func TestRegisterAndSignIn(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c := ta.client(t)
	res, body := c.post("/register", url.Values{"username": {"li.ming"}, "display_name": {"李明"}, "password": {testPassword}, "confirm": {"other"}})
	// A new account has no old password: the form and its message say 密码, not 新密码.
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "两次输入的密码不一致") || !strings.Contains(body, "<span>确认密码</span>") ||
		strings.Contains(body, "新密码") || !strings.Contains(body, `value="li.ming"`) {
		t.Fatalf("mismatched confirm: %d %.300s", res.StatusCode, body)
	}
	res, _ = c.post("/register", url.Values{"username": {"li.ming"}, "display_name": {"李明"}, "password": {testPassword}, "confirm": {testPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("register: %d", res.StatusCode)
	}
	res, _ = c.post("/login", url.Values{"username": {"li.ming"}, "password": {testPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: %d", res.StatusCode)
	}
	res, body = c.get("/")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "尚未开通组织权限") {
		t.Errorf("home of a user without roles: %d %.300s", res.StatusCode, body)
	}
	if res, _ := c.get("/orgs"); res.Header.Get("X-Access") != "denied" {
		t.Errorf("a user without roles reached /orgs: %d", res.StatusCode)
	}
}

func TestOperationsEndpoints(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c := ta.client(t)
	c.get("/login")
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready",
		"/metrics": `kexie_http_request_duration_seconds_count{route="GET /login",status="2xx"} 1`} {
		res, body := c.get(path)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("GET %s = %d, want %q in %.500s", path, res.StatusCode, want, body)
		}
	}
	ta.DB.Close()
	if res, _ := c.get("/readyz"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed = %d", res.StatusCode)
	}
}

func TestRegionLookup(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c, _ := ta.user(t, "lookup", access.Member, ta.city)
	res, body := c.get("/std/regions?q=" + url.QueryEscape("攀枝花"))
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"code":"510400"`) || !strings.Contains(body, "四川省攀枝花市") {
		t.Errorf("lookup: %d %s", res.StatusCode, body)
	}
}
