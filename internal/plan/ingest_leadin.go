package plan

import (
	"regexp"
	"strconv"
)

// A line that is only a deadline and a colon (到2030年：, 到2030年，主要目标：)
// leads in the items under it. Written at the end of an item's text, before
// the next item of the same list, it is read in that item's section — and
// the deadline the section opened with is dropped with it when the next item
// pops it, so the items it leads in kept the deadline of an earlier lead-in
// (到2027年：1.…；到2030年：2.… all due 2027). leadInDeadline finds such a
// line right before heading i; openSection gives its year to the section
// the items are opened in (the second grid, grid2_test.go).

// reLeadIn is a deadline alone on its line before a colon, a goal's label
// allowed between (normalized text: ':' for '：').
var reLeadIn = regexp.MustCompile(`^(?:力争)?到\s*(20\d\d)\s*年(?:底|末)?(?:[,，]\s*(?:主要|发展|工作|总体)?目标(?:是|为)?)?\s*:$`)

// leadInDeadline is the year of a lead-in line right before line i (blank
// lines and page markers skipped), if it is in the plan's years.
func (d *docRead) leadInDeadline(i int) *int {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		l := d.lines[j]
		if l == "" || pageMarker(l) {
			continue
		}
		m := reLeadIn.FindStringSubmatch(l)
		if m == nil {
			return nil
		}
		y, _ := strconv.Atoi(m[1])
		if s := d.doc.Period.Start; s != nil && y < *s {
			return nil
		}
		return &y
	}
	return nil
}
