package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	num   = `(\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)`
	units = `(个百分点|万人次|人次|万人|万元|亿元|%|个|项|家|名|人|场|次|所|篇|部|支|套|处|座|期|本|种|门|类|站|户|村|镇|件)`
)

var (
	reBaseline = regexp.MustCompile(`由(20\d\d)年(?:的|底)?` + num + units + `?[^,，。]{0,8}?(?:到|至)(20\d\d)年(?:的|底)?` + num + units)
	reRange    = regexp.MustCompile(num + `\s*[-~至到]\s*` + num + `\s*` + units + `(左右)?`)
	reSingle   = regexp.MustCompile(`(不少于|不低于|至少|超过|突破|达到|达|约|近|略高于|高于|保持在|控制在|不超过|低于)?\s*` + num + `\s*` + units + `(以上|左右|以内|以下|余)?`)
	reDeadline = regexp.MustCompile(`(?:到|至|截至)(20\d\d)年|(20\d\d)年(?:底|末|前)`)

	targetCues = []string{"到20", "年底", "力争", "争取", "确保", "达到", "每年", "累计", "新增", "建成", "建立", "建设", "培育", "培养",
		"创建", "举办", "实现", "提高到", "提升到", "不少于", "至少", "超过", "突破", "以上", "年均"}
	pastCues = []string{"已经", "已有", "已建", "先后", "共计", "五年来", "以来", "去年", "了"}
	fillers  = []string{"力争", "争取", "确保", "每年", "每两年", "年均", "累计", "至少", "不少于", "不低于", "超过", "突破", "达到", "达",
		"约", "近", "左右", "以上", "以内", "以下", "共", "全市", "我市", "全省", "在", "期间", "“十三五”", "“十四五”", "十三五", "十四五", "末"}
)

// span is a rune interval of a sentence.
type span struct{ from, to int }

// indicators finds the quantitative targets of one line. nb is the
// normalized line, ob the original (same runes, so offsets carry over).
func indicators(nb, ob string, base int, section []string, planEnd *int) []Indicator {
	var out []Indicator
	nr, or := []rune(nb), []rune(ob)
	if len(nr) != len(or) {
		return nil
	}
	start := 0
	for i := 0; i <= len(nr); i++ {
		if i < len(nr) && !strings.ContainsRune("。;!?！？", nr[i]) {
			continue
		}
		if i > start {
			out = append(out, sentence(string(nr[start:i]), string(or[start:i]), base+start, section, planEnd)...)
		}
		start = i + 1
	}
	return out
}

