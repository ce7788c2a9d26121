package plan

import "strings"

// Government work reports of a province as news sites publish them (D104+,
// tune22): the shapes of a 政府工作报告 that the annual plans of D84–D87 did
// not show.

// reportHead is the lines a report's delivery date may stand on: the
// document's first lines, and the lines right under its title wherever the
// title stands — a news page prints its buttons (下载, 打印, 【字号：, 加大 …)
// one a line above it, so the title may be the tenth line.
func reportHead(title string, lines []string) []string {
	head := lines[:min(len(lines), 6)]
	if title == "" {
		return head
	}
	for i, l := range lines[:min(len(lines), 40)] {
		if i >= 5 && strings.Contains(l, title) {
			return append(head[:len(head):len(head)], lines[i+1:min(len(lines), i+4)]...)
		}
	}
	return head
}

// fiveYearDue is the last year of the five-year plan a sentence states
// goals for (“十五五”时期…年均增长5.5%, 到“十五五”末…, 十五五期间…): a
// report of the plan's first years sets the year's targets beside the
// five years', which are due at the span's end, not in the report's year.
// Only a span that has not ended before the plan starts and ends within
// its next five years; a span named as the year's place in it (“十五五”
// 开局之年) sets nothing.
func fiveYearDue(sent string, planStart *int) *int {
	if planStart == nil || !strings.Contains(sent, "五") {
		return nil // (a cheap test: every name holds 五)
	}
	for _, p := range fiveYearEnds {
		i := strings.Index(sent, p.name)
		if i < 0 || p.end < *planStart || p.end-*planStart > 4 {
			continue
		}
		rest := strings.TrimLeft(sent[i+len(p.name):], "”\"」 ")
		if has(rest[:min(len(rest), 9)], []string{"时期", "期间", "末"}) && !has(sent, []string{"开局", "起步之年", "首年", "第一年"}) {
			end := p.end
			return &end
		}
	}
	return nil
}

// ownIndicators reports the count of the plan's own indicators (提出21个主要
// 指标, 包括13个预期性指标、8个约束性指标, 设置30项指标): how the plan is
// built, like its parts (planPart), not a result to reach.
func ownIndicators(ns []rune, q quantity) bool {
	if q.cmp != "=" || q.base != "个" && q.base != "项" && q.base != "类" {
		return false
	}
	j := q.after
	for _, w := range []string{"主要", "核心", "关键", "重点", "量化", "具体", "预期性", "约束性", "指导性"} {
		if hasAt(ns, j, w) {
			j += len([]rune(w))
			break
		}
	}
	return hasAt(ns, j, "指标")
}

// divisionOf reports a count after a 分 that opens its clause (分13个领域
// 细化任务, 分三个阶段推进, 分两批实施): how the work is divided, not
// what it makes.
func divisionOf(ns []rune, q quantity, cs int) bool {
	i := q.beforeCmp - 1
	for i > cs && ns[i] == ' ' {
		i--
	}
	if i < cs || ns[i] != '分' {
		return false
	}
	j := i - 1
	for j >= cs && ns[j] == ' ' {
		j--
	}
	return j < cs
}

// formulaNouns follow a small count in the set phrases of political
// texts (胸怀两个大局, 做到两个维护, 两个毫不动摇, 调动两个积极性, 四个意识):
// a phrase named by its count.
var formulaNouns = []string{"大局", "确立", "维护", "毫不动摇", "结合", "积极性", "意识", "自信", "务必", "先行", "一百年", "百年", "文明"}

// formula reports a small count in Chinese numerals followed by a noun of
// formulaNouns.
func formula(ns []rune, q quantity) bool {
	if !q.cn || q.value*q.mult > 10 || q.base != "个" {
		return false
	}
	for _, w := range formulaNouns {
		if hasAt(ns, q.after, w) {
			return true
		}
	}
	return false
}
