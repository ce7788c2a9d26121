package plan

import (
	"regexp"
	"strings"
)

// Names, quotations and the parts of a whole, not counts the plan commits
// to: a number inside a quotation or a gloss, the name of one of a list of
// things, the count of the plan's own parts or of a thing's parts, a small
// count said so often it names a concept, the count of the issuers of a
// document, the total of the names just listed, a count of counts, a bare
// magnitude naming a class (百亿元产业集群, but 百名领军人才 counts), and 一
// and 两个以上 as the words they mostly are.

// quoted reports whether rune i is inside a “…” quotation of its sentence.
func quoted(rs []rune, i int) bool {
	open := false
	for _, r := range rs[:i] {
		switch r {
		case '“':
			open = true
		case '”', '"':
			open = false
		}
	}
	return open
}

// inGloss reports whether rune i is inside a bracket that spells out a
// name's parts: (即…).
func inGloss(rs []rune, i int) bool {
	for j := i - 1; j >= 0 && i-j < 60; j-- {
		switch rs[j] {
		case ')':
			return false
		case '(':
			return j+1 < len(rs) && rs[j+1] == '即'
		}
	}
	return false
}

// reMagnitudes is a list of bare magnitudes (百名…、千名…、万名…), the
// shape of talent ladders; 千家万户 is a set phrase, not a list.
var reMagnitudes = regexp.MustCompile(`[百千万][名家个项件所场人位][^、，,。；;]{0,14}[、和与及][百千万][名家个项件所场人位]`)

// bareCount reports a bare magnitude that counts what a plan commits to
// (培育百家企业, 百名领军人才、千名骨干人才) rather than naming a class
// (百亿元产业集群, 千亿级): a count word, no multiplier after it, and a verb
// governing it or a list of such magnitudes.
func bareCount(rs []rune, q quantity, clause string) bool {
	if q.mult != 1 || moneyOrRate(q) || q.b < len(rs) && strings.ContainsRune("万千百亿级", rs[q.b]) || programName(rs, q) {
		return false
	}
	return has(clause, verbs) || reMagnitudes.MatchString(string(rs[max(0, q.a-20):min(len(rs), q.b+20)]))
}

// programWords end the name of a programme (千个…乡村建设行动, 千名…培养计划).
var programWords = []string{"行动", "计划", "工程", "活动"}

// programName reports a bare magnitude that opens the name of a programme
// (实施千个宜居宜业和美乡村建设行动, 开展千名经理人培养计划): the noun after
// it, to its clause's end, ends with 行动, 计划, 工程 or 活动 — a name, not a
// count (培育百家企业 counts them).
func programName(rs []rune, q quantity) bool {
	end := clauseEnd(rs, q.after)
	for end > q.after && strings.ContainsRune("。.!?！？ ", rs[end-1]) {
		end--
	}
	if end-q.after > 24 {
		return false
	}
	name := string(rs[q.after:end])
	for _, w := range programWords {
		if strings.HasSuffix(name, w) {
			return true
		}
	}
	return false
}

// nameInList reports a quantity in Chinese numerals that ends an item of a
// list of names whose other items hold no number (高山滑雪、冬季两项、速度
// 滑冰): part of a name, not a count.
func nameInList(rs []rune, q quantity) bool {
	end := q.after
	if end >= len(rs) || rs[end] != '、' && !(q.a > 0 && itemStart(rs, q.a) > 0 && rs[itemStart(rs, q.a)-1] == '、') {
		return false
	}
	if end < len(rs) && !strings.ContainsRune("、，,。；;", rs[end]) {
		return false
	}
	a := itemStart(rs, q.a)
	if a == q.a || has(string(rs[a:q.a]), verbs) {
		return false
	}
	// the neighbouring items
	lo, hi := a, end
	if lo > 0 && rs[lo-1] == '、' {
		lo = itemStart(rs, lo-1)
	}
	if hi < len(rs) && rs[hi] == '、' {
		hi++
		for hi < len(rs) && !strings.ContainsRune("、，,。；;", rs[hi]) {
			hi++
		}
	}
	for _, r := range string(rs[lo:a]) + string(rs[end:hi]) {
		if isDigit(r) || isCNDigit(r) && r != '一' {
			return false
		}
	}
	return true
}

// itemStart is where the list item holding rune i starts (after 、 or the
// clause's start).
func itemStart(rs []rune, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.ContainsRune("、，,:：;；。", rs[j]) {
			return j + 1
		}
	}
	return 0
}

