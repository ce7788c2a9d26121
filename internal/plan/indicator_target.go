package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// reYears is a total over some years (5年累计, 三年内): a period of its own.
var reYears = regexp.MustCompile(`[1-9一二两三四五六七八九十]年(?:内|间|时间|累计|共)`)

// target reads quantity x, which no rule dropped, as a target: its value,
// period, deadline and comparator, the baseline an earlier quantity of the
// sentence gave it, its text and metric; then whether it is only proposed
// (candidate). A target asserted opens a list the sentence's later
// quantities continue.
func (r *sentenceRead) target(x *at) Indicator {
	q := x.q
	ind := Indicator{Start: r.pos[q.a], End: r.pos[q.b-1] + 1, Unit: unitWritten(q.unit, r.ns, r.os, q.b), BaseUnit: unitWritten(q.base, r.ns, r.os, q.b), Multiplier: q.mult}
	ind.Comparator = storeComparator(q.cmp)
	ind.setAmount(q.isRange, q.value, q.low, q.high)
	if p := r.period(x); p != "" {
		ind.Per = &p
	}
	switch capacityPeriod(r.ns, q) {
	case "year":
		if ind.Per == nil {
			p := "year"
			ind.Per = &p
		}
	case "day":
		ind.Unit, ind.BaseUnit = ind.Unit+"/日", ind.BaseUnit+"/日"
	}
	if workingDays(r.ns, q) {
		ind.Unit, ind.BaseUnit = ind.Unit+"工作日", ind.BaseUnit+"工作日" // (不超过15个工作日: working days, not a count; D214)
	}
	if perPersonYuan(r.ns, q) {
		ind.Unit, ind.BaseUnit = ind.Unit+"/人", ind.BaseUnit+"/人" // (全员劳动生产率达到25万元/人; tune30)
	}
	clauseDeadline := sentenceDeadline(x.clause, r.c.within)
	r.date(x, &ind, clauseDeadline)
	clauseComparator(x, &ind)
	if r.baseline != nil {
		ind.Baseline, r.baseline = r.baseline, nil
	}
	end := tail(r.ns, q.after)
	ind.Text = strings.TrimSpace(string(r.os[x.cs:end]))
	ind.Metric = metric(string(r.ns[x.cs:end]), string(r.ns[q.a:q.b]))
	if ind.Metric == "" {
		ind.Metric = colonName(r.ns, x.cs) // (2.高新技术企业数量：1.2万家)
	}
	ind.Section = r.c.section
	ind.Candidate = x.candidate(&ind, clauseDeadline)
	if !ind.Candidate {
		r.listed = true
	}
	return ind
}

// period is the target's period ("year", "two-years" or ""): a word of
// perWords in its clause; else the sentence's, unless the clause totals
// (每年托举50名，5年累计250名: the total has its own period) or states a
// level a rate reaches (每年培养500名，覆盖率达到100%: no rate per year);
// else a year before its verb (年接待) or a rate per year (/年).
func (r *sentenceRead) period(x *at) string {
	q, ns, clause := x.q, x.ns, x.clause
	if perYearUnit(ns, q) {
		return "year" // (处理能力达到590万吨/年, 40万吨／年: the unit says it)
	}
	if hasIn(ns, x.cs, q.a, "年均浓度") || hasIn(ns, x.cs, q.a, "年均值") {
		return "" // (PM2.5年均浓度控制在35微克/立方米: a level averaged over the year, not a rate in it)
	}
	p, at := perWordIn(ns, x.cs, q.a)
	if p == "year" && yearExtreme(ns, at) {
		p = "" // (年度最大用电负荷的5%: the year's peak, a level, not a rate in it; tune28)
	}
	if levelItem(ns[itemStart(ns, q.a):q.a]) {
		return "" // (年均增长5%左右、迈上3万亿元台阶: the 年均 is the item before's)
	}
	if p == "" && r.sentPer != "" && q.a > r.sentAt && !has(clause, []string{"累计", "总计", "合计", "总数"}) && !reYears.MatchString(clause) &&
		!(r.sentAt > 8 && reYear.MatchString(string(ns[r.sentAt:q.a]))) && // (…，每年编排…20个以上，到2027年…增长20%: a later deadline ends a late 每年's reach; tune30)
		!(moneyOrRate(q) && q.base != "元" && has(clause, []string{"达到", "保持", "控制在", "稳定在", "提高到", "降至", "下降到", "覆盖"})) && !levelReached(clause) &&
		!buildsOwn(ns, x.cs, q.a) {
		p = r.sentPer
	}
	if p == "" && (yearVerb(clause) || perYearUnit(ns, q)) {
		p = "year"
	}
	return p
}

