package plan

import (
	"regexp"
	"strings"
)

var (
	reRecentYears     = regexp.MustCompile(`(?:近|过去)[1-9一二两三四五六七八九十]年(?:[^内来]|$)`)
	reCompareLastYear = regexp.MustCompile(`(?:比|较|高于|低于)(?:去年|上年)|[与同和](?:去年|上年)(?:同期)?相比`) // (与上年相比: tune28)
)

// sentenceRead is one sentence being read: what it says around its
// quantities (its cues, its period, the years it gives them) and what its
// earlier quantities leave to the later ones (a baseline, a list opened by
// a target).
type sentenceRead struct {
	ns, os   []rune // the sentence normalized and as written (same runes)
	pos      []int  // the offset in the document of each rune
	s        string // ns without spaces: cues may be letter-spaced (给 予 最 高)
	c        *lineCtx
	deadline *int // the deadline the paragraph carries to the sentence

	goal        bool // a cue of a goal (力争, 目标, 每年 …) or a paragraph that opened with a deadline
	byCue       bool // a word of the past (已建成, 目前, 去年 …) or 近N年
	byYear      bool // a year before the plan, or what a place has (拥有)
	params      bool // a word of a subsidy or reward (给予, 奖补 …)
	standard    bool // a standard each project or firm must meet, outside the goals
	consequence bool // the sentence opens with its condition

	sentPer   string  // the period 每年 near the sentence's start gives all of it
	sentAt    int     // where that word stands
	per       *string // sentPer, or nil
	respYears []int   // the years of 分别 (到2027年、2030年分别达到…)
	respAt    int     // where they are said
	respK     int     // the targets read after them so far
	respLast  int     // the 分别 the count is of (a later one starts it again)
	relYear   *int    // the year a relative opening names (今明两年, 未来三年)
	relAt     int     // where that opening ends

	baseline *Baseline // the base of a growth, for the next target
	listed   bool      // an earlier quantity of the sentence was a target
	itemOf   string    // the proposal that proposed the sentence's last target, or ""
	itemEnd  int       // where that target ended
	prevEnd  int       // where the sentence's last quantity ended (-1: none yet)
	cur      at        // the quantity being read (reused: no allocation each)
}

// at is one quantity of a sentence as the rules see it: the quantity, the
// clause it stands in, and the sentence around it.
type at struct {
	*sentenceRead
	q      quantity
	cs     int    // where its clause starts
	clause string // its clause up to the number
	prev   int    // where the sentence's previous quantity ended (-1: none)
}

// before reports word just before the quantity's leading comparator.
func (x *at) before(w string) bool { return endsAt(x.ns, x.q.beforeCmp, w) }

// beforeSpaced reports w just before the quantity's leading comparator,
// across the spaces a PDF sets there (利用率由 30%提高到 60%; tune32-P).
func (x *at) beforeSpaced(w string) bool { return endsAt(x.ns, spacesBefore(x.ns, x.q.beforeCmp), w) }

// sentence reads the targets of one sentence, in r (reused from sentence
// to sentence). Each quantity in turn is dropped by the first rule of
// notTargets that matches it (indicator_rules.go), or read as a target
// (indicator_target.go) that is asserted or only proposed
// (indicator_proposed.go).
func sentence(r *sentenceRead, ns, os []rune, pos []int, deadline *int, c *lineCtx, goalPara bool) []Indicator {
	r.readCues(ns, os, pos, deadline, c, goalPara)
	if c.preamble && !r.goal {
		return nil // the text before the first section: only its goals
	}
	r.readPeriod()
	r.readYears()
	var out []Indicator
	if l := c.learn; l != nil { // the learned second opinion (indicator_learn_read.go)
		eachQuantity(ns, func(q quantity) { out = l.read(r, r.at(q), out) })
		return l.sentenceEnd(out)
	}
	eachQuantity(ns, func(q quantity) {
		if ind, rule := r.read(r.at(q)); rule == nil {
			out = append(out, ind)
		}
	})
	return out
}

// readCues reads what the sentence as a whole says: whether it states a
// goal, speaks of the past (by a word, or by a year before the plan), sets
// a subsidy's parameters, a standard to meet, or opens with a condition.
// 在现有基础上 (从现有规模基础上) is a comparison's base, not a statement of what is, and
// 比上年 (比去年增加3000亿元) the base of a change.
func (r *sentenceRead) readCues(ns, os []rune, pos []int, deadline *int, c *lineCtx, goalPara bool) {
	s := strings.ReplaceAll(string(ns), " ", "")
	cueText := notPastCues(withoutBase(withoutBaseYears(s))) // (与2020年底现有站点数量相比新增21座: the base of the change is no past; 灌区项目前期工作: no 目前, tune30)
	if strings.Contains(cueText, "去年") || strings.Contains(cueText, "上年") {
		cueText = pastCueText(reCompareLastYear.ReplaceAllString(cueText, ""))
	}
	*r = sentenceRead{ns: ns, os: os, pos: pos, s: s, c: c, deadline: deadline, prevEnd: -1}
	r.byCue = has(cueText, pastCues) || (strings.Contains(s, "近") || strings.Contains(s, "过去")) && reRecentYears.MatchString(s)
	r.byYear = pastYear(withoutBaseYears(s), c.planStart, c.spanEnded) || owns(s)
	r.params = has(s, []string{"给予", "奖补", "补助", "补贴", "资助", "贴息", "奖励", "予以"}) || choosesToFund(s)
	r.goal = has(s, goalCues) || goalPara
	r.standard = standardOf(s) && !r.goal
	r.consequence = conditionFirst(s)
}

