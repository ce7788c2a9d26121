package plan

import (
	"regexp"
	"strings"
)

// The conditions a support policy attaches to its measures, and the rules
// it sets for each applicant: what the plan asks of others, not what it
// commits to (D72+).

// conditionOpeners open a clause that names whom a measure applies to
// (对年营业收入超过1亿元的企业, 凡…的).
var conditionOpeners = []string{"对", "凡"}

// eligibility words name the conditions an applicant must meet.
var eligibility = []string{"申报", "申请条件", "须具备", "应具备", "应当具备", "准入条件", "入选条件", "门槛",
	"须在", "须为", "须满足", "需满足", "应满足", "应当满足", "符合以下条件", "具备以下条件", "申请人", "申请单位", "申报主体", "须有"}

// reMustHave is what a body must have to qualify, a quantity close after
// 应有 (社会团体应有10万元以上资金, 应当具有50个以上的会员) — not 应有的作用.
var reMustHave = regexp.MustCompile(`应(?:当)?(?:具)?有[^，。；的]{0,8}\d`)

// eligible reports a sentence that sets conditions an applicant must meet.
func eligible(s string) bool {
	return has(s, eligibility) || strings.Contains(s, "有") && reMustHave.MatchString(s)
}

// conditional reports a quantity inside a condition: a clause opened by 对
// or 凡 whose quantity qualifies a noun through 的 (对研发投入超过1000万元
// 的企业), or a clause closed by 的 (企业研发投入达到500万元、1000万元的，
// 分别给予…). The threshold of a measure, not a level the plan commits to.
func conditional(rs []rune, q quantity, cs int) bool {
	ce := clauseEnd(rs, q.after)
	end := ce
	for end > q.after && rs[end-1] == ' ' {
		end--
	}
	if end > q.after && rs[end-1] == '的' && !(end-3 >= q.after && rs[end-3] == '目' && rs[end-2] == '标') {
		return true
	}
	a := cs
	for a < q.a && rs[a] == ' ' {
		a++
	}
	if a >= q.a || rs[a] != '对' && rs[a] != '凡' {
		return forThose(rs, q)
	}
	for _, r := range rs[q.after:ce] {
		if r == '的' {
			return true
		}
	}
	return forThose(rs, q)
}

// ruleEach are the subjects of a rule for each time or batch (每次不超过20名),
// beside eachWords' applicants.
var ruleEach = []string{"每次", "每批", "每届", "每期", "每轮"}

// perApplicant reports a sum or share set for each applicant (科技创新券额度为
// 每家企业每年10万元) or capped as a rule (比例原则上不超过15%): a parameter
// the reviewer may still want, so the extractor proposes it, unsure.
func perApplicant(clause string, q quantity) bool {
	c := clause
	if strings.IndexByte(c, ' ') >= 0 {
		c = strings.ReplaceAll(c, " ", "")
	}
	if moneyOrRate(q) && has(c, eachWords) && !strings.Contains(c, "每万") {
		return true
	}
	return (q.cmp == "<=" || q.cmp == "<" || strings.Contains(c, "不超过") || strings.Contains(c, "不高于")) &&
		(has(c, []string{"原则上", "一般不"}) || has(c, ruleEach))
}

// stated reports a level given with 为 and no verb of change (覆盖率为75%,
// 投入强度为2.8%): outside the plan's goals, a statement of what is, which
// the reviewer may still take.
func stated(rs []rune, q quantity, clause string) bool {
	if q.cmp != "=" || !endsAt(rs, q.a, "为") || endsAt(rs, q.a, "作为") {
		return false
	}
	return !has(clause, []string{"达到", "提高", "提升", "增加", "增长", "降低", "下降", "控制", "保持", "稳定", "力争", "确保", "争取", "调整为", "扩大"})
}

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
	return (endsAt(rs, q.beforeCmp, "规模") || endsAt(rs, q.beforeCmp, "规模达") || endsAt(rs, q.beforeCmp, "规模为") || endsAt(rs, q.beforeCmp, "总额") || endsAt(rs, q.beforeCmp, "总额为")) &&
		has(clause, []string{"设立", "打造", "组建", "建立", "发起", "成立", "形成", "建成", "培育", "运营", "募集", "发放"})
}

// capacityWords open a plant's capacity before its figure (年处理, 日处理,
// 处理能力, 日转运能力).
var capacityWords = []string{"年处理", "日处理", "处理能力", "转运能力", "处置能力", "供应能力"}

