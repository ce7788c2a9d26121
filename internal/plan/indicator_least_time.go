package plan

import "strings"

// leastTimeEach reports a least time each day or week a plan sets
// (每天综合体育活动时间不低于2小时, 每天进行不少于60分钟的中高强度身体运动,
// 学龄前儿童每天要达到3小时身体活动, 每周进行不少于3天的…活动): a duration in
// 小时 or 分钟 — in 天, each week — bounded from below or reached (达到), a
// word of each day or week earlier in its clause. It was proposed (tune21)
// and the model scores it 0.03–0.65; every development reading of the
// shape is labelled a target, in three sources (extra 130, heldout5 01,
// heldout54 01; tune49-T, D228), so the rules decide it: a target, not a
// qualifier when a 的 follows (…60分钟的…运动 is the time, not a kind of
// exercise), and not demoted (sentenceEnd).
func leastTimeEach(x *at) bool {
	q := x.q
	if !(q.cmp == ">=" || q.cmp == ">" || q.cmp == "=" && (x.before("达到") || strings.HasSuffix(strings.TrimRight(x.clause, " "), "达到"))) {
		return false
	}
	switch q.base {
	case "小时", "分钟":
		return has(x.clause, []string{"每天", "每日", "每周"})
	case "天":
		return strings.Contains(x.clause, "每周")
	}
	return false
}
