package plan

import (
	"strings"
	"unicode"
)

// radiusNamed reports a distance that names the rate or radius a few words
// after it (轨交站点600米用地覆盖率, 500米公园绿地服务半径; tune34-P): up to
// six characters of what is covered, no 的, list mark or verb between.
func radiusNamed(rs []rune, k int) bool {
	for n := 1; n <= 6 && k+n < len(rs); n++ {
		r := rs[k+n-1]
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("的和与及或等达到为", r) {
			return false
		}
		if hasAt(rs, k+n, "覆盖率") || hasAt(rs, k+n, "服务半径") {
			return true
		}
	}
	return false
}

// namedListEnd reports the last of a list of named measures in one unit
// whose 的 follows the whole list (实施粮田52.2万亩、菜田1.75万亩、经济作物1.2万亩的
// 水利设施配套; tune34-P): each item sizes the work, the last as the others,
// no qualifier of its own. The item's name (菜田, 经济作物) stands between
// the 、 and the number; a bare list (200万千瓦、300万千瓦的机组) is none.
func namedListEnd(rs []rune, q quantity) bool {
	if q.unit == "" || q.cmp != "=" {
		return false
	}
	k := q.a
	for k > 0 && q.a-k < 6 && unicode.Is(unicode.Han, rs[k-1]) && rs[k-1] != '、' {
		k--
	}
	if k == q.a || k == 0 || rs[k-1] != '、' {
		return false
	}
	return endsAt(rs, k-1, q.unit) && k-1-len([]rune(q.unit)) > 0 && isDigit(rs[k-2-len([]rune(q.unit))])
}

// levelHeld reports an adverb of keeping on at i, after a level's 以上
// (营收在200亿元以上持续增长, 稳定在90%以上稳步提升; tune34-P): the level is
// held while growing, a verb's, no class of a noun.
func levelHeld(rs []rune, i int) bool {
	for _, w := range []string{"持续", "稳定", "稳步", "保持", "逐年", "不断", "继续"} {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
}