// buildsOwn reports a clause of its own that opens by building something
// (…每年吸引10万名毕业生，建设青年人才驿站20个): what is built is built
// once, not each year, unless the clause says so itself.
func buildsOwn(ns []rune, cs, a int) bool {
	c := strings.TrimLeft(string(ns[cs:a]), " ")
	for _, v := range []string{"建设", "建成", "新建", "打造", "组建", "设立", "建立", "布局"} {
		if strings.HasPrefix(c, v) {
			return true
		}
	}
	return false
}

// date sets the year the target is due: the sentence's deadline, unless
// its clause sets one (clauseDeadline); 今年 in an annual plan dates the
// clause to the plan's year, and then it is this year's, not each year's
// (每年…，今年举办10场); a relative opening (今明两年) dates the clauses
// after it that set none; the years of 分别 go to the targets after them
// in turn.
func (r *sentenceRead) date(x *at, ind *Indicator, clauseDeadline *int) {
	ind.DeadlineYear = r.deadline
	if clauseDeadline != nil {
		ind.DeadlineYear = clauseDeadline
	}
	if own := thisYear(x.clause, r.c); own != nil {
		ind.DeadlineYear = own
		ind.Per = nil
	} else if r.relYear != nil && x.q.a > r.relAt && clauseDeadline == nil {
		ind.DeadlineYear = r.relYear
	}
	if len(r.respYears) > 0 && x.q.a > r.respAt {
		if at := lastRespective(r.ns, x.q.a, ""); at > r.respAt && at != r.respLast {
			r.respLast, r.respK = at, 0 // (规模分别达到5000P、1.5万P，产值分别突破300亿元、600亿元)
		}
		ind.DeadlineYear = &r.respYears[min(r.respK, len(r.respYears)-1)]
		r.respK++
		return // (the list's last year is no item's own: 2024年、2025年分别完成30、40项)
	}
	if own := itemYear(x.ns, x.cs, x.q); own != nil {
		ind.DeadlineYear = own // a breakdown by year: each part its own
	}
}

// lastRespective is where the last 分别 before ns[end] stands, looking
// back no further than a rune of stops; -1 when there is none.
func lastRespective(ns []rune, end int, stops string) int {
	for k := min(end, len(ns)) - 1; k > 0 && !strings.ContainsRune(stops, ns[k]); k-- {
		if ns[k-1] == '分' && ns[k] == '别' {
			return k - 1
		}
	}
	return -1
}

// clauseComparators are the words of a bound said away from the number
// (至少新建…5个), first found first.
var clauseComparators = []struct{ w, c string }{{"至少", ">="}, {"不少于", ">="}, {"不低于", ">="}, {"不超过", "<="}, {"不高于", "<="}, {"超过", ">"}}

// clauseComparator reads the comparator of a quantity that has none of its
// own from the words of its clause (but not a word right before a number
// that qualifies a noun: 建设面积不少于500平方米的科普馆3个 — 不少于 is the
// area's), and the
// bound that follows a period's noun (压缩至5个工作日以内).
func clauseComparator(x *at, ind *Indicator) {
	q := x.q
	if q.base == "项" && hasAt(x.ns, q.beforeCmp, "突破") && hasIn(x.ns, q.after, min(clauseEnd(x.ns, q.after), q.after+14), "技术") {
		ind.Comparator = "=" // (突破100项关键技术: breakthroughs in so many, not more than them)
		return
	}
	if q.cmp == "=" {
		if c := sharedBound(x); c != "" {
			ind.Comparator = storeComparator(c) // (分别达2050万吨、4200万吨以上: indicator_shared_bound.go)
			return
		}
		if steppedUp(x) {
			ind.Comparator = ">=" // (迈上4万亿元新台阶)
			return
		}
		for _, w := range clauseComparators {
			if i := strings.Index(x.clause, w.w); i >= 0 && !qualifierAfter(x.clause[i+len(w.w):]) {
				ind.Comparator = storeComparator(w.c)
				break
			}
		}
	}
	if arrivalBound(x.ns, q) {
		ind.Comparator = "<=" // (2小时内到达: at most two hours)
	}
	if q.cmp == "=" && q.base == "个" {
		for _, w := range []string{"工作日", "小时", "季度", "星期", "月"} {
			if hasAt(x.ns, q.after, w+"以内") || hasAt(x.ns, q.after, w+"内") {
				ind.Comparator = "<="
			}
		}
	}
}

