package plan

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	reDeadline        = regexp.MustCompile(`(?:到|至|截至|截止到|于|预计|计划|力争) ?((?:19|20)\d\d) ?年|(20\d\d) ?年(?:底|末|前|年底|\d{1,2}月(?:底|末|前))`)
	reClauseYear      = regexp.MustCompile(`^\s*(20\d\d) ?年(?:底|末|度|全年)?(?:[，,]|[^\d月年底末度前内以来起开]|$)`)
	reYears           = regexp.MustCompile(`[1-9一二两三四五六七八九十]年(?:内|间|时间|累计|共)`)
	reWithin          = regexp.MustCompile(`([1-9一二两三四五六七八九十])\s*年(?:内|时间|左右时间|努力)|未来([1-9一二两三四五六七八九十])年`)
	reNthYear         = regexp.MustCompile(`第([1-9一二三四五六七八九十])年`)
	reStageYears      = regexp.MustCompile(`(?:阶段|期|目标|任务) ?\((?:20\d\d ?年? ?[-~至到] ?)?(20\d\d) ?年?\) ?$`)
	reRecentYears     = regexp.MustCompile(`(?:近|过去)[1-9一二两三四五六七八九十]年(?:[^内来]|$)`)
	reCompareLastYear = regexp.MustCompile(`(?:比|较|高于|低于)(?:去年|上年)`)
	reYear            = regexp.MustCompile(`(20\d\d) ?年`)
	reFromYear        = regexp.MustCompile(`[由从]20\d\d年(?:的|底)?$`)
	reOpenYear        = regexp.MustCompile(`^\s*(20\d\d) ?年(?:底|末|上半年|全年)?[，,]`)
	reFromNow         = regexp.MustCompile(`[由从](?:目前|现在|现有|当前|原有|去年|上年)的?$`)
	reMonthDeadline   = regexp.MustCompile(`20\d\d年\s*\d{1,2}月`)
	reAsOf            = regexp.MustCompile(`^[^，,]{0,6}(?:截至|截止到|截止)(20\d\d)年`)

	// verbs that govern a quantity of a target (培养100名…, 建成…8家,
	// 达到50%): the grammar's one word class the text cannot show itself.
	verbs = []string{"培养", "培育", "建成", "建设", "新建", "建立", "打造", "引进", "引育", "遴选", "选拔", "布局", "谋划", "举办",
		"开展", "组织", "实施", "新增", "增加", "增长", "增至", "达到", "达", "突破", "超过", "提高", "提升", "实现", "形成", "推动",
		"支持", "带动", "认定", "创建", "发布", "制定", "制修订", "完成", "招引", "集聚", "汇聚", "吸引", "覆盖", "接入", "开放", "改造",
		"部署", "保持", "选树", "安装", "联通", "面向", "打响", "新招", "培训", "招收", "录取", "救助", "帮扶", "回收", "处置", "治理", "监测", "检测", "检查", "控制", "降低", "下降", "减少", "压缩", "缩短", "安排", "投入", "设立", "配备", "组建", "注册", "培训", "接待",
		"促成", "解决", "服务", "孵化", "转化", "攻克", "研发", "推广", "推出", "上线", "扶持", "评选", "入选", "落地", "签约", "储备",
		"编制", "出台", "召开", "发展", "招募", "吸纳", "聘请", "举行", "推荐", "表彰", "资助", "稳定在", "维持在",
		// common actions of tasks beyond the above (the class no text shows)
		// what a government report cuts or raises (减税降费1万亿元, 发行国债)
		"减税", "降费", "减负", "让利", "发行", "减免",
		"惠及", "受益", "开设", "增设", "设置", "配置", "成立", "授予", "颁发", "出版", "创作", "编写", "编印", "制作", "播出", "展出",
		"巡展", "巡讲", "宣讲", "轮训", "承办", "主办", "参与", "参加", "走进", "搭建", "构建", "研制", "攻关", "获批", "争创", "创成",
		"选派", "选聘", "聘任", "招聘", "输送", "对接", "结对", "签订", "达成", "扩大", "拓展", "普及", "辐射", "发放", "登记", "吸收", "开发", "建", "引", "办", "征集", "遴", "认证", "挂牌",
		"树立", "命名", "打通", "归集", "汇聚", "共享", "开通", "提供", "供给", "赋能", "改建", "扩建", "升级", "带动", "拓展", "培植",
		"创办", "聚焦", "新开", "开辟", "纳入", "入库", "入驻", "集成", "达标", "建强", "做强", "做大", "壮大", "突破", "超", "逾"}
	goalCues = []string{"力争", "确保", "争取", "目标", "每年", "年均", "每两年", "到20", "年底前", "年前", "拟安排", "拟按"}
	pastCues = []string{"已建成", "已有", "已经", "已累计", "已培育", "已形成", "截至目前", "现有", "目前", "先后", "去年", "上年", "以来", "年来", "共有", "当前", "现阶段", "经过多年", "过去",
		// an assessment of where things stand against others
		"仅为", "仅有", "差距明显", "差距较大", "存在差距", "据统计"}
	paramCues = []string{"给予", "奖补", "补助", "补贴", "资助", "贴息", "奖励", "最高", "按照", "按其", "比例"}
	fillers   = []string{"力争", "争取", "确保", "每年", "每两年", "年均", "累计", "至少", "不少于", "不低于", "超过", "突破", "达到", "达",
		"约", "近", "左右", "以上", "以内", "以下", "共", "全市", "我市", "全省", "在", "期间", "“十三五”", "“十四五”", "十三五", "十四五", "末"}
)

