package app

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
)

// The flows here cross modules or need what only package app serves:
// registration lands on the home page and is refused the org pages, the
// operations endpoints and the region lookup belong to app's platform
// module, and the session and CSRF checks run against the app as wired.
// Each module's own flows are tested in its folder with package webtest.

func TestRegisterAndSignIn(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c := ta.client(t)
	res, body := c.post("/register", url.Values{"username": {"li.ming"}, "display_name": {"李明"}, "password": {testPassword}, "confirm": {"other"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "两次输入的新密码不一致") || !strings.Contains(body, `value="li.ming"`) {
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

func TestLoginCSRF(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	if _, err := ta.Auth.CreateUser(context.Background(), authInput("wang")); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := ta.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	c := ta.client(t)
	for _, tc := range []struct{ name, token string }{{"missing", ""}, {"forged", "Zm9yZ2Vk"}} {
		form := url.Values{"username": {"wang"}, "password": {testPassword}}
		if tc.token != "" {
			form.Set("csrf_token", tc.token)
		}
		c.get("/login") // obtain the CSRF cookie, then ignore the real token
		res, err := c.http.PostForm(c.base+"/login", form)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%s token: status %d, want 403", tc.name, res.StatusCode)
		}
	}
	if n := count(); n != 0 {
		t.Errorf("%d sessions created by forged logins", n)
	}
	if res, _ := c.post("/login", url.Values{"username": {"wang"}, "password": {testPassword}}); res.StatusCode != http.StatusSeeOther || count() != 1 {
		t.Errorf("real login: %d, sessions %d", res.StatusCode, count())
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

// While a long import holds SQLite's only writer, a signed-in page still
// answers: the once-a-minute refresh of the session's last_seen_at gives
// up after a moment instead of queueing behind the import.
func TestSessionTouchDoesNotWaitForWriter(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	c, _ := ta.user(t, "reader", access.OrgStaff, ta.city)
	ctx := context.Background()
	if _, err := ta.DB.Exec(ctx, `UPDATE sessions SET last_seen_at = last_seen_at - 120000`); err != nil {
		t.Fatal(err)
	}
	held, release := make(chan struct{}), make(chan struct{})
	go ta.DB.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE orgs SET name = name WHERE id = ?`, ta.city.ID); err != nil {
			return err
		}
		close(held)
		<-release
		return nil
	})
	<-held
	// Without the give-up, the page would wait for the writer: let it go
	// after fifteen seconds so such a failure shows as slow, not as a hang
	// (and a busy machine's slow page is not taken for it).
	timer := time.AfterFunc(15*time.Second, func() { close(release) })
	start := time.Now()
	res, _ := c.get("/people")
	took := time.Since(start)
	if timer.Stop() {
		close(release)
	}
	if res.StatusCode != http.StatusOK || took > 10*time.Second {
		t.Errorf("page while the writer is held: %d after %s", res.StatusCode, took)
	}
}
