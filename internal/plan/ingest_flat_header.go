package plan

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The header of a flattened indicator table (ingest_flat.go): its words on
// one line apart by single spaces (2023 年 2024 年 2025 年), or a word a
// line (序号 / 指标 / 单位 / 2025年 / 属性), or both, in any order — a
// PDF's text export writes the cells of a header of two heights as it
// meets them. What counts is which columns there are, not their order:
// a row gives its cells as seq, category, name, unit, the values left to
// right, 属性.

// flatCols is what a flattened table's header says its rows hold.
type flatCols struct {
	seq, category, unit, constr bool
	note                        bool      // a column of words after the values (责任单位, 备注)
	past                        bool      // a column of what was done (完成情况): the table reviews a plan before
	regions                     bool      // the rows are regions (区, 街镇: D136), whose names never wrap
	unitAll                     string    // the unit of every row, given above the table (单位：个)
	vals                        []flatCol // the value columns, left to right
}

// flatCol is one value column: the year it is due or stands for (0: the
// plan's end), a baseline (基期值, or a year before the plan), a rate a
// year (年均增长).
type flatCol struct {
	year     int
	baseline bool
	yearly   bool
	done     bool   // what was done (完成情况): a value, neither a target nor a baseline
	unit     string // the column's own unit, in brackets after what it counts (光伏装机容量（兆瓦）), or ""
}

// reFlatYear is a year a header's word names, with its 年 maybe a space
// apart (2023 年): pdftotext splits them.
var reFlatYear = regexp.MustCompile(`^\(?(?:19[5-9]\d|20\d\d)\s*年(?:底|末)?\)?$`)

// reHeaderDated is a header's word with its year (2025年目标值, 2020年（基期）,
// 基期值（2020年）): the year and the word around it.
var reHeaderDated = regexp.MustCompile(`^(.*?)[(（]?((?:19[5-9]\d|20\d\d)\s*年?)[)）]?(.*)$`)

// Words that name a value column, whole (the year and brackets taken off).
var (
	baseWords   = []string{"基期值", "基期", "基期年", "现状值", "现状", "现状水平", "基准值", "基准", "基准年", "基数", "基期数"}
	targetWords = []string{"目标值", "目标", "规划值", "规划目标", "近期规划", "近期目标", "预期值", "预期", "预期目标", "期末值", "期末", "目标年", "“十四五”目标", "“十五五”目标", "十四五目标", "十五五目标"}
)

// flatHeaderField is the kind of one header word: seq, name, unit, constr,
// category, note, year, base, target, yearly; "" for a word that is no
// header's.
func flatHeaderField(w string) string {
	n := utf8.RuneCountInString(w)
	if periodEnd(normalize(w)) > 0 {
		return "period" // (“十四五” over 完成值: the period of the word below it)
	}
	if n <= 16 && flatAmountCol(normalize(w)) != "" {
		return "amount" // (光伏装机容量（兆瓦）, “十四五”光伏装机容量（兆瓦）: a table sharing a goal out by region, D136)
	}
	if dated, ok := periodDated(normalize(w)); ok {
		return flatHeaderField(dated) // (“十五五”目标值: 2030年目标值)
	}
	if n > 12 || !has(w, headerStems) {
		return ""
	}
	x := normalize(w)
	word := x // the word without its year and brackets
	if strings.ContainsAny(x, "0123456789") {
		if m := reHeaderDated.FindStringSubmatch(x); m != nil {
			word = strings.Trim(m[1]+m[3], "()（） ")
		}
	}
	switch {
	case serialHeader(x):
		return "seq"
	case reFlatYear.MatchString(x):
		return "year"
	case x == "属性" || x == "指标属性" || x == "性质" || x == "指标性质" || x == "指标类型" || x == "类型":
		return "constr"
	case x == "指标值" || x == "指标数值":
		return "values" // (指标值 over 现状 | 近期规划: the title of the value columns, or the one value column)
	case word == "指标" && word != x:
		return "target" // (2025年指标: the indicators' values due that year, no column of their names)
	case strings.HasPrefix(x, "指标说明") || strings.HasPrefix(x, "指标解释"):
		return "note" // (指标说明与指引: a column of words after the values)
	case x == "指标单位" || x == "指标计量单位":
		return "unit" // (a 单位 column named for the indicators: not a column of their names)
	case strings.Contains(x, "指标") && n <= 8:
		return "name"
	case regionLead(x):
		return "name" // (区, 地区: the rows are regions, D136)
	case reUnitLine.MatchString(x):
		return "unitall" // (单位：个: the unit of every row)
	case x == "单位" || x == "计量单位" || strings.HasPrefix(x, "单位("):
		return "unit"
	case slices.Contains(categoryWords, x):
		return "category"
	case has(x, []string{"完成情况", "完成值", "实际值", "实现值", "执行情况", "完成"}) && utf8.RuneCountInString(word) <= 6:
		return "past" // (a review of a plan before: 规划目标 | 完成情况)
	case x == "备注" || x == "说明" || x == "数据来源" || strings.HasSuffix(x, "单位") && has(x, []string{"责任", "牵头", "配合"}):
		return "note" // (a column of words after the values: no cell a row must give)
	case slices.Contains(growthWords, word) || has(x, growthWords) && strings.HasPrefix(word, "年均"):
		return "yearly"
	case slices.Contains(baseWords, word):
		return "base"
	case slices.Contains(targetWords, word):
		return "target"
	}
	return ""
}

