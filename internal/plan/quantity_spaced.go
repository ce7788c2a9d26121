package plan

import "unicode"

// Digits a PDF's text layer split with spaces. A font's kerning makes text
// extraction put a space inside a number (培育数据企业 1 00 家, 3 .5 万个,
// 到202 6 年); read as written, 00 家 is 0 and the year is lost. Whether a
// document does so is decided once for all of it (spacedDigits, D94's way):
// its years are split so at least twice. Then each run of digits a single
// space splits is joined on its line (joinSpacedDigits), rune for rune: the
// spaces move in front of the number, so "1 00 家" reads " 100 家" and every
// offset holds; a quantity read there starts where its first digit was
// written (movedGapStart).

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
func spacedDigits(lines, origs []string) bool {
	count := 0
	for li, l := range lines {
		if len(l) < 5 || !hasSpacedDigit(l) {
			continue
		}
		n, o := []rune(l), []rune(origs[li])
		if len(n) != len(o) {
			continue
		}
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

// hasSpacedDigit reports a digit followed by a space in l: a cheap test
// before the line's runes are looked at.
func hasSpacedDigit(l string) bool {
	for i := 0; i+1 < len(l); i++ {
		if l[i] >= '0' && l[i] <= '9' && l[i+1] == ' ' || l[i] == ' ' && l[i+1] >= '0' && l[i+1] <= '9' && i > 0 && (l[i-1] >= '0' && l[i-1] <= '9' || l[i-1] == '.') {
			return true
		}
	}
	return false
}

// joinSpacedDigits joins, in each normalized line of a document whose
// digits are spaced, the runs of digits single spaces split: the spaces
// move in front of the run (rune for rune). A run is cut where a whole year
// stands before a space (2025 12 号: the year and a number) or a year said
// with 年 stands after one (第 3 2026 年); a list's number at the line's
// start before a point and a space (1. 5G网络…) stays; a run of more than
// three gaps is a row of figures, not one number.
func joinSpacedDigits(lines, origs []string) {
	for li, l := range lines {
		if !hasSpacedDigit(l) {
			continue
		}
		n, o := []rune(l), []rune(origs[li])
		if len(n) != len(o) {
			continue
		}
		changed := false
		for i := 0; i < len(n); i++ {
			if !runStarts(n, i) {
				continue
			}
			end, gaps := digitRun(n, o, i)
			if len(gaps) > 0 {
				changed = joinRun(n, i, end, gaps) || changed
			}
			i = end
		}
		if changed {
			lines[li] = string(n)
		}
	}
}

// joinRun joins the run n[i:end] split by gaps, cut at the gaps a year
// stands beside; it reports whether it changed n.
func joinRun(n []rune, i, end int, gaps []int) bool {
	changed := false
	from := i // where the group before the gap starts
	var part []int
	for gi, g := range gaps {
		next := end // where the group after the gap ends
		if gi+1 < len(gaps) {
			next = gaps[gi+1]
		}
		if yearGroup(n, from, g) || yearGroup(n, g+1, next) && yearAfter(n, next) {
			changed = joinPart(n, i, g, part) || changed
			i, part = g+1, nil
		} else {
			part = append(part, g)
		}
		from = g + 1
	}
	return joinPart(n, i, end, part) || changed
}

// yearAfter reports 年 at k (a space before it allowed).
func yearAfter(n []rune, k int) bool {
	if k < len(n) && n[k] == ' ' {
		k++
	}
	return k < len(n) && n[k] == '年'
}

// joinPart moves the gaps of the part n[a:b] in front of it, if it reads as
// one number (digits, at most one point inside); it reports whether it did.
func joinPart(n []rune, a, b int, gaps []int) bool {
	if len(gaps) == 0 || len(gaps) > 3 {
		return false
	}
	points := 0
	for k := a; k < b; k++ {
		if n[k] == '.' {
			points++
		}
	}
	if points > 1 || n[b-1] == '.' {
		return false
	}
	if a == 0 && n[gaps[0]-1] == '.' {
		return false // 1. 5G网络…: a list's number at the line's start and its text
	}
	k := b
	for r := b - 1; r >= a; r-- {
		if n[r] != ' ' {
			k--
			n[k] = n[r]
		}
	}
	for r := a; r < k; r++ {
		n[r] = ' '
	}
	return true
}

// movedGapStart is where a quantity read at a starts as written: before
// the spaces joinSpacedDigits moved in front of its number (ns has a
// space where os, the text as written, has none).
func movedGapStart(ns, os []rune, a int) int {
	for a > 0 && a <= len(os) && ns[a-1] == ' ' && !unicode.IsSpace(os[a-1]) {
		a--
	}
	return a
}