// readPeriod reads the period a word of perWords gives the whole sentence:
// one near its start (or after its deadline, 到2027年，每年…) governs all
// of it, and 每年 opening a later clause (…，每年推广应用机器人8000台以上，
// 工业人工智能应用100个以上) the rest of it (tune30); elsewhere only its
// clause, and 年均增速超过30% is a rate of its own clause wherever it stands.
func (r *sentenceRead) readPeriod() {
	r.sentPer, r.sentAt = perWordIn(r.ns, 0, len(r.ns))
	if r.sentAt > 8 && !strings.HasPrefix(strings.TrimLeft(string(r.ns[:r.sentAt]), " "), "到") && !eachYearOpens(r.ns, r.sentAt) ||
		hasAt(r.ns, r.sentAt, "年均") || hasAt(r.ns, r.sentAt, "年人均") || yearExtreme(r.ns, r.sentAt) {
		r.sentPer = ""
	}
	if r.sentPer != "" {
		r.per = &r.sentPer
	}
}

// eachYearOpens reports 每年 (or 每两年) at i opening a clause after the
// sentence's first.
func eachYearOpens(ns []rune, i int) bool {
	k := spacesBefore(ns, i)
	return (hasAt(ns, i, "每年") || hasAt(ns, i, "每两年")) && k > 0 && strings.ContainsRune(",，;；", ns[k-1])
}

// readYears reads the years the sentence gives its targets by where they
// stand: those of 分别 (到2027年、2030年分别达到…) and of a relative
// opening (今明两年, 未来三年).
func (r *sentenceRead) readYears() {
	r.respYears, r.respAt = respectiveYears(r.ns, r.s)
	r.relYear, r.relAt = relativeOpen(r.ns, r.s, r.c.within)
}

// perWordIn is the period of the first word of perWords in ns[from:to] and
// where it stands, or "" and to. 年度 that names one year (2025年度, 较上一
// 年度, 本年度) is no period (tune30).
func perWordIn(ns []rune, from, to int) (string, int) {
	for i := from; i < to; i++ {
		for _, p := range perWords {
			if hasAt(ns, i, p.w) && !(p.w == "年度" && oneYear(ns, i)) {
				return p.per, i
			}
		}
	}
	return "", to
}

// oneYear reports 年度 at i after a year's digits (2025年度) or a word that
// picks one year (上一年度, 上年度, 本年度, 当年度).
func oneYear(ns []rune, i int) bool {
	k := spacesBefore(ns, i)
	return k > 0 && (isDigit(ns[k-1]) || strings.ContainsRune("上本当", ns[k-1]) || endsAt(ns, k, "上一") || endsAt(ns, k, "前一"))
}

// mayStartQuantity reports whether a quantity may start at rune i: not
// inside a number or a word in Latin letters, not the minutes of a time of
// day (上午9:46), a page of a printout (5/7) or a date (2025/7/3), and not
// inside a Chinese numeral.
func mayStartQuantity(ns []rune, i int) bool {
	if i > 0 && (isDigit(ns[i-1]) || ns[i-1] == '.' || ns[i-1] < 0x80 && (ns[i-1] >= 'A' && ns[i-1] <= 'z')) {
		return false
	}
	if i > 1 && (ns[i-1] == ':' || ns[i-1] == '：') && isDigit(ns[i-2]) {
		return false
	}
	if i > 1 && ns[i-1] == '/' && isDigit(ns[i-2]) {
		return false
	}
	return !(i > 0 && isCNDigit(ns[i]) && isCNDigit(ns[i-1]))
}

// at is quantity q seen in its clause; the sentence keeps where it ended
// for the next one (changeBesideLevel).
func (r *sentenceRead) at(q quantity) *at {
	cs := clauseStart(r.ns, q.a)
	r.cur = at{sentenceRead: r, q: q, cs: cs, clause: string(r.ns[cs:q.a]), prev: r.prevEnd}
	r.prevEnd = q.after
	return &r.cur
}

// read is the target quantity x makes, or the rule of notTargets that
// drops it; a rule that reads a baseline (以…为基数, 由…增加到) keeps it
// for the sentence's next target.
func (r *sentenceRead) read(x *at) (Indicator, *notTarget) {
	if rule := notTargetOf(x); rule != nil {
		if rule.baseline != nil {
			r.baseline = rule.baseline(x)
		}
		return Indicator{}, rule
	}
	return r.target(x), nil
}

// eachQuantity calls f with each quantity of a sentence, left to right; a
// quantity's text is not read again for another.
func eachQuantity(ns []rune, f func(quantity)) {
	for i := 0; i < len(ns); i++ {
		if !mayStartQuantity(ns, i) {
			continue
		}
		q, ok := readQuantity(ns, i)
		if !ok {
			if q, ok = pairedBare(ns, i); !ok {
				continue
			}
		}
		f(listUnit(ns, q))
		i = q.b - 1
	}
}

// listUnit gives a sum in 亿 said without its unit (1.28万亿) the 元 of the
// list it opens, written once at its end (分别达1.28万亿、1.18万亿、8200亿元):
// the items share it (tune32-P).
func listUnit(ns []rune, q quantity) quantity {
	if q.base != "" || q.mult < 1e8 || q.ratio || q.b >= len(ns) || ns[q.b] != '、' {
		return q // (only sums in 亿 are said so; 2000万、100亿元 are users and yuan)
	}
	j := q.b + 1
	for n := 0; n < 6 && j < len(ns) && isDigit(ns[j]); n++ {
		next, ok := readQuantity(ns, j)
		if !ok || next.mult == 1 {
			return q
		}
		if next.base == "元" {
			q.base, q.unit = next.base, q.unit+next.base
			return q
		}
		if next.base != "" {
			return q
		}
		if next.b >= len(ns) || ns[next.b] != '、' {
			return q
		}
		j = next.b + 1
	}
	return q
}
