package plan

// chooseVerbs ask each unit to pick so many of something.
var chooseVerbs = []string{"选择", "明确", "确定", "选取", "聚焦"}

// eachUnits name the units a plan asks (各区县, 每个区, 各地, 区县).
var eachUnits = []string{"各区县", "各区", "各县", "各地", "各市", "每个区", "每个县", "每个", "区县", "各部门", "各单位"}

// eachChooses reports a small range of things each unit is asked to pick
// (鼓励各区县选择1—2个重点发展领域, 引导区县明确1—2个细分领域): how the plan
// asks them to focus, no count the plan sets. Proposed.
func eachChooses(ns []rune, q quantity) bool {
	if !q.isRange || q.high > 5 || q.base != "个" && q.base != "项" && q.base != "类" {
		return false
	}
	chooses := false
	for _, v := range chooseVerbs {
		chooses = chooses || endsAt(ns, q.beforeCmp, v)
	}
	return chooses && hasAnyIn(ns, 0, q.a, eachUnits)
}
