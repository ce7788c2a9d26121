package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	reYear     = regexp.MustCompile(`(20\d\d) ?年`)
	reOpenYear = regexp.MustCompile(`^\s*(20\d\d) ?年(?:底|末|上半年|全年)?[，,]`)
	reAsOf     = regexp.MustCompile(`^[^，,]{0,6}(?:截至|截止到|截止)(20\d\d)年`)
)

// pastYear reports whether a sentence speaks of a year before the plan
// (2024年，全市…) without pointing ahead from it.
func pastYear(s string, planStart *int) bool {
	if planStart != nil {
		// 截至2025年底 before the plan starts states where things stand.
		if m := reAsOf.FindStringSubmatch(s); m != nil {
			if y, _ := strconv.Atoi(m[1]); y < *planStart {
				return true
			}
		}
	}
	if planStart == nil {
		return false
	}
	// A sentence that opens with a year before the plan (2025年，全省…)
	// states where things stand, whatever it compares with (比2020年增长).
	if t := strings.TrimLeft(s, " "); !strings.HasPrefix(t, "20") {
		// no year opens the sentence
	} else if m := reOpenYear.FindStringSubmatch(s); m != nil {
		if y, _ := strconv.Atoi(m[1]); y < *planStart {
			return true
		}
	}
	if pastPeriod(s, *planStart) {
		return true
	}
	if has(s, []string{"到20", "至20", "力争", "比20", "较20", "基础上", "为基数", "为基准"}) {
		return false
	}
	for _, m := range reYear.FindAllStringSubmatch(s, 3) {
		if y, _ := strconv.Atoi(m[1]); y < *planStart {
			return !strings.Contains(s, "由"+m[0])
		}
	}
	return false
}

// yearVerb reports a per-year quantity said with 年 before its verb
// (年接待, 年发布, 年培训).
func yearVerb(clause string) bool {
	// 年 opening a clause is the period of what follows (年发放, 年产值).
	if c := strings.TrimLeft(clause, " "); strings.HasPrefix(c, "年") && !strings.HasPrefix(c, "年底") && !strings.HasPrefix(c, "年内") {
		return true
	}
	i := strings.LastIndex(clause, "年")
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(clause[:i])
	// 今年, 明年, 全年, 当年 name a year, not a rate in it; 年内, 年底 a time
	if isDigit(r) || r == '年' || r == '每' || isCNDigit(r) || strings.ContainsRune("今明去全当上下", r) || notPerYear(clause, i) {
		return false
	}
	rest := clause[i+len("年"):]
	if strings.HasPrefix(rest, "内") || strings.HasPrefix(rest, "底") || strings.HasPrefix(rest, "初") || strings.HasPrefix(rest, "末") {
		return false
	}
	return rest != "" && has(rest[:min(len(rest), 9)], verbs)
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

// metric names what an indicator measures: its clause without the number,
// the comparison words and the time phrases.
func metric(c, match string) string {
	m := strings.Replace(c, match, "", 1)
	m = reDeadline.ReplaceAllString(m, "")
	for _, f := range fillers {
		m = strings.ReplaceAll(m, f, "")
	}
	m = strings.Trim(m, " ,，:、“”\"()")
	if utf8.RuneCountInString(m) > 30 {
		m = string([]rune(m)[:30])
	}
	return m
}

// number parses an Arabic or Chinese numeral.
func number(s string) (float64, bool) {
	if r, _ := utf8.DecodeRuneInString(s); isCNNumeral(r) {
		n, ok := cnNumber(s)
		return float64(n), ok
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// allParts reports a count of all the divisions there are (覆盖全省17个市州,
// 全市16个区), not a number to reach; 全省100家企业 is a number to reach.
func allParts(rs []rune, q quantity) bool {
	whole := false
	for _, w := range []string{"全省", "全市", "全国", "全区", "全县", "全州"} {
		whole = whole || endsAt(rs, q.beforeCmp, w)
	}
	return whole && q.b < len(rs) && strings.ContainsRune("省市县区州乡镇盟旗地", rs[q.b])
}

// inGloss reports whether rune i is inside a bracket that spells out a
// name's parts: (即…).
func inGloss(rs []rune, i int) bool {
	for j := i - 1; j >= 0 && i-j < 60; j-- {
		switch rs[j] {
		case ')':
			return false
		case '(':
			return j+1 < len(rs) && rs[j+1] == '即'
		}
	}
	return false
}

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

// moneyOrRate reports a quantity that can be a policy parameter: an amount
// of money, a share or a multiple (给予最高500万元奖励, 按10%给予补助). A
// count of those funded (每年资助青年人才100名) is a commitment.
func moneyOrRate(q quantity) bool {
	switch q.base {
	case "元", "美元", "%", "‰", "倍", "个百分点", "百分点", "":
		return true
	}
	return false
}

// scopeOf reports a clause that ends in a preposition of scope (依托12个市州
// 科协, 围绕全省8个产业, 聚焦16个产业集群): the count after it names where
// the work is done, not what it reaches.
func scopeOf(clause string) bool {
	c := strings.TrimSpace(clause)
	for _, w := range []string{"全省", "全市", "全国", "全区", "全县", "本市", "本省"} {
		c = strings.TrimSuffix(c, w)
	}
	for _, w := range []string{"依托", "围绕", "聚焦", "针对", "结合", "通过", "依靠", "联合"} {
		if strings.HasSuffix(c, w) {
			return true
		}
	}
	return false
}

// reMagnitudes is a list of bare magnitudes (百名…、千名…、万名…), the
// shape of talent ladders; 千家万户 is a set phrase, not a list.
var reMagnitudes = regexp.MustCompile(`[百千万][名家个项件所场人位][^、，,。；;]{0,14}[、和与及][百千万][名家个项件所场人位]`)

// bareCount reports a bare magnitude that counts what a plan commits to
// (培育百家企业, 百名领军人才、千名骨干人才) rather than naming a class
// (百亿元产业集群, 千亿级): a count word, no multiplier after it, and a verb
// governing it or a list of such magnitudes.
func bareCount(rs []rune, q quantity, clause string) bool {
	if q.mult != 1 || moneyOrRate(q) || q.b < len(rs) && strings.ContainsRune("万千百亿级", rs[q.b]) {
		return false
	}
	return has(clause, verbs) || reMagnitudes.MatchString(string(rs[max(0, q.a-20):min(len(rs), q.b+20)]))
}

// introduced reports a clause that follows a colon closing a clause with a
// verb (打造人才梯队：百名领军人才、千名骨干人才): the list shares that verb.
func introduced(rs []rune, cs int) bool {
	if cs == 0 || rs[cs-1] != ':' && rs[cs-1] != '：' {
		return false
	}
	return has(string(rs[clauseStart(rs, cs-1):cs-1]), verbs)
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

// owns reports a sentence that says what a place has (我市拥有…基地12个):
// where things stand, unless it is a goal (力争拥有) or names a rate of
// having (拥有量, 拥有率).
func owns(s string) bool {
	i := strings.Index(s, "拥有")
	if i < 0 || has(s, goalCues) || has(s, []string{"达到", "提高", "增长", "增加", "突破", "超过"}) || strings.Contains(s[:i], "每") {
		return false // 每10万人拥有…达到: a ratio to reach
	}
	rest := s[i+len("拥有"):]
	return !strings.HasPrefix(rest, "量") && !strings.HasPrefix(rest, "率")
}

// distributive subjects of a cap (每个学会每年最多支持3个项目, 单个企业
// 不超过…): a rule for each applicant, not a total the plan commits to.
var (
	eachWords = []string{"每个", "每家", "每人", "每位", "每项", "每户", "每所", "每名", "单个", "单家", "单户", "单项", "单位每", "每生", "每一"}
	capWords  = []string{"最多", "最高", "不超过", "不得超过", "原则上不超过", "限报", "限"}
)

// capPerUnit reports a quantity capped for each unit it applies to.
func capPerUnit(clause string, q quantity) bool {
	if !has(clause, eachWords) {
		return false
	}
	clause = strings.ReplaceAll(clause, " ", "")
	return has(clause, capWords) || q.cmp == "<=" || q.cmp == "<"
}

// chargedRate reports a clause naming a rate or price charged (担保费率,
// 贷款利率, 收费标准): what is charged is a parameter, not a goal.
func chargedRate(clause string) bool {
	return has(clause, []string{"费率", "利率", "收费标准", "收费价格", "价格标准", "缴费比例", "缴费基数", "税率", "征收率",
		// the rates a policy applies (加计扣除比例, 补助比例)
		"加计扣除", "扣除比例", "补助比例", "补贴比例", "奖励比例", "贴息比例", "分担比例", "配套比例", "资助比例"})
}

// fiveYearEnds are the last years of the named five-year plans.
var fiveYearEnds = []struct {
	name string
	end  int
}{{"十一五", 2010}, {"十二五", 2015}, {"十三五", 2020}, {"十四五", 2025}, {"十五五", 2030}}

// pastPeriod reports a sentence whose opening clause names a five-year
// plan's span that ended before this plan starts (“十四五”期间，全省累计…
// in a plan of 2026–2030): where things stand, not a goal.
func pastPeriod(s string, planStart int) bool {
	first := s
	if i := strings.IndexAny(s, "，,；;"); i >= 0 {
		first = s[:i]
	}
	if !has(first, []string{"期间", "时期", "以来"}) {
		return false
	}
	for _, p := range fiveYearEnds {
		if strings.Contains(first, p.name) && p.end < planStart {
			return true
		}
	}
	return false
}

// bracketNote reports a quantity inside brackets whose text before it has
// no verb of its own (园区面积2000亩, 总投资5亿元): a description of what
// the sentence names. A bracket with a verb (其中新建5个) is a target's.
func bracketNote(rs []rune, q quantity, cs int) bool {
	open := -1
	for k := q.a - 1; k >= cs; k-- {
		if rs[k] == ')' {
			return false
		}
		if rs[k] == '(' {
			open = k
			break
		}
	}
	if open < 0 || open+1 == q.a {
		return false // none, or the bracket holds the figure alone (a weight)
	}
	closed := false
	for k := q.after; k < len(rs) && k < q.after+12; k++ {
		if rs[k] == ')' {
			closed = true
			break
		}
		if strings.ContainsRune("(。；;", rs[k]) {
			break
		}
	}
	inner := string(rs[open+1 : q.a])
	return closed && !has(inner, verbs) && !has(inner, []string{"其中", "力争", "目标", "到20", "累计", "合计", "总计", "共计", "新增", "每年"})
}

// planPart reports the noun of a plan's own parts after a count (十项行动,
// 三项改革, 五个专项): the shape of a plan's structure.
func planPart(rs []rune, i int) bool {
	for _, w := range []string{"行动", "工程", "计划", "任务", "举措", "措施", "改革", "专项", "机制", "体系", "重点任务", "攻坚",
		"重点工作", "方面", "板块", "环节", "原则", "规定", "目标", "实事"} {
		if hasAt(rs, i, w) {
			return true
		}
	}
	return false
}
