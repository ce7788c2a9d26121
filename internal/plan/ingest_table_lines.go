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
// text without one comes back unchanged. It reads the text once, line by
// line, and gathers runs of cell lines (blank lines between them skipped,
// at most two in a row); only a run is looked at again.
func joinCellLines(text string) string {
	if !strings.Contains(text, "指标") && !has(text, yearsTitles) {
		return text
	}
	var tabs []int // the line breaks that become tabs, in order
	var run []cellLine
	blanks := 0
	endRun := func() {
		if len(run) >= 5 && slices.ContainsFunc(run, mayHead) {
			tabs = joinRun(text, run, tabs)
		}
		run, blanks = run[:0], 0
	}
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		switch t := strings.TrimSpace(text[start:end]); {
		case t == "":
			if blanks++; blanks > 2 {
				endRun()
			}
		case isCellText(t):
			blanks = 0
			run = append(run, cellLine{start: start, end: end, text: t})
		default:
			endRun()
		}
		start = end + 1
	}
	endRun()
	if len(tabs) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for _, at := range tabs {
		b.WriteString(text[prev:at])
		b.WriteByte('\t')
		prev = at + 1
	}
	b.WriteString(text[prev:])
	return b.String()
}

// namesIndicators reports a cell that names the indicators' column (指标).
func namesIndicators(c cellLine) bool { return strings.Contains(c.text, "指标") }

// mayHead reports a cell that may make a run of cells a table: one that
// names 指标, or titles year columns as tasks (分年度任务).
func mayHead(c cellLine) bool {
	return namesIndicators(c) || titlesYears(c.text)
}

// joinRun finds the tables in a run of cell lines and adds to tabs the
// line breaks inside each of their rows.
func joinRun(text string, run []cellLine, tabs []int) []int {
	for i := range run {
		run[i].num, run[i].head = numericCell(run[i].text), normalizedHeading(run[i].text)
	}
	join := func(row []cellLine) {
		// every line break from the row's first line to its last, blank
		// lines between its cells included, becomes a tab
		for b := row[0].end; b < row[len(row)-1].start; b++ {
			if text[b] == '\n' {
				tabs = append(tabs, b)
			}
		}
	}
	// a header names its indicators' column (指标) in one of its first
	// three cells, or titles year columns as tasks (分年度任务) among its
	// first ten; only there is a table tried
	for s := 0; s+5 <= len(run); s++ {
		if !slices.ContainsFunc(run[s:min(s+3, len(run))], namesIndicators) &&
			!slices.ContainsFunc(run[s+1:min(s+10, len(run))], func(c cellLine) bool { return titlesYears(c.text) }) {
			continue
		}
		header, rows := cellTable(run[s:])
		if header == 0 {
			continue
		}
		join(run[s : s+header])
		s += header - 1
		for _, r := range rows {
			join(r)
			s += len(r)
		}
	}
	return tabs
}

// cellTable finds an indicator table's header at the start of a run of
// cell lines and the rows after it. It returns the header's cell count (0
// when the run does not start with one) and the rows, each its cells. The
// longest header that is followed by two rows or more wins.
func cellTable(run []cellLine) (int, [][]cellLine) {
	for k := min(len(run)-2, 10); k >= 3; k-- {
		cs := make([]cell, k)
		for i, c := range run[:k] {
			cs[i] = cell{text: c.text}
		}
		t, ok := tableHeader(cs, nil)
		if !ok || len(t.years) > 0 && !t.tasks || t.name < 1 || run[0].head {
			continue
		}
		if rows := cellRows(run[k:], t.name); len(rows) >= 2 {
			return k, rows
		}
	}
	return 0, nil
}

// normalizedHeading reports whether a line reads as a heading of the plan.
func normalizedHeading(s string) bool {
	_, _, _, ok := heading(normalize(s))
	return ok
}

// cellRows groups the cells after a header into rows: each is up to two
// cells spanning rows (a 领域 given once), the indicator's name, and the v
// cells right of the name. Of the ways to group the next cells the one
// with the most values wins, and the cell after it must start a row (not
// be a value). A row with no value at all is kept only before a row with
// one; the table ends where no grouping fits.
func cellRows(cs []cellLine, v int) [][]cellLine {
	var rows [][]cellLine
	pending := 0 // rows without a value at the end of rows
	for p := 0; p < len(cs); {
		best, bestN := -1, -1
		for g := 0; g <= 2; g++ {
			end := p + g + 1 + v
			if end > len(cs) {
				break
			}
			if slices.ContainsFunc(cs[p:p+g+1], func(c cellLine) bool { return c.num || c.head }) {
				continue
			}
			if end < len(cs) && cs[end].num {
				continue
			}
			n := 0
			for _, c := range cs[p+g+1 : end] {
				if c.num {
					n++
				} else if c.head || utf8.RuneCountInString(c.text) > 8 {
					n = -1
					break
				}
			}
			if n > bestN {
				best, bestN = g, n
			}
		}
		if best < 0 {
			break
		}
		end := p + best + 1 + v
		rows = append(rows, cs[p:end])
		if bestN == 0 {
			pending++
		} else {
			pending = 0
		}
		p = end
	}
	return rows[:len(rows)-pending]
}
