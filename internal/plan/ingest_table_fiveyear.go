package plan

import (
	"regexp"
	"strconv"
)

// A table of indicators headed by the ends of five-year plans instead of
// years (| 指标 | 单位 | “十四五”末 | “十五五”末 | 属性 |; grid4): each such
// cell is the year that plan ends, so the last is the target's column and
// the first the baseline's, as with years. Was: “十五五”末 named no column
// and the table was not read; “十四五”期末, matching 期末, was taken for
// the target.

// reSpanEnd is a header cell that is only a five-year plan's end: “十五五”末,
// 十五五期末, “十四五”时期末, “十五五”末值.
var reSpanEnd = regexp.MustCompile(`^["“]?(十[一二三四五六]五)["”]?(?:时期|规划)?期?末值?$`)

// spanEndCells returns cs with each cell that names a five-year plan's end
// written as that end's year (2030年); cs itself is left as it was.
func spanEndCells(cs []cell) []cell {
	var out []cell
	for i, c := range cs {
		m := reSpanEnd.FindStringSubmatch(normalize(c.text))
		if m == nil {
			continue
		}
		for _, p := range fiveYearEnds {
			if p.name == m[1] {
				if out == nil {
					out = append([]cell(nil), cs...)
				}
				out[i].text = strconv.Itoa(p.end) + "年"
			}
		}
	}
	if out == nil {
		return cs
	}
	return out
}