// yearVerb reports a per-year quantity said with 年 before its verb
// (年接待, 年发布, 年培训).
func yearVerb(clause string) bool {
	// 年 opening a clause is the period of what follows (年发放, 年产值).
	// (but 年投资亿元以上项目新开工43个: the 年 of the size that names the
	// class, 以上 or 以下 closing it; tune30)
	if c := strings.TrimLeft(clause, " "); strings.HasPrefix(c, "年") && !strings.HasPrefix(c, "年底") && !strings.HasPrefix(c, "年内") && !has(c[:min(len(c), 12)], []string{"年度最", "年度平均"}) &&
		!strings.Contains(c, "以上") && !strings.Contains(c, "以下") {
		return true
	}
	i := strings.LastIndex(clause, "年")
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(clause[:i])
	// 今年, 明年, 全年, 当年 name a year, not a rate in it; 年内, 年底 a time;
	// 常年, 长年, 终年 all the year round (完好率常年保持在100%: a level kept)
	if isDigit(r) || r == '年' || r == '每' || isCNDigit(r) || strings.ContainsRune("今明去全当上下常长终", r) || notPerYear(clause, i) {
		return false
	}
	rest := clause[i+len("年"):]
	if strings.HasPrefix(rest, "内") || strings.HasPrefix(rest, "底") || strings.HasPrefix(rest, "初") || strings.HasPrefix(rest, "末") {
		return false
	}
	return rest != "" && (has(rest[:min(len(rest), 9)], verbs) || annualMeasure(rest))
}

// annualMeasure reports a measure named by what a year holds, after its 年
// (大宗固废年利用量达到40亿吨, 年发电量, 年综合利用 量 达到 as a PDF spaces
// it), a capacity a year (年供水能力, 年产能; tune30), or a year's income or
// output (年经营性收入, 年产值; tune31): the figure is per year.
func annualMeasure(rest string) bool {
	all := []rune(strings.ReplaceAll(rest, " ", ""))
	head := all[:min(len(all), 8)]
	if has(string(head[:min(len(head), 6)]), []string{"能力", "产能"}) {
		return true
	}
	for k, r := range head {
		if strings.ContainsRune("，,;；。、", r) {
			return false
		}
		if k >= 1 && r == '量' || k >= 1 && has(string(head[:k+1]), []string{"收入", "产值", "营收", "销售额", "交易额"}) {
			// (新增年产值5000万元以上企业100家: a figure right after the
			// measure sizes what is counted, not the year's measure)
			return k+1 >= len(all) || !isDigit(all[k+1])
		}
	}
	return false
}

// storeComparator maps the grammar's comparators onto the stored ones.
func storeComparator(c string) string {
	switch c {
	case ">":
		return ">="
	case "<":
		return "<="
	case "~":
		return "approx"
	}
	return c
}

// tail extends the end of a target over the words that name what is
// counted ("4-8家" → "4-8家院士专家工作站"), up to the next punctuation,
// a number, or 15 runes.
func tail(rs []rune, end int) int {
	for n := 0; end < len(rs) && n < 15; n++ {
		r := rs[end]
		if strings.ContainsRune(",，、;。:()“”\"", r) || isDigit(r) {
			break
		}
		end++
	}
	return end
}

// withoutQuantity is c without the first match of a quantity's text and
// the bound words next to it (约|10个|以上, 超|50亿元, 65%|和 ending its
// clause).
func withoutQuantity(c, match string) string {
	a := strings.Index(c, match)
	if a < 0 || match == "" {
		return c
	}
	b := a + len(match)
	for _, w := range []string{"以上", "以下", "以内", "左右"} {
		if strings.HasPrefix(c[b:], w) {
			b += len(w)
			break
		}
	}
	switch strings.TrimSpace(c[b:]) {
	case "和", "及", "与", "、":
		b = len(c)
	}
	a = len(cutEndFillers(c[:a], ""))
	return c[:a] + c[b:]
}