// headerStems are what every header word holds one of: a cheap test
// before it is read.
var headerStems = []string{"序", "编号", "区", "街镇", "镇街", "县", "地市", "城市", "市州", "各地", "年", "指标", "单位", "属性", "性质", "类", "领域", "方面", "维度", "板块", "备注", "说明", "来源",
	"基期", "现状", "基准", "基数", "目标", "规划", "预期", "期末", "增长", "增速", "增幅", "提高", "完成", "实际", "实现", "执行"}

// flatHeaderWords splits a line into header words, a year's 年 joined to
// it (2023 年 → 2023年); ok is false when a word is no header's.
func flatHeaderWords(line string) ([]string, bool) {
	if line == "" || len(line) > 240 || strings.ContainsAny(line, "，。；、,;") {
		return nil, false // (a sentence, or a list: no header's words)
	}
	if letterSpaced(line) {
		line = strings.Join(strings.Fields(line), "") // (指　　标: a header's word letter-spaced in its cell)
	}
	var out []string
	for w := range strings.FieldsSeq(line) {
		if k := len(out) - 1; w == "年" && k >= 0 && isYearDigits(out[k]) {
			out[k] += w // (2023 年: the year and its 年 split)
			continue
		}
		if !isYearDigits(w) && flatHeaderField(w) == "" {
			return nil, false
		}
		out = append(out, w)
	}
	for _, w := range out {
		if flatHeaderField(w) == "" {
			return nil, false // (a year's digits never joined by 年)
		}
	}
	return out, len(out) > 0
}

