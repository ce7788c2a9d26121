package plan

import (
	"strings"
	"testing"
)

// Shapes of the documents heldout2–16 held (development since D144), each
// as sentences of our own (tune32-P).

// A report's chapter that joins the five years' achievements to the coming
// five years' aims is the past up to the paragraph that turns to the
// coming period, not after it.
func TestShapes32ReviewTurns(t *testing.T) {
	const text = "某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n" +
		"一、2025年工作回顾\n过去一年，全省新建公园120个。\n" +
		"二、“十四五”时期发展成就和“十五五”时期主要目标任务\n过去五年，全省新建公园500个。\n" +
		"“十五五”时期是基本实现现代化的关键时期。\n全省森林覆盖率达到45%，新建公园300个。\n" +
		"三、2026年重点工作\n今年新建公园80个。\n"
	checkReadings(t, readingsOf(t, text), "120个:proposed", "500个:proposed", "45%:asserted", "300个:asserted", "80个:asserted")
	// the proposals of the coming plan cited turn it too
	cited := strings.Replace(text, "“十五五”时期是基本实现现代化的关键时期。", "根据《中共某省委关于制定某省国民经济和社会发展第十五个五年规划的建议》，省政府编制了纲要草案。", 1)
	checkReadings(t, readingsOf(t, cited), "120个:proposed", "500个:proposed", "45%:asserted", "300个:asserted", "80个:asserted")
	// (a chapter of achievements alone stays the past)
	past := strings.Replace(text, "和“十五五”时期主要目标任务", "", 1)
	checkReadings(t, readingsOf(t, past), "120个:proposed", "500个:proposed", "45%:proposed", "300个:proposed", "80个:asserted")
}
