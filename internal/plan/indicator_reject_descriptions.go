package plan

import (
	"slices"
	"strings"
)

// Descriptions and sizes: a qualifier of a noun (1亿元以上的企业) against the
// size the plan commits to (达到3000人的规模, 建立100人的专家库, 90%以上的乡镇
// 建成…), a note in brackets that says what a thing is, an area described.

// sizeReached reports a scale a count reaches (招生达到3000人的规模) or a
// capacity added (新增…的节能能力): the size the plan commits to, not a
// qualifier of a noun.
func sizeReached(rs []rune, q quantity) bool {
	if !(endsAt(rs, q.beforeCmp, "达到") || endsAt(rs, q.beforeCmp, "扩大到") || endsAt(rs, q.beforeCmp, "扩大至") || endsAt(rs, q.beforeCmp, "形成") || endsAt(rs, q.beforeCmp, "新增") || endsAt(rs, q.beforeCmp, "提供")) {
		return false
	}
	ce := clauseEnd(rs, q.after)
	rest := strings.TrimRight(string(rs[q.after:ce]), " ")
	if i := strings.IndexByte(rest, '('); i > 0 && strings.HasSuffix(rest, ")") {
		rest = strings.TrimRight(rest[:i], " ") // (见附表)
	}
	// (新增8000万吨标准煤的节能能力: the capacity added; tune32-P)
	// (提供超3亿千瓦的公共充电容量: the capacity provided; tune34-P)
	return strings.HasPrefix(rest, "的") && (strings.HasSuffix(rest, "规模") || strings.HasSuffix(rest, "能力") || strings.HasSuffix(rest, "容量")) && len([]rune(rest)) <= 7
}

// makeVerbs make a body of people whose size the plan sets.
var makeVerbs = []string{"建立", "组建", "建设", "打造", "成立", "组织", "培育", "建成"}

// teamOfSize reports the size of a body of people a verb makes, written as
// its qualifier (建立100人的专家库, 组建50名左右的讲师团): a target, not the
// qualifier of a class (100人以上的企业).
func teamOfSize(rs []rune, q quantity) bool {
	if q.base != "人" && q.base != "名" && q.base != "位" || q.cmp == ">=" || q.cmp == ">" {
		return false
	}
	for _, v := range makeVerbs {
		if endsAt(rs, q.beforeCmp, v) {
			return true
		}
	}
	return false
}

// shareDoing reports a share of places or bodies that do or reach something
// (90%以上的乡镇建成综合文化站; 各区25%以上的城市社区创建达标, 95%以上的县
// 综合医院设置耳鼻咽喉科: reaching the standard and setting up are doing,
// tune49-T, D228): a target, not the threshold of a class (营业收入增长20%以上
// 的企业, which no verb of making follows).
func shareDoing(rs []rune, q quantity) bool {
	if q.base != "%" || q.after >= len(rs) || rs[q.after] != '的' {
		return false
	}
	rest := string(rs[q.after+1 : clauseEnd(rs, q.after)])
	// (95%以上的学生都能在安全的校舍里上课: all of the share do it; tune32-P)
	return (has(rest, []string{"建成", "建立", "实现", "达到", "达标", "开展", "配备", "设立", "设置", "完成", "创建为", "都能", "均能", "参加", "参与"}) || has(rest, sharesReach)) && !has(rest, []string{"给予", "奖励", "补助", "补贴"})
}

// areaWords name the size of a site a text describes (用地面积约300亩).
var areaWords = []string{"用地面积", "占地面积", "建筑面积", "总面积", "面积约", "面积为"}

// lengthUnits measure a length or a distance.
var lengthUnits = map[string]bool{"米": true, "千米": true, "公里": true, "km": true}

// describedArea reports the area, the sides or the distance of a site given
// as its description, with no verb of making in the quantity's clause:
// proposed, not asserted (新增展陈面积1万平方米 and 建成建筑面积2万平方米的
// 科技馆 stay targets). About so much area (可利用面积约10.5公顷), a side
// about so long (东西方向长约530米) and a site about so far from a place
// (距市中心约50千米) describe where a project stands.
func describedArea(rs []rune, q quantity, clause string) bool {
	if q.cmp != "=" && q.cmp != "~" {
		return false // 建筑面积不少于1万平方米: a floor of what is built
	}
	described := false
	for _, w := range areaWords {
		if endsAt(rs, q.beforeCmp, w) || endsAt(rs, q.beforeCmp, w+"约") {
			described = true
		}
	}
	if q.cmp == "~" && !described {
		described = endsAt(rs, q.beforeCmp, "面积") ||
			lengthUnits[q.base] && (endsAt(rs, q.beforeCmp, "长") || endsAt(rs, q.beforeCmp, "宽") || strings.Contains(clause, "距"))
	}
	// (…消防站，所需建筑面积约4800平方米: the area what the plan builds needs)
	return described && !has(clause, []string{"新增", "新建", "建成", "扩大", "增加", "达到", "改造", "提升", "建设", "修建", "铺设", "延伸", "所需"}) &&
		!has(clause, areaActs) // (治理水土流失面积200平方公里左右: the area a work covers; indicator_extent.go)
}

