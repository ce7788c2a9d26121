package plan

import (
	"strings"
	"unicode"
)

// Joining the runs of digits in a line of a spaced document (spacedDigits,
// quantity_spaced.go, decides that it is one): a run single spaces split is
// cut where a year stands beside a gap, and each part that reads as one
// number has its spaces moved in front of it — behind it where it starts
// the line (a heading's number, a date), to the line's end where it is a
// table's cell alone on its line, beside a column's spaces in a line laid
// out in columns — rune for rune, so the text's offsets hold.

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
