package plan

import (
	"regexp"
	"sort"
	"unicode/utf8"
)

// A table's note (注：…, 备注：…, 注1.) under a table or a box says how its
// figures are measured, converted or sourced (森林覆盖率14.1%相当于原口径
// 19.8%): what it quantifies is the table's or the measure's, never a
// target of its own. Its readings are proposed for the reviewer, not
// asserted.

// reNoteLine is a line that opens as a note: 注 or 备注, maybe numbered,
// then a colon or a stop (a footnote's * before it).
var reNoteLine = regexp.MustCompile(`^[\s*＊]*(?:备)?注[0-9一二三四五六七八九十]*[:：.．、]`)

// tableNotes proposes, not asserts, what the document's note lines read.
func (d *docRead) tableNotes() {
	var notes [][2]int // rune spans of the note lines
	for i, l := range d.origs {
		if reNoteLine.MatchString(l) {
			notes = append(notes, [2]int{d.offs[i], d.offs[i] + utf8.RuneCountInString(l)})
		}
	}
	if len(notes) == 0 {
		return
	}
	for k, ind := range d.doc.Indicators {
		// the last note starting at or before the reading (the notes are in
		// the text's order, apart): a search, so that a text of many notes
		// and many readings stays linear
		i := sort.Search(len(notes), func(i int) bool { return notes[i][0] > ind.Start }) - 1
		if i >= 0 && ind.End <= notes[i][1] {
			d.doc.Indicators[k].Candidate = true
		}
	}
}
