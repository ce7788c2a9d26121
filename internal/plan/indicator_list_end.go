package plan

import "unicode"

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
