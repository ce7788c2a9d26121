package plan

import (
	"strings"
	"unicode/utf8"
)

// A text converted with every 。 removed (a PDF's text as an exercise kept
// it, D195) sets a sentence on each line and ends none: a paragraph that
// runs on past a line's end would join its sentences with no stop between
// them (…的方针五年新增石油探明储量三十八亿吨: one clause). There each line
// ends its sentence.

// lineSentences reports a text whose lines are its sentences, their stops
// removed: of its prose lines (8 runes or more), at least 100 and not one
// in a hundred ends on a stop or a comma — a page broken at its width, or
// by hand, ends lines on them — and its lines were broken at no one width.
func lineSentences(lines []string, wrapW int) bool {
	if wrapW > 0 {
		return false
	}
	prose, stopped := 0, 0
	for _, l := range lines {
		if utf8.RuneCountInString(l) < 8 {
			continue
		}
		prose++
		if last, _ := utf8.DecodeLastRuneInString(l); strings.ContainsRune("。.;；!?！？:：，,、", last) {
			stopped++
		}
	}
	return prose >= 100 && 100*stopped < prose
}
