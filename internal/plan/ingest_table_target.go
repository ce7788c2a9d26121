package plan

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Reading one target cell of a table row as an indicator: its value or
// range, its unit (the cell's, its column's, the unit column's, the name's
// in brackets, the line above the table's), its deadline, its baseline
// and constraint from the row's other cells, its metric from the name.

// cell reads the target of one target column c of a row, if its cell
// holds a number.
func (t *table) cell(cs []cell, c tcol, line string, base int, section []string, name string) (Indicator, bool) {
	tc, ok := cellAt(cs, c.r)
	if !ok {
		return Indicator{}, false
	}
	cv, ok := readCell(tc.text)
	if !ok {
		return Indicator{}, false
	}
	if name == "" {
		if nc, ok := cellAt(cs, t.name); ok {
			name = pageMarkup(nc.text)
		}
	}
	// the unit: the cell's own, its column's header's, the unit column's,
	// the name's in brackets, the line above the table's
	unit := cv.unit
	times := ""
	if slices.Contains(bareMults, unit) {
		times, unit = unit, "" // (1.2万 in a column of 亿元: 1.2万亿元)
	}
	if unit == "" {
		unit = c.unit
	}
	if uc, ok := cellAt(cs, t.unit); ok && unit == "" && !c.yearly && !noUnit(uc.text) {
		unit = pageMarkup(uc.text)
	}
	if times != "" && (unit == "" || !slices.ContainsFunc(bareMults, func(m string) bool { return strings.HasPrefix(unit, m) }) || times == "万" && strings.HasPrefix(unit, "亿")) {
		unit = times + unit
	} else if times != "" {
		unit = times // (1.5亿 in a column of 万元: the cell's own, as before)
	}
	if unit == "" && t.unitAbove == "" {
		unit = nameUnit(name)
	}
	if unit == "" {
		unit = t.unitAbove
	}
	unit = strings.ReplaceAll(unit, "％", "%") // (a name's （％）: the percent sign a sentence's normalized 15％ reads as)
	if unit == "百分点" {
		unit = "个百分点" // (a header's （百分点）: the unit a sentence writes 个百分点)
	}
	perYear := false
	if u, ok := strings.CutSuffix(unit, "/年"); ok && unitWord(u) {
		unit, perYear = u, true // (40万平方米/年: 40万平方米 a year, as a sentence's …万元/年 reads)
	}
	baseUnit, mult := cellUnitSplit(unit)
	baseUnit = computeUnit(baseUnit) // (a unit column's P, EFlops: the units a sentence's 10000P, 5EFlops read as)
	ind := Indicator{Unit: unit, BaseUnit: baseUnit, Multiplier: mult, Comparator: cv.comparator, Section: section, Cumulative: cv.cumulative}
	ind.setAmount(cv.isRange, cv.value, cv.low, cv.high)
	// The span is the number in the target cell.
	ind.Start = base + tc.at + cv.numAt
	ind.End = ind.Start + utf8.RuneCountInString(cv.num)
	if y := cmp.Or(c.year, t.targetYear); y > 0 {
		ind.DeadlineYear = &y
	}
	if c.yearly && !cv.cumulative || perYear || cv.yearly || yearlyRate(name, unit) { // ([15.3] under 年均增速: five years' sum, no rate a year)
		per := "year"
		ind.Per = &per
	}
	ind.Metric = metricOf(name, unit, c.unit != "")
	if c.head != "" && len(t.cols) > 1 {
		ind.Metric += "·" + c.head // (东城区·科普活动, 东城区·受众: a place's several targets told apart)
	}
	if bc, ok := cellAt(cs, t.baseline); ok && !c.yearly {
		if bv, ok := readCell(bc.text); ok && !bv.isRange {
			ind.Baseline = &Baseline{Value: bv.value, Year: t.baselineYear}
		}
	}
	if cc, ok := cellAt(cs, t.constr); ok && (strings.Contains(cc.text, "约束") || strings.Contains(cc.text, "预期")) {
		ind.Constraint = cc.text
	}
	ind.Text = strings.TrimSpace(line)
	return ind, true
}

// bareMults are the multipliers a value's cell may give without a unit
// (1.2万), the unit its row's: they multiply it.
var bareMults = []string{"万", "亿", "千", "百", "万亿"}

// reNameUnit is the unit an indicator's name gives in brackets at its end:
// 企业科协覆盖率（%）, 注册科普志愿者（万人）, and a unit with its alternative in
// brackets of its own, 保障性租赁住房数量（万套（间））: 万套 (D134), and a
// rate per so many, 孕产妇死亡率（1/10万）.
var reNameUnit = regexp.MustCompile(`[(（]([^()（）0-9]{1,6}|[^()（）0-9/]{1,5}/[^()（）0-9/]{1,4}|1/[0-9]{0,3}[十百千万]?)(?:[(（][^()（）0-9]{1,3}[)）])?[)）]\s*$`)

// nameUnit is the unit of a row whose table has no unit column and whose
// target cell is a bare number, from the indicator's name; "" if none.
func nameUnit(name string) string {
	if m := reNameUnit.FindStringSubmatch(name); m != nil && !has(m[1], nameQualifiers) && !kindBracket(m[1]) {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// nameQualifiers are words a name's brackets hold that qualify it and are
// no unit: 超充桩数量（累计）.
var nameQualifiers = []string{"累计", "累积", "新增", "年均", "当年", "预期", "约束"}

// kindBracket reports a name's brackets that say what kind it counts
// (城市生物多样性指数（鸟类）, 水质（Ⅲ类）): no unit, though 类 alone is one.
func kindBracket(b string) bool {
	return strings.HasSuffix(b, "类") && utf8.RuneCountInString(b) > 1
}

// metricOf is an indicator's name without the unit it gives in brackets
// when that is the target's unit (企业科协覆盖率（%） → 企业科协覆盖率), or
// when the target's column gives its own (地区生产总值（亿元） under 年均增长（%）).
func metricOf(name, unit string, colUnit bool) string {
	if u := nameUnit(name); u != "" && (u == unit || colUnit || u == "百分点" && unit == "个百分点") {
		return strings.TrimSpace(reNameUnit.ReplaceAllString(name, ""))
	}
	return name
}

// cellUnitSplit separates a cell's unit into its base and multiplier as a
// sentence's quantity does: a unit of its own that opens with 千 (千米,
// 千瓦, 千克) is no thousand of another (米, 瓦), but 万千瓦 is 万 × 千瓦.
func cellUnitSplit(unit string) (string, float64) {
	if slices.Contains(units, unit) {
		return unit, 1
	}
	return splitUnit(unit)
}
