package plan

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What one cell of an indicator table's target column says: a number with
// what a plan's table puts around it. Cells of words (保持在合理区间,
// 完成国家下达任务, 与经济增长基本同步) and dashes (—, -) hold no target.

// reCellTarget reads a normalized cell: what the plan strives for or sums
// (力争5以上, 累计2000, 累计完成 3250), a change (提高, 下降), a comparator
// before the number (≥, ＞, 不低于), the number or a range (6-6.5, 1.5~2,
// 3至5), a unit (%, 个百分点, 万人, maybe ending in a metre's square or
// cube: 万m2, km/km2) and a word after (以上, 左右).
var reCellTarget = regexp.MustCompile(`^(?:力争|累计完成|累计)?\s*(提高|增加|增长|提升|下降|降低|减少|缩小)?\s*(≥|≤|>=|<=|>|<|＞|＜|≧|≦|不低于|不少于|不高于|不超过|超过|高于|低于|大于|小于|达到)?\s*(\d+(?:\.\d+)?)(?:\s*(?:-|~|至|到)\s*(\d+(?:\.\d+)?))?\s*([^\s\d]{0,6}?(?:(?:m|km)[23])?)\s*(以上|以下|以内|左右)?$`)

// reCellRatio reads a cell that is a ratio to one (2.1∶1, 3:1左右).
var reCellRatio = regexp.MustCompile(`^(\d+(?:\.\d+)?)[∶:：]1(以上|以下|以内|左右)?$`)

// cellMarks are what may close a value as a footnote's mark (2.5¹, 2.5*).
// (a Markdown page escapes the star: 5—5.5\*)
const cellMarks = "¹²³⁴⁵⁶⁷⁸⁹⁰*＊※△▲#＃\\"

// cumulativeBrackets open and close a value summed over the plan's years
// (〔13.5〕, [4.3]): a table's note says so (注：〔 〕内为五年累计数).
var cumulativeBrackets = [][2]string{{"〔", "〕"}, {"[", "]"}, {"【", "】"}, {"［", "］"}}

// cellValue is the target a cell holds.
type cellValue struct {
	value, low, high float64
	isRange          bool
	comparator       string
	unit             string
	cumulative       bool
	yearly           bool   // a value a year (每年6900)
	num              string // the number (or range) as it is in the normalized cell
	numAt            int    // its rune offset in the normalized cell
}

// readCell reads a table cell's target; ok is false for a cell that holds
// none (words, a dash, a blank).
func readCell(text string) (cellValue, bool) {
	x := strings.TrimSpace(normalize(text))
	lead := 0 // runes cut from the cell's start
	var cv cellValue
	for _, b := range cumulativeBrackets {
		if inner, ok := strings.CutPrefix(x, b[0]); ok {
			if inner, ok = strings.CutSuffix(strings.TrimRight(inner, cellMarks), b[1]); ok {
				lead = utf8.RuneCountInString(b[0])
				x, cv.cumulative = inner, true
			}
			break
		}
	}
	sq := "" // (4.65km/km², 3万m²: a metre's square or cube, no note's mark)
	if strings.HasSuffix(x, "m²") || strings.HasSuffix(x, "m³") {
		x, sq = x[:len(x)-len("²")], x[len(x)-len("²"):]
	}
	x = strings.TrimRight(x, cellMarks+" ") + sq
	x = withoutCellNote(x)
	if rest, ok := strings.CutPrefix(x, "每年"); ok && rest != "" && isDigit([]rune(rest)[0]) {
		x, cv.yearly = rest, true // (每年6900: a value a year)
		lead += utf8.RuneCountInString("每年")
	}
	if x == "" || !strings.ContainsAny(x, "0123456789") || utf8.RuneCountInString(x) > 24 {
		return cellValue{}, false
	}
	if r := reCellRatio.FindStringSubmatchIndex(x); r != nil {
		// a ratio to one (2.1∶1左右): its first term, no unit
		v, err := strconv.ParseFloat(x[r[2]:r[3]], 64)
		if err != nil {
			return cellValue{}, false
		}
		after := ""
		if r[4] >= 0 {
			after = x[r[4]:r[5]]
		}
		cv.value, cv.comparator, cv.num = v, cellComparator("", after), x[r[2]:r[1]-len(after)]
		cv.numAt = lead
		return cv, true
	}
	m := reCellTarget.FindStringSubmatchIndex(x)
	if m == nil {
		return cellValue{}, false
	}
	part := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return x[m[2*k]:m[2*k+1]]
	}
	v, err := strconv.ParseFloat(part(3), 64)
	if err != nil {
		return cellValue{}, false
	}
	cv.value, cv.unit = v, altMeasure(part(5))
	if strings.HasPrefix(cv.unit, "或") {
		cv.unit = "" // (≥90或持续提高: the other way to meet it, no unit)
	}
	cv.comparator = cellComparator(part(2), part(6))
	end := m[7]
	if hi := part(4); hi != "" {
		h, err := strconv.ParseFloat(hi, 64)
		if err != nil || h <= v {
			return cellValue{}, false
		}
		cv.low, cv.high, cv.isRange, cv.comparator = v, h, true, "range"
		end = m[9]
	}
	cv.num = x[m[6]:end]
	// the cell's text is trimmed, and normalize maps rune for rune
	cv.numAt = lead + utf8.RuneCountInString(x[:m[6]])
	return cv, true
}

