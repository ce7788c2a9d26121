package plan

import "strings"

// choosesToFund reports 择优 that picks whom a subsidy goes to (择优支持,
// 择优扶持, 择优奖励): a word of a subsidy. 择优 that picks what is done or
// kept (择优确定战略备用机组, 择优推荐申报, 择优评选) funds nothing (tune34-P).
func choosesToFund(s string) bool {
	for rest := s; ; {
		i := strings.Index(rest, "择优")
		if i < 0 {
			return false
		}
		rest = rest[i+len("择优"):]
		if has(rest[:min(len(rest), 12)], []string{"支持", "扶持", "奖励", "补助", "资助", "奖补", "补贴"}) {
			return true
		}
	}
}
