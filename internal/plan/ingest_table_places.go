package plan

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A table of what the plan adds in each place (tune28): 镇街名称 | “十三五”
// 规划延续 | “十四五”规划新增 | “十四五”增加合计, one row a town, bare counts
// in the unit its caption gives (…一览表单位：个). Every column but the first
// says what the plan adds or carries on; a column of what exists, of what was
// planned before (已规划), of a reckoning (按…计算) or of a difference (差值)
// makes it a table of something else, read by the other rules. Each non-zero
// cell is a target due the plan's end (a zero adds nothing to track).

// placeLeadWords name the rows of a table as places.
var placeLeadWords = []string{"镇街", "街道", "乡镇", "镇名", "区县", "县区", "县(市、区)", "地区", "区域", "片区", "行政区", "园区"}

// plannedColWords name a column of what the plan adds or carries on.
var plannedColWords = []string{"新增", "新建", "增加", "规划延续", "顺延", "规划布点"}

// notPlannedColWords name a column of what exists, was planned before, or is
// reckoned, not what the plan adds.
var notPlannedColWords = []string{"现有", "现状", "已", "保有", "计算", "测算", "差值", "占比", "比例", "备注", "投资", "面积"}

// placesPlanned reads a header of such a table.
func placesPlanned(cs []cell, planEnd *int) (*table, bool) {
	if len(cs) < 3 || len(cs) > 8 {
		return nil, false
	}
	lead := normalize(pageMarkup(cs[0].text))
	if utf8.RuneCountInString(lead) > 8 || !has(lead, placeLeadWords) || strings.ContainsAny(lead, "0123456789") {
		return nil, false
	}
	t := &table{width: len(cs), name: len(cs) - 1, unit: -1, target: -1, baseline: -1, constr: -1, category: -1, noZeros: true}
	if planEnd != nil {
		t.targetYear = *planEnd
	}
	for i, c := range cs[1:] {
		x := normalize(pageMarkup(c.text))
		if utf8.RuneCountInString(x) > 16 || !has(x, plannedColWords) || has(x, notPlannedColWords) || headerYear(x) > 0 {
			return nil, false
		}
		t.cols = append(t.cols, tcol{r: len(cs) - 2 - i, unit: bracketUnit(x)})
	}
	t.target = t.cols[0].r
	return t, true
}

// reCaptionUnit is a table's caption that ends with its unit, without
// brackets (表5-2 新增规划布点一览表单位：个).
var reCaptionUnit = regexp.MustCompile(`^\**表\s*[0-9０-９].{2,60}?单位\s*[:：]\s*([^\s:：()（）]{1,6})\s*\**$`)

// captionUnit is the unit the caption line right above a table's header
// gives at its end, blank lines apart; "" if none.
func (d *docRead) captionUnit(i int) string {
	if m := reCaptionUnit.FindStringSubmatch(d.caption(i)); m != nil {
		return m[1]
	}
	return ""
}

// caption is the nearest line with words among the three above header
// line i, trimmed: the table's title, if it has one; "" if none.
func (d *docRead) caption(i int) string {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if l := strings.TrimSpace(d.lines[j]); l != "" {
			return l
		}
	}
	return ""
}

// reCaptionYear is a table's title that dates its targets: a year, then
// the words of targets or tasks (2026 年各县（市、区）科普工作目标任务).
var reCaptionYear = regexp.MustCompile(`^(20\d\d)\s*年.{0,30}(?:目标|任务|计划)`)

// captionYear is the year the title right above a table of places gives
// its targets (the nearest line with words among the three above header
// line i), or 0: a table of each county's tasks for one year of a longer
// plan is due that year, not at the plan's end.
func (d *docRead) captionYear(i int) int {
	if m := reCaptionYear.FindStringSubmatch(d.caption(i)); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}