func has(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func sentence(ns, os string, base int, section []string, planEnd *int) []Indicator {
	if utf8.RuneCountInString(ns) > 2000 {
		return nil
	}
	target := has(ns, targetCues) && !has(ns, pastCues)
	var out []Indicator
	var used []span
	overlaps := func(a, b int) bool {
		for _, u := range used {
			if a < u.to && b > u.from {
				return true
			}
		}
		return false
	}
	deadline := planEnd
	if m := reDeadline.FindStringSubmatch(ns); m != nil {
		y, _ := strconv.Atoi(m[1] + m[2])
		deadline = &y
	}
	add := func(loc []int, q0, q1 int, ind Indicator) {
		a, b := utf8.RuneCountInString(ns[:loc[0]]), utf8.RuneCountInString(ns[:loc[1]])
		ind.Start, ind.End = base+utf8.RuneCountInString(ns[:q0]), base+utf8.RuneCountInString(ns[:q1])
		if overlaps(a, b) {
			return
		}
		used = append(used, span{a, b})
		cs, ce := clause(ns, loc[0], loc[1])
		ce = tail(ns, ce)
		ind.Text = strings.TrimSpace(string([]rune(os)[utf8.RuneCountInString(ns[:cs]):utf8.RuneCountInString(ns[:ce])]))
		ind.Metric = metric(ns[cs:ce], ns[loc[0]:loc[1]])
		ind.Section = section
		if ind.DeadlineYear == nil {
			ind.DeadlineYear = deadline
		}
		c := ns[cs:ce]
		switch {
		case strings.Contains(c, "每两年"):
			p := "two-years"
			ind.Per = &p
		case strings.Contains(c, "每年") || strings.Contains(c, "年均"):
			p := "year"
			ind.Per = &p
		}
		out = append(out, ind)
	}
	for _, m := range reBaseline.FindAllStringSubmatchIndex(ns, -1) {
		y1, _ := strconv.Atoi(ns[m[2]:m[3]])
		v1, ok1 := number(ns[m[4]:m[5]])
		y2, _ := strconv.Atoi(ns[m[8]:m[9]])
		v2, ok2 := number(ns[m[10]:m[11]])
		if !ok1 || !ok2 {
			continue
		}
		add(m, m[10], m[13], Indicator{Comparator: "=", Value: &v2, Unit: ns[m[12]:m[13]], DeadlineYear: &y2, Baseline: &Baseline{Value: v1, Year: y1}})
	}
	for _, m := range reRange.FindAllStringSubmatchIndex(ns, -1) {
		lo, ok1 := number(ns[m[2]:m[3]])
		hi, ok2 := number(ns[m[4]:m[5]])
		if !ok1 || !ok2 || hi <= lo || !target {
			continue
		}
		add(m, m[2], m[7], Indicator{Comparator: "range", Low: &lo, High: &hi, Unit: ns[m[6]:m[7]]})
	}
	for _, m := range reSingle.FindAllStringSubmatchIndex(ns, -1) {
		v, ok := number(ns[m[4]:m[5]])
		if !ok || (isCN(ns[m[4]:m[5]]) && (v < 2 || slogan(ns[:m[4]]))) {
			continue
		}
		word, after := "", ""
		if m[2] >= 0 {
			word = ns[m[2]:m[3]]
		}
		if m[8] >= 0 {
			after = ns[m[8]:m[9]]
		}
		if word == "" && after == "" && !target {
			continue
		}
		if !target && word != "达到" && word != "不少于" && word != "超过" && word != "至少" && word != "突破" {
			continue
		}
		// The comparison may stand apart from the number ("至少召开 1 次").
		cs, _ := clause(ns, m[0], m[1])
		before := ns[cs:m[0]]
		if word == "" {
			for _, w := range []string{"不少于", "不低于", "至少", "超过", "突破", "不超过", "控制在", "约"} {
				if strings.Contains(before, w) {
					word = w
					break
				}
			}
		}
		cmp := "="
		switch {
		case word == "约" || word == "近" || after == "左右":
			cmp = "approx"
		case strings.Contains("不少于 不低于 至少 超过 突破 略高于 高于", word) && word != "" || after == "以上" || after == "余":
			cmp = ">="
		case strings.Contains("不超过 低于 控制在", word) && word != "" || after == "以内" || after == "以下":
			cmp = "<="
		}
		add(m, m[4], m[7], Indicator{Comparator: cmp, Value: &v, Unit: ns[m[6]:m[7]]})
	}
	return out
}

// clause widens [a, b) back to the start of its comma-separated clause (bytes).
func clause(s string, a, b int) (int, int) {
	start := 0
	for _, sep := range []string{",", "，", ":"} {
		if i := strings.LastIndex(s[:a], sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	return start, b
}

// tail extends the end of an indicator over the words that name what is
// counted ("4-8家" → "4-8家院士专家工作站"), up to the next punctuation,
// a number, or 15 runes.
func tail(s string, end int) int {
	n := 0
	for i, r := range s[end:] {
		if strings.ContainsRune(",，、;。:()“”\"", r) || r >= '0' && r <= '9' || n >= 15 {
			return end + i
		}
		n++
	}
	return len(s)
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

func isCN(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isCNNumeral(r)
}

// number parses an Arabic or Chinese numeral.
func number(s string) (float64, bool) {
	if isCN(s) {
		n, ok := cnNumber(s)
		return float64(n), ok
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// slogan reports whether a Chinese numeral starts a quoted slogan or an
// ordinal ("“四个意识”", "第十四个") rather than a quantity.
func slogan(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '“' || r == '"' || r == '第' || r == '「'
}
