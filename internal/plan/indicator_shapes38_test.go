package plan

import "testing"

// A comparator after a unit per year (20万吨/年以上, 10万吨／年以上) bounds
// the quantity, as after any unit (tune38-T).
func TestShapes38PerYearComparator(t *testing.T) {
	checkSentences(t, "某市氢能产业发展规划\n一、发展目标\n", []sentenceCase{
		{"到2030年，全市氢能供应能力达到20万吨/年以上。", "20 吨×10000 >= year 2030"},
		{"到2030年，工业副产氢产能10万吨／年以上。", "? 10 吨×10000 >= year 2030"},
		{"到2030年，污水处理能力控制在5万吨/年以下。", "? 5 吨×10000 <= year 2030"},
	})
}

// A count said over a stretch or an area with a number of its own
// (1个/5公里, 1个/5平方公里) is one rate: the denominator's number is no
// quantity of its own (tune38-T).
func TestShapes38NumberedDenominator(t *testing.T) {
	checkSentences(t, "某市水系统治理规划\n一、发展目标\n", []sentenceCase{
		{"到2030年，排水管渠监测点位密度达1个/5公里。", "1 个/5公里 = - 2030"},
		{"到2030年，供水管网压力监测点密度达1个/5平方公里。", "1 个/5平方公里 = - 2030"},
	})
}

// The area of a zone a plan names as where something is carried (以…约2平方
// 公里区域为主要承载区) is the zone's size, no target; an area to build is
// one (tune38-T).
func TestShapes38CarrierZone(t *testing.T) {
	checkSentences(t, "某区发展纲要\n一、主要任务\n", []sentenceCase{
		{"到2030年，以经开区某分区约2平方公里区域为主要承载区，集聚企业200家。", "200 家 = - 2030"},
		{"到2030年，以新城约550亩区域为主要承载区，建成产业园。", ""},
		{"到2030年，新建绿地约2平方公里。", "2 平方公里 approx - 2030"},
	})
}

// A rank (前30位) is proposed, also where a PDF set spaces around its
// number (前 30 位企业; tune38-T).
func TestShapes38SpacedRank(t *testing.T) {
	checkSentences(t, "某部门行动方案\n一、主要目标\n", []sentenceCase{
		{"到2025年，产业集中度前 30 位企业达到75%。", "? 30 位 = - 2025 | 75 % = - 2025"},
	})
}
