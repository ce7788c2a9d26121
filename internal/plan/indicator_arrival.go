package plan

// arrivalWords say that help or goods get somewhere.
var arrivalWords = []string{"到达", "抵达", "到场", "赶到", "送达", "到位"}

// arrivalBound reports a time within which help arrives (2小时内到达灾害
// 现场, 30分钟以内抵达): a bound on a time the plan commits to, at most so
// many hours or minutes — not a duration (24小时服务) nor a ring (15分钟生活圈).
func arrivalBound(ns []rune, q quantity) bool {
	if q.base != "小时" && q.base != "分钟" || q.cmp != "=" || q.isRange {
		return false
	}
	k := q.after
	for k < len(ns) && ns[k] == ' ' {
		k++
	}
	switch {
	case hasAt(ns, k, "以内"):
		k += 2
	case hasAt(ns, k, "内"):
		k++
	default:
		return false
	}
	for _, w := range arrivalWords {
		if hasAt(ns, k, w) || hasAt(ns, k+1, w) && ns[k] == '可' {
			return true
		}
	}
	return false
}
