package plan

import "strings"

// What the counts of a province's government work report name (D106): the
// units its work backs or keeps going, the plan's own parts and indicators,
// set phrases and definitions; indicator_report_sizes.go reads the sizes,
// those served, places and totals, indicator_report.go the structure.

// ownIndicators reports the count of the plan's own indicators (提出21个主要
// 指标, 包括13个预期性指标、8个约束性指标, 设置30项指标): how the plan is
// built, like its parts (planPart), not a result to reach.
func ownIndicators(ns []rune, q quantity) bool {
	if q.cmp != "=" || q.base != "个" && q.base != "项" && q.base != "类" {
		return false
	}
	j := q.after
	for _, w := range []string{"主要", "核心", "关键", "重点", "量化", "具体", "预期性", "约束性", "指导性"} {
		if hasAt(ns, j, w) {
			j += len([]rune(w))
			break
		}
	}
	if hasAt(ns, j, "指标") {
		return true
	}
	// (其中预期性指标19项、约束性指标9项: the noun before the count)
	for _, w := range []string{"预期性指标", "约束性指标", "主要指标", "指导性指标"} {
		if endsAt(ns, q.beforeCmp, w) {
			return true
		}
	}
	return false
}

// divisionOf reports a count after a 分 that opens its clause (分13个领域
// 细化任务, 分三个阶段推进, 分两批实施): how the work is divided, not
// what it makes.
func divisionOf(ns []rune, q quantity, cs int) bool {
	i := q.beforeCmp - 1
	for i > cs && ns[i] == ' ' {
		i--
	}
	if i < cs || ns[i] != '分' {
		return false
	}
	j := i - 1
	for j >= cs && ns[j] == ' ' {
		j--
	}
	return j < cs
}

// formulaNouns follow a small count in the set phrases of political
// texts (胸怀两个大局, 做到两个维护, 两个毫不动摇, 调动两个积极性, 四个意识):
// a phrase named by its count.
var formulaNouns = []string{"大局", "确立", "维护", "毫不动摇", "结合", "积极性", "意识", "自信", "务必", "先行", "一百年", "百年", "文明", "主线", "底线", "市场", "补贴"}

// formula reports a small count in Chinese numerals followed by a noun of
// formulaNouns (两个市场, 两条底线, 三条主线, 残疾人两项补贴).
func formula(ns []rune, q quantity) bool {
	if q.value == 56 && q.mult == 1 && q.base == "个" && hasAt(ns, q.after, "民族") {
		return true // (56个民族共同团结奋斗: the nation's peoples; tune32-P)
	}
	if q.cn && q.value*q.mult <= 10 && q.base == "种" && hasAt(ns, q.after, "资源") && (endsAt(ns, q.a, "市场") || endsAt(ns, q.a, "市场、")) {
		return true // (用好两个市场两种资源: the second half of the set phrase 两个市场 opens; tune43-T)
	}
	if !q.cn || q.value*q.mult > 10 || q.base != "个" && q.base != "条" && q.base != "项" {
		return false
	}
	for _, w := range formulaNouns {
		if hasAt(ns, q.after, w) {
			return true
		}
	}
	return false
}

// supportVerbs back or strengthen what already exists (支持15个集聚区,
// 做优做强5个集群, 巩固提升80万亩基地); not when they follow a verb of
// making (培育壮大12个集群 makes them).
var supportVerbs = []string{"支持", "做优做强", "做强做优", "做强", "做优", "壮大", "巩固提升", "巩固", "提升", "建强"}

// unitNouns are the units a province designates and then backs: counties,
// clusters, zones, carriers, bases, industrial chains.
var unitNouns = []string{"县", "集群", "集聚区", "载体", "基地", "产业链", "开发区", "园区"}

