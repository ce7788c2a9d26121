package plan

import (
	"strings"
	"unicode/utf8"
)

// Shapes read on documents the extractor had never seen (a dev pool of
// public documents judged by reading the output, docs/benchmarks.md): what a
// text says of other things than the plan's commitments — names of places,
// the toll of an event, what was done, a baseline, the places a measure is
// tried in, a rule for each member, penalties and the limits of a procedure.

// placeSuffixes end the name of a place (六台区, 四门峡市, 七台河市).
const placeSuffixes = "区县市峡河州镇乡"

// placeName reports a numeral inside the name of a place written straight
// after its province or city (江西省赣州市六台区): a name, not a count. The
// numeral is Chinese and the name's end follows its measure word at once.
func placeName(rs []rune, q quantity) bool {
	if !q.cn || q.a < 2 || q.b >= len(rs) || q.base == "个" {
		return false // (杭州市三个区: a count of districts, not a name)
	}
	if p := rs[q.a-1]; p != '省' && p != '市' && p != '州' || strings.ContainsRune("全本各每该我城同", rs[q.a-2]) {
		return false
	}
	return strings.ContainsRune(placeSuffixes, rs[q.b]) || q.b+1 < len(rs) && strings.ContainsRune(placeSuffixes, rs[q.b+1])
}

// outlineNumber reports a number with a point that opens its sentence and
// stands apart from the word after it by a space (7.2　本办法由…解释): the
// number of an outline item run into the text, not a quantity.
func outlineNumber(rs []rune, q quantity, cs int) bool {
	if q.cn || q.mult != 1 {
		return false
	}
	// the sentence's start (a PDF's 100 家企业 may open a clause) and a
	// number with a point (7.2), not a count
	for _, r := range rs[:q.a] {
		if r != ' ' && r != '\u3000' && r != '\t' {
			return false
		}
	}
	dot := false
	for j := q.a; j < q.b; j++ {
		switch rs[j] {
		case '.':
			dot = true
		case ' ', '\u3000', '\t':
			return dot
		}
	}
	return false
}

// tollWords close the count of an event's toll (造成8人死亡).
var tollWords = []string{"死亡", "遇难", "受伤", "重伤", "轻伤", "失踪", "伤亡"}

// toll reports the toll of an event: the people it killed or hurt, the loss
// it caused (直接经济损失约3亿元), unless the plan brings it down.
func toll(rs []rune, q quantity, clause string) bool {
	for _, w := range tollWords {
		if hasAt(rs, q.after, w) {
			return true
		}
	}
	if strings.Contains(clause, "造成") && has(string(rs[q.after:clauseEnd(rs, q.after)]), tollWords) {
		return true // 造成86名矿工遇难
	}
	return strings.Contains(clause, "经济损失") && (q.cmp == "=" || q.cmp == "~") &&
		!has(clause, []string{"减少", "降低", "下降", "控制", "压减"})
}

// doneAspect reports a verb with 了 in the quantity's clause (新增了120个):
// what was done, stated in the perfective, not what the plan sets out to do.
func doneAspect(clause string) bool {
	return perfective(clause)
}

// doneAfter reports a verb with 了 after the quantity in its clause (3000余名
// 科技工作者参加了活动).
func doneAfter(rs []rune, q quantity) bool {
	return perfective(string(rs[q.after:clauseEnd(rs, q.after)]))
}

