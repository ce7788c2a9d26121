package plan

// rankOf is the rank of heading h's numbering style in this document's
// nesting: the order Chinese documents nest the styles in (heading's rank,
// doubled), unless the document nests them otherwise. A style met for the
// first time with its first number (一, (一), 1, (1)) straight below the
// heading of a style ranked lower, before any text (1.总体要求\n（一）指导思想,
// （1）…\n1）…), ranks below that style from then on: the document's own
// order is the one its headings follow.
func (d *docRead) rankOf(h head) int {
	r, ok := d.ranks[h.level]
	if !ok {
		r = 2 * h.level
	}
	if h.box || len(d.stack) == 0 {
		d.noteRank(h.level, r)
		return r
	}
	top := d.stack[len(d.stack)-1]
	if !ok && r <= top.rank && !top.box && len(top.sec.Children) == 0 && !d.headingHasText && firstNumber(h.number) {
		r = top.rank + 1
	}
	d.noteRank(h.level, r)
	return r
}

// noteRank records the rank of a numbering style once it has been met.
func (d *docRead) noteRank(level, r int) {
	if d.ranks == nil {
		d.ranks = map[int]int{}
	}
	if _, ok := d.ranks[level]; !ok {
		d.ranks[level] = r
	}
}
