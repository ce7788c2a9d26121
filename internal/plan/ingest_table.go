package plan

import (
	"regexp"
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
	byYear  *yearRows  // a table of goals by year in its rows (ingest_table_yearrows.go)
	lay     *layout    // a table laid out in columns by pdftotext -layout
	grid    bool       // rows whose cells are apart by tabs or |, empty cells kept
	// its column says what the plan adds or sets (“十四五”新增): in a part
	// that forecasts, the plan's own build-out, not a forecast
	plansAdd bool
	// a table of what the plan adds in each place (ingest_table_places.go):
	// a zero cell adds nothing
	noZeros bool
	skip    int // the last line of a header of several lines
}

// tcol is a target column: its right-index, the year it is due (0: the
// table's), yearly for a column of average growth, the unit its header
// gives in brackets (年均增长（%）).
type tcol struct {
	r, year int
	yearly  bool
	unit    string
	head    string // what a table of places' column measures (科普活动), beside the place in a metric
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
	if markdownRow(line) {
		sep = reMarkdownCell // a Markdown table: | 指标 | 单位 | 目标值 |
	}
	for _, loc := range sep.FindAllStringIndex(line, -1) {
		add(prev, loc[0])
		prev = loc[1]
	}
	add(prev, len(line))
	return out
}

// tabBreaks marks, in a row's normalized text nb, the tabs of its words
// as written (ob, rune for rune the same length) as clause breaks: a .docx's
// or a web page's cells (1	建设概念验证中心	建成概念验证中心5个	市科技局), so
// that a cell's words govern only its own numbers, as cellBreaks does for
// the bars of Markdown and the gaps of a PDF's layout.
func tabBreaks(nb, ob string) string {
	if !strings.Contains(ob, "\t") {
		return nb
	}
	n, o := []rune(nb), []rune(ob)
	if len(n) != len(o) {
		return nb
	}
	for i, r := range o {
		if r == '\t' {
			n[i] = ';'
		}
	}
	return string(n)
}

// markdownRow reports a row of a Markdown table: between |s (| 指标 | 单位 |),
// or without the outer ones, as GitHub's tables allow and html2text writes
// them (指标 | 单位 | 目标值): two |s or more.
func markdownRow(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1 || strings.Count(t, "|") >= 2
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