// cellComparator is a target cell's comparator from the words before its
// number (≥, ＞, 不低于) or after it (以上, 左右).
func cellComparator(before, after string) string {
	switch {
	case strings.ContainsAny(before, "≥>＞≧") || has(before, []string{"不低于", "不少于", "超过", "高于", "大于"}) || after == "以上":
		return ">="
	case strings.ContainsAny(before, "≤<＜≦") || has(before, []string{"不高于", "不超过", "低于", "小于"}) || after == "以下" || after == "以内":
		return "<="
	case after == "左右":
		return "approx"
	}
	return "="
}

// altMeasure is a cell's unit without another measure word it gives in
// brackets after it (7万套(间): flats or rooms; the first is the unit, as
// a sentence's 7万套（间） reads).
func altMeasure(u string) string {
	i := strings.LastIndex(u, "(")
	if i <= 0 || !strings.HasSuffix(u, ")") {
		return u
	}
	alt := []rune(u[i+1 : len(u)-1])
	if len(alt) < 1 || len(alt) > 2 {
		return u
	}
	for _, r := range alt {
		if !unicode.Is(unicode.Han, r) {
			return u
		}
	}
	return u[:i]
}

// reYearsNote is a note in brackets of the years a value is counted over
// or compared across ((2021年-2025年), (2025年较2020年下降)); reYearsNoteEnd
// the same closing a cell.
var (
	reYearsNote    = regexp.MustCompile(`^` + yearsNote + `$`)
	reYearsNoteEnd = regexp.MustCompile(yearsNote + `$`)
)

const yearsNote = `\((?:19|20)\d\d年?(?:\s*[-—–~至到]\s*(?:19|20)\d\d年?|较(?:19|20)\d\d年?(?:下降|降低|减少|提高|提升|增长|增加)?)\)`

// withoutCellNote is a cell's value without the note in brackets after it
// (≥98%(除危废外): what the value leaves out, three to ten characters of
// words, no figure); a measure word's alternative (7万套(间)) is no note.
func withoutCellNote(x string) string {
	if m := reYearsNoteEnd.FindStringIndex(x); m != nil && m[0] > 0 && strings.ContainsAny(x[:m[0]], "0123456789") {
		return strings.TrimSpace(x[:m[0]]) // (力争达到20左右(2030年较2025年下降): the years it is counted over)
	}
	i := strings.LastIndex(x, "(")
	if i <= 0 || !strings.HasSuffix(x, ")") || !strings.ContainsAny(x[:i], "0123456789") {
		return x
	}
	note := []rune(x[i+1 : len(x)-1])
	if len(note) < 3 || len(note) > 10 || slices.ContainsFunc(note, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
		return x
	}
	return strings.TrimSpace(x[:i])
}
