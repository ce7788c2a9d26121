package plan

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// An indicator table (主要指标: 指标, 单位, 基期值, 目标值, 属性) reaches
// Ingest as one line a row, its cells apart: tabs from a .docx or an HTML
// page, two or more spaces from `pdftotext -layout`. Columns are matched
// from the right, since a PDF row may split or merge the cells on its left.

var (
	reCellSep      = regexp.MustCompile(`\t+|\s{2,}`)
	reMarkdownCell = regexp.MustCompile(`\s*\|\s*`)
	// the rule under a Markdown table's header: |---|:---:|
	reMarkdownRule = regexp.MustCompile(`^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$`)
	reHeaderYr     = regexp.MustCompile(`(20\d\d|19[4-9]\d)`)
	reCellValue    = regexp.MustCompile(`^(≥|≤|>|<|>=|<=|＞|＜|≧|≦|不低于|不少于|不高于|不超过|超过)?\s*(\d+(?:\.\d+)?)\s*(\S*?)\s*(以上|以下|以内|左右)?$`)
)

// table is the column layout of an indicator table, counted from the right.
type table struct {
	width                                int // cells in the header
	name, unit, target, baseline, constr int // index from the right, -1 if absent
	category                             int // 类别, 领域: a cell given once for the rows it spans
	// the last category and constraint a row gave: a cell merged down
	// leaves the rows below it empty (or without it)
	lastCat, lastConstr      string
	targetYear, baselineYear int
	// the columns read as targets, left to right: 目标值 and 年均增长 under
	// 2030年, or the years after the baseline (2027年 | 2030年)
	cols []tcol
	// a table of tasks by year (地区 | 2026年 | 2027年 | 2028年 | 合计): each
	// year's cell is a target due that year, in the unit stated above it
	years     []int // right-indices of the year columns
	yearOf    []int
	unitAbove string
	// the header titles its year columns as tasks (分年度招生任务 over
	// 1996年 | 1997年 | 1998年): they are targets whatever the plan's time
	tasks bool
	// a table of counts by region whose year columns say what they count
	// (区域 | 建设总数(座) | 2024年建站数量(座) | 2024年完成比例): rows may
	// lack a merged cell at their left, so they are read by their cells
	// that hold text, from the right
	regions bool
	tasksBy *taskYears // a table of tasks by year whose cells are words (ingest_table_tasks.go)
	lay     *layout    // a table laid out in columns by pdftotext -layout
	grid    bool       // rows whose cells are apart by tabs or |, empty cells kept
	skip    int        // the last line of a header of several lines
}

// tcol is a target column: its right-index, the year it is due (0: the
// table's), yearly for a column of average growth, the unit its header
// gives in brackets (年均增长（%）).
type tcol struct {
	r, year int
	yearly  bool
	unit    string
}

// cell is one cell of a row and its rune offset in the line.
type cell struct {
	text string
	at   int
}

// cells splits a table row at tabs or runs of spaces.
func cells(line string) []cell {
	var out []cell
	prev := 0
	add := func(a, b int) {
		t := strings.TrimSpace(line[a:b])
		if t != "" {
			lead := len(line[a:b]) - len(strings.TrimLeft(line[a:b], " \t"))
			out = append(out, cell{t, utf8.RuneCountInString(line[:a+lead])})
		}
	}
	sep := reCellSep
	if t := strings.TrimSpace(line); strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1 {
		sep = reMarkdownCell // a Markdown table: | 指标 | 单位 | 目标值 |
	}
	for _, loc := range sep.FindAllStringIndex(line, -1) {
		add(prev, loc[0])
		prev = loc[1]
	}
	add(prev, len(line))
	return out
}

