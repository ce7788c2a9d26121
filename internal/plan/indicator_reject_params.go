package plan

import (
	"regexp"
	"strings"
)

// A policy's parameters and rules, not its commitments: a sum or rate it
// pays or charges, a cap for each applicant, a fine, the longest a
// procedure may take, a floor set for each event, the standard a measure
// applies, what each member sends. A standard raised by a sum (补助标准再
// 提高30元) is a change the plan makes (raisedBy).

// moneyOrRate reports a quantity that can be a policy parameter: an amount
// of money, a share or a multiple (给予最高500万元奖励, 按10%给予补助). A
// count of those funded (每年资助青年人才100名) is a commitment.
func moneyOrRate(q quantity) bool {
	switch q.base {
	case "元", "美元", "%", "‰", "倍", "个百分点", "百分点", "":
		return true
	}
	return false
}

// distributive subjects of a cap (每个学会每年最多支持3个项目, 单个企业
// 不超过…): a rule for each applicant, not a total the plan commits to.
var (
	eachWords = []string{"每个", "每家", "每人", "每位", "每项", "每户", "每所", "每名", "单个", "单家", "单户", "单项", "单位每", "每生", "每一"}
	capWords  = []string{"最多", "最高", "不超过", "不得超过", "原则上不超过", "限报", "限"}
)

// capPerUnit reports a quantity capped for each unit it applies to.
func capPerUnit(clause string, q quantity) bool {
	if !has(clause, eachWords) {
		return false
	}
	clause = strings.ReplaceAll(clause, " ", "")
	return has(clause, capWords) || q.cmp == "<=" || q.cmp == "<"
}

// chargedRate reports a clause naming a rate or price charged (担保费率,
// 贷款利率, 收费标准): what is charged is a parameter, not a goal.
func chargedRate(clause string) bool {
	return has(clause, []string{"费率", "利率", "收费标准", "收费价格", "价格标准", "缴费比例", "缴费基数", "税率", "征收率",
		// what a tax or a levy is charged from, what the state buys at
		// (起征点, 应纳税所得额上限, 征收标准, 最低收购价; tune32-P)
		"起征点", "应纳税所得额", "征收标准", "收购价",
		// the rates a policy applies (加计扣除比例, 补助比例)
		"加计扣除", "扣除比例", "补助比例", "补贴比例", "奖励比例", "贴息比例", "分担比例", "配套比例", "资助比例"})
}

// rateNamedAfter reports a rate or a sum that the rate charged named after
// it describes (现行16%的税率降至13%, 保持6%一档的税率不变): the text after
// the quantity, from a 的 within four runes of it, names what is charged.
func rateNamedAfter(ns []rune, q quantity) bool {
	ce := clauseEnd(ns, q.after)
	for j := q.after; j < ce && j-q.after <= 4; j++ {
		if ns[j] == '的' {
			return chargedRate(string(ns[j:ce]))
		}
	}
	return false
}

// averageRateBrought reports the average of a rate charged brought to a
// level (引导合作机构逐步将平均担保费率降至1%以下): an outcome across a
// market the plan aims at, not the rate one charge applies (tune32-P).
func averageRateBrought(ns []rune, q quantity, clause string) bool {
	k := strings.Index(clause, "平均")
	if k < 0 || !has(clause[k:], []string{"费率", "利率"}) {
		return false
	}
	for _, w := range loweredTo {
		if endsAt(ns, q.beforeCmp, w) {
			return true
		}
	}
	return false
}

// penalty reports a fine or a multiple of one (处违法所得2倍以上5倍以下的罚款).
func penalty(s string, q quantity) bool {
	return (moneyOrRate(q) || q.base == "倍") && has(s, []string{"罚款", "罚金"})
}

// procedureLimit reports the longest a procedure may take (最长不超过10个工作日,
// 最迟不超过4个小时, 期限最长不超过240个月): a rule, not a goal of speed
// (压缩至5个工作日以内 stays one).
func procedureLimit(rs []rune, q quantity, clause string) bool {
	period := q.base == "个" && (hasAt(rs, q.after, "工作日") || hasAt(rs, q.after, "月") || hasAt(rs, q.after, "小时") || hasAt(rs, q.after, "年度")) ||
		q.base == "小时" || q.base == "天" || q.base == "日"
	// (结转年限不得超过5个年度: what a rule allows at most)
	return period && has(clause, []string{"最长", "最迟", "最多", "时限为", "期限为", "年限不得", "期限不得", "时限不得"}) &&
		!has(clause, []string{"压缩", "缩短", "减少", "降低", "降至", "减至"})
}

// raisedBy reports a standard raised by a sum (补助标准再提高30元): a change
// the plan makes, not the amount a subsidy pays each time.
func raisedBy(rs []rune, q quantity) bool {
	for _, w := range []string{"提高", "增加", "上调", "提高了"} {
		if endsAt(rs, q.beforeCmp, w) {
			return true
		}
	}
	return false
}

// eachEvent are the openings of a rule for each event or item (每场, 每期).
var eachEvent = []string{"每场", "每期", "每次", "每项", "每批", "每届", "每轮", "每个项目", "每门"}

