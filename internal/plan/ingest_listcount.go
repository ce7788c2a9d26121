package plan

import (
	"regexp"
	"strings"
)

// A count that opens a list of what it counts (2个计划新开工项目分别是：…；
// 9个项目分别为：1.…) names the items that follow; the plan's target is
// where it says the count as such (其中计划新开工2个), and the list's
// opening only restates it: proposed, not asserted (wave 19).

// reListOpening is what follows a count that opens a list: the words of
// what it counts, in the same clause, then 分别是 or 分别为 and a colon.
var reListOpening = regexp.MustCompile(`^[^，。；：,;:\n]{0,16}?分别(?:是|为)\s*[：:]`)

// listCounts proposes the counts of text that open a list of their items.
func (d *docRead) listCounts(text string) {
	if !strings.Contains(text, "分别") {
		return
	}
	rs := []rune(text)
	for k, ind := range d.doc.Indicators {
		if ind.Candidate || ind.End <= ind.Start || ind.End > len(rs) {
			continue
		}
		after := string(rs[ind.End:min(len(rs), ind.End+24)])
		if reListOpening.MatchString(after) {
			d.doc.Indicators[k].Candidate = true
		}
	}
}
