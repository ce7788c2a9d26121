package plan

import "strings"

// A text that writes its numbers digit by digit in Chinese characters, a
// point set as a middle dot (七六六·四亿元, 百分之四○·九, 二、一○二万人: the 1st
// five-year plan of 1955) is read as the digits they stand for, rune for
// rune, so its quantities are read like 766.4亿元 and every offset holds.
// Only in a text that writes five numbers or more with a digit character
// on each side of a middle dot — a shape no other text we hold has — and
// there only runs of two digits or more, or one with a point (六·九亿元): a
// numeral with 十, 百 or 千 in it (一千五百) is read as it was (tune42-T).

// placeDigitsMin is the numbers a text writes with a middle dot between
// Chinese digits before its numbers are read so.
const placeDigitsMin = 5

// placeDigit is the digit a Chinese digit character stands for in a number
// written digit by digit, or -1.
func placeDigit(r rune) rune {
	if r == '两' || r == '零' {
		return -1 // (两 and 零 are a numeral's words, not its places)
	}
	return cnYearDigit(r)
}

// placeDigitText reports a text that writes its numbers digit by digit:
// placeDigitsMin middle dots with a Chinese digit on each side.
func placeDigitText(text string) bool {
	if strings.Count(text, "·") < placeDigitsMin {
		return false
	}
	n := 0
	var prev, dot rune
	for _, r := range text {
		if dot == '·' && placeDigit(prev) >= 0 && placeDigit(r) >= 0 {
			n++
			if n >= placeDigitsMin {
				return true
			}
		}
		if r == '·' {
			dot = r
			continue
		}
		prev, dot = r, 0
	}
	return false
}

// placeDigits writes the numbers of line said digit by digit in digits,
// rune for rune: a run of two Chinese digits or more (一九○, 六一亿元), or
// one with a point after it (六·九), not beside 十, 百, 千, 万 or 亿 before
// it or 十, 百, 千 after it (a numeral in words); its point · (or a comma an
// OCR read for it before a single digit and 亿 or 万: 七四一，三亿元, or in a
// share: 百分之七，一) is written '.', and a 、 between one to three digits and
// three more (二、一○二万人) is written ','. line is normalized.
func placeDigits(line string) string {
	rs := []rune(line)
	changed := false
	for i := 0; i < len(rs); {
		if placeDigit(rs[i]) < 0 || i > 0 && strings.ContainsRune("十百千万亿第", rs[i-1]) {
			i++
			continue
		}
		j := placeRun(rs, i)
		if j < len(rs) && strings.ContainsRune("十百千", rs[j]) {
			i = j
			continue
		}
		end := j
		if j+1 < len(rs) && placeDigit(rs[j+1]) >= 0 {
			switch k := placeRun(rs, j+1); {
			case rs[j] == '·' && (k >= len(rs) || !strings.ContainsRune("十百千", rs[k])):
				rs[j], end = '.', k
			case (rs[j] == ',' || rs[j] == '，') && j-i >= 2 && k == j+2 && k < len(rs) && strings.ContainsRune("亿万", rs[k]),
				(rs[j] == ',' || rs[j] == '，') && k == j+2 && i >= 3 && string(rs[i-3:i]) == "百分之":
				rs[j], end = '.', k
			case rs[j] == '、' && j-i <= 3 && k-j-1 == 3 && (k >= len(rs) || !strings.ContainsRune("十百千、", rs[k])):
				rs[j], end = ',', k
				if k+1 < len(rs) && rs[k] == '·' && placeDigit(rs[k+1]) >= 0 {
					rs[k], end = '.', placeRun(rs, k+1) // 三、八五六·二亿斤
				}
			}
		}
		if end-i >= 2 {
			for k := i; k < end; k++ {
				if d := placeDigit(rs[k]); d >= 0 {
					rs[k] = d
				}
			}
			changed = true
		}
		i = max(end, i+1)
	}
	if !changed {
		return line
	}
	return string(rs)
}

// placeRun is the end of the run of Chinese digits from i.
func placeRun(rs []rune, i int) int {
	for i < len(rs) && placeDigit(rs[i]) >= 0 {
		i++
	}
	return i
}