// flatHeaderCols reads the words of a header block as its columns: a name
// column and one value column at least, the value columns in the header's
// order. Words of values without a year (基期值, 目标值) and years on a row
// of their own pair up in order (基期值 目标值 over 2020年 2025年); a count
// that does not pair is no header read. A year alone is a target, or a
// baseline (yearBaseline). start is the year the plan starts (nil: unknown).
func flatHeaderCols(words []string, start *int) (flatCols, bool) {
	var c flatCols
	var years []int   // the years alone, in order
	var undated []int // the value columns of words without a year
	name, values := false, false
	period := 0 // the end of the five years a word of its own named for the word below it
	for _, w := range words {
		k := flatHeaderField(w)
		if k == "period" {
			period = periodEnd(normalize(w))
			continue
		}
		if k == "name" && period > 0 && name {
			k, w = "target", "目标值" // (“十五五” over 指标 after the indicators' names: the period's targets)
		}
		ended := false // dated by a period's end (“十四五”期末值, “十四五” over 目标值)
		if dated, ok := periodDated(normalize(w)); ok && k != "amount" {
			w, ended = dated, true
		} else if (k == "past" || k == "base" || k == "target" || k == "yearly") && headerYear(normalize(w)) == 0 && period > 0 {
			w, ended = strconv.Itoa(period)+"年"+w, true // (“十五五” over 目标值: 2030年目标值)
		}
		period = 0
		switch k {
		case "values":
			values = true
		case "seq":
			c.seq = true
		case "name":
			name = true
			c.regions = c.regions || regionLead(normalize(w))
		case "unit":
			c.unit = true
		case "unitall":
			c.unitAll = reUnitLine.FindStringSubmatch(normalize(w))[1]
		case "constr":
			c.constr = true
		case "category":
			c.category = true
		case "note":
			c.note = true
		case "past":
			c.past = true
			c.vals = append(c.vals, flatCol{year: headerYear(normalize(w)), baseline: true, done: true}) // (its cells are values, no target)
		case "year":
			years = append(years, headerYear(normalize(w)))
			c.vals = append(c.vals, flatCol{year: years[len(years)-1]})
		case "amount":
			c.vals = append(c.vals, flatCol{unit: flatAmountCol(normalize(w))}) // (each due the plan's end)
		case "base", "target", "yearly":
			y := headerYear(normalize(w))
			if y == 0 {
				undated = append(undated, len(c.vals))
			}
			// a goal of five years that ended before the plan starts (“十四五”目标值 in a 十五五 plan) is where things stand
			before := ended && start != nil && y < *start
			c.vals = append(c.vals, flatCol{year: y, baseline: k == "base" || before, yearly: k == "yearly"})
		}
	}
	if values && len(c.vals) == 0 {
		c.vals = append(c.vals, flatCol{}) // (序号 | 指标 | 单位 | 指标值: the one value column, due the plan's end)
	}
	pairs := slices.ContainsFunc(undated, func(k int) bool { return !c.vals[k].yearly }) // (2025年 | 2030年 | 年均增长 is one row)
	if pairs && len(years) > 0 {
		// a header of two rows: the years date the words above them
		if len(undated) != len(years) {
			return flatCols{}, false
		}
		vals := c.vals[:0:0]
		for _, v := range c.vals {
			if v.baseline || v.yearly || v.year == 0 || !slices.Contains(years, v.year) {
				vals = append(vals, v)
			}
		}
		if len(vals) != len(undated) {
			return flatCols{}, false
		}
		for i := range vals {
			vals[i].year = years[i]
		}
		c.vals = vals
	} else {
		for i, v := range c.vals {
			// by the year's place among the year columns: a word dated by
			// a year that also heads a column of its own (2025年 |
			// 2025年目标值) counts once, never past the columns' end
			if k := slices.Index(years, v.year); v.year > 0 && !v.baseline && !v.yearly && k >= 0 {
				c.vals[i].baseline = yearBaseline(years, k, start)
			}
		}
	}
	return c, name && len(c.vals) > 0 && len(c.vals) <= 8 && slices.ContainsFunc(c.vals, func(v flatCol) bool { return !v.baseline })
}

// yearBaseline reports whether the i-th of a header's year columns is a
// baseline: a year before the plan starts, or the first year when the next
// is more than one year on (2020 | 2025, 2025 | 2027: where things stand,
// then the goal); years one apart (2023 | 2024 | 2025) are a schedule,
// each a year's target.
func yearBaseline(years []int, i int, start *int) bool {
	if start != nil && years[i] < *start {
		return true
	}
	return i == 0 && len(years) > 1 && years[1]-years[0] > 1
}

// isYearDigits reports a year's four digits alone (2023 of 2023 年).
func isYearDigits(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isInt(w[:3]) && w[3] >= '0' && w[3] <= '9'
}

// letterSpaced reports a line of two to four Chinese characters apart by
// spaces (指　　标, 序 号, 属 性): one word letter-spaced in its cell.
func letterSpaced(line string) bool {
	fs := strings.Fields(line)
	if len(fs) < 2 || len(fs) > 4 {
		return false
	}
	for _, f := range fs {
		if r, _ := utf8.DecodeRuneInString(f); utf8.RuneCountInString(f) != 1 || r < 0x4E00 || r > 0x9FFF {
			return false
		}
	}
	return true
}

// regionBlock reports header words that name the rows as regions (区, 地区):
// only under such a word does a word with a unit in brackets head a column
// (D136); elsewhere it is a row's label (注册科普志愿者（万人）) after the header.
func regionBlock(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return regionLead(normalize(w)) })
}

// amountWords reports a line of header words with a column of an amount.
func amountWords(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return flatHeaderField(w) == "amount" })
}

// flatAmountCol is the unit of a header word that names what its column
// counts, the unit in brackets after it (光伏装机容量（兆瓦）, 项目数（个）) —
// the columns of a table sharing a goal out across regions (D136, as
// regionCounts reads one with its cells apart) — or "" for any other word:
// no year in it, no share, nothing that describes a region (面积, 人口).
func flatAmountCol(x string) string {
	u := bracketUnit(x)
	if u == "" || !unitWord(u) || x == "("+u+")" || strings.ContainsAny(x, "0123456789") || has(x, colShareWords) || has(x, describedCols) ||
		has(x, []string{"单位", "指标", "目标", "基期", "现状"}) {
		return ""
	}
	return u
}
