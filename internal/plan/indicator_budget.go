package plan

import (
	"regexp"
	"strings"
)

// The shapes of an annual plan (政府工作报告, a budget year's tasks) beside
// those of D47/D62/D70/D78 (D85, D86): the year's budget figures, said without
// a verb (财政赤字2.6万亿元) or as the rate a sum is arranged at (赤字率拟按
// 3%安排); a standard raised for everyone (补助标准再增加40元); changes
// stated beside the level they change (…1.6万亿元，比去年增加2000亿元);
// facts about the year (今年高校毕业生900万人). The names that hold counts
// found with them (八项规定, “三个1亿人”, 福州、厦门、泉州三个产业园) are in
// indicator_reject_names.go, what already exists and sums restated in
// indicator_reject_past.go, the size of a pilot in indicator_reject_places.go.

// budgetUnits are units of a budget's goods (万亿斤 of grain, 万标准箱 of
// glass); units joins them to the list (quantity.go).
var budgetUnits = []string{"斤", "标准箱"}

// reChangeOnly is a clause that holds only a change from the year before
// (其中…，增加1700亿元; 比去年增加2700亿元; 比上年预算低0.4个百分点).
var reChangeOnly = regexp.MustCompile(`^(?:其中)?(?:(?:比|较)(?:去年|上年|上年度|上一年|前一年)(?:预算)?)?(?:再|又|共)?(?:增加|减少|提高|降低|下降|增长|扩大|多|少|高|低|上升|新增)$`)

// changeBesideLevel reports a quantity that is the change of a level the
// sentence stated in an earlier clause (财政赤字1.6万亿元，比去年增加2000亿元;
// 其中改造800万套，增加100万套): the level is the target, the change is
// proposed. Where only the change is said (赤字规模比去年增加1万亿元) it is
// the target.
func changeBesideLevel(ns []rune, q quantity, cs, prevEnd int) bool {
	if prevEnd < 0 || q.isRange {
		return false
	}
	if prevEnd > cs {
		// (赤字规模5.66万亿元、比上年增加1.6万亿元: the change after 、 beside
		// the level it changes; tune33-P)
		if prevEnd >= q.beforeCmp || ns[prevEnd] != '、' {
			return false
		}
		cs = prevEnd + 1
	}
	c := strings.ReplaceAll(strings.TrimSpace(string(ns[cs:q.beforeCmp])), " ", "")
	return reChangeOnly.MatchString(c) && !ownObject(ns, q) && !(q.base == "" && peopleAfter(ns, q.b)) // (增加500万沼气用户: people of its own)
}

// budgetNouns are the figures of a budget that a plan sets by naming them
// beside the sum (财政赤字2.6万亿元, 地方专项债券3万亿元): what the year's
// budget arranges, though no verb is written.
var budgetNouns = []string{"赤字", "财政支出", "预算支出", "公共预算支出", "专项债券", "特别国债", "预算内投资", "代地方发债", "一般债券", "政府债券"}

// budgetFigure reports a sum of money straight after a budget noun.
func budgetFigure(ns []rune, q quantity) bool {
	if q.base != "元" {
		return false
	}
	a := q.beforeCmp
	for a > 0 && ns[a-1] == ' ' {
		a--
	}
	for _, w := range budgetNouns {
		if endsAt(ns, a, w) || endsAt(ns, a, w+"规模") {
			return true
		}
	}
	return false
}

// arranged reports a rate a sum is arranged at (赤字率拟按3%安排): the level
// the plan sets, not a rate applied to an applicant (按合同金额的30%).
func arranged(ns []rune, q quantity) bool {
	j := q.after
	for j < len(ns) && ns[j] == ' ' {
		j++
	}
	return hasAt(ns, j, "安排")
}

