package plan

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The cells of a flattened indicator table (ingest_flat.go), read line by
// line after its header: each line's words apart by spaces, each word a
// value (220, ≥80, 1.5亿), a dash (no value), a unit of the 单位 column, a
// 属性, a 序号 or words of a row's label — the words of one line that are
// no cell of another kind are one piece of a label, their spaces kept.

// flatKind is what one cell of a flattened table is.
type flatKind int8

const (
	ftText   flatKind = iota // words of a row's label (or a category's)
	ftValue                  // a value
	ftDash                   // a dash where a value would be: a cell without one
	ftUnit                   // the 单位 column's cell
	ftConstr                 // the 属性 column's cell (约束性, 预期性)
	ftSeq                    // the 序号 column's cell
	ftCmp                    // a comparator set apart from its value (≥ 80): joined to it
)

// leadCells are words a cell may set apart before its value by a space
// (达到 3200, 累计完成 3250): joined to it, as a comparator is.
var leadCells = []string{"达到", "累计", "累计完成", "力争"}

// cmpCells are comparators a cell may set apart from its value by a space.
var cmpCells = []string{"≥", "≤", ">", "<", "＞", "＜", ">=", "<=", "≧", "≦", "不低于", "不少于", "不高于", "不超过", "超过", "大于", "小于"}

// flatTok is one cell: its kind, its text as written, its rune offset in
// the document.
type flatTok struct {
	kind   flatKind
	text   string
	at     int
	byteAt int  // the byte offset of text in its line
	words  bool // a value's cell of words (wordsCell): no target of the table's, what a sentence reads in it stays
}

// maxFlatText is how many lines of words in a row, with no value between
// them, end a flattened table: the labels of a few rows whose values came
// before them, each wrapped, are fewer.
const maxFlatText = 12

// flatTokens reads the cells of the lines from i on, up to a line that ends
// the table (flatEnd) or too many lines of words in a row; it returns them
// and the line it stopped at. Page numbers (paged: the text has pages) and
// a category's characters down the page are no cells.
func flatTokens(ls []flatLine, i int, cols flatCols, paged bool) ([]flatTok, int) {
	var toks []flatTok
	words := 0 // lines of words since the last value
	spaced := rowSpaced(ls, i)
	j := i
	for ; j < len(ls); j++ {
		t := ls[j].text
		if t == "" && spaced && emptyCellAt(ls, j, cols) {
			toks = append(toks, flatTok{kind: ftDash, at: ls[j].at}) // (an empty cell)
			continue
		}
		if t == "" || pageNumberAt(ls, j, paged) || downChar(t) && !(cols.unit && unitWord(normalize(t))) {
			continue
		}
		if k := len(toks) - 1; cols.category && cols.seq && k >= 0 && rowNumber(toks[k]) && categoryCell(t) {
			toks = append(toks, flatTok{kind: ftText, text: t, at: ls[j].at}) // (8 | 科创引领指标: the row's category, no header of another table)
			continue
		}
		if k := len(toks) - 1; cols.category && cols.seq && k >= 1 && toks[k].kind == ftText && rowNumber(toks[k-1]) && normalize(t) == "指标" {
			toks[k].text += t // (1 | 主要经济 / 指标: a category's cell wrapped before its word 指标, no header of another table)
			continue
		}
		if flatEnd(t) && !longLabel(ls, j, cols) {
			if flatStop(t) || !cols.seq || !rowAhead(ls, j) {
				break
			}
			toks = append(toks, flatTok{kind: ftDash, text: t, at: ls[j].at}) // (a long cell of words: no target)
			words = 0
			continue
		}
		if len(toks) > 0 && toks[len(toks)-1].kind == ftValue && reYearsNote.MatchString(normalize(t)) {
			continue // ((2021年-2025年) under 36: the years the value above is of, wrapped in its cell; no cell)
		}
		at := ls[j].at
		if j+1 < len(ls) && cols.unit && ls[j+1].text != "" && splitUnitCell(t, ls[j+1].text, cols) {
			t, j = t+ls[j+1].text, j+1 // (万平 / 方米, 人/ / 亿元: a unit cell a page's width broke)
		}
		n := len(toks)
		toks = appendCells(toks, t, at, cols)
		if wrappedUnit(toks, n, cols) {
			toks[n-1].text += toks[n].text // (120.14 / 平方公里: a value's cell wrapped before its unit)
			toks = toks[:n]
			continue
		}
		if slices.ContainsFunc(toks[n:], func(tk flatTok) bool { return tk.kind != ftText }) {
			words = 0
		} else if words++; words > maxFlatText {
			toks = toks[:n]
			break
		}
	}
	toks = slices.DeleteFunc(toks, func(tk flatTok) bool { return tk.kind == ftCmp }) // (a comparator no value followed)
	return markSeq(toks, cols), j
}

