package plan

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Reading the header row of an indicator table as its columns, counted
// from the right: the indicator's name, its unit, category, baseline,
// constraint (属性), and the columns read as targets (目标值, 年均增长,
// the years of the plan's time, a title spanning the year columns).

// tableHeader recognizes the header row of an indicator table.
func tableHeader(cs []cell, planEnd *int) (*table, bool) {
	if len(cs) == 2 {
		return twoColumnHeader(cs, planEnd)
	}
	if len(cs) < 3 {
		return nil, false
	}
	cs, tasks := withoutYearsTitle(spanEndCells(cs)) // (“十五五”末: its year, ingest_table_fiveyear.go)
	t := &table{width: len(cs), name: -1, unit: -1, target: -1, baseline: -1, constr: -1, category: -1, tasks: tasks}
	var years []int     // right-indices of year columns
	var explicit []tcol // columns the header names as targets
	for i, c := range cs {
		r := len(cs) - 1 - i
		switch x := normalize(unspacedHeader(c.text)); {
		case strings.Contains(x, "属性") || strings.Contains(x, "性质") || x == "类型":
			t.constr = r
		case (strings.Contains(x, "指标") || strings.HasSuffix(x, "目标内容")) && t.name < 0:
			t.name = r // (具体目标内容: what each row aims at, its name)
		case has(x, categoryWords) && utf8.RuneCountInString(x) <= 4 && t.name < 0:
			t.category = r
		case strings.Contains(x, "单位") && !strings.Contains(x, "目标"):
			t.unit = r
		case has(x, growthWords) && utf8.RuneCountInString(x) <= 16:
			explicit = append(explicit, tcol{r: r, year: headerYear(x), yearly: true, unit: nameUnit(x)})
		case strings.Contains(x, "目标") || strings.Contains(x, "期末") || strings.Contains(x, "规划值"):
			if t.target < 0 {
				t.target = r
				t.targetYear = headerYear(x)
			}
			explicit = append(explicit, tcol{r: r, year: headerYear(x), unit: nameUnit(x)})
		case strings.Contains(x, "基期") || strings.Contains(x, "基准") || strings.Contains(x, "现状") || strings.Contains(x, "基数"):
			t.baseline = r
			t.baselineYear = headerYear(x)
		case reHeaderYr.MatchString(x) && utf8.RuneCountInString(x) <= 8:
			years = append(years, r)
		}
	}
	if t.target < 0 && len(explicit) > 0 {
		t.target = explicit[0].r
	}
	yearAt := func(r int) int { return headerYear(cs[len(cs)-1-r].text) }
	// Year columns (2025年, 2030年): the last is the target, the first the baseline.
	if t.target < 0 && len(years) > 0 {
		t.target = years[len(years)-1]
		t.targetYear = yearAt(t.target)
		if len(years) > 1 && t.baseline < 0 {
			t.baseline = years[0]
			t.baselineYear = yearAt(t.baseline)
		}
	} else if t.baseline < 0 && len(years) > 0 && years[0] > t.target {
		// a year left of the targets is their baseline (2025年 | 目标值)
		t.baseline = years[0]
		t.baselineYear = yearAt(t.baseline)
	}
	if t.name < 0 && t.baseline >= 0 && t.target >= 0 && len(years) >= 2 && t.unit < 0 && t.constr < 0 {
		// no 指标 column: the rows are regions or bodies, the years their
		// tasks, when every year lies in the plan's time (not a baseline)
		first, _ := strconv.Atoi(reHeaderYr.FindString(cs[len(cs)-1-years[0]].text))
		if lead := normalize(cs[0].text); (tasks || planEnd != nil && first > *planEnd-10) && !strings.ContainsAny(lead, "0123456789") && utf8.RuneCountInString(lead) <= 8 && years[0] < len(cs)-1 {
			t.name, t.baseline = len(cs)-1, -1
			if serialHeader(lead) && len(cs) > 3 {
				t.name = len(cs) - 2 // (序号 | 地区 | 2020 年装机 | 2025 年装机: the rows' names are the places, not their numbers)
			}
			for _, r := range years {
				y, _ := strconv.Atoi(reHeaderYr.FindString(cs[len(cs)-1-r].text))
				t.years, t.yearOf = append(t.years, r), append(t.yearOf, y)
			}
		}
	}
	if t.name < 0 {
		if pt, ok := placesPlanned(cs, planEnd); ok {
			return pt, true
		}
		return regionHeader(cs, planEnd)
	}
	if t.target < 0 {
		return nil, false
	}
	if t.targetYear == 0 && planEnd != nil {
		t.targetYear = *planEnd
	}
	switch {
	case len(t.years) > 0:
	case len(explicit) > 0:
		t.cols = explicit
		if lv, ok := levelBeforeGrowth(explicit, years, t.baseline); ok && (planEnd == nil || yearAt(lv) > *planEnd-5) {
			// 指标 | 2020年 | 2025年 | 年均增速: the last year's level is the
			// row's target, the first year its baseline, the growth a
			// target a year beside it (heldout59 10)
			t.cols = append([]tcol{{r: lv, year: yearAt(lv)}}, explicit...)
		}
	default:
		// every year column but the baseline is a target due that year
		for _, r := range years {
			if r < t.baseline || t.baseline < 0 && r == t.target {
				t.cols = append(t.cols, tcol{r: r, year: yearAt(r)})
			}
		}
	}
	return t, true
}

