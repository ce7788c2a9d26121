package plan

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tables as web pages give them once saved as Markdown: a header whose
// years stand on a row of their own under the one cell that spans them
// (目标 over 2026年 | 2027年 | 2028年), rows of one cell that title the
// rows below (电力方面, （一）实施设备更新行动), and cells with the page's
// markup left in (**序号**, 站<br>（累计）).

// yearsUnderTarget puts a header's second row of years only under the one
// cell of the first row that names the targets (目标 spanning the years,
// the cells beside it spanning both rows): the years take its place, each
// named by it. ok is false for another second row, or a first row with
// years, a baseline, empty cells (spans the grid marks, underColumns
// places them) or more than one target cell.
func yearsUnderTarget(row, sub []cell) ([]cell, bool) {
	for _, c := range row {
		if k := headerKind(c.text); k == "year" || k == "base" {
			return nil, false
		}
	}
	return yearsUnderCell(row, sub, "target")
}

// yearsUnderBase puts a header's second row of years under the one cell
// of the first that names the baseline (现状值 over 2021年 | 2022年 |
// 2023年, beside 2027年 | 2035年 of the targets): a Markdown export keeps
// no empty cells for the span, so the years replace that cell, each named
// by both (现状值2021年: a baseline, not a target year).
func yearsUnderBase(row, sub []cell) ([]cell, bool) {
	return yearsUnderCell(row, sub, "base")
}

// yearsUnderCell puts sub, a second header row of two or more years, in
// place of the one cell of row whose header is of kind, each year named by
// that cell; ok is false for any other second row, an empty cell in row
// (a span the grid marks: the columns say where the years go) or no or
// more than one cell of the kind.
func yearsUnderCell(row, sub []cell, kind string) ([]cell, bool) {
	if len(sub) < 2 {
		return nil, false
	}
	for _, c := range sub {
		if headerKind(c.text) != "year" {
			return nil, false
		}
	}
	k := -1
	for j, c := range row {
		if c.text == "" {
			return nil, false
		}
		if headerKind(c.text) == kind {
			if k >= 0 {
				return nil, false
			}
			k = j
		}
	}
	if k < 0 {
		return nil, false
	}
	out := make([]cell, 0, len(row)+len(sub)-1)
	out = append(out, row[:k]...)
	for _, c := range sub {
		out = append(out, cell{row[k].text + c.text, c.at})
	}
	return append(out, row[k+1:]...), true
}

// sectionRow reports a row of a grid table that holds one cell of words
// in its first column, the others empty, or a scrap without words (| 电力方面 |, a web page's cell
// spanning the row): it titles the rows below, which take it as their
// category until the next. raw is the row's grid cells (nil for a line
// that is no grid row).
func (t *table) sectionRow(raw []cell) bool {
	one := nonEmpty(raw)
	if t.lay != nil || len(t.years) > 0 || len(one) != 1 {
		return false
	}
	x := strings.TrimSpace(strings.ReplaceAll(one[0].text, "*", ""))
	if x == "" || utf8.RuneCountInString(x) > 24 || strings.ContainsAny(x, "。；;：:") {
		return false
	}
	if _, ok := readCell(x); ok {
		return false
	}
	if strings.IndexFunc(x, func(r rune) bool { return unicode.Is(unicode.Han, r) }) < 0 {
		return true // a scrap of a cell a page split off (%): the table goes on
	}
	if raw[0].text == "" {
		return false
	}
	t.lastCat = x
	return true
}

// titleRow reports a row of a grid header's next line that is one cell in
// the first column (a title of the rows below, 电力方面), not a second row
// of the header: a header's first column spans both its rows.
func titleRow(raw []cell) bool {
	return len(raw) > 0 && raw[0].text != "" && len(nonEmpty(raw)) == 1
}

// pageMarkup is a cell's words without the markup a web page saved as
// Markdown leaves in them: bold (**), line breaks (<br>).
func pageMarkup(s string) string {
	if !strings.ContainsAny(s, "*<") {
		return s
	}
	s = strings.ReplaceAll(s, "**", "")
	for _, br := range []string{"<br>", "<br/>", "<br />", "<BR>"} {
		s = strings.ReplaceAll(s, br, "")
	}
	return strings.TrimSpace(s)
}

// noUnit reports a unit cell that says the indicator has none: a dash
// (——, —, -, /).
func noUnit(s string) bool {
	return strings.Trim(strings.TrimSpace(s), "—–-－/／") == ""
}

// reUnitCaption is a table's caption that gives its unit in brackets at
// its end (2026—2027年各片区建设情况表（单位：个）).
var reUnitCaption = regexp.MustCompile(`[(（]\s*(?:计量)?单位\s*[:：]\s*([^()（）\s]{1,6})\s*[)）]\s*$`)

// unitAbove is the unit the nearest line above a table's header gives
// (单位：万千瓦, or a caption ending （单位：万千瓦）), blank lines apart;
// "" if none.
func (d *docRead) unitAbove(i int) string {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		l := strings.TrimSpace(d.lines[j])
		if l == "" {
			continue
		}
		if m := reUnitLine.FindStringSubmatch(l); m != nil {
			return m[1]
		}
		if m := reUnitCaption.FindStringSubmatch(l); m != nil {
			return m[1]
		}
		return ""
	}
	return ""
}