// cutEndFillers is s without the endFillers at its end, one after another
// (…规模达约 → …规模), each cut followed by trim's runes; a filler that is
// all of s stays.
func cutEndFillers(s, trim string) string {
	for cut := true; cut; {
		cut = false
		for _, f := range endFillers {
			if t, ok := strings.CutSuffix(s, f); ok && t != "" {
				s, cut = strings.TrimRight(t, trim), true
			}
		}
	}
	return s
}

// reListTail is the numbers of a list before the one a metric is read for
// (完成科技评价30、40、|50项): they are its siblings, not its name.
var reListTail = regexp.MustCompile(`(?:\d[\d.]*(?:[%％‰]|[万亿千]?[^\d\s、和及，,。；;]{0,3})?\s*[、和及]\s*)+$`)

// reSinceYear is the year a change is counted from (比2020年, 较2020年底).
var reSinceYear = regexp.MustCompile(`(?:比|较)\s*20\d\d\s*年(?:底|末)?`)

// reListHead is the years of 分别 opening a metric (2024年、2025年分别…;
// a year alone, 2028年, names a table's column and stays).
var reListHead = regexp.MustCompile(`^\s*(?:20\d\d\s*年\s*[、和及与]?\s*)+分别`)

// metric names what an indicator measures: its clause without the number,
// the comparison words and the time phrases; a change from a baseline
// (比例由2023年的13.7%提高到18%) names what changes (比例), not the way.
func metric(c, match string) string {
	m := withoutQuantity(c, match)
	if loc := reFromBaseline.FindStringIndex(m); loc != nil && loc[0] > 0 {
		m = m[:loc[0]]
	}
	m = reDeadline.ReplaceAllString(m, "")
	if strings.Contains(m, "分别") {
		m = reListHead.ReplaceAllString(m, "")
	}
	for _, f := range fillers {
		m = strings.ReplaceAll(m, f, "")
	}
	if strings.ContainsAny(m, "、和及") {
		m = reListTail.ReplaceAllString(m, "")
	}
	if strings.ContainsAny(m, "比较") {
		m = reSinceYear.ReplaceAllString(m, "") // (数字经济增加值比2020年翻一番: the base year is no name)
	}
	m = strings.Trim(m, " ,，:、“”\"()")
	m = cutEndFillers(m, " ,，:、“\"(")
	// an item of a list after others with their quantities (其中高层次人才3万人、
	// 高技能人才): its own words; its period, 其中 and a span of years are no name
	if k := strings.LastIndex(m, "、"); k > 0 && strings.ContainsAny(m[:k], "0123456789") {
		m = m[k+len("、"):]
	}
	m = strings.TrimPrefix(m, "其中")
	if loc := reYears.FindStringIndex(m); loc != nil && loc[0] <= 1 {
		m = m[loc[1]:]
	}
	for _, v := range metricVerbs {
		if t, ok := strings.CutSuffix(m, v); ok && t != "" {
			m = strings.TrimRight(t, " ")
			break
		}
	}
	if utf8.RuneCountInString(m) > 30 {
		m = string([]rune(m)[:30])
	}
	return m
}

// colonName is the name a quantity's clause stands under when the clause
// is the value of a pair (高新技术企业数量：1.2万家): the words between the
// clause before it and the colon that ends them, without the mark that
// numbers the item; "" where the clause follows no colon.
func colonName(ns []rune, cs int) string {
	k := cs
	for k > 0 && ns[k-1] == ' ' {
		k--
	}
	if k == 0 || ns[k-1] != '：' && ns[k-1] != ':' {
		return ""
	}
	end := k - 1
	start := end
	for start > 0 && !strings.ContainsRune("。；;，,！？\n：:", ns[start-1]) && end-start < 40 {
		start--
	}
	name := strings.TrimSpace(string(ns[start:end]))
	if _, _, rest, ok := heading(name); ok {
		name = rest // (the number of its item: 1. （1）)
	}
	name = strings.TrimSpace(strings.TrimLeft(name, "-—")) // (an item's dash: ——)
	if n := utf8.RuneCountInString(name); n < 2 || n > 30 {
		return ""
	}
	return name
}

