package plan

import "strings"

// Quantities as a PDF's text layer leaves them in any document, whether or
// not its digits are spaced throughout (quantity_spaced.go): a decimal
// point with a space beside it (增长3. 5%, 3 .5万个), a number's tail that
// starts with zeros (1 00 家: 00 家 is no count of none), and units and
// comparators letter-spaced (2 个 百 分 点, 50 万 人 次, 30% 以 上, 3 千 万 元).

// spacedPoint reads the fraction after a decimal point a space stands
// beside (3. 5%, 3 .5万个) from j, the end of the digits of a number read
// at i; it returns the value and where the fraction ends, or ok false. Not
// a list's number at the sentence's start (1. 5G网络…, 3. 5个…) nor a date
// (2025. 3. 12).
func spacedPoint(rs []rune, i, j int, v float64) (float64, int, bool) {
	k := j
	switch {
	case k+2 < len(rs) && rs[k] == '.' && rs[k+1] == ' ' && isDigit(rs[k+2]):
		k += 2
	case k+2 < len(rs) && rs[k] == ' ' && rs[k+1] == '.' && isDigit(rs[k+2]):
		k += 2
	default:
		return v, j, false
	}
	if i == 0 || strings.ContainsRune("。;；:：!！?？", rs[i-1]) || i > 1 && rs[i-1] == ' ' && strings.ContainsRune("。;；:：", rs[i-2]) {
		return v, j, false
	}
	e := k
	for e < len(rs) && isDigit(rs[e]) {
		e++
	}
	if e < len(rs) && rs[e] == '.' || e-k > 6 {
		return v, j, false
	}
	f := 0.0
	for p := e - 1; p >= k; p-- {
		f = (f + float64(rs[p]-'0')) / 10
	}
	return v + f, e, true
}

// zeroTail reports a number at i..j that starts with a zero and goes on
// with digits (00, 05), or a lone 0 a single space parts from digits before
// it (3 0%): no count a plan writes, but the tail of a number a PDF split
// (1 00 家).
func zeroTail(rs []rune, i, j int) bool {
	if rs[i] != '0' {
		return false
	}
	return j-i >= 2 && isDigit(rs[i+1]) || j-i == 1 && i >= 2 && rs[i-1] == ' ' && isDigit(rs[i-2])
}

// zeroTailHead is where the digits a number's zero tail at i was split
// from start (1 00 家: the 1), one to three of them before a single space,
// themselves no tail of a year or of another number; or -1.
func zeroTailHead(rs []rune, i int) int {
	if i < 2 || rs[i-1] != ' ' || !isDigit(rs[i-2]) {
		return -1
	}
	g := i - 2
	for g > 0 && isDigit(rs[g-1]) {
		g--
	}
	if i-1-g > 3 || g > 0 && (strings.ContainsRune(".,:/ ", rs[g-1]) && g > 1 && isDigit(rs[g-2]) || isASCIILetter(rs[g-1])) {
		return -1
	}
	return g
}

// spacedWordAt is where word ends when it starts at rune i of rs with a
// single space between some of its runes (个 百 分 点, 人 次), or -1. The
// word must be spaced somewhere (else hasAt) and end the letter-spaced run:
// a space, punctuation or the text's end after it, not a rune of the next
// word (500 人 次年: 人 and 次年).
func spacedWordAt(rs []rune, i int, word string) int {
	j := spacedRunesAt(rs, i, word)
	if j < 0 || j < len(rs) && rs[j] != ' ' && !strings.ContainsRune("，,。;；、)）:：!！?？", rs[j]) {
		return -1
	}
	return j
}

// spacedRunesAt is where word ends when it starts at rune i of rs with a
// single space between some of its runes, whatever follows; or -1.
func spacedRunesAt(rs []rune, i int, word string) int {
	j, spaced := i, false
	for n, w := range []rune(word) {
		if n > 0 && j+1 < len(rs) && rs[j] == ' ' && rs[j+1] != ' ' {
			j++
			spaced = true
		}
		if j >= len(rs) || rs[j] != w {
			return -1
		}
		j++
	}
	if !spaced {
		return -1
	}
	return j
}

// spacedMultiplier reads a multiplier of two characters a PDF
// letter-spaced (3 千 万 元, 2 万 亿 元) at j: where it ends and its value,
// or -1. A unit follows it, spaced or not.
func spacedMultiplier(rs []rune, j int) (int, float64) {
	for _, m := range multWords {
		if len(m.w) > 3 {
			if e := spacedRunesAt(rs, j, m.w); e > 0 {
				return e, m.m
			}
		}
	}
	return -1, 0
}

// spacedUnit is where a unit of two or more Chinese characters (人次,
// 个百分点) that a PDF letter-spaced ends at j, and the unit; or -1.
func spacedUnit(rs []rune, j int) (int, string) {
	if j+2 >= len(rs) || rs[j] < 0x80 || rs[j+1] != ' ' {
		return -1, ""
	}
	for _, u := range units {
		if len(u) < 6 || u[0] < 0x80 || []rune(u)[0] != rs[j] {
			continue
		}
		if e := spacedWordAt(rs, j, u); e > 0 {
			return e, u
		}
	}
	return -1, ""
}