// eachSingle open a standard for each single thing (单个储能项目装机超过
// 0.5MW, 单体建筑面积不低于1万平方米): what each must meet to count.
// (not 单项: 单项冠军企业 is a name)
var eachSingle = []string{"单个", "单体", "单台", "单座", "单家"}

// floorEach reports a floor set for each event or item (每场活动参与人数不少于
// 50人): a standard, proposed. A floor for each place (每个乡镇至少建设1个)
// stays a target.
func floorEach(q quantity, clause string) bool {
	if q.base == "%" && strings.Contains(clause, "率") {
		clause = strings.ReplaceAll(clause, "单体", "") // (重点单体建（构）筑物…纳控率达到95%以上: a rate over standalone buildings, no floor for each; tune34-P)
	}
	return (q.cmp == ">=" || q.cmp == ">") && (has(clause, eachEvent) || has(clause, eachSingle)) &&
		!has(clause, []string{"增长", "提高", "提升", "增加", "带动", "实现", "突破"}) // (带动每届参展企业贸易额增长10%以上)
}

// byStandard reports a quantity inside 按照…的标准 (按照每万人口不少于1名的标准
// 配备), or a ratio after 按每 or 按照每 said without it (新建住宅小区按每百户
// 不低于20平方米配建…; grid4): the standard a measure applies, proposed, not
// a count reached.
func byStandard(rs []rune, q quantity, clause string) bool {
	if !strings.Contains(clause, "按") {
		return false
	}
	before := string(rs[max(clauseStart(rs, q.a), q.a-12):q.a])
	if strings.Contains(before, "按每") || strings.Contains(before, "按照每") {
		return true
	}
	rest := string(rs[q.after:clauseEnd(rs, q.after)])
	i := strings.Index(rest, "的标准")
	return i >= 0 && i <= 30
}

// eachSends reports what each member sends or names (各派1名, 各推荐2名) or
// has (两省各15万左右): a rule or a figure for each, proposed.
func eachSends(rs []rune, q quantity) bool {
	each := q.beforeCmp >= 1 && rs[q.beforeCmp-1] == '各' || q.beforeCmp >= 2 && rs[q.beforeCmp-2] == '各' || q.beforeCmp >= 3 && rs[q.beforeCmp-3] == '各'
	return each && !eachMade(rs, q)
}

// eachMade reports so many of each of the things a verb of making lists
// (建设市级医学中心、区域医疗中心各8个以上): a count of each, a target.
func eachMade(rs []rune, q quantity) bool {
	cs := clauseStart(rs, q.a)
	list := string(rs[cs:q.a])
	if !strings.ContainsRune(list, '、') || !countWords[q.base] {
		return false
	}
	return has(list, []string{"建设", "建成", "新建", "打造", "培育", "创建", "布局", "设立"})
}

// perUnits are what a sum is spent or paid on each of (每公里, 每平方米, 每人).
var perUnits = []string{"公里", "千米", "平方米", "亩", "千瓦时", "吨", "立方米", "辆", "户", "人", "床", "张", "个"}

// moneyPerUnit reports a sum of money said for each unit of length, area
// or each head (不得低于县道每年每公里1万元, 每人每年20万元): a standard of
// spending or of pay, a parameter of the policy, not a total it commits
// to — unless a standard is raised to it (补助标准提高到每人每年240元:
// raisedTo).
func moneyPerUnit(ns []rune, q quantity) bool {
	if q.base != "元" {
		return false
	}
	cut := func(i int, ws []string) (int, bool) {
		for _, w := range ws {
			if endsAt(ns, i, w) {
				return i - len([]rune(w)), true
			}
		}
		return i, false
	}
	i, _ := cut(spacesBefore(ns, q.beforeCmp), []string{"不低于", "不少于", "不超过", "达到", "为"})
	var per []string
	for _, u := range perUnits {
		per = append(per, "每"+u)
	}
	i, ok := cut(i, per)
	if !ok {
		return false
	}
	i, _ = cut(i, []string{"每年", "每月"})
	return !has(string(ns[max(0, i-4):i]), []string{"提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "调整到", "调整为", "提高为"})
}

// reRatioOfBase is a ratio bounded as a share of a base named after its
// comparator (发放比例不低于财政资金的, 缴纳比例不得低于全部价款的).
var reRatioOfBase = regexp.MustCompile(`比例[^，,。；;]{0,3}(?:不低于|不超过|不高于|不少于|低于|超过)[^，,。；;]{1,24}的\s*$`)

// ratioOfBase reports a share that bounds a ratio against a base (劳务报酬
// 发放比例不低于财政资金的20%, 首次缴纳比例不得低于全部土地出让价款的50%): the
// rule each payment or project follows, a parameter of the policy, not a
// level the plan reaches (比例不低于10%, a share with no base, is one;
// tune43-T).
func ratioOfBase(ns []rune, q quantity, cs int) bool {
	return q.base == "%" && reRatioOfBase.MatchString(string(ns[max(cs, q.a-40):q.a])) // (the shape is shorter than 40 runes: linear)
}
