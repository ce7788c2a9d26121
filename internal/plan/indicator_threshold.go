package plan

import (
	"slices"
	"strings"
)

// thresholdPicks reports a bound that picks whom a later target of its
// clause binds: 峰谷差率超过40%的地区…应达到…的5%以上, 年能耗高于1万吨标准煤
// 的企业…下降8% — the bound, then 的 and the ones it picks, then a verb that
// sets the clause's own figure. It is the condition of the target, not one
// (tune28). A bound before 的 with no later figure (…以上的企业全部完成…) is
// left to the other rules.
func thresholdPicks(ns []rune, q quantity) bool {
	if q.cmp != ">" && q.cmp != ">=" && q.cmp != "<" && q.cmp != "<=" {
		return false
	}
	j := q.after
	if j >= len(ns) || ns[j] != '的' {
		return false
	}
	end := clauseEnd(ns, j)
	rest := string(ns[j+1 : end])
	k := strings.IndexFunc(rest, isDigit)
	if k < 0 {
		return propertyPicks(ns, q)
	}
	return has(rest[:k], thresholdVerbs)
}

// propertyPicks reports a bound on a property of the things a figure before
// it in the clause counts (完成3万平方米节能率不低于15%的既有公共建筑节能改造):
// the rate before the comparator, then 的 and the things; the earlier figure
// is the target, the bound the kind of thing it counts (D134).
func propertyPicks(ns []rune, q quantity) bool {
	start := clauseStart(ns, q.a)
	before := string(ns[start:q.beforeCmp])
	if !strings.HasSuffix(before, "率") && !strings.HasSuffix(before, "比例") {
		return false
	}
	return strings.IndexFunc(before, isDigit) >= 0
}

// thresholdVerbs set a clause's figure after the ones a bound picks.
var thresholdVerbs = []string{"达到", "不低于", "不少于", "不超过", "提高", "提升", "降低", "下降", "增长", "控制在", "保持在", "降至", "减少"}

// permitted reports a figure a change is allowed to reach (利用率可降低至90%,
// 期限可延长至3年, 比例可适当放宽到60%): what the plan permits, not what it
// commits to (tune28). 可 stands straight before the verb of change, a few
// words before the number.
func permitted(ns []rune, q quantity) bool {
	from := max(0, q.beforeCmp-8)
	i := -1
	for k := q.beforeCmp - 1; k >= from; k-- {
		if ns[k] == '可' {
			i = k
			break
		}
	}
	if i < 0 || slices.ContainsFunc(keWords, func(w string) bool { return hasAt(ns, i+1, w) }) {
		return false // (供电可靠率分别提高至99.996%: 可 of a word, no permission)
	}
	k := i + 1
	if hasAt(ns, k, "适当") {
		k += 2
	}
	for j := k; j < q.beforeCmp; j++ {
		if strings.ContainsRune("，,；;。", ns[j]) {
			return false
		}
	}
	for _, v := range permitVerbs {
		if hasIn(ns, k, min(q.beforeCmp, k+6), v) {
			return true
		}
	}
	return false
}

// keWords follow 可 in words where it permits nothing (可靠, 可再生,
// 可持续, 可信, 可视, 可控, 可比).
var keWords = []string{"靠", "再生", "持续", "信", "视", "控", "比"}

// permitVerbs are the verbs of a change a plan may permit.
var permitVerbs = []string{"降低", "降至", "放宽", "提高", "延长", "缩短", "下调", "上调", "增加", "减少", "上浮", "下浮", "调整"}

// thresholdOfObject reports a bound that picks what an action is taken on
// (优先对利用率超过40%的站点实施改造, 对能耗高于1万吨标准煤的企业开展诊断):
// the action's object, not a figure the plan sets (tune28).
func thresholdOfObject(ns []rune, q quantity, clause string) bool {
	if q.cmp != ">" && q.cmp != ">=" && q.cmp != "<" && q.cmp != "<=" || q.after >= len(ns) || ns[q.after] != '的' {
		return false
	}
	rest := string(ns[q.after+1 : clauseEnd(ns, q.after)])
	return strings.Contains(clause, "对") && has(rest, []string{"实施", "开展", "进行", "予以", "实行"}) && strings.IndexFunc(rest, isDigit) < 0
}

// advised reports a bound a plan only advises (功率不宜超过8千瓦, 不宜低于):
// a norm, proposed (tune28).
func advised(ns []rune, q quantity) bool {
	return endsAt(ns, q.beforeCmp, "不宜") || hasAt(ns, q.beforeCmp, "不宜")
}

// spacing reports a length that is the spacing of what is laid out (按约2公里
// 间距布设): a norm of the layout, proposed (tune28).
func spacing(ns []rune, q quantity) bool {
	return hasAt(ns, q.after, "间距") || hasAt(ns, q.after, "的间距")
}
