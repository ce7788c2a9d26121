package plan

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// notTarget is a named reason a quantity of a sentence is no target: match
// reports it; baseline, when set, is the baseline the quantity is instead,
// kept for the sentence's next target.
type notTarget struct {
	name     string
	match    func(x *at) bool
	baseline func(x *at) *Baseline
}

// notTargets are read in order; the first that matches drops the quantity
// (sentenceRead.read), so a rule may count on the ones before it having
// failed. The predicates they call are grouped by the kind of thing they
// recognise: indicator_reject_*.go, indicator_budget.go and
// indicator_condition.go.
var notTargets = []notTarget{
	// a bare count (5亿) only as the value a comparison reaches, or as
	// the people it counts (80万重点群体) unless they open a programme's
	// name (10万大学生职业体验计划)
	{name: "a bare count", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.base == "" && q.cmp == "=" && !reachedBare(x) && !(peopleAfter(ns, q.b) && !programName(ns, q)) && !bareHeadcount(ns, q.b) && !peopleBefore(ns, q) && !ratioReached(ns, q)
	}},
	// a number inside a web address (…%2F2026-03-13%2F…, url=https…) or
	// a link's text (- [某市GDP将超2万亿元](https://…): the page's links
	// to news about the plan): a page's link, no text of the plan
	{name: "inside a web address", match: func(x *at) bool { return inWebAddress(x.ns, x.q) || inLinkText(x.ns, x.q) || shortcutKey(x.ns, x.q) }},
	// a factor of a formula (计算公式为：森林面积/土地面积×100%): how an
	// indicator is computed, no level (tune31)
	{name: "a factor of a formula", match: func(x *at) bool { return x.before("×") || x.before("*") || x.before("＊") }},
	// an ordinal (第十五届), a rate's denominator (每万人口), the
	// total of a list (围绕交通、物流等19个场景), a scope (在12个赛道;
	// but 在10个以上乡镇部署 commits to a reach), all the parts there
	// are (覆盖全省17个市州) or a set phrase (三位一体)
	{name: "an ordinal, a denominator, a list's total, a scope", match: func(x *at) bool {
		ns, q, clause := x.ns, x.q, x.clause
		return x.before("第") || x.before("每") || x.before("等") && has(string([]rune(clause)[:min(len([]rune(clause)), 6)]), []string{"围绕", "针对", "在"}) ||
			q.cn && q.b < len(ns) && isCNDigit(ns[q.b]) && !wordAfterCount(ns, q) || countOfCounts(ns, q) || issuers(ns, q) ||
			strings.HasSuffix(strings.TrimSpace(clause), "在") && !has(clause, []string{"控制在", "保持在", "稳定在", "维持在"}) && q.cmp == "=" && !pilotSize(ns, q) && !placesBuilt(ns, q, clause) ||
			q.cmp == "=" && scopeListItem(clause) && !pilotSize(ns, q) && !placesBuilt(ns, q, "在") || // (在3个核心区域、8个重点区域…中: the list's later items)
			q.cmp == "=" && scopeIn(clause) && !pilotSize(ns, q) && !placesBuilt(ns, q, clause) ||
			q.cmp == "=" && scopeOf(clause) ||
			q.cmp == "=" && allParts(ns, q) ||
			q.cmp == "=" && hasIn(ns, x.cs, q.a, "下辖") || // (下辖16个镇和2个乡: the parts an area has)
			rateBase(ns, q) // (年均火灾十万人口死亡率: the base a rate is counted per; D134)
	}},
	// the area of a zone a plan names as where something is carried
	// (以某分区约2平方公里区域为主要承载区): the zone's size, no target (tune38-T)
	{name: "the area of a zone named as a carrier", match: func(x *at) bool {
		return areaUnit(x.q.base) && strings.Contains(x.clause, "以") &&
			(hasAt(x.ns, x.q.after, "区域为") || hasAt(x.ns, x.q.after, "范围为") || hasAt(x.ns, x.q.after, "区域作为"))
	}},
	// an age (35岁以下), not a life expectancy reached (达到80岁)
	{name: "an age", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.base == "岁" && (q.isRange || !has(string(ns[max(0, q.a-3):q.a]), []string{"达到", "提高到", "提高至", "延长到", "延长至", "增加到", "增至", "提升到", "提升至"}) && !strings.Contains(x.clause, "预期寿命"))
	}},
	// a duration (24小时服务), not a count of hours (服务时长达到100万小时)
	// nor a time within which help arrives (2小时内到达: arrivalBound)
	{name: "a duration in hours", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.base == "小时" && q.mult == 1 && q.cmp == "=" && !endsAt(ns, q.a, "达到") && !arrivalBound(ns, q)
	}},
	// a period (30个工作日内, 3个月), not a count; one with a
	// comparator or a verb of shortening is a bound (控制在5个工作日内,
	// 压缩至5个工作日以内)
	{name: "a period in 个", match: func(x *at) bool {
		ns, q, clause := x.ns, x.q, x.clause
		return q.base == "个" && (q.cmp == "=" || q.cmp == "range") && !has(clause, []string{"压缩", "缩短", "减少", "降低", "降至", "减至"}) && (hasAt(ns, q.after, "工作日") || hasAt(ns, q.after, "月") || hasAt(ns, q.after, "小时") || hasAt(ns, q.after, "季度") || hasAt(ns, q.after, "星期"))
	}},
	// a duration (每节课45分钟, 10至15分钟快速补电) or a ring (15分钟生活圈, 1公里超充圈: a
	// length names one too; tune30), not a time to bring down to
	// (响应时间缩短至12分钟以内)
	{name: "a duration in minutes, a ring", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.base == "分钟" && ((q.cmp == "=" || q.cmp == "range") && !endsAt(ns, q.a, "至") && !endsAt(ns, q.a, "到") && !endsAt(ns, q.a, "达到") && !arrivalBound(ns, q) || quoted(ns, q.a) ||
			strings.ContainsRune(string(ns[q.b:clauseEnd(ns, q.b)]), '圈')) ||
			lengthUnits[q.base] && q.cmp == "=" && strings.ContainsRune(string(ns[q.b:clauseEnd(ns, q.b)]), '圈')
	}},
	// a size that qualifies what a count after it counts (培育年营收
	// 超10亿元企业20家, 建设千亩以上示范基地20个): the count is the target
	{name: "a size that qualifies a count", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return qualifiesCount(ns, q) && !totalOf(ns, q)
	}},
	// a bound that picks whom the clause's later figure binds (峰谷差率超过
	// 40%的地区需求响应能力应达到…的5%以上): its condition (indicator_threshold.go)
	{name: "a threshold that picks whom a target binds", match: func(x *at) bool {
		return thresholdPicks(x.ns, x.q) || thresholdOfObject(x.ns, x.q, x.clause)
	}},
	// the term of a body in its name (市十届人大二次会议), an ordinal without 第
	{name: "the term of a body", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.cn && q.base == "届" && q.b < len(ns) && (strings.ContainsRune("人政全党代中历", ns[q.b]) || // (二十届历次全会)
			hasAt(ns, q.b, "市委") || hasAt(ns, q.b, "省委") || hasAt(ns, q.b, "区委") || hasAt(ns, q.b, "县委")) // (按照十二届市委五次全会部署)
	}},
	// a numeral in a place's name (赣州市六台区), the toll of an event
	// (造成8人死亡), a fine, the longest a procedure may take, the
	// items under a heading of a list (人才培养方面5项), a ban on
	// two or more (不得同时在两个以上学会任职)
	{name: "a place's name, a toll, a fine, a procedure's limit, a ban", match: func(x *at) bool {
		ns, q, clause, cs := x.ns, x.q, x.clause, x.cs
		return outlineNumber(ns, q, cs) || placeName(ns, q) || detachment(ns, q) || poolOf(ns, q, clause) || toll(ns, q, clause) || penalty(x.s, q) || procedureLimit(ns, q, clause) || x.before("方面") ||
			twoOrMore(q) && has(x.s, []string{"不得", "禁止", "不能"})
	}},
	// a price charged per unit (执行0.3元/立方米的配气价格), a notice
	// given ahead (至少提前6个月), a subsidy's rate raised (支持资金可上浮
	// 20%): parameters of a measure, not results
	{name: "a price, a notice, a rate raised", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.base == "元" && hasAt(ns, q.b, "/") && has(string(ns[q.b:clauseEnd(ns, q.b)]), []string{"价格", "价", "优惠", "收费"}) ||
			endsAt(ns, q.beforeCmp, "提前") || endsAt(ns, q.a, "提前") || q.base == "%" && (endsAt(ns, q.beforeCmp, "上浮") || endsAt(ns, q.beforeCmp, "下浮"))
	}},
	// the count of the plan's own indicators (21个主要指标), a division of
	// the work (分13个领域细化), the plan's measures counted (30项举措), one
	// of a group (4个省份之一), a size naming a kind (3人制, “3个100万”,
	// 1000个千亩高产片): indicator_report.go
	{name: "the plan's indicators, a division, its measures, one of, a size naming a kind", match: func(x *at) bool {
		return ownIndicators(x.ns, x.q) || divisionOf(x.ns, x.q, x.cs) || ownParts(x.ns, x.q) || oneOf(x.ns, x.q) || sizeNamed(x.ns, x.q, x.prev) || fieldsListed(x.ns, x.q)
	}},
	// a figure referred to (如图4所示), the word 人员 (1人员能力: a
	// figure's labels), the parts a thing is made of (包括通用、安全、
	// 检测等3个部分, 从点、线、面五个维度): a description, no result
	{name: "a figure's label, the parts of a whole", match: func(x *at) bool {
		ns, q, clause := x.ns, x.q, x.clause
		return q.base == "所" && hasAtSpaced(ns, q.after, "示") || q.base == "人" && hasAt(ns, q.b, "员") || partsOfWhole(ns, q, clause) ||
			q.base == "部" && hasAt(ns, q.b, "分") // (由…两部分构成: 部分, not a count in 部)
	}},
	// the base of a growth (以…3000名为基数)
	{name: "the base of a growth", baseline: growthBase, match: func(x *at) bool {
		ns, q := x.ns, x.q
		return baseOf(ns, q)
	}},
	// a number in the title of a document (《关于建设100个…的意见》)
	{name: "in a document's title", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return inBookTitle(ns, q.a)
	}},
	// the parts of a name spelt out in brackets: “1+3+N”的平台体系
	// (即1个省级、3个区域分平台…); a name's numeral read back (“3”即…
	// 3项普惠政策), what one unit is worth (1 EFLOPS 约为5台…: indicator_gloss.go)
	{name: "in a gloss", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return inGloss(ns, q.a) || numeralSpelt(ns, q) || unitGloss(x.clause)
	}},
	// the count of categories just listed (企业、行业、城市五类)
	{name: "the categories just listed", match: func(x *at) bool {
		q, clause := x.q, x.clause
		// (…等不少于8类场景: a floor, more than the ones named; tune32-P)
		return (q.base == "类" || q.base == "种") && strings.Contains(clause, "、") && !(x.before("等") && (q.cmp == ">=" || q.cmp == ">")) &&
			(q.cn || !x.before("、") && !strings.Contains(clause, "分别") && !afterVerb(x)) || // (…50家、80类; A、B分别达到300种、30个; …、推广80类: a list of counts; but 两个市场、两种资源)
			(q.base == "类" || q.base == "种") && q.cn && q.cmp == "=" && strings.ContainsAny(clause, "和及") // (家庭农场和农民合作社两类经营主体; tune30)
	}},
	// the count of the plan's own parts (开展十项行动, 推进三项改革),
	// like 六大工程: how the plan is organised, not a result
	{name: "the plan's own parts", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.cn && q.cmp == "=" && q.value*q.mult <= 20 && planPart(ns, q.after)
	}},
	// the articles of a policy, its name (人才新政20条), not a count
	// the plan commits to
	{name: "a policy's articles", match: func(x *at) bool {
		ns, q, cs := x.ns, x.q, x.cs
		return q.base == "条" && q.cmp == "=" && (has(string(ns[max(cs, q.a-2):q.a]), []string{"新政", "政策", "措施", "举措", "意见", "办法", "细则"}) ||
			endsAt(ns, q.a, "新") && (q.b == len(ns) || !isHan(ns[q.b]))) // (落实…民间投资新36条: the name of a set of rules; tune32-P)
	}},
	// a figure in a note in brackets that says what a thing is
	// (建设大学科技园(园区面积2000亩)), not what is to be done
	{name: "a note in brackets", match: func(x *at) bool {
		ns, q, cs := x.ns, x.q, x.cs
		return bracketNote(ns, q, cs) && !sloganSpelt(ns, q)
	}},
	// a figure in brackets: a weight, a note (日常监测(60%))
	{name: "a figure in brackets", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return x.before("(") && q.after < len(ns) && ns[q.after] == ')' && !titleQuota(ns, q, x.cs)
	}},
	// inside a quoted name or slogan (“以三个自贸区块为…”), or a
	// bare magnitude naming a class (百亿元产业集群)
	{name: "quoted, or a magnitude naming a class", match: func(x *at) bool {
		ns, q, clause := x.ns, x.q, x.clause
		return quoted(ns, q.a) && !(x.before("“") && !q.cn && !namesPart(ns, q.a)) && !quotedGoal(ns, q) ||
			q.cn && (ns[q.a] == '百' || ns[q.a] == '千') && !isCNDigit(ns[q.a+1]) && q.beforeCmp == q.a && !endsAt(ns, q.a, "达到") && !bareCount(ns, q, clause) && !magnitudeLevel(ns, q) &&
				!hasAt(ns, q.a, "百分之") && !hasAt(ns, q.a, "千分之") // (百分之九十五以上的行政村…: a share written out, no 百 of a class; grid4)
	}},
	// a slogan (“四个服务”), the word 一 (一批, 一次性), batches a work is
	// split in or at most (分两批, 最多不超过六批; but 遴选二十批 counts them), a few times
	// (两次, 三次分配; but 举办一百次 counts them) or a session's number
	// (十二届十次全会), a phase (二期),
	// an adjective (一次性), the name of one of a list of things
	// (高山滑雪、冬季两项、速度滑冰); not a number with a fraction
	// (一点四五吨标准煤; tune41-T)
	{name: "a slogan, the word 一, a phase, an adjective", match: func(x *at) bool {
		ns, q := x.ns, x.q
		if roundPerPeriod(x) {
			return false // (每两年举办一期…评选: a round held every two years, counted as 一次 is; tune39-T)
		}
		return q.cn && (x.before("“") || x.before("\"") || q.value*q.mult < 2 && q.value == math.Trunc(q.value) && !(q.base == "次" && x.per != nil) && q.base != "倍" && q.base != "番" && q.base != "‰" && !leastOne(q) && !pointChanged(ns, q) && !oneCounted(ns, q, x.clause) ||
			q.base == "期" || q.base == "张" || q.base == "批" && (q.value*q.mult < 3 || x.before("分") || q.cmp == "<=" || q.cmp == "<") || q.base == "次" && x.per == nil && (q.value*q.mult < 10 || sessionNumber(ns, q))) ||
			q.b < len(ns) && ns[q.b] == '性' || q.cn && q.cmp == "=" && nameInList(ns, q)
	}},
	// a qualifier: 1亿元以上的企业, 20万人口以上的县, 千亿级 (but 90%的企业 is a share, and
	// 达到万辆级规模 a class reached; 8MW以上等级 a rating)
	{name: "a qualifier", match: func(x *at) bool {
		ns, q, clause := x.ns, x.q, x.clause
		return q.after < len(ns) && ns[q.after] == '的' && (q.after > q.b && !(q.base == "%" && actedOn(ns, q)) || q.base != "%") && !namedGoal(ns, q) && !sizeOfMade(ns, q, clause) && !sizeReached(ns, q) && !capabilityHeld(ns, q) && !teamOfSize(ns, q) && !shareDoing(ns, q) && !madeCount(ns, q) && !totalOf(ns, q) && !boundAchieved(ns, q) && !namedListEnd(ns, q) &&
			!rateValue(ns, q) && !serviceCount(ns, q) && !invitedCount(ns, q) && !leastTimeEach(x) || q.b < len(ns) && ns[q.b] == '级' && !q.class ||
			q.after > q.b && (hasAt(ns, q.after, "级") || hasAt(ns, q.after, "等级")) || populationClass(ns, q)
	}},
	// a subsidy or reward, not a commitment of the plan
	{name: "a subsidy or reward", match: func(x *at) bool {
		ns, q, clause, cs := x.ns, x.q, x.clause, x.cs
		return (x.params && has(strings.ReplaceAll(string(ns[cs:clauseEnd(ns, q.after)]), " ", ""), paramCues) ||
			upTo(strings.ReplaceAll(clause, " ", ""))) && moneyOrRate(q) && !raisedBy(ns, q) && !raisedStandard(ns, q, cs) && !allocation(ns, q, cs)
	}},
	// a cap per unit (每个学会每年最多支持3个项目), a rate or price
	// charged (担保费率不超过1%), a sum not to be exceeded (项目总经费
	// 不超过50万元): parameters of a policy, not its commitments
	{name: "a cap, a rate or price charged", match: func(x *at) bool {
		q, clause := x.q, x.clause
		return capPerUnit(clause, q) || x.params && (q.cmp == "<=" || q.cmp == "<") && has(strings.ReplaceAll(clause, " ", ""), paramCues) || moneyOrRate(q) && (chargedRate(clause) && !averageRateBrought(x.ns, q, clause) || rateNamedAfter(x.ns, q)) || priceCap(clause, q) ||
			moneyPerUnit(x.ns, q) ||
			q.base == "元" && (q.cmp == "<=" || q.cmp == "<") && !has(x.s, []string{"力争", "确保", "目标", "控制在", "压缩", "降低", "下降", "减少"}) &&
				!(hasAt(x.ns, q.after, "的") && sizeOfMade(x.ns, q, clause)) // (发放总规模不超过1亿元的消费券: the most the plan issues)
	}},
	// the rhythm of a procedure (每半年开展1次督查, 每月召开1次例会,
	// 中期开展1次评估), or once every so many days (保洁频率提升至15天完成1次
	// 全线机械清理: the days are the level; tune31): how the work is run, not a
	// count of results
	{name: "a procedure's rhythm", match: func(x *at) bool {
		ns, q, clause := x.ns, x.q, x.clause
		return procedureRhythm(ns, q, clause) || onceEvery(ns, q, x.cs)
	}},
	// a rhythm of work closing its clause (每年评审一次), not a count
	// of events (每两年举办一次科普讲解大赛)
	{name: "a rhythm of work", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.cn && q.base == "次" && q.value <= 2 && x.per != nil && q.after == clauseEnd(ns, q.after)
	}},
	// a least period a procedure takes (公示期不少于5个工作日); an upper
	// bound is a goal of speed (控制在5个工作日以内)
	{name: "a least period", match: func(x *at) bool {
		ns, q := x.ns, x.q
		return q.base == "个" && (q.cmp == ">=" || q.cmp == ">") && (hasAt(ns, q.after, "工作日") || hasAt(ns, q.after, "月") || hasAt(ns, q.after, "星期"))
	}},
	// the threshold of a measure (对研发投入超过1000万元的企业，给予…)
	{name: "a measure's threshold", match: func(x *at) bool {
		ns, q, cs := x.ns, x.q, x.cs
		return x.params && conditional(ns, q, cs)
	}},
	// (按合同金额的30%, 按100%加计扣除: a rate applied, not reached)
	// a threshold of eligibility (注册资本不低于100万元), not a goal
	{name: "eligibility, a rate applied", match: func(x *at) bool {
		ns, q, clause := x.ns, x.q, x.clause
		return moneyOrRate(q) && eligible(x.s) && !x.goal ||
			moneyOrRate(q) && strings.Contains(clause, "按") && x.before("的") || moneyOrRate(q) && (x.before("按") || x.before("按照")) && !arranged(ns, q) && !shareBuilt(ns, q)
	}},
	// a baseline the quantity is (由目前的10座增加到20座, 从2025年的…)
	{name: "a baseline (由…, 从…)", baseline: fromBase, match: func(x *at) bool {
		ns, q := x.ns, x.q
		return x.beforeSpaced("由") && !strings.Contains(string(ns[q.after:clauseEnd(ns, q.after)]), "组成") || x.beforeSpaced("从") ||
			fromNear(ns, q.a) && (reFromYear.MatchString(string(ns[max(0, q.a-10):q.a])) || reFromNow.MatchString(string(ns[max(0, q.a-8):q.a])) || reFromPer.MatchString(string(ns[max(0, q.a-4):q.a])))
	}},
	// what the plan builds on (在…等10个重点领域…的基础上，…): the phrase's
	// quantities, not its targets (tune48-T)
	{name: "what the plan builds on (在…基础上)", match: func(x *at) bool { return buildsOn(x.ns, x.q, x.cs) }},
}