// rowNumber reports a row's number cell (1 to 3 digits), before markSeq
// has told it from a value.
func rowNumber(tk flatTok) bool {
	return (tk.kind == ftValue || tk.kind == ftSeq) && isInt(tk.text) && len(tk.text) <= 3
}

// categoryCell reports a category's cell that names its rows as indicators
// (科创引领指标, 民生保障指标): a short word of Chinese ending in 指标.
func categoryCell(t string) bool {
	x := normalize(t)
	n := utf8.RuneCountInString(x)
	return n >= 4 && n <= 8 && strings.HasSuffix(x, "指标") && hanWords(x)
}

// hanWords reports a line of Chinese characters only, no more than eight.
func hanWords(t string) bool {
	n := utf8.RuneCountInString(t)
	return n > 0 && n <= 8 && strings.IndexFunc(t, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) < 0
}

// rowSpaced reports a table whose rows stand apart by blank lines and
// whose cells do not: its first row after the header (line i on) is three
// lines or more without a blank one between them.
func rowSpaced(ls []flatLine, i int) bool {
	for i < len(ls) && ls[i].text == "" {
		i++
	}
	n := 0
	for ; i < len(ls) && ls[i].text != ""; i++ {
		n++
	}
	return n >= 3
}

// emptyCellAt reports blank line j as an empty cell of a table whose rows
// stand apart by blank lines: one blank line inside a row, a value (or a
// dash) after it, not the next row's number and label.
func emptyCellAt(ls []flatLine, j int, cols flatCols) bool {
	if j == 0 || j+1 >= len(ls) || ls[j-1].text == "" || ls[j+1].text == "" {
		return false
	}
	t := ls[j+1].text
	if k := cellKind(t, cols); k != ftValue && k != ftDash || strings.ContainsAny(t, " \t") {
		return false
	}
	return !(isInt(t) && j+2 < len(ls) && ls[j+2].text != "" && cellKind(ls[j+2].text, cols) == ftText)
}

// appendCells adds the cells of line t (its text at rune offset at).
func appendCells(toks []flatTok, t string, at int, cols flatCols) []flatTok {
	line := len(toks) // the line's first cell
	r := 0            // the rune offset in t of byte a
	for a := 0; a < len(t); {
		c, size := utf8.DecodeRuneInString(t[a:])
		if blank(c) {
			a, r = a+size, r+1
			continue
		}
		b, rb := a, r
		for b < len(t) {
			c, size := utf8.DecodeRuneInString(t[b:])
			if blank(c) {
				break
			}
			b, rb = b+size, rb+1
		}
		w := t[a:b]
		tk := flatTok{kind: cellKind(w, cols), text: w, at: at + r}
		if k := len(toks) - 1; tk.kind == ftValue && k >= line && toks[k].kind == ftCmp {
			toks[k].kind, toks[k].text = ftValue, t[toks[k].byteAt:b] // (≥ 80: one value)
		} else if tk.kind == ftText && k >= line && toks[k].kind == ftText {
			toks[k].text = t[toks[k].byteAt:b] // the line's words, their spaces kept
		} else {
			tk.byteAt = a
			toks = append(toks, tk)
		}
		a, r = b, rb
	}
	return toks
}

// cellKind is the kind of one word of a flattened table's line.
func cellKind(w string, cols flatCols) flatKind {
	x := normalize(w)
	switch {
	case slices.Contains(cmpCells, x) || slices.Contains(cmpCells, w) || slices.Contains(leadCells, x):
		return ftCmp
	case strings.Trim(x, "-—–/ ") == "":
		return ftDash
	case constraintWord(x) && utf8.RuneCountInString(x) <= 4:
		return ftConstr
	case wordsValue(x):
		return ftDash // words where a value would be: a cell without a target
	}
	if cv, ok := readCell(w); ok && (cv.unit == "" || unitWord(cv.unit)) {
		return ftValue
	}
	if bracketedValue(x) {
		return ftValue // (（86.4％）: a value of another year, as a note says, in its column; no target)
	}
	if unitWord(x) || x != altMeasure(x) && unitWord(altMeasure(x)) {
		return ftUnit // (a 单位 column's cell, or a label's unit set apart: 智能算力占比 %; 条（段）: 条 or 段)
	}
	return ftText
}

// wordsOpenings open the words a table's value cell may hold instead of a
// number (稳步提升, 保持在合理区间, 完成国家下达任务).
var wordsOpenings = []string{"稳步", "持续", "逐步", "明显", "显著", "基本", "进一步", "保持", "完成", "达到", "不断", "有效", "大幅", "全面", "确保"}

