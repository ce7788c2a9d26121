package plan

import (
	"strings"
	"unicode/utf8"
)

// A page saved as Markdown whose headings carry no number (## 总体要求,
// ### 指导思想): when nothing in the document is numbered, its Markdown
// headings are its sections, ranked by their marks, so the plan is read
// rather than refused (ErrNoStructure). Where anything is numbered, the
// numbers alone make the sections, as the corpus labels them.

// markdownTop is the level of the top Markdown headings of a document
// (the fewest #s written on two lines or more, a page's title written once
// with fewer left out), or 0 when fewer than two lines are headings.
func markdownTop(lines []string) int {
	var count [7]int
	for _, l := range lines {
		if k := markdownMarks(l); k > 0 {
			count[k]++
		}
	}
	for k := 1; k <= 6; k++ {
		if count[k] >= 2 {
			return k
		}
	}
	return 0
}

// markdownMarks is the number of #s of a Markdown heading line (## 标题),
// or 0.
func markdownMarks(l string) int {
	k := 0
	for k < len(l) && k < 7 && l[k] == '#' {
		k++
	}
	if k == 0 || k > 6 || k == len(l) || l[k] != ' ' || strings.TrimSpace(l[k:]) == "" {
		return 0
	}
	return k
}

// markdownHeading is line as an unnumbered heading when it has top or more
// #s: ranked by its marks (above every numbering style, which may run
// below it), its title its number in the section path (at most 12
// characters).
func markdownHeading(line string, top int) head {
	k := markdownMarks(line)
	if k < top {
		return head{}
	}
	rest := strings.TrimLeft(line[k:], " ")
	t := titleOf(rest)
	if t == "" {
		return head{}
	}
	if utf8.RuneCountInString(t) > 12 {
		t = string([]rune(t)[:12])
	}
	return head{level: k - 10, number: t, rest: rest, ok: true}
}
