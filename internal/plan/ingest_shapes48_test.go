package plan

import "testing"

// Wave 30's rules (tune48-T, D222), each on a text of our own.

// A count of places a clause opening with 在 reaches is a target when
// something is set up or provided there (在1200个小区设置…, 在80家社区卫生
// 服务中心提供…), as when something is built there (在30个县建设…); the
// scope of a named place stays none (在12个领域开展…).
func TestShapes48PlacesSetUp(t *testing.T) {
	text := "某市2025年民生实事任务清单\n\n一、社区服务\n\n" +
		"1.2025年推进生活垃圾分类，在1200个小区设置智能回收设施。\n\n" +
		"2.完善基层医疗服务，所有区级医院开设康复门诊，在80家社区卫生服务中心提供中医药服务。\n\n" +
		"3.深化数字化应用，在12个领域开展场景创新。\n\n二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "1200个", "80家")
}

// A capacity a clause adds (新增…日处理能力15万立方米、垃圾日处理能力800吨) is
// the total added across plants, in the plain unit, as development data
// labels it; one plant's capacity per day (一座日转运能力300吨的…站) stays in
// 吨/日.
func TestShapes48CapacityAdded(t *testing.T) {
	text := "某市水环境治理三年行动方案\n\n一、主要目标\n\n" +
		"到2026年，新增城镇污水日处理能力15万立方米、垃圾日处理能力800吨，新建一座日转运能力300吨的垃圾转运站。\n\n" +
		"二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "15万立方米", "800吨", "300吨/日")
}

// A quantity inside 在…的基础上 is what the plan builds on, not a target
// (在继续支持…等8个重点领域设备更新的基础上，…); a target after the phrase
// stands.
func TestShapes48BuildsOn(t *testing.T) {
	text := "某省推动大规模设备更新行动方案\n\n一、加力支持设备更新\n\n" +
		"（一）扩大支持范围。2025年超长期特别国债资金将在继续支持工业、交通运输、教育、医疗、文旅等8个重点领域设备更新的基础上，" +
		"将支持范围进一步扩展至电子信息、安全生产等领域，重点支持智能化设备应用。\n\n" +
		"（二）提高更新比例。2025年重点行业设备更新比例在2024年的基础上提高到30%以上。\n\n二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "30%")
}

// A bare count in 万 after the people it counts and a verb of change
// (常住人口分别新增50万) is a headcount, as 新增人口50万 is.
func TestShapes48PeopleThenVerb(t *testing.T) {
	text := "某省新型城镇化规划\n\n一、发展目标\n\n" +
		"到2030年，推进以县城为重要载体的城镇化建设，中心城市和县城常住人口分别新增50万。\n\n二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "50万")
}

// One thing for each unit a clause names with 各 (各区县基本建成一个…, 在城东、
// 城西各新建一个…) is a standard of coverage, as 每个县至少建成一个 is; the
// word 一 elsewhere (形成一个…格局) stays none.
func TestShapes48OneForEachUnit(t *testing.T) {
	text := "某市生态环境保护规划\n\n一、主要目标\n\n" +
		"到2027年，各区县基本建成一个生活垃圾资源化利用中心，在城东、城西各新建一个污水处理厂，形成一个绿色低碳的发展格局。\n\n" +
		"二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "1个", "1个")
}
