package plan

import "testing"

// A share written as the qualifier of the rate it is the value of
// (达到50%以上的参与率) is that rate's level, not a class's threshold
// (tune39-T).
func TestShapes39RateValue(t *testing.T) {
	checkSentences(t, "某市科协事业发展规划\n一、发展目标\n", []sentenceCase{
		{"到2020年，市级学会达到50%以上的参与率。", "50 % >= - 2020"},
		{"到2025年，基层科普设施保持90%的覆盖率。", "90 % = - 2025"},
		{"到2025年，对营业收入增长20%以上的企业给予奖励。", ""},
	})
}

// A count of services rendered (1500万人次以上的职工技能培训) names no
// class of bodies: it is the count itself (tune39-T).
func TestShapes39ServiceCount(t *testing.T) {
	checkSentences(t, "某省就业促进方案\n一、主要任务\n", []sentenceCase{
		{"到2025年，用于1500万人次以上的职工技能提升培训。", "1500 人次×10000 >= - 2025"},
		{"到2025年，对吸纳100人以上的企业给予奖励。", ""},
		{"在日均客流1万人次以上的站点配置无障碍设施。", ""},
	})
}

// A list sharing a verb that brings bodies to the plan's work: a count
// with a floor after 邀请, and a share of bodies that take part
// (邀请10个以上的省级学会来滁、50%以上的市级学会参加; tune39-T).
func TestShapes39InvitedList(t *testing.T) {
	checkSentences(t, "某市科协事业发展规划\n一、发展目标\n", []sentenceCase{
		{"到2020年，力争邀请10个以上的省级学会来本市、50%以上的市级学会参加。", "10 个 >= - 2020 | 50 % >= - 2020"},
		{"到2020年，60%以上的县级学会参与科普活动。", "60 % >= - 2020"},
		{"对年营业收入1亿元以上的企业给予支持。", ""},
	})
}

// One round of an event held every so often (每两年举办一期…评选) counts
// as 每两年举办一次 does; a phase of a project (一期工程) stays no count
// (tune39-T).
func TestShapes39RoundPerPeriod(t *testing.T) {
	checkSentences(t, "某市科协事业发展规划\n二、主要任务\n", []sentenceCase{
		{"每两年举办一期全市优秀学术论文评选工作。", "1 期 = two-years 0"},
		{"每年开展一期青年科技人才培训班。", "1 期 = year 0"},
		{"建设科技园一期工程。", ""},
	})
}