// supportedUnits reports a count right after a verb of support whose noun is
// a designated unit (支持29个扩权赋能县, 做优做强5个国家先进制造业集群,
// 重点支持20个县, 壮大13条重点产业链): the units a measure covers, which
// exist already — proposed, not asserted. A count with a bound or a range
// (支持不少于100个团队, 做强做优1—2个主导产业) is a goal.
func supportedUnits(ns []rune, q quantity, cs int) bool {
	if q.cmp != "=" || moneyOrRate(q) {
		return false
	}
	verb := false
	for _, v := range supportVerbs {
		if endsAt(ns, q.a, v) && !endsAt(ns, q.a, "培育"+v) && !endsAt(ns, q.a, "发展"+v) && !endsAt(ns, q.a, "改造"+v) && !endsAt(ns, q.a, "新建"+v) {
			verb = true
			break
		}
	}
	if !verb && endsAt(ns, q.beforeCmp, "等") {
		// (做强生物医药等3个国家级集群: the verb opens the list)
		head := strings.TrimLeft(string(ns[cs:q.beforeCmp]), " ")
		for _, v := range supportVerbs {
			verb = verb || strings.HasPrefix(head, v) || strings.HasPrefix(head, "重点"+v)
		}
	}
	if !verb && (endsAt(ns, q.beforeCmp, "和") || endsAt(ns, q.beforeCmp, "及")) {
		// (提升三个产业基地和22个产业集群的科技含量: the verb governs both)
		head := string(ns[cs:q.beforeCmp])
		for _, v := range supportVerbs {
			verb = verb || strings.Contains(head, v) && !strings.Contains(head, "培育"+v) && !strings.Contains(head, "新建"+v)
		}
	}
	if !verb {
		return upgraded(ns, q)
	}
	noun := string(ns[q.after:min(clauseEnd(ns, q.after), q.after+16)])
	if i := strings.IndexAny(noun, "、（("); i >= 0 {
		noun = noun[:i]
	}
	for _, w := range unitNouns {
		if strings.Contains(noun, w) {
			return true
		}
	}
	// a unit a higher level designated (支持3个国家级保种场, 建强2个国家级…)
	return strings.HasPrefix(noun, "国家级") || strings.HasPrefix(noun, "省级") || strings.HasPrefix(noun, "国家")
}

// upgradeWords close a clause that brings what exists to a higher level
// (提质升级, 提档升级, 高质量发展).
var upgradeWords = []string{"提质升级", "提档升级", "提质增效", "转型升级", "扩容提质", "高质量发展", "提能升级"}

// upgraded reports a count after 推动 or 推进 whose clause goes on to
// upgrade what it counts (推动7个国家物流枢纽、4个冷链物流基地提质升级,
// 推动69家省级共享农庄提档升级, 推动3个综保区高质量发展): units that exist.
func upgraded(ns []rune, q quantity) bool {
	ce := clauseEnd(ns, q.after)
	if !has(string(ns[q.after:ce]), upgradeWords) {
		return false
	}
	i := itemStart(ns, q.beforeCmp)
	head := string(ns[clauseStart(ns, q.a):q.beforeCmp])
	return endsAt(ns, q.beforeCmp, "推动") || endsAt(ns, q.beforeCmp, "推进") ||
		i > 0 && ns[i-1] == '、' && (strings.Contains(head, "推动") || strings.Contains(head, "推进")) ||
		endsAt(ns, q.beforeCmp, "等") && (strings.HasPrefix(strings.TrimSpace(head), "推动") || strings.HasPrefix(strings.TrimSpace(head), "推进"))
}

// underWay reports a count of projects the work keeps going (加快建设6个
// 仓储设施项目, 加快推进6个养殖重点项目建设, 抓好4个在建抽水蓄能项目建设,
// 加快推进A、B等12个项目建设, 加快6个抽水蓄能电站建设; tune43-T): what is
// under way, proposed — unlike the year's list it starts (开工重点项目2000个,
// 抓好629个省级重点工程项目).
func underWay(ns []rune, q quantity, cs int) bool {
	if q.cmp != "=" || moneyOrRate(q) {
		return false
	}
	ce := clauseEnd(ns, q.after)
	rest := string(ns[q.after:ce])
	if strings.Contains(rest, "在建") || strings.Contains(rest, "续建") {
		return true // (抓好6条续建高铁建设, 加快2条在建国际海缆)
	}
	head := string(ns[cs:q.a])
	if has(head, []string{"开工", "建成", "竣工", "投产", "新建", "新增", "谋划", "储备", "立项"}) {
		return false
	}
	if strings.Contains(head, "推进") && strings.HasSuffix(strings.TrimSpace(rest), "建设") && has(rest, []string{"区", "园", "项目", "工程"}) {
		return true // (推进3个未来产业先导区、6个加速园建设)
	}
	if !has(rest, []string{"项目", "工程", "铁路", "公路", "基地", "电站"}) {
		return false
	}
	keep := []string{"加快建设", "加快推进", "加快实施", "推进实施", "续建"}
	if has(head, keep) || strings.Contains(head, "加快") && strings.Contains(rest, "建设") {
		return true
	}
	// a clause of names with no verb of its own goes on with the verb an
	// earlier clause of the sentence opened (加快A、B等6条高铁，C、D等17条
	// 高速公路)
	return !has(head, verbs) && strings.Contains(head, "等") && strings.Contains(string(ns[max(0, cs-120):cs]), "加快")
}

