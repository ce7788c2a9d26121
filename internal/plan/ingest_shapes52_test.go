package plan

import "testing"

// Wave 34's rules (tune52-T, D237), each on a text of our own.

// A capability formed whose size is a share of a base named after 占
// (形成占年度最大用电负荷5%左右的需求响应能力) is the capability the plan
// sets, as 具备5%以上的…能力 is; a size before 的 that picks out a kind
// (对年营收1亿元以上的企业) stays a qualifier.
func TestShapes52ShareFormed(t *testing.T) {
	text := "某市电力发展规划（2021—2025年）\n\n一、主要目标\n\n" +
		"到2025年，全市形成占年度最大用电负荷 5%左右的需求响应能力，逐步形成占最大负荷3%以上的需求侧调节能力，" +
		"对年营收1亿元以上的企业给予支持。\n\n二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "5%", "3%")
}
