package auth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// TestSessionCacheAcrossNodes: node B serves a session from memory, and
// every change made on node A — or by hand in the database — that bears on
// it reaches B's next request: a new grant, an org renamed, a sign-out, an
// account disabled. Moving last_seen_at retires nothing.
func TestSessionCacheAcrossNodes(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		a := setup(t, d)
		b := *a
		b.svc = auth.NewService(d, org.NewStore(d, std.Regions()), access.NewPolicy(auth.Permissions()...),
			auth.Config{Idle: 30 * time.Minute, Max: 12 * time.Hour, LockoutAttempts: 5, LockoutFor: 15 * time.Minute,
				SecretKey: []byte(strings.Repeat("s", 32)), Issuer: "Kexie"})
		b.svc.Now = a.clock.now
		u := a.user(t, "zhangsan", access.OrgStaff, a.city)
		res, err := a.svc.Login(ctx, "zhangsan", goodPassword, "10.0.0.9", "test")
		if err != nil {
			t.Fatal(err)
		}
		id := b.identity(t, res.Token)
		if id == nil || len(id.Subject.Grants) != 1 {
			t.Fatalf("node B: identity %+v, want one grant", id)
		}
		if n := b.svc.CachedSessions(); n != 1 {
			t.Fatalf("node B holds %d sessions, want 1", n)
		}
		// A request's copy is its own.
		id.Subject.Grants[0].Role = access.SysAdmin
		id.Subject.Name = "mallory"
		if again := b.identity(t, res.Token); again.Subject.Grants[0].Role != access.OrgStaff || again.Subject.Name != "zhangsan" {
			t.Fatalf("a handler's change to its identity reached the cache: %+v", again.Subject)
		}

		if err := a.svc.Grant(ctx, u.ID, a.root.ID, access.OrgAdmin, 0); err != nil {
			t.Fatal(err)
		}
		if id := b.identity(t, res.Token); len(id.Subject.Grants) != 2 {
			t.Errorf("node B after a grant on node A: %d grants, want 2", len(id.Subject.Grants))
		}

		if _, err := a.orgs.Update(ctx, a.city.ID, org.Input{ParentID: a.root.ID, Code: "CITY", Name: "改名市科协", Type: org.TypeCity}); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, g := range b.identity(t, res.Token).Subject.Grants {
			found = found || g.OrgName == "改名市科协"
		}
		if !found {
			t.Error("node B still shows the grant's old org name after the org was renamed on node A")
		}

		// Moving last_seen_at (once a minute) leaves the counter alone.
		counter := func() int64 {
			vs, err := d.Versions(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return vs["auth"]
		}
		before := counter()
		a.clock.advance(2 * time.Minute)
		if b.identity(t, res.Token) == nil {
			t.Fatal("session lost after two minutes")
		}
		var seen int64
		if err := d.QueryRow(ctx, `SELECT last_seen_at FROM sessions`).Scan(&seen); err != nil || seen != a.clock.now().UnixMilli() {
			t.Errorf("last_seen_at = %d (%v), want it touched to now", seen, err)
		}
		if after := counter(); after != before {
			t.Errorf("touching last_seen_at moved the auth counter %d → %d", before, after)
		}

		if err := a.svc.Logout(ctx, res.SessionID); err != nil {
			t.Fatal(err)
		}
		if id := b.identity(t, res.Token); id != nil {
			t.Error("node B still serves a session signed out on node A")
		}

		res, err = a.svc.Login(ctx, "zhangsan", goodPassword, "10.0.0.9", "test")
		if err != nil {
			t.Fatal(err)
		}
		if b.identity(t, res.Token) == nil {
			t.Fatal("node B: new session not found")
		}
		if _, err := d.Exec(ctx, `UPDATE users SET disabled = 1 WHERE id = ?`, u.ID); err != nil {
			t.Fatal(err)
		}
		if id := b.identity(t, res.Token); id != nil {
			t.Error("node B still serves the session of an account disabled by hand in the database")
		}
	})
}
