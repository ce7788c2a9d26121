package plan

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Government work reports of a province as news sites publish them (D106,
// tune22): the shapes of a 政府工作报告 that the annual plans of D84–D87 did
// not show.

// reportHead is the lines a report's delivery date may stand on: the
// document's first lines, and the lines under its title wherever the title
// stands — a news page prints its buttons (下载, 打印, 【字号：, 加大 …) one a
// line above the title or between it and the date, so either may be the
// tenth line.
func reportHead(title string, lines []string) []string {
	head := lines[:min(len(lines), 6)]
	if title == "" {
		return head
	}
	for i, l := range lines[:min(len(lines), 40)] {
		if strings.Contains(l, title) {
			return append(head[:len(head):len(head)], lines[i+1:min(len(lines), i+14)]...)
		}
	}
	return head
}

// fiveYearDue is the last year of the five-year plan a sentence states
// goals for (“十五五”时期…年均增长5.5%, 到“十五五”末…, 十五五期间…): a
// report of the plan's first years sets the year's targets beside the
// five years', which are due at the span's end, not in the report's year.
// Only a span that has not ended before the plan starts and ends within
// its next five years; a span named as the year's place in it (“十五五”
// 开局之年) sets nothing.
func fiveYearDue(sent string, planStart *int) *int {
	if planStart == nil || !strings.Contains(sent, "五") {
		return nil // (a cheap test: every name holds 五)
	}
	for _, p := range fiveYearEnds {
		i := strings.Index(sent, p.name)
		if i < 0 || p.end < *planStart || p.end-*planStart > 4 {
			continue
		}
		rest := strings.TrimLeft(sent[i+len(p.name):], "”\"」 ")
		if has(rest[:min(len(rest), 9)], []string{"时期", "期间", "末"}) && !has(sent, []string{"开局", "起步之年", "首年", "第一年"}) {
			end := p.end
			return &end
		}
	}
	return nil
}

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

// actionOpeners open the heading of a part of the year's work (加快释放改革
// 开放成效, 持续提升…, 着力…): a task, though its words (成效, 成绩) are
// those of a review.
var actionOpeners = []string{"加快", "持续", "着力", "进一步", "全面", "不断", "扎实", "全力", "大力", "积极", "深入", "切实",
	"坚持", "聚焦", "加强", "强化", "提升", "提高", "增强", "推进", "推动", "促进", "释放", "突出", "奋力", "更好", "更大力度"}

// actionTitle reports a heading that opens with one of actionOpeners, after
// its number if it kept one — unless it names where things stand (全面把握
// 发展形势, 深入分析现状) or says what was achieved (持续推进…取得积极进展,
// a review's item): only the effect it is to bring (成效) is read as a task.
func actionTitle(t string) bool {
	if has(t, []string{"形势", "现状", "背景", "回顾", "总结", "情况", "基础", "问题", "挑战", "取得", "进展", "成绩", "成就"}) {
		return false
	}
	t = strings.TrimLeft(t, "（(一二三四五六七八九十0123456789)）、. ")
	for _, w := range actionOpeners {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// notPastCues takes out of s what only looks like a word of the past: 目前
// inside 项目前期 (做实重大项目前期工作), 现有 naming what the work changes
// (现有超载区逐步退出, 现有设施改造提升), and 已建成 between a count and its
// noun (5000个已建成自然村): the task is ahead.
func notPastCues(s string) string {
	if strings.Contains(s, "项目前") {
		s = strings.ReplaceAll(s, "项目前", "项前")
	}
	if strings.Contains(s, "现有") {
		s = reExistingChanged.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "已建成") {
		s = reCountedBuilt.ReplaceAllString(s, "$1")
	}
	return s
}

// reCountedBuilt is 已建成 between a count and its noun (改造提升超5000个已建成
// 自然村的污水设施): which of them the work changes, not what was done.
var reCountedBuilt = regexp.MustCompile(`(\d[个座家所处条])已建成`)

// reExistingChanged is 现有 and the noun a verb of change closes
// (现有超载区逐步退出, 现有产能有序淘汰).
var reExistingChanged = regexp.MustCompile(`现有[^，。；,;：:]{1,10}?(?:逐步|有序|全部|加快|依法)?(?:退出|淘汰|关停|改造|整合|升级|搬迁|拆除|整治|清理)`)

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
// 加快推进A、B等12个项目建设): what is under way, proposed — unlike the
// year's list it starts (开工重点项目2000个, 抓好629个省级重点工程项目).
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
	if !has(rest, []string{"项目", "工程", "铁路", "公路", "基地"}) {
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

// sizeNamed reports a count that names a kind of thing rather than
// counting it: a team size in a facility's name (3人制篮球场), a count
// of counts in quotes (“3个100万”), a bare magnitude naming what a count
// before it counts (1000个粮油千亩高产片).
func sizeNamed(ns []rune, q quantity, prev int) bool {
	if q.base == "人" && hasAt(ns, q.b, "制") {
		return true
	}
	if q.beforeCmp > 0 && ns[q.beforeCmp-1] == '“' && q.b < len(ns) && isDigit(ns[q.b]) {
		return true
	}
	if q.cn && (ns[q.a] == '百' || ns[q.a] == '千' || ns[q.a] == '万') && q.a+1 < len(ns) && !isCNDigit(ns[q.a+1]) && prev >= 0 && prev <= q.a && q.a-prev <= 6 {
		return !strings.ContainsAny(string(ns[prev:q.a]), "，,、。；;和及与")
	}
	return false
}

// madeEach reports a count for each of the kinds a verb of making lists
// (新建省重点实验室、省技术创新中心、省工程研究中心各20家): the target of
// each kind, not what each member sends (各派1名).
func madeEach(ns []rune, q quantity, cs int) bool {
	if q.beforeCmp < 1 || ns[q.beforeCmp-1] != '各' {
		return false
	}
	head := strings.TrimLeft(string(ns[cs:q.beforeCmp-1]), " ")
	if !strings.Contains(head, "、") {
		return false
	}
	for _, v := range []string{"新建", "建设", "建成", "培育", "打造", "认定", "创建", "新增", "布局", "组建", "争创"} {
		if strings.HasPrefix(head, v) {
			return true
		}
	}
	return false
}

// forWhom reports a 为 that names for whom the rest of the clause acts
// (为100所农村学校建设供暖设施, 为2万名老年人提供服务, 为60万名老年人免费
// 体检): a count of those served, no level stated — a verb of service
// after it, or a count of people or things with words of their own after it.
func forWhom(ns []rune, q quantity) bool {
	rest := string(ns[q.after:clauseEnd(ns, q.after)])
	return has(rest, []string{"提供", "建设", "配备", "安装", "改造", "发放", "开展", "实施", "配置", "新建", "建立", "落实"}) ||
		countWords[q.base] && len([]rune(strings.TrimSpace(rest))) >= 4
}

// servedCount reports a count after 为 that forWhom reads as those served:
// the clause's action governs it.
func servedCount(ns []rune, q quantity) bool {
	return endsAt(ns, q.beforeCmp, "为") && !endsAt(ns, q.beforeCmp, "作为") && forWhom(ns, q)
}

// placesBuilt reports a count of places a clause opening with 在 builds in
// (在30个县建设运营综合服务中心): how far the year's work reaches, a
// target — unlike the scope of a named place (在江城市三个区建成…).
func placesBuilt(ns []rune, q quantity, clause string) bool {
	if strings.TrimSpace(clause) != "在" || q.base != "个" {
		return false
	}
	rest := string(ns[q.after:clauseEnd(ns, q.after)])
	place := false
	for _, w := range []string{"县", "市", "区", "乡镇", "村", "社区", "园区"} {
		if strings.HasPrefix(rest, w) || strings.HasPrefix(strings.TrimLeft(rest, "重点脱贫欠发达山区农村"), w) {
			place = true
		}
	}
	return place && has(rest, []string{"建设", "建成", "新建", "打造", "设立", "开设", "布局"})
}

// peopleBefore reports a bare count in 万 right after the people it counts
// (新增人口100万, 县城新增常住人口50万): a headcount, read as a target.
func peopleBefore(ns []rune, q quantity) bool {
	return q.base == "" && q.mult >= 1e4 && (endsAt(ns, q.beforeCmp, "人口") || endsAt(ns, q.beforeCmp, "人口约"))
}

// schoolingYears reports a number of years that is an indicator's level,
// not a span (平均受教育年限提高到11.7年, 达11年): read with the unit 年.
func schoolingYears(rs []rune, a, j int, v float64) bool {
	if j >= len(rs) || rs[j] != '年' || v >= 100 {
		return false
	}
	before := string(rs[max(0, a-8):a])
	return strings.Contains(before, "年限") && has(before, []string{"提高到", "提高至", "提升到", "提升至", "达到", "达", "增加到", "增至"})
}

// ownObject reports a count followed by the noun it counts in its clause
// (新增4000个自然村通硬化路): an object of its own, not a change of the level
// before it (其中改造580万套，增加110万套).
func ownObject(ns []rune, q quantity) bool {
	return q.base != "" && !moneyOrRate(q) && q.after < clauseEnd(ns, q.after) && !strings.ContainsRune("。", ns[q.after])
}

// totalOf reports a sum given as the total of what a count after it counts
// (抓好总投资2万亿元的389个省重点项目): the programme's size, a target
// beside the count — not a size each thing must have (超10亿元企业20家).
func totalOf(ns []rune, q quantity) bool {
	if q.cmp != "=" && q.cmp != "~" || q.base != "元" {
		return false // (总投资10亿元以上的项目: a class's threshold)
	}
	a := q.beforeCmp
	for _, w := range []string{"总投资", "总投资额", "总规模", "总额"} {
		if endsAt(ns, a, w) || endsAt(ns, a, w+"约") || endsAt(ns, a, w+"达") {
			return true
		}
	}
	return false
}

// scopeOfAmount reports a count naming the scope of an amount its clause
// goes on to set (推动11个重点领域项目投资突破2000亿元): the amount is the
// target; the count says over what — proposed.
func scopeOfAmount(ns []rune, q quantity) bool {
	if !countWords[q.base] || q.cmp != "=" {
		return false
	}
	ce := clauseEnd(ns, q.after)
	for j := q.after; j < ce && j-q.after <= 16; j++ {
		if strings.ContainsRune("、的", ns[j]) {
			return false
		}
		if isDigit(ns[j]) {
			next, ok := readQuantity(ns, j)
			return ok && next.base == "元" && has(string(ns[q.after:j]), []string{"投资", "产值", "营收", "营业收入", "规模", "交易额", "销售额"})
		}
	}
	return false
}

// spanTitleDue is the year the targets of a part are due whose title names
// a five-year plan that ends after the plan, and its period or its goals
// (二、“十五五”时期主要目标任务 in the report of 2026): that span's last
// year. A review of it (“十四五”时期工作回顾), the year's work named by its
// place in the span (确保“十五五”开好局起好步, 2026年…), and a plan that runs
// to the span's end itself are left alone.
func spanTitleDue(title string, p Period) *int {
	if p.End == nil || !strings.Contains(title, "五") || pastTitle(title) ||
		!has(title, []string{"时期", "期间", "目标", "任务", "考虑", "规划", "末"}) ||
		has(title, []string{"开局", "开好局", "起步", "开端", "首年", "第一年", strconv.Itoa(*p.End) + "年"}) {
		return nil
	}
	for _, s := range fiveYearEnds {
		if s.end > *p.End && s.end-*p.End <= 5 && strings.Contains(title, s.name) {
			end := s.end
			return &end
		}
	}
	return nil
}

// levelReached reports a clause that states a level to reach or keep within
// (迈上3万亿元台阶, 能源消费总量控制在2.3亿吨标准煤左右, 生产能力达2亿吨):
// a level, not a yearly flow, though the sentence or its list opened with
// 年均 or 每年.
func levelReached(clause string) bool {
	return has(clause, []string{"迈上", "台阶", "控制在", "能力达"})
}

// levelItem reports an item of a list (after its 、) that states a level
// and names no period of its own (年均增长5%左右、迈上3万亿元台阶; not
// 年输送能力达到…, 每年控制在…).
func levelItem(item []rune) bool {
	for i, r := range item {
		if r != '迈' && r != '台' && r != '控' && r != '能' {
			continue
		}
		if hasAt(item, i, "迈上") || hasAt(item, i, "台阶") || hasAt(item, i, "控制在") || hasAt(item, i, "能力达") {
			return !slices.Contains(item, '年') // (年输送能力达到…: its own period)
		}
	}
	return false
}

// totalClause reports a clause that only totals what the clause before it
// does (资助残疾人大学生和困难家庭子女大学生，合计6300名): governed by that
// clause's verb.
func totalClause(ns []rune, q quantity, cs int) bool {
	c := strings.TrimSpace(string(ns[cs:q.beforeCmp]))
	if c != "合计" && c != "共计" && c != "总计" || cs < 1 {
		return false
	}
	return has(string(ns[clauseStart(ns, cs-1):cs-1]), verbs)
}

// reDeliveredCN is a report's delivery line with its date in Chinese
// numerals (——二〇二六年一月二十七日在…会议上).
var reDeliveredCN = regexp.MustCompile(`^[-—~\s(（]*([〇○零一二三四五六七八九]{4})\s*年\s*[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?\s*在.{2,40}(?:会议|大会)`)

// deliveredCN is the year of a delivery line dated in Chinese numerals.
func deliveredCN(l string) (int, bool) {
	m := reDeliveredCN.FindStringSubmatch(l)
	if m == nil {
		return 0, false
	}
	y := 0
	for _, r := range m[1] {
		d := slices.Index([]rune("〇一二三四五六七八九"), r)
		if r == '○' || r == '零' {
			d = 0
		}
		y = y*10 + d
	}
	return y, y >= 1990 && y <= 2100
}

// reviewOpens reports the first words of a report's review of the year
// before (2025年是“十四五”收官之年。一年来，…; 过去一年，…; 五年来，…):
// the part they open states what was done, whatever its title says
// (一、一年接着一年干，…持续取得新进展新成效).
func reviewOpens(text string, year int) bool {
	text = strings.TrimLeft(text, " \u3000")
	prev := strconv.Itoa(year - 1)
	for _, w := range []string{"一年来", "过去一年", "过去的一年", "刚刚过去的一年", "五年来", "过去五年", "回顾过去", prev + "年是", prev + "年，", prev + "年以来"} {
		if strings.HasPrefix(text, w) {
			return true
		}
	}
	// the five years just ended (“十四五”时期，… in the report of 2026)
	for _, p := range fiveYearEnds {
		if p.end == year-1 && (strings.HasPrefix(text, "“"+p.name+"”") || strings.HasPrefix(text, p.name)) {
			return true
		}
	}
	return false
}

// reportPartWords are in the unnumbered titles of a report's parts (“十四五”时期
// 工作回顾, “十五五”时期的主要目标任务, 2026年重点工作).
var reportPartWords = []string{"时期", "重点工作", "工作安排", "工作任务", "主要目标", "目标任务", "工作回顾", "总体要求", "回顾"}

// reportPart reports a line of a report's preamble that titles a part
// without a number (“十五五”时期的主要目标任务): short, no punctuation of a
// sentence, and the words of a part.
func reportPart(l string) bool {
	l = strings.TrimSpace(l)
	n := utf8.RuneCountInString(l)
	return n >= 4 && n <= 24 && !strings.ContainsAny(l, "。，,；;：:！!？?、|（()）") && has(l, reportPartWords) && !strings.HasSuffix(l, "报告") &&
		!isCNDigit([]rune(l)[0]) // (not a table's row, nor a numbered heading the heading reader left)
}

// partCtx sets what the paragraphs of a report's unnumbered part inherit
// from its title, as a section's would (indicator.go's lineCtx): read in
// full (no longer the preamble), the past in a review, goals in a part of
// goals, due at a five-year span's end in the span's part.
func partCtx(c *lineCtx, title string, p Period) {
	c.preamble = false
	c.past = pastTitle(title)
	c.goalSection = strings.Contains(title, "目标")
	if due := spanTitleDue(title, p); due != nil {
		c.deadline = due
	}
}
