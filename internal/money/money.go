// Package money reads and writes amounts kept as whole hundredths — 分 of
// a 元, or hundredths of a 万元 — as offices type them on forms ("1,200.05",
// "12.5万元"). Kept as integers, sums are exact in SQL and in Go.
//
// It must never round what it reads (more than two decimals is refused,
// not rounded), accept a negative amount, or know what the amount is for.
package money

import (
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/valid"
)

// Parse reads s, with at most two decimals, grouping commas (every three
// digits of the whole part: "1,200.05", never "12,50") and an optional
// trailing unit, into hundredths; ok is false for anything else, a
// negative amount or more than max hundredths.
func Parse(s, unit string, max int64) (int64, bool) {
	s = strings.TrimSpace(s)
	if unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, unit))
	}
	if len(s) > 26 {
		return 0, false
	}
	whole, frac, _ := strings.Cut(s, ".")
	if strings.Contains(whole, ",") {
		if !valid.Grouped(whole) {
			return 0, false
		}
		whole = strings.ReplaceAll(whole, ",", "")
	}
	if strings.Contains(frac, ",") || len(whole)+len(frac) > 20 {
		return 0, false
	}
	if whole == "" || len(frac) > 2 || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || n < 0 || n > max {
		return 0, false
	}
	return n, true
}

// Format writes hundredths as a plain number without trailing zeros
// ("1280", "99.5", "0.05").
func Format(n int64) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	s := strconv.FormatInt(n/100, 10)
	if c := n % 100; c != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", c), "0")
	}
	return sign + s
}
