package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Government work reports of a province as news sites publish them (D106,
// tune22): the shapes of a 政府工作报告 that the annual plans of D84–D87 did
// not show.

// reportHead is the lines a report's delivery date may stand on: the
// document's first lines, and the lines under its title wherever the title
// stands — a news page prints its buttons (下载, 打印, 【字号：, 加大 …) one a
// line above the title or between it and the date, so either may be the
// tenth line.
func reportHead(title string, lines []string) []string {
	head := lines[:min(len(lines), 6)]
	if title == "" {
		return head
	}
	for i, l := range lines[:min(len(lines), 40)] {
		if strings.Contains(l, title) {
			return append(head[:len(head):len(head)], lines[i+1:min(len(lines), i+14)]...)
		}
	}
	return head
}

// fiveYearDue is the last year of the five-year plan a sentence states
// goals for (“十五五”时期…年均增长5.5%, 到“十五五”末…, 十五五期间…): a
// report of the plan's first years sets the year's targets beside the
// five years', which are due at the span's end, not in the report's year;
// so do the next five years named (今后五年, 未来五年: the plan's start + 4).
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
	if has(sent, []string{"今后五年", "未来五年"}) && !has(sent, []string{"开局", "起步之年", "首年", "第一年"}) {
		end := *planStart + 4 // (《纲要草案》设定了今后五年…主要指标，包括…年均增长5%左右; tune30)
		return &end
	}
	return nil
}

// outlineDue is the last year of the five-year span a plan of one year
// starts, when the sentence presents that span's outline and its indicators
// or goals (《纲要（草案）》明确了经济社会发展主要指标：…): the paragraph's
// later sentences state the outline's goals, due at the span's end, not in
// the report's year (tune30). nil otherwise.
func outlineDue(sent string, c *lineCtx) *int {
	if !c.annual || c.planStart == nil || !strings.Contains(sent, "纲要") || !has(sent, []string{"指标", "目标"}) || !has(sent, []string{"《", "“"}) {
		return nil
	}
	for _, p := range fiveYearEnds {
		if p.end >= *c.planStart && p.end-*c.planStart <= 4 {
			end := p.end
			return &end
		}
	}
	return nil
}

// actionOpeners open the heading of a part of the year's work (加快释放改革
// 开放成效, 持续提升…, 着力…): a task, though its words (成效, 成绩) are
// those of a review.
var actionOpeners = []string{"加快", "持续", "着力", "进一步", "全面", "不断", "扎实", "全力", "大力", "积极", "深入", "切实",
	"坚持", "聚焦", "加强", "强化", "提升", "提高", "增强", "推进", "推动", "促进", "释放", "突出", "奋力", "更好", "更大力度",
	"打好", "打赢", "巩固"} // (打好“消黑除劣”成效保卫战: a battle to keep what was won is a task)

