package plan

// A layout plan's standards for each site — how far a station keeps from a
// school (距离应在50米以上), the radius each serves (服务半径不少于0.9公里),
// how many may stand on a stretch of road (每百公里不超过2对（4座）) — are
// rules each site must meet, not the plan's results; and the stations in
// service (其中在营加油站48座) are what exists. Proposed, for the reviewer.

// distanceWords name the distance a site keeps from another or covers.
var distanceWords = []string{"距离", "间距", "半径", "外侧", "退让", "防护距离", "安全距离"}

// siteDistance reports a length its clause names as a distance kept or a
// radius (与小学的距离应在50米以上, 服务半径不少于0.9公里). A radius capped
// (服务半径≤2公里, 不大于1公里, 控制在2公里以内) is how near the network brings
// every place: a goal of coverage, not a standard each site keeps (tune30).
func siteDistance(ns []rune, q quantity, cs int) bool {
	if !lengthUnits[q.base] || q.a <= cs || (q.cmp == "<=" || q.cmp == "<") && hasIn(ns, cs, q.a, "半径") {
		return false
	}
	return hasAnyIn(ns, cs, q.a, distanceWords) && !hasAnyIn(ns, cs, q.a, []string{"平均", "缩短", "缩小", "缩减"}) // (平均服务半径小于3公里: the network's reach, a goal)
}

// perLength open a density per stretch of road or line.
var perLength = []string{"每百公里", "每公里", "每千米", "每百千米"}

// capPerLength reports a count capped per stretch (每百公里不超过6对（12座）):
// how densely sites may stand, a standard.
func capPerLength(ns []rune, q quantity, cs int) bool {
	if q.a <= cs {
		return false
	}
	return hasAnyIn(ns, cs, q.a, perLength) && hasAnyIn(ns, cs, q.a, []string{"不超过", "不得超过", "不多于", "不宜超过"})
}

// inService reports a count of what is already in service (在营加油站48座,
// 在役机组3台, 在运电站5座): what exists, beside what is built or planned.
// A share of what is in service (在运设备中高效产品占比达到40%) is a goal, and
// so is a level what is in service and under construction together reach
// (在运在建装机达到1000万千瓦左右; tune34-P).
func inService(ns []rune, q quantity, cs int) bool {
	return q.a > cs && !moneyOrRate(q) && hasAnyIn(ns, max(cs, q.a-12), q.a, []string{"在营", "在役", "在运"}) &&
		!(hasAnyIn(ns, max(cs, q.a-12), q.a, []string{"在建"}) && (endsAt(ns, q.beforeCmp, "达到") || endsAt(ns, q.beforeCmp, "超过") || endsAt(ns, q.beforeCmp, "突破")))
}

// hasAnyIn reports one of words within rs[from:to], read in place.
func hasAnyIn(rs []rune, from, to int, words []string) bool {
	for _, w := range words {
		if hasIn(rs, from, to, w) {
			return true
		}
	}
	return false
}
