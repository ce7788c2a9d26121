package plan

import "golang.org/x/text/unicode/norm"

// radicalSupplement maps the CJK Radicals Supplement code points that PDF
// text extraction leaves in place of common characters (⺠ for 民) to
// them; the Kangxi Radicals (⼈ for 人, ⼀ for 一) have compatibility
// decompositions and go through NFKC (but ⼾ is 户, below).
var radicalSupplement = map[rune]rune{
	'⺠': '民', '⻓': '长', '⻔': '门', '⻢': '马', '⻋': '车', '⻅': '见', '⻚': '页', '⻛': '风', '⻜': '飞', '⻄': '西',
	'⻝': '食', '⻘': '青', '⻩': '黄', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⻆': '角', '⺟': '母', '⻉': '贝',
	'⻊': '足', '⻙': '韦', '⻥': '鱼', '⻦': '鸟', '⻨': '麦', '⺁': '厂', '⺇': '几', '⺊': '卜', '⺌': '小', '⻌': '辶',
	'⺮': '竹', '⻣': '骨', '⻤': '鬼', '⻈': '讠', '⻏': '阝', '⺩': '王', '⺶': '羊',
	'⺻': '聿', '⻁': '虎', '⺼': '肉', '⻂': '衤', '⺾': '艹', '⺺': '聿', '⻖': '阝', '⻑': '長',
	// a Kangxi radical whose compatibility form is the traditional character
	// where a simplified text means the simplified one: ⼾ (NFKC 戶) for 户,
	// a measure word of households (覆盖农户2万⼾)
	'⼾': '户',
}

// radical maps one radical code point to the character it stands for, one
// rune for one rune so offsets hold; others stay.
func radical(r rune) rune {
	if m, ok := radicalSupplement[r]; ok {
		return m
	}
	if r >= 0x2F00 && r <= 0x2FD5 {
		if d := []rune(norm.NFKC.String(string(r))); len(d) == 1 {
			return d[0]
		}
	}
	return r
}
