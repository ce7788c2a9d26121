package stats_test

import (
	"testing"

	"kexie/internal/stats"
)

// TestChangeText: a change that rounds to nothing is 0.0%, not -0.0% in
// red; others carry their sign.
func TestChangeText(t *testing.T) {
	for _, c := range []struct {
		pct      float64
		want     string
		up, down bool
	}{
		{-0.04, "0.0%", false, false},
		{0.04, "0.0%", false, false},
		{0.05, "+0.1%", true, false},
		{-25.34, "-25.3%", false, true},
		{12, "+12.0%", true, false},
	} {
		if got, up, down := stats.ChangeText(c.pct); got != c.want || up != c.up || down != c.down {
			t.Errorf("ChangeText(%v) = %q %v %v, want %q %v %v", c.pct, got, up, down, c.want, c.up, c.down)
		}
	}
}
