package plan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// groupRow reports a Markdown row of one cell that titles a group of the
// indicator table's rows (| ※能源生产供应（除…项目外） |, | 二、能源消费结构 |):
// words only, no figure, no sentence. The table goes on under it, whatever
// its columns (years too) and however long the title's note in brackets.
func groupRow(line string) bool {
	l := strings.TrimSpace(line)
	if !strings.HasPrefix(l, "|") || !strings.HasSuffix(l, "|") || strings.Count(l, "|") != 2 {
		return false
	}
	x := strings.TrimSpace(strings.ReplaceAll(strings.Trim(l, "|"), "*", ""))
	if x == "" || utf8.RuneCountInString(x) > 48 || strings.ContainsAny(x, "。；;0123456789０１２３４５６７８９%％") {
		return false
	}
	return strings.IndexFunc(x, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// yearlyRate reports a row whose name states a rate each year (能耗总量年均增速
// （％）, 年均增长率), or opens with 年均 whatever its unit (年均每十万人受灾
// 人次; grid4): its cells are per year, as the sentence 年均增长5% is. (A
// name with 年 and a verb, 科技馆年接待观众, stays the plan's year's level.)
func yearlyRate(name, unit string) bool {
	return unit == "%" && has(name, []string{"年均增速", "年均增长", "年均下降", "年均提高", "年均降低"}) || strings.HasPrefix(name, "年均")
}
