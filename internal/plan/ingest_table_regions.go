package plan

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Tables of targets by region (地区 | 2024年建站数量(座) | 2025年… , 地区 |
// 充电站(座) | 换电站(座)): no indicator column, the rows named by the
// regions, each column saying what it counts and in which unit.

// regionHeader reads a header with no indicator column whose first cell
// names the rows (区域, 地区) and whose other cells say what their column
// counts: a year and a quantity, its unit in brackets (2024年建站数量(座)) —
// a target due that year — or a total in a unit (建设总数(座)) — a target
// due the plan's end. A column of shares (2024年完成比例, 占比) restates
// another column and is no target. It needs two year columns.
func regionHeader(cs []cell, planEnd *int) (*table, bool) {
	off := 0
	if len(cs) > 3 && serialHeader(normalize(cs[0].text)) {
		off = 1 // (序号 | 区 | …: the rows' numbers, then their names)
	}
	lead := normalize(cs[off].text)
	if utf8.RuneCountInString(lead) > 6 || strings.ContainsAny(lead, "0123456789") || headerKind(lead) != "" {
		return nil, false
	}
	t := &table{width: len(cs), name: len(cs) - 1 - off, unit: -1, target: -1, baseline: -1, constr: -1, category: len(cs), regions: true}
	if planEnd != nil {
		t.targetYear = *planEnd
	}
	years := 0
	for i, c := range cs[off+1:] {
		r := len(cs) - 2 - off - i
		x := normalize(pageMarkup(c.text))
		if utf8.RuneCountInString(x) > 20 || has(x, colShareWords) {
			continue
		}
		unit := bracketUnit(x)
		switch y := headerYear(x); {
		case y > 0 && (unit != "" || has(x, yearCountWords)):
			t.cols = append(t.cols, tcol{r: r, year: y, unit: unit, head: colHead(x)})
			years++
		case y == 0 && unit != "" && has(x, periodTotalWords):
			t.cols = append(t.cols, tcol{r: r, unit: unit, head: colHead(x)})
		}
	}
	if years < 2 && !regionCounts(lead, cs[off+1:], t) {
		return nil, false
	}
	t.target = t.cols[0].r
	return t, true
}

// notValueCols name columns of words, not values.
var notValueCols = []string{"备注", "说明", "单位", "部门", "责任", "名称", "序号", "类型", "属性", "地址", "位置", "内容", "措施"}

// regionWords name the rows of a table as regions (地区 | 充电站(座) | …).
var regionWords = []string{"地区", "区域", "地市", "城市", "市州", "市(州)", "县区", "区县", "县(市、区)", "县(市区)", "行政区", "各地", "片区"}

// regionCounts reports a table of counts by region with no year (地区 |
// 充电站(座) | 换电站(座) | 充电桩(根) | …): a first cell that names the
// rows as regions and two or more columns of things counted in the unit in
// brackets; each is due the plan's end. The columns read are then those of
// a unit in brackets, and the others that name a value, whose cells give
// their unit (服务半径 | 1.0公里: the goal table's norm for each region), but
// not notes, bodies, names or kinds.
func regionCounts(lead string, cells []cell, t *table) bool {
	if !regionLead(lead) {
		return false
	}
	var cols, sizes, other []tcol
	for i, c := range cells {
		x := normalize(pageMarkup(c.text))
		if utf8.RuneCountInString(x) > 20 || has(x, colShareWords) || headerYear(x) > 0 {
			continue
		}
		u := strings.TrimPrefix(bracketUnit(x), "万")
		switch {
		case has(x, describedCols):
			// (人口（万人）, 面积（平方公里）: what the region is, not what it is to do)
		case countWords[u] || arabicOnly[u] || countedKinds[u] || u == "辆" || u == "艘": // (科普活动（场次）, 受众（万人次）)
			cols = append(cols, tcol{r: len(cells) - 1 - i, unit: bracketUnit(x), head: colHead(x)})
		case u != "" && slices.Contains(units, bracketUnit(x)):
			// (光伏装机容量（兆瓦）, 新建绿道（公里）: an amount of what the
			// region is to build, beside a column of counts)
			sizes = append(sizes, tcol{r: len(cells) - 1 - i, unit: bracketUnit(x), head: colHead(x)})
		case x != "" && bracketUnit(x) == "" && !has(x, notValueCols):
			other = append(other, tcol{r: len(cells) - 1 - i, head: colHead(x)})
		}
	}
	if len(cols) < 1 || len(cols)+len(sizes) < 2 {
		return false
	}
	t.cols = append(append(cols, sizes...), other...)
	t.grid = true // (a row's cells stay in their columns: 总计 | 70 | 120 | 7000 | <empty>)
	return true
}

// regionLeads are first cells that name the rows as regions only when they
// are the whole cell (区 | 光伏装机容量（兆瓦） | 项目数（个）): 区 inside a
// longer word names a park, a zone or a community.
var regionLeads = []string{"区", "各区", "区名", "区名称", "区(县)", "县(市)", "区(市、县)", "街镇", "镇街", "县(市、区)", "县(市)区", "县(区)", "县(市、区、开发区)"}

// regionLead reports a header word that names the rows as regions: a word
// of regionWords within a short cell, or a whole cell of regionLeads.
func regionLead(x string) bool {
	return slices.Contains(regionLeads, x) || has(x, regionWords) && utf8.RuneCountInString(x) <= 6
}

// describedCols name a column that describes a region rather than what it
// is to build or reach (面积(平方公里), 人口(万人), 现有…).
var describedCols = []string{"面积", "人口", "现状", "现有", "已建", "已有", "存量", "基数", "基期", "户籍"}

// serialHeader reports a header cell that numbers the rows (序号, 编号).
func serialHeader(x string) bool {
	return x == "序号" || x == "编号" || x == "序" || strings.EqualFold(x, "No.")
}

// colShareWords name a column of shares of another column.
var colShareWords = []string{"比例", "占比", "比重", "完成率", "百分比"}

// yearCountWords name a column of what is to be done in a year.
var yearCountWords = []string{"数量", "任务", "目标", "计划", "新增", "新建", "建设"}

// periodTotalWords name a column of the whole of the period.
var periodTotalWords = []string{"总数", "总量", "合计", "总计", "小计", "规模"}

// reBracketUnit is a header cell's unit in brackets at its end: (座), （万千瓦）.
var reBracketUnit = regexp.MustCompile(`\(([^()0-9]{1,6})\)\s*$`)

// bracketUnit is the unit a normalized header cell gives in brackets.
func bracketUnit(x string) string {
	if m := reBracketUnit.FindStringSubmatch(x); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// regionTargets reads the header of a table of places whose title names
// its targets (2021 年工业技改投资预期目标 over 序号 | 县（市）区 | 总量（亿元）
// | 比增（%）): the rows are regions and every column that gives its unit in
// brackets is a target — an amount of money or a growth as well as a
// count, since the title says they are what each place is to reach. A
// column that describes the place (面积, 人口, 现有) or restates another as a
// share (占比) is none; it needs one target column or more.
func regionTargets(cs []cell, planEnd *int) (*table, bool) {
	off := 0
	if len(cs) > 2 && serialHeader(normalize(cs[0].text)) {
		off = 1
	}
	if len(cs) < off+2 || !regionLead(normalize(cs[off].text)) {
		return nil, false
	}
	t := &table{width: len(cs), name: len(cs) - 1 - off, unit: -1, target: -1, baseline: -1, constr: -1, category: len(cs), regions: true, grid: true}
	if planEnd != nil {
		t.targetYear = *planEnd
	}
	for i, c := range cs[off+1:] {
		x := normalize(pageMarkup(c.text))
		u := bracketUnit(x)
		if u == "" || utf8.RuneCountInString(x) > 20 || has(x, colShareWords) || has(x, describedCols) || headerYear(x) > 0 {
			continue
		}
		if base := strings.TrimLeft(u, "万亿千百"); base != "%" && !slices.Contains(units, base) {
			continue
		}
		t.cols = append(t.cols, tcol{r: len(cs) - 2 - off - i, unit: u, head: colHead(x)})
	}
	if len(t.cols) == 0 {
		return nil, false
	}
	t.target = t.cols[0].r
	return t, true
}

// colHead is what a column of a table of places measures, as its metric
// names it beside the place (科普活动（场次） → 科普活动): the header's words
// without the unit in brackets and without a year.
func colHead(x string) string {
	if loc := reBracketUnit.FindStringIndex(x); loc != nil {
		x = x[:loc[0]] + x[loc[1]:]
	}
	if loc := reHeaderYr.FindStringIndex(x); loc != nil && loc[0] == 0 {
		x = strings.TrimLeft(x[loc[1]:], " 年")
	}
	return strings.TrimSpace(x)
}
