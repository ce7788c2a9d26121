package plan

import (
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
	targetYear, baselineYear             int
	// a table of tasks by year (地区 | 2026年 | 2027年 | 2028年 | 合计): each
	// year's cell is a target due that year, in the unit stated above it
	years     []int // right-indices of the year columns
	yearOf    []int
	unitAbove string
	// the header titles its year columns as tasks (分年度招生任务 over
	// 1996年 | 1997年 | 1998年): they are targets whatever the plan's time
	tasks bool
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
	t := &table{width: len(cs), name: -1, unit: -1, target: -1, baseline: -1, constr: -1, tasks: tasks}
	var years []int // right-indices of year columns
	for i, c := range cs {
		r := len(cs) - 1 - i
		switch x := normalize(c.text); {
		case strings.Contains(x, "属性") || strings.Contains(x, "性质") || x == "类型":
			t.constr = r
		case strings.Contains(x, "指标") && t.name < 0:
			t.name = r
		case strings.Contains(x, "单位"):
			t.unit = r
		case strings.Contains(x, "目标") || strings.Contains(x, "期末"):
			t.target = r
			if m := reHeaderYr.FindString(x); m != "" {
				t.targetYear, _ = strconv.Atoi(m)
			}
		case strings.Contains(x, "基期") || strings.Contains(x, "基准") || strings.Contains(x, "现状") || strings.Contains(x, "基数"):
			t.baseline = r
			if m := reHeaderYr.FindString(x); m != "" {
				t.baselineYear, _ = strconv.Atoi(m)
			}
		case reHeaderYr.MatchString(x) && utf8.RuneCountInString(x) <= 8:
			years = append(years, r)
		}
	}
	// Year columns (2025年, 2030年): the last is the target, the first the baseline.
	if t.target < 0 && len(years) > 0 {
		t.target = years[len(years)-1]
		t.targetYear, _ = strconv.Atoi(reHeaderYr.FindString(cs[len(cs)-1-t.target].text))
		if len(years) > 1 && t.baseline < 0 {
			t.baseline = years[0]
			t.baselineYear, _ = strconv.Atoi(reHeaderYr.FindString(cs[len(cs)-1-t.baseline].text))
		}
	}
	if t.name < 0 && t.baseline >= 0 && t.target >= 0 && len(years) >= 2 && t.unit < 0 && t.constr < 0 {
		// no 指标 column: the rows are regions or bodies, the years their
		// tasks, when every year lies in the plan's time (not a baseline)
		first, _ := strconv.Atoi(reHeaderYr.FindString(cs[len(cs)-1-years[0]].text))
		if lead := normalize(cs[0].text); (tasks || planEnd != nil && first > *planEnd-10) && !reHeaderYr.MatchString(lead) && utf8.RuneCountInString(lead) <= 8 && years[0] < len(cs)-1 {
			t.name, t.baseline = len(cs)-1, -1
			for _, r := range years {
				y, _ := strconv.Atoi(reHeaderYr.FindString(cs[len(cs)-1-r].text))
				t.years, t.yearOf = append(t.years, r), append(t.yearOf, y)
			}
		}
	}
	if t.name < 0 || t.target < 0 {
		return nil, false
	}
	if t.targetYear == 0 && planEnd != nil {
		t.targetYear = *planEnd
	}
	return t, true
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

// rows reads one row of a table: its target, or for a table of tasks by
// year one target a year; ok is false when the line is not a row.
func (t *table) rows(cs []cell, line string, base int, section []string) ([]Indicator, bool) {
	if len(t.years) == 0 {
		ind, ok := t.row(cs, line, base, section)
		return []Indicator{ind}, ok
	}
	if len(cs) != t.width {
		return nil, false
	}
	var out []Indicator
	for k, r := range t.years {
		y := *t
		y.years, y.target, y.targetYear = nil, r, t.yearOf[k]
		if ind, ok := y.row(cs, line, base, section); ok {
			out = append(out, ind)
		}
	}
	return out, len(out) > 0
}

// row reads one row of an indicator table as a target; ok is false when
// the line is not a row (too few cells, no number in the target column).
func (t *table) row(cs []cell, line string, base int, section []string) (Indicator, bool) {
	if len(cs) < 3 || t.target >= len(cs) {
		return Indicator{}, false
	}
	at := func(r int) (cell, bool) {
		if r < 0 || r >= len(cs) {
			return cell{}, false
		}
		return cs[len(cs)-1-r], true
	}
	tc, _ := at(t.target)
	m := reCellValue.FindStringSubmatch(normalize(tc.text))
	if m == nil {
		return Indicator{}, false
	}
	v, err := strconv.ParseFloat(m[2], 64)
	if err != nil {
		return Indicator{}, false
	}
	unit := m[3]
	if uc, ok := at(t.unit); ok && unit == "" {
		unit = uc.text
	}
	if nc, ok := at(t.name); ok && unit == "" && t.unitAbove == "" {
		unit = nameUnit(nc.text)
	}
	if unit == "" {
		unit = t.unitAbove
	}
	baseUnit, mult := splitUnit(unit)
	ind := Indicator{Value: &v, Unit: unit, BaseUnit: baseUnit, Multiplier: mult, Comparator: cellComparator(m[1], m[4]), Section: section}
	// The span is the number in the target cell.
	numAt := strings.Index(normalize(tc.text), m[2])
	ind.Start = base + tc.at + utf8.RuneCountInString(normalize(tc.text)[:numAt])
	ind.End = ind.Start + utf8.RuneCountInString(m[2])
	if t.targetYear > 0 {
		y := t.targetYear
		ind.DeadlineYear = &y
	}
	if nc, ok := at(t.name); ok {
		ind.Metric = metricOf(nc.text, unit)
	}
	if bc, ok := at(t.baseline); ok {
		if bm := reCellValue.FindStringSubmatch(normalize(bc.text)); bm != nil {
			bv, _ := strconv.ParseFloat(bm[2], 64)
			ind.Baseline = &Baseline{Value: bv, Year: t.baselineYear}
		}
	}
	if cc, ok := at(t.constr); ok && (strings.Contains(cc.text, "约束") || strings.Contains(cc.text, "预期")) {
		ind.Constraint = cc.text
	}
	ind.Text = strings.TrimSpace(line)
	return ind, true
}

// cellComparator is a target cell's comparator from the words before its
// number (≥, ＞, 不低于) or after it (以上, 左右).
func cellComparator(before, after string) string {
	switch {
	case strings.ContainsAny(before, "≥>＞≧") || before == "不低于" || before == "不少于" || before == "超过" || after == "以上":
		return ">="
	case strings.ContainsAny(before, "≤<＜≦") || before == "不高于" || before == "不超过" || after == "以下" || after == "以内":
		return "<="
	case after == "左右":
		return "approx"
	}
	return "="
}

// reNameUnit is the unit an indicator's name gives in brackets at its end:
// 企业科协覆盖率（%）, 注册科普志愿者（万人）.
var reNameUnit = regexp.MustCompile(`[(（]([^()（）0-9]{1,6})[)）]\s*$`)

// nameUnit is the unit of a row whose table has no unit column and whose
// target cell is a bare number, from the indicator's name; "" if none.
func nameUnit(name string) string {
	if m := reNameUnit.FindStringSubmatch(name); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// metricOf is an indicator's name without the unit it gives in brackets
// when that is the target's unit (企业科协覆盖率（%） → 企业科协覆盖率).
func metricOf(name, unit string) string {
	if u := nameUnit(name); u != "" && u == unit {
		return strings.TrimSpace(reNameUnit.ReplaceAllString(name, ""))
	}
	return name
}

// wordsRow reports whether a line that is no target row is still a row of
// the table: the right cells, and words where the target would be
// (持续提升, 基本消除, —). The table goes on after it.
func (t *table) wordsRow(cs []cell) bool {
	if len(t.years) > 0 || len(cs) < 3 || t.target >= len(cs) || len(cs) > t.width {
		return false
	}
	tc := cs[len(cs)-1-t.target].text
	return utf8.RuneCountInString(tc) <= 8 && !strings.ContainsAny(tc, "0123456789０１２３４５６７８９。；;，,")
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

// reUnitLine is the line above a table that gives its unit (单位：个).
var reUnitLine = regexp.MustCompile(`^(?:计量)?单位\s*[:：]\s*(\S{1,6})\s*$`)

// tableLine reads line i as a line of a table, inside a section: a row of
// the indicator table being read (its targets proposed in a section about
// the past), the rule under a Markdown table's header, or the header of an
// indicator table (with the unit the line above may give). done reports
// the line read so; row, a line of three cells or more of another table.
func (d *docRead) tableLine(i int) (row, done bool) {
	if len(d.stack) == 0 {
		return false, false
	}
	cs := cells(d.origs[i])
	row = len(cs) >= 3
	if d.tbl != nil && reMarkdownRule.MatchString(d.lines[i]) {
		return row, true
	}
	if d.tbl != nil {
		if inds, ok := d.tbl.rows(cs, d.origs[i], d.offs[i], d.path()); ok {
			d.flush()
			for _, ind := range inds {
				ind.Candidate = d.stack[len(d.stack)-1].past
				d.doc.Indicators = append(d.doc.Indicators, ind)
			}
			return row, true
		}
		if d.tbl.wordsRow(cs) {
			d.flush()
			return row, true
		}
		d.tbl = nil
	}
	if t, ok := tableHeader(cs, d.doc.Period.End); ok {
		d.flush()
		d.tbl = t
		if i > 0 {
			if m := reUnitLine.FindStringSubmatch(d.lines[i-1]); m != nil {
				d.tbl.unitAbove = m[1]
			}
		}
		return row, true
	}
	return row, false
}
