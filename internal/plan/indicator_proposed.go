package plan

import "strings"

// candidate decides whether a target is only proposed (for the reviewer
// to accept) rather than asserted: it states the past, no verb or goal
// governs it (nor the list of targets whose item it is, after a ;), its
// clause is dated before the plan, a rule of proposals matches it (or the
// one that read the item before it in its list), its number was read past
// a lost decimal point, it is the kinds a subsidy covers, or the document
// reports what was done (a 通报).
func (x *at) candidate(ind *Indicator, clauseDeadline *int) bool {
	q, ns, clause, c := x.q, x.ns, x.clause, x.c
	governed := ind.Comparator != "=" || c.goalSection || c.partsOf || c.listItem || budgetFigure(ns, q) || pilotSize(ns, q) || x.listed || x.goal || has(clause, verbs) || has(string(ns[q.after:clauseEnd(ns, q.after)]), verbs) ||
		introduced(ns, x.cs) || summed(ns, x.cs) || included(ns, q, x.cs) || endsAt(ns, q.beforeCmp, "到") || endsAt(ns, q.beforeCmp, "至") || servedCount(ns, q) || totalClause(ns, q, x.cs) ||
		projectsCounted(x) || // (…项目共100项: the plan's projects summed, indicator_forecast.go)
		shareTaken(ns, q) // (将75%的降雨就地消纳: indicator_share_built.go)
	// a clause with a deadline of its own in the plan's years looks
	// ahead even in a sentence that starts from where things stand
	ahead := ind.DeadlineYear != nil && c.planStart != nil && *ind.DeadlineYear >= *c.planStart && clauseDeadline != nil
	// a clause dated before the plan starts states where things stood
	// (…增加到2025年的120个 in a plan of 2026–2030)
	dated := c.planStart != nil && ind.DeadlineYear != nil && *ind.DeadlineYear < *c.planStart && *ind.DeadlineYear >= 2000
	by := proposedBy(x)
	if by == "" && x.itemOf != "" && x.prev == x.itemEnd && nextItem(ns, x.itemEnd, q.a) {
		by = x.itemOf // (支持3个国家级保种场、2个国家级核心育种场: the list's items are read alike; tune30)
	}
	x.itemOf, x.itemEnd = by, q.after
	unsure := by != ""
	// the kinds a subsidy covers (家电补贴由8类扩围至12类): a scope of
	// a measure, proposed
	scope := (q.base == "类" || q.base == "种") && has(string(ns[x.cs:clauseEnd(ns, q.after)]), []string{"补贴", "补助", "奖补", "资助", "奖励"})
	// a point read through the glyph the whole document writes its
	// decimal points with is no guess (pointGlyph)
	lost := q.unsure && (q.glyph == 0 || q.glyph != c.point)
	// (a forecast part's sentence of what the plan builds is the plan's own)
	own := c.past && c.forecast && plansOwn(x)
	return x.statesPast() && !(ahead && !c.past) && !own || !governed || dated || unsure || lost || scope || c.report
}

// nextItem reports the text between two quantities, from 'from' to 'to', as
// the rest of one item of a list and the joint to the next (国家级保种场、):
// a noun and 、 (or 和, 及 closing it), no verb, no clause's break.
func nextItem(ns []rune, from, to int) bool {
	between := strings.TrimRight(string(ns[from:to]), " ")
	if !strings.HasSuffix(between, "、") && !strings.HasSuffix(between, "和") && !strings.HasSuffix(between, "及") {
		return false
	}
	return !strings.ContainsAny(between, "，,;；:：。") && !has(between, verbs)
}

// statesPast reports a target of a section about the past, or of a
// sentence that speaks of the past by a year before the plan or by a word
// of the past that reaches it: a word after the quantity's clause (…控制在
// 3%左右，考虑了去年…) does not reach back to it, nor to one whose
// comparator of its own states a goal; and a sentence that names what
// exists only to build on it (在已建成120个…的基础上，再新建50个; 由目前的
// 10座增加到20座; 去年…，今年要…增长10%) looks ahead in its new clause.
func (x *at) statesPast() bool {
	q, ns, c := x.q, x.ns, x.c
	cue := x.byCue && (has(pastCueText(string(ns[:clauseEnd(ns, q.after)])), pastCues) || q.cmp == "=")
	return (c.past || cue || x.byYear) && !(cue && !x.byYear && !c.past && (freshClause(ns, q, x.cs) || thisYear(x.clause, c) != nil && !strings.Contains(x.clause, "已") ||
		aheadOpening(ns) && !has(string(ns[x.cs:clauseEnd(ns, q.after)]), pastCues)))
}

