package plan

import "testing"

// A magnitude after 超过 that ends its clause is a size said without its 1
// (产业规模超过千亿元); one before the noun it counts (超过万家企业运用…)
// counts whom the plan reaches (tune28).
func TestImpliedOneAfterChaoguo(t *testing.T) {
	const head = "某市氢能产业发展行动方案(2026-2030年)\n一、发展目标\n"
	checkReadings(t, readingsOf(t, head+"到2029年，氢能产业链规模超过万亿元，加氢站超过百座。"), "万亿元:asserted", "百座:asserted")
	checkReadings(t, readingsOf(t, head+"引导全市超过万家中小企业使用绿色电力。"))
}

// A year named as the base a change is measured from (与2022年相比) is no
// year of the past: the changes after it, in later clauses too, are the
// plan's targets; a sentence that opens with a past year still reports
// (tune28).
func TestComparedWithBaseYear(t *testing.T) {
	const head = "某省2024—2026年建筑节能行动方案\n二、重点任务\n"
	checkReadings(t, readingsOf(t, head+"与2022年相比，2026年公共建筑单位面积能耗下降6%左右，新建建筑中装配式建筑占比提高8个百分点以上。"),
		"6%:asserted", "8个百分点:asserted")
	checkReadings(t, readingsOf(t, head+"到2026年底，既有建筑节能改造面积达到300万平方米；同2023年底相比，可再生能源替代率提高2个百分点。"),
		"300万平方米:asserted", "2个百分点:asserted")
	checkReadings(t, readingsOf(t, head+"2022年，全省新建绿色建筑面积3000万平方米。"), "3000万平方米:proposed")
}