// planPart reports the noun of a plan's own parts after a count (十项行动,
// 三项改革, 五个专项): the shape of a plan's structure.
func planPart(rs []rune, i int) bool {
	for _, w := range []string{"行动", "工程", "计划", "任务", "举措", "措施", "改革", "专项", "机制", "体系", "重点任务", "攻坚",
		"重点工作", "方面", "板块", "环节", "原则", "规定", "目标", "实事", "民生实事"} {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
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

// twoOrMore reports 两个以上 (two or more): in Chinese a condition
// (涉及两个以上部门的事项) far more often than a count the plan commits to.
func twoOrMore(q quantity) bool {
	return q.cn && q.value == 2 && q.mult == 1 && q.cmp == ">="
}

// leastOne reports 一 with a comparator of a floor before it (至少有一人,
// 不少于一个): a count, though 一 is most often a word (一批, 一次性).
func leastOne(q quantity) bool {
	return q.cmp == ">=" && q.beforeCmp < q.a && countWords[q.base]
}

// pointChanged reports one percentage point a share moves by, written in
// Chinese (占比每年提高一个百分点, 降低一个百分点): a change, not the word 一.
func pointChanged(ns []rune, q quantity) bool {
	if q.base != "个百分点" && q.base != "百分点" {
		return false
	}
	for _, w := range []string{"提高", "提升", "降低", "下降", "上升", "增加", "减少", "增长"} {
		if endsAt(ns, q.beforeCmp, w) {
			return true
		}
	}
	return false
}

// countOfCounts reports a count straight before another number, or a
// number straight after such a count (三个1亿人, 五个100): the name of a
// set of tasks, not a quantity.
func countOfCounts(ns []rune, q quantity) bool {
	if q.cn && q.b < len(ns) && isDigit(ns[q.b]) && countWords[q.base] {
		return true
	}
	return q.a >= 2 && q.beforeCmp == q.a && ns[q.a-1] == '个' && isCNDigit(ns[q.a-2])
}

// issuers reports the count of departments that issue a document (等5部门
// 印发, 六部门联合发布) or that a list names (某委等5部门负责): part of a
// name, not a number to reach.
func issuers(ns []rune, q quantity) bool {
	if q.base != "部" || !hasAt(ns, q.b, "门") && !hasAt(ns, q.b, "委") { // (某部等九部委印发)
		return false
	}
	if endsAt(ns, q.beforeCmp, "等") || endsAt(ns, q.beforeCmp, "等 ") {
		return true // the total of the departments named before it (某委等5部门)
	}
	j := q.b + 1
	for j < len(ns) && ns[j] == ' ' {
		j++
	}
	return has(string(ns[j:min(len(ns), j+4)]), []string{"印发", "联合", "发布", "制定", "出台", "关于"})
}

// listTotal reports a count that totals the names just listed before it
// (福州、厦门、泉州三个产业园): all the parts named, proposed rather than
// asserted (a scope, or where a pilot runs).
func listTotal(ns []rune, q quantity, cs int) bool {
	if q.cmp != "=" || q.isRange || q.mult != 1 || q.a == 0 || q.a-cs > 80 || !countWords[q.base] {
		return false
	}
	listed := false
	for _, r := range ns[cs:q.a] {
		listed = listed || r == '、'
	}
	sep := "、"
	if !listed {
		// two names joined by 与 or 和 (环评与排污许可两项审批)
		sep = pairJoin(ns[cs:q.a])
		if sep == "" || q.value != 2 {
			return false
		}
	}
	items := strings.Split(strings.TrimSpace(string(ns[cs:q.a])), sep)
	if len(items) < 2 || float64(len(items)) != q.value {
		return false
	}
	for _, it := range items {
		n := len([]rune(it))
		if n == 0 || n > 10 {
			return false
		}
		if placeItem(it) {
			continue // (三星镇: a numeral inside a place's name)
		}
		for _, r := range it {
			if isDigit(r) || isCNDigit(r) && r != '一' {
				return false
			}
		}
	}
	// (新建城东、城西两所学校 counts what is built: a verb of making before
	// the first name; a verb inside a name, 孵化机, governs nothing, and
	// 推动A、B…等5个整县 or 提升A、B…等15个区县 count the places a measure
	// reaches)
	return !has(items[0], makingVerbs)
}

// makingVerbs make or set up the things a plan counts.
var makingVerbs = []string{"新建", "建设", "建成", "打造", "培育", "创建", "改造", "设立", "组建", "建立", "新增", "认定", "遴选", "评选", "命名", "引进"}

// pairJoin is the word that joins two names in the text (与, 和), when it
// holds one only and no other list.
func pairJoin(rs []rune) string {
	j := ""
	for _, r := range rs {
		if r == '与' || r == '和' {
			if j != "" {
				return ""
			}
			j = string(r)
		}
	}
	return j
}

// placeItem reports an item of a list that is a place's name (三星镇,
// 横沙乡等): a numeral inside it is part of the name, no count.
func placeItem(it string) bool {
	it = strings.TrimSuffix(strings.TrimSpace(it), "等")
	rs := []rune(it)
	if len(rs) < 3 {
		return false
	}
	for _, r := range rs {
		if isDigit(r) {
			return false
		}
	}
	return strings.ContainsRune("镇乡村县区市", rs[len(rs)-1]) || strings.HasSuffix(it, "街道")
}
