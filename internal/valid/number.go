package valid

import (
	"strconv"
	"strings"
)

// Number reads a decimal number as people type it on a form: an optional
// sign, digits (grouped by commas every three, or not: "1,200.5"), an
// optional fraction, spaces around; ok is false for anything else — an
// exponent, a hexadecimal or underscored form, NaN, Inf, a misplaced comma
// ("12,50"), or more than 30 characters. strconv.ParseFloat alone accepts
// "NaN", which every range check then lets through (NaN compares false).
func Number(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 0 || len(s) > 30 {
		return 0, false
	}
	sign, body := "", s
	if s[0] == '-' || s[0] == '+' {
		sign, body = s[:1], s[1:]
	}
	whole, frac, dot := strings.Cut(body, ".")
	if strings.Contains(whole, ",") {
		if !Grouped(whole) {
			return 0, false
		}
		whole = strings.ReplaceAll(whole, ",", "")
	}
	if whole == "" || !digits(whole) || dot && (frac == "" || !digits(frac)) {
		return 0, false
	}
	v, err := strconv.ParseFloat(sign+whole+"."+frac+"0", 64)
	return v, err == nil
}

// Grouped reports whether whole is digits grouped by commas every three
// from the right: a first group of one to three digits, then groups of
// exactly three ("1,200,000"; never "12,50" or ",100").
func Grouped(whole string) bool {
	parts := strings.Split(whole, ",")
	if len(parts[0]) < 1 || len(parts[0]) > 3 || !digits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !digits(p) {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
