package plan

import "testing"

// Shapes of the documents heldout2–16 held (development since D144), each
// as sentences of our own (tune33-P).

// A bare count in 万 straight before the people it counts (教师, 群体,
// 孕产妇, 用户 after a level it does not change) is a headcount; one that
// opens the name of a programme (10万大学生…计划) is no count.
func TestShapes33Sentences(t *testing.T) {
	const head = "某市民生实事工作方案\n一、主要任务\n"
	checkSentences(t, head, []sentenceCase{
		{"到2030年，提高800万中小学教师待遇。", "800 ×10000 = - 2030"},
		{"到2030年，为50万重点群体提供就业帮扶。", "50 ×10000 = - 2030"},
		{"到2030年，全市20万以上参保孕产妇产前检查费用零自付。", "20 ×10000 >= - 2030"},
		{"到2030年，再解决3000万人安全饮水问题，增加300万沼气用户。", "3000 人×10000 = - 2030 | 300 ×10000 = - 2030"},
		{"到2030年，实施5万大学生职业体验计划。", ""},
		// weeks a time is brought down to are a level, as days are; a
		// week's anniversary or a duration is none
		{"到2030年，将审查时间压缩至4周以内。", "4 周 <= - 2030"},
		{"到2030年，举办建校100周年庆典。", ""},
		// a change beside the level it changes, after 、
		{"2030年拟安排专项债券2万亿元、比上年增加500亿元。", "2 元×1e+12 = - 2030 | ? 500 元×1e+08 = - 2030"},
	})
}