// addressed reports a size of what a measure addresses (针对园区焚烧厂每日处理
// 3500吨垃圾的能力缺口，建设…): a clause opened with 针对 that names, with 的,
// what stands; the measure that follows is the plan's. A count there is of
// what the measure covers (针对39家…的企业), a target.
func addressed(rs []rune, q quantity, cs int) bool {
	k := cs
	for k < q.a && (rs[k] == ' ' || rs[k] == '*') {
		k++ // (a title's bold, ** 针对…)
	}
	if !hasAt(rs, k, "针对") || has(string(rs[k:q.a]), verbs) || countWords[q.base] {
		return false // (针对39家…的企业，提出…: the firms a measure covers are counted)
	}
	for j := q.after; j < clauseEnd(rs, q.after); j++ {
		if rs[j] == '的' {
			return true
		}
	}
	return false
}

// namedBySize reports a power and an energy given together straight after
// a name (甲区50MW/200MWh、乙公司75MW/300MWh储能项目): the size a storage
// project is named by in a list of projects to connect, not a capacity the
// plan commits to (储能装机达到100万千瓦/200万千瓦时 follows a verb).
func namedBySize(rs []rune, q quantity) bool {
	if q.base != "MW" && q.base != "kW" && q.base != "千瓦" && q.base != "GW" || !hasAt(rs, q.b, "/") || q.beforeCmp != q.a || q.a < 2 {
		return false
	}
	prev := rs[q.a-1]
	if !(prev >= 0x4e00 && prev <= 0x9fff) || strings.ContainsRune("达至到为超过约近和及、", prev) {
		return false
	}
	for _, v := range verbs {
		if endsAt(rs, q.a, v) {
			return false // (建设50MW/200MWh储能电站)
		}
	}
	for _, w := range sizeNames {
		if endsAt(rs, q.a, w) {
			return false // (用户侧储能规模100万千瓦/200万千瓦时: the size the plan sets)
		}
	}
	// the list of names ends in the projects they name
	rest := string(rs[q.b:min(len(rs), q.b+60)])
	if k := strings.IndexAny(rest, "。;；，,"); k >= 0 {
		rest = rest[:k]
	}
	return has(rest, []string{"项目", "电站"})
}

// namedByOutput reports a yearly output written straight before the product
// it makes (年产3000万片触控显示产品, 4.5万吨／年聚氨酯树脂制造): the name a
// project in a list of projects to push on goes by, not a capacity the plan
// commits to. A verb that builds or reaches it (建成年产…, 形成…万吨/年)
// makes it a target, and so does a capacity named after it (年产10万吨的
// 生产线, …万吨/年能力).
func namedByOutput(rs []rune, q quantity) bool {
	start := q.beforeCmp
	yearly := endsAt(rs, start, "年产")
	if yearly {
		start -= 2
	}
	end := q.b
	if !yearly && (hasAt(rs, end, "/年") || hasAt(rs, end, "／年")) {
		yearly, end = true, end+2
	}
	if !yearly || end >= len(rs) || !(rs[end] >= 0x4e00 && rs[end] <= 0x9fff || isASCIILetter(rs[end])) || rs[end] == '的' {
		return false
	}
	for _, w := range outputMade {
		if endsAt(rs, start, w) {
			return false
		}
	}
	for _, w := range sizedWords {
		if hasAt(rs, end, w) {
			return false
		}
	}
	return true
}

// outputMade are the verbs that build or reach an output (建成年产…).
var outputMade = []string{"建成", "新建", "建设", "形成", "达到", "达", "具备", "新增", "实现", "提升至", "提高到", "扩大到", "增至", "突破", "超过"}

// sizeNames name a size a plan sets (规模, 装机, 容量).
var sizeNames = []string{"规模", "装机", "容量", "能力", "功率", "总量", "总计", "合计"}

// sizedWords name what a figure sizes (sizeNames, and 产能); outputWords
// add what it yields (产量). Built once: the readers run on every quantity.
var (
	sizedWords  = append(slices.Clone(sizeNames), "产能")
	outputWords = append(slices.Clone(sizedWords), "产量")
)

// bracketNote reports a quantity inside brackets whose text before it has
// no verb of its own (园区面积2000亩, 总投资5亿元): a description of what
// the sentence names. A bracket with a verb (其中新建5个) is a target's.
func bracketNote(rs []rune, q quantity, cs int) bool {
	open := -1
	for k := q.a - 1; k >= cs; k-- {
		if rs[k] == ')' {
			return false
		}
		if rs[k] == '(' {
			open = k
			break
		}
	}
	if open < 0 || open+1 == q.a {
		return false // none, or the bracket holds the figure alone (a weight)
	}
	closed := false
	for k := q.after; k < len(rs) && k < q.after+12; k++ {
		if rs[k] == ')' {
			closed = true
			break
		}
		if strings.ContainsRune("(。；;", rs[k]) {
			break
		}
	}
	inner := string(rs[open+1 : q.a])
	return closed && !has(inner, verbs) && !has(inner, []string{"其中", "力争", "目标", "到20", "累计", "合计", "总计", "共计", "新增", "每年"}) && !partOfCount(rs, open, q) && !bracketBreakdown(rs, open, q)
}