// raisedStandard reports a standard raised for everyone (补助标准再增加40元,
// 标准由每人每年320元提高到380元, 补助标准提高到人均320元): a commitment of
// the plan, though the words are those of a subsidy; a standard set for
// those who meet a condition (对…的企业，补助标准提高到…) is not one.
func raisedStandard(ns []rune, q quantity, cs int) bool {
	if !moneyOrRate(q) || conditional(ns, q, cs) || conditionFirst(string(ns)) {
		return false
	}
	lead := string(ns[:q.a])
	if !strings.Contains(lead, "标准") && !strings.Contains(lead, "养老金") && !raisedFrom(ns, q, cs) || !has(lead, publicStandards) && !strings.Contains(lead, "财政") {
		return false // (吸纳就业补贴标准提高到每人2000元 is what a firm is paid)
	}
	if first := strings.TrimLeft(string(ns[:clauseEnd(ns, 0)]), " "); (strings.HasPrefix(first, "对") || strings.HasPrefix(first, "凡")) && strings.Contains(first, "的") {
		return false // 对…的企业，补助标准提高到…: for those who qualify
	}
	a := q.beforeCmp
	for _, w := range []string{"人均", "每人每年", "每人每月", "每人", "每生每年", "每生", "每年", "每月"} {
		if endsAt(ns, a, w) {
			a -= len([]rune(w))
			break
		}
	}
	for _, w := range []string{"提高到", "提高至", "增加到", "增加至", "提升到", "提升至", "上调至", "上调到", "提高", "增加", "上调"} {
		if endsAt(ns, a, w) {
			return true
		}
	}
	// the later items of a list the raise governs (每人每月分别增加20元、15元,
	// 分别提高到每人每月900元和700元)
	if a > 0 && strings.ContainsRune("、和及", ns[a-1]) {
		c := string(ns[cs:a])
		return has(c, []string{"提高", "增加", "上调"}) && !strings.ContainsAny(c, "由从")
	}
	return false
}

// raisedFrom reports a sum raised from the level its clause states with 由
// or 从 (财政补助由每人每年420元提高到450元): a standard, though the word
// 标准 is not written; the treasury (财政) paying it makes it the state's
// standard for everyone (tune32-P).
func raisedFrom(ns []rune, q quantity, cs int) bool {
	c := string(ns[cs:q.a])
	for _, w := range []string{"由", "从"} {
		if k := strings.LastIndex(c, w); k >= 0 {
			rest := []rune(c[k+len(w):])
			for _, r := range rest {
				if isDigit(r) {
					return true
				}
			}
		}
	}
	return false
}

// allocation reports a sum the budget arranges for a purpose (安排就业补助
// 资金700亿元, 投入600亿元专项资金): what the plan spends, though a word of
// subsidy names the fund; a cap (不超过) or a sum for each (每个, 各) is not one.
// A fund named by a word of subsidy is asserted by an annual plan; elsewhere,
// and beside a grant, it is proposed (subsidyFund).
func allocation(ns []rune, q quantity, cs int) bool {
	if q.base != "元" || q.cmp == "<=" || q.cmp == "<" {
		return false
	}
	c := strings.ReplaceAll(string(ns[cs:q.a]), " ", "")
	// (各 of 各类, 各级, 各地 names a kind, not a sum for each)
	if has(c, []string{"给予", "最高", "每", "单个"}) || strings.Contains(c, "各") && strings.Contains(eachKind.Replace(c), "各") {
		return false
	}
	if !has(c, []string{"安排", "下达", "拨付", "投入", "筹措", "统筹"}) {
		// an item of a budget's breakdown (预算安排…亿元，其中，支持…，资助各类
		// 学生16亿元): arranged by the sentence, whatever its purpose's words
		return breakdownItem(ns, cs)
	}
	return endsAt(ns, q.beforeCmp, "资金") || hasAt(ns, q.after, "资金") || hasAt(ns, q.after, "专项资金")
}

// breakdownItem reports a clause after 其中 in a sentence that arranges a
// budget (省财政预算安排…，其中，…).
func breakdownItem(ns []rune, cs int) bool {
	ss := cs
	for ss > 0 && cs-ss < 400 && !strings.ContainsRune("。;；", ns[ss-1]) {
		ss--
	}
	before := string(ns[ss:cs])
	k := strings.Index(before, "其中")
	return k > 0 && has(before[:k], []string{"预算安排", "财政安排", "安排资金"})
}