var (
	reFromYear = regexp.MustCompile(`[由从]20\d\d年(?:的|底)?$`)
	reFromNow  = regexp.MustCompile(`[由从](?:目前|现在|现有|当前|原有|去年|上年)的?$`)
	// a rate's level it starts from (从每小时8万方提高到10万方)
	reFromPer = regexp.MustCompile(`[由从](?:每(?:小时|天|日|月|年)|人均|年均)$`)
)

// fromNear reports 由 or 从 in the ten runes before a: the regexps of a
// baseline are tried only then (a string per quantity otherwise).
func fromNear(ns []rune, a int) bool {
	for k := max(0, a-10); k < a; k++ {
		if ns[k] == '由' || ns[k] == '从' {
			return true
		}
	}
	return false
}

// afterVerb reports a quantity right after a verb of the grammar's of two
// runes or more (推广80类): what the verb makes.
func afterVerb(x *at) bool {
	for _, v := range verbs {
		if len(v) > 3 && x.before(v) {
			return true
		}
	}
	return false
}

// reachWords raise a level to a value (提升至2000万).
var reachWords = []string{"达到", "提升至", "提升到", "提高至", "提高到", "增至", "增加到", "增加至", "增长到", "增长至", "扩大到", "扩大至"}

// reachedBare reports a bare count as the value a comparison reaches: after
// a word of reaching, or an item of the values a 分别 lists (…分别达到10000P、
// 2000万).
func reachedBare(x *at) bool {
	for _, w := range reachWords {
		if endsAt(x.ns, x.q.a, w) {
			return true
		}
	}
	return x.before("、") && strings.Contains(x.s, "分别")
}

