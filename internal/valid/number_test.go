package valid

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"85.5", 85.5, true}, {" 1,200 ", 1200, true}, {"1,200,000.25", 1200000.25, true}, {"-3", -3, true}, {"+7", 7, true},
		{"0", 0, true}, {"007", 7, true}, {"12", 12, true},
		{"NaN", 0, false}, {"nan", 0, false}, {"Inf", 0, false}, {"-Infinity", 0, false}, {"1e3", 0, false},
		{"0x1p3", 0, false}, {"1_000", 0, false}, {"12,50", 0, false}, {",100", 0, false}, {"1,0000", 0, false},
		{"1.", 0, false}, {".5", 0, false}, {"", 0, false}, {"-", 0, false}, {"--1", 0, false}, {"+-1", 0, false},
		{"-+1", 0, false}, {"1.2.3", 0, false}, {"1.5,0", 0, false}, {"八十", 0, false}, {"８０", 0, false},
		{"1234567890123456789012345678901", 0, false},
	} {
		v, ok := Number(c.in)
		if ok != c.ok || ok && v != c.want {
			t.Errorf("Number(%q) = %v, %v; want %v, %v", c.in, v, ok, c.want, c.ok)
		}
	}
}

// FuzzNumber: what Number accepts is finite and is what ParseFloat reads
// from the same text without its commas; nothing makes it panic.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{"85.5", "1,200", "-3", "NaN", "1e3", "12,50", "+0.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Number(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("Number(%q) = %v", s, v)
		}
		w, err := strconv.ParseFloat(stripCommas(s), 64)
		if err != nil || w != v {
			t.Fatalf("Number(%q) = %v, ParseFloat reads %v, %v", s, v, w, err)
		}
	})
}

func stripCommas(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), ",", "") }