// tableHeader recognizes the header row of an indicator table.
func tableHeader(cs []cell, planEnd *int) (*table, bool) {
	if len(cs) < 3 {
		return nil, false
	}
	cs, tasks := withoutYearsTitle(cs)
	t := &table{width: len(cs), name: -1, unit: -1, target: -1, baseline: -1, constr: -1, category: -1, tasks: tasks}
	var years []int     // right-indices of year columns
	var explicit []tcol // columns the header names as targets
	for i, c := range cs {
		r := len(cs) - 1 - i
		switch x := normalize(c.text); {
		case strings.Contains(x, "属性") || strings.Contains(x, "性质") || x == "类型":
			t.constr = r
		case strings.Contains(x, "指标") && t.name < 0:
			t.name = r
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
			for _, r := range years {
				y, _ := strconv.Atoi(reHeaderYr.FindString(cs[len(cs)-1-r].text))
				t.years, t.yearOf = append(t.years, r), append(t.yearOf, y)
			}
		}
	}
	if t.name < 0 {
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

// rows reads one row of a table: a target for each target column with a
// number (for a table of tasks by year one a year); ok is false when the
// line is not a row. name, if not "", is the indicator's name, wrapped
// over lines around the row (a PDF's layout).
func (t *table) rows(cs []cell, line string, base int, section []string, name string) ([]Indicator, bool) {
	if len(cs) < 3 {
		return nil, false
	}
	if len(t.years) > 0 {
		if len(cs) != t.width {
			return nil, false
		}
		var out []Indicator
		for k, r := range t.years {
			if ind, ok := t.cell(cs, tcol{r: r, year: t.yearOf[k]}, line, base, section, name); ok {
				out = append(out, ind)
			}
		}
		return out, len(out) > 0
	}
	var out []Indicator
	cat, constr := t.rowState(cs)
	for _, c := range t.cols {
		for _, ind := range t.pairCell(cs, c, line, base, section, name) {
			ind.Category = cat
			if ind.Constraint == "" {
				ind.Constraint = constr
			}
			out = append(out, ind)
		}
	}
	if len(out) > 0 {
		t.lastCat, t.lastConstr = cat, constr
	}
	return out, len(out) > 0
}

// rowState is a row's category and constraint: its own cells', else the
// last row's (a cell merged down over it). A laid-out table's category is
// placed after the table (layout.placeSpans): a PDF centres it among its
// rows.
func (t *table) rowState(cs []cell) (cat, constr string) {
	if t.lay != nil {
		return "", ""
	}
	cat, constr = t.lastCat, t.lastConstr
	if c, ok := cellAt(cs, t.category); ok && headerWord(c.text) && !strings.ContainsAny(c.text, "0123456789") {
		cat = c.text
	}
	if c, ok := cellAt(cs, t.constr); ok && constraintWord(c.text) {
		constr = c.text
	}
	return cat, constr
}

// noteRow keeps a row of words' category and constraint for the rows
// below it.
func (t *table) noteRow(cs []cell) { t.lastCat, t.lastConstr = t.rowState(cs) }

// cellAt is the cell r from the right of a row, if it has one with text.
func cellAt(cs []cell, r int) (cell, bool) {
	if r < 0 || r >= len(cs) || cs[len(cs)-1-r].text == "" {
		return cell{}, false
	}
	return cs[len(cs)-1-r], true
}

// cell reads the target of one target column c of a row, if its cell
// holds a number.
func (t *table) cell(cs []cell, c tcol, line string, base int, section []string, name string) (Indicator, bool) {
	tc, ok := cellAt(cs, c.r)
	if !ok {
		return Indicator{}, false
	}
	cv, ok := readCell(tc.text)
	if !ok {
		return Indicator{}, false
	}
	if name == "" {
		if nc, ok := cellAt(cs, t.name); ok {
			name = pageMarkup(nc.text)
		}
	}
	// the unit: the cell's own, its column's header's, the unit column's,
	// the name's in brackets, the line above the table's
	unit := cv.unit
	if unit == "" {
		unit = c.unit
	}
	if uc, ok := cellAt(cs, t.unit); ok && unit == "" && !c.yearly && !noUnit(uc.text) {
		unit = pageMarkup(uc.text)
	}
	if unit == "" && t.unitAbove == "" {
		unit = nameUnit(name)
	}
	if unit == "" {
		unit = t.unitAbove
	}
	baseUnit, mult := splitUnit(unit)
	ind := Indicator{Unit: unit, BaseUnit: baseUnit, Multiplier: mult, Comparator: cv.comparator, Section: section, Cumulative: cv.cumulative}
	if cv.isRange {
		lo, hi := cv.low, cv.high
		ind.Low, ind.High = &lo, &hi
	} else {
		v := cv.value
		ind.Value = &v
	}
	// The span is the number in the target cell.
	ind.Start = base + tc.at + cv.numAt
	ind.End = ind.Start + utf8.RuneCountInString(cv.num)
	if y := cmp.Or(c.year, t.targetYear); y > 0 {
		ind.DeadlineYear = &y
	}
	if c.yearly {
		per := "year"
		ind.Per = &per
	}
	ind.Metric = metricOf(name, unit, c.unit != "")
	if bc, ok := cellAt(cs, t.baseline); ok && !c.yearly {
		if bv, ok := readCell(bc.text); ok && !bv.isRange {
			ind.Baseline = &Baseline{Value: bv.value, Year: t.baselineYear}
		}
	}
	if cc, ok := cellAt(cs, t.constr); ok && (strings.Contains(cc.text, "约束") || strings.Contains(cc.text, "预期")) {
		ind.Constraint = cc.text
	}
	ind.Text = strings.TrimSpace(line)
	return ind, true
}

// reNameUnit is the unit an indicator's name gives in brackets at its end:
// 企业科协覆盖率（%）, 注册科普志愿者（万人）.
var reNameUnit = regexp.MustCompile(`[(（]([^()（）0-9]{1,6})[)）]\s*$`)

// nameUnit is the unit of a row whose table has no unit column and whose
// target cell is a bare number, from the indicator's name; "" if none.
func nameUnit(name string) string {
	if m := reNameUnit.FindStringSubmatch(name); m != nil && !has(m[1], nameQualifiers) {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// nameQualifiers are words a name's brackets hold that qualify it and are
// no unit: 超充桩数量（累计）.
var nameQualifiers = []string{"累计", "累积", "新增", "年均", "当年", "预期", "约束"}

// metricOf is an indicator's name without the unit it gives in brackets
// when that is the target's unit (企业科协覆盖率（%） → 企业科协覆盖率), or
// when the target's column gives its own (地区生产总值（亿元） under 年均增长（%）).
func metricOf(name, unit string, colUnit bool) string {
	if u := nameUnit(name); u != "" && (u == unit || colUnit) {
		return strings.TrimSpace(reNameUnit.ReplaceAllString(name, ""))
	}
	return name
}

// wordsRow reports whether a line that is no target row is still a row of
// the table: the right cells, and words where the target would be
// (持续提升, 基本消除, —). The table goes on after it.
func (t *table) wordsRow(cs []cell) bool {
	if len(t.years) > 0 || len(cs) < 3 || len(cs) > t.width {
		return false
	}
	words := 0
	for _, c := range t.cols {
		tc, ok := cellAt(cs, c.r)
		if !ok {
			continue
		}
		if utf8.RuneCountInString(tc.text) > 12 || strings.ContainsAny(tc.text, "0123456789０１２３４５６７８９。；;，,") {
			return false
		}
		words++
	}
	return words > 0
}

// cellBreaks marks the borders of a table row's cells as clause breaks,
// rune for rune (| of Markdown, the first of a run of spaces or a tab of a
// laid-out row), so that a cell's words govern only its own numbers.
func cellBreaks(row string) string {
	rs := []rune(row)
	for i, r := range rs {
		switch {
		case r == '|':
			rs[i] = ';'
		case r == ' ' && i+1 < len(rs) && rs[i+1] == ' ' && (i == 0 || rs[i-1] != ' ' && rs[i-1] != ';'):
			rs[i] = ';'
		}
	}
	return string(rs)
}
