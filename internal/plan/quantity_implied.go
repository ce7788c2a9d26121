package plan

import "strings"

// impliedOneAfter reports whether the magnitude at i (万亿元, 千亿元) is a
// size said without its 1, as a comparator before it implies: 超万亿元,
// 逾千亿元, 近万亿元, 突破万亿元 and, written out, 超过万亿元 when the size
// ends its clause (产业规模超过万亿元。) — 超过万家企业运用… counts whom a
// plan reaches, not a size it states (tune28).
func impliedOneAfter(rs []rune, i int) bool {
	if i > 0 && strings.ContainsRune("超逾近破", rs[i-1]) {
		return true
	}
	if !endsAt(rs, i, "超过") {
		return false
	}
	for k := i + 1; k < min(len(rs), i+6); k++ {
		if strings.ContainsRune("，。；、,;\n", rs[k]) {
			return true
		}
	}
	return i+6 > len(rs)
}