// levelBeforeGrowth is the right-index of the last year column of a
// header that names no target column but average growth (指标 | 2020年 |
// 2025年 | 年均增速): the level the plan sets for that year, when two
// years or more stand left of the growth and the last is not the baseline
// (the caller checks the year lies in the plan's time: a plan of 2026–2030
// gives 2020年 | 2025年 as where things stand).
func levelBeforeGrowth(explicit []tcol, years []int, baseline int) (int, bool) {
	if len(years) < 2 {
		return 0, false
	}
	for _, c := range explicit {
		if !c.yearly {
			return 0, false
		}
	}
	last := years[len(years)-1]
	if last == baseline || last <= explicit[0].r {
		return 0, false
	}
	return last, true
}

// categoryWords name a column of categories left of the indicators'.
var categoryWords = []string{"类别", "领域", "分类", "方面", "维度", "板块"}

// growthWords name a column of average growth, a target a year.
var growthWords = []string{"年均增长", "年均增速", "年均增幅", "年均提高"}

// headerYear is the year a header cell names, or 0.
func headerYear(x string) int {
	y, _ := strconv.Atoi(reHeaderYr.FindString(x))
	return y
}

// withoutYearsTitle takes out of a header the cell that titles the year
// columns right after it (分年度招生任务, 年度计划 over 1996年 | 1997年): a
// two-row header flattened into one, whose title spans the years and is
// no column of its own. tasks reports such a title found.
func withoutYearsTitle(cs []cell) ([]cell, bool) {
	yearCell := func(k int) bool {
		x := normalize(cs[k].text)
		return reHeaderYr.MatchString(x) && utf8.RuneCountInString(x) <= 6
	}
	for i := 1; i+2 < len(cs); i++ {
		x := normalize(cs[i].text)
		if utf8.RuneCountInString(x) <= 12 && titlesYears(x) && yearCell(i+1) && yearCell(i+2) {
			out := make([]cell, 0, len(cs)-1)
			return append(append(out, cs[:i]...), cs[i+1:]...), true
		}
	}
	return cs, false
}

// yearsTitles are the words of a header cell that titles year columns as
// the plan's tasks or targets.
var yearsTitles = []string{"任务", "计划", "年度目标", "分年度"}

// titlesYears reports whether a header cell titles year columns as tasks
// (分年度任务): a word of yearsTitles and no number.
func titlesYears(cell string) bool {
	return has(cell, yearsTitles) && !strings.ContainsAny(cell, "0123456789")
}

// twoColumnHeader recognizes a table of two columns whose first names the
// rows (类型, 指标, 项目) and whose second is what the plan adds or sets
// over its time (“十四五”新增, 目标值, 2025年规划): | 公交车充电桩(根) | 1200 |,
// each row's value due the plan's end (or the year the header names), in
// the unit its name gives in brackets.
func twoColumnHeader(cs []cell, planEnd *int) (*table, bool) {
	lead, x := normalize(pageMarkup(cs[0].text)), normalize(pageMarkup(cs[1].text))
	if !has(lead, []string{"类型", "类别", "指标", "项目", "名称", "内容"}) || utf8.RuneCountInString(lead) > 6 ||
		!has(x, []string{"新增", "目标", "规划", "计划", "新建"}) || utf8.RuneCountInString(x) > 12 || has(x, colShareWords) ||
		has(x, []string{"投资", "资金", "经费", "金额"}) { // (an estimate of money, 规划投资（亿元）: no build-out)
		return nil, false
	}
	t := &table{width: 2, name: 1, unit: -1, target: 0, baseline: -1, constr: -1, category: -1, grid: true, plansAdd: true}
	t.targetYear = headerYear(x)
	if t.targetYear == 0 && planEnd != nil {
		t.targetYear = *planEnd
	}
	t.cols = []tcol{{r: 0, year: t.targetYear, unit: bracketUnit(x)}}
	return t, true
}

// unspacedHeader is a header cell's word without the spaces a typesetter
// put between its characters to fill the column (指  标  名  称, 属 性;
// the flattened table's 指　　标 is read so already): a space between two
// Chinese characters of a short cell of words only is no text. A cell with
// a digit or more than eight characters is returned as it is.
func unspacedHeader(s string) string {
	if !strings.ContainsAny(s, " \u3000\u00a0") || strings.ContainsAny(s, "0123456789０１２３４５６７８９") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	han := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == ' ' || r == '\u3000' || r == '\u00a0' {
			j := i
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000' || rs[j] == '\u00a0') {
				j++
			}
			if len(out) > 0 && isHanChar(out[len(out)-1]) && j < len(rs) && isHanChar(rs[j]) {
				i = j - 1
				continue // the gap between two characters of one word
			}
		}
		if isHanChar(r) {
			han++
		}
		out = append(out, r)
	}
	if han > 8 {
		return s
	}
	return string(out)
}

// isHanChar reports a Chinese character (a numeral too).
func isHanChar(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }
