package plan

import (
	"strconv"
	"strings"
	"unicode"
)

// Reading a quantity phrase (the grammar in quantity.go): its number,
// range, multiplier and unit, then the comparators around it. The numeral
// itself is read in quantity_numeral.go, the unit in quantity_unit.go, a
// decimal point a PDF lost in quantity_lostpoint.go.

// readQuantity reads a quantity phrase whose number starts at i: a share
// written out (百分之九十, 一半以上), or a number with its range,
// multiplier and unit; then the comparators around it.
func readQuantity(rs []rune, i int) (q quantity, ok bool) {
	q = quantity{a: i, beforeCmp: i, mult: 1, cmp: "="}
	if i > 0 && rs[i-1] == '/' && strings.ContainsRune("十百千万", rs[i]) {
		return q, false // (60点/百平方公里: a magnitude after a slash is a rate's denominator, no quantity)
	}
	if i > 1 && rs[i-1] == '/' && unicode.Is(unicode.Han, rs[i-2]) && numberedDenominator(rs, i) > 0 {
		return q, false // (1个/5公里: the number of a rate's denominator, no quantity)
	}
	if hasAt(rs, i, "百分之") || hasAt(rs, i, "千分之") {
		return q.writtenShare(rs, i)
	}
	if hasAt(rs, i+1, "分之") {
		return q.writtenFraction(rs, i) // (三分之一; other magnitudes are not read as fractions)
	}
	if hasAt(rs, i, "一半") && (hasAt(rs, i+2, "以上") || hasAt(rs, i+2, "左右") || i > 0 && strings.ContainsRune("超过近约达", rs[i-1])) {
		// 一半以上: a share written as a word, read as 50 %.
		q.value, q.base, q.unit, q.b, q.after, q.cn = 50, "%", "%", i+2, i+2, true
		q.readComparators(rs, i, i+2)
		return q, true
	}
	i, j, ok := q.readValue(rs, i)
	if !ok {
		return q, false
	}
	j = q.readRange(rs, j)
	if k := ratioAt(rs, i, j); k > j {
		// a ratio to one an indicator is brought to (城乡收入比缩小至2.1∶1)
		q.ratio, q.b, q.after = true, k, k
		q.readComparators(rs, i, k)
		return q, true
	}
	if plusCount(rs, i, j, &q) {
		// 打造100+应用场景: a count said with a plus, its floor (no unit)
		q.cmp, q.b, q.after = ">=", j+1, j+1
		return q, true
	}
	unitStart := j
	j = q.readMultiplier(rs, j)
	if at, end := q.multiplierRange(rs, j); end > j {
		unitStart, j = max(at, unitStart), end // (30万至50万人次, 1万余人次: quantity_unitrange.go)
	}
	j = q.readUnit(rs, j)
	if !q.unitHolds(rs, j) || q.base == "天" && !daysHold(rs, q.a, j) || q.base == "周" && !weeksHold(rs, q.a, j) || q.base == "分" && !scoreHolds(rs, q.a) {
		return q, false
	}
	j = q.readUnitRange(rs, j)
	q.unitText(rs, unitStart, j)
	if q.base == "个" && pointsListed(rs, j) {
		q.base, q.unit = "个百分点", q.unit+"百分点" // (分别提高3个和4个百分点: the measure written once, at the list's end; tune41-T)
	}
	j = q.repeatedUnitRange(rs, unitStart, j) // (3个至5个)
	q.b = j
	if q.base == "" && q.mult == 1 {
		q.b = max(spacesBefore(rs, j), q.a+1) // (降至 1.25 以下: the value without the space after it)
	}
	q.after = j
	q.readComparators(rs, i, q.classEnd(rs, j))
	return q, true
}

// writtenShare reads 百分之九十, 百分之5, 千分之一 at i: a share written out.
func (q quantity) writtenShare(rs []rune, i int) (quantity, bool) {
	v, j, _, ok := readNumber(rs, i+3)
	if !ok {
		return q, false
	}
	q.value, q.base, q.unit, q.b, q.after, q.cn = v, "%", "%", j, j, true
	if rs[i] == '千' {
		q.base, q.unit = "‰", "‰"
	}
	q.readComparators(rs, i, j)
	return q, true
}

// plusVerbs make the things a count with a plus counts (打造100+场景).
var plusVerbs = []string{"打造", "培育", "建设", "建成", "形成", "开发", "推出", "引进", "落地", "孵化", "汇聚", "上线", "发布", "开放", "遴选", "新增"}

// plusCount reports an Arabic whole number of two digits or more from i to
// j written with a plus and then the words of what it counts (打造100+具有
// 示范效应的应用场景), straight after a verb of making: at least so many.
// Not 1+N, IE9+ or a plus between numbers.
func plusCount(rs []rune, i, j int, q *quantity) bool {
	if q.cn || j-i < 2 || j+1 >= len(rs) || rs[j] != '+' && rs[j] != '＋' || !unicode.Is(unicode.Han, rs[j+1]) || q.value != float64(int64(q.value)) {
		return false
	}
	for _, w := range plusVerbs {
		if endsAt(rs, i, w) {
			return true
		}
	}
	return false
}

// writtenFraction reads a fraction written out at i (三分之一, 四分之三):
// the share as a number without a unit, as plans compare it (比重超过三分之一).
func (q quantity) writtenFraction(rs []rune, i int) (quantity, bool) {
	den := strings.IndexRune("零一二三四五六七八九十", rs[i])
	if den < 2 || i+3 >= len(rs) {
		return q, false
	}
	num := strings.IndexRune("零一二三四五六七八九", rs[i+3])
	if num < 1 || num >= den || i+4 < len(rs) && isCNDigit(rs[i+4]) {
		return q, false
	}
	q.value, q.b, q.after, q.cn = float64(num)/float64(den), i+4, i+4, true
	q.readComparators(rs, i, i+4)
	return q, true
}

