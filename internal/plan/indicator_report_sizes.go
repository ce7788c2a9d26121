package plan

import (
	"regexp"
	"slices"
	"strings"
)

// The sizes a province's government work report gives (D106): of what it
// makes, those it serves, the places it builds in, the levels it reaches
// and the totals of what comes before.

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
	// (not a share written out, 由百分之四十二提高到百分之六十: 百分之 is no
	// magnitude; tune41-T)
	if q.cn && (ns[q.a] == '百' || ns[q.a] == '千' || ns[q.a] == '万') && q.a+1 < len(ns) && !isCNDigit(ns[q.a+1]) && !hasAt(ns, q.a+1, "分之") && prev >= 0 && prev <= q.a && q.a-prev <= 6 {
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
// target — unlike the scope of a named place (在江城市三个区建成…). The
// places may be counted in 家 (在250家社区卫生服务中心提供…) and be
// residential 小区; what is done there may be set up or provided as well as
// built (设置, 提供: tune48-T, D222).
func placesBuilt(ns []rune, q quantity, clause string) bool {
	if strings.TrimSpace(clause) != "在" || q.base != "个" && q.base != "家" {
		return false
	}
	rest := string(ns[q.after:clauseEnd(ns, q.after)])
	place := false
	for _, w := range []string{"县", "市", "区", "乡镇", "村", "社区", "园区", "小区"} {
		if strings.HasPrefix(rest, w) || strings.HasPrefix(strings.TrimLeft(rest, "重点脱贫欠发达山区农村"), w) {
			place = true
		}
	}
	// (在3个市级核心区域…新城建设中加大…应用: 建设中 names the scope's
	// works, no verb that builds in the places)
	return place && has(strings.ReplaceAll(rest, "建设中", ""), []string{"建设", "建成", "新建", "打造", "设立", "开设", "布局", "设置", "提供"})
}

// peopleBefore reports a bare count in 万 right after the people it counts
// (新增人口100万, 县城新增常住人口50万), or after them and a verb of change
// (旅居人口分别新增100万; tune48-T): a headcount, read as a target.
func peopleBefore(ns []rune, q quantity) bool {
	if q.base != "" || q.mult < 1e4 {
		return false
	}
	k := q.beforeCmp
	for _, v := range []string{"新增", "增加", "减少"} { // (旅居人口分别新增100万: the people, then the verb of change; tune48-T)
		if endsAt(ns, k, v) {
			k -= len([]rune(v))
			for _, w := range []string{"分别", "再"} {
				if endsAt(ns, k, w) {
					k -= len([]rune(w))
				}
			}
			break
		}
	}
	return endsAt(ns, k, "人口") || endsAt(ns, k, "人口约")
}

// schoolingYears reports a number of years that is an indicator's level,
// not a span (平均受教育年限提高到11.7年, 达11年): read with the unit 年.
func schoolingYears(rs []rune, a, j int, v float64) bool {
	if j >= len(rs) || rs[j] != '年' || v >= 100 {
		return false
	}
	before := string(rs[max(0, a-8):a])
	if !strings.Contains(before, "年限") {
		before = yearsFrom(rs, a)
	}
	return strings.Contains(before, "年限") && has(before, []string{"提高到", "提高至", "提升到", "提升至", "达到", "达", "增加到", "增至"})
}

// yearsFrom is the text of a level in years reached from one stated in
// years before it (受教育年限从10.23年提高到10.8年): from 年限 to rune a, when
// what lies between is 从 or 由, a number, 年 and the verb — else "".
func yearsFrom(rs []rune, a int) string {
	before := string(rs[max(0, a-20):a])
	i := strings.LastIndex(before, "年限")
	if i < 0 {
		return ""
	}
	if !reYearsFrom.MatchString(before[i+len("年限"):]) {
		return ""
	}
	return before[i:]
}

// reYearsFrom is the stretch between 年限 and the level reached: 从 or 由, the
// level it starts from in years (maybe of a year: 从2020年的9.6年), the verb.
var reYearsFrom = regexp.MustCompile(`^[从由](?:20\d\d年的?)?\d+(?:\.\d+)?年[^，,。；;、]{0,4}$`)

// ownObject reports a count followed by the noun it counts in its clause
// (新增4000个自然村通硬化路): an object of its own, not a change of the level
// before it (其中改造580万套，增加110万套).
func ownObject(ns []rune, q quantity) bool {
	return q.base != "" && !moneyOrRate(q) && q.after < clauseEnd(ns, q.after) && !strings.ContainsRune("。", ns[q.after])
}

// totalOf reports a sum given as the total of what a count after it counts
// (抓好总投资2万亿元的389个省重点项目): the programme's size, a target
// beside the count — not a size each thing must have (超10亿元企业20家).
// A total area, length or capacity is the same (建设总面积309万亩的12个森林
// 碳汇发展片区: tune50-T, D231) when the count it totals follows in its
// clause: 总 names the sum over the things counted, not a class of each.
func totalOf(ns []rune, q quantity) bool {
	if q.cmp != "=" && q.cmp != "~" {
		return false // (总投资10亿元以上的项目: a class's threshold)
	}
	words := []string{"总投资", "总投资额", "总规模", "总额"}
	if q.base != "元" {
		if countWords[q.base] || q.base == "%" || !countAfter(ns, q) {
			return false
		}
		words = sizeTotals
	}
	for _, w := range words {
		if endsAtSpaced(ns, q.beforeCmp, w) >= 0 || endsAtSpaced(ns, q.beforeCmp, w+"约") >= 0 || endsAtSpaced(ns, q.beforeCmp, w+"达") >= 0 {
			return true
		}
	}
	return false
}

// sizeTotals name the sum of a size over the things a count counts
// (总面积309万亩的12个片区).
var sizeTotals = []string{"总面积", "总长度", "总里程", "总规模", "总容量"}

// countAfter reports a count right after a quantity's 的 (…万亩的 12 个…):
// digits and a measure word of things counted, in its clause.
func countAfter(ns []rune, q quantity) bool {
	j := q.after
	if j >= len(ns) || ns[j] != '的' {
		return false
	}
	j++
	for j < len(ns) && ns[j] == ' ' {
		j++
	}
	k := j
	for k < len(ns) && (isDigit(ns[k]) || isCNDigit(ns[k])) {
		k++
	}
	if k == j {
		return false
	}
	for k < len(ns) && ns[k] == ' ' {
		k++
	}
	for w := range countWords {
		if hasAt(ns, k, w) {
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
