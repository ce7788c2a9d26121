package plan

import (
	"strings"
	"unicode"
)

// noteStart is 1 + the offset in the document (by pos) where a note opens
// in the paragraph nr — 注：…, 注1：…, 备注：…, 注：*… at its start or straight
// after a table's last cell the page ran into it (＞95注：…) — or -1. A
// note says how a table's figures or the text's are counted or to be read
// (口径, 折算, 测算, 不含…): the figures it gives for that are no targets of
// the plan, proposed at most (tune34-P). 0: no note.
func noteStart(nr []rune, pos []int) int {
	for i := 0; i < len(nr); i++ {
		if nr[i] != '注' || i > 0 && unicode.Is(unicode.Han, nr[i-1]) && !(nr[i-1] == '备' && (i == 1 || !unicode.Is(unicode.Han, nr[i-2]))) {
			continue
		}
		if k := i - 1 - boolInt(i > 0 && nr[i-1] == '备'); k >= 0 && strings.ContainsRune("（(【[", nr[k]) {
			continue // (建成100个（注：含改造）: a note in brackets ends there)
		}
		j := i + 1
		for j < len(nr) && (nr[j] == ' ' || isDigit(nr[j])) {
			j++
		}
		if j < len(nr) && (nr[j] == ':' || nr[j] == '：') {
			return pos[i] + 1
		}
	}
	return 0
}

// inNote reports a quantity in a note of its paragraph (noteStart).
func inNote(x *at) bool { return x.c.noteFrom > 0 && x.pos[x.q.a] >= x.c.noteFrom-1 }

// boolInt is 1 for true, 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
