package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tableOfContents reports whether the top-level sections so far were a
// table of contents: a top-level number comes round again after headings
// with (almost) no text between them. With text, the number starts a
// second document of the same file (a 通知 issuing two plans).
func tableOfContents(secs []*Section, number string) bool {
	for _, s := range secs {
		if s.Number == number {
			return true
		}
	}
	return false
}

// pastTitle reports a section about the past (现状, 成就, 发展基础 …): its
// numbers are achievements, proposed as candidates at most.
func pastTitle(t string) bool {
	if achievedTitle(t) {
		return true // “十四五”时期郑州发展取得重大成就: 取得重大 aims only where it is striven for
	}
	if has(t, []string{"预期", "目标"}) || aimedTitle(t) {
		return false // 预期成效, 发展目标
	}
	return has(t, []string{"现状", "成就", "回顾", "前言", "形势", "取得", "进展", "基本情况", "成效", "成绩", "工作总结", "完成情况",
		"可行性分析", "必要性分析", "必要性和可行性", "必要性与可行性"}) ||
		strings.HasSuffix(t, "发展基础") || strings.HasSuffix(t, "工作基础") || strings.HasSuffix(t, "现实基础") || t == "基础" || reviewTitle(t) ||
		situationTitle(t) || forecastTitle(t) || overviewTitle(t) || periodResults(t)
}

// aimedUnderGoals reports a title of results under a section of goals
// (（三）…的奋斗目标 › 5．转变经济增长方式取得成效，…进一步提高): one of the
// goals, what is to be achieved — not a review, though 取得 or 成效 in a
// title of its own says one (pastTitle). Not where it names the state
// things are in (现状, 基础, 形势 …) or achievements (成就; tune41-T).
func aimedUnderGoals(stack []open, t string) bool {
	if !has(t, []string{"取得", "成效", "进展", "成绩"}) || achievedTitle(t) ||
		has(t, []string{"现状", "回顾", "基础", "形势", "情况", "总结", "分析", "前言", "背景", "成就"}) {
		return false
	}
	for _, o := range stack {
		if !o.past && strings.Contains(o.sec.Title, "目标") {
			return true
		}
	}
	return false
}

// periodResults reports a title of what a span of time past brought
// (“十三五”期间发展成果, 近年来工作成果): 成果 after words of a period; 共享发展成果
// names no period and is a task.
func periodResults(t string) bool {
	return strings.HasSuffix(t, "成果") && has(t, []string{"期间", "时期", "以来"})
}

// pastPeriodTitle reports a title that names a five-year span ended before
// the plan starts (1.“十四五”时期…迈出坚实步伐, 一、顺利实现“十四五”发展目标 in a
// 十五五 plan): a review of it, its goals met or not, whatever its words.
func pastPeriodTitle(t string, start *int) bool {
	return start != nil && strings.Contains(t, "五") && namesEndedPlan(t, *start)
}

// achievedTitle reports a title that states achievements made (…时期…取得
// 重大成就, 发展成就): 成就 is never a heading's aim unless it is new, more
// or striven for (取得新的更大成就, 力争取得…成就).
func achievedTitle(t string) bool {
	return strings.Contains(t, "成就") && !has(t, []string{"取得新", "新的", "新成就", "更大", "更多", "力争", "确保", "争取", "努力", "预期", "目标", "将"})
}

