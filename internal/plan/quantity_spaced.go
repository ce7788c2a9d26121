package plan

import (
	"strings"
	"unicode"
)

// Digits a PDF's text layer split with spaces. A font's kerning makes text
// extraction put a space inside a number (培育数据企业 1 00 家, 3 .5 万个,
// 到202 6 年); read as written, 00 家 is 0 and the year is lost. Whether a
// document does so is decided once for all of it (spacedDigits, D94's way):
// its years are split so at least twice. Then each run of digits a single
// space splits is joined on its line (joinSpacedDigits), rune for rune,
// before the line is split at headings run into it and normalized: the
// spaces move in front of the number, so "1 00 家" reads " 100 家" and
// every offset holds; a quantity read there starts where its first digit
// was written (movedSpans), in a sentence or a table's cell alike.

// spacedYearsMin is how many split years (202 5 年, 〔 202 5〕) make a
// document's digits spaced: one may be a typing slip.
const spacedYearsMin = 2

// digitRun is the run of digits, points and single spaces between them that
// starts at rune i of a line, normalized (n) and as written (o, the same
// runes one for one): where it ends and the gaps in it (each a space
// written as U+0020 between two digits or a digit and a point). A tab, a
// full-width space or two spaces end it (a layout's columns).
func digitRun(n, o []rune, i int) (end int, gaps []int) {
	j := i
	for j < len(n) {
		switch {
		case isDigit(n[j]):
			j++
		case n[j] == '.' && j > i && pointThen(n, o, j+1):
			j++
		case n[j] == ' ' && o[j] == ' ' && j > i && j+1 < len(n) && (isDigit(n[j+1]) || n[j+1] == '.' && pointThen(n, o, j+2)):
			gaps = append(gaps, j)
			j++
		default:
			return j, gaps
		}
	}
	return j, gaps
}

// pointThen reports the digits of a fraction at k, after a point (a
// single space before them allowed).
func pointThen(n, o []rune, k int) bool {
	if k < len(n) && n[k] == ' ' && o[k] == ' ' {
		k++
	}
	return k < len(n) && isDigit(n[k])
}

// runStarts reports whether a run of digits may start at rune i: not inside
// a number, a code in Latin letters (V2 0), a ratio, a date or a path.
func runStarts(n []rune, i int) bool {
	if !isDigit(n[i]) {
		return false
	}
	if i == 0 {
		return true
	}
	p := n[i-1]
	return !isDigit(p) && p != '.' && !isASCIILetter(p) && p != ':' && p != '/'
}

// yearGroup reports a group of four digits n[a:b] that is a year (19xx,
// 20xx).
func yearGroup(n []rune, a, b int) bool {
	if b-a != 4 || !(n[a] == '2' && n[a+1] == '0' || n[a] == '1' && n[a+1] == '9') {
		return false
	}
	return isDigit(n[a+2]) && isDigit(n[a+3])
}

// splitYear reports a run n[i:end] with gaps that is a year split by them
// and said as one: before 年, or inside a document number's brackets
// (〔 202 5〕, [202 5]).
func splitYear(n []rune, i, end int, gaps []int) bool {
	if len(gaps) == 0 || end-i-len(gaps) != 4 {
		return false
	}
	d := make([]rune, 0, 4)
	for k := i; k < end; k++ {
		if !isDigit(n[k]) && n[k] != ' ' {
			return false // a point: no year
		}
		if n[k] != ' ' {
			d = append(d, n[k])
		}
	}
	if !yearGroup(d, 0, 4) {
		return false
	}
	k := end
	if k < len(n) && n[k] == ' ' {
		k++
	}
	if k < len(n) && (n[k] == '年' || n[k] == '〕' || n[k] == ']' || n[k] == '】') {
		return true
	}
	k = i - 1
	if k >= 0 && n[k] == ' ' {
		k--
	}
	return k >= 0 && (n[k] == '〔' || n[k] == '[' || n[k] == '【')
}

// spacedDigits reports a document whose text layer splits digits with
// spaces: at least spacedYearsMin of its years are split so (到202 6 年,
// 〔 202 5〕 12 号). A plain document's 分别为 3 5 个 or a table's columns
// never make it one.
func spacedDigits(text string) bool {
	count := 0
	for raw := range strings.SplitSeq(text, "\n") {
		if !hasSpacedDigit(raw) {
			continue
		}
		n, o := []rune(normalize(raw)), []rune(raw)
		for i := 0; i < len(n); i++ {
			if !runStarts(n, i) {
				continue
			}
			end, gaps := digitRun(n, o, i)
			if splitYear(n, i, end, gaps) {
				if count++; count >= spacedYearsMin {
					return true
				}
			}
			i = end
		}
	}
	return false
}

// hasSpacedDigit reports a space between two digits or points in a line
// as written (Arabic or full-width): a cheap test before its runes are
// looked at.
func hasSpacedDigit(l string) bool {
	if !strings.Contains(l, " ") {
		return false
	}
	prev, space := false, false // the rune before was a digit or a point; then a space
	for _, r := range l {
		d := isDigit(r) || r >= '０' && r <= '９' || r == '.' || r == '．'
		if d && space {
			return true
		}
		space = r == ' ' && prev
		prev = d
	}
	return false
}

