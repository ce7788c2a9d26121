package plan

import "math"

// bracketBreakdown reports a figure in brackets right after a total of the
// same unit whose parts the bracket lists, their figures summing to it
// (岸线长度52公里（干流4公里、支流48公里）): the parts of what the total's
// verb does, which it governs as well — not a note that says what a thing
// is (总长50公里). open is the bracket's opening rune.
func bracketBreakdown(rs []rune, open int, q quantity) bool {
	k := open
	for k > 0 && rs[k-1] == ' ' {
		k--
	}
	// the total: digits, then its unit, right before the bracket
	s := k
	for s > 0 && k-s < 24 && !isDigit(rs[s-1]) {
		s--
	}
	e := s
	for s > 0 && (isDigit(rs[s-1]) || rs[s-1] == '.') {
		s--
	}
	if s == e || s > 0 && (rs[s-1] == '.' || isDigit(rs[s-1])) {
		return false
	}
	total, ok := readQuantity(rs, s)
	if !ok || total.after != k && total.b != k || total.base != q.base || total.isRange || q.isRange {
		return false
	}
	// the parts: every figure of the bracket, of that unit, until it closes
	sum, n := 0.0, 0
	for i := open + 1; i < len(rs) && i < open+120; i++ {
		switch {
		case rs[i] == ')':
			return n >= 2 && math.Abs(sum-total.value*total.mult) < 1e-6*math.Max(1, sum)
		case rs[i] == '(' || rs[i] == '。' || rs[i] == ';' || rs[i] == '；':
			return false
		case isDigit(rs[i]) && mayStartQuantity(rs, i):
			p, ok := readQuantity(rs, i)
			if !ok || p.base != q.base || p.isRange {
				return false
			}
			sum += p.value * p.mult
			n++
			i = p.b - 1
		}
	}
	return false
}
