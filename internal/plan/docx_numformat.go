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

// chineseNumeral writes n in Chinese numerals as Word draws its Chinese
// counting (chineseCounting, chineseCountingThousand and the others
// listNumber reads alike): 一, 十, 十一, 二十三, 一百, 一百零一, 一百一十,
// 一千零一十, 一万. ECMA-376 names the formats (ST_NumberFormat, 1st ed.
// Part 4 §2.18.66, as MS-OSHARED 2.2.1.3 cites it) with no example past
// 99; LibreOffice's DOCX import reads all of them as one lower-case Chinese
// counting (NUMBER_LOWER_ZH, writerfilter/source/dmapper/
// ConversionHelper.cxx): a run of zeros is one 零, and 十 keeps its 一
// inside a number, as CSS's simp-chinese-informal writes them too (100 一百,
// 101 一百零一). From 1e8 on it is Arabic digits.
func chineseNumeral(n int) string {
	if n < 1 || n >= 100_000_000 {
		return strconv.Itoa(n)
	}
	if n < 10_000 {
		return chineseBelowMyriad(n, true)
	}
	s := chineseBelowMyriad(n/10_000, true) + "万"
	if low := n % 10_000; low > 0 {
		if low < 1000 {
			s += "零"
		}
		s += chineseBelowMyriad(low, false)
	}
	return s
}

// chineseBelowMyriad writes 1–9999 with 千, 百 and 十; lead says the number
// opens the numeral, where 10–19 drop their 一 (十二, but 一百一十二).
func chineseBelowMyriad(n int, lead bool) string {
	const digits = "零一二三四五六七八九"
	units := [4]string{"千", "百", "十", ""}
	var b strings.Builder
	zero := false // a zero is owed before the next digit written
	for k, p := 0, 1000; k < 4; k, p = k+1, p/10 {
		d := n / p % 10
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(lead && d == 1 && k == 2 && b.Len() == 0) {
			b.WriteString(string([]rune(digits)[d]))
		}
		b.WriteString(units[k])
	}
	return b.String()
}