// partOfCount reports a count in brackets right after a count of the same
// measure word (示范项目45个（公交示范项目23个）): the part of the total the
// bracket names, which the total's verb governs as well.
func partOfCount(rs []rune, open int, q quantity) bool {
	if !countWords[q.base] || q.a-open > 24 {
		return false
	}
	k := open
	for k > 0 && rs[k-1] == ' ' {
		k--
	}
	if !endsAt(rs, k, q.base) {
		return false
	}
	k -= len([]rune(q.base))
	for k > 0 && rs[k-1] == ' ' {
		k--
	}
	return k > 0 && (isDigit(rs[k-1]) || isCNDigit(rs[k-1]) && rs[k-1] != '一')
}

// zoneRadius reports a distance that bounds a zone (水源井周边30米范围内无…,
// 500米范围内, 长江沿线1公里, 公园绿地500米服务半径) or names the radius a
// coverage rate is measured within (公交站点500米覆盖率; grid4): where a rule
// applies or a standard of service, not a length to build.
func zoneRadius(rs []rune, q quantity) bool {
	return lengthUnits[q.base] && (hasAt(rs, q.b, "范围") || hasAt(rs, q.after, "范围") || hasAt(rs, q.after, "服务半径") || hasAt(rs, q.after, "半径") ||
		hasAt(rs, q.after, "覆盖率") || radiusNamed(rs, q.after) ||
		endsAt(rs, q.beforeCmp, "沿线") || endsAt(rs, q.beforeCmp, "沿岸") || endsAt(rs, q.beforeCmp, "两侧") || endsAt(rs, q.beforeCmp, "两岸"))
}

// levelTasks open a note of what a higher level's plan sets (达到市级要求
// （全市任务为保持在9立方米/万元以内）).
var levelTasks = []string{"全市任务", "市级任务", "全省任务", "省级任务", "全国任务", "国家任务", "上级任务", "市级要求为", "省级要求为"}

// levelTask reports a quantity in a bracket that notes a higher level's
// task: the plan commits to meeting that level's requirement, quoted.
func levelTask(rs []rune, q quantity) bool {
	for k := q.a - 1; k >= 0 && q.a-k < 40; k-- {
		if rs[k] == ')' {
			return false
		}
		if rs[k] == '(' {
			return has(string(rs[k+1:q.a]), levelTasks)
		}
	}
	return false
}

// perUnitWords name a measure's denominator (每万平方米, 每平方米, 每吨).
var perUnitWords = []string{"每万平方米", "每平方米", "每万元", "每吨", "每立方米", "每公里", "每千瓦时"}

// perUnitBound reports a bound on a quantity for each unit of a measure
// (产生量每万平方米低于300吨，鼓励低于210吨): a standard each project
// meets, proposed, unless the clause brings the level down (单位产值能耗
// 每万元降低到…: a goal).
func perUnitBound(x *at) bool {
	q := x.q
	return (q.cmp == "<" || q.cmp == "<=") && has(x.s, perUnitWords) && !moneyOrRate(q) &&
		!has(x.clause, []string{"降低", "下降", "减少", "降至", "控制在"})
}

// termMeaning reports a quantity in what a glossary says a term means (1．六区
// 一高地。指…; “4”，指…4大科创高地): the clause opens with 指 at the
// sentence's start or right after a quoted term — an explanation of a name,
// not a target (指标, 指导, 指出 … are other words).
func termMeaning(rs []rune, q quantity) bool {
	for cs := clauseStart(rs, q.a); ; cs = clauseStart(rs, cs-1) {
		k := cs
		for k < q.a && rs[k] == ' ' {
			k++
		}
		if k < q.a && rs[k] == '指' && !(k+1 < len(rs) && strings.ContainsRune("标导出定南引挥示令针", rs[k+1])) {
			prev := cs - 2
			for prev >= 0 && rs[prev] == ' ' {
				prev--
			}
			// (or a short term before it: “百团千企”行动，指…)
			if cs == 0 || prev >= 0 && strings.ContainsRune("”」\"", rs[prev]) || cs-1-clauseStart(rs, cs-1) <= 12 && !has(string(rs[clauseStart(rs, cs-1):cs-1]), verbs) {
				return true
			}
		}
		if cs == 0 {
			return false
		}
	}
}

// opensDefinition reports a sentence that opens with 指 (a glossary's
// definition: 指近三年研发投入强度均达到3%；或…): the paragraph's later
// sentences go on defining the term.
func opensDefinition(sent string) bool {
	t := strings.TrimLeft(sent, " ")
	return strings.HasPrefix(t, "指") && !has(t[:min(len(t), 6)], []string{"指标", "指导", "指出", "指定", "指南", "指引", "指挥", "指示", "指令", "指针"})
}
