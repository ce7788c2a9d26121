package auth_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web"
)

// post is a request of session (none: anonymous, from addr).
func post(session, addr string) func() *http.Request {
	return func() *http.Request {
		r := httptest.NewRequest("POST", "/x", nil)
		r.RemoteAddr = addr + ":4321"
		if session != "" {
			r = r.WithContext(web.WithIdentity(r.Context(), &web.Identity{Subject: &access.Subject{UserID: 1}, SessionID: session}))
		}
		return r
	}
}

// A form token is the session's (or, signed in to none, the address's)
// that was given it: another session that sends the same token neither
// finds it used nor uses it up for the first — a token seen on a shared
// screen or in a log does not block its owner's form. And one session, or
// one address, keeps at most auth.OnceEach tokens: a script that posts
// forms with made-up tokens (kept a day) cannot fill the table; it only
// forgets its own oldest.
func TestFormOnceOwner(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		f := newOnce(t, d, testOnceKey, func() time.Time { return now })
		const tok = "AAAAAAAAAAAAAAAAAAAAAA"
		alice, mallory, anon := post("s-alice", "192.0.2.1"), post("s-mallory", "192.0.2.1"), post("", "192.0.2.9")
		if free, err := f.Claim(mallory(), tok); err != nil || !free {
			t.Fatalf("mallory's claim: %v %v", free, err)
		}
		if free, err := f.Claim(alice(), tok); err != nil || !free {
			t.Errorf("alice's form with the token mallory sent first: free %v, %v; want free", free, err)
		}
		if free, err := f.Claim(anon(), tok); err != nil || !free {
			t.Errorf("an anonymous form with the same token: free %v, %v; want free", free, err)
		}
		for _, who := range []func() *http.Request{alice, mallory, anon} {
			if free, err := f.Claim(who(), tok); err != nil || free {
				t.Errorf("a token sent again by its owner: free %v, %v; want taken", free, err)
			}
		}
		// Another session on the same address is not the address's.
		if free, err := f.Claim(post("s-bob", "192.0.2.9")(), tok); err != nil || !free {
			t.Errorf("bob's form: free %v, %v; want free", free, err)
		}
		// A flood of made-up tokens from one session and one address.
		for i := 0; i < auth.OnceEach+150; i++ {
			now = now.Add(time.Millisecond)
			for _, who := range []func() *http.Request{mallory, anon} {
				if _, err := f.Claim(who(), fmt.Sprintf("F%021d", i)); err != nil {
					t.Fatal(err)
				}
			}
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM form_once`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if max := 2*auth.OnceEach + 2; n > max {
			t.Errorf("%d tokens kept after a flood by one session and one address, want at most %d", n, max)
		}
		// The newest are kept: the last form sent again is still refused.
		last := fmt.Sprintf("F%021d", auth.OnceEach+149)
		if free, err := f.Claim(mallory(), last); err != nil || free {
			t.Errorf("the last token again: free %v, %v; want taken", free, err)
		}
		// alice's token is untouched by mallory's flood.
		if free, err := f.Claim(alice(), tok); err != nil || free {
			t.Errorf("alice's token after mallory's flood: free %v, %v; want taken", free, err)
		}
	})
}

// The owner column is a keyed hash: whoever reads the table (a backup, a
// replica, a report) and tries every IPv4 address, or a session ID, with
// the plain SHA-256 the column once held finds none of them. App nodes
// that share the secret share the key, so a token used through one node
// is used through every other; a store under another key (another
// deployment, or a key rotated) names the owner differently.
func TestFormOnceOwnerKeyed(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		clock := func() time.Time { return now }
		nodeA, nodeB := newOnce(t, d, testOnceKey, clock), newOnce(t, d, testOnceKey, clock)
		const tok = "KKKKKKKKKKKKKKKKKKKKKK"
		anon, alice := post("", "192.0.2.77"), post("s-alice", "192.0.2.1")
		for _, who := range []func() *http.Request{anon, alice} {
			if free, err := nodeA.Claim(who(), tok); err != nil || !free {
				t.Fatalf("a first claim through node A: free %v, %v", free, err)
			}
			if free, err := nodeB.Claim(who(), tok); err != nil || free {
				t.Errorf("the same token through node B (same secret): free %v, %v; want taken", free, err)
			}
		}
		rows, err := d.Query(ctx, `SELECT owner FROM form_once`)
		if err != nil {
			t.Fatal(err)
		}
		owners := map[string]bool{}
		for rows.Next() {
			var o string
			if err := rows.Scan(&o); err != nil {
				t.Fatal(err)
			}
			owners[o] = true
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if len(owners) != 2 {
			t.Fatalf("%d owners kept, want 2 (the address, the session)", len(owners))
		}
		// What trying every address (here its /24) and the session ID with
		// the unkeyed hash gives.
		plain := func(who string) string {
			h := sha256.Sum256([]byte("form_once owner\x00" + who))
			return base64.RawURLEncoding.EncodeToString(h[:12])
		}
		for i := 0; i < 256; i++ {
			if who := fmt.Sprintf("a:192.0.2.%d", i); owners[plain(who)] {
				t.Errorf("the owner column gives the address %s back by its plain hash", who)
			}
		}
		if owners[plain("s:s-alice")] {
			t.Error("the owner column gives the session back by its plain hash")
		}
		for o := range owners {
			if strings.Contains(o, "192.0.2") || strings.Contains(o, "alice") {
				t.Errorf("owner %q shows whose it is", o)
			}
		}
		// Under another key the same address is another owner.
		other := newOnce(t, d, []byte(strings.Repeat("x", 32)), clock)
		if free, err := other.Claim(anon(), tok); err != nil || !free {
			t.Errorf("the token under another key: free %v, %v; want free", free, err)
		}
		if _, err := auth.NewFormOnce(d, []byte("short"), clock); err == nil {
			t.Error("a key of 5 bytes was taken")
		}
	})
}