// notTargetOf is the first rule of notTargets that matches x, or nil.
func notTargetOf(x *at) *notTarget {
	for i := range notTargets {
		if notTargets[i].match(x) {
			return &notTargets[i]
		}
	}
	return nil
}

// growthBase is the quantity as the base of a growth (以…3000名为基数).
func growthBase(x *at) *Baseline { return &Baseline{Value: x.q.value * x.q.mult} }

// fromBase is the quantity as the value a change starts from, with the
// year it is of when one stands just before it (由2025年的10座增加到20座).
func fromBase(x *at) *Baseline {
	q, ns := x.q, x.ns
	b := &Baseline{Value: q.value * q.mult}
	if m := reYear.FindStringSubmatch(string(ns[max(0, q.a-10):q.a])); m != nil {
		b.Year, _ = strconv.Atoi(m[1])
	}
	return b
}

// baseOf reports a quantity named as the base of a growth (以…3000名为基数).
func baseOf(rs []rune, q quantity) bool {
	for _, w := range []string{"为基数", "为基准", "为基期", "为基础"} {
		if hasAt(rs, q.after, w) {
			return true
		}
	}
	return false
}

// areaUnit reports a unit of area (平方公里, 亩, 公顷 …).
func areaUnit(base string) bool {
	return base == "平方公里" || base == "平方千米" || base == "亩" || base == "公顷" || base == "平方米"
}
