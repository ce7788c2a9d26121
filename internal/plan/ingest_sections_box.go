package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A plan's boxes (专栏1　科普基础设施工程): a titled box set in the text of a
// section that lists projects, often numbered on their own (1. … 2. …). The
// box is a section of its own below the section it stands in, and its
// numbered items are sections below the box, not siblings of the items of
// the text around it; the box ends at a heading that is not its next item.

// reBox is a box's title line: 专栏, its number and its title, perhaps in
// bold or in a Markdown quote (> **专栏1　学会能力提升工程**).
var reBox = regexp.MustCompile(`^[>*# ]*专栏 ?(\d{1,2}|[一二三四五六七八九十]{1,3})?[ :]*([^ :*].*?)[* ]*$`)

// boxAt reads line i as a box's title line, if it is one: the box ranks
// with its first numbered item (it stands beside the items of that rank
// in the text around it), or below the innermost open section when its
// first line is text.
func (d *docRead) boxAt(i int) (head, bool) {
	line := d.lines[i]
	if len(d.stack) == 0 || !strings.Contains(line, "专栏") || utf8.RuneCountInString(line) > 40 || strings.ContainsAny(line, "。;，,") {
		return head{}, false
	}
	m := reBox.FindStringSubmatch(line)
	if m == nil || m[1] == "" && utf8.RuneCountInString(m[2]) < 4 {
		return head{}, false
	}
	h := head{level: d.stack[len(d.stack)-1].level + 1, number: "专栏" + m[1], rest: line[strings.Index(line, "专栏")+len("专栏"+m[1]):], ok: true, box: true}
	for j := i + 1; j < len(d.lines) && j <= i+4; j++ {
		if l := d.lines[j]; l == "" || l == ">" || pageMarker(l) {
			continue // (a Markdown quote's empty line)
		}
		if l, n, _, ok := heading(d.lines[j]); ok && firstNumber(n) && l > d.stack[0].level {
			h.level = l
		}
		break
	}
	return h, true
}

// firstNumber reports the first number of a style (一, (一), 1, (1), ①).
func firstNumber(n string) bool {
	switch strings.Trim(n, "()") {
	case "一", "1", "①":
		return true
	}
	return false
}

// pops reports whether the innermost open section closes before heading
// h of rank (rankOf): one of the same rank or below closes, except a box
// before its own next item.
func (d *docRead) pops(h head, rank int) bool {
	top := d.stack[len(d.stack)-1]
	if top.box && !h.box && top.rank == rank {
		kids := top.sec.Children
		if len(kids) == 0 {
			return !firstNumber(h.number)
		}
		return !numberAfter(kids[len(kids)-1].Number, h.number)
	}
	return top.rank >= rank
}

// quoteEnds closes a box set as a Markdown quote at line i, the first line
// of text outside the quote: what follows is the text around the box again
// (3. after a box's own 1. 2. goes on the text's 1. 2.).
func (d *docRead) quoteEnds(i int) {
	l := d.lines[i]
	if l == "" || strings.HasPrefix(l, ">") {
		return
	}
	for k := len(d.stack) - 1; k >= 0; k-- {
		if d.stack[k].quote {
			d.flush()
			d.stack = d.stack[:k]
			return
		}
	}
}
