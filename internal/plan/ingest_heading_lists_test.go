package plan

import (
	"strings"
	"testing"
)

// Numbered lines that are items of a list, not headings, and those that
// stay headings though they look like items (listItem).
func TestListItemsNotHeadings(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{{
		name: "a colon's list of sentences",
		text: "某市科协科普工作方案（2026—2027年）\n一、主要任务\n到2027年，重点做好以下工作：\n" +
			"（1）在全市社区开展科普讲座，每个社区每年不少于4场；\n（2）依托科技馆开展研学活动，服务学生\n2万人次；\n（3）培训科普志愿者300名。\n" +
			"（二）加强保障\n市财政安排经费。\n",
		want: "1 一 主要任务 | 2 (二) 加强保障",
	}, {
		name: "a line that lists its items",
		text: "某市学会管理办法（2026年）\n一、成立条件\n（一）基本要求\n（1）有规范的名称；（2）有固定的住所；（3）有专职工作人员。\n",
		want: "1 一 成立条件 | 2 (一) 基本要求",
	}, {
		// items with a title before a colon, or a clause that is the whole
		// item, stay headings after a colon (as the corpus labels them)
		name: "titled items after a colon",
		text: "某市科技标准体系建设方案（2026—2028年）\n一、重点任务\n1．全流程标准\n围绕关键环节，重点包括：\n" +
			"（1）研发设计：规范协同研发模式；\n（2）生产制造：明确过程控制标准；\n二、组织实施\n会议的主要任务是：\n（一）讨论决定重大事项；\n（二）部署重要工作。\n",
		want: "1 一 重点任务 | 2 1 全流程标准 | 3 (1) 研发设计 | 3 (2) 生产制造 | 1 二 组织实施 | 2 (一) 讨论决定重大事项 | 2 (二) 部署重要工作",
	}} {
		if got := sectionsOf(t, c.text); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

// 1. and (1) run into a line only in their sequence and with a title: a
// decimal, a number out of sequence, a table's row and a list after a
// colon stay text.
func TestArabicRunInGuards(t *testing.T) {
	text := "某区科协工作方案（2026—2027年）\n一、工作目标\n容载比提升至1.86。2.5亿元资金全部到位。完成任务的90%。5.加强宣传。\n" +
		"| 1 | 政策名称 | 补贴标准。2、对新购车辆给予补贴。3、延续政策。 |\n" +
		"二、重点任务 主要包括：1.完善制度；2.强化考核。\n"
	if got, want := sectionsOf(t, text), "1 一 工作目标 | 1 二 重点任务"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var seq runInSeq
	got := runInHeadings("（二）发展科普基地 1.新认定科普基地。每年认定10个。（1）开展评估。每两年一次。（3）加强培训。", nil, &seq)
	if want := []string{"（二）发展科普基地 ", "1.新认定科普基地。每年认定10个。", "（1）开展评估。每两年一次。（3）加强培训。"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("pieces\n got %q\nwant %q", got, want)
	}
}

// A style met first straight below a style ranked lower ranks below it in
// that document, but not after text, and not a box's own items.
func TestRankOfGuards(t *testing.T) {
	text := "某市科协工作要点（2027年）\n（一）学会建设\n新建学会5个。\n（二）科学普及\n开展科普活动100场。\n附件1\n重点任务分工\n一、学会建设\n1.新建学会\n"
	if got, want := sectionsOf(t, text), "1 (一) 学会建设 | 1 (二) 科学普及 | 1 附件1 重点任务分工 | 1 一 学会建设 | 2 1 新建学会"; got != want { // (附件1 a section of its own: D137)
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// A chapter runs into a line only with a space after it; 一、 after a title
// and a space only when what comes before is a heading's short title.
func TestChapterRunInGuards(t *testing.T) {
	text := "某市科普规划（2026—2030年）\n第一章 发展基础 全市建成科技馆5座，详见第二章。第三章规定的任务由市科协负责。" +
		"全市一、二级学会达到50个。 第二章 总体要求 坚持公益属性，面向公众开放。科技馆 一、二层对外开放。\n"
	if got, want := sectionsOf(t, text), "1 第一章 发展基础 | 1 第二章 总体要求"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// 一、 and (一) after a bare space are headings only as the next number of
// their style, not after a clause's punctuation, and with a title that
// starts with a word (not a particle).
func TestSpacedRunInGuards(t *testing.T) {
	for _, c := range []struct{ text, want string }{{
		"某市充电设施方案（2026—2027年）\n一、重点任务 （一）科学布局 建成充电站 400 座 （三）提升运营 接入平台 100 座" +
			" （二）为本年度新增 建成 20 座 （二）合理选址 每街道 3 座 二、保障措施 加强用地保障\n",
		"1 一 重点任务 | 2 (一) 科学布局 | 2 (二) 合理选址 | 1 二 保障措施 加强用地保障",
	}, {
		"某市充电设施方案（2026—2027年）\n一、重点任务 （一）科学布局 建成充电站 400 座， （二）合理选址 每街道 3 座\n",
		"1 一 重点任务 | 2 (一) 科学布局",
	}, {
		// 1. and (1) after a bare space: the next of their style (the first
		// only after a heading above), with a title
		"某市充电设施方案（2026—2027年）\n一、重点任务 建成充电站 400 座 3.加强宣传 开展活动 投资 2.5 亿元 1.建设站点 新建 60 座 （2）摸底 摸排 120 个 2.改造设施 改造 40 个\n",
		"1 一 重点任务 | 2 1 建设站点 | 2 2 改造设施",
	}} {
		if got := sectionsOf(t, c.text); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
