package plan

import "strings"

// A decimal point a PDF dropped before a number (55 22亿元, or a glyph its
// font did not map): where the digits before it start (lostPoint), read
// as the number's whole part by readValue and only proposed.

// lostPoint is where the digits before a lost decimal point start: the
// number at i..j (one or two digits) follows a glyph the PDF did not map
// (and a space), or one space when a multiplier follows and the digits
// before are two to four (55 22亿元; not 1 20家, 表1 20个), after a group
// that is no year; or -1.
func lostPoint(rs []rune, i, j int) int {
	k := i // where the gap between the digits starts
	if k > 0 && rs[k-1] == ' ' {
		k--
	}
	glyph := k > 0 && privateUse(rs[k-1])
	if glyph {
		k-- // the point as a glyph the PDF did not map
	}
	if !glyph && (k < 3 || !isDigit(rs[k-1]) || !isDigit(rs[k-2]) || j >= len(rs) || rs[j] != '万' && rs[j] != '亿') {
		return -1
	}
	if k == i || k < 1 || !isDigit(rs[k-1]) || j-i > 2 || j < len(rs) && (rs[j] == '.' || isDigit(rs[j])) {
		return -1
	}
	g := k - 1
	for g > 0 && isDigit(rs[g-1]) {
		g--
	}
	n := k - g
	if n > 4 || g > 0 && strings.ContainsRune(". ,", rs[g-1]) || n == 4 && (rs[g] == '1' && rs[g+1] == '9' || rs[g] == '2' && rs[g+1] == '0') {
		return -1
	}
	return g
}

// lostDigits is the length of the digit group at g.
func lostDigits(rs []rune, g int) int {
	n := 0
	for g+n < len(rs) && isDigit(rs[g+n]) {
		n++
	}
	return n
}

// privateUse reports a rune of Unicode's private use area: a glyph a PDF's
// font did not map to a character.
func privateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }
