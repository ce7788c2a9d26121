package plan

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// reItemYear is a part of a breakdown by year that opens with its own year
// (其中2024年850台; 2025年更新车船23辆): the year, then a few words before
// the number at most.
var reItemYear = regexp.MustCompile(`^\s*(?:其中|另|含)?\s*((?:19|20)\d\d)\s*年(?:度|底|末)?\s*([^\d]{0,8})$`)

// itemYear is the year that opens the part of a list the quantity stands
// in — the text back to the nearest 、，；： or the clause's start — when
// that part is dated by it alone (其中2024年40台、2025年50台: each part is
// due its own year, not the sentence's 到2027年). A year compared with
// (比2020年, 较2020年) or counted from (从2020年) does not open a part, and
// a part with words of its own between the year and the number says what
// that year does (2025年更新车船23辆), not where it stands (2025年的…).
func itemYear(ns []rune, cs int, q quantity) *int {
	if q.beforeCmp-cs < 5 {
		return nil
	}
	i := q.beforeCmp
	for i > cs && !strings.ContainsRune("、，,；;：:", ns[i-1]) {
		i--
	}
	if !hasRune(ns[i:q.beforeCmp], '年') {
		return nil // (a cheap test before the regexp: most parts name no year)
	}
	m := reItemYear.FindStringSubmatch(string(ns[i:q.beforeCmp]))
	if m == nil || has(m[2], []string{"的", "比", "较", "从", "由", "以来", "累计", "同期"}) {
		return nil
	}
	y, _ := strconv.Atoi(m[1])
	return &y
}

// forecast reports a quantity the sentence expects rather than commits to
// (预计“十五五”期间新增用电负荷20万千瓦，占总新增负荷的25%): a forecast of
// the plan's setting is no target of it — proposed, for the reviewer. 预计
// opening a clause governs the rest of the sentence, one inside a clause
// (毕业生预计52万人) that clause only; a schedule (预计2028年建成…, 预计到
// 2027年) is the plan's own, and so is what the sentence also commits to
// (力争, 确保, 目标).
func forecast(ns []rune, q quantity) bool {
	s := ns[:q.a]
	i := lastIndex(s, []rune("预计"))
	if i < 0 {
		return false
	}
	opens := i == 0 || strings.ContainsRune(",，;；:： ", s[i-1])
	if !opens && clauseStart(ns, q.a) > i {
		return false
	}
	after := string(s[i+2:])
	return !reScheduled.MatchString(after) && !has(after, []string{"力争", "确保", "目标", "任务"}) && !has(string(s[:i]), []string{"力争", "确保"})
}

// reScheduled is a year right after 预计: the plan's schedule.
var reScheduled = regexp.MustCompile(`^\s*(?:到|至|于|在)?\s*(?:19|20)\d\d\s*年`)

// lastIndex is the rune index of the last w in s, or -1.
func lastIndex(s, w []rune) int {
	for i := len(s) - len(w); i >= 0; i-- {
		if string(s[i:i+len(w)]) == string(w) {
			return i
		}
	}
	return -1
}

// reQuoted is another document named and what it requires or says opening
// the text after it (《…》要求：, 《…》（摘录）：, 《…的通知》明确，).
var reQuoted = regexp.MustCompile(`》[^。《]{0,12}?(?:要求|规定|明确|提出|指出|摘录|摘要|原文)[）)]?\s*[：:，,]`)

// quotesDocument reports a quantity a passage quotes from another document
// (an annex listing the policies that apply: 《关于…的通知》要求，2024年完成
// 69个…): what that document sets is no target of this plan — proposed.
func quotesDocument(ns []rune, q quantity) bool {
	if !hasRune(ns[:q.a], '》') {
		return false // (no document named: nothing to allocate)
	}
	return quotesRequirement(string(ns[:q.a]))
}

// carryOut are the verbs by which a plan takes another document's
// requirement on as its own work (落实《…》要求，…; 贯彻《…》规定，…).
var carryOut = []string{"落实", "贯彻", "执行", "对标", "对照"}

// quotesRequirement reports text in which another document is named and
// what it requires or says opens the text after it (reQuoted), unless the
// clause naming it carries the requirement out (落实…《…》要求，新建…不低于
// 50%): then what follows is the plan's own commitment.
func quotesRequirement(s string) bool {
	for _, m := range reQuoted.FindAllStringIndex(s, -1) {
		open := strings.LastIndex(s[:m[0]], "《")
		if open < 0 {
			return true
		}
		clause := s[:open]
		if i := strings.LastIndexAny(clause, "，。；：,;:"); i >= 0 {
			clause = clause[i:]
		}
		if !has(clause, carryOut) {
			return true
		}
	}
	return false
}

// forecastTitle reports the title of a part that forecasts the plan's
// setting (需求分析, 负荷预测, 趋势研判, 实施效果预测) or estimates its cost
// (投资规模测算, 投资估算): what it expects, not what the plan sets — but
// see plansOwn.
func forecastTitle(t string) bool {
	for _, w := range []string{"需求分析", "预测", "趋势分析", "趋势研判", "预测分析", "需求研判", "测算", "估算"} {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// quotingBefore reports a paragraph whose text before start, in the same
// table cell, quotes another document (《…》（摘录）：1、…。2、…): the
// sentences after it go on quoting.
func quotingBefore(nr []rune, start int) bool {
	if start == 0 {
		return false
	}
	i := start
	for i > 0 && nr[i-1] != '|' && nr[i-1] != '\t' {
		i--
	}
	return hasRune(nr[i:start], '》') && quotesRequirement(string(nr[i:start]))
}

// hasRune reports whether rs holds r; it allocates nothing.
func hasRune(rs []rune, r rune) bool {
	for _, c := range rs {
		if c == r {
			return true
		}
	}
	return false
}

// madeCount reports a count of things right after a verb of making, with a
// floor, before the noun it counts (打造1000个以上的示范场景, 培育50家以上的
// 企业): what the plan makes, not a size that qualifies (1亿元以上的企业).
// After any other verb of the grammar's (推出30个以上的大模型, 上线500款左右
// 的智能体) the count must be one of things or of events, and the verb not
// one that picks whom a policy serves (支持50人以上的企业).
func madeCount(ns []rune, q quantity) bool {
	if moneyOrRate(q) || q.cmp != ">=" && q.cmp != ">" && q.cmp != "~" {
		return false
	}
	for _, w := range []string{"打造", "建设", "建成", "培育", "形成", "创建", "新建", "认定", "遴选", "推广", "推进", "推动", "实施", "选择", "选取"} {
		if endsAt(ns, q.beforeCmp, w) {
			return true
		}
	}
	if !countWords[q.base] && !eventWords[q.base] && !countedKinds[q.base] && !ownSubstance(ns, q) {
		return false
	}
	for _, w := range verbs {
		if len([]rune(w)) > 1 && endsAt(ns, q.beforeCmp, w) && !slices.Contains(eligibilityVerbs, w) {
			return true
		}
	}
	return false
}

// countedKinds are measure words of kinds and of services counted (300种数据
// 产品, 80类场景, 5万人次): counts, as countWords are.
var countedKinds = map[string]bool{"种": true, "类": true, "人次": true, "户次": true, "家次": true}

// eligibilityVerbs pick whom a policy serves or admits (支持, 面向, 吸纳): a
// count after them with 以上的 is the threshold of a class.
var eligibilityVerbs = []string{"支持", "扶持", "资助", "面向", "帮扶", "救助", "惠及", "受益", "参与", "参加", "入选", "吸纳", "新招",
	"招收", "录取", "聘请", "聚焦", "纳入", "表彰", "推荐", "达到", "保持", "控制", "稳定在", "维持在"}

// titleQuota reports a count in brackets that closes the title of a
// numbered item (2.虚拟电厂（150个）。): how many of that kind the item is to
// bring — not a weight (日常监测(60%)) or a note; proposed.
func titleQuota(ns []rune, q quantity, cs int) bool {
	if moneyOrRate(q) || q.a == 0 || ns[q.a-1] != '(' || q.after >= len(ns) || ns[q.after] != ')' {
		return false
	}
	rest := strings.Trim(string(ns[q.after+1:]), "* 。.")
	if rest != "" {
		return false
	}
	h := string(ns[cs : q.a-1])
	if i := strings.LastIndex(h, "<br>"); i >= 0 {
		h = h[i+len("<br>"):] // a web page's line break inside a cell
	}
	head := []rune(strings.TrimLeft(h, "* "))
	i := 0
	for i < len(head) && (isDigit(head[i]) || head[i] == ' ' || head[i] == '*') {
		i++
	}
	return i > 0 && i < len(head) && (head[i] == '.' || head[i] == '、' || head[i] == '．')
}

// forecastOnly reports a part whose titles make it one about where things
// stand only by forecasting (二、…需求预测 / 2．城市…需求预测): no open
// section's title is one of the past but a forecast's.
func forecastOnly(stack []open) bool {
	found := false
	for _, o := range stack {
		if forecastTitle(o.sec.Title) {
			found = true
		} else if pastTitle(o.sec.Title) {
			return false
		}
	}
	return found
}

// buildWords build or lay out the things a plan counts.
var buildWords = []string{"建成", "建设", "新建", "配建", "布局", "布设", "改造", "计划建", "规划建"}

// plansOwn reports what a forecast part says the plan itself will do: what
// follows a word of commitment in its sentence (计划建成, 力争, 确保) or the
// goals it announces (总体目标：), or a count of things built
// in a sentence that builds them (预计到2025年建设765个充电桩; 规划新建各类
// 充电桩7000个，…，充电桩达到1万个以上). What it forecasts is demand and
// money (保有量, 用电负荷, 投资, 拉动消费): a count of things built is the
// plan's supply.
func plansOwn(x *at) bool {
	q := x.q
	before := strings.ReplaceAll(string(x.ns[:q.a]), " ", "")
	if has(before, []string{"计划建成", "计划建设", "计划新建", "规划新建", "规划建设", "力争", "确保"}) {
		return true
	}
	if x.c.goalsNamed && !forecast(x.ns, q) {
		return true // (总体目标：建成…。实现…覆盖率100%: the goals a plan sets, stated in the part)
	}
	return (countWords[q.base] || q.base == "辆" || q.base == "座" || builtShare(x)) && !forecast(x.ns, q) && has(x.s, buildWords) || projectsCounted(x)
}

// builtShare reports a share in a sentence that builds (新建住宅配建停车位100%
// 建设或预留充电设施，…停车位占比不低于10%): the share of what is built or
// equipped that the plan requires, a floor or all of it — not a share it
// expects (渗透率约15%) (tune28).
func builtShare(x *at) bool {
	q := x.q
	return q.base == "%" && (q.cmp == ">=" || q.cmp == ">" || q.cmp == "=" && q.value == 100)
}

// projectsCounted reports the count of the plan's own projects an estimate
// part sums up (据估算，…项目共100项，总投资为…): what it costs is the
// estimate, how many projects it carries out is the plan's.
func projectsCounted(x *at) bool {
	q := x.q
	return (q.base == "项" || q.base == "个") && q.cmp == "=" && endsAt(x.ns, q.beforeCmp, "共") && hasIn(x.ns, x.cs, q.a, "项目")
}