// readValue reads the number at i, or the 1 a magnitude implies (超万亿元,
// 近千亿元), and a decimal point a PDF dropped before it (55 22亿元: read
// as 55.22, but only proposed). It returns where the number starts (before
// the lost point) and ends.
func (q *quantity) readValue(rs []rune, i int) (start, end int, ok bool) {
	v, j, cn, ok := readNumber(rs, i)
	if q.class = classReached(rs, i); q.class {
		ok = false // 千亿元级: the magnitude, not 千 read as a number
	}
	if ok && cn && j == i+1 && rs[i] == '千' && hasAt(rs, j, "米") {
		return i, j, false // (千米/平方千米: the unit kilometre, no thousand metres; tune34-P)
	}
	if !ok {
		if impliedOneAfter(rs, i) || q.class {
			for _, m := range multWords {
				if hasAt(rs, i, m.w) {
					v, j, ok, q.impliedOne = 1, i, true, true
					break
				}
			}
		}
		if !ok {
			return i, j, false
		}
	}
	if !cn && !q.impliedOne && zeroTail(rs, i, j) && lostPoint(rs, i, j) < 0 {
		// 1 00 家: a tail a PDF split from its number, never a count of
		// none; read whole and proposed, or not at all (but 55 03亿元 is
		// a lost point's, below)
		g := zeroTailHead(rs, i)
		if g < 0 {
			return i, j, false
		}
		v, _ = strconv.ParseFloat(digits(rs[g:j]), 64)
		i, q.a, q.beforeCmp, q.unsure = g, g, g, true
	}
	spaced := false
	if !cn && !q.impliedOne && !q.unsure {
		v, j, spaced = spacedPoint(rs, i, j, v) // 增长3. 5%: a point a space stands beside
	}
	if !cn && !q.impliedOne && !q.unsure && !spaced {
		if g := lostPoint(rs, i, j); g >= 0 {
			if f, err := strconv.ParseFloat(string(rs[g:g+lostDigits(rs, g)])+"."+string(rs[i:j]), 64); err == nil {
				v, i, q.unsure = f, g, true
				if n := g + lostDigits(rs, g); privateUse(rs[n]) {
					q.glyph = rs[n]
				}
				q.a, q.beforeCmp = g, g
			}
		}
	}
	q.value, q.cn = v, cn
	return i, j, true
}

// readRange reads the upper end of a range (2-3个, 30至50项, 1500~2000名)
// and 余 or 多 after the number (a floor), from j; it returns where they end.
func (q *quantity) readRange(rs []rune, j int) int {
	at := j
	if !q.cn && j+2 < len(rs) && rs[j] == ' ' && (rs[j+1] == '至' || rs[j+1] == '到') && rs[j+2] == ' ' {
		at = j + 1 // (建设 1 至 2 个: a PDF's spaces around 至)
	}
	if at < len(rs) && strings.ContainsRune("-~至到", rs[at]) && !q.impliedOne {
		h := at + 1
		if h+1 < len(rs) && rs[h] == ' ' && isDigit(rs[h+1]) && !q.cn {
			h++ // (30- 50项: a PDF's space after the dash)
		}
		if hi, k, cn2, ok2 := readNumber(rs, h); ok2 && cn2 == q.cn && hi > q.value {
			q.low, q.high, q.isRange, q.cmp = q.value, hi, true, "range"
			j = k
		}
	}
	if j < len(rs) && (rs[j] == '余' || rs[j] == '多') {
		q.cmp = ">="
		j++
	}
	return j
}

// readMultiplier reads 万, 亿 … at j (after a space, 4400 亿元, for an
// Arabic number); it returns where it ends, a space after it skipped.
func (q *quantity) readMultiplier(rs []rune, j int) int {
	if !q.cn && j+1 < len(rs) && rs[j] == ' ' && (rs[j+1] == '万' || rs[j+1] == '亿' || rs[j+1] == '千' || rs[j+1] == '百') {
		j++
	}
	if e, m := spacedMultiplier(rs, j); e > 0 {
		q.mult, j = m, e // (3 千 万 元: letter-spaced)
		if !q.cn && j < len(rs) && rs[j] == ' ' {
			j++
		}
		return j
	}
	for _, m := range multWords {
		if hasAt(rs, j, m.w) {
			q.mult = m.m
			j += len([]rune(m.w))
			break
		}
	}
	if q.mult == 1 && thousandAt(rs, j, q.cn) {
		q.mult, j = 1e3, j+1 // (2千名: quantity_thousand.go)
	}
	if !q.cn && j < len(rs) && rs[j] == ' ' {
		j++
	}
	return j
}

// pointsListed reports, at j just past a number's 个, a list's next number
// whose measure is 个百分点 (3个和4个百分点, 3.4个、1个百分点): the points
// of the list, the measure written once at its end.
func pointsListed(rs []rune, j int) bool {
	if j >= len(rs) || !strings.ContainsRune("和、与及", rs[j]) {
		return false
	}
	k := j + 1
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	_, e, cn, ok := readNumber(rs, k)
	if !ok || cn {
		return false
	}
	for e < len(rs) && rs[e] == ' ' {
		e++
	}
	return hasAt(rs, e, "个百分点")
}