func perfective(clause string) bool {
	for i := strings.Index(clause, "了"); i >= 0; {
		before, after := clause[:i], clause[i+len("了"):]
		if !strings.HasSuffix(before, "为") && !strings.HasSuffix(before, "除") && !strings.HasSuffix(before, "不") &&
			!strings.HasPrefix(after, "解") && before != "" {
			return true
		}
		j := strings.Index(after, "了")
		if j < 0 {
			break
		}
		i += len("了") + j
	}
	return false
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

// placeWords head the count of places a measure is tried in.
var placeWords = []string{"城市", "个省", "个市", "个区", "个县", "地区", "直辖市", "区域", "省份", "省（", "省(", "个试点"}

// listedPlaces reports the count of the places just named (东城、西城、南城、
// 北城4个区开展试点): the scope a measure is tried in, not a result.
func listedPlaces(rs []rune, q quantity, clause string) bool {
	if q.cmp != "=" || strings.Count(clause, "、") < 2 {
		return false
	}
	t := string(rs[q.b-1 : min(len(rs), q.after+4)])
	for _, w := range placeWords {
		i := strings.Index(t, w)
		if i < 0 {
			continue
		}
		// the places are the scope when the clause ends or goes on with
		// what is done in them (4个区开展试点), not when they name a
		// kind of thing built (3个区域科普中心)
		k := utf8.RuneCountInString(t[:i+len(w)]) + q.b - 1
		if k >= len(rs) || strings.ContainsRune("，,。;；、:)", rs[k]) || k == clauseEnd(rs, k) ||
			has(string(rs[k:min(len(rs), k+2)]), []string{"开展", "作为", "先行", "率先", "试点", "进行", "实施", "推进", "为", "的", "和", "及", "等"}) {
			return true
		}
	}
	return false
}

// eachSends reports what each member sends or names (各派1名, 各推荐2名) or
// has (两省各15万左右): a rule or a figure for each, proposed.
func eachSends(rs []rune, q quantity) bool {
	return q.beforeCmp >= 1 && rs[q.beforeCmp-1] == '各' || q.beforeCmp >= 2 && rs[q.beforeCmp-2] == '各' || q.beforeCmp >= 3 && rs[q.beforeCmp-3] == '各'
}

// penalty reports a fine or a multiple of one (处违法所得2倍以上5倍以下的罚款).
func penalty(s string, q quantity) bool {
	return (moneyOrRate(q) || q.base == "倍") && has(s, []string{"罚款", "罚金"})
}

// procedureLimit reports the longest a procedure may take (最长不超过10个工作日,
// 最迟不超过4个小时, 期限最长不超过240个月): a rule, not a goal of speed
// (压缩至5个工作日以内 stays one).
func procedureLimit(rs []rune, q quantity, clause string) bool {
	period := q.base == "个" && (hasAt(rs, q.after, "工作日") || hasAt(rs, q.after, "月") || hasAt(rs, q.after, "小时")) ||
		q.base == "小时" || q.base == "天" || q.base == "日"
	return period && has(clause, []string{"最长", "最迟", "最多", "时限为", "期限为"}) &&
		!has(clause, []string{"压缩", "缩短", "减少", "降低", "降至", "减至"})
}

// eventCount reports how often an event happened (共发生5级以上地震48次) or
// a level a figure is compared with (高于年均19次的水平): what is, not what
// the plan brings about.
func eventCount(rs []rune, q quantity, clause string) bool {
	if (q.base == "次" || q.base == "起") && strings.Contains(clause, "发生") && !has(clause, []string{"减少", "下降", "降低", "控制", "不超过", "低于"}) {
		return true
	}
	return hasAt(rs, q.after, "的水平") && has(clause, []string{"高于", "低于", "超过", "相当于"}) &&
		!has(clause, []string{"达到", "提高到", "提升到", "保持在"})
}

// twoOrMore reports 两个以上 (two or more): in Chinese a condition
// (涉及两个以上部门的事项) far more often than a count the plan commits to.
func twoOrMore(q quantity) bool {
	return q.cn && q.value == 2 && q.mult == 1 && q.cmp == ">="
}

// sizeReached reports a scale a count reaches (招生达到3000人的规模): the size
// the plan commits to, not a qualifier of a noun.
func sizeReached(rs []rune, q quantity) bool {
	if !(endsAt(rs, q.beforeCmp, "达到") || endsAt(rs, q.beforeCmp, "扩大到") || endsAt(rs, q.beforeCmp, "扩大至") || endsAt(rs, q.beforeCmp, "形成")) {
		return false
	}
	ce := clauseEnd(rs, q.after)
	rest := strings.TrimRight(string(rs[q.after:ce]), " ")
	if i := strings.IndexByte(rest, '('); i > 0 && strings.HasSuffix(rest, ")") {
		rest = strings.TrimRight(rest[:i], " ") // (见附表)
	}
	return strings.HasPrefix(rest, "的") && strings.HasSuffix(rest, "规模") && len([]rune(rest)) <= 7
}

// namedMeasures are the measure words of the small counts that name a pair
// or a few of a kind (两个市场, 三项制度, 四个意识).
const namedMeasures = "个项种条类大"

// namedCounts counts, over the document, each small count in Chinese
// numerals with the two words after it (两个市场). A count the document
// says three times or more is the name of a concept, not a target, and is
// proposed, not asserted (a target restated once, in the goals and in the
// tasks, stays one). One pass over the lines.
func namedCounts(lines []string) map[string]int {
	m := map[string]int{}
	for _, l := range lines {
		prev := rune(0)
		for i, r := range l {
			if strings.ContainsRune("一二两三四五六七八九十", r) && !isCNDigit(prev) {
				// the numeral, its measure word and the two runes after
				j, n := i, 0
				for k, r2 := range l[i:] {
					if n == 4 {
						j = i + k
						break
					}
					if n == 1 && !strings.ContainsRune(namedMeasures, r2) {
						break
					}
					n++
					j = len(l)
				}
				if n == 4 {
					m[l[i:j]]++
				}
			}
			prev = r
		}
	}
	return m
}

// namedKey is a quantity's key in namedCounts, or "" when it is no small
// count of one numeral and one measure word.
func namedKey(rs []rune, q quantity) string {
	if !q.cn || q.cmp != "=" || q.b != q.a+2 || q.b+2 > len(rs) {
		return ""
	}
	return string(rs[q.a : q.b+2])
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
// (90%以上的乡镇建成综合文化站): a target, not the threshold of a class (营业
// 收入增长20%以上的企业, which no verb of making follows).
func shareDoing(rs []rune, q quantity) bool {
	if q.base != "%" || q.after >= len(rs) || rs[q.after] != '的' {
		return false
	}
	rest := string(rs[q.after+1 : clauseEnd(rs, q.after)])
	return has(rest, []string{"建成", "建立", "实现", "达到", "开展", "配备", "设立", "完成"}) && !has(rest, []string{"给予", "奖励", "补助", "补贴"})
}

// areaWords name the size of a site a text describes (用地面积约300亩).
var areaWords = []string{"用地面积", "占地面积", "建筑面积", "总面积", "面积约", "面积为"}

// describedArea reports the area of a site given as its description, with
// no verb of making in the quantity's clause: proposed, not asserted
// (新增展陈面积1万平方米 and 建成建筑面积2万平方米的科技馆 stay targets).
func describedArea(rs []rune, q quantity, clause string) bool {
	if q.cmp != "=" && q.cmp != "~" {
		return false // 建筑面积不少于1万平方米: a floor of what is built
	}
	for _, w := range areaWords {
		if endsAt(rs, q.beforeCmp, w) || endsAt(rs, q.beforeCmp, w+"约") {
			return !has(clause, []string{"新增", "新建", "建成", "扩大", "增加", "达到", "改造", "提升"})
		}
	}
	return false
}

// pickVerbs choose some from among a pool (从全市2000家企业中遴选100家).
var pickVerbs = []string{"中遴选", "中选拔", "中评选", "中推荐", "中择优", "中选取", "中筛选", "中选出", "中评定"}

// poolOf reports the pool a choice is made from: from among 2000 firms, not a
// count the plan reaches.
func poolOf(rs []rune, q quantity, clause string) bool {
	if !strings.Contains(clause, "从") {
		return false
	}
	return has(string(rs[q.after:min(len(rs), q.after+12)]), pickVerbs)
}

// eachEvent are the openings of a rule for each event or item (每场, 每期).
var eachEvent = []string{"每场", "每期", "每次", "每项", "每批", "每届", "每轮", "每个项目", "每门"}

// floorEach reports a floor set for each event or item (每场活动参与人数不少于
// 50人): a standard, proposed. A floor for each place (每个乡镇至少建设1个)
// stays a target.
func floorEach(q quantity, clause string) bool {
	return (q.cmp == ">=" || q.cmp == ">") && has(clause, eachEvent) &&
		!has(clause, []string{"增长", "提高", "提升", "增加", "带动", "实现", "突破"}) // (带动每届参展企业贸易额增长10%以上)
}

// byStandard reports a quantity inside 按照…的标准 (按照每万人口不少于1名的标准
// 配备): the standard a measure applies, proposed, not a count reached.
func byStandard(rs []rune, q quantity, clause string) bool {
	if !strings.Contains(clause, "按") {
		return false
	}
	rest := string(rs[q.after:clauseEnd(rs, q.after)])
	i := strings.Index(rest, "的标准")
	return i >= 0 && i <= 30
}

// scopeIn reports a clause that opens with 在 and names only a place before
// the count (在江城市三个区建成…): where the work is done, like 在12个赛道.
func scopeIn(clause string) bool {
	c := strings.TrimLeft(clause, " ")
	if !strings.HasPrefix(c, "在") || utf8.RuneCountInString(c) > 9 {
		return false
	}
	return !has(c, verbs) && !has(c, []string{"控制在", "保持在", "稳定在", "维持在"})
}

// partWords name the parts of a whole (部分, 维度, 方面 …), not things made.
var partWords = []string{"部分", "维度", "方面", "层面", "环节", "层级", "层次", "板块", "阶段", "组成部分"}

// partsOfWhole reports the count of the parts of a thing just listed or
// said to make it up: 包括通用、安全、检测等3个部分, “聚、通、融”三个关键环节,
// 分为三个阶段. A count of parts is how a thing is described, not what the
// plan will make.
func partsOfWhole(ns []rune, q quantity, clause string) bool {
	if q.cmp != "=" || q.base != "个" && q.base != "类" {
		return false
	}
	// up to three runes between (等3个关键环节), spaces a PDF put in skipped
	// (等4个 部 分)
	for j, k := q.after, 0; j < len(ns) && k < 4 && !strings.ContainsRune("，,。;；、", ns[j]); j++ {
		if ns[j] == ' ' {
			continue
		}
		for _, w := range partWords {
			if hasAtSpaced(ns, j, w) {
				return strings.Contains(clause, "、") || endsAt(ns, q.a, "等") || has(clause, []string{"包括", "分为", "涵盖", "由", "从"})
			}
		}
		k++
	}
	return false
}

// hasAtSpaced reports whether word starts at rune index i of rs, spaces
// between its runes allowed (部 分).
func hasAtSpaced(rs []rune, i int, word string) bool {
	for _, w := range word {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		if i >= len(rs) || rs[i] != w {
			return false
		}
		i++
	}
	return true
}