// aheadOpenings open a sentence about what is to be done from now on.
var aheadOpenings = []string{"今后", "下一步", "下一阶段", "未来"}

// aheadOpening reports a sentence that opens by looking ahead (今后一个时期，
// 着重解决好现有…问题，促进约1亿人…): a word of what exists in another
// clause names the problem to be solved, not where things stand, so it does
// not reach the quantities of the clauses without one.
func aheadOpening(ns []rune) bool {
	i := 0
	for i < len(ns) && ns[i] == ' ' {
		i++
	}
	for _, w := range aheadOpenings {
		if hasAt(ns, i, w) {
			return true
		}
	}
	return false
}

// proposal is a named reason a target is proposed, not asserted.
type proposal struct {
	name  string
	match func(x *at) bool
}

// proposedBy is the name of the first proposal that matches x, or "".
func proposedBy(x *at) string {
	for i := range proposals {
		if proposals[i].match(x) {
			return proposals[i].name
		}
	}
	return ""
}

// proposals are what a text proposes rather than commits to, read in
// order (the first that matches decides): indicator_condition.go,
// indicator_budget.go and indicator_reject_*.go hold their predicates.
var proposals = []proposal{
	{"a condition outside a subsidy sentence", func(x *at) bool { return conditional(x.ns, x.q, x.cs) }},
	{"a rule for each applicant", func(x *at) bool { return perApplicant(x.clause, x.q) && !raisedStandard(x.ns, x.q, x.cs) }},
	{"a change beside the level it changes", func(x *at) bool { return changeBesideLevel(x.ns, x.q, x.cs, x.prev) }},
	{"a fund a word of subsidy names", func(x *at) bool {
		return subsidyFund(x.ns, x.q, x.cs) && (!x.c.annual || has(x.s, []string{"给予", "奖励", "奖补", "予以"}))
	}},
	{"what already exists", func(x *at) bool { return existingBefore(x.ns, x.cs, x.q.a) }},
	{"a sum restated", func(x *at) bool { return restated(x.ns, x.q) }},
	{"the total of the names listed", func(x *at) bool { return listTotal(x.ns, x.q, x.cs) }},
	{"a rate reasoned about", func(x *at) bool { return rateDiscussed(x.ns, x.q) }},
	{"a policy named by its figure", func(x *at) bool { return namesPolicy(x.ns, x.q) }},
	{"a population", func(x *at) bool { return population(x.ns, x.q, x.cs) }},
	{"about so many people, outside the goals", func(x *at) bool { return aboutPeople(x.ns, x.q, x.cs) && !x.goal && !x.c.goalSection }},
	{"a level stated with 为, outside the goals", func(x *at) bool {
		// (but the total an annual plan's budget gives, 支持总额为…亿元, is set
		// by it)
		return stated(x.ns, x.q, x.clause) && !x.goal && !x.c.goalSection && !(x.c.annual && x.q.base == "元" && (x.before("总额为") || x.before("总规模为"))) && !forWhom(x.ns, x.q)
	}},
	// a ring named by its latency (1毫秒、3毫秒时延圈), or a network
	// (1ms时延城市算力网): the name of the network's design or the bound it
	// commits to; the reviewer decides
	{"a ring named by its latency", func(x *at) bool {
		ns, q := x.ns, x.q
		return (q.base == "毫秒" || q.base == "ms") && (strings.ContainsRune(string(ns[q.b:clauseEnd(ns, q.b)]), '圈') || latencyNamed(ns, q))
	}},
	// a doubling (比2020年翻一番): a goal or a hope; labellers of the
	// national plans counted it, of the modern ones not; the reviewer decides
	{"a doubling", func(x *at) bool { return x.q.base == "番" }},
	{"a rank", func(x *at) bool { return (x.q.base == "名" || x.q.base == "位") && x.beforeSpaced("前") }}, // (前 30 位: a PDF's spaces; tune38-T)
	// a room by its beds (2人间), a forum by its members (青年50人论坛): a
	// name, not a count (tune32-P)
	{"a room or a forum named by its people", func(x *at) bool {
		return x.q.base == "人" && x.q.mult == 1 && (hasAt(x.ns, x.q.b, "间") || hasAt(x.ns, x.q.b, "论坛"))
	}},
	{"a size before its noun", func(x *at) bool { return sizeBeforeNoun(x.ns, x.q) }},
	{"a round size class before its noun", func(x *at) bool { return roundSizeClass(x.ns, x.q) }},
	{"a count inside what a later count counts", func(x *at) bool { return countInQualifier(x.ns, x.q) }},
	{"what a sentence opening with its condition grants", func(x *at) bool { return x.consequence && moneyOrRate(x.q) }},
	{"what was done", func(x *at) bool { return doneAspect(x.clause) || doneAfter(x.ns, x.q) }},
	{"an area described", func(x *at) bool { return describedArea(x.ns, x.q, x.clause) }},
	{"a distance bounding a zone", func(x *at) bool { return zoneRadius(x.ns, x.q) }},
	{"a distance each site keeps, a cap per length", func(x *at) bool { return siteDistance(x.ns, x.q, x.cs) || capPerLength(x.ns, x.q, x.cs) }},
	{"what is in service", func(x *at) bool { return inService(x.ns, x.q, x.cs) }},
	{"a higher level's task, noted", func(x *at) bool { return levelTask(x.ns, x.q) }},
	{"a bound for each unit of a measure", func(x *at) bool { return perUnitBound(x) }},
	{"the size of what a measure addresses", func(x *at) bool { return addressed(x.ns, x.q, x.cs) }},
	{"a project named by its size", func(x *at) bool { return namedBySize(x.ns, x.q) }},
	{"a product line named by its yearly output", func(x *at) bool { return namedByOutput(x.ns, x.q) }},
	{"a project named by its capacity", func(x *at) bool { return namedByCapacity(x.ns, x.q) }},
	{"a floor for each event", func(x *at) bool { return floorEach(x.q, x.clause) }},
	{"a floor for each person", func(x *at) bool {
		q := x.q
		return (q.cmp == ">=" || q.cmp == ">") && has(x.clause, []string{"每人", "每名", "人均每年"}) && !moneyOrRate(q)
	}},
	{"a name said three times", func(x *at) bool { return x.c.names[namedKey(x.ns, x.q)] >= 3 }},
	{"a change the plan permits (可降低至)", func(x *at) bool { return permitted(x.ns, x.q) }},
	{"the parts of a total only forecast (预计约为…。其中，…)", func(x *at) bool { return x.c.partsGuess }},
	{"a bound only advised (不宜超过)", func(x *at) bool { return advised(x.ns, x.q) }},
	{"the spacing of what is laid out (按约2公里间距)", func(x *at) bool { return spacing(x.ns, x.q) }},
	{"the standard a measure applies", func(x *at) bool { return byStandard(x.ns, x.q, x.clause) }},
	{"the requirement a measure follows (按照…的…要求)", func(x *at) bool { return requiredBy(x.ns, x.q) }},
	// (the year's plan of a government, 预计全年为企业减负…, expects what its
	// own measures deliver: its commitment)
	{"a forecast (预计)", func(x *at) bool { return forecast(x.ns, x.q) && !x.c.annual }},
	{"an effect the plan expects (将可减少…)", func(x *at) bool { return expectedEffect(x.ns, x.q, x.cs) }},
	{"a choice each unit makes", func(x *at) bool { return eachChooses(x.ns, x.q) }},
	{"what another document requires, quoted", func(x *at) bool { return x.c.quoting || quotesDocument(x.ns, x.q) }},
	{"a count in brackets closing an item's title", func(x *at) bool { return titleQuota(x.ns, x.q, x.cs) }},
	{"a request", func(x *at) bool { return strings.Contains(x.s, "请求") }},
	{"a row of a register of projects", func(x *at) bool { return x.c.register }},
	// what the work backs (designated units, which exist already) or, in a
	// plan of one year, keeps going (a plan of several years builds what it
	// speeds up), a glossary's terms, set phrases (indicator_report.go)
	{"the units a measure backs", func(x *at) bool { return supportedUnits(x.ns, x.q, x.cs) }},
	{"projects under way", func(x *at) bool { return x.c.annual && underWay(x.ns, x.q, x.cs) }},
	{"pilots whose building is pushed on", func(x *at) bool { return !x.goal && !x.c.goalSection && pilotsPushed(x.ns, x.q, x.cs) }},
	{"a count naming the scope of an amount", func(x *at) bool { return scopeOfAmount(x.ns, x.q) }},
	{"a term defined", func(x *at) bool { return defines(x.s) && !glossBuilt(x.ns, x.q) }},
	{"a set phrase named by its count", func(x *at) bool { return formula(x.ns, x.q) }},
	{"what a term means (指…)", func(x *at) bool { return x.c.defining || termMeaning(x.ns, x.q) }},
	{"a note on how to read a table or the text (注：…)", inNote},
	{"how often something happened", func(x *at) bool { return eventCount(x.ns, x.q, x.clause) }},
	{"a rule in principle", func(x *at) bool { return strings.Contains(x.clause, "原则上") && !x.goal }},
	{"the places just listed", func(x *at) bool { return listedPlaces(x.ns, x.q, x.clause) }},
	{"a figure for each", func(x *at) bool { return eachSends(x.ns, x.q) && !madeEach(x.ns, x.q, x.cs) && !floorForEachPlace(x) }},
	// a clause after the first that names a five-year span ended before
	// the plan (夯实基础，“十四五”期间累计举办…: where things stand), as
	// one opening the sentence is (pastPeriod)
	{"a five-year span before the plan in its clause", func(x *at) bool {
		return x.c.spanEnded != nil && x.cs > 0 && pastPeriod(x.clause, *x.c.spanEnded)
	}},
	// (两个以上; but 不少于两所, a floor said before it, counts what the
	// plan builds unless a 的 makes it a qualifier: grid_rules_test.go)
	{"two or more", func(x *at) bool {
		return twoOrMore(x.q) && (x.q.beforeCmp == x.q.a || hasAt(x.ns, x.q.after, "的"))
	}},
	{"a floor of eligibility, outside the goals", func(x *at) bool {
		q := x.q
		return (q.cmp == ">=" || q.cmp == ">") && eligible(x.s) && !x.goal && !x.c.goalSection
	}},
	{"a ratio bounded against a base (比例不低于…的20%)", func(x *at) bool { return ratioOfBase(x.ns, x.q, x.cs) }},
	{"a standard each project or firm must meet", func(x *at) bool {
		q := x.q
		return x.standard && moneyOrRate(q) && (q.cmp == ">=" || q.cmp == ">") && !has(x.clause, []string{"达到", "提高", "提升", "增长", "增加", "突破", "超过", "实现"})
	}},
}