// standardOf reports a sentence that sets what each project or firm must
// reach to qualify (项目固定资产投资不低于5000万元，其中设备投资占比不低于50%;
// 工业项目亩均税收不低于30万元): a standard applied to others, whose floors of
// money and shares are proposed, not asserted.
func standardOf(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, w := range []string{"项目", "企业", "工业项目", "新建项目", "新引进项目", "入驻企业", "入驻项目", "申请企业", "申报项目", "单个项目", "单个企业"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// conditionFirst reports a sentence that opens with its condition (对评估
// 结果为优秀的，下一年度经费增加10%; 凡…的，…): the sums and shares after it
// are what the measure grants, proposed at most.
func conditionFirst(s string) bool {
	s = strings.TrimLeft(s, " ")
	i := strings.IndexAny(s, ",，")
	if i < 0 {
		return false
	}
	first := s[:i]
	if !strings.HasSuffix(first, "的") || strings.HasSuffix(first, "目标的") {
		return false
	}
	for _, w := range conditionOpeners {
		if strings.HasPrefix(first, w) {
			return true
		}
	}
	return false
}

// priceCap reports a ceiling on what is charged (租金不高于市场价格的70%,
// 门票价格不超过30元): a price the policy sets, while a price to bring
// down by a share (价格降低5%) stays a target.
func priceCap(clause string, q quantity) bool {
	return moneyOrRate(q) && (q.cmp == "<=" || q.cmp == "<" || has(clause, []string{"不高于", "不超过"})) &&
		has(clause, []string{"租金", "价格", "收费", "票价", "门票", "售价", "服务费"})
}

// inBookTitle reports whether rune i is inside 《…》: the title of a document
// or a work names it, whatever numbers it holds.
func inBookTitle(rs []rune, i int) bool {
	for j := i - 1; j >= 0 && i-j < 80; j-- {
		switch rs[j] {
		case '》':
			return false
		case '《':
			return true
		}
	}
	return false
}

// namesPart reports a quotation holding rune i that names one of the plan's
// parts (“3个100”工程, “5个1”行动): a slogan, though it starts with a number.
func namesPart(rs []rune, i int) bool {
	for j := i; j < len(rs) && j-i < 20; j++ {
		if rs[j] == '”' || rs[j] == '"' {
			return planPart(rs, j+1)
		}
	}
	return false
}

// countWords are the measure words of things counted, as opposed to sizes
// (元, 亩, 千瓦, 吨 …).
var countWords = map[string]bool{"家": true, "个": true, "项": true, "名": true, "所": true, "座": true, "条": true, "支": true,
	"处": true, "台": true, "套": true, "人": true, "位": true, "件": true, "户": true, "款": true, "部": true, "张": true}

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
			if strings.ContainsRune("和及与、", rs[j-1]) {
				return false // (建设10个…的实验室和5个中心: the next count is a conjunct)
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
// 100家): the size names the class, the count is the target.
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
	if j == q.after || j >= len(rs) {
		return false
	}
	next, ok := readQuantity(rs, j)
	return ok && countWords[next.base] && (!next.cn || next.value >= 2) // (not 一个)
}

// sizeBeforeNoun reports an amount or a size with 以上/以下 straight before
// the noun it qualifies (30万千瓦以上机组, 亿元以上项目): proposed, since
// the count of such things, when given, is the target. A count of things
// or of events (提供1000次以上场景服务, 举办100场以上对接活动) is that count.
func sizeBeforeNoun(rs []rune, q quantity) bool {
	if countWords[q.base] || eventWords[q.base] || q.base == "%" || q.base == "‰" || q.after >= len(rs) {
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
	} else if !hasAt(rs, q.b, "以上") && !hasAt(rs, q.b, "以下") && !hasAt(rs, q.b, "及以上") {
		return false
	}
	if after >= len(rs) {
		return false
	}
	r := rs[after]
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
	return has(c, []string{"新建", "新增", "再建", "再新", "新组建", "新培育", "新引进", "新认定", "新创建", "力争", "争取", "确保", "今后", "未来", "下一步", "再"})
}

// grantWords are what a measure grants those who meet its conditions.
var grantWords = []string{"给予", "奖励", "补助", "资助", "补贴", "奖补", "予以", "认定为"}

// forThose reports a quantity inside a condition that runs over several
// clauses (对年度营业收入首次突破3000万元、5000万元，且已连续两年…的企业，
// 分别给予…奖励): a clause of its sentence opened with 对 or 凡 before it,
// the next 的 after it closes the condition, and what is granted follows.
func forThose(rs []rune, q quantity) bool {
	o := -1
	for j := q.a - 1; j >= 0 && q.a-j < 200; j-- {
		if rs[j] == '。' || rs[j] == ';' || rs[j] == '；' {
			break
		}
		if (rs[j] == '对' && !(j+1 < len(rs) && strings.ContainsRune("接标外口照比应话称齐象于策", rs[j+1])) || rs[j] == '凡') &&
			(j == 0 || strings.ContainsRune("，,。;；: ", rs[j-1])) { // (对接, 对标: verbs, not 对 of a condition)
			o = j
			break
		}
	}
	if o < 0 || has(string(rs[o:q.a]), grantWords) {
		return false
	}
	if strings.Contains(string(rs[o:q.a]), "首次") {
		// 对…营业收入首次达到200亿元、300亿元…，分别给予…奖励: a level
		// reached for the first time is what a grant is for, though the
		// 的 that closes the condition is lost (a page break in a PDF)
		rest := string(rs[q.after:min(len(rs), q.after+120)])
		if k := strings.IndexAny(rest, "。;；"); k >= 0 {
			rest = rest[:k]
		}
		return has(rest, grantWords)
	}
	for j := q.after; j < len(rs) && j-q.after < 120; j++ {
		switch {
		case rs[j] == '。' || rs[j] == ';' || rs[j] == '；':
			return false
		case rs[j] == '的' && !hasAt(rs, j+1, "目标") && !hasAt(rs, j+1, "水平"):
			rest := string(rs[j:min(len(rs), j+80)])
			if k := strings.IndexAny(rest, "。;；"); k >= 0 {
				rest = rest[:k]
			}
			return has(rest, grantWords) && !has(string(rs[q.after:j]), grantWords)
		}
	}
	return false
}
