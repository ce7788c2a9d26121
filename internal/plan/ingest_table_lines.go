package plan

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A table copied from a web page or a word processor into plain text often
// arrives one cell a line: the header's cells (领域, 主要指标, 2020年,
// 2025年) each on a line, then every row's cells the same way, a cell that
// spans rows (领域) given once, on the first of them. joinCellLines finds
// such a table and puts each of its rows back on one line, its cells apart
// by tabs, so that the indicator-table reader (ingest_table.go) reads it as
// it reads a .docx's rows. It changes only the line breaks inside a row,
// one rune for one, so every offset into the text stays the document's.

// maxCellRunes is the longest line taken for a cell of such a table: an
// indicator's name with its unit in brackets, not a sentence.
const maxCellRunes = 24

// cellLine is one line that may be a cell: where it starts and ends (the
// byte offsets of its first byte and of its line break) and its trimmed text.
type cellLine struct {
	start, end int
	rune       int // the rune offset in the text of the trimmed line's start
	text       string
	num, head  bool // a value (numericCell); a heading of the plan
}

// isCellText reports whether a trimmed line may be one cell of a table.
func isCellText(s string) bool {
	if s == "" || len(s) > 4*maxCellRunes || utf8.RuneCountInString(s) > maxCellRunes ||
		strings.ContainsAny(s, "\t。；;") || strings.Contains(s, "  ") {
		return false
	}
	return true
}

// numericCell reports whether a cell holds a value (77.3, ＞80, 50%以上).
func numericCell(s string) bool {
	_, ok := readCell(s)
	return ok || reCellValue.MatchString(normalize(s))
}

// joinCellLines rewrites every table laid out one cell a line (see above);
// text without one comes back unchanged.
func joinCellLines(text string) string {
	out, _ := joinCellTables(text)
	return out
}

// joinCellTables is joinCellLines, and the cells of each row it joined as
// the table's columns have them, by the rune offset of the row's line:
// a header of two rows as its columns, a row's cells each in its column,
// an empty cell for a column it gives none (a cell merged down, a blank
// left out). It reads the text once, line by line, and gathers runs of
// cell lines (blank lines between them kept as blank cells, at most two
// in a row); only a run is looked at again.
func joinCellTables(text string) (string, map[int][]cell) {
	if !strings.Contains(text, "指标") && !has(text, yearsTitles) {
		return text, nil
	}
	j := cellJoin{text: text}
	var run []cellLine
	blanks := 0
	endRun := func() {
		for len(run) > 0 && run[len(run)-1].text == "" {
			run = run[:len(run)-1]
		}
		// a paste that puts a blank line after most cells (double-spaced)
		// has blank lines for separators, not for blank cells
		blanks := 0
		for _, c := range run {
			if c.text == "" {
				blanks++
			}
		}
		if cells := len(run) - blanks; 2*blanks > cells-1 {
			kept := run[:0]
			for _, c := range run {
				if c.text != "" {
					kept = append(kept, c)
				}
			}
			run = kept
		}
		if len(run) >= 5 && slices.ContainsFunc(run, mayHead) {
			j.run(run)
		}
		run, blanks = run[:0], 0
	}
	runes := 0 // the rune offset of the line's start
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		switch t := strings.TrimSpace(line); {
		case t == "":
			if blanks++; blanks > 2 {
				endRun()
			} else if len(run) > 0 {
				run = append(run, cellLine{start: start, end: end, rune: runes})
			}
		case isCellText(t):
			blanks = 0
			lead := utf8.RuneCountInString(line) - utf8.RuneCountInString(strings.TrimLeftFunc(line, blank))
			run = append(run, cellLine{start: start, end: end, rune: runes + lead, text: t})
		default:
			endRun()
		}
		runes += utf8.RuneCountInString(line) + 1
		start = end + 1
	}
	endRun()
	if len(j.tabs) == 0 {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for _, at := range j.tabs {
		b.WriteString(text[prev:at])
		b.WriteByte('\t')
		prev = at + 1
	}
	b.WriteString(text[prev:])
	return b.String(), j.rows
}

// namesIndicators reports a cell that names the indicators' column (指标).
func namesIndicators(c cellLine) bool { return strings.Contains(c.text, "指标") }

// mayHead reports a cell that may make a run of cells a table: one that
// names 指标, or titles year columns as tasks (分年度任务).
func mayHead(c cellLine) bool {
	return namesIndicators(c) || titlesYears(c.text)
}

// cellJoin gathers what joining a text's cell tables changes: the line
// breaks that become tabs, in order, and the rows' cells by their line.
type cellJoin struct {
	text string
	tabs []int
	rows map[int][]cell
}

