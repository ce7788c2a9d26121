package plan

import (
	"regexp"
	"strings"
)

// numeralSpelt reports a count that spells out the numeral of a quoted
// name it glosses: “3+5+X”政策体系——“3”即…3项普惠政策；“5”即…5项专项政策
// (a footnote or an explanation saying what a name's numbers stand for) —
// unless a verb of building governs it (glossBuilds).
// The count is the name's own number, read back: a description, not a
// result. Only a clause that opens with a short quoted numeral and 即 (或
// 指, 是指), and only a count of that same number, so a target stated in a
// definition (“411”计划——即…每年提高一个百分点) stays, and the count must
// total the items listed after 即 (A、B、C3项).
func numeralSpelt(ns []rune, q quantity) bool {
	if q.isRange || q.cmp != "=" || q.mult != 1 {
		return false
	}
	for j := q.a - 1; j >= 1 && q.a-j <= 80; j-- {
		switch ns[j] {
		case '；', ';', '。', '\n', '：', ':':
			return false
		case '即', '指':
			k := j - 1
			if ns[j] == '指' && k >= 0 && ns[k] == '是' {
				k--
			}
			if k < 0 || ns[k] != '”' && ns[k] != '"' {
				continue
			}
			open := k - 1
			for open >= 0 && k-open <= 6 && ns[open] != '“' && ns[open] != '"' {
				open--
			}
			if open < 0 || k-open > 6 || k-open < 2 {
				return false
			}
			n, ok := number(string(ns[open+1 : k]))
			return ok && n == q.value && listed(ns[j+1:q.a]) && !has(string(ns[j+1:q.a]), glossBuilds)
		}
	}
	return false
}

// glossBuilds are verbs of building that make a gloss's count what the plan
// builds (“20”是指新建、改建…特色园20座; “100”是指在街头、路口等区域新增…点位
// 100个): the name's number is the plan's target, its list the places or the
// ways (tune31).
var glossBuilds = []string{"新建", "新增", "建成", "改建", "扩建"}

// glossBuilt reports a count that a verb of building governs after the 指
// of its gloss, in its clause (“20”是指新建、改建…特色园20座): what the plan
// builds, though a gloss says it.
func glossBuilt(ns []rune, q quantity) bool {
	for j := q.a - 1; j >= 0 && q.a-j <= 60; j-- {
		switch ns[j] {
		case '，', ',', '；', ';', '。':
			return false
		case '指', '即':
			return has(string(ns[j+1:q.a]), glossBuilds)
		}
	}
	return false
}

// listed reports items listed with 、 in rs.
func listed(rs []rune) bool {
	for _, r := range rs {
		if r == '、' {
			return true
		}
	}
	return false
}

// reUnitGloss is a clause that opens by saying what one unit is worth (1
// EFLOPS 约为 5 台天河2A…, 1标准机架相当于2.5千瓦).
var reUnitGloss = regexp.MustCompile(`^\s*1\s*(?:[A-Za-z]{1,8}|\p{Han}{1,4})\s*(?:约为|约等于|相当于|等于|=)`)

// unitGloss reports a quantity in a clause that says what one unit is worth
// (据测算，1 EFLOPS 约为5台天河2A或200万台笔记本的算力): the unit's
// equivalents, a definition, no result (tune30).
func unitGloss(clause string) bool {
	return len(clause) > 0 && clause[0] <= '1' && reUnitGloss.MatchString(clause)
}

// sloganMakers are the verbs that build what a numeral slogan names
// (建成“1+5+4”…布局, 构建“1+N+X”…体系).
var sloganMakers = []string{"建成", "构建", "建设", "打造", "形成", "布局", "建立"}

// sloganSpelt reports a count inside the bracket that spells out a numeral
// slogan (“1+5+4”) a verb of building governs: 建成“1+5+4”（大科学装置1个、
// 试验区5个、测试场4个）…布局 — each count is what the plan builds, no note
// on a name (tune32-P). (A gloss with 即 in the bracket stays a gloss.)
func sloganSpelt(ns []rune, q quantity) bool {
	j := openedBefore(ns, q.a, '(', ')', 60)
	if j < 0 {
		return false
	}
	// the slogan's closing quote, the noun it names between it and the bracket
	k := j - 1
	for k >= 0 && j-k <= 20 && ns[k] != '”' && ns[k] != '"' {
		if strings.ContainsRune("，,。；;、", ns[k]) {
			return false
		}
		k--
	}
	if k < 0 || j-k > 20 {
		return false
	}
	o := k - 1
	for o >= 0 && k-o <= 12 && ns[o] != '“' && ns[o] != '"' {
		o--
	}
	if o < 0 || k-o > 12 || !strings.ContainsRune(string(ns[o+1:k]), '+') {
		return false
	}
	start := o
	for start > 0 && o-start < 20 && !strings.ContainsRune("，,。；;(", ns[start-1]) {
		start--
	}
	return has(string(ns[start:o]), sloganMakers)
}
