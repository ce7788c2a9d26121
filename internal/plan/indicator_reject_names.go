package plan

import (
	"regexp"
	"strings"
)

// Names, quotations and the parts of a whole, not counts the plan commits
// to: a number inside a quotation, a gloss or a title (《…》), the name of
// one of a list of things, the count of the plan's own parts or of a
// thing's parts, and a bare magnitude naming a class (百亿元产业集群, but
// 百名领军人才 counts). Counts that name in other ways are in
// indicator_reject_counts.go.

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
	j := openedBefore(rs, i, '(', ')', 60)
	return j >= 0 && j+1 < len(rs) && rs[j+1] == '即'
}

// inBookTitle reports whether rune i is inside 《…》: the title of a document
// or a work names it, whatever numbers it holds.
func inBookTitle(rs []rune, i int) bool {
	return openedBefore(rs, i, '《', '》', 80) >= 0
}

// openedBefore is where the bracket open that holds rune i opens, looking
// back fewer than reach runes; -1 when a close comes first or none does.
func openedBefore(rs []rune, i int, open, close rune, reach int) int {
	for j := i - 1; j >= 0 && i-j < reach; j-- {
		switch rs[j] {
		case close:
			return -1
		case open:
			return j
		}
	}
	return -1
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
	// (今年重点抓好三项工作。必须抓好以下五项工作：the text's own tasks,
	// which it then lists; not 三个工作站, what is built; tune43-T)
	return hasAt(rs, i, "工作") && (i+2 == len(rs) || strings.ContainsRune("。：:，,；;", rs[i+2]))
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
