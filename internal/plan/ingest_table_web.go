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
