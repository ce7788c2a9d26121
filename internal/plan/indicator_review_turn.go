package plan

import "strings"

// A section whose title joins the achievements of the period past to the
// aims of the coming one (“十四五”时期发展成就和“十五五”时期主要目标任务, a
// report's chapter in the first year of a five-year plan) opens with a
// review, and turns to the coming period halfway: the review makes its text
// the past up to the paragraph that names the coming period as its subject
// (“十五五”时期是…; 今后五年…) or the proposals its plan follows (根据《…
// 第十五个五年规划的建议》…), not after it (tune32-P).

// achievedAndAimed reports a title that names both what was achieved
// (成就, 回顾, 成绩) and what is aimed at (目标, 任务).
func achievedAndAimed(title string) bool {
	return has(title, []string{"成就", "回顾", "成绩", "成效"}) && has(title, []string{"目标", "任务"})
}

// comingPeriods are the names of the five-year periods and their plans,
// with the year each ends.
var comingPeriods = []struct {
	name string
	end  int
}{{"十四五", 2025}, {"第十四个五年", 2025}, {"十五五", 2030}, {"第十五个五年", 2030}, {"十六五", 2035}, {"第十六个五年", 2035}}

// turnsAhead reports a paragraph that opens on the coming period: its name
// (of a period that ends in the plan's first year or later) with 时期 or
// 期间, 今后五年 or 未来五年, or the proposals of its plan cited (根据《…》).
func turnsAhead(text string, start *int) bool {
	text = strings.TrimLeft(text, " \u3000*")
	if has3Prefix(text, "今后五年", "未来五年", "今后5年") {
		return true
	}
	if start == nil {
		return false
	}
	head := strings.TrimLeft(text, "“\"")
	for _, p := range comingPeriods {
		if p.end < *start {
			continue
		}
		if rest, ok := strings.CutPrefix(head, p.name); ok {
			return has3Prefix(strings.TrimLeft(rest, "”\""), "时期", "期间", "规划")
		}
		if strings.HasPrefix(text, "根据《") {
			cited, _, _ := strings.Cut(text, "》")
			if strings.Contains(cited, p.name) && strings.Contains(cited, "建议") {
				return true
			}
		}
	}
	return false
}