// reFromBaseline is where a clause states the level a measure starts from:
// 由 or 从 and a year or a number (由2023年的13.7%…, 从60%…), not 由 or 从
// as part of a word (由政府, 从业人员).
var reFromBaseline = regexp.MustCompile(`(?:由|从) {0,2}(?:(?:19|20)\d\d {0,2}年|\d)`)

// metricVerbs end a metric that says how it moves rather than what it is
// (比例提高到, 能耗下降至): the target names the level.
var metricVerbs = []string{"提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "扩大到", "扩大至",
	"下降到", "下降至", "降低到", "降低至", "减少到", "减少至", "压减至", "压减到", "控制到", "控制在", "降到", "降至", "增至", "提至"}

// setAmount gives ind its value, or its range low–high.
func (ind *Indicator) setAmount(isRange bool, value, low, high float64) {
	if isRange {
		ind.Low, ind.High = &low, &high
		return
	}
	ind.Value = &value
}

// capacityPeriod is the period a plant's capacity is given for by the words
// right before it (年处理600吨: "year"; 日转运能力300吨, 日处理50吨: "day",
// the unit then 吨/日 as the corpus writes it), or "".
func capacityPeriod(ns []rune, q quantity) string {
	if strings.ContainsRune(q.unit, '/') || !(endsAt(ns, q.beforeCmp, "处理") || endsAt(ns, q.beforeCmp, "处置") || endsAt(ns, q.beforeCmp, "能力")) {
		return ""
	}
	before := string(ns[max(0, q.beforeCmp-6):q.beforeCmp])
	switch {
	case has(before, []string{"年处理", "年处置"}):
		return "year"
	case has(before, []string{"日处理", "日处置", "日转运", "日供应"}) && !capacityAdded(ns, q):
		return "day"
	}
	return ""
}

// capacityAdded reports a capacity a clause adds (新增城镇污水日处理能力1500万
// 立方米、垃圾日处理能力6万吨): the total the plan adds across its plants,
// counted in the plain unit — unlike one plant's size per day (新建一座日转运
// 能力300吨的…站: 吨/日). tune48-T, D222.
func capacityAdded(ns []rune, q quantity) bool {
	return endsAt(ns, q.beforeCmp, "能力") && strings.Contains(string(ns[clauseStart(ns, q.beforeCmp):q.beforeCmp]), "新增")
}

// perPersonYuan reports a sum per person, its slash as ASCII or full-width
// (全员劳动生产率达到25万元/人): the unit is 元/人, as the corpus writes it; the
// quantity stays a sum of money for the rules (a subsidy of 3000元/人 is one).
func perPersonYuan(ns []rune, q quantity) bool {
	return q.base == "元" && !strings.ContainsRune(q.unit, '/') && (hasAt(ns, q.b, "/人") || hasAt(ns, q.b, "／人"))
}

// workingDays reports a time limit in working days, 个工作日 written right
// after the number (不超过5个工作日), or a number of a list whose last
// one says it (压减至5个、10个工作日以内: the list shares the measure). A
// number set apart from its 个 by a space (a PDF's 5 个工作日) is left as
// it was read (个).
func workingDays(ns []rune, q quantity) bool {
	if q.base != "个" || q.b < 2 || q.b > len(ns) || ns[q.b-1] != '个' || !isDigit(ns[q.b-2]) {
		return false
	}
	if hasAt(ns, q.b, "工作日") {
		return true
	}
	j := q.b
	if j >= len(ns) || ns[j] != '、' {
		return false
	}
	k := j + 1
	for k < len(ns) && isDigit(ns[k]) {
		k++
	}
	return k > j+1 && hasAt(ns, k, "个工作日")
}

// yearExtreme reports 年度 at i naming the peak, the low or the mean of a
// measure over the year (年度最大负荷, 年度最高气温, 年度平均): a level.
func yearExtreme(ns []rune, i int) bool {
	return hasAt(ns, i, "年度") && (hasAt(ns, i+2, "最大") || hasAt(ns, i+2, "最高") || hasAt(ns, i+2, "最低") || hasAt(ns, i+2, "最小") || hasAt(ns, i+2, "平均"))
}

// perYearUnit reports a unit per year after the quantity, its slash as
// ASCII or full-width (590万吨/年, 40万吨／年).
func perYearUnit(ns []rune, q quantity) bool {
	for _, w := range []string{"/年", "／年"} {
		if hasAt(ns, q.after, w) || hasAt(ns, q.b, w) {
			return true
		}
	}
	return false
}
