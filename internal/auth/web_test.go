package auth_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// A sign-in with a missing or forged CSRF token is refused and creates no
// session; the real form signs in.
func TestLoginCSRF(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d).Start()
		if _, err := ws.Auth.CreateUser(context.Background(), webtest.UserInput("wang")); err != nil {
			t.Fatal(err)
		}
		count := func() int {
			var n int
			if err := ws.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		c := ws.Client(t)
		for _, tc := range []struct{ name, token string }{{"missing", ""}, {"forged", "Zm9yZ2Vk"}} {
			form := url.Values{"username": {"wang"}, "password": {webtest.Password}}
			if tc.token != "" {
				form.Set("csrf_token", tc.token)
			}
			c.Get("/login") // obtain the CSRF cookie, then ignore the real token
			res, err := c.HTTP.PostForm(c.Base+"/login", form)
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
		if res, _ := c.Post("/login", url.Values{"username": {"wang"}, "password": {webtest.Password}}); res.StatusCode != http.StatusSeeOther || count() != 1 {
			t.Errorf("real login: %d, sessions %d", res.StatusCode, count())
		}
	})
}

// While a long import holds SQLite's only writer, a signed-in page still
// answers: the once-a-minute refresh of the session's last_seen_at gives
// up after a moment instead of queueing behind the import. (PostgreSQL has
// no single writer to wait for.)
func TestSessionTouchDoesNotWaitForWriter(t *testing.T) {
	ws := webtest.New(t, dbtest.OpenSQLite(t)).Start()
	c, _ := ws.User(t, "reader", access.OrgStaff, ws.City)
	ctx := context.Background()
	if _, err := ws.DB.Exec(ctx, `UPDATE sessions SET last_seen_at = last_seen_at - 120000`); err != nil {
		t.Fatal(err)
	}
	held, release := make(chan struct{}), make(chan struct{})
	go ws.DB.Tx(ctx, func(tx *db.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE orgs SET name = name WHERE id = ?`, ws.City.ID); err != nil {
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
	res, _ := c.Get("/orgs")
	took := time.Since(start)
	if timer.Stop() {
		close(release)
	}
	if res.StatusCode != http.StatusOK || took > 10*time.Second {
		t.Errorf("page while the writer is held: %d after %s", res.StatusCode, took)
	}
}
