package plan

import "strings"

// Years written in Chinese numerals (到二〇三五年, 二○二六年: ○, a circle,
// set for 〇 by many converters and typists) are read as the digits they
// stand for, four runes for four, so a deadline or a plan's years said so
// are read like 2035年 and every offset holds. A full date (二〇二六年一月
// 二十七日, a report's day of delivery or a document's date of issue) stays
// as written: the rules that read it know it so.

// cnYearDigit is the digit a Chinese numeral of a year stands for, or -1.
func cnYearDigit(r rune) rune {
	if r == '○' || r == '〇' || r == '零' {
		return '0'
	}
	if d, ok := cnDigits[r]; ok && r != '两' {
		return '0' + rune(d)
	}
	return -1
}

// cnYearAt reports four numerals of a year at i (一九xx, 二〇xx) said with
// 年 or as the first of two years (二〇二六—二〇三〇年).
func cnYearAt(rs []rune, i int) bool {
	if i+4 > len(rs) || i > 0 && cnYearDigit(rs[i-1]) >= 0 {
		return false
	}
	for k := i; k < i+4; k++ {
		if cnYearDigit(rs[k]) < 0 {
			return false
		}
	}
	if !(rs[i] == '二' && cnYearDigit(rs[i+1]) == '0' || rs[i] == '一' && rs[i+1] == '九') {
		return false
	}
	k := i + 4
	if k < len(rs) && rs[k] == ' ' {
		k++
	}
	if k < len(rs) && rs[k] == '年' {
		// not a full date: 年 and a month in numerals
		m := k + 1
		for m < len(rs) && m <= k+3 && (rs[m] == ' ' || isCNNumeral(rs[m])) {
			m++
		}
		return !(m > k+1 && m < len(rs) && rs[m] == '月')
	}
	return k < len(rs) && strings.ContainsRune("-~至到", rs[k]) && cnYearAt(rs, k+1)
}

// cnYears writes the years of line said in Chinese numerals in digits (rune
// for rune); line is normalized.
func cnYears(line string) string {
	if !strings.Contains(line, "年") || !strings.ContainsAny(line, "〇○零九") {
		return line
	}
	rs := []rune(line)
	changed := false
	for i := 0; i+4 < len(rs); i++ {
		if cnYearAt(rs, i) {
			for k := i; k < i+4; k++ {
				rs[k] = cnYearDigit(rs[k])
			}
			changed = true
			i += 3
		}
	}
	if !changed {
		return line
	}
	return string(rs)
}
