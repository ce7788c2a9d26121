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
		return float64(n), j, true, ok
	}
	return 0, i, false, false
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