// actionTitle reports a heading that opens with one of actionOpeners, after
// its number if it kept one — unless it names where things stand (全面把握
// 发展形势, 深入分析现状) or says what was achieved (持续推进…取得积极进展,
// a review's item): only the effect it is to bring (成效) is read as a task.
func actionTitle(t string) bool {
	if has(t, []string{"形势", "现状", "背景", "回顾", "总结", "情况", "基础", "问题", "挑战", "取得", "进展", "成绩", "成就"}) {
		return false
	}
	t = strings.TrimLeft(t, "（(一二三四五六七八九十0123456789)）、. ")
	for _, w := range actionOpeners {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// notPastCues takes out of s what only looks like a word of the past: 目前
// inside 项目前期 (做实重大项目前期工作), 上年 across 基础上 and 年均 (在…的
// 基础上年均增长7%), 现有 naming what the work changes (现有超载区逐步退出,
// 现有设施改造提升) or after a verb of change (改扩建现有…), and 已建成
// between a count and its noun (5000个已建成自然村) or after a verb
// acting on it (优化已建成…): the task is ahead.
func notPastCues(s string) string {
	if strings.Contains(s, "基础上年") {
		s = strings.ReplaceAll(s, "基础上年", "基础年") // (…的基础上年均增长7%: no 上年; tune32-P)
	}
	if strings.Contains(s, "项目前") {
		s = strings.ReplaceAll(s, "项目前", "项前")
	}
	if strings.Contains(s, "现有") {
		s = reChangedExisting.ReplaceAllString(reExistingChanged.ReplaceAllString(s, ""), "$1")
	}
	if strings.Contains(s, "已建成") {
		s = reCountedBuilt.ReplaceAllString(s, "$1")
	}
	return s
}

// reCountedBuilt is 已建成 between a count and its noun (改造提升超5000个已建成
// 自然村的污水设施), or right after a verb that acts on what it names
// (优化已建成自然村污水设施运维管护, 对已建成项目开展评估; tune30): which of
// them the work changes, not what was done.
var reCountedBuilt = regexp.MustCompile(`(\d[个座家所处条]|` + changeVerbs + `|维护|管护|运维|用好|管好|巩固|对)已建成`)

// changeVerbs act on what exists to change it (改扩建现有20个储备库, 优化已建成…).
const changeVerbs = `改扩建|改建|扩建|改造|提升|完善|升级|整合|优化|整治|盘活`

// reChangedExisting is 现有 right after a verb of change (改扩建现有20个中央
// 储备库): what the work rebuilds, not what stands (tune30); or after 完成,
// whose object it opens (2年内完成现有31条…道路的治理任务: what is to be
// done over the plan's years, tune36-T).
var reChangedExisting = regexp.MustCompile(`(` + changeVerbs + `|完成)现有`)

// reExistingChanged is 现有 and the noun a verb of change closes
// (现有超载区逐步退出, 现有产能有序淘汰).
var reExistingChanged = regexp.MustCompile(`现有[^，。；,;：:]{1,10}?(?:逐步|有序|全部|加快|依法)?(?:退出|淘汰|关停|改造|整合|升级|搬迁|拆除|整治|清理)`)

// spanTitleDue is the year the targets of a part are due whose title names
// a five-year plan that ends after the plan, and its period or its goals
// (二、“十五五”时期主要目标任务 in the report of 2026): that span's last
// year. A review of it (“十四五”时期工作回顾), the year's work named by its
// place in the span (确保“十五五”开好局起好步, 2026年…), and a plan that runs
// to the span's end itself are left alone.
func spanTitleDue(title string, p Period) *int {
	if p.End == nil || !strings.Contains(title, "五") || pastTitle(title) ||
		!has(title, []string{"时期", "期间", "目标", "任务", "考虑", "规划", "末"}) ||
		has(title, []string{"开局", "开好局", "起步", "开端", "首年", "第一年", strconv.Itoa(*p.End) + "年"}) {
		return nil
	}
	for _, s := range fiveYearEnds {
		if s.end > *p.End && s.end-*p.End <= 5 && strings.Contains(title, s.name) {
			end := s.end
			return &end
		}
	}
	return nil
}

// reDeliveredCN is a report's delivery line with its date in Chinese
// numerals (——二〇二六年一月二十七日在…会议上).
var reDeliveredCN = regexp.MustCompile(`^[-—~\s(（]*([〇○零一二三四五六七八九]{4})\s*年\s*[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?\s*在.{2,40}(?:会议|大会)`)

// deliveredCN is the year of a delivery line dated in Chinese numerals.
func deliveredCN(l string) (int, bool) {
	m := reDeliveredCN.FindStringSubmatch(l)
	if m == nil {
		return 0, false
	}
	y := 0
	for _, r := range m[1] {
		y = y*10 + cnDigits[r] // (○, a circle written for 〇, is zero: not in the map)
	}
	return y, y >= 1990 && y <= 2100
}

// reportPartWords are in the unnumbered titles of a report's parts (“十四五”时期
// 工作回顾, “十五五”时期的主要目标任务, 2026年重点工作).
var reportPartWords = []string{"时期", "重点工作", "工作安排", "工作任务", "主要目标", "目标任务", "工作回顾", "总体要求", "回顾"}

// reportPart reports a line of a report's preamble that titles a part
// without a number (“十五五”时期的主要目标任务): short, no punctuation of a
// sentence, and the words of a part.
func reportPart(l string) bool {
	l = strings.TrimSpace(l)
	n := utf8.RuneCountInString(l)
	return n >= 4 && n <= 24 && !strings.ContainsAny(l, "。，,；;：:！!？?、|（()）") && has(l, reportPartWords) && !strings.HasSuffix(l, "报告") &&
		!isCNDigit([]rune(l)[0]) // (not a table's row, nor a numbered heading the heading reader left)
}

// partCtx sets what the paragraphs of a report's unnumbered part inherit
// from its title, as a section's would (indicator.go's lineCtx): read in
// full (no longer the preamble), the past in a review, goals in a part of
// goals, due at a five-year span's end in the span's part.
func partCtx(c *lineCtx, title string, p Period) {
	c.preamble = false
	c.past = pastTitle(title)
	c.goalSection = strings.Contains(title, "目标")
	if due := spanTitleDue(title, p); due != nil {
		c.deadline = due
	}
}
