package plan

import "strings"

// rankOf is the rank of heading h's numbering style in this document's
// nesting: the order Chinese documents nest the styles in (heading's rank,
// doubled), unless the document nests them otherwise. A style met for the
// first time with its first number (一, (一), 1, (1)) straight below the
// heading of a style ranked lower, before any text (1.总体要求\n（一）指导思想,
// （1）…\n1）…), ranks below that style from then on: the document's own
// order is the one its headings follow.
//
// A decimal outline's depths (1.1, 1.1.1) are styles of their own, apart
// from (1) and ① that share their nominal levels: (1) met first straight
// below 1.2.1 ranks below it (1 / 1.1 / 1.1.1 / （1） / ①, a county's
// layout plan), where it would have closed 1.2.1 as 1.1's equal. Once
// met below a depth of the outline, (1) and ① rank below the deepest depth
// open (2.1 （1）… then 2.1.1 （1）…: the later (1) is 2.1.1's).
func (d *docRead) rankOf(h head) int {
	key, decimal := h.level, decimalNumber(h.number)
	if decimal {
		key = decimalStyle + h.level
	}
	r, ok := d.ranks[key]
	if !ok {
		r = 2 * h.level
	}
	if !decimal && ok && h.level >= 4 && r > 2*h.level && !h.box {
		// a style that ranks below the outline's depths: below the
		// innermost depth open
		for k := len(d.stack) - 1; k >= 0; k-- {
			if o := d.stack[k]; !o.box && decimalNumber(o.sec.Number) {
				r = max(r, o.rank+h.level-3)
				break
			}
		}
	}
	if h.box || len(d.stack) == 0 {
		d.noteRank(key, r)
		return r
	}
	top := d.stack[len(d.stack)-1]
	if !ok && r <= top.rank && !top.box && len(top.sec.Children) == 0 && !d.headingHasText && firstNumber(h.number) {
		r = top.rank + 1
	}
	d.noteRank(key, r)
	return r
}

// decimalNumber reports a decimal outline's number below its top (1.1, 2.1.3).
func decimalNumber(n string) bool {
	return n != "" && isDigit(rune(n[0])) && strings.Contains(n, ".")
}

// decimalStyle sets a decimal outline's depths apart among the styles
// rankOf records (their key is decimalStyle plus the nominal level).
const decimalStyle = 100

// noteRank records the rank of a numbering style once it has been met.
func (d *docRead) noteRank(level, r int) {
	if d.ranks == nil {
		d.ranks = map[int]int{}
	}
	if _, ok := d.ranks[level]; !ok {
		d.ranks[level] = r
	}
}

// belowOutline reports a depth of a decimal outline (1.2.1) met while the
// innermost section open is of another style set under the outline's
// depths (1.2 （1）… （2）… 1.2.1): the outline's next depth closes it.
func (d *docRead) belowOutline(h head) bool {
	top := d.stack[len(d.stack)-1]
	if !decimalNumber(h.number) || top.box || decimalNumber(top.sec.Number) {
		return false
	}
	for k := len(d.stack) - 2; k >= 0; k-- {
		if o := d.stack[k]; decimalNumber(o.sec.Number) {
			return true
		}
	}
	return false
}
