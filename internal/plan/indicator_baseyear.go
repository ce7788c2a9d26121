package plan

import (
	"regexp"
	"strings"
)

// reComparedWithYear is a change's base year said as a comparison (与2023年
// 相比, 同2021年底相比, 与2020年底现有站点数量相比, 和2020年比, 相比2022年,
// 相较于2023年): the year a change is measured from, as 较2023年 and
// 比2023年 are.
var reComparedWithYear = regexp.MustCompile(`(?:[与同和跟] ?(20\d\d) ?年(?:底|末)?[^，,。；;：:\d]{0,16}?(?:相比|相较|比较)|[与同和跟] ?(20\d\d) ?年(?:底|末)?比|相(?:比|较)(?:于)? ?(20\d\d) ?年(?:底|末)?)`)

// withoutBaseYears is the sentence without the years it names as the base of
// a change, so that a year a change is counted from (与2021年相比，2025年…
// 提高5个百分点以上) does not make the sentence one about the past (tune28;
// the rule belongs beside pastYear, indicator_reject_past.go, which another
// helper is splitting).
func withoutBaseYears(s string) string {
	s = withoutBuiltBefore(s)
	if strings.Contains(s, "价") && rePriceBase.MatchString(s) {
		s = rePriceBase.ReplaceAllString(s, "") // (按2010年价格计算: the prices a sum is counted in; tune32-P)
	}
	if !strings.Contains(s, "比") && !strings.Contains(s, "较") || !reComparedWithYear.MatchString(s) {
		return s // (no copy: most sentences name no base year)
	}
	return reComparedWithYear.ReplaceAllString(s, "")
}

// rePriceBase is the year of the prices a sum is counted in (按2010年价格
// 计算, 按2020年不变价计算, 以2015年价格计): it dates no statement.
var rePriceBase = regexp.MustCompile(`[按以] ?20\d\d ?年(?:不变)?价(?:格)?(?:计算|计)?`)

// reBaseYearEnd is a change's base said at a year's end (较2023年底, 比2022年末):
// the base of the change, no deadline.
var reBaseYearEnd = regexp.MustCompile(`[较比](20\d\d) ?年(?:底|末)`)

// withoutBaseDates is the clause without the years it names as the base of
// a change, read for its deadline: 同2023年底相比 and 较2023年底 date
// nothing (tune28).
func withoutBaseDates(s string) string {
	s = withoutBuiltBefore(s)
	if !strings.Contains(s, "比") && !strings.Contains(s, "较") {
		return s
	}
	if reComparedWithYear.MatchString(s) {
		s = reComparedWithYear.ReplaceAllString(s, "")
	}
	if reBaseYearEnd.MatchString(s) {
		s = reBaseYearEnd.ReplaceAllString(s, "")
	}
	return s
}
