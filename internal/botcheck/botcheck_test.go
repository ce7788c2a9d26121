package botcheck

import (
	"testing"
	"time"
)

func TestChecker(t *testing.T) {
	c := Checker{Key: []byte("k"), Kind: "t", Min: 3 * time.Second, Max: time.Hour}
	now := time.Unix(1_800_000_000, 0)
	st, sig := c.Stamp(now)
	cases := []struct {
		name     string
		at       time.Time
		sig, pot string
		want     bool
	}{
		{"person", now.Add(10 * time.Second), sig, "", true},
		{"too fast", now.Add(time.Second), sig, "", false},
		{"stale", now.Add(2 * time.Hour), sig, "", false},
		{"honeypot", now.Add(10 * time.Second), sig, "http://spam", false},
		{"forged", now.Add(10 * time.Second), "00", "", false},
	}
	for _, tc := range cases {
		if got := c.OK(tc.at, st, tc.sig, tc.pot); got != tc.want {
			t.Errorf("%s: OK = %v, want %v", tc.name, got, tc.want)
		}
	}
	if c.Source("1.2.3.4") == c.Source("1.2.3.5") || len(c.Source("x")) != 32 {
		t.Error("source hash")
	}
	other := Checker{Key: []byte("k"), Kind: "u", Min: 0, Max: time.Hour}
	if other.OK(now, st, sig, "") {
		t.Error("a stamp of one kind of form passes another")
	}
}