// subsidyFund reports an allocation whose fund a word of subsidy names
// (安排就业补助资金700亿元), which the subsidy rule would have dropped.
func subsidyFund(ns []rune, q quantity, cs int) bool {
	return allocation(ns, q, cs) && has(strings.ReplaceAll(string(ns[cs:clauseEnd(ns, q.after)]), " ", ""), paramCues)
}

// publicStandards name the standards a government sets for everyone:
// per-capita funding of insurance and services, pensions, minimum living
// allowances.
var publicStandards = []string{"人均", "居民", "城乡", "低保", "养老金", "公共卫生", "医保", "医疗保险", "财政补助", "抚恤", "救助", "最低生活", "生均"}

// rateDiscussed reports a rate named to reason about it (7%左右的增速可以实现
// 比较充分的就业): the target restated as the subject of an argument, not a
// new one.
func rateDiscussed(ns []rune, q quantity) bool {
	if q.base != "%" {
		return false
	}
	for _, w := range []string{"的增速", "的速度", "的增长速度", "的增幅", "的涨幅"} {
		if hasAt(ns, q.after, w) {
			return true
		}
	}
	return false
}

// namesPolicy reports a quantity that names an existing policy by its
// figure (降低电价5%政策延长到年底): what is extended is the policy.
func namesPolicy(ns []rune, q quantity) bool {
	return hasAt(ns, q.after, "政策") || hasAt(ns, q.after, "的政策")
}

// populationNouns are groups of people a plan counts but does not make:
// the year's graduates, the population of a place.
var populationNouns = []string{"毕业生", "人口", "劳动力", "新成长劳动力", "适龄儿童", "常住人口", "户籍人口", "老年人"}

// population reports a count of people that states how many there are
// (今年高校毕业生900万人, 毕业生将达900万人, 全国近3亿人领取养老金): a fact the
// work is sized to, not a target — proposed at most.
func population(ns []rune, q quantity, cs int) bool {
	if q.base != "人" && !(q.base == "" && q.mult > 1) {
		return false
	}
	before := strings.ReplaceAll(string(ns[cs:q.beforeCmp]), " ", "")
	if strings.Contains(before, "今年再") || has(strings.TrimSuffix(strings.TrimSuffix(before, "达到"), "达"), verbs) {
		return false // 再减少贫困人口1000万人: what the work changes
	}
	for _, w := range []string{"预计", "将达到", "将达", "达到", "达", "约", "共", "有", "将"} {
		before = strings.TrimSuffix(before, w)
	}
	for _, w := range populationNouns {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	// a count of people as the subject of its clause (全国近3亿人领取…)
	for _, w := range []string{"今年", "全年", "全国", "全省", "全市"} {
		before = strings.TrimPrefix(before, w)
	}
	return before == "" && q.cmp != "=" && q.cmp != "range" && !has(string(ns[q.after:clauseEnd(ns, q.after)]), verbs)
}

// aboutPeople reports a count of people given as about so many with no
// verb in its clause (科技工作者总数约300万人): how many there are, outside
// a plan's goals.
func aboutPeople(ns []rune, q quantity, cs int) bool {
	if q.base != "人" || q.cmp != "~" {
		return false
	}
	return !has(string(ns[cs:clauseEnd(ns, q.after)]), verbs)
}

// bareHeadcount reports a bare count in 万 or 亿 that counts people (再减少
// 贫困人口1000万以上, 解决6000万农村人口饮水问题, 约1亿农业转移人口): the
// number ends at a comparator closing its clause, or the noun after it
// ends in 人口.
func bareHeadcount(rs []rune, j int) bool {
	for _, w := range []string{"以上", "左右", "以下"} {
		if hasAt(rs, j, w) {
			k := j + 2
			return k == len(rs) || strings.ContainsRune("，,。;；、)", rs[k])
		}
	}
	for k := j; k < len(rs) && k < j+8; k++ {
		if strings.ContainsRune("，,。;；、)(的", rs[k]) || isDigit(rs[k]) {
			return false
		}
		if hasAt(rs, k, "人口") {
			return true
		}
	}
	return false
}

var eachKind = strings.NewReplacer("各类", "", "各级", "", "各地", "", "各项", "", "各种", "")
