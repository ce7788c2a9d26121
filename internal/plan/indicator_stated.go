package plan

import (
	"regexp"
	"strings"
)

// What a sentence states of the present or of the plan's own running
// (覆盖率为75%, 每季度督查1次), set against a clause that states something
// new (新增, 力争): outside the plan's goals, or in them.

// stated reports a level given with 为 and no verb of change (覆盖率为75%,
// 投入强度为2.8%): outside the plan's goals, a statement of what is, which
// the reviewer may still take.
func stated(rs []rune, q quantity, clause string) bool {
	if q.cmp != "=" || !endsAt(rs, q.a, "为") || endsAt(rs, q.a, "作为") {
		return false
	}
	// (需新增和更新的特种车辆为17辆: what is to be added, a verb of change)
	return !has(clause, []string{"达到", "提高", "提升", "增加", "增长", "降低", "下降", "控制", "保持", "稳定", "力争", "确保", "争取", "调整为", "扩大", "新增", "新建"})
}

// procedureRhythm reports once or twice of a procedure of the plan's own
// running — an inspection, a meeting, an evaluation, a report — at a rhythm
// or a point of the plan's time (每季度, 每月, 中期, 期末). An event held every
// so often for the public (每两年举办一次…大赛) is not one.
func procedureRhythm(rs []rune, q quantity, clause string) bool {
	if q.base != "次" || q.value*q.mult > 2 || q.isRange {
		return false
	}
	if !has(clause, []string{"每月", "每季度", "每半年", "每周", "每年", "每两年", "中期", "期末", "年中", "年底", "年末", "定期"}) {
		return false
	}
	after := string(rs[q.after:min(len(rs), q.after+8)])
	// a body's own study and meetings (党组理论学习中心组学习会) may be named at length
	long := string(rs[q.after:min(len(rs), q.after+12)])
	// (每月对…道路全覆盖监测1次: the check named before the count)
	before := string(rs[max(0, q.beforeCmp-3):q.beforeCmp])
	return has(after, []string{"督查", "督导", "检查", "抽查", "自查", "例会", "会议", "联席会", "调度", "评估", "考核", "通报", "总结", "报告", "汇报", "巡查"}) ||
		has(before, []string{"监测", "检测", "检查", "巡查", "督查", "抽查", "核查", "评估", "调度", "通报"}) ||
		has(long, []string{"学习会", "党组会", "座谈会", "推进会", "务虚会"})
}

// freshClause reports a quantity whose own clause states something new —
// with no word of what exists in it and a word of adding or reaching (再新建,
// 新增, 力争) — or that is the reach of a change from what exists (由目前的
// 10座增加到20座).
func freshClause(rs []rune, q quantity, cs int) bool {
	for _, w := range []string{"增加到", "增加至", "提高到", "提高至", "提升到", "提升至", "扩大到", "扩大至", "增至", "达到"} {
		if endsAt(rs, q.beforeCmp, w) && strings.ContainsAny(string(rs[cs:q.a]), "由从") {
			return true
		}
	}
	c := string(rs[cs:clauseEnd(rs, q.after)])
	if has(withoutBase(c), pastCues) || has(c, []string{"已", "巩固", "依托"}) {
		return false
	}
	if willSetUp(c) {
		return true // (将在普陀区设立三个大队部: what will be set up)
	}
	return has(c, []string{"新建", "新增", "再建", "再新", "新组建", "新成立", "新设立", "新培育", "新引进", "新认定", "新创建", "力争", "争取", "确保", "今后", "未来", "下一步", "再"})
}

// willSetUp reports a clause that says what will be set up: 将, then a verb
// that sets up or builds within a few words (将在某区设立三个大队部, 将组建…).
func willSetUp(c string) bool {
	i := strings.Index(c, "将")
	if i < 0 {
		return false
	}
	rest := []rune(c[i+len("将"):])
	near := string(rest[:min(len(rest), 12)])
	return has(near, []string{"设立", "成立", "组建", "新建", "建设", "建成"})
}

// onceEvery reports once (1次, 一次) after so many days or months and a verb
// in its clause (15天完成1次全线清理, 30天开展一次巡查): the rhythm the days
// set, not a count of events.
func onceEvery(ns []rune, q quantity, cs int) bool {
	if q.base != "次" || q.value*q.mult != 1 || q.isRange {
		return false
	}
	c := string(ns[cs:q.beforeCmp])
	return reEveryDays.MatchString(c)
}

// reEveryDays is so many days, weeks or months and a verb of doing, just
// before a count of once (15天完成, 30日开展, 3个月进行).
var reEveryDays = regexp.MustCompile(`[0-9一二两三四五六七八九十]+(?:/[0-9]+)?(?:天|日|周|个月)(?:完成|开展|进行|实施|组织)$`)