// introduced reports a clause that follows a colon closing a clause with a
// verb (打造人才梯队：百名领军人才、千名骨干人才): the list shares that verb.
func introduced(rs []rune, cs int) bool {
	if cs == 0 || rs[cs-1] != ':' && rs[cs-1] != '：' {
		return false
	}
	return has(string(rs[:cs-1]), verbs)
}

// included reports a count that closes an item of a clause opening with 包括
// after a clause with a verb (推出…文艺精品，包括文学作品30部、影视作品15部):
// the parts of what that verb makes, which it governs; a count before its
// noun (范围包括中心城区、12个乡镇) names a scope (tune30).
func included(rs []rune, q quantity, cs int) bool {
	k := cs
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if cs == 0 || !hasAt(rs, k, "包括") && !hasAt(rs, k, "包含") || q.after < len(rs) && !strings.ContainsRune("、。，,;；", rs[q.after]) {
		return false
	}
	return has(string(rs[:cs-1]), verbs)
}

// summed reports a clause that opens with the total of what the clauses
// before it do (实施…等工程，共42个项目; 实施…建设，主要为…等工程，共3个项目):
// their verb governs it.
func summed(rs []rune, cs int) bool {
	k := cs
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	if cs == 0 || !(hasAt(rs, k, "共") || hasAt(rs, k, "合计") || hasAt(rs, k, "总计")) || hasAt(rs, k, "共同") || hasAt(rs, k, "共享") || hasAt(rs, k, "共建") {
		return false
	}
	return has(string(rs[:cs-1]), verbs)
}
