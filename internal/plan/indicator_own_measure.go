package plan

import "unicode"

// ownMeasure reports a size with 以上 whose noun, a few words on, is the
// measure it is the amount of (50平方公里以上建设用地面积达到…要求: an area of
// 面积, a length of 长度; tune34-P): the quantity the sentence reaches, no
// class of the things named (30万千瓦以上机组, 1000平方米以上建筑).
func ownMeasure(rs []rune, q quantity, i int) bool {
	word := ""
	switch {
	case areaUnits[q.base]:
		word = "面积"
	case lengthUnits[q.base]:
		word = "长度"
	default:
		return false
	}
	for n := 0; n <= 8 && i+n < len(rs); n++ {
		if hasAt(rs, i+n, word) {
			return true
		}
		if r := rs[i+n]; !unicode.Is(unicode.Han, r) || r == '的' {
			return false
		}
	}
	return false
}
