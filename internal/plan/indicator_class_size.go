package plan

import (
	"regexp"
	"strings"
)

// Sizes and counts that name a class of things rather than a level the
// plan commits to (1亿元以上的企业, 30万千瓦以上机组, 千亩花卉产业园), beside
// the size of what a verb makes, which is the commitment's measure
// (设立总规模100亿元的基金).

// sizeOfMade reports the size of what a verb makes, written before it
// (设立总规模100亿元的基金, 打造总规模超500亿元的基金群, 设立每年总额500
// 万元的科普券, 每年发放总规模不超过1亿元的消费券): the commitment's
// measure, not a qualifier of a class (1亿元以上的企业).
func sizeOfMade(rs []rune, q quantity, clause string) bool {
	// …产值规模超过10亿元的(园区)不少于1家: the size qualifies what a
	// number after it counts; that count is the target
	ce := clauseEnd(rs, q.after)
	for _, r := range rs[min(q.after+1, ce):ce] {
		if isDigit(r) || isCNDigit(r) && r != '一' {
			return false
		}
	}
	for _, one := range []string{"一条", "一座", "一处"} {
		if endsAt(rs, q.beforeCmp, one) {
			// the size of the one thing the clause builds (建设一条66公里的骑行道)
			b := q.beforeCmp - 2
			return endsAt(rs, b, "建设") || endsAt(rs, b, "新建") || endsAt(rs, b, "建成") || endsAt(rs, b, "修建") || endsAt(rs, b, "改建") || endsAt(rs, b, "打造")
		}
	}
	if (endsAt(rs, q.beforeCmp, "处理") || endsAt(rs, q.beforeCmp, "能力")) && has(string(rs[max(0, q.beforeCmp-6):q.beforeCmp]), capacityWords) {
		// the capacity of a plant the clause builds (新建一座日转运能力300吨的
		// 转运站, 改建一座年处理600吨的加工站)
		return has(clause, []string{"新建", "改建", "扩建", "建成", "建设"})
	}
	if worksArea(rs, q, clause) {
		return true // (完成2000万平方米以上的既有建筑节能改造: indicator_works_area.go)
	}
	return (endsAt(rs, q.beforeCmp, "规模") || endsAt(rs, q.beforeCmp, "规模达") || endsAt(rs, q.beforeCmp, "规模为") || endsAt(rs, q.beforeCmp, "总额") || endsAt(rs, q.beforeCmp, "总额为")) &&
		has(clause, []string{"设立", "打造", "组建", "建立", "发起", "成立", "形成", "建成", "培育", "运营", "募集", "发放"})
}

// capacityWords open a plant's capacity before its figure (年处理, 日处理,
// 处理能力, 日转运能力).
var capacityWords = []string{"年处理", "日处理", "处理能力", "转运能力", "处置能力", "供应能力"}

// countWords are the measure words of things counted, as opposed to sizes
// (元, 亩, 千瓦, 吨 …): vehicles and doses too (更新500辆以上新能源公交车,
// 接种20万剂次以上流感疫苗; grid4).
var countWords = map[string]bool{"家": true, "个": true, "项": true, "名": true, "所": true, "座": true, "条": true, "支": true,
	"处": true, "台": true, "套": true, "人": true, "位": true, "件": true, "户": true, "款": true, "部": true, "张": true,
	"辆": true, "艘": true, "架": true, "剂次": true, "剂": true}

// countInQualifier reports a count inside the qualifier of what a later
// count of its clause counts (其中服务16个产业集群的标准不少于20项, 覆盖3个
// 区的科普站50个): the later count is the target; this one names its scope.
func countInQualifier(rs []rune, q quantity) bool {
	if !countWords[q.base] || q.cn {
		return false
	}
	ce := clauseEnd(rs, q.after)
	de := -1
	for j := q.after; j < ce && j-q.after <= 16; j++ {
		if rs[j] == '的' {
			de = j
			break
		}
	}
	if de < 0 {
		return false
	}
	for j := de + 1; j < ce && j-de <= 24; j++ {
		if isDigit(rs[j]) {
			if strings.ContainsRune("和及与、", rs[j-1]) || strings.ContainsRune(string(rs[de+1:j]), '、') {
				return false // (建设10个…的实验室和5个中心, 实施5个…的工程、组织10个项目: the next count is a conjunct's)
			}
			next, ok := readQuantity(rs, j)
			return ok && (countWords[next.base] || next.base == "项")
		}
	}
	return false
}

