package plan

import "strings"

// Counts that name rather than count: a small count said so often it
// names a concept (两个市场), 两个以上 and 一 as the words they mostly are,
// a count of counts (三个1亿人), the count of the issuers of a document
// (等5部门印发) and the total of the names just listed (福州、厦门、泉州三个
// 产业园).

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
