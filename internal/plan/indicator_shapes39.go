package plan

import (
	"slices"
	"strings"
)

// Shapes of quantities that qualify a noun with 的 and are the target all
// the same, read by tune39-T (docs/decisions.md D192).

// rateValue reports a share written as the qualifier of a rate it is the
// value of (达到50%以上的参与率, 保持90%的覆盖率): the rate's level, not the
// threshold of a class — a rate is no class of things.
func rateValue(ns []rune, q quantity) bool {
	if q.base != "%" || !hasAt(ns, q.after, "的") {
		return false
	}
	rest := strings.TrimRight(string(ns[q.after+1:clauseEnd(ns, q.after)]), " ")
	n := len([]rune(rest))
	return n >= 2 && n <= 6 && strings.HasSuffix(rest, "率") && !strings.ContainsAny(rest, "的和及与、")
}

// serviceCount reports a count of services rendered right after a verb
// that renders or funds them (用于1500万人次以上的职工技能提升, 开展10万人次以上的
// 培训): how many the plan serves, not the threshold of a class — unlike a
// measure named before it (日均客流1万人次以上的站点).
func serviceCount(ns []rune, q quantity) bool {
	if q.base != "人次" && q.base != "户次" && q.base != "家次" {
		return false
	}
	if endsAt(ns, q.beforeCmp, "用于") {
		return true
	}
	for _, v := range verbs {
		if len([]rune(v)) > 1 && endsAt(ns, q.beforeCmp, v) && !slices.Contains(eligibilityVerbs, v) {
			return true
		}
	}
	return false
}

// inviteVerbs bring bodies to the plan's work (邀请10个以上的省级学会): the
// count after them, with a floor, is how many the plan brings.
var inviteVerbs = []string{"邀请", "吸引", "引进", "招引"}

// invitedCount reports a count of bodies after a verb that brings them,
// with a floor (邀请10个以上的省级学会来滁).
func invitedCount(ns []rune, q quantity) bool {
	if !countWords[q.base] || q.cmp != ">=" && q.cmp != ">" {
		return false
	}
	for _, v := range inviteVerbs {
		if endsAt(ns, q.beforeCmp, v) {
			return true
		}
	}
	return false
}

// roundVerbs hold a round of an event (举办一期评选, 开展一期培训班).
var roundVerbs = []string{"举办", "开展", "组织", "举行", "评选", "召开"}

// roundPerPeriod reports one round (一期) of an event held every so often
// (每两年举办一期全市优秀论文评选): how many the plan holds in each
// period, as 每两年举办一次 is — not a phase of a project (二期工程).
func roundPerPeriod(x *at) bool {
	q := x.q
	if q.base != "期" || x.per == nil || q.cmp != "=" || q.value*q.mult != 1 {
		return false
	}
	for _, v := range roundVerbs {
		if endsAt(x.ns, q.beforeCmp, v) {
			return true
		}
	}
	return false
}
