package plan

import (
	"strings"
	"testing"
)

// whyNot reads a sentence of a plan's tasks (a plan of 2026–2030) the way
// sentence does and says, for each quantity, the rule of notTargets that
// drops it, "proposed: " and the proposal that makes it a candidate, or
// "target".
func whyNot(sentence string) string {
	start, end := 2026, 2030
	return whyNotIn(sentence, &lineCtx{section: []string{"二"}, planStart: &start, within: &start, deadline: &end})
}

// whyNotIn is whyNot for a sentence read in the line context c.
func whyNotIn(sentence string, c *lineCtx) string {
	ns := []rune(normalize(sentence))
	pos := make([]int, len(ns))
	var r sentenceRead
	r.readCues(ns, ns, pos, c.deadline, c, false)
	r.readPeriod()
	r.readYears()
	var got []string
	eachQuantity(ns, func(q quantity) {
		x := r.at(q)
		switch rule := notTargetOf(x); {
		case rule != nil:
			got = append(got, rule.name)
			if rule.baseline != nil {
				r.baseline = rule.baseline(x)
			}
		case proposedBy(x) != "":
			got = append(got, "proposed: "+proposedBy(x))
			r.target(x)
		default:
			got = append(got, "target")
			r.target(x)
		}
	})
	return strings.Join(got, " | ")
}

// The rules a quantity is dropped or proposed by, named, in the order
// they are tried: a rule earlier in notTargets decides before a later one.
func TestNotTargetRules(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"支持35岁以下青年人才开展研究，培养人才100名。", "an age | target"},
		{"执行0.3元/立方米的配气价格。", "a price, a notice, a rate raised"},
		{"建设大学科技园(园区面积2000亩)。", "a note in brackets"},
		{"开展十项行动，新建科普馆5座。", "the plan's own parts | target"},
		{"事故造成8人死亡。", "a place's name, a toll, a fine, a procedure's limit, a ban"},
		{"每个学会每年最多支持3个项目。", "a cap, a rate or price charged"},
		{"科技馆由目前的10座增加到20座。", "a baseline (由…, 从…) | target"},
		{"以2025年的3000名为基数，培养人才5000名。", "the base of a growth | target"},
		{"对研发投入超过1000万元的企业，给予最高500万元奖励。", "a qualifier | a subsidy or reward"},
		{"全市新增了120个科普站。", "proposed: what was done"},
		{"每场活动参与人数不少于50人。", "proposed: a floor for each event"},
	}
	for _, tt := range tests {
		if got := whyNot(tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
		// whyNot keeps to what sentence reads
		ns := []rune(normalize(tt.sentence))
		start, end := 2026, 2030
		var r sentenceRead
		inds := sentence(&r, ns, ns, make([]int, len(ns)), &end, &lineCtx{section: []string{"二"}, planStart: &start, within: &start, deadline: &end}, false)
		kept := strings.Count(tt.want, "target") + strings.Count(tt.want, "proposed: ")
		if len(inds) != kept {
			t.Errorf("%s: sentence reads %d targets, whyNot %d", tt.sentence, len(inds), kept)
		}
	}
}
