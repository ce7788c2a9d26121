package plan

import "strings"

// A small reading of a phrase batch 190 wrote (tune29), kept apart from
// the grammar's files: a bound a verb of achieving sets before the noun it
// bounds.

// achieveVerbs achieve a state a bound before its noun sets.
var achieveVerbs = []string{"实现", "达到", "保持"}

// boundWordsBefore are the comparator words of a bound said before its number.
var boundWordsBefore = []string{"不高于", "不超过", "不低于", "不少于", "低于", "高于", "超过"}

// boundAchieved reports a bound said with its comparator word right after
// a verb of achieving, before the noun it bounds (实现不高于5ms的时延; with
// what it is a multiple of between: 实现不高于理论时延1.5倍的直连网络传输):
// what the plan achieves, not a qualifier of a class. The comparator stands
// a few words before the number, no punctuation between.
func boundAchieved(ns []rune, q quantity) bool {
	from := max(0, q.a-10)
	for k := q.a - 1; k >= from; k-- {
		if strings.ContainsRune("，,。；;、:：", ns[k]) {
			return false
		}
		for _, w := range boundWordsBefore {
			if !hasAt(ns, k, w) {
				continue
			}
			for _, v := range achieveVerbs {
				if endsAt(ns, k, v) {
					return true
				}
			}
		}
	}
	return false
}
