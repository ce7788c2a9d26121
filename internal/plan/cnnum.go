package plan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

var cnDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnNumber parses a Chinese numeral below 100,000,000 ("十五", "一百",
// "两千三百", "三万"); ok is false for anything else.
func cnNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok := cnPositional(s); ok {
		return n, true
	}
	total, section, digit := 0, 0, -1
	for _, r := range s {
		if d, ok := cnDigits[r]; ok {
			digit = d
			continue
		}
		unit := map[rune]int{'十': 10, '百': 100, '千': 1000}[r]
		switch {
		case unit > 0:
			if digit < 0 {
				digit = 1 // 十五 = 15
			}
			section += digit * unit
			digit = -1
		case r == '万':
			if digit > 0 {
				section += digit
			}
			total += section * 10000
			section, digit = 0, -1
		default:
			return 0, false
		}
	}
	if digit > 0 {
		section += digit
	}
	return total + section, true
}

// cnPositional reads a numeral written digit by digit with a zero among
// them (一〇〇, 二〇, 二〇二六: as a year is written, and as a PDF or a typist
// writes a count so): ok is false for a numeral with 十, 百, 千 or 万, one
// rune long, or with no zero (三五 is "three or five", not 35).
func cnPositional(s string) (int, bool) {
	if utf8.RuneCountInString(s) < 2 || !strings.ContainsAny(s, "〇○零") || strings.ContainsAny(s, "十百千万两") {
		return 0, false
	}
	if strings.HasPrefix(s, "零") || strings.HasPrefix(s, "〇") || strings.HasPrefix(s, "○") {
		return 0, false // (〇五: no count; a year's tail or a code)
	}
	n := 0
	for _, r := range s {
		d, ok := cnDigits[r]
		if r == '○' {
			d, ok = 0, true
		}
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// isCNNumeral reports whether r can be part of a Chinese numeral.
func isCNNumeral(r rune) bool {
	_, ok := cnDigits[r]
	return ok || strings.ContainsRune("十百千万", r)
}

// multipliers are the magnitude words a unit may start with (万人, 亿元).
var multipliers = []struct {
	word string
	mult float64
}{{"万亿", 1e12}, {"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"万", 1e4}, {"千", 1e3}}

// splitUnit separates a unit as written into its multiplier and base unit:
// "万人次" → ("人次", 10000), "亿元" → ("元", 1e8), "个" → ("个", 1).
func splitUnit(u string) (string, float64) {
	for _, m := range multipliers {
		if rest, ok := strings.CutPrefix(u, m.word); ok && rest != "" {
			return rest, m.mult
		}
	}
	return u, 1
}

// number parses an Arabic or Chinese numeral.
func number(s string) (float64, bool) {
	if r, _ := utf8.DecodeRuneInString(s); isCNNumeral(r) {
		n, ok := cnNumber(s)
		return float64(n), ok
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
