package plan

import (
	"regexp"
	"strconv"
	"strings"
)

// Deadlines a sentence sets after its first clause: the years it lists for
// targets given in the same order after 分别 (respectiveYears), a clause
// that is only a deadline (midDeadline), and a span counted from the plan's
// first year that opens a later clause and governs the rest of the sentence
// (relativeOpen).

// reYearList is a deadline that lists years (到2027年、2030年).
var reYearList = regexp.MustCompile(`(?:到|至)\s*20\d\d\s*年(?:\s*[、和及与]\s*20\d\d\s*年)+`)

// respectiveYears are the years a sentence lists for targets given in the
// same order after 分别 (到2027年、2030年，普及率分别超过70%、90%), and where
// 分别 stands; nil when it lists none.
func respectiveYears(ns []rune, plain string) ([]int, int) {
	if !strings.Contains(plain, "分别") {
		return pairedYears(ns, plain) // (a cheap test on the sentence already made a string)
	}
	s := string(ns)
	at := strings.Index(s, "分别")
	loc := reYearList.FindStringIndex(s)
	if loc == nil || loc[0] > at {
		if ys, end := sharedYears(s); end >= 0 && end <= at {
			return ys, len([]rune(s[:at])) // (2025、2030年，…分别达到137、165亿立方米)
		}
		if loc := reYearsEach.FindStringIndex(s[:at]); loc != nil && !strings.ContainsAny(s[loc[1]:at], "，,。；;") {
			return yearsIn(s[loc[0]:loc[1]]), len([]rune(s[:at])) // (2024年、2025年、2026年分别完成30、40、50项)
		}
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
// 力争到2027年, 确保到2027年, 2027年底前, 力争2027年前, 到2027年6月底前, a
// year alone: 2027年), or a date things stand at (截至2024年底).
var reBareDeadline = regexp.MustCompile(`^\s*(?:(?:力争|争取|确保)?\s*(?:到|至)|截至|截止到?|力争|争取|确保|在)?\s*(20\d\d)\s*年` +
	`(?:底|末)?(?:\s*\d{1,2}\s*月(?:底|末)?)?(?:前|以前)?\s*$`)

// midDeadline is the year of a clause that is only a deadline and stands
// after the first clause of a sentence.
func midDeadline(sent string) *int {
	if !strings.Contains(sent, "年") {
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

// spanLeads reports a sentence that opens with a five-year span (“十四五”
// 时期，…; 十四五期间，…): it dates the paragraph's later sentences as a
// deadline opening one does.
func spanLeads(sent string) bool {
	t := strings.TrimLeft(sent, " “\"*")
	for _, p := range fiveYearEnds {
		if strings.HasPrefix(t, p.name) {
			rest := strings.TrimLeft(t[len(p.name):], "”\"」 ")
			return strings.HasPrefix(rest, "时期") || strings.HasPrefix(rest, "期间")
		}
	}
	return false
}
