package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A table of tasks by year as a web page gives it (序号 | 任务内容 |
// 2024年目标 | 2025年目标 | … | 牵头单位): each year's cell is words with
// the quantities of that year's tasks (更新老旧设备850台；新建管网22公里).
// A cell is read as a clause of the plan of its own, due its column's
// year; the other cells (the task's name, who leads it) are not read.

// taskYears is the year columns of a table of tasks by year: their index
// from the left in the header's grid, their year, and how many empty cells
// the header's grid ends with (a page that left a column too many).
type taskYears struct {
	at, year []int
	trail    int
	width    int // the header's cells
}

// taskYearHeader reads a grid header of a table of tasks by year: two or
// more cells of a year and a word of tasks (2024年目标, 2025年任务) or a
// year alone, a column of tasks' names (任务, 内容, 事项), no column of
// indicators, units or constraints. nil for another header.
func taskYearHeader(g []cell) *taskYears {
	ty := &taskYears{}
	named := false
	for k, c := range g {
		x := normalize(unspacedHeader(pageMarkup(c.text)))
		switch {
		case x == "":
			continue
		case strings.Contains(x, "指标") || strings.Contains(x, "单位") && !strings.Contains(x, "牵头") && !strings.Contains(x, "责任") || strings.Contains(x, "属性"):
			return nil
		case (has(x, taskNameWords) || taskWord(x)) && headerYear(x) == 0:
			named = true
		case headerYear(x) > 0 && utf8.RuneCountInString(x) <= 10 && (reYearOnly.MatchString(x) || has(x, []string{"目标", "任务", "计划"})):
			ty.at, ty.year = append(ty.at, k), append(ty.year, headerYear(x))
		}
	}
	if len(ty.at) == 1 && !named {
		// one year's tasks (序号 | 领域 | 2024年推进任务 | 牵头责任部门): the
		// column titles them so, with no column of their names
		x := normalize(pageMarkup(g[ty.at[0]].text))
		named = has(x, []string{"任务", "目标", "计划"}) && !reYearOnly.MatchString(x)
	} else if len(ty.at) < 2 {
		return nil
	}
	if !named {
		return nil
	}
	for k := len(g) - 1; k >= 0 && g[k].text == ""; k-- {
		ty.trail++
	}
	ty.width = len(g)
	return ty
}

// shortRow places a row of a table of one year's tasks that has fewer
// cells than its header (a Markdown row whose merged cells, its field's or
// its lead's, are left out): its one cell of a quantity after its number
// is the year's, moved to the year's column. ok is false for another row.
func (ty *taskYears) shortRow(g []cell) ([]cell, bool) {
	if len(ty.at) != 1 || len(g) >= ty.width || ty.width == 0 {
		return nil, false
	}
	k := -1
	for j, c := range g {
		if j == 0 && startsNumber(c.text) || !hasQuantity(c.text) {
			continue
		}
		if k >= 0 {
			return nil, false
		}
		k = j
	}
	if k < 0 {
		return nil, false
	}
	out := make([]cell, ty.width)
	out[ty.at[0]] = g[k]
	return out, true
}

// taskNameWords name the column of a table's tasks.
var taskNameWords = []string{"内容", "事项", "任务名称", "主要任务", "重点任务", "项目名称"}

// taskWord reports a short header of tasks' names (任务, 工作任务, 具体任务),
// not a header over the years' columns (分年度招生任务).
func taskWord(x string) bool {
	return strings.HasSuffix(x, "任务") && utf8.RuneCountInString(x) <= 4 && !strings.Contains(x, "年")
}

// taskRow reads line i as a row of a table of tasks by year: each year's
// cell, as the grid places it, a paragraph of its own due that year. A row
// that ends with more empty cells than the header lacks cells at its left
// (merged from the row above): it is moved right by as many, unless it
// starts with its number. ok is false for a row with no year cell of a
// quantity (hasQuantity), which is read as the text of a table's row.
func (d *docRead) taskRow(i int, ty *taskYears) bool {
	g := d.rawGrid(i)
	if len(g) < 2 {
		return false
	}
	trail := 0
	for k := len(g) - 1; k >= 0 && g[k].text == ""; k-- {
		trail++
	}
	shift := 0
	if trail > ty.trail && !startsNumber(g[0].text) {
		shift = trail - ty.trail
	}
	if one, ok := ty.shortRow(g); ok {
		g = one // (a row of one year's tasks lacking merged cells)
	}
	nb, ob := []rune(d.lines[i]), []rune(d.origs[i])
	if len(nb) != len(ob) {
		return false
	}
	read := false
	for k, col := range ty.at {
		j := col - shift
		if j < 0 || j >= len(g) || !hasQuantity(g[j].text) {
			continue
		}
		c := g[j]
		n := utf8.RuneCountInString(c.text)
		if c.at < 0 || c.at+n > len(ob) {
			continue
		}
		if !read {
			d.flush()
			read = true
		}
		year := ty.year[k]
		d.startPara()
		// the column is the year's goals (2024年目标): its cell is governed
		// by them as a section's text is by a title of goals
		d.para.ctx.deadline, d.para.ctx.past, d.para.ctx.goalSection = &year, false, true
		d.para.add(string(nb[c.at:c.at+n])+"。", string(ob[c.at:c.at+n])+"。", d.offs[i]+c.at)
		from := len(d.doc.Indicators)
		d.flush()
		for k := from; k < len(d.doc.Indicators); k++ {
			ind := &d.doc.Indicators[k]
			ind.Candidate = ind.Candidate && !asserts(ind)
		}
	}
	return read
}

// startsNumber reports a cell that is a row's number (1, 12).
func startsNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// reYearOnly is a header cell that is a year alone (2024年, 2024年度).
var reYearOnly = regexp.MustCompile(`^(?:19|20)\d\d年?度?$`)

// taskTableLine reads line i in a table of tasks by year: the header again
// (a page's), the rule under it, a row. done is false for a line that is
// read as text; end, for a line that is no row of the table.
func (d *docRead) taskTableLine(i int) (done, end bool) {
	g := d.rawGrid(i)
	if g == nil {
		return false, true
	}
	if reMarkdownRule.MatchString(d.lines[i]) {
		return true, false
	}
	if ty := taskYearHeader(g); ty != nil {
		d.tbl.tasksBy = ty
		return true, false
	}
	return d.taskRow(i, d.tbl.tasksBy), false
}

// asserts reports a quantity of a year's cell of tasks that the cell
// commits to though the sentence rules only propose it: a count of things
// to do (a unit of things: 台, 辆, 个), not a threshold written with 以上
// before a noun (1000万元以上技改项目) nor a share.
func asserts(ind *Indicator) bool {
	return ind.Value != nil && ind.Comparator == "=" && ind.Multiplier <= 1 && !strings.ContainsAny(ind.Unit, "%元") && !ind.Reported
}