// pilotsPushed reports a count of pilots or demonstration sites whose
// building the work pushes on (推动16个市级试点区建设, 推进A、B等5个国家
// 示范基地建设), outside the plan's goals: designated units the plan
// carries on, as the labellers read them (NOTES13, NOTES15) — proposed. One
// the clause makes (新建, 创建, 培育…) or bounds (不少于10个) is a goal.
func pilotsPushed(ns []rune, q quantity, cs int) bool {
	if q.cmp != "=" || moneyOrRate(q) {
		return false
	}
	end := clauseEnd(ns, q.after)
	for end > q.after && strings.ContainsRune(" 。；，,;", ns[end-1]) {
		end--
	}
	if !endsAt(ns, end, "建设") || !hasIn(ns, q.after, end, "试点") && !hasIn(ns, q.after, end, "示范") ||
		!hasIn(ns, cs, q.a, "推进") && !hasIn(ns, cs, q.a, "推动") {
		return false
	}
	return !has(string(ns[cs:q.a]), []string{"新建", "建成", "创建", "培育", "打造", "新增", "开工", "遴选", "认定"})
}

// defines reports a sentence that explains a term (“双千”计划是指…实施千项
// 合作项目, “六横”指六个横向输水大动脉): a glossary's, whose figures say
// what the term means, not what this year will do — proposed.
func defines(s string) bool {
	return strings.Contains(s, "是指") || strings.Contains(s, "”指") || strings.Contains(s, "”：是")
}

// fieldsListed reports the count of the fields just listed (抓好工业等17个
// 领域碳达峰工作): where the work reaches, named, not a result.
func fieldsListed(ns []rune, q quantity) bool {
	return q.cmp == "=" && endsAt(ns, q.beforeCmp, "等") && hasAt(ns, q.after, "领域")
}

// oneOf reports a count a thing is one of (确定为试点的4个省份之一): the
// size of a group named, no target.
func oneOf(ns []rune, q quantity) bool {
	end := min(clauseEnd(ns, q.after), q.after+12)
	for j := q.after; j < end; j++ {
		if ns[j] == '。' || ns[j] == '、' {
			return false
		}
		if hasAt(ns, j, "之一") {
			return true
		}
	}
	return false
}

// ownParts reports the count of the plan's own measures or of the year's
// list of things done for the people in digits (实施稳经济30项举措, 100项提升
// 举措, 办好30项民生实事, 15件市级重点民生实事, 30项为民办实事项目, 以下8个
// 方面主要目标, 12条举措, 3件事): the shape of the plan, like 十项行动 in
// Chinese numerals (planPart).
func ownParts(ns []rune, q quantity) bool {
	if q.cmp != "=" || q.value*q.mult > 200 || q.base != "项" && q.base != "条" && q.base != "件" && q.base != "个" {
		return false
	}
	if q.base == "件" && hasAt(ns, q.after, "事") {
		return true // (抓好A、B和C3件事)
	}
	for k := 0; k <= 4 && q.after+k < len(ns); k++ {
		for _, w := range []string{"举措", "措施", "民生实事", "实事", "为民办实事", "方面"} {
			if hasAt(ns, q.after+k, w) && !strings.ContainsAny(string(ns[q.after:q.after+k]), "，、。；和与及") {
				return true
			}
		}
	}
	return false
}
