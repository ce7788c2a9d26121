package plan

import (
	"strconv"
	"strings"
	"unicode/utf8"
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
	if planStart == nil || has(s, []string{"到20", "至20", "力争", "比20", "较20", "基础上"}) {
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
	i := strings.LastIndex(clause, "年")
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(clause[:i])
	if isDigit(r) || r == '年' || r == '每' || isCNDigit(r) {
		return false
	}
	rest := clause[i+len("年"):]
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
