package checkin_test

import (
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"kexie/internal/checkin"
)

// Decode takes a batch within the bounds and refuses anything else.
func TestDecode(t *testing.T) {
	one := `{"ticket":"ABCD","device":"d","nonce":"n","at":"2026-05-20T01:00:00Z"}`
	for _, c := range []struct {
		name, body string
		n          int
		ok         bool
	}{
		{"empty batch", `{"scans":[]}`, 0, true},
		{"two scans", `{"scans":[` + one + `,` + one + `]}`, 2, true},
		{"the most scans", `{"scans":[` + strings.TrimSuffix(strings.Repeat(one+",", checkin.MaxBatch), ",") + `]}`, checkin.MaxBatch, true},
		{"one scan too many", `{"scans":[` + strings.TrimSuffix(strings.Repeat(one+",", checkin.MaxBatch+1), ",") + `]}`, 0, false},
		{"a body too large", `{"scans":[{"ticket":"` + strings.Repeat("A", checkin.MaxBody) + `"}]}`, 0, false},
		{"not JSON", `scans`, 0, false},
		{"a bad time", `{"scans":[{"at":"yesterday"}]}`, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := checkin.Decode(strings.NewReader(c.body))
			if c.ok && (err != nil || len(got) != c.n) {
				t.Errorf("got %d scans, %v; want %d", len(got), err, c.n)
			}
			if !c.ok && !errors.Is(err, checkin.ErrBadBatch) {
				t.Errorf("got %d scans, %v; want ErrBadBatch", len(got), err)
			}
		})
	}
}

// A scan is sound with a device, a nonce, a time and a code (none for a
// walk-in), each within its bound; a clock more than MaxClockSkew ahead is
// in the future.
func TestSound(t *testing.T) {
	now := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	ok := checkin.Scan{Device: "d", Nonce: "n", At: now}
	long := func(n int) string { return strings.Repeat("字", n) }
	for _, c := range []struct {
		name string
		s    checkin.Scan
		code string
		want bool
	}{
		{"sound", ok, "ABCD", true},
		{"walk-in without a code", checkin.Scan{Device: "d", Nonce: "n", At: now, WalkIn: true}, "", true},
		{"no code", ok, "", false},
		{"code at the bound", ok, long(checkin.MaxCode), true},
		{"code too long", ok, long(checkin.MaxCode + 1), false},
		{"no device", checkin.Scan{Nonce: "n", At: now}, "ABCD", false},
		{"device too long", checkin.Scan{Device: long(checkin.MaxDevice + 1), Nonce: "n", At: now}, "ABCD", false},
		{"a NUL in the device", checkin.Scan{Device: "d\x00", Nonce: "n", At: now}, "ABCD", false},
		{"a control character in the nonce", checkin.Scan{Device: "d", Nonce: "n\n", At: now}, "ABCD", false},
		{"a NUL in the code", ok, "AB\x00CD", false},
		{"nonce too long", checkin.Scan{Device: "d", Nonce: long(checkin.MaxNonce + 1), At: now}, "ABCD", false},
		{"no time", checkin.Scan{Device: "d", Nonce: "n"}, "ABCD", false},
	} {
		if got := c.s.Sound(c.code); got != c.want {
			t.Errorf("%s: Sound = %v, want %v", c.name, got, c.want)
		}
	}
	if (checkin.Scan{At: now.Add(checkin.MaxClockSkew)}).Future(now) || !(checkin.Scan{At: now.Add(checkin.MaxClockSkew + time.Second)}).Future(now) {
		t.Error("Future does not cut at MaxClockSkew")
	}
}

// The script and the worker are served as scripts, never cached stale,
// the worker allowed the scope its module names.
func TestServe(t *testing.T) {
	for _, c := range []struct {
		name, scope, text string
	}{{"script", "", "kexie.checkin.queue."}, {"worker", "/conference/admin/", "kexie-checkin-v1"}} {
		h := checkin.Script()
		if c.scope != "" {
			h = checkin.Worker(c.scope)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/x.js", nil))
		if w.Code != 200 || !strings.Contains(w.Body.String(), c.text) || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/javascript") ||
			w.Header().Get("Cache-Control") != "no-cache" || w.Header().Get("Service-Worker-Allowed") != c.scope {
			t.Errorf("%s: %d %v", c.name, w.Code, w.Header())
		}
	}
}

// FuzzDecode: whatever a phone (or anyone) posts, Decode returns a batch
// within MaxBatch or ErrBadBatch, and never panics.
func FuzzDecode(f *testing.F) {
	f.Add(`{"scans":[{"ticket":"ABCD","device":"d","nonce":"n","at":"2026-05-20T01:00:00Z","walk_in":true}]}`)
	f.Add(`{"scans":null}`)
	f.Add(`{"scans":[{}, {"at":"2026-05-20T01:00:00+08:00"}]}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, body string) {
		scans, err := checkin.Decode(strings.NewReader(body))
		if err != nil && !errors.Is(err, checkin.ErrBadBatch) {
			t.Fatalf("error %v is not ErrBadBatch", err)
		}
		if len(scans) > checkin.MaxBatch {
			t.Fatalf("%d scans", len(scans))
		}
	})
}
