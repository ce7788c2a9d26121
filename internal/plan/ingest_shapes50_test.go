package plan

import "testing"

// Wave 32's rules (tune50-T, D231), each on a text of our own.

// A total area, length or capacity given before the count it totals
// (建设总面积309万亩的12个片区, 打造总里程500公里的3条廊道) is a target beside
// the count, as a total investment is (抓好总投资2万亿元的389个项目): 总
// names the sum over the things counted, not a class each must reach; a size
// without 总 (建成面积300亩的森林公园) stays a qualifier.
func TestShapes50TotalOfCounted(t *testing.T) {
	text := "某市林草碳汇行动方案（2022—2025年）\n\n一、主要目标\n\n" +
		"到2025年，建设总面积 309 万亩的 12 个森林碳汇片区、总面积 1220 万亩的 5 个草原碳汇片区，" +
		"打造总里程 500 公里的 3 条生态廊道。建成面积 300 亩的森林公园。\n\n" +
		"二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "309万亩", "12个", "1220万亩", "5个", "500公里", "3条")
}

// A density or a yield said over an area (550万元/亩, 1万人/平方公里, 300吨/
// 万平方米) is read with its denominator, as a rate over a population is
// (2个/百万人): the unit is the pair, not the numerator alone.
func TestShapes50RateOverArea(t *testing.T) {
	text := "某市城乡建设绿色低碳行动方案（2022—2030年）\n\n一、主要目标\n\n" +
		"到2030年，开发区工业用地产出强度达到550万元/亩以上，组团内平均人口密度不超过1.5万人/平方公里，" +
		"新建建筑施工现场建筑垃圾排放量不高于300吨/万平方米。\n\n" +
		"二、保障措施\n\n加强组织领导。\n"
	wantAsserted(t, text, "550万元/亩", "1.5万人/平方公里", "300吨/万平方米")
}

// A mass in grams said over a unit (煤耗下降至300克/千瓦时, 有机质含量28克/千克)
// is a quantity in 克/千瓦时 or 克/千克; 克 with no slash after it stays
// none (攻克, 克服), and so does a qualifier (对煤耗在300克标准煤/千瓦时以上的机组).
func TestShapes50GramsOverUnit(t *testing.T) {
	text := "某省电力支撑能力提升行动方案（2022—2025年）\n\n一、主要目标\n\n" +
		"到2025年，全省火电机组平均供电煤耗下降至300克/千瓦时以内，耕地土壤有机质平均含量达到28克/千克。\n\n" +
		"二、重点任务\n\n对供电煤耗在305克标准煤/千瓦时以上的煤电机组，加快改造。攻克3项关键技术。\n"
	wantAsserted(t, text, "300克/千瓦时", "28克/千克", "3项")
}
