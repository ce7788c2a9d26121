package botcheck

import (
	"testing"
	"time"
)

func TestVerify(t *testing.T) {
	c := Checker{Key: []byte("k"), Min: 2 * time.Second, Max: time.Hour}
	t0 := time.Unix(1_700_000_000, 0)
	stamp, tok := c.Stamp(t0, "survey", "7")
	cases := []struct {
		name        string
		at          time.Time
		stamp, tok  string
		honey, part string
		want        error
	}{
		{"ok", t0.Add(5 * time.Second), stamp, tok, "", "7", nil},
		{"too fast", t0.Add(time.Second), stamp, tok, "", "7", ErrTooFast},
		{"expired", t0.Add(2 * time.Hour), stamp, tok, "", "7", ErrExpired},
		{"other part", t0.Add(5 * time.Second), stamp, tok, "", "8", ErrTampered},
		{"other stamp", t0.Add(5 * time.Second), "1700000001", tok, "", "7", ErrTampered},
		{"honeypot", t0.Add(5 * time.Second), stamp, tok, "x", "7", ErrHoneypot},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.Verify(tc.at, tc.stamp, tc.tok, tc.honey, "survey", tc.part); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestLimiter(t *testing.T) {
	l := &Limiter{Max: 2, Window: time.Minute}
	t0 := time.Unix(1_700_000_000, 0)
	got := []bool{l.Allow("a", t0), l.Allow("a", t0), l.Allow("a", t0), l.Allow("b", t0), l.Allow("a", t0.Add(time.Minute))}
	want := []bool{true, true, false, true, true}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("post %d: allowed %v, want %v", i, got[i], want[i])
		}
	}
	if s := Source([]byte("k"), "1.2.3.4"); len(s) != 32 || s == Source([]byte("j"), "1.2.3.4") {
		t.Errorf("source %q is not a keyed hash", s)
	}
}

// A token of one kind of form is refused by another kind's checker.
func TestKindsDoNotMix(t *testing.T) {
	now := time.Now()
	a := Checker{Key: []byte("k"), Kind: "event.register"}
	b := Checker{Key: []byte("k"), Kind: "kepu.lead"}
	st, tok := a.Stamp(now.Add(-time.Minute))
	if !a.OK(now, st, tok, "") {
		t.Fatal("own kind refused")
	}
	if b.OK(now, st, tok, "") {
		t.Fatal("another kind's token accepted")
	}
	if a.Source("1.2.3.4") == b.Source("1.2.3.4") {
		t.Fatal("sources of two kinds collide")
	}
}
