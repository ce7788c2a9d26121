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
	for _, l := range reportHead(title, lines) {
		if m := reDeliveredOn.FindStringSubmatch(l); m != nil {
			y, _ := strconv.Atoi(m[1] + m[2])
			return y, true
		}
		if y, ok := deliveredCN(l); ok {
			return y, true // (——二〇二六年一月二十七日在…: indicator_report.go)
		}
	}
	return 0, false
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
		if l == "" {
			continue
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
// the class, no text shows them; they are added to it here.
var budgetVerbs = []string{"削减", "压减", "缩减", "精简", "取消", "下放", "开工", "新开工", "启动", "发行", "淘汰", "关停", "退出",
	"落户", "扩招", "减税", "减轻", "减免", "减负", "搬迁", "化解", "上调", "筹集", "筹建",
	"抓好", "立项", "加装", "维修", "养护", "下乡", "消除", "更新"}

func init() { verbs = append(verbs, budgetVerbs...) }

// reYearList is a deadline that lists years (到2027年、2030年).
var reYearList = regexp.MustCompile(`(?:到|至)\s*20\d\d\s*年(?:\s*[、和及与]\s*20\d\d\s*年)+`)

// respectiveYears are the years a sentence lists for targets given in the
// same order after 分别 (到2027年、2030年，普及率分别超过70%、90%), and where
// 分别 stands; nil when it lists none.
func respectiveYears(ns []rune, plain string) ([]int, int) {
	if !strings.Contains(plain, "分别") {
		return nil, 0 // (a cheap test on the sentence already made a string)
	}
	s := string(ns)
	at := strings.Index(s, "分别")
	loc := reYearList.FindStringIndex(s)
	if loc == nil || loc[0] > at {
		return nil, 0
	}
	var ys []int
	for _, m := range reYear.FindAllStringSubmatch(strings.ReplaceAll(s[loc[0]:loc[1]], " ", ""), -1) {
		y, _ := strconv.Atoi(m[1])
		ys = append(ys, y)
	}
	return ys, len([]rune(s[:at]))
}

// reBareDeadline is a clause that is only a deadline (到2027年, 到 2027 年底,
// 力争到2027年, 确保到2027年), or a date things stand at (截至2024年底).
var reBareDeadline = regexp.MustCompile(`^\s*(?:(?:力争|争取|确保)?\s*(?:到|至)|截至|截止到?)\s*(20\d\d)\s*年(?:底|末)?\s*$`)

// midDeadline is the year of a clause that is only a deadline and stands
// after the first clause of a sentence.
func midDeadline(sent string) *int {
	if !strings.Contains(sent, "到") && !strings.Contains(sent, "至") {
		return nil // (a cheap test before splitting)
	}
	first := true
	for c := range strings.FieldsFuncSeq(sent, func(r rune) bool { return r == ',' || r == '，' }) {
		if first {
			first = false
			continue
		}
		if len(c) > 30 {
			continue // (a clause that is only a deadline is short)
		}
		if m := reBareDeadline.FindStringSubmatch(c); m != nil {
			y, _ := strconv.Atoi(m[1])
			return &y
		}
	}
	return nil
}

// reRelativeOpen is a clause that opens with a span of time counted from
// the plan's first year and framing what follows (今明两年…, 未来三年…); a
// limit on one action (3年内实现…) stays its clause's.
var reRelativeOpen = regexp.MustCompile(`^\s*(?:今明两年|未来[1-9一二两三四五六七八九十]年)`)

// relativeOpen is the deadline of the first clause after a sentence's
// first that opens with such a span (稳岗位，今明两年培训…，扩招…),
// which governs the rest of the sentence, and where that clause starts.
func relativeOpen(ns []rune, plain string, from *int) (*int, int) {
	if from == nil || !strings.Contains(plain, "今明") && !strings.Contains(plain, "未来") {
		return nil, 0 // (a cheap test before the clauses)
	}
	for i := 1; i < len(ns); i++ {
		if !strings.ContainsRune(",，;；:", ns[i-1]) {
			continue
		}
		if c := string(ns[i:clauseEnd(ns, i)]); reRelativeOpen.MatchString(c) {
			if y := sentenceDeadline(c, from); y != nil {
				return y, i
			}
		}
	}
	return nil, 0
}

var (
	// a date the text takes effect from (自2025年7月10日起施行)
	reEffectiveFrom = regexp.MustCompile(`(20\d\d)年(\d{1,2})月(\d{1,2})日起`)
	// the years the text stays in force (有效期3年, 有效期至2027年12月31日)
	reValidFor = regexp.MustCompile(`有效期(?:为)?([1-9一二两三四五六七八九十])年|有效期(?:至|到)(20\d\d)年`)
	// a document's number (豫政〔2025〕17号): the year it was issued
	reDocNumber = regexp.MustCompile(`[〔\[]\s*(20\d\d)\s*[〕\]]\s*\d{1,4}\s*号`) // (〔 2025〕 14 号: a PDF's spaces)
)

// validityEnd is the last year a measure without a period of its own stays
// in force, from the sentence that says so of the text itself (本政策自2025
// 年7月10日起施行，有效期3年 → 2028; 本措施自印发之日起实施，有效期至2027年
// 12月31日 → 2027; a term from 1 January ends the year before: 2026年1月1日
// 起执行，有效期3年 → 2028): its targets are due by then. A validity of a
// part of the text (本计划中涉及的奖补措施有效期至…) or of something it
// governs (登记结果有效期为三年) is none. nil when the text says none.
func validityEnd(lines []string) *int {
	for i, l := range lines {
		if !strings.Contains(l, "有效期") {
			continue
		}
		head, sent := validitySentence(l)
		if !strings.HasPrefix(head, "本") && !strings.HasPrefix(head, "以上") && i > 0 {
			head, sent = validitySentence(lines[i-1] + l) // a sentence broken over two lines
		}
		if !(strings.HasPrefix(head, "本") || strings.HasPrefix(head, "以上")) || strings.Contains(head, "的") {
			continue
		}
		m := reValidFor.FindStringSubmatch(sent)
		if m == nil {
			continue
		}
		if m[2] != "" {
			y, _ := strconv.Atoi(m[2])
			return &y
		}
		n, _ := number(m[1])
		var y int
		if f := reEffectiveFrom.FindStringSubmatch(head); f != nil {
			y, _ = strconv.Atoi(f[1])
			if f[2] == "1" && f[3] == "1" {
				y-- // from 1 January: N whole years
			}
		} else if strings.Contains(head, "之日起") {
			issued := issueYear(lines)
			if issued == nil {
				issued = docNumberYear(lines)
			}
			if issued == nil {
				continue
			}
			y = *issued
		} else {
			continue
		}
		y += int(n)
		return &y
	}
	return nil
}

// validitySentence is the sentence of s that holds the last 有效期 (spaces
// taken out), and its words before 有效期.
func validitySentence(s string) (head, sent string) {
	k := strings.LastIndex(s, "有效期")
	start := 0
	if j := strings.LastIndex(s[:k], "。"); j >= 0 {
		start = j + len("。")
	}
	sent = s[start:]
	if j := strings.Index(sent[k-start:], "。"); j >= 0 {
		sent = sent[:k-start+j]
	}
	if _, _, rest, ok := heading(strings.TrimSpace(sent)); ok {
		sent = rest // (二)本方案…, 第二十一条 本细则…: an item's number before the sentence
	}
	sent = strings.ReplaceAll(sent, " ", "")
	return sent[:strings.Index(sent, "有效期")], sent
}

// docNumberYear is the year of the document's number among its first
// lines (〔2025〕17号), or nil.
func docNumberYear(lines []string) *int {
	for _, l := range lines[:min(len(lines), 80)] {
		if !strings.Contains(l, "号") {
			continue
		}
		if m := reDocNumber.FindStringSubmatch(l); m != nil {
			y, _ := strconv.Atoi(m[1])
			return &y
		}
	}
	return nil
}