var perWords = []struct{ w, per string }{{"每两年", "two-years"}, {"每年", "year"}, {"年均", "year"}, {"年度", "year"}}

// lineCtx is what a line's targets inherit from the document around it.
type lineCtx struct {
	section     []string
	planStart   *int
	within      *int           // the first year "N年内" counts from (indicator_annual.go)
	annual      bool           // the plan of one year (a 政府工作报告, a 工作要点)
	deadline    *int           // the section's (or the plan's) deadline
	past        bool           // a section about the past (现状, 发展基础)
	preamble    bool           // before the first numbered section
	goalSection bool           // in a section whose title names the plan's goals (目标)
	names       map[string]int // small counts in Chinese numerals with the words after them, as often as the document says them (namedCounts)
}

func has(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// indicators finds the targets of one paragraph. nr is its normalized text,
// or the original (same runes, so offsets carry over), pos the offset in
// the document of each rune. A deadline stated in one sentence carries to
// the paragraph's later sentences; it returns the deadline the paragraph
// opened with.
func indicators(nr, or []rune, pos []int, c *lineCtx) ([]Indicator, *int) {
	var out []Indicator
	dl, opened := c.deadline, (*int)(nil)
	ahead := false // a sentence of the paragraph opened with a deadline
	start := 0
	for i := 0; i <= len(nr); i++ {
		if i < len(nr) && !strings.ContainsRune("。;!?！？", nr[i]) {
			continue
		}
		if i > start && i-start <= 2000 {
			// A deadline that opens a sentence (到2025年，…) governs it and the
			// paragraph's later sentences; one inside a sentence, its clause.
			sent := strings.TrimLeft(string(nr[start:i]), " ")
			first := string([]rune(sent)[:clauseEnd([]rune(sent), 0)])
			if own := sentenceDeadline(first, c.within); own != nil && (has(sent[:min(len(sent), 12)], []string{"到", "至", "力争", "年底", "年前", "年内", "20", "今明", "未来"}) || has(sent[:min(len(sent), 21)], []string{"年时间", "年努力"}) ||
				len(first) <= 60 && reStageYears.MatchString(first)) {
				// A year before the plan (2025年，全市…达到…) dates the
				// paragraph's sentences to where things stood: it neither
				// opens goals nor becomes the section's deadline; nor does
				// a milestone of the work given to the month (2026年6月底前
				// 完成方案制定).
				future := c.planStart == nil || *own >= *c.planStart
				dl, ahead = own, *own >= 2000 && future
				if start == 0 && future && !reMonthDeadline.MatchString(sent[:min(len(sent), 40)]) {
					opened = own
				}
			} else if own := midDeadline(sent); own != nil && (c.planStart == nil || *own >= *c.planStart) {
				// a clause that is only a deadline, after the sentence's
				// opening words (按照…，通过…，到2027年，实现…), governs the
				// rest of it and the paragraph's later sentences
				dl, ahead = own, true
			}
			// In the preamble, the sentences after one that opens with a
			// deadline (…制定本计划。到2027年，…；…；…) state goals.
			out = append(out, sentence(nr[start:i], or[start:i], pos[start:i], dl, c, ahead)...)
		}
		start = i + 1
	}
	return out, opened
}

// sentenceDeadline is the year a sentence sets: 到2025年, 2025年底前, 3年内.
func sentenceDeadline(s string, planStart *int) *int {
	if !strings.Contains(s, "年") {
		return nil // (every form below names a year: a cheap test before the regexps)
	}
	if !strings.ContainsAny(s, "12") {
		// no year in digits: only N年内 and its kind
	} else if m := reDeadline.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1] + m[2])
		return &y
	}
	if strings.HasSuffix(s, ")") && (strings.Contains(s, "阶段") || strings.Contains(s, "期") || strings.Contains(s, "目标") || strings.Contains(s, "任务")) {
		// a stage of the plan with its years in brackets (启动阶段（2026年）,
		// 近期目标（2026—2027年）): due by the stage's last year
		if m := reStageYears.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			return &y
		}
	}
	if t := strings.TrimLeft(s, " "); len(t) < 2 || t[0] != '2' || t[1] != '0' {
		// no year opens the clause
	} else if m := reClauseYear.FindStringSubmatch(s); m != nil {
		// a year opening the clause: 2027年，新增…; 2028年新增…
		y, _ := strconv.Atoi(m[1])
		return &y
	}
	if planStart != nil && strings.Contains(s, "第") {
		// 第二年建成20个: the plan's second year
		if m := reNthYear.FindStringSubmatch(s); m != nil {
			if n, ok := number(m[1]); ok && n >= 1 && n <= 20 {
				y := *planStart + int(n) - 1
				return &y
			}
		}
	}
	if y := thisAndNext(s, planStart); y != nil {
		return y
	}
	if planStart == nil || !strings.Contains(s, "年内") && !strings.Contains(s, "时间") && !strings.Contains(s, "年努力") && !strings.Contains(s, "未来") {
		return nil // (a cheap test before the regexp: most clauses have none)
	}
	if m := reWithin.FindStringSubmatch(s); m != nil {
		n, ok := number(m[1] + m[2])
		if ok {
			y := *planStart + int(n) - 1
			return &y
		}
	}
	return nil
}

