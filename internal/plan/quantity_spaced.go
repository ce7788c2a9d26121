package plan

import "strings"

// Digits a PDF's text layer split with spaces. A font's kerning makes text
// extraction put a space inside a number (培育数据企业 1 00 家, 3 .5 万个,
// 到202 6 年); read as written, 00 家 is 0 and the year is lost. Whether a
// document does so is decided once for all of it (spacedDigits, D94's way):
// its years are split so at least twice. Then each run of digits a single
// space splits is joined on its line (joinSpacedDigits, in
// quantity_spaced_join.go), rune for rune, before the line is split at
// headings run into it and normalized: the spaces move in front of the
// number, so "1 00 家" reads " 100 家" and every offset holds; a quantity
// read there starts where its first digit was written (movedSpans), in a
// sentence or a table's cell alike.

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
