package plan

import (
	"strconv"
	"strings"
)

// listNumber writes n in one of Word's number formats.
func listNumber(n int, format string) string {
	if n < 1 {
		n = 1
	}
	pick := func(set string) string {
		rs := []rune(set)
		if n <= len(rs) {
			return string(rs[n-1])
		}
		return strconv.Itoa(n)
	}
	switch format {
	case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital":
		return chineseNumeral(n)
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		return pick("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
	case "decimalEnclosedParen":
		return pick("⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇")
	case "decimalEnclosedFullstop":
		return pick("⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛")
	case "ideographTraditional":
		return pick("甲乙丙丁戊己庚辛壬癸")
	case "upperLetter":
		return pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	case "lowerLetter":
		return pick("abcdefghijklmnopqrstuvwxyz")
	case "upperRoman":
		return pick("ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")
	case "lowerRoman":
		return pick("ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ")
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	}
	return strconv.Itoa(n)
}

// chineseNumeral writes 1–99 in Chinese numerals (一, 十, 十一, 二十三).
func chineseNumeral(n int) string {
	const d = "零一二三四五六七八九"
	digit := func(k int) string { return string([]rune(d)[k]) }
	switch {
	case n < 10:
		return digit(n)
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + digit(n%10)
	case n < 100:
		s := digit(n/10) + "十"
		if n%10 != 0 {
			s += digit(n % 10)
		}
		return s
	}
	return strconv.Itoa(n)
}
