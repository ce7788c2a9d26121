package plan

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A table of places (街镇, 区) whose header gives its columns' units in a
// row of their own below the words of what they count, one cell a line:
// 可回收物量 / 湿垃圾分类量 / 吨/日 / 吨/日. Each unit is its column's only
// where the counts prove it: as many units as words right above them, each
// word a short name of what is counted (no year, no figure, no unit of its
// own). The words then head columns as if written 可回收物量（吨/日）.

// unitRowHeads reads such a run of words and units starting at line j of a
// header (after a word naming the rows as places): the words with their
// units in brackets and the first line after the units; ok is false when
// the lines are no such run.
func unitRowHeads(ls []flatLine, j int) ([]string, int, bool) {
	var heads, units []string
	k := j
	for ; k < len(ls) && len(heads) <= 16; k++ { // the words
		t := strings.TrimSpace(ls[k].text)
		if t == "" {
			continue
		}
		if unitWord(t) || !countedWord(t) {
			break
		}
		heads = append(heads, t)
	}
	for ; k < len(ls) && len(units) < len(heads); k++ { // then the units, as many
		t := strings.TrimSpace(ls[k].text)
		if t == "" {
			continue
		}
		if !unitWord(t) {
			break
		}
		units = append(units, t)
	}
	next := k
	for next < len(ls) && strings.TrimSpace(ls[next].text) == "" {
		next++
	}
	if len(heads) == 0 || len(units) != len(heads) || next < len(ls) && unitWord(strings.TrimSpace(ls[next].text)) {
		return nil, 0, false // (units fewer or more than the words: which word each belongs to is not proven)
	}
	out := make([]string, len(heads))
	for n, h := range heads {
		out[n] = h + "（" + units[n] + "）"
	}
	return out, k, true
}

// countedWord reports a short name of what a column counts: two to ten
// Chinese characters, nothing else (no figure, no bracket, no sentence).
func countedWord(t string) bool {
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 10 || unitWord(t) {
		return false
	}
	return strings.IndexFunc(t, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) < 0
}

// reCaptionBracket is a caption's last bracket (各街镇科普站建设目标（个）).
var reCaptionBracket = regexp.MustCompile(`[(（]\s*([^()（）\s]{1,6})\s*[)）]\s*$`)

// captionBracketUnit is the unit a table of places by year gives in the
// brackets ending its caption, right above its header (各街镇科普站建设
// 目标（个） / 序号 / 街镇 / 2026年 …): the unit of every cell where no
// column names its own; "" if the bracket holds no unit.
func captionBracketUnit(ls []flatLine, i int, cols flatCols) string {
	if !cols.regions || slices.ContainsFunc(cols.vals, func(v flatCol) bool { return v.unit != "" }) {
		return ""
	}
	for k := i - 1; k >= 0; k-- {
		x := normalize(ls[k].text)
		if x == "" {
			continue
		}
		if m := reCaptionBracket.FindStringSubmatch(x); m != nil && unitWord(m[1]) {
			return m[1]
		}
		return ""
	}
	return ""
}
