package plan

import "strings"

// A range whose two ends each carry the multiplier or the unit (30万至50万
// 人次, 2亿-3亿元, 3个至5个, 100名到200名): one quantity from the first
// number to the second, as 3-5个 is, not two.

// isRangeMark reports a rune that joins the two ends of a range (a dash is
// "-" once the text is normalized).
func isRangeMark(r rune) bool { return strings.ContainsRune("-~至到", r) }

// multiplierRange reads, at j just past the first end's multiplier (30万),
// a range mark, a higher number and the same multiplier (至50万): the
// quantity becomes the range, and it returns where that second multiplier
// starts and ends, for the unit to be read after it; j, j when there is
// none. A floor word after the multiplier (1万余人次) is skipped: it
// returns -1 (the unit's text keeps its start) and where the word ends.
func (q *quantity) multiplierRange(rs []rune, j int) (at, end int) {
	if !q.isRange && q.mult > 1 && j+1 < len(rs) && (rs[j] == '余' || rs[j] == '多') && !isCNNumeral(rs[j+1]) {
		// 1万余人次, 3亿多元: a floor said after the multiplier, as 1000余万
		// is before it; the unit is read past the word (see floorWord)
		q.cmp, q.floorWord = ">=", true
		return -1, j + 1
	}
	if q.isRange || q.mult == 1 || j >= len(rs) || !isRangeMark(rs[j]) {
		return j, j
	}
	hi, k, cn, ok := readNumber(rs, j+1)
	if !ok || cn != q.cn {
		return j, j
	}
	for _, m := range multWords {
		if m.m == q.mult && hasAt(rs, k, m.w) && hi > q.value {
			q.low, q.high, q.isRange, q.cmp = q.value, hi, true, "range"
			return k, k + len([]rune(m.w))
		}
		if m.m > q.mult && hasAt(rs, k, m.w) && (m.w == "亿" || m.w == "万亿") && hi*m.m > q.value*q.mult {
			// 四亿九千万～五亿吨, 9000万至1.2亿元: the ends in two magnitudes,
			// the range counted in the higher (4.9–5 亿吨; tune41-T)
			q.low, q.high, q.isRange, q.cmp, q.mult = q.value*q.mult/m.m, hi, true, "range", m.m
			return k, k + len([]rune(m.w))
		}
	}
	return j, j
}

// repeatedUnitRange reads, at j just past the first end's unit (3个), a
// range mark, a higher number and the same unit as written from unitStart
// (至5个): the quantity becomes the range; it returns where it ends.
func (q *quantity) repeatedUnitRange(rs []rune, unitStart, j int) int {
	if q.floorWord {
		q.unit = strings.NewReplacer("余", "", "多", "").Replace(q.unit) // (万余人次 → 万人次)
	}
	if q.isRange || q.base == "" || j >= len(rs) || !isRangeMark(rs[j]) {
		return j
	}
	hi, k, cn, ok := readNumber(rs, j+1)
	unit := string(rs[unitStart:j])
	if !ok || cn != q.cn || hi <= q.value || !hasAt(rs, k, unit) {
		return j
	}
	q.low, q.high, q.isRange, q.cmp = q.value, hi, true, "range"
	return k + len([]rune(unit))
}
