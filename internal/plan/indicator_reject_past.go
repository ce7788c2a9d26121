package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// What a text says was, not what the plan will bring about: a year before
// the plan, a five-year plan already over, what a place has, what was done
// (said with 了), what already exists, a sum restated, the toll of an event
// and how often something happened; and the comparisons with last year
// that state no past (比去年增加…). The sentence's cues (readCues), the
// rules of notTargets and the proposals read them.

var (
	reYear     = regexp.MustCompile(`(20\d\d) ?年`)
	reOpenYear = regexp.MustCompile(`^\s*(20\d\d) ?年(?:底|末|上半年|全年)?[，,]`)
	reAsOf     = regexp.MustCompile(`^[^，,]{0,6}(?:截至|截止到|截止)(20\d\d)年`)
)

// pastYear reports whether a sentence speaks of a year before the plan
// (2024年，全市…) without pointing ahead from it.
func pastYear(s string, planStart, spanEnded *int) bool {
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
	if spanEnded != nil && pastPeriod(s, *spanEnded) {
		return true
	}
	if has(s, []string{"到20", "至20", "力争", "比20", "较20", "基础上", "为基数", "为基准"}) {
		return false
	}
	for _, ix := range reYear.FindAllStringSubmatchIndex(s, 3) {
		y, _ := strconv.Atoi(s[ix[2]:ix[3]])
		if y == *planStart-1 && reportOfYear(s[ix[1]:]) {
			continue // (2025年度排污许可执行报告按时提交率达到98% in a plan from 2026: the year's reports, handed in after it; tune30)
		}
		if y < *planStart {
			return !strings.Contains(s, "由"+s[ix[0]:ix[1]])
		}
	}
	return false
}

// reportWords name what is made of a year once it has ended: its report,
// its assessment, its accounts.
var reportWords = []string{"报告", "考核", "评估", "评价", "总结", "决算", "审计", "年报"}

// reportOfYear reports the text after a year (2025年…) that makes the year
// the attribute of its report or assessment (度排污许可执行报告, 度考核):
// 度 and, within the noun, a word of reportWords — the year's reports are
// handed in, and assessed, after it, so the year just before the plan dates
// nothing past.
func reportOfYear(rest string) bool {
	if !strings.HasPrefix(rest, "度") {
		return false
	}
	noun := []rune(rest[len("度"):])
	noun = noun[:min(len(noun), 12)]
	if k := strings.IndexAny(string(noun), "，,。；;、"); k >= 0 {
		noun = []rune(string(noun)[:k])
	}
	return has(string(noun), reportWords)
}

// pastPeriod reports a sentence whose opening clause, or a later clause that
// is only the span, names a five-year plan's span that ended before this
// plan starts (“十四五”期间，全省累计… in a plan of 2026–2030; …，“十四五”期间，
// …): where things stand, not a goal.
func pastPeriod(s string, planStart int) bool {
	if !has(s, []string{"期间", "时期", "以来"}) {
		return false // (a cheap test before the clauses)
	}
	for i, c := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("，,；;", r) }) {
		if !has(c, []string{"期间", "时期", "以来"}) || i > 0 && utf8.RuneCountInString(strings.Trim(c, " “”\"")) > 8 {
			continue
		}
		if namesEndedPlan(c, planStart) {
			return true
		}
	}
	return false
}

// namesEndedPlan reports s naming a five-year plan whose span ended before
// the year start (“十四五” in a plan of 2026–2030).
func namesEndedPlan(s string, start int) bool {
	for _, p := range fiveYearEnds {
		if p.end < start && strings.Contains(s, p.name) {
			return true
		}
	}
	return false
}

// fiveYearEnds are the last years of the named five-year plans.
var fiveYearEnds = []struct {
	name string
	end  int
}{{"十一五", 2010}, {"十二五", 2015}, {"十三五", 2020}, {"十四五", 2025}, {"十五五", 2030}, {"十六五", 2035}}

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

// cmpWithPast are comparisons with the year before and baselines named
// as its: not a statement of where things stand (比去年增加…, 较上年提高…).
var cmpWithPast = []string{"比去年", "比上年", "较去年", "较上年", "同比", "比上一年",
	// a baseline named as last year's (赤字率从去年的2.1%提高到2.3%)
	"从去年的", "由去年的", "从上年的", "由上年的"}

// reExistingBase is the base a growth starts from, a noun between its
// words or none (在现有基础上, 从现有招生规模基础上): not a statement of what
// is.
var reExistingBase = regexp.MustCompile(`现有[^，。；,.;:：]{0,8}?基础`)

// withoutBase is s without the base a growth starts from (reExistingBase).
func withoutBase(s string) string {
	if !strings.Contains(s, "现有") {
		return s
	}
	return reExistingBase.ReplaceAllString(s, "")
}

// pastCueText is a sentence with what does not state the past taken out:
// 现有基础 (a comparison's base) and comparisons with last year.
func pastCueText(s string) string {
	s = notPastCues(withoutBase(s))
	for _, w := range cmpWithPast {
		if strings.Contains(s, w) {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	return s
}

// existingBefore reports a clause that names what already exists (已开工的
// 57个项目, 已设立400亿元…基金): 已 and a verb before the quantity.
func existingBefore(ns []rune, cs, a int) bool {
	for k := cs; k < a; k++ {
		if ns[k] != '已' {
			continue
		}
		for _, v := range verbs {
			if hasAt(ns, k+1, v) {
				return true
			}
		}
	}
	return false
}

// restated reports a sum the sentence refers back to (上述2万亿元, 前述…):
// stated before, not a new target.
func restated(ns []rune, q quantity) bool {
	return endsAt(ns, q.beforeCmp, "上述") || endsAt(ns, q.beforeCmp, "前述")
}

// doneAspect reports a verb with 了 in the quantity's clause (新增了120个):
// what was done, stated in the perfective, not what the plan sets out to do.
func doneAspect(clause string) bool {
	return perfective(clause)
}

// doneAfter reports a verb with 了 after the quantity in its clause (3000余名
// 科技工作者参加了活动).
func doneAfter(rs []rune, q quantity) bool {
	return perfective(string(rs[q.after:clauseEnd(rs, q.after)]))
}

func perfective(clause string) bool {
	for i := strings.Index(clause, "了"); i >= 0; {
		before, after := clause[:i], clause[i+len("了"):]
		if !strings.HasSuffix(before, "为") && !strings.HasSuffix(before, "除") && !strings.HasSuffix(before, "不") &&
			!strings.HasPrefix(after, "解") && before != "" {
			return true
		}
		j := strings.Index(after, "了")
		if j < 0 {
			break
		}
		i += len("了") + j
	}
	return false
}

// tollWords close the count of an event's toll (造成8人死亡).
var tollWords = []string{"死亡", "遇难", "受伤", "重伤", "轻伤", "失踪", "伤亡"}

// toll reports the toll of an event: the people it killed or hurt, the loss
// it caused (直接经济损失约3亿元), unless the plan brings it down.
func toll(rs []rune, q quantity, clause string) bool {
	for _, w := range tollWords {
		if hasAt(rs, q.after, w) {
			return true
		}
	}
	if strings.Contains(clause, "造成") && has(string(rs[q.after:clauseEnd(rs, q.after)]), tollWords) {
		return true // 造成86名矿工遇难
	}
	return strings.Contains(clause, "经济损失") && (q.cmp == "=" || q.cmp == "~") &&
		!has(clause, []string{"减少", "降低", "下降", "控制", "压减"})
}

// eventCount reports how often an event happened (共发生5级以上地震48次) or
// a level a figure is compared with (高于年均19次的水平): what is, not what
// the plan brings about.
func eventCount(rs []rune, q quantity, clause string) bool {
	if (q.base == "次" || q.base == "起") && strings.Contains(clause, "发生") && !has(clause, []string{"减少", "下降", "降低", "控制", "不超过", "低于"}) {
		return true
	}
	return hasAt(rs, q.after, "的水平") && has(clause, []string{"高于", "低于", "超过", "相当于"}) &&
		!has(clause, []string{"达到", "提高到", "提升到", "保持在"})
}