// joinSpacedDigits joins, in a line as written of a document whose digits
// are spaced, the runs of digits single spaces split; rune for rune, so the
// line keeps its length and the text's offsets. The spaces move in front
// of the run, or behind a heading's number, a date or a figure alone at the
// line's start (lineHead), which the line must start with. A run is cut
// where a whole year stands before a space (2025 12 号: the year and a
// number) or a year said with 年 stands after one (第 3 2026 年); a list's
// number at the line's start before a point and a space (1. 5G网络…)
// stays; a run of more than three gaps is a row of figures, not one number.
func joinSpacedDigits(raw string) string { return joinLine(raw, false) }

// joinLine is joinSpacedDigits; in a line laid out in columns (layout) a
// run is joined only where its gaps join a column's spaces.
func joinLine(raw string, layout bool) string {
	if !hasSpacedDigit(raw) {
		return raw
	}
	n, o := []rune(normalize(raw)), []rune(raw)
	start := 0 // where the line's text starts
	for start < len(n) && unicode.IsSpace(n[start]) {
		start++
	}
	changed := false
	for i := 0; i < len(n); i++ {
		if !runStarts(n, i) {
			continue
		}
		end, gaps := digitRun(n, o, i)
		if len(gaps) > 0 {
			changed = joinRun(n, o, i, end, gaps, start, layout) || changed
		}
		i = end
	}
	if !changed {
		return raw
	}
	return string(o)
}

// joinRun joins the run n[i:end] split by gaps (and the same runes of o),
// cut at the gaps a year stands beside; it reports whether it changed them.
// start is where the line's text starts.
func joinRun(n, o []rune, i, end int, gaps []int, start int, layout bool) bool {
	changed := false
	from := i // where the group before the gap starts
	var part []int
	for gi, g := range gaps {
		next := end // where the group after the gap ends
		if gi+1 < len(gaps) {
			next = gaps[gi+1]
		}
		if yearGroup(n, from, g) || yearGroup(n, g+1, next) && yearAfter(n, next) {
			changed = joinPart(n, o, i, g, part, start, layout) || changed
			i, part = g+1, nil
		} else {
			part = append(part, g)
		}
		from = g + 1
	}
	return joinPart(n, o, i, end, part, start, layout) || changed
}

// yearAfter reports 年 at k (a space before it allowed).
func yearAfter(n []rune, k int) bool {
	if k < len(n) && n[k] == ' ' {
		k++
	}
	return k < len(n) && n[k] == '年'
}

// joinPart moves the gaps of the part n[a:b] (and of o, the same runes as
// written) in front of it, if it reads as one number (digits, at most one
// point inside, no year before a point: 2025. 3 is a date); it reports
// whether it did. start is where the line's text starts.
func joinPart(n, o []rune, a, b int, gaps []int, start int, layout bool) bool {
	if len(gaps) == 0 || len(gaps) > 3 {
		return false
	}
	point := -1
	for k := a; k < b; k++ {
		if n[k] == '.' {
			if point >= 0 {
				return false
			}
			point = k
		}
	}
	if n[b-1] == '.' || point >= 0 && b-a-len(gaps) >= 5 && yearGroup(n, a, a+4) {
		return false
	}
	if a == start && n[gaps[0]-1] == '.' {
		return false // 1. 5G网络…: a list's number at the line's start and its text
	}
	back := a == start && lineHead(n, b)
	if layout {
		// in columns: the gaps join the spaces that part the run's column
		// from its neighbour's, or the run stays as it is
		before := a != start && a >= 2 && n[a-1] == ' ' && n[a-2] == ' '
		after := b == len(n) || b+1 < len(n) && n[b] == ' ' && n[b+1] == ' '
		if !before && !after {
			return false
		}
		back = !before
	} else if a == start && len(n)-b <= 4 && !hasDigitFrom(n, b) {
		// a table's cell alone on its line (202 5 年, 3 0, 1 .2 万人): the
		// gaps go to the line's end, so the cell reads as one written
		// plainly (2025 年, not 2025  年: two spaces part a layout's columns)
		for _, w := range [][]rune{n, o} {
			k, gi := a, 0
			for r := a; r < len(w); r++ {
				if gi < len(gaps) && r == gaps[gi] {
					gi++
					continue
				}
				w[k] = w[r]
				k++
			}
			for ; k < len(w); k++ {
				w[k] = ' '
			}
		}
		return true
	}
	for _, w := range [][]rune{n, o} {
		if back {
			// a heading's number, a date or a figure alone at the line's
			// start (1 0. 推进…, 202 5 年 7 月): the line starts with the
			// number as the rules that read them expect, the spaces after it
			k := a
			for r := a; r < b; r++ {
				if w[r] != ' ' {
					w[k] = w[r]
					k++
				}
			}
			for r := k; r < b; r++ {
				w[r] = ' '
			}
			continue
		}
		k := b
		for r := b - 1; r >= a; r-- {
			if w[r] != ' ' {
				k--
				w[k] = w[r]
			}
		}
		for r := a; r < k; r++ {
			w[r] = ' '
		}
	}
	return true
}

// hasDigitFrom reports a digit in n from rune k on.
func hasDigitFrom(n []rune, k int) bool {
	for ; k < len(n); k++ {
		if isDigit(n[k]) {
			return true
		}
	}
	return false
}

// lineHead reports what follows a number at a line's start at b that makes
// it a heading's number, a date's year or a figure alone: the line's end,
// a list's punctuation, 年.
func lineHead(n []rune, b int) bool {
	if b < len(n) && n[b] == ' ' {
		b++
	}
	return b >= len(n) || strings.ContainsRune(".、)）:年", n[b])
}