// wordsValue reports a cell of words where a value would be: a few words
// that open as a change or a state does, no number, no brackets.
func wordsValue(x string) bool {
	if slices.Contains(changeCells, x) {
		return true
	}
	if utf8.RuneCountInString(x) > 12 || strings.ContainsAny(x, "0123456789()（）") {
		return false
	}
	return slices.ContainsFunc(wordsOpenings, func(w string) bool { return strings.HasPrefix(x, w) })
}

// unitWord reports a unit as a 单位 cell or a value's gives it: a measure
// word (个, 万千瓦, 亿元), maybe in brackets, a multiplier alone (万), or a
// rate of two (人/亿元).
// rateTimes are the spans of time a rate's unit may be per (吨/日).
var rateTimes = []string{"日", "天", "年", "月", "小时"}

func unitWord(u string) bool {
	u = strings.Trim(u, "()（） ")
	if slices.Contains(units, u) {
		return true // (km/km2: a unit of its own, not a rate of two)
	}
	if a, b, ok := strings.Cut(u, "/"); ok && a != "" && b != "" && !strings.Contains(b, "/") {
		return unitWord(a) && (unitWord(b) || slices.Contains(rateTimes, b)) // a rate: 人/亿元, 吨/日
	}
	for _, m := range multWords {
		if rest, ok := strings.CutPrefix(u, m.w); ok {
			if rest == "" {
				return true
			}
			u = rest
			break
		}
	}
	return u != "" && slices.Contains(units, u)
}

// markSeq marks the cells of the 序号 column: the next row's number where
// words of a label follow it (or the numbers after it, then words: a
// row's number may come before the label of the row before, when that
// wrapped). Only a table whose header has a 序号 column, or whose cells
// start with 1 and a label, numbers its rows.
func markSeq(toks []flatTok, cols flatCols) []flatTok {
	if !cols.seq && !(len(toks) > 1 && toks[0].text == "1" && toks[1].kind == ftText) {
		return toks
	}
	next := 1
	for k := range toks {
		if toks[k].kind != ftValue {
			continue
		}
		from := next
		if toks[k].text == "1" && next > 1 && k > 0 && toks[k-1].kind == ftText && k+1 < len(toks) && toks[k+1].kind == ftText {
			from = 1 // (the numbers start again under a category's row: 人才队伍方面 | 1 | 注册科技志愿者)
		} else if toks[k].text != strconv.Itoa(next) {
			continue
		}
		// the numbers from, from+1, … from k on, then words
		m, n := k, from
		for m < len(toks) && toks[m].kind == ftValue && toks[m].text == strconv.Itoa(n) {
			m, n = m+1, n+1
		}
		if cols.regions && m > k+1 {
			continue // (a place's name never wraps: its number stands right before it, and 3 | 4 | 合计 ends a row's values)
		}
		if m < len(toks) && toks[m].kind == ftText {
			toks[k].kind = ftSeq
			next = from + 1
		}
	}
	return toks
}

// wrappedUnit reports the line's one cell, from toks[n] on, as the unit of
// the value before it whose cell wrapped (120.14 / 平方公里): a unit alone
// on its line right after a value without one, in a table with no 单位
// column (where a unit alone is that column's cell).
func wrappedUnit(toks []flatTok, n int, cols flatCols) bool {
	if cols.unit || n == 0 || len(toks) != n+1 || toks[n].kind != ftUnit || toks[n-1].kind != ftValue {
		return false
	}
	cv, ok := readCell(toks[n-1].text)
	return ok && cv.unit == "" && unicode.Is(unicode.Han, []rune(toks[n].text)[0])
}

// bracketedValue reports a value in round brackets alone in its cell
// ((86.4%)): a figure a note explains (of another year), which keeps its
// column; a number alone in brackets ((1)) is a label's.
func bracketedValue(x string) bool {
	inner, ok := strings.CutPrefix(x, "(")
	if inner, ok = strings.CutSuffix(inner, ")"); !ok || !strings.ContainsAny(inner, ".%") {
		return false
	}
	cv, ok := readCell(inner)
	return ok && (cv.unit == "" || unitWord(cv.unit))
}

// longLabel reports line j, too long for a cell or with a sentence's
// marks, as a row's label in a table with a 单位 column: right after the
// row's number and right before a unit cell (新建建筑的绿色建筑达标率（重点地区
// …，其他建筑…） | %), not the table's end.
func longLabel(ls []flatLine, j int, cols flatCols) bool {
	if !cols.unit || !cols.seq || flatStop(ls[j].text) {
		return false
	}
	p, n := j-1, j+1
	for p >= 0 && ls[p].text == "" {
		p--
	}
	for n < len(ls) && ls[n].text == "" {
		n++
	}
	return p >= 0 && n < len(ls) && isInt(ls[p].text) && len(ls[p].text) <= 3 && cellKind(ls[n].text, cols) == ftUnit
}