// situationTitle reports the titles of the parts that describe where things
// stand and what is wrong with them (规划背景, 发展环境, 存在问题, 机遇与挑战),
// by their opening words: 优化发展环境 and 解决突出问题 are tasks.
func situationTitle(t string) bool {
	for _, w := range []string{"规划背景", "背景", "编制背景", "发展环境", "面临的", "面临环境", "存在问题", "存在的问题", "存在的主要问题", "主要问题",
		"问题与挑战", "机遇与挑战", "机遇和挑战", "发展机遇", "基础条件", "总体情况", "发展概况", "概况", "基础与", "基础和"} {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// titleAndIssuer finds the plan's title — the first line naming a 规划,
// 方案 or 纲要 that is not a covering notice — and its issuing body.
func titleAndIssuer(lines []string) (string, *string) {
	title, issuer := "", ""
	page := withoutNavLinks(lines) // (a web page's menus before its text)
	notices := 15
	if len(page) < len(lines) {
		notices = 40 // (a page's menus and list of particulars before its notice)
	}
	lines = page
	// A covering notice: "X关于印发《title》的通知" names both; so does one
	// that forwards what a department drew up (X关于转发…制订的《title》的通知).
	fm := frontMatter(lines)
	for k, l := range lines[:min(len(lines), notices)] {
		if k < fm {
			l = frontTitle(l) // (a page's front matter: its 标题 alone, ingest_title_page.go)
		}
		if i := strings.Index(l, "关于印发《"); i >= 0 {
			rest := l[i+len("关于印发《"):] + noticeTitleRest(lines, k, l)
			if j := strings.Index(rest, "》"); j > 0 {
				title, issuer = rest[:j], strings.TrimSpace(l[:i])
				break
			}
		}
		if t, by := forwardedNotice(l); t != "" {
			title, issuer = t, by
			break
		}
	}
	if title == "" {
		title, issuer = unquotedNotice(lines[:min(len(lines), notices+15)]) // (…关于 印发某区能源保障规划的通知: ingest_title_page.go)
	}
	for i := 0; title == "" && i < len(lines); i++ {
		l := pageHeading(lines[i])
		if i < fm {
			l = frontTitle(lines[i])
		}
		// (a heading's 关于…的实施意见 is the title; a line opening 关于 is
		// a covering notice's)
		if l == "" || strings.HasPrefix(lines[i], "关于") && !reportTitle(l) || strings.ContainsAny(l, "。，,") || strings.Contains(l, "通知") ||
			strings.Contains(l, "现将") || utf8.RuneCountInString(l) > 70 || fragmentLine(l) || metaRow(l) || metaItem(l) ||
			utf8.RuneCountInString(strings.TrimLeft(l, "-* ")) <= 2 { // (- 规划: a page's particular, its 体裁)
			continue
		}
		if strings.HasSuffix(l, "事业发展") && i+1 < len(lines) && strings.Contains(lines[i+1], "规划") {
			l += lines[i+1]
		}
		if has(l, []string{"规划", "方案", "纲要", "行动计划", "实施意见", "工作要点", "五年计划"}) || rePolicyTitle.MatchString(l) ||
			i < 10 && has(l, []string{"工作安排", "工作计划", "工作报告", "任务清单"}) || reportTitle(l) {
			title = strings.Trim(l, "《》* ") // (**…方案**: a page's bold)
			// a title broken over two lines (国务院关于加快推进…和\n…的指导意见)
			if prev := strings.TrimSpace(lineBefore(lines, i)); prev != "" && strings.Contains(prev, "关于") && !strings.Contains(l, "关于") &&
				utf8.RuneCountInString(prev) <= 40 && !strings.ContainsAny(prev, "。，,:;《》") {
				title = prev + title
			} else if head := titleHead(lines, i); head != "" && !strings.Contains(l, "关于") {
				title = head + title
			}
			// a line that quotes the document's name (名称：《…》, # 《…》):
			// the name is the title
			if a, b := strings.Index(l, "《"), strings.LastIndex(l, "》"); a >= 0 && b > a && (a > 0 || b+len("》") < len(l)) &&
				!strings.ContainsAny(l[a+len("《"):b], "《》") && quotedTitle(l[:a], l[b+len("》"):]) {
				title = l[a+len("《") : b]
			} else if k := strings.Index(title, ":"); k > 0 && (strings.HasSuffix(title[:k], "名称") || strings.HasSuffix(title[:k], "标题")) {
				title = strings.TrimSpace(title[k+1:]) // 文件名称：…
			}
		}
	}
	if title == "" {
		return "", nil
	}
	if issuer == "" {
		for _, suffix := range []string{"科学技术协会", "人民政府办公室", "人民政府", "科协"} {
			if i := strings.Index(title, suffix); i > 0 {
				issuer = title[:i+len(suffix)]
				break
			}
		}
	}
	if issuer = pageIssuer(fullKexie(issuer, title)); issuer == "" {
		return title, nil
	}
	return title, &issuer
}

// fullKexie is the issuer by the full name the title gives it: a notice
// signed short (青海省科协关于印发《青海省科学技术协会事业发展…规划》的通知)
// names the 科学技术协会 its title names in full.
func fullKexie(issuer, title string) string {
	if stem, ok := strings.CutSuffix(issuer, "科协"); ok && stem != "" && strings.Contains(title, stem+"科学技术协会") {
		return stem + "科学技术协会"
	}
	return issuer
}

// reReportYear is the year a work report's title opens with (2026年某区人民政府工作报告).
var reReportYear = regexp.MustCompile(`^(20\d\d)年[^0-9]{2,30}工作报告$`)

// reDelivered is the date a report is delivered on, in its opening lines.
var reDelivered = regexp.MustCompile(`(20\d\d)年\d{1,2}月\d{1,2}日在`)

// period reads the plan's years: an explicit span in the title, an annual
// plan's year in the title (《2025年…工作要点》), a span in the opening
// lines, a five-year-plan name, else the first deadline the plan states
// (到2027年，…) as the end its targets are due by (its start not known).
func period(title string, lines []string) Period {
	if p, ok := yearSpan(title); ok {
		return p
	}
	if y, ok := annualYear(title, lines); ok {
		// a report delivered in its year (indicator_annual.go), though its
		// title may name last year's plan too
		return Period{Start: &y, End: &y}
	}
	if m := reTitleYear.FindStringSubmatch(title); m != nil {
		if y, ok := titleDeadline(title, m); ok {
			return Period{End: &y} // (2030年前碳达峰行动方案: goals due by 2030, its start not stated)
		}
		return titleYearPeriod(title, m, lines)
	}
	if strings.Contains(title, "工作报告") {
		// a work report sets the aims of the year it is delivered in
		// (——2027年1月10日在市第十届人民代表大会…上)
		for _, l := range openingLines(lines, 6) { // (a page's particulars not counted: ingest_title_page.go)
			if m := reDelivered.FindStringSubmatch(l); m != nil {
				y, _ := strconv.Atoi(m[1])
				return Period{Start: &y, End: &y}
			}
		}
		if m := reReportYear.FindStringSubmatch(title); m != nil {
			y, _ := strconv.Atoi(m[1]) // (2026年某区人民政府工作报告: a page that prints no date it was delivered on)
			return Period{Start: &y, End: &y}
		}
	}
	named := namesFiveYearPlan(title)
	for _, l := range openingLines(lines, 40) { // (a page's particulars not counted: ingest_title_page.go)
		if named {
			l = dropQuoted(l) // (依据《上海市消防专项规划（2023-2035年）》…: another plan's years, not this 十五五 plan's)
		}
		if p, ok := yearSpan(l); ok {
			return p
		}
	}
	// the five-year plan the title names first (a title may name two:
	// …“十四五”规划实施情况和“十五五”…)
	first, at := 0, -1
	for _, fyp := range fiveYearPlans {
		if i := strings.Index(title, fyp.name); i >= 0 && (at < 0 || i < at) {
			first, at = fyp.start, i
		}
	}
	if at >= 0 {
		s, e := first, first+4
		return Period{Start: &s, End: &e}
	}
	for i, l := range lines {
		if m := reFirstDeadline.FindStringSubmatch(l); m != nil {
			e, _ := strconv.Atoi(m[1])
			e = lastHorizon(lines[i:min(len(lines), i+3)], e)
			return Period{End: &e}
		}
	}
	return Period{}
}

// lastHorizon is the last of the horizons a plan with no stated period sets
// its goals by, read from the lines that start at its first deadline (e):
// a later deadline that opens a sentence there (到2025年，…；到2027年，…, or
// the next paragraph 到2030年，…) up to five years on, as its last year.
// A vision further off (到2035年) is no horizon of the plan's targets.
func lastHorizon(lines []string, e int) int {
	last := e
	for _, l := range lines {
		for _, m := range reHorizon.FindAllStringSubmatch(l, -1) {
			if y, _ := strconv.Atoi(m[1]); y > last && y-e <= 5 {
				last = y
			}
		}
	}
	return last
}

// reHorizon is a deadline that opens a sentence or clause of goals.
var reHorizon = regexp.MustCompile(`(?:^|[。；;，,])\s*(?:到|至) ?(20\d\d) ?年(?:底|末)?[，,]`)

// fiveYearPlans are the five-year plans a title may name, and their first years.
var fiveYearPlans = []struct {
	name  string
	start int
}{{"十二五", 2011}, {"十三五", 2016}, {"十四五", 2021}, {"十五五", 2026},
	// the name written out (…第十五个五年规划纲要), and the earlier plans'
	// (…第六个五年计划, 1981–1985; …十年规划和第八个五年计划纲要, 1991–1995)
	{"第十二个五年", 2011}, {"第十三个五年", 2016}, {"第十四个五年", 2021}, {"第十五个五年", 2026},
	{"第六个五年", 1981}, {"第七个五年", 1986}, {"第八个五年", 1991}, {"第九个五年", 1996}, {"第十个五年", 2001}, {"第十一个五年", 2006}}

// yearSpan is the span of years a line states (2026-2030年), up to twenty
// years (a master plan may run to 2035).
func yearSpan(l string) (Period, bool) {
	if m := rePeriodYears.FindStringSubmatch(l); m != nil {
		s, _ := strconv.Atoi(m[1])
		e, _ := strconv.Atoi(m[2])
		if e > s && e-s <= 20 {
			return Period{Start: &s, End: &e}, true
		}
	}
	return Period{}, false
}

// titleYearPeriod is the period of a plan whose title names its year (m,
// of reTitleYear): that year; the later year of a title that reviews one
// year and aims at the next; from an edition's year to the goals it sets.
func titleYearPeriod(title string, m []string, lines []string) Period {
	y, _ := strconv.Atoi(m[1] + m[2] + m[3]) // (若干政策（2025年版）: the edition of a year)
	// 2026年工作总结和2027年工作要点: the year of the aims, not of the review
	if has(title, []string{"总结", "回顾", "完成情况", "执行情况"}) {
		for _, ym := range reYear.FindAllStringSubmatch(title, -1) {
			if v, _ := strconv.Atoi(ym[1]); v > y && v-y <= 2 {
				y = v
			}
		}
	}
	if m[3] != "" {
		// the edition of a year that sets goals beyond it (到2027年，…)
		// runs from that year to them
		for _, l := range lines {
			if d := reFirstDeadline.FindStringSubmatch(l); d != nil {
				if e, _ := strconv.Atoi(d[1]); e > y && e-y <= 10 {
					return Period{Start: &y, End: &e}
				}
				break
			}
		}
	}
	return Period{Start: &y, End: &y}
}

// rePolicyTitle is the title of a support policy or a guideline: a line
// that ends with its name (…若干措施, …若干政策（试行）, …的指导意见》), not a
// line of a sentence that quotes one.
var rePolicyTitle = regexp.MustCompile(`(?:若干措施|若干政策|若干举措|政策措施|指导意见)\s*(?:[(（][^()（）]{1,12}[)）])?》?\s*$`)

// quotedTitle reports the text around a quoted name that makes the line a
// title: nothing, a markdown mark or a label before it (# 《…》, 名称：《…》),
// nothing after it.
func quotedTitle(before, after string) bool {
	before = strings.TrimSpace(strings.TrimLeft(before, "# "))
	return strings.TrimSpace(after) == "" && (before == "" || strings.HasSuffix(before, ":"))
}

// titleHead is the start of a title that the page broke over lines before
// line i, its end: the one or two short lines of words straight above it
// (“十四五”软件和信息技术服务业 / 发展规划; …关于有效发挥政府性 / 融资担保基金
// 作用切实支持小微企业和 / “三农”发展的指导意见), when they open with 关于's
// issuer or the end is a few words only (发展规划, 若干措施); "" if none.
func titleHead(lines []string, i int) string {
	part := func(l string) bool {
		l = strings.TrimSpace(l)
		n := utf8.RuneCountInString(l)
		return n >= 2 && n <= 40 && !strings.ContainsAny(l, "。，,:：;；《》()（）|[]#*0123456789") && !strings.HasSuffix(l, "通知")
	}
	end := strings.TrimSpace(lines[i])
	short := utf8.RuneCountInString(end) <= 8
	var parts []string
	for j := i - 1; j >= 0 && j >= i-2 && part(lines[j]); j-- {
		parts = append([]string{strings.TrimSpace(lines[j])}, parts...)
		if strings.Contains(lines[j], "关于") {
			return strings.Join(parts, "")
		}
	}
	if short && len(parts) > 0 {
		return parts[len(parts)-1]
	}
	return ""
}

func lineBefore(lines []string, i int) string {
	if i == 0 {
		return ""
	}
	return lines[i-1]
}

// fragmentLine reports a line that cannot be a title: the middle of a
// sentence that quotes documents (…纲要》《…》《…), or a table of contents'
// entry with its leader dots (数据流通利用实践方案 ……14).
func fragmentLine(l string) bool {
	open, close := strings.Index(l, "《"), strings.Index(l, "》")
	return close >= 0 && (open < 0 || close < open) || strings.Contains(l, "....") || strings.Contains(l, "……")
}

// The years of a plan: its span, an annual plan's year, its first deadline.
var (
	rePeriodYears = regexp.MustCompile(`(20\d\d)\s*(?:年\s*)?[-~至—–－～]\s*(20\d\d)\s*年`)
	// an annual plan's year in its title (《2025年…工作要点》)
	reTitleYear = regexp.MustCompile(`(20\d\d)年(?:度)?[^—\-~至]*(?:工作要点|工作方案|工作计划|行动计划|实施方案|要点|计划|方案|安排|办法)|(?:要点|计划|方案)\s*[(（](20\d\d)年[)）]|[(（](20\d\d)年版[)）]`)
	// the first deadline a plan states (到2027年，…): its end when no span is given
	reFirstDeadline = regexp.MustCompile(`(?:到|至) ?(20\d\d) ?年`)
)

// metaRow reports a row of a web page's table of a document's particulars
// (| 索引号 : | … | 主题分类 : | 国民经济发展规划… |): labels with colons, no
// title.
func metaRow(l string) bool {
	t := strings.TrimSpace(l)
	return strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 3 && (strings.Contains(t, ":") || strings.Contains(t, "："))
}
