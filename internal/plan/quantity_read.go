package plan

import (
	"strconv"
	"strings"
	"unicode"
)

// Reading a quantity phrase (the grammar in quantity.go): its number,
// range, multiplier and unit, then the comparators around it.

// readQuantity reads a quantity phrase whose number starts at i: a share
// written out (百分之九十, 一半以上), or a number with its range,
// multiplier and unit; then the comparators around it.
func readQuantity(rs []rune, i int) (q quantity, ok bool) {
	q = quantity{a: i, beforeCmp: i, mult: 1, cmp: "="}
	if hasAt(rs, i, "百分之") || hasAt(rs, i, "千分之") {
		return q.writtenShare(rs, i)
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
	unitStart := j
	j = q.readMultiplier(rs, j)
	if at, end := q.multiplierRange(rs, j); end > j {
		unitStart, j = max(at, unitStart), end // (30万至50万人次, 1万余人次: quantity_unitrange.go)
	}
	j = q.readUnit(rs, j)
	if !q.unitHolds(rs, j) {
		return q, false
	}
	j = q.readUnitRange(rs, j)
	q.unitText(rs, unitStart, j)
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

// readValue reads the number at i, or the 1 a magnitude implies (超万亿元,
// 近千亿元), and a decimal point a PDF dropped before it (55 22亿元: read
// as 55.22, but only proposed). It returns where the number starts (before
// the lost point) and ends.
func (q *quantity) readValue(rs []rune, i int) (start, end int, ok bool) {
	v, j, cn, ok := readNumber(rs, i)
	if q.class = classReached(rs, i); q.class {
		ok = false // 千亿元级: the magnitude, not 千 read as a number
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
	if j < len(rs) && strings.ContainsRune("-~至到", rs[j]) && !q.impliedOne {
		h := j + 1
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

// readUnit reads the unit at j: one of units (those of arabicOnly only
// after an Arabic number), 方 for cubic metres after a multiplier (210亿方;
// not 方案, 方式), compute said with its prefix alone (10000P, 5E). It
// returns where the unit ends.
func (q *quantity) readUnit(rs []rune, j int) int {
	if e, u := spacedUnit(rs, j); e > 0 {
		q.base = u // 2 个 百 分 点, 50 万 人 次: letter-spaced
		return e
	}
	for _, u := range units {
		if hasAt(rs, j, u) || len(u) > 4 && strings.HasSuffix(u, "FLOPS") && strings.EqualFold(string(rs[j:min(len(rs), j+len(u))]), u) {
			if arabicOnly[u] && q.cn {
				break
			}
			q.base = u
			j += len([]rune(u))
			break
		}
	}
	if q.base == "" && q.mult > 1 && j < len(rs) && rs[j] == '度' && (j+1 == len(rs) || !strings.ContainsRune("假过", rs[j+1])) {
		q.base = "度" // (发电量3000亿度: kilowatt-hours)
		j++
	}
	if q.base == "" && q.mult > 1 && j < len(rs) && rs[j] == '方' && (j+1 == len(rs) || !strings.ContainsRune("案式面法向针位便略阵舱", rs[j+1])) {
		q.base = "方"
		j++
	}
	if q.base == "" && q.mult == 1 && schoolingYears(rs, q.a, j, q.value) {
		q.base = "年" // (平均受教育年限达11年: a level in years, indicator_report.go)
		j++
	}
	if q.base == "" && !q.cn && j < len(rs) && (rs[j] == 'P' || rs[j] == 'E') && (j+1 == len(rs) || !isASCIILetter(rs[j+1])) {
		q.base = string(rs[j]) + "FLOPS"
		j++
	}
	return j
}

// unitHolds reports whether the quantity read up to j stands: a bare count
// in 万 or 亿 (标识注册总量突破5亿。) ends at punctuation or a comparator
// (农村贫困人口再减少1000万以上) or counts people; a unit that is the start of
// a longer word is none (5G, 3A级), nor a measure word that starts a word of
// its own (a list's number before 人工智能: 12 人工智能…, 元宇宙, 场景, 项目).
func (q *quantity) unitHolds(rs []rune, j int) bool {
	if q.base == "" && q.mult == 1 && indexValue(rs, q.a, j, q.value) {
		return true
	}
	if q.base == "" {
		if q.mult == 1 || j < len(rs) && !strings.ContainsRune("，,。;；、)", rs[j]) && !hasAt(rs, j, "以上") && !hasAt(rs, j, "左右") && !hasAt(rs, j, "以内") && !peopleAfter(rs, j) && !bareHeadcount(rs, j) {
			return false
		}
	}
	if j < len(rs) && q.base != "" && (unicode.IsLetter(rs[j]) && rs[j] < 0x80 && q.base[0] < 0x80) {
		return false
	}
	// where the unit starts as written (10000P is PFLOPS said with its
	// prefix alone: never before the number)
	u := max(j-len([]rune(q.base)), q.a)
	if q.base != "" && q.base[0] < 0x80 && u > 0 && rs[u-1] == ' ' && j+1 < len(rs) && rs[j] == ' ' && unicode.Is(unicode.Han, rs[j+1]) &&
		(!cmpAfterIs(rs, j+1) || u > 1 && isDigit(rs[u-2])) {
		// 47 GB 智慧农业…: a catalogue's row number and a code standing
		// apart between spaces, not a quantity in GB; but 12000P 以上 is
		// one (a comparator after it)
		return false
	}
	return !(q.base != "" && startsWord(rs, u))
}

// cmpAfterIs reports a comparator word after a unit at k (以上, 左右).
func cmpAfterIs(rs []rune, k int) bool { e, _ := cmpAfterAt(rs, k); return e >= 0 }

// readUnitRange reads a range with the unit on both ends (5%-8%) at j; it
// returns where it ends.
func (q *quantity) readUnitRange(rs []rune, j int) int {
	if !q.isRange && q.base == "%" && j+1 < len(rs) && strings.ContainsRune("-~至到", rs[j]) {
		if hi, k, cn2, ok2 := readNumber(rs, j+1); ok2 && cn2 == q.cn && hi > q.value && k < len(rs) && rs[k] == '%' {
			q.low, q.high, q.isRange, q.cmp = q.value, hi, true, "range"
			j = k + 1
		}
	}
	return j
}

// unitText is the unit as written from unitStart to j, spaces dropped (万人,
// 亿元); a range in % is in %, and compute is in FLOPS (10000P → PFLOPS).
func (q *quantity) unitText(rs []rune, unitStart, j int) {
	q.unit = strings.ReplaceAll(string(rs[unitStart:j]), " ", "")
	if q.isRange && q.base == "%" {
		q.unit = "%"
	}
	if strings.HasSuffix(q.base, "FLOPS") {
		q.unit = strings.ToUpper(q.unit)
		if !strings.HasSuffix(q.unit, "FLOPS") {
			q.unit += "FLOPS"
		}
	}
}

// readNumber reads an Arabic or Chinese numeral at i.
func readNumber(rs []rune, i int) (v float64, end int, cn, ok bool) {
	j := i
	switch {
	case j < len(rs) && isDigit(rs[j]):
		for j < len(rs) && (isDigit(rs[j]) || (rs[j] == ',' || rs[j] == ' ' && j-i <= 3 && !strings.ContainsRune(string(rs[i:j]), '.')) && group3(rs, j+1) ||
			rs[j] == '.' && j+1 < len(rs) && isDigit(rs[j+1])) {
			j++
		}
		f, err := strconv.ParseFloat(digits(rs[i:j]), 64)
		return f, j, false, err == nil
	case j < len(rs) && isCNDigit(rs[j]):
		for j < len(rs) && isCNDigit(rs[j]) && j-i < 8 {
			j++
		}
		n, ok := cnNumber(string(rs[i:j]))
		return float64(n), j, true, ok
	}
	return 0, i, false, false
}

// group3 reports three digits at i that end a digit group (1,200 or a PDF's
// 1 200), not the start of a longer number.
func group3(rs []rune, i int) bool {
	return i+2 < len(rs) && isDigit(rs[i]) && isDigit(rs[i+1]) && isDigit(rs[i+2]) && (i+3 == len(rs) || !isDigit(rs[i+3]) && rs[i+3] != '.')
}

// digits is a number as written without its group separators.
func digits(rs []rune) string {
	out := make([]byte, 0, len(rs))
	for _, r := range rs {
		if r != ',' && r != ' ' {
			out = append(out, byte(r))
		}
	}
	return string(out)
}

// lostPoint is where the digits before a lost decimal point start: the
// number at i..j (one or two digits) follows a glyph the PDF did not map
// (and a space), or one space when a multiplier follows and the digits
// before are two to four (55 22亿元; not 1 20家, 表1 20个), after a group
// that is no year; or -1.
func lostPoint(rs []rune, i, j int) int {
	k := i // where the gap between the digits starts
	if k > 0 && rs[k-1] == ' ' {
		k--
	}
	glyph := k > 0 && privateUse(rs[k-1])
	if glyph {
		k-- // the point as a glyph the PDF did not map
	}
	if !glyph && (k < 3 || !isDigit(rs[k-1]) || !isDigit(rs[k-2]) || j >= len(rs) || rs[j] != '万' && rs[j] != '亿') {
		return -1
	}
	if k == i || k < 1 || !isDigit(rs[k-1]) || j-i > 2 || j < len(rs) && (rs[j] == '.' || isDigit(rs[j])) {
		return -1
	}
	g := k - 1
	for g > 0 && isDigit(rs[g-1]) {
		g--
	}
	n := k - g
	if n > 4 || g > 0 && strings.ContainsRune(". ,", rs[g-1]) || n == 4 && (rs[g] == '1' && rs[g+1] == '9' || rs[g] == '2' && rs[g+1] == '0') {
		return -1
	}
	return g
}

// lostDigits is the length of the digit group at g.
func lostDigits(rs []rune, g int) int {
	n := 0
	for g+n < len(rs) && isDigit(rs[g+n]) {
		n++
	}
	return n
}

// privateUse reports a rune of Unicode's private use area: a glyph a PDF's
// font did not map to a character.
func privateUse(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }
