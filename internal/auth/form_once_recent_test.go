package auth_test

import (
	"net/http"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// A token claimed moments ago is told from one claimed long ago, for the
// owner who claimed it only; a token given back is claimed by no one.
func TestFormOnceClaimedWithin(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		f := newOnce(t, d, testOnceKey, func() time.Time { return now })
		alice, bob := post("s-alice", "192.0.2.1"), post("s-bob", "192.0.2.1")
		const tok = "CCCCCCCCCCCCCCCCCCCCCC"
		claimed := func(rq func() *http.Request, d time.Duration) bool {
			t.Helper()
			ok, err := f.ClaimedWithin(rq(), tok, d)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if claimed(alice, time.Minute) {
			t.Error("nothing claimed yet")
		}
		if free, err := f.Claim(alice(), tok); err != nil || !free {
			t.Fatal(free, err)
		}
		if !claimed(alice, 15*time.Second) {
			t.Error("claimed just now")
		}
		if claimed(bob, 15*time.Second) {
			t.Error("another session's token")
		}
		now = now.Add(20 * time.Second)
		if claimed(alice, 15*time.Second) {
			t.Error("claimed 20 s ago, within 15 s")
		}
		if !claimed(alice, time.Minute) {
			t.Error("claimed 20 s ago, within a minute")
		}
		if err := f.Release(alice(), tok); err != nil {
			t.Fatal(err)
		}
		if claimed(alice, time.Minute) {
			t.Error("given back")
		}
	})
}
