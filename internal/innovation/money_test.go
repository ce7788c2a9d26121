package innovation_test

import (
	"testing"

	"kexie/internal/innovation"
)

// Amounts in 万元: what is read is written back the same, within bounds.
func TestParseWan(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"12", 1200, true}, {"12.5", 1250, true}, {"0.05", 5, true}, {"1,200.05", 120005, true}, {"120万元", 12000, true},
		{"0", 0, true}, {"1000000", innovation.MaxAmount, true},
		{"-1", 0, false}, {"1000000.01", 0, false}, {"1.005", 0, false}, {"", 0, false}, {".5", 0, false}, {"1e3", 0, false}, {"１２", 0, false},
	} {
		got, ok := innovation.ParseWan(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseWan(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// FuzzParseWan: a parsed amount is within bounds and reads back the same
// from its written form.
func FuzzParseWan(f *testing.F) {
	for _, s := range []string{"12", "12.5", "1,200.05", "-1", "1.005", "120万元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := innovation.ParseWan(s)
		if !ok {
			return
		}
		if n < 0 || n > innovation.MaxAmount {
			t.Fatalf("%q → %d out of bounds", s, n)
		}
		back, ok := innovation.ParseWan(innovation.FormatWan(n))
		if !ok || back != n {
			t.Fatalf("%q → %d → %q → %d", s, n, innovation.FormatWan(n), back)
		}
	})
}
