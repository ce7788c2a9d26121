package auth_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// A form token is claimed once — also by ten requests at once, as from
// several app nodes — given back when its submission failed, and forgotten
// after a day.
func TestFormOnceStore(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		f := newOnce(t, d, testOnceKey, func() time.Time { return now })
		r := httptest.NewRequest("POST", "/x", nil)
		n := dbtest.Went(t, dbtest.AtOnce(10, func(int) error {
			free, err := f.Claim(r, "AAAAAAAAAAAAAAAAAAAAAA")
			if err == nil && !free {
				return errTaken
			}
			return err
		}), func(err error) bool { return err == errTaken })
		if n != 1 {
			t.Fatalf("%d of 10 claimed one token", n)
		}
		if err := f.Release(r, "AAAAAAAAAAAAAAAAAAAAAA"); err != nil {
			t.Fatal(err)
		}
		if free, err := f.Claim(r, "AAAAAAAAAAAAAAAAAAAAAA"); err != nil || !free {
			t.Fatalf("a token given back: %v %v", free, err)
		}
		// A day on, claims forget the old tokens (about one claim in a hundred purges).
		now = now.Add(auth.OnceKept + time.Minute)
		for i := 0; i < 2000; i++ {
			if _, err := f.Claim(r, "B"+string(rune('a'+i%26))+time.Duration(i).String()); err != nil {
				t.Fatal(err)
			}
			var left int
			if err := d.QueryRow(context.Background(), `SELECT COUNT(*) FROM form_once WHERE token = 'AAAAAAAAAAAAAAAAAAAAAA'`).Scan(&left); err != nil {
				t.Fatal(err)
			}
			if left == 0 {
				return
			}
		}
		t.Error("a token a day old was never forgotten")
	})
}

// testOnceKey keys the owner hash in tests, as app's derived key does.
var testOnceKey = []byte("form-once owner key for tests 32b")

// newOnce is auth.NewFormOnce, failing tb on an error.
func newOnce(tb testing.TB, d *db.DB, key []byte, now func() time.Time) *auth.FormOnce {
	tb.Helper()
	f, err := auth.NewFormOnce(d, key, now)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

type takenError struct{}

func (takenError) Error() string { return "taken" }

var errTaken error = takenError{}

// BenchmarkFormOnce is what a form's submission pays for counting once:
// one claim of a fresh token (an INSERT).
func BenchmarkFormOnce(b *testing.B) {
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := newOnce(b, d, testOnceKey, time.Now)
		r := httptest.NewRequest("POST", "/x", nil)
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			if free, err := f.Claim(r, fmt.Sprintf("%022d", i)); err != nil || !free {
				b.Fatal(free, err)
			}
		}
	})
}
