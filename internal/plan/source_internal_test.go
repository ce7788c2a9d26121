package plan

import (
	"fmt"
	"testing"
	"time"
)

func TestComputedPeriods(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	cases := []struct {
		name       string
		start, end int
		now        time.Time
		want       string
	}{
		{"midway", 2024, 2028, at(2026, 5, 10), "[{0 2024 0} {0 2025 0} {0 2026 1} {0 2026 2}]"},
		{"first quarter", 2026, 2028, at(2026, 1, 2), "[{0 2026 1}]"},
		{"over", 2021, 2025, at(2026, 5, 10), "[{0 2021 0} {0 2022 0} {0 2023 0} {0 2024 0} {0 2025 0}]"},
		{"not started", 2027, 2030, at(2026, 5, 10), "[]"},
		{"no years", 0, 0, at(2026, 8, 1), "[{0 2026 3}]"},
		// 31 Dec 20:00 UTC is already the new year in Beijing.
		{"new year in Beijing", 2024, 2028, time.Date(2025, 12, 31, 20, 0, 0, 0, time.UTC), "[{0 2024 0} {0 2025 0} {0 2026 1}]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fmt.Sprint(computedPeriods(c.start, c.end, c.now)); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
	// The current period is valued up to now; past ones to their end.
	r := Reading{Year: 2026, Quarter: 2}
	if p := r.period(at(2026, 5, 10)); !p.To.Equal(at(2026, 5, 10)) || !p.From.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, cst())) {
		t.Errorf("current quarter: %v", p)
	}
	if p := (Reading{Year: 2024}).period(at(2026, 5, 10)); !p.To.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, cst())) {
		t.Errorf("2024: %v", p)
	}
}