// eventWords count events: a count of them is what a plan holds, not the
// size of a class.
var eventWords = map[string]bool{"次": true, "场": true, "场次": true, "期": true, "批": true, "轮": true}

// qualifiesCount reports a size or amount followed, within its list item,
// by a noun and a count of those things (超10亿元企业20家, 5000万元以上企业
// 100家): the size names the class, the count is the target. A count after
// 和, 及 or 与 is the next item of a list, no class the size names.
func qualifiesCount(rs []rune, q quantity) bool {
	if countWords[q.base] || q.isRange {
		return false
	}
	j := q.after
	for n := 0; j < len(rs) && n < 12; n, j = n+1, j+1 {
		r := rs[j]
		if strings.ContainsRune("，,、;；。:：()“”", r) {
			return false
		}
		if isDigit(r) || isCNDigit(r) && j > q.after {
			break
		}
	}
	if j == q.after || j >= len(rs) || strings.ContainsRune("和及与", rs[j-1]) {
		return false // (强化100余公里主要支流和30余条…河流岸线治理, two items of one verb; tune30)
	}
	next, ok := readQuantity(rs, j)
	return ok && countWords[next.base] && (!next.cn || next.value >= 2) // (not 一个)
}

// substances are what units of data and of compute measure: the noun after
// such a quantity that is its own substance (汇聚20PB以上数据资源, 部署5EFLOPS
// 以上的智能算力) is the amount made, not a class the size names (1000P以上
// 智算中心, 10PB以上的数据中心).
var substances = map[string][]string{"PB": {"数据"}, "TB": {"数据"}, "EB": {"数据"}, "GB": {"数据"}, "EFLOPS": {"算力"}, "PFLOPS": {"算力"}}

// ownSubstance reports a quantity in such a unit whose noun, to its clause's
// end, is the unit's substance (数据, 数据资源, 数据集, 数据量; 算力, 智能算力).
func ownSubstance(rs []rune, q quantity) bool {
	subs := substances[q.base]
	if subs == nil {
		subs = extents[q.base] // (lengths and areas: indicator_extent.go)
	}
	if subs == nil {
		return false
	}
	noun, _, _ := strings.Cut(strings.TrimRight(string(rs[q.after:clauseEnd(rs, q.after)]), " "), "、")
	for _, s := range subs {
		for _, tail := range []string{"", "资源", "资源量", "量", "集", "规模"} {
			if strings.HasSuffix(noun, s+tail) {
				return true
			}
		}
	}
	return false
}

// sizeBeforeNoun reports an amount or a size with 以上/以下 straight before
// the noun it qualifies (30万千瓦以上机组, 亿元以上项目): proposed, since
// the count of such things, when given, is the target. A count of things
// or of events (提供1000次以上场景服务, 举办100场以上对接活动) is that count.
func sizeBeforeNoun(rs []rune, q quantity) bool {
	if countWords[q.base] && hasAt(rs, q.b, "及以下") {
		return beforeNoun(rs, q.b+3) // (19座及以下通航飞机: a count bounded from above names a class)
	}
	if countWords[q.base] || eventWords[q.base] || countedKinds[q.base] || q.base == "%" || q.base == "‰" || q.after >= len(rs) || ownSubstance(rs, q) || worksDone(rs, q) ||
		q.base == "" && peopleAfter(rs, q.b) { // (30万以上参保孕产妇: a headcount, no class)
		return false
	}
	after := q.after
	if q.after == q.b {
		// the unit's material between it and 以上 (1000吨标煤以上重点耗能
		// 企业, 1万吨标准煤以上用能单位)
		m := materialAt(rs, q.b)
		if m == 0 || !hasAt(rs, q.b+m, "以上") && !hasAt(rs, q.b+m, "以下") {
			return false
		}
		after = q.b + m + 2
	} else if !hasAt(rs, q.b, "以上") && !hasAt(rs, q.b, "以下") && !hasAt(rs, q.b, "及以上") && !hasAt(rs, q.b, "及以下") {
		return false
	}
	return beforeNoun(rs, after) && !levelHeld(rs, after) && !ownMeasure(rs, q, after)
}

