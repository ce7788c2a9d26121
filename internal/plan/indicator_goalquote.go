package plan

// quotedGoal reports a quantity inside quotes that name the plan's goal
// (按“桩车比不低于1:7”目标预留, “全覆盖、零排队”的目标): the quote states the
// target, it is no name or slogan (tune28). The quote closes within a few
// runes after the quantity and 目标 follows it; the quantity is a bound or
// a ratio (a count in quotes, “3个中心”, names the slogan).
func quotedGoal(rs []rune, q quantity) bool {
	if q.cmp == "=" && !q.ratio {
		return false
	}
	for k := q.after; k < len(rs) && k < q.after+4; k++ {
		if rs[k] == '”' || rs[k] == '"' {
			return hasAt(rs, k+1, "目标") || hasAt(rs, k+1, "的目标")
		}
	}
	return false
}
