package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A table of goals by year in its rows (年度 | 资源类型 | 接入容量 | 可调能力):
// the first column is the year, a cell merged down over the rows of that
// year (the rows below it lack it), the others a category and the
// quantities. Its title above (…规划目标（2025-2027年）) names it goals and
// gives its unit (单位：万千瓦); each number is a target due its row's year.
// A table of the years past (…统计表, 发展情况) is not read.

// yearRows is such a table being read: the header's cells from the left,
// the unit its title gives, the year of the rows being read.
type yearRows struct {
	heads []string
	unit  string
	year  int
	from  int // the first year read as a target: the plan's start (0: any)
}

// reYearRowsHead is the header cell of a column of years.
var reYearRowsHead = regexp.MustCompile(`^(?:年度|年份|年)$`)

// reTitleUnit is the unit a table's title gives (单位：万千瓦), anywhere in it.
var reTitleUnit = regexp.MustCompile(`单位\s*[:：]\s*([^\s:：()（）|*<>，,。]{1,6})`)

// yearRowsHeader reads grid cells g as the header of a table of goals by
// year in its rows: a first cell of years (年度, 年份), two cells or more
// of words after it, none a year, an indicator's name or a target's.
func yearRowsHeader(g []cell) *yearRows {
	cs := nonEmpty(g)
	if len(cs) < 3 || len(cs) != len(g) || !reYearRowsHead.MatchString(normalize(pageMarkup(cs[0].text))) {
		return nil
	}
	yr := &yearRows{}
	for _, c := range cs {
		x := normalize(pageMarkup(c.text))
		if !headerWord(x) || headerYear(x) > 0 || strings.Contains(x, "指标") || strings.Contains(x, "目标") {
			return nil
		}
		yr.heads = append(yr.heads, x)
	}
	return yr
}

// yearRowsTitle reads the lines above header line i (its title, a row of
// one cell, the rule of a Markdown table; up to the text above it): ok
// when they name goals (目标, 任务; not 计划, which a budget by year is
// too) and not a record (统计, 情况, 现状, 预测); the unit they give, if
// any.
func (d *docRead) yearRowsTitle(i int) (unit string, ok bool) {
	seen := 0
	for j := i - 1; j >= 0 && seen < 4; j-- {
		l := strings.TrimSpace(d.origs[j])
		if l == "" || reMarkdownRule.MatchString(d.lines[j]) || strings.Trim(l, "| ") == "" {
			continue
		}
		seen++
		x := normalize(pageMarkup(strings.Trim(l, "| ")))
		if strings.HasSuffix(x, "。") {
			break // the text above the table
		}
		if has(x, []string{"统计", "情况", "现状", "预测", "历年", "完成"}) {
			return "", false
		}
		if m := reTitleUnit.FindStringSubmatch(x); m != nil && unit == "" {
			unit = m[1]
		}
		ok = ok || has(x, []string{"目标", "任务"})
	}
	return unit, ok
}

// yearRowsAt reads line i as the header of a table of goals by year in
// its rows; nil for another line.
func (d *docRead) yearRowsAt(i int) *yearRows {
	yr := yearRowsHeader(d.rawGrid(i))
	if yr == nil {
		return nil
	}
	unit, ok := d.yearRowsTitle(i)
	if !ok {
		return nil
	}
	yr.unit = unit
	if s := d.doc.Period.Start; s != nil {
		yr.from = *s
	}
	return yr
}

// yearRowLine reads line i in a table of goals by year in its rows: the
// rule under its header, a row (its year's, or one below it whose year
// cell is merged). false for a line that is no row of it.
func (d *docRead) yearRowLine(i int) bool {
	yr := d.tbl.byYear
	if reMarkdownRule.MatchString(d.lines[i]) {
		return true
	}
	g := d.rawGrid(i)
	if len(g) < 2 {
		return false
	}
	cols := g
	switch first := normalize(pageMarkup(g[0].text)); {
	case len(g) == len(yr.heads) && reYearOnly.MatchString(first):
		yr.year = headerYear(first)
		cols = g[1:]
	case len(g) == len(yr.heads) && first == "":
		cols = g[1:]
	case len(g) != len(yr.heads)-1:
		return false
	}
	if yr.year == 0 || yr.year < yr.from {
		return true
	}
	d.flush()
	var cat string
	for k, c := range cols {
		head := yr.heads[k+1]
		cv, ok := readCell(c.text)
		if !ok || utf8.RuneCountInString(cv.unit) > 2 { // (5G基站: a category's name)
			if cat == "" {
				cat = pageMarkup(c.text)
			}
			continue
		}
		unit := cv.unit
		if unit == "" {
			unit = nameUnit(head)
		}
		if unit == "" {
			unit = yr.unit
		}
		unit = strings.ReplaceAll(unit, "％", "%")
		baseUnit, mult := cellUnitSplit(unit)
		year := yr.year
		ind := Indicator{Unit: unit, BaseUnit: computeUnit(baseUnit), Multiplier: mult, Comparator: cv.comparator, Section: d.path(), Cumulative: cv.cumulative,
			DeadlineYear: &year, Metric: strings.TrimSpace(cat + metricOf(head, unit, false)), Category: cat, Text: strings.TrimSpace(d.origs[i])}
		ind.setAmount(cv.isRange, cv.value, cv.low, cv.high)
		ind.Start = d.offs[i] + c.at + cv.numAt
		ind.End = ind.Start + utf8.RuneCountInString(cv.num)
		d.doc.Indicators = append(d.doc.Indicators, ind)
	}
	return true
}
