package plan

import "strings"

// requiredBy reports a quantity inside the requirement a measure follows,
// 按照…的…要求 (按照三岛规划水闸43座（其中：…27座、…10座）的远景目标要求，
// “十四五”期间，提升…): what another plan or rule asks, the frame the
// plan's own work is done in, not a target it sets; proposed (tune34-P).
// The frame is read from 按照 to 要求 within one clause, across the
// brackets inside it.
func requiredBy(rs []rune, q quantity) bool {
	s, depth := q.beforeCmp, 0
	for ; s > 0; s-- {
		r := rs[s-1]
		if r == '）' || r == ')' {
			depth++
		} else if (r == '（' || r == '(') && depth > 0 {
			depth--
		} else if depth == 0 && strings.ContainsRune("，,。;；", r) {
			break
		}
	}
	if !strings.Contains(string(rs[s:q.beforeCmp]), "按照") {
		return false
	}
	e, depth := q.after, 0
	for ; e < len(rs); e++ {
		r := rs[e]
		if r == '（' || r == '(' {
			depth++
		} else if (r == '）' || r == ')') && depth > 0 {
			depth--
		} else if depth == 0 && strings.ContainsRune("，,。;；", r) {
			break
		}
	}
	rest := string(rs[q.after:e])
	i := strings.LastIndex(rest, "的")
	return i >= 0 && strings.HasSuffix(rest, "要求") && len([]rune(rest[i:])) <= 9
}