// regionHeader reads a header with no indicator column whose first cell
// names the rows (区域, 地区) and whose other cells say what their column
// counts: a year and a quantity, its unit in brackets (2024年建站数量(座)) —
// a target due that year — or a total in a unit (建设总数(座)) — a target
// due the plan's end. A column of shares (2024年完成比例, 占比) restates
// another column and is no target. It needs two year columns.
func regionHeader(cs []cell, planEnd *int) (*table, bool) {
	lead := normalize(cs[0].text)
	if utf8.RuneCountInString(lead) > 6 || strings.ContainsAny(lead, "0123456789") || headerKind(lead) != "" {
		return nil, false
	}
	t := &table{width: len(cs), name: len(cs) - 1, unit: -1, target: -1, baseline: -1, constr: -1, category: len(cs), regions: true}
	if planEnd != nil {
		t.targetYear = *planEnd
	}
	years := 0
	for i, c := range cs[1:] {
		r := len(cs) - 2 - i
		x := normalize(pageMarkup(c.text))
		if utf8.RuneCountInString(x) > 20 || has(x, colShareWords) {
			continue
		}
		unit := bracketUnit(x)
		switch y := headerYear(x); {
		case y > 0 && (unit != "" || has(x, yearCountWords)):
			t.cols = append(t.cols, tcol{r: r, year: y, unit: unit})
			years++
		case y == 0 && unit != "" && has(x, periodTotalWords):
			t.cols = append(t.cols, tcol{r: r, unit: unit})
		}
	}
	if years < 2 && !regionCounts(lead, cs[1:], t) {
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
	if !has(lead, regionWords) {
		return false
	}
	var cols, other []tcol
	for i, c := range cells {
		x := normalize(pageMarkup(c.text))
		if utf8.RuneCountInString(x) > 20 || has(x, colShareWords) || headerYear(x) > 0 {
			continue
		}
		if u := strings.TrimPrefix(bracketUnit(x), "万"); countWords[u] || arabicOnly[u] || u == "辆" || u == "艘" {
			cols = append(cols, tcol{r: len(cells) - 1 - i, unit: bracketUnit(x)})
		} else if x != "" && bracketUnit(x) == "" && !has(x, notValueCols) {
			other = append(other, tcol{r: len(cells) - 1 - i})
		}
	}
	if len(cols) < 2 {
		return false
	}
	t.cols = append(cols, other...)
	t.grid = true // (a row's cells stay in their columns: 总计 | 70 | 120 | 7000 | <empty>)
	return true
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

// pairCell reads the targets of one target column of a row: the cell's
// one target, or the two a cell gives apart by a slash, each with its unit
// (>40万千瓦/80万千瓦时: a power and an energy), the second taking the
// first's comparator when it writes none.
func (t *table) pairCell(cs []cell, c tcol, line string, base int, section []string, name string) []Indicator {
	if ind, ok := t.cell(cs, c, line, base, section, name); ok {
		return []Indicator{ind}
	}
	tc, ok := cellAt(cs, c.r)
	if !ok {
		return nil
	}
	if inds := t.namedParts(cs, c, tc, line, base, section); inds != nil {
		return inds
	}
	a, b, ok := strings.Cut(tc.text, "/")
	if !ok {
		a, b, ok = strings.Cut(tc.text, "／")
	}
	if !ok || strings.ContainsAny(b, "/／") {
		return nil
	}
	ca, oka := readCell(a)
	cb, okb := readCell(b)
	if !oka || !okb || ca.unit == "" || cb.unit == "" || ca.isRange || cb.isRange {
		return nil
	}
	k := len(cs) - 1 - c.r
	read := func(text string, at int) (Indicator, bool) {
		part := append([]cell(nil), cs...)
		part[k] = cell{strings.TrimSpace(text), at + utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeft(text, " "))}
		return t.cell(part, c, line, base, section, name)
	}
	first, ok1 := read(a, tc.at)
	second, ok2 := read(b, tc.at+utf8.RuneCountInString(a)+1)
	if !ok1 || !ok2 {
		return nil
	}
	if cb.comparator == "=" {
		second.Comparator = first.Comparator
	}
	return []Indicator{first, second}
}

// reNamedPart is one clause of a cell that names what each of its numbers
// measures (案件线索启动率100%，且案件结案率≥80%): the words, then the value
// a cell would hold.
var reNamedPart = regexp.MustCompile(`^(?:且|并且|并|同时)?\s*(\p{Han}[^\d≥≤<>＞＜]{1,15}?)(?:为|达到|达|不低于|不少于)?\s*((?:≥|≤|>|<|＞|＜)?\s*\d[^，,；;]*)$`)

// namedParts reads a target cell of two or three clauses, each naming what
// its number measures (启动率100%，且结案率≥80%): a target for each, named by
// its clause's words. nil unless every clause reads so.
func (t *table) namedParts(cs []cell, c tcol, tc cell, line string, base int, section []string) []Indicator {
	if !strings.ContainsAny(tc.text, "，,；;") {
		return nil
	}
	rs := []rune(tc.text)
	k := len(cs) - 1 - c.r
	var out []Indicator
	from := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !strings.ContainsRune("，,；;", rs[i]) {
			continue
		}
		part := string(rs[from:i])
		m := reNamedPart.FindStringSubmatchIndex(part)
		if m == nil {
			return nil
		}
		value := part[m[4]:m[5]]
		if cv, ok := readCell(value); !ok || cv.isRange {
			return nil
		}
		if len(out) == 3 {
			return nil
		}
		row := append([]cell(nil), cs...)
		row[k] = cell{value, tc.at + from + utf8.RuneCountInString(part[:m[4]])}
		ind, ok := t.cell(row, c, line, base, section, part[m[2]:m[3]])
		if !ok {
			return nil
		}
		out = append(out, ind)
		from = i + 1
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
