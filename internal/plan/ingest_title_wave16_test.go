package plan

import "testing"

// A chapter titled with what a span of time past brought (“十四五”期间发展成果)
// reviews: its figures are proposed, not asserted, as under 发展基础. A
// title of sharing results (共享发展成果) names no period: a task, whose
// figures stay targets.
func TestPeriodResultsTitle(t *testing.T) {
	checkSentences(t, "", []sentenceCase{
		{ // the period's results
			"某市住房发展“十五五”规划\n\n一、“十四五”期间发展成果\n\n（一）住房租赁体系加快构建\n\n通过集中新建等方式，多渠道筹措租赁房源。建设筹措各类租赁住房约70万套（间），其中，新建和转化租赁住房40万套（间）。\n\n" +
				"（二）小区治理\n\n推动1691个小区物业费调价,完成4133个小区雨污混接改造。\n\n二、发展目标\n\n到2030年，新增租赁住房40万套。",
			"? 70 套×10000 approx - 2030 | ? 40 套×10000 = - 2030 | ? 1691 个 = - 2030 | ? 4133 个 = - 2030 | 40 套×10000 = - 2030"},
		{ // a task of sharing results
			"某市住房发展“十五五”规划\n一、推动共享发展成果\n到2030年，新增租赁住房40万套。",
			"40 套×10000 = - 2030"},
	})
}