// clauseEnd is the rune index where the clause holding i ends.
func clauseEnd(rs []rune, i int) int {
	for j := i; j < len(rs); j++ {
		if strings.ContainsRune(",，:;；", rs[j]) {
			return j
		}
	}
	return len(rs)
}

// clauseStart is the rune index where the clause holding i starts.
func clauseStart(rs []rune, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.ContainsRune(",，:;；", rs[j]) {
			return j + 1
		}
	}
	return 0
}

func sentence(ns, os []rune, pos []int, deadline *int, c *lineCtx, goalPara bool) []Indicator {
	s := strings.ReplaceAll(string(ns), " ", "") // cues may be letter-spaced (给 予 最 高)
	// 在现有基础上 is a comparison's base, not a statement of what is
	// and 比上年 (比去年增加3000亿元) the base of a change
	cueText := strings.ReplaceAll(s, "现有基础", "")
	if strings.Contains(cueText, "去年") || strings.Contains(cueText, "上年") {
		cueText = pastCueText(reCompareLastYear.ReplaceAllString(cueText, ""))
	}
	byCue := has(cueText, pastCues) || (strings.Contains(s, "近") || strings.Contains(s, "过去")) && reRecentYears.MatchString(s)
	byYear := pastYear(s, c.planStart) || owns(s)
	params := has(s, []string{"给予", "奖补", "补助", "补贴", "资助", "贴息", "奖励", "予以", "择优"})
	goal := has(s, goalCues) || goalPara
	standard := standardOf(s) && !goal
	consequence := conditionFirst(s)
	if c.preamble && !goal {
		return nil // the text before the first section: only its goals
	}
	// 每年 near the start of a sentence governs all of it; elsewhere, its clause.
	perOf := func(from, to int) (string, int) {
		for i := from; i < to; i++ {
			for _, p := range perWords {
				if hasAt(ns, i, p.w) {
					return p.per, i
				}
			}
		}
		return "", to
	}
	sentPer, sentAt := perOf(0, len(ns))
	if sentAt > 8 && !strings.HasPrefix(strings.TrimLeft(string(ns[:sentAt]), " "), "到") || hasAt(ns, sentAt, "年均") {
		sentPer = "" // 年均增速超过30% is a rate of its own clause, not of the sentence, wherever it stands
	}
	var per *string
	if sentPer != "" {
		per = &sentPer
	}
	var out []Indicator
	var baseline *Baseline
	listed := false // an earlier quantity of the sentence was a target
	prevEnd := -1   // where the sentence's last quantity ended
	respYears, respAt := respectiveYears(ns, s)
	respK := 0 // the targets read after 分别
	relYear, relAt := relativeOpen(ns, s, c.within)
	for i := 0; i < len(ns); i++ {
		if i > 0 && (isDigit(ns[i-1]) || ns[i-1] == '.' || ns[i-1] < 0x80 && (ns[i-1] >= 'A' && ns[i-1] <= 'z')) {
			continue
		}
		if i > 1 && (ns[i-1] == ':' || ns[i-1] == '：') && isDigit(ns[i-2]) {
			continue // the minutes of a time of day (上午9:46)
		}
		if i > 1 && ns[i-1] == '/' && isDigit(ns[i-2]) {
			continue // a page of a printout (5/7), a date (2025/7/3)
		}
		if i > 0 && isCNDigit(ns[i]) && isCNDigit(ns[i-1]) {
			continue
		}
		q, ok := readQuantity(ns, i)
		if !ok {
			continue
		}
		next := q.b
		prev := prevEnd
		prevEnd = q.after
		cs := clauseStart(ns, q.a)
		clause := string(ns[cs:q.a])
		before := func(w string) bool { return endsAt(ns, q.beforeCmp, w) }
		switch {
		case q.base == "" && q.cmp == "=" && !endsAt(ns, q.a, "达到") && !peopleAfter(ns, q.b) && !bareHeadcount(ns, q.b):
			// a bare count (5亿) only as the value a comparison reaches
		case before("第") || before("每") || before("等") && has(string([]rune(clause)[:min(len([]rune(clause)), 6)]), []string{"围绕", "针对", "在"}) ||
			q.cn && q.b < len(ns) && isCNDigit(ns[q.b]) || countOfCounts(ns, q) || issuers(ns, q) ||
			strings.HasSuffix(strings.TrimSpace(clause), "在") && !has(clause, []string{"控制在", "保持在", "稳定在", "维持在"}) && q.cmp == "=" && !pilotSize(ns, q) ||
			q.cmp == "=" && scopeIn(clause) && !pilotSize(ns, q) ||
			q.cmp == "=" && scopeOf(clause) ||
			q.cmp == "=" && allParts(ns, q):
			// an ordinal (第十五届), a rate's denominator (每万人口), the
			// total of a list (围绕交通、物流等19个场景), a scope (在12个赛道;
			// but 在10个以上乡镇部署 commits to a reach), all the parts there
			// are (覆盖全省17个市州) or a set phrase (三位一体)
		case q.base == "岁" && (q.isRange || !has(string(ns[max(0, q.a-3):q.a]), []string{"达到", "提高到", "提高至", "延长到", "延长至", "增加到", "增至"})):
			// an age (35岁以下), not a life expectancy reached (达到80岁)
		case q.base == "小时" && q.mult == 1 && q.cmp == "=" && !endsAt(ns, q.a, "达到"):
			// a duration (24小时服务), not a count of hours (服务时长达到100万小时)
		case q.base == "个" && (q.cmp == "=" || q.cmp == "range") && !has(clause, []string{"压缩", "缩短", "减少", "降低", "降至", "减至"}) && (hasAt(ns, q.after, "工作日") || hasAt(ns, q.after, "月") || hasAt(ns, q.after, "小时") || hasAt(ns, q.after, "季度") || hasAt(ns, q.after, "星期")):
			// a period (30个工作日内, 3个月), not a count; one with a
			// comparator or a verb of shortening is a bound (控制在5个工作日内,
			// 压缩至5个工作日以内)
		case q.base == "分钟" && (q.cmp == "=" && !endsAt(ns, q.a, "至") && !endsAt(ns, q.a, "到") && !endsAt(ns, q.a, "达到") || quoted(ns, q.a) ||
			strings.ContainsRune(string(ns[q.b:clauseEnd(ns, q.b)]), '圈')):
			// a duration (每节课45分钟) or a ring (15分钟生活圈), not a time
			// to bring down to (响应时间缩短至12分钟以内)
		case (q.base == "毫秒" || q.base == "ms") && strings.ContainsRune(string(ns[q.b:clauseEnd(ns, q.b)]), '圈'):
			// a ring named by its latency (1毫秒、3毫秒时延圈), not a bound
		case qualifiesCount(ns, q):
			// a size that qualifies what a count after it counts (培育年营收
			// 超10亿元企业20家, 建设千亩以上示范基地20个): the count is the target
		case q.cn && q.base == "届" && q.b < len(ns) && strings.ContainsRune("人政全党代中", ns[q.b]):
			// the term of a body in its name (市十届人大二次会议), an ordinal without 第
		case outlineNumber(ns, q, cs) || placeName(ns, q) || poolOf(ns, q, clause) || toll(ns, q, clause) || penalty(s, q) || procedureLimit(ns, q, clause) || before("方面") ||
			twoOrMore(q) && has(s, []string{"不得", "禁止", "不能"}):
			// a numeral in a place's name (赣州市六台区), the toll of an event
			// (造成8人死亡), a fine, the longest a procedure may take, the
			// items under a heading of a list (人才培养方面5项), a ban on
			// two or more (不得同时在两个以上学会任职) (indicator_unseen.go)
		case q.base == "元" && hasAt(ns, q.b, "/") && has(string(ns[q.b:clauseEnd(ns, q.b)]), []string{"价格", "价", "优惠", "收费"}) ||
			endsAt(ns, q.beforeCmp, "提前") || endsAt(ns, q.a, "提前") || q.base == "%" && (endsAt(ns, q.beforeCmp, "上浮") || endsAt(ns, q.beforeCmp, "下浮")):
			// a price charged per unit (执行0.3元/立方米的配气价格), a notice
			// given ahead (至少提前6个月), a subsidy's rate raised (支持资金可上浮
			// 20%): parameters of a measure, not results
		case q.base == "所" && hasAtSpaced(ns, q.after, "示") || q.base == "人" && hasAt(ns, q.b, "员") || partsOfWhole(ns, q, clause):
			// a figure referred to (如图4所示), the word 人员 (1人员能力: a
			// figure's labels), the parts a thing is made of (包括通用、安全、
			// 检测等3个部分, 从点、线、面五个维度): a description, no result
		case baseOf(ns, q):
			// the base of a growth (以…3000名为基数)
			baseline = &Baseline{Value: q.value * q.mult}
		case inBookTitle(ns, q.a):
			// a number in the title of a document (《关于建设100个…的意见》)
		case inGloss(ns, q.a):
			// the parts of a name spelt out in brackets: “1+3+N”的平台体系
			// (即1个省级、3个区域分平台…)
		case (q.base == "类" || q.base == "种") && strings.Contains(clause, "、"):
			// the count of categories just listed (企业、行业、城市五类)
		case q.cn && q.cmp == "=" && q.value*q.mult <= 20 && planPart(ns, q.after):
			// the count of the plan's own parts (开展十项行动, 推进三项改革),
			// like 六大工程: how the plan is organised, not a result
		case q.base == "条" && q.cmp == "=" && has(string(ns[max(cs, q.a-2):q.a]), []string{"新政", "政策", "措施", "举措", "意见", "办法", "细则"}):
			// the articles of a policy, its name (人才新政20条), not a count
			// the plan commits to
		case bracketNote(ns, q, cs):
			// a figure in a note in brackets that says what a thing is
			// (建设大学科技园(园区面积2000亩)), not what is to be done
		case before("(") && q.after < len(ns) && ns[q.after] == ')':
			// a figure in brackets: a weight, a note (日常监测(60%))
		case quoted(ns, q.a) && !(before("“") && !q.cn && !namesPart(ns, q.a)) ||
			q.cn && (ns[q.a] == '百' || ns[q.a] == '千') && !isCNDigit(ns[q.a+1]) && q.beforeCmp == q.a && !endsAt(ns, q.a, "达到") && !bareCount(ns, q, clause):
			// inside a quoted name or slogan (“以三个自贸区块为…”), or a
			// bare magnitude naming a class (百亿元产业集群)
		case q.cn && (before("“") || before("\"") || q.value*q.mult < 2 && !(q.base == "次" && per != nil) && q.base != "倍" && q.base != "‰" && !leastOne(q) ||
			q.base == "期" || q.base == "张" || q.base == "批" || q.base == "次" && per == nil) ||
			q.b < len(ns) && ns[q.b] == '性' || q.cn && q.cmp == "=" && nameInList(ns, q):
			// a slogan (“四个服务”), the word 一 (一批, 一次性), a phase (二期),
			// an adjective (一次性), the name of one of a list of things
			// (高山滑雪、冬季两项、速度滑冰)
		case q.after < len(ns) && ns[q.after] == '的' && (q.after > q.b && !(q.base == "%" && endsAt(ns, q.beforeCmp, "覆盖")) || q.base != "%") && !hasAt(ns, q.after, "的目标") && !hasAt(ns, q.after, "的水平") && !sizeOfMade(ns, q, clause) && !sizeReached(ns, q) && !teamOfSize(ns, q) && !shareDoing(ns, q) || q.b < len(ns) && ns[q.b] == '级':
			// a qualifier: 1亿元以上的企业, 千亿级 (but 90%的企业 is a share)
		case (params && has(strings.ReplaceAll(string(ns[cs:clauseEnd(ns, q.after)]), " ", ""), paramCues) ||
			strings.Contains(strings.ReplaceAll(clause, " ", ""), "最高")) && moneyOrRate(q) && !raisedBy(ns, q) && !raisedStandard(ns, q, cs) && !allocation(ns, q, cs):
			// a subsidy or reward, not a commitment of the plan
		case capPerUnit(clause, q) || params && (q.cmp == "<=" || q.cmp == "<") && has(strings.ReplaceAll(clause, " ", ""), paramCues) || moneyOrRate(q) && chargedRate(clause) || priceCap(clause, q) ||
			q.base == "元" && (q.cmp == "<=" || q.cmp == "<") && !has(s, []string{"力争", "确保", "目标", "控制在", "压缩", "降低", "下降", "减少"}):
			// a cap per unit (每个学会每年最多支持3个项目), a rate or price
			// charged (担保费率不超过1%), a sum not to be exceeded (项目总经费
			// 不超过50万元): parameters of a policy, not its commitments
		case procedureRhythm(ns, q, clause):
			// the rhythm of a procedure (每半年开展1次督查, 每月召开1次例会,
			// 中期开展1次评估): how the work is run, not a result
		case q.cn && q.base == "次" && q.value <= 2 && per != nil && q.after == clauseEnd(ns, q.after):
			// a rhythm of work closing its clause (每年评审一次), not a count
			// of events (每两年举办一次科普讲解大赛)
		case q.base == "个" && (q.cmp == ">=" || q.cmp == ">") && (hasAt(ns, q.after, "工作日") || hasAt(ns, q.after, "月") || hasAt(ns, q.after, "星期")):
			// a least period a procedure takes (公示期不少于5个工作日); an upper
			// bound is a goal of speed (控制在5个工作日以内)
		case params && conditional(ns, q, cs):
			// the threshold of a measure (对研发投入超过1000万元的企业，给予…)
		case moneyOrRate(q) && eligible(s) && !goal ||
			moneyOrRate(q) && strings.Contains(clause, "按") && before("的") || moneyOrRate(q) && (before("按") || before("按照")) && !arranged(ns, q):
			// (按合同金额的30%, 按100%加计扣除: a rate applied, not reached)
			// a threshold of eligibility (注册资本不低于100万元), not a goal
		case before("由") && !strings.Contains(string(ns[q.after:clauseEnd(ns, q.after)]), "组成") || before("从") || reFromYear.MatchString(string(ns[max(0, q.a-10):q.a])) || reFromNow.MatchString(string(ns[max(0, q.a-8):q.a])):
			baseline = &Baseline{Value: q.value * q.mult}
			if m := reYear.FindStringSubmatch(string(ns[max(0, q.a-10):q.a])); m != nil {
				baseline.Year, _ = strconv.Atoi(m[1])
			}
		default:
			ind := Indicator{Start: pos[q.a], End: pos[q.b-1] + 1, Unit: q.unit, BaseUnit: q.base, Multiplier: q.mult}
			ind.Comparator = storeComparator(q.cmp)
			if q.isRange {
				lo, hi := q.low, q.high
				ind.Low, ind.High = &lo, &hi
			} else {
				v := q.value
				ind.Value = &v
			}
			p, at := perOf(cs, q.a)
			if p == "" && sentPer != "" && q.a > sentAt && !has(clause, []string{"累计", "总计", "合计"}) && !reYears.MatchString(clause) &&
				!(moneyOrRate(q) && q.base != "元" && has(clause, []string{"达到", "保持", "控制在", "稳定在", "提高到", "降至", "下降到", "覆盖"})) {
				// (a level a rate reaches is no rate per year: 每年培养500名，覆盖率达到100%)
				// (每年托举50名，5年累计250名: the total has its own period)
				p = sentPer
			}
			if p == "" && (yearVerb(clause) || hasAt(ns, q.after, "/年") || hasAt(ns, q.b, "/年")) {
				p = "year"
			}
			if p != "" {
				ind.Per = &p
			}
			_ = at
			ind.DeadlineYear = deadline
			if own := sentenceDeadline(clause, c.within); own != nil {
				ind.DeadlineYear = own
			}
			if own := thisYear(clause, c); own != nil {
				ind.DeadlineYear = own
				ind.Per = nil // (每年…，今年举办10场: this year's, not each year's)
			} else if relYear != nil && q.a > relAt && sentenceDeadline(clause, c.within) == nil {
				ind.DeadlineYear = relYear
			}
			if len(respYears) > 0 && q.a > respAt {
				ind.DeadlineYear = &respYears[min(respK, len(respYears)-1)]
				respK++
			}
			if q.cmp == "=" {
				for _, w := range []struct{ w, c string }{{"至少", ">="}, {"不少于", ">="}, {"不低于", ">="}, {"不超过", "<="}, {"不高于", "<="}, {"超过", ">"}} {
					if strings.Contains(clause, w.w) {
						ind.Comparator = storeComparator(w.c)
						break
					}
				}
			}
			if q.cmp == "=" && q.base == "个" {
				// 压缩至5个工作日以内: the bound follows the period's noun
				for _, w := range []string{"工作日", "小时", "季度", "星期", "月"} {
					if hasAt(ns, q.after, w+"以内") || hasAt(ns, q.after, w+"内") {
						ind.Comparator = "<="
					}
				}
			}
			if baseline != nil {
				ind.Baseline, baseline = baseline, nil
			}
			end := tail(ns, q.after)
			ind.Text = strings.TrimSpace(string(os[cs:end]))
			ind.Metric = metric(string(ns[cs:end]), string(ns[q.a:q.b]))
			ind.Section = c.section
			governed := ind.Comparator != "=" || c.goalSection || budgetFigure(ns, q) || pilotSize(ns, q) || listed || goal || has(clause, verbs) || has(string(ns[q.after:clauseEnd(ns, q.after)]), verbs) ||
				introduced(ns, cs) || endsAt(ns, q.beforeCmp, "到") || endsAt(ns, q.beforeCmp, "至")
			// a clause with a deadline of its own in the plan's years looks
			// ahead even in a sentence that starts from where things stand
			ahead := ind.DeadlineYear != nil && c.planStart != nil && *ind.DeadlineYear >= *c.planStart && sentenceDeadline(clause, c.within) != nil
			// a clause dated before the plan starts states where things stood
			// (…增加到2025年的120个 in a plan of 2026–2030)
			dated := c.planStart != nil && ind.DeadlineYear != nil && *ind.DeadlineYear < *c.planStart && *ind.DeadlineYear >= 2000
			// proposed, not asserted (indicator_condition.go): a condition
			// outside a subsidy sentence, a rule for each applicant, a level
			// stated with 为 outside the goals, a rank, a size before its
			// noun, what a sentence opening with its condition grants, a
			// standard each project or firm must meet
			unsure := conditional(ns, q, cs) || perApplicant(clause, q) && !raisedStandard(ns, q, cs) ||
				changeBesideLevel(ns, q, cs, prev) || subsidyFund(ns, q, cs) && (!c.annual || has(s, []string{"给予", "奖励", "奖补", "予以"})) || existingBefore(ns, cs, q.a) || restated(ns, q) || listTotal(ns, q, cs) || rateDiscussed(ns, q) || namesPolicy(ns, q) || population(ns, q, cs) || aboutPeople(ns, q, cs) && !goal && !c.goalSection || stated(ns, q, clause) && !goal && !c.goalSection ||
				(q.base == "名" || q.base == "位") && before("前") || sizeBeforeNoun(ns, q) || consequence && moneyOrRate(q) ||
				// (indicator_unseen.go) what was done, an area described, a
				// floor for each event or person, a name said three times, a
				// request, how often something happened, a rule in principle,
				// the places just listed, a figure for each, two or more
				doneAspect(clause) || doneAfter(ns, q) || describedArea(ns, q, clause) || floorEach(q, clause) ||
				(q.cmp == ">=" || q.cmp == ">") && has(clause, []string{"每人", "每名", "人均每年"}) && !moneyOrRate(q) ||
				c.names[namedKey(ns, q)] >= 3 || byStandard(ns, q, clause) || strings.Contains(s, "请求") || eventCount(ns, q, clause) ||
				strings.Contains(clause, "原则上") && !goal || listedPlaces(ns, q, clause) || eachSends(ns, q) || twoOrMore(q) ||
				(q.cmp == ">=" || q.cmp == ">") && eligible(s) && !goal && !c.goalSection ||
				standard && moneyOrRate(q) && (q.cmp == ">=" || q.cmp == ">") && !has(clause, []string{"达到", "提高", "提升", "增长", "增加", "突破", "超过", "实现"})
			// a sentence that names what exists only to build on it (在已建成
			// 120个…的基础上，再新建50个; 由目前的10座增加到20座; 去年…，今年
			// 要…增长10%): its new clause looks ahead
			// a word of the past after the quantity's clause (…控制在3%左右，
			// 考虑了去年…) does not reach back to it
			// when a comparator of its own states a goal
			cue := byCue && (has(pastCueText(string(ns[:clauseEnd(ns, q.after)])), pastCues) || q.cmp == "=")
			qpast := (c.past || cue || byYear) && !(cue && !byYear && !c.past && (freshClause(ns, q, cs) || thisYear(clause, c) != nil && !strings.Contains(clause, "已")))
			// the kinds a subsidy covers (家电补贴由8类扩围至12类): a scope of
			// a measure, proposed
			scope := (q.base == "类" || q.base == "种") && has(string(ns[cs:clauseEnd(ns, q.after)]), []string{"补贴", "补助", "奖补", "资助", "奖励"})
			ind.Candidate = qpast && !(ahead && !c.past) || !governed || dated || unsure || q.unsure || scope
			if !ind.Candidate {
				listed = true
			}
			out = append(out, ind)
		}
		i = next - 1
	}
	return out
}