// join makes one line of a row's cell lines: every line break from its
// first line to its last, blank lines between its cells included, becomes
// a tab. cols, if not nil, are the columns of the cells (-1: none) in a
// table of width columns.
func (j *cellJoin) join(row []cellLine, cols []int, width int, flat []cell) {
	for b := row[0].end; b < row[len(row)-1].start; b++ {
		if j.text[b] == '\n' {
			j.tabs = append(j.tabs, b)
		}
	}
	if cols == nil && flat == nil {
		return
	}
	if j.rows == nil {
		j.rows = map[int][]cell{}
	}
	at := row[0].rune
	if flat != nil {
		out := make([]cell, len(flat))
		for k, c := range flat {
			out[k] = cell{c.text, c.at - at}
		}
		j.rows[at] = out
		return
	}
	out := make([]cell, width)
	for k, c := range row {
		if cols[k] >= 0 && c.text != "" {
			out[cols[k]] = cell{c.text, c.rune - at}
		}
	}
	for k := range out {
		if out[k].text == "" && k > 0 {
			out[k].at = out[k-1].at
		}
	}
	j.rows[at] = out
}

// run finds the tables in a run of cell lines and joins each of their rows.
func (j *cellJoin) run(run []cellLine) {
	for i := range run {
		run[i].num, run[i].head = numericCell(run[i].text), normalizedHeading(run[i].text)
	}
	// a header names its indicators' column (指标) in one of its first
	// three cells, or titles year columns as tasks (分年度任务) among its
	// first ten; only there is a table tried
	for s := 0; s+5 <= len(run); s++ {
		if run[s].text == "" || !slices.ContainsFunc(run[s:min(s+3, len(run))], namesIndicators) &&
			!slices.ContainsFunc(run[s+1:min(s+10, len(run))], func(c cellLine) bool { return titlesYears(c.text) }) {
			continue
		}
		header, flat, rows, tasks := cellTable(run[s:])
		if header == 0 {
			continue
		}
		width := 0
		if !tasks {
			width = len(flat)
			j.join(run[s:s+header], nil, 0, flat)
		} else {
			j.join(run[s:s+header], nil, 0, nil)
		}
		s += header - 1
		for _, r := range rows {
			if tasks {
				j.join(r.cells, nil, 0, nil)
			} else {
				j.join(r.cells, r.cols, width, nil)
			}
			s += len(r.cells)
		}
	}
}

// cellTable finds an indicator table's header at the start of a run of
// cell lines and the rows after it. It returns the header's cell lines
// count (0 when the run does not start with one), its columns, the rows,
// and whether it is a table of tasks by year. Of the headers followed by
// two rows or more, the one whose rows fit it best wins (the longer of
// two that fit as well).
func cellTable(run []cellLine) (int, []cell, []placedRow, bool) {
	bestK, bestScore := 0, 0.0
	var bestFlat []cell
	var bestRows []placedRow
	bestTasks := false
	for k := min(len(run)-2, 12); k >= 3; k-- {
		names := 0
		if slices.ContainsFunc(run[:k], func(c cellLine) bool {
			if headerKind(c.text) == "name" {
				names++
			}
			return c.text == "" || !headerWord(c.text)
		}) || run[0].head || names > 1 {
			continue // a header's cells are a few words each, one of them names the indicators
		}
		// the cells as one row of columns, and as two rows if they may be
		plain := make([]cell, k)
		for i, c := range run[:k] {
			plain[i] = cell{text: c.text, at: c.rune}
		}
		for _, flat := range [][]cell{plain, flatHeader(run[:k])} {
			if flat == nil {
				continue
			}
			t, ok := tableHeader(flat, nil)
			if !ok || len(t.years) > 0 && !t.tasks || t.name < 1 {
				continue
			}
			cols := flat
			if t.tasks {
				cols, _ = withoutYearsTitle(flat)
			}
			kinds := make([]string, len(cols))
			for i, c := range cols {
				kinds[i] = headerKind(c.text)
			}
			name := len(cols) - 1 - t.name
			kinds[name] = "name"
			if rows, score := placeRows(run[k:], kinds, name); len(rows) >= 2 && (bestK == 0 || score > bestScore) {
				bestK, bestScore, bestFlat, bestRows, bestTasks = k, score, flat, rows, t.tasks
			}
		}
	}
	return bestK, bestFlat, bestRows, bestTasks
}

// normalizedHeading reports whether a line reads as a heading of the plan.
func normalizedHeading(s string) bool {
	_, _, _, ok := heading(normalize(s))
	return ok
}
