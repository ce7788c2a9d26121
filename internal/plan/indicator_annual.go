package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Annual government plans (政府工作报告 and the like) and documents dated
// only by their day of issue: the year their targets are due by (D84).
//
// A report delivered to a congress states the year's targets beside a
// review of the past year. It names no span in its title; the line under
// the title dates its delivery (——2031年3月5日在…会议上, or …会议，2031年3月5日),
// and that year is the plan's: 今年 is that year, 今明两年 the next, 三年内
// counted from it.

var (
	// a line dating a report's delivery to a congress or meeting
	reDeliveredOn = regexp.MustCompile(`^[-—~\s(]*(20\d\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*在.{2,40}(?:会议|大会)上|(?:会议|大会)\s*[,，]?\s*(20\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$`)
	// a line that is a date of issue (2031年7月28日, 2031 年 7 月 28 日),
	// not a milestone (2031年6月30日前完成…, 2031年6月30日，…)
	reIssued = regexp.MustCompile(`^\s*(20\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s|$)`)
)

// reportTitle reports the title of an annual report (政府工作报告, 工作报告,
// 关于…2032年计划草案的报告, 关于…预算草案的报告).
func reportTitle(l string) bool {
	l = strings.Trim(l, "《》 ")
	n := len([]rune(l))
	return strings.HasSuffix(l, "工作报告") && n <= 30 ||
		strings.HasPrefix(l, "关于") && strings.HasSuffix(l, "的报告") && n <= 80 && has(l, []string{"计划", "预算"})
}

// annualYear is the year of a report whose opening lines date its
// delivery to a congress or meeting.
func annualYear(title string, lines []string) (int, bool) {
	if !reportTitle(title) {
		return 0, false
	}
	head := reportHead(title, lines)
	for i, l := range head {
		for _, cand := range []string{l, joinedNext(head, i)} {
			if m := reDeliveredOn.FindStringSubmatch(cand); m != nil {
				y, _ := strconv.Atoi(m[1] + m[2])
				return y, true
			}
			if y, ok := deliveredCN(cand); ok {
				return y, true // (——二〇二六年一月二十七日在…: indicator_report.go)
			}
		}
	}
	// a title that names the meeting (在第…次会议上的政府工作报告) dates the
	// report by the date alone on a line under it (2010年3月5日; tune32-P)
	if strings.Contains(title, "会议上") || strings.Contains(title, "大会上") {
		for _, l := range head {
			if m := reIssued.FindStringSubmatch(l); m != nil {
				y, _ := strconv.Atoi(m[1])
				return y, true
			}
		}
	}
	return 0, false
}

// joinedNext is line i of lines with the next joined to it, as one line a
// PDF's page width broke (——2026年2月4日在…第五\n次会议上); "" for the last.
func joinedNext(lines []string, i int) string {
	if i+1 >= len(lines) {
		return ""
	}
	return strings.TrimRight(lines[i], " \t\r") + strings.TrimSpace(lines[i+1])
}

// issueYear is the year of the first line that is a date (a notice's date
// of issue, a printout's date): what "N年内" and "未来N年" count from when
// the plan states no first year of its own.
func issueYear(lines []string) *int {
	for _, l := range lines {
		if !strings.HasPrefix(l, "20") {
			continue // (a cheap test before the regexp)
		}
		if m := reIssued.FindStringSubmatch(l); m != nil {
			y, _ := strconv.Atoi(m[1])
			return &y
		}
	}
	return nil
}

// doneReport reports a document whose title says it reports what was
// done, not what will be: a circular (…给予表扬的通报, …事故调查处理情况的
// 通报) or a letter on how requests were handled (…建议办理情况的函). The
// title may run over its first lines; one that issues or forwards another
// text (印发, 转发, 批转) is that text's wrapper, not a report.
func doneReport(lines []string) bool {
	var title strings.Builder
	for i, n := 0, 0; i < len(lines) && n < 4; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" || pageParticular(l) {
			continue // (a page's particulars and posting line above the title: ingest_title_page.go)
		}
		if n++; strings.ContainsAny(l, "。；") || utf8.RuneCountInString(l) > 40 {
			return false
		}
		title.WriteString(l)
		t := title.String()
		if strings.HasSuffix(t, "通报") || strings.HasSuffix(t, "情况的函") {
			return !has(t, []string{"印发", "转发", "批转"})
		}
	}
	return false
}

// withinFrom is the first year "N年内" counts from: the plan's first year,
// else the year after its issue (a measure issued in 2031 to be done within
// two years is due in 2033: its second year is 2033, counted from the day
// of issue).
func withinFrom(start, issued *int) *int {
	if start != nil || issued == nil {
		return start
	}
	y := *issued + 1
	return &y
}

// thisAndNext is the year 今明两年 (this year and the next) ends in, in a
// plan whose year is known.
func thisAndNext(s string, from *int) *int {
	if from == nil || !strings.Contains(s, "今明两年") {
		return nil
	}
	y := *from + 1
	return &y
}

// reviewTitle reports the title of a part that says how last year's plan
// went (2031年国民经济和社会发展计划执行情况, 预算完成情况): achievements.
func reviewTitle(t string) bool {
	return strings.HasSuffix(t, "执行情况") || strings.HasSuffix(t, "完成情况")
}

// aimedTitle reports a heading that names what the work is to achieve
// (推动重要领域改革取得新突破, 力争取得实质进展): a task, though its words
// (取得, 成效) are those of a review.
func aimedTitle(t string) bool {
	return has(t, []string{"取得新", "取得更", "取得实质", "取得明显", "取得重大", "取得突破", "推动", "力争", "确保", "争取", "努力"}) || actionTitle(t)
}

// notPerYear reports a 年 that names a year rather than a period (今年,
// 明年, 全年, 当年, 比上年) or a time limit (年内, 2 年内): no per-year rate.
func notPerYear(clause string, i int) bool {
	rest := clause[i+len("年"):]
	if strings.HasPrefix(rest, "内") || strings.HasPrefix(rest, "限") {
		return true
	}
	before := strings.TrimRight(clause[:i], " ")
	for _, w := range []string{"今", "明", "去", "全", "当", "本", "比上", "较上"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return before != "" && isDigit(rune(before[len(before)-1]))
}

// thisYear is the year 今年 names in a clause of a plan whose first year is
// known (an annual plan's year): it dates its clause, whatever deadline the
// sentence opened with (三年内完成…，今年改造…).
func thisYear(clause string, c *lineCtx) *int {
	if c.planStart == nil || !strings.Contains(clause, "今年") || strings.Contains(clause, "今明") {
		return nil
	}
	return c.planStart
}

// The verbs of an annual plan's tasks beyond those of D47/D62: what a
// government cuts, starts and issues in its year (今年再削减…50项, 开工…
// 580万套, 发行…国债, 淘汰…锅炉5万台, 进城落户1300万人). Like the rest of
// the class, no text shows them; verbs joins them to it (indicator_vocab.go).
var budgetVerbs = []string{"削减", "压减", "缩减", "精简", "取消", "下放", "开工", "新开工", "启动", "发行", "淘汰", "关停", "退出",
	"落户", "扩招", "减税", "减轻", "减免", "减负", "搬迁", "化解", "上调", "筹集", "筹建",
	"抓好", "立项", "加装", "维修", "养护", "下乡", "消除", "更新"}
