package plan

import (
	"regexp"
	"strconv"
	"strings"
)

// The deadlines a sentence or a clause sets (到2025年, 2025年底前, 3年内,
// 第二年, 近期目标（2026—2027年）): the year its targets are due.
var (
	reDeadline   = regexp.MustCompile(`(?:到|至|截至|截止到|于|预计|计划|力争) {0,3}((?:19|20)\d\d) {0,3}年|(20\d\d) {0,3}年(?:底|末|前|年底|\d{1,2}月(?:底|末|前))`)
	reClauseYear = regexp.MustCompile(`^\s*((?:19|20)\d\d) {0,3}年(?:底|末|度|全年)?(?:[，,]|[^\d月年底末度前内以来起开]|$)`)
	reWithin     = regexp.MustCompile(`([1-9一二两三四五六七八九十])\s*年(?:内|时间|左右时间|努力)|未来([1-9一二两三四五六七八九十])年`)
	// years from one to another opening the clause (2026年—2028年共评选…)
	reClauseYears = regexp.MustCompile(`^\s*(?:19|20)\d\d ?年? ?[-~至到] ?((?:19|20)\d\d) ?年`)
	reNthYear     = regexp.MustCompile(`第([1-9一二三四五六七八九十])年`)
	reStageYears  = regexp.MustCompile(`(?:阶段|期|目标|任务) ?\((?:20\d\d ?年? ?[-~至到] ?)?(20\d\d) ?年?\) ?$`)
)

// sentenceDeadline is the year a sentence sets: 到2025年, 2025年底前, 3年内.
func sentenceDeadline(s string, planStart *int) *int {
	if !strings.Contains(s, "年") {
		return nil // (every form below names a year: a cheap test before the regexps)
	}
	s = withoutBaseDates(s)
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
	if t := strings.TrimLeft(s, " "); len(t) < 2 || !(t[0] == '2' && t[1] == '0' || t[0] == '1' && t[1] == '9') {
		// no year opens the clause
	} else if m := reClauseYears.FindStringSubmatch(s); m != nil {
		// years from one to another: due by the last (2026—2028年共…)
		y, _ := strconv.Atoi(m[1])
		return &y
	} else if m := reClauseYear.FindStringSubmatch(s); m != nil {
		// a year opening the clause: 2027年，新增…; 2028年新增…; 1998年达到…
		// in a plan of the 1990s
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