// beforeNoun reports a noun at i, after the opening quote of a name
// (60千瓦以上“超快结合”充电枪; tune32-P): no 的, conjunction or comma.
func beforeNoun(rs []rune, i int) bool {
	for i < len(rs) && (rs[i] == '“' || rs[i] == '"') {
		i++
	}
	if i >= len(rs) {
		return false
	}
	r := rs[i]
	return r >= 0x4e00 && r <= 0x9fff && !strings.ContainsRune("的和与及或等，", r)
}

// roundSizeClass reports a measure said with a bare 百 or 千 straight before
// the noun it sizes (建设千亩花卉产业园, 百亩示范方): the class the thing is
// named by, not a size the plan states; proposed. A count (百个, 千家) is
// left alone: 建设百个美丽乡村 counts what it builds.
func roundSizeClass(rs []rune, q quantity) bool {
	if !q.cn || q.b-q.a < 2 || !strings.ContainsRune("百千", rs[q.a]) || q.mult != 1 || q.cmp != "=" ||
		countWords[q.base] || eventWords[q.base] || q.base == "%" || q.after >= len(rs) {
		return false
	}
	if q.a+1 < len(rs) && isCNDigit(rs[q.a+1]) {
		return false // (千二百亩: a number written out)
	}
	r := rs[q.after]
	return r >= 0x4e00 && r <= 0x9fff && !strings.ContainsRune("的和与及或等以左", r)
}

// materials name what a weight or a volume is of, written between the unit
// and its comparator (吨标煤, 吨标准煤, 吨油当量).
var materials = []string{"标准煤", "标煤", "油当量", "二氧化碳", "碳当量"}

// materialAt is the length of the material at i, or 0.
func materialAt(rs []rune, i int) int {
	for _, m := range materials {
		if hasAt(rs, i, m) {
			return len([]rune(m))
		}
	}
	return 0
}

// reNamedGoal is 的 and a short noun that closes with 目标 or 水平 (的目标,
// 的增长目标, 的预期目标, 的水平): the value names the goal it is.
var reNamedGoal = regexp.MustCompile(`^的[^，。；,;、的\s]{0,4}?(?:目标|水平)`)

// namedGoal reports a value the noun after its 的 names as a goal or a
// level (确定4.5%左右的增长目标, 达到90%的目标): what the plan sets, no
// qualifier of what it counts; a verb between them (90%的企业达到目标)
// makes the value the qualifier again (tune30).
func namedGoal(ns []rune, q quantity) bool {
	if !hasAt(ns, q.after, "的") {
		return false
	}
	m := reNamedGoal.FindString(string(ns[q.after:min(len(ns), q.after+8)]))
	return m != "" && !has(m, []string{"达到", "实现", "完成", "达成"})
}

// populationClass reports a population that names a class of places (20万
// 人口以上的县, 50万人口的城市): 口 after the count of people, then a bound
// and 的, or 的 — what picks the places, not what the plan reaches.
func populationClass(rs []rune, q quantity) bool {
	if q.base != "人" || !hasAt(rs, q.b, "口") {
		return false
	}
	k := q.b + 1
	return hasAt(rs, k, "的") || hasAt(rs, k, "以上的") || hasAt(rs, k, "以下的") || hasAt(rs, k, "及以上的")
}
