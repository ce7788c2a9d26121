package plan

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A table of tasks by year flattened one cell a line (a web page or a
// PDF's text export without its layout): the header's cells a line each —
// the tasks' column (任务, 重点任务), two or more year columns (2024年工作项目
// | 2025年计划 | 2026年计划), the columns of who leads and helps (牵头部门,
// a word a line where its cell wrapped) — then each row's cells: the cells
// merged down on its left given on its first row only (（一）…, 1、…), its
// numbered task (（1）…), a cell a year, who leads and helps. As in a
// grid (ingest_table_tasks.go) each year's cell is a clause of the plan's
// own, due its year. A row is read only when its cells fit the header: its
// numbered task, then exactly as many cells of content as there are years,
// then only cells of names (no figure, no sentence's punctuation) up to the
// next row. A year's cell left empty, or one given over two lines, makes
// the row not fit, and it is left as the sentence reader read it.

// reCellNumber is the number a row's cell opens with: （1）, (1), 1、, 1.,
// （一）, 一、.
var reCellNumber = regexp.MustCompile(`^(?:[(（](?:\d{1,3}|[一二三四五六七八九十]{1,3})[)）]|\d{1,3}[、.．]|[一二三四五六七八九十]{1,3}、)`)

// taskNoteStems are what the words of the columns after the years hold
// (牵头部门, 配合部门, 实施主体, 完成时限), a word a line where a cell wrapped.
var taskNoteStems = []string{"牵头", "配合", "责任", "实施", "部门", "单位", "主体", "备注", "时限", "时间", "说明", "负责", "参与", "协同"}

// flatTaskTables reads the flattened tables of tasks by year of the
// document: each year's cell of a row that fits, in place of what the
// sentence reader read there (dated by the plan's end, or not read: a cell
// that repeats from year to year reads as a page's furniture).
func (d *docRead) flatTaskTables() {
	if d.spaced {
		return // (the lines are not the text's: spacedCellTables)
	}
	var added []Indicator
	var had *spanIndex
	for i := 0; i < len(d.lines); i++ {
		years, next, before, ok := flatTaskHeader(d.lines, i)
		if !ok {
			continue
		}
		cells, end := flatTaskCells(d.lines, next)
		i = max(i, end-1)
		for _, row := range flatTaskRows(d.lines, cells, len(years), before) {
			for k, li := range row {
				read, ok := d.taskCell(li, years[k])
				if !ok {
					continue
				}
				if had == nil {
					had = newSpanIndex(d.doc.Indicators)
				}
				n := utf8.RuneCountInString(d.lines[li])
				inside := had.within(d.offs[li], d.offs[li]+n)
				if fullness(read) < fullnessAt(d.doc.Indicators, inside) {
					continue // (the sentence reader read more there)
				}
				had.drop(inside)
				added = append(added, read...)
			}
		}
	}
	if had == nil {
		return
	}
	d.doc.Indicators = had.replaced(d.doc.Indicators, added)
}

// taskCell reads line li, a year's cell, as a clause of the plan due year
// (as taskRow reads a grid's); ok is false when its text is not the
// document's rune for rune.
func (d *docRead) taskCell(li, year int) ([]Indicator, bool) {
	nb, ob := []rune(d.lines[li]+"。"), []rune(d.origs[li]+"。")
	if len(nb) != len(ob) {
		return nil, false
	}
	pos := make([]int, len(nb))
	for k := range pos {
		pos[k] = d.offs[li] + k
	}
	c := d.docCtx()
	c.section = sectionAt(d.doc.Sections, d.offs[li])
	c.deadline, c.past, c.goalSection = &year, false, true
	if d.learn != nil {
		c.titles = titlesAt(d.doc.Sections, d.offs[li])
	}
	inds, _ := indicators(&d.sentences, nb, ob, pos, &c)
	return inds, true
}

// titlesAt is the titles of the sections open at the rune offset at,
// outermost first, as the learned model's features give them.
func titlesAt(ss []*Section, at int) string {
	var b []byte
	for len(ss) > 0 {
		k := sort.Search(len(ss), func(i int) bool { return ss[i].Start > at }) - 1
		if k < 0 {
			break
		}
		b = append(append(b, ss[k].Title...), ' ')
		ss = ss[k].Children
	}
	return string(b)
}

// flatTaskHeader reads the header of a flattened table of tasks by year
// whose first year column is line i: two or more years one after another
// (a year a line, blank lines between), a column of tasks among the header
// words above them, and the words of the columns after them. It returns
// the years, the line after the header, and whether the columns of who
// leads stand before the years (序号 | 任务 | 牵头单位 | 2024年 | 2025年).
func flatTaskHeader(lines []string, i int) ([]int, int, bool, bool) {
	if taskYearWord(lines[i]) == 0 || prevText(lines, i) >= 0 && taskYearWord(lines[prevText(lines, i)]) > 0 {
		return nil, 0, false, false
	}
	var years []int
	j := i
	for ; j < len(lines); j++ {
		if lines[j] == "" {
			continue
		}
		y := taskYearWord(lines[j])
		if y == 0 {
			break
		}
		if len(years) > 0 && y <= years[len(years)-1] {
			return nil, 0, false, false
		}
		years = append(years, y)
	}
	if len(years) < 2 || len(years) > 6 {
		return nil, 0, false, false
	}
	named, before := false, false
	for k, seen := prevText(lines, i), 0; k >= 0 && seen < 8; k, seen = prevText(lines, k), seen+1 {
		x := lines[k]
		if !taskHeaderWord(x) {
			break
		}
		before = before || !named && taskNoteWord(x)
		named = named || has(x, taskNameWords) || taskWord(x) || x == "任务"
	}
	if !named {
		return nil, 0, false, false
	}
	for ; j < len(lines) && (lines[j] == "" || taskNoteWord(lines[j])); j++ {
	}
	return years, j, before, true
}

// taskNoteWord reports a header word of the columns of who leads and
// helps (牵头单位, 配合 / 部门).
func taskNoteWord(x string) bool {
	return utf8.RuneCountInString(x) <= 8 && has(x, taskNoteStems) && !strings.ContainsAny(x, "0123456789")
}

// taskYearWord is the year of a header word that heads a year's tasks
// (2024年工作项目, 2025年计划, 2026年, 2027年底), or 0.
func taskYearWord(x string) int {
	if utf8.RuneCountInString(x) > 10 || !(reYearOnly.MatchString(x) || reFlatYear.MatchString(x) || has(x, []string{"目标", "任务", "计划", "工作", "项目"})) {
		return 0
	}
	return headerYear(x)
}

// taskHeaderWord reports a word of a header above the years: short, no
// sentence, no column of indicators (指标, 属性, 单位).
func taskHeaderWord(x string) bool {
	return x != "" && utf8.RuneCountInString(x) <= 16 && !strings.ContainsAny(x, "。，；,;:：") && !has(x, []string{"指标", "属性"}) &&
		!(strings.Contains(x, "单位") && !has(x, taskNoteStems[:3]))
}

// prevText is the last line before i that is not blank, or -1.
func prevText(lines []string, i int) int {
	for k := i - 1; k >= 0; k-- {
		if lines[k] != "" {
			return k
		}
	}
	return -1
}

// flatTaskCells is the lines of a flattened table's cells from line i on
// (blank lines and a page's numbers between dashes are none), up to a top heading, an
// annex or another table's header; it returns them and where it stopped.
func flatTaskCells(lines []string, i int) ([]int, int) {
	var cells []int
	j := i
	for ; j < len(lines); j++ {
		x := lines[j]
		if x == "" || pageMarker(x) && !isInt(x) {
			continue // (a bare number may be a row's 序号: a page's number among the cells makes its row not fit)
		}
		if lv, _, _, ok := heading(x); ok && lv == 1 || reAnnexHead.MatchString(x) || strings.HasPrefix(x, "附件") || taskYearWord(x) > 0 {
			break
		}
		cells = append(cells, j)
	}
	return cells, j
}

// flatTaskRows is the year cells (line indices) of the rows that fit: the
// row's number — its task's own (（1）…) or a 序号 cell of its own before
// the task (1) — then exactly one cell of content a year after the task,
// up to a cell of names or the next row's number (the number after the
// row's, written alike: （2） after （1）). Where the header puts who leads
// before the years (before), the cells of names after the task come first.
func flatTaskRows(lines []string, cells []int, years int, before bool) [][]int {
	var rows [][]int
	for k := 0; k < len(cells); {
		kind, n := cellNumber(lines[cells[k]])
		if kind == "" || kind != "#" && k+1 < len(cells) && numbered(lines[cells[k+1]]) {
			k++ // (no row's number, or a merged cell's over the row's own: 1、… before （1）…)
			continue
		}
		first := k + 1 // the first year's cell
		if kind == "#" {
			first++ // (the row's number, then its task)
		}
		for before && first < len(cells) && !contentCell(lines[cells[first]]) && !numbered(lines[cells[first]]) {
			first++ // (who leads, before the years)
		}
		m := first
		for m < len(cells) && contentCell(lines[cells[m]]) {
			if kd, nm := cellNumber(lines[cells[m]]); kd == kind && nm == n+1 {
				break // the next row's number
			}
			m++
		}
		if m-first == years {
			rows = append(rows, slices.Clone(cells[first:m]))
		}
		k = max(m, k+1)
	}
	return rows
}

// numbered reports a cell that opens with a number in Arabic digits.
func numbered(x string) bool {
	kind, _ := cellNumber(x)
	return kind != ""
}

// cellNumber is how a cell's number is written (its digits taken out:
// （#）, #、; # for a cell that is only its number) and its value; "" when
// the cell opens with no number in Arabic digits.
func cellNumber(x string) (string, int) {
	if n, err := strconv.Atoi(x); err == nil && n > 0 && n < 1000 {
		return "#", n
	}
	m := reCellNumber.FindString(x)
	digits := strings.TrimFunc(m, func(r rune) bool { return r < '0' || r > '9' })
	n, err := strconv.Atoi(digits)
	if m == "" || err != nil {
		return "", 0
	}
	return strings.Replace(m, digits, "#", 1), n
}

// contentCell reports a cell with content, past the number it opens with:
// a figure, a sentence's punctuation or a dash (a cell with nothing to do
// that year); a cell of names (设施养护处, 各行业主管部门、各区) or a
// merged cell's title (提升交通设施环境品质) has none.
func contentCell(x string) bool {
	x = x[len(reCellNumber.FindString(x)):]
	return strings.ContainsAny(x, "0123456789。；，;,") || x != "" && strings.Trim(x, "-—–/ ") == ""
}
