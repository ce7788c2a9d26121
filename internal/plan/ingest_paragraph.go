package plan

import (
	"regexp"
	"strings"
)

// paragraph is the text of one paragraph, normalized (nb) and as written
// (ob), with the offset in the document of each rune.
type paragraph struct {
	nb, ob []rune
	pos    []int
	ctx    lineCtx
	open   **int // where a deadline opening the paragraph is kept for its section
}

func (p *paragraph) add(nb, ob string, base int) {
	n, o := []rune(nb), []rune(ob)
	if len(n) != len(o) {
		return
	}
	for i := range n {
		p.pos = append(p.pos, base+i)
	}
	p.nb, p.ob = append(p.nb, n...), append(p.ob, o...)
}

// continues reports whether the next line carries on the paragraph: the
// text so far stops inside a sentence.
func (p *paragraph) continues() bool {
	if len(p.nb) == 0 {
		return false
	}
	return !strings.ContainsRune("。;!?！？:)", p.nb[len(p.nb)-1])
}

var rePageMarker = regexp.MustCompile(`^(?:[-—–\s]*\d{1,3}[-—–\s]*|页码[:：]?\s*\d+\s*/\s*\d+.*|第\s*\d+\s*页.*)$`)

// pageMarker reports a line that only numbers a page (— 2 —, - 10 -, 页码：3/9).
func pageMarker(line string) bool { return len(line) < 40 && rePageMarker.MatchString(line) }

func isHeadingLine(l string) bool { _, _, _, ok := heading(l); return ok }
