package plan

import (
	"strconv"
	"strings"
)

// A numeral as written: Arabic digits with their group separators (1,200,
// a PDF's 1 200) or Chinese numerals (readNumber), read at a rune of the
// sentence.

// readNumber reads an Arabic or Chinese numeral at i.
func readNumber(rs []rune, i int) (v float64, end int, cn, ok bool) {
	j := i
	switch {
	case j < len(rs) && isDigit(rs[j]):
		for j < len(rs) && (isDigit(rs[j]) || (rs[j] == ',' || rs[j] == ' ' && j-i <= 3 && !strings.ContainsRune(string(rs[i:j]), '.')) && group3(rs, j+1) ||
			rs[j] == '.' && j+1 < len(rs) && isDigit(rs[j+1])) {
			j++
		}
		f, err := strconv.ParseFloat(digits(rs[i:j]), 64)
		return f, j, false, err == nil
	case j < len(rs) && isCNDigit(rs[j]):
		for j < len(rs) && isCNDigit(rs[j]) && j-i < 8 {
			j++
		}
		n, ok := cnNumber(string(rs[i:j]))
		if !ok {
			return 0, j, true, false
		}
		if v, k := cnLarge(rs, i, j); k > j {
			return v, k, true, true
		}
		if k := cnFraction(rs, j); k > j {
			f, err := strconv.ParseFloat(strconv.Itoa(n)+"."+cnDigitString(rs[j+1:k]), 64)
			return f, k, true, err == nil
		}
		return float64(n), j, true, true
	}
	return 0, i, false, false
}

// cnLarge reads a Chinese numeral on past a 万 or 亿 inside it, one a
// numeral of 十, 百 or 千 (or 零) follows (五万七千六百亿元, 一亿四千万千瓦时,
// 一亿零五百万吨, 十二亿九千八百万吨): the number is counted in the magnitude
// word that ends it, left to the multiplier (57600 亿元, 14000 万千瓦时). It
// returns where the numeral ends, or j when no 万 or 亿 is inside it
// (三万人, 一百万千瓦: 千瓦 is a unit, no numeral).
func cnLarge(rs []rune, i, j int) (float64, int) {
	end := j
	for n := 0; n < 2 && end+1 < len(rs) && (rs[end] == '万' || rs[end] == '亿') && cnSection(rs, end+1) > end+1; n++ {
		end = cnSection(rs, end+1) // (at most 亿 and 万 inside one numeral: a long run is read in bounded steps)
	}
	if end == j {
		return 0, j
	}
	last, unit := end, 1.0 // (the magnitude word that ends it counted too, then divided out)
	if end < len(rs) && (rs[end] == '万' || rs[end] == '亿') {
		last, unit = end+1, map[rune]float64{'万': 1e4, '亿': 1e8}[rs[end]]
	}
	var total, wan, section float64 // (cnNumber's reading, with 亿 above 万)
	digit := -1.0
	for _, r := range rs[i:last] {
		if d, ok := cnDigits[r]; ok {
			digit = float64(d)
			continue
		}
		switch r {
		case '十', '百', '千':
			section += max(digit, 1) * map[rune]float64{'十': 10, '百': 100, '千': 1000}[r]
		case '万':
			wan = (wan + section + max(digit, 0)) * 1e4
			section = 0
		case '亿':
			total = (total + wan + section + max(digit, 0)) * 1e8
			wan, section = 0, 0
		}
		digit = -1
	}
	return (total + wan + section + max(digit, 0)) / unit, end
}

// cnSection reports where a numeral of 十, 百 or 千, or one opening with 零,
// ends when it starts at i with a digit (四千, 零五百, 七千六百); i when none
// does.
func cnSection(rs []rune, i int) int {
	if i >= len(rs) || rs[i] == '十' || rs[i] == '百' || rs[i] == '千' || !isCNDigit(rs[i]) {
		return i
	}
	k := i
	for k < len(rs) && isCNDigit(rs[k]) && k-i < 8 {
		k++
	}
	if !strings.ContainsAny(string(rs[i:k]), "十百千") && rs[i] != '零' {
		return i // (三万一: no numeral of its own after 万)
	}
	if _, ok := cnNumber(string(rs[i:k])); !ok {
		return i
	}
	return k
}

// cnFraction reports where the decimals of a Chinese numeral after 点 at j
// end, written digit by digit (六点八万公里, 百分之十五点五, 千分之十点八三),
// or j when no digit follows 点 or a 十, 百 or 千 does after them (三点十分
// is no fraction).
func cnFraction(rs []rune, j int) int {
	if j >= len(rs) || rs[j] != '点' {
		return j
	}
	k := j + 1
	for k < len(rs) && strings.ContainsRune("零〇一二三四五六七八九", rs[k]) && k-j <= 6 {
		k++
	}
	if k == j+1 || k < len(rs) && strings.ContainsRune("十百千两", rs[k]) {
		return j
	}
	return k
}

// cnDigitString writes Chinese digits as Arabic ones (八三 → 83).
func cnDigitString(rs []rune) string {
	out := make([]byte, 0, len(rs))
	for _, r := range rs {
		out = append(out, byte('0'+cnDigits[r]))
	}
	return string(out)
}

// group3 reports three digits at i that end a digit group (1,200 or a PDF's
// 1 200), not the start of a longer number.
func group3(rs []rune, i int) bool {
	return i+2 < len(rs) && isDigit(rs[i]) && isDigit(rs[i+1]) && isDigit(rs[i+2]) && (i+3 == len(rs) || !isDigit(rs[i+3]) && rs[i+3] != '.')
}

// digits is a number as written without its group separators.
func digits(rs []rune) string {
	out := make([]byte, 0, len(rs))
	for _, r := range rs {
		if r != ',' && r != ' ' {
			out = append(out, byte(r))
		}
	}
	return string(out)
}
