package plan

import "testing"

// Shapes left in extra 01–97 after D103, each as sentences of our own:
// what a site's description, a measure's scope, a project's name, a
// standard for each single thing and a web address say is no commitment;
// a part of a count in brackets, a ratio brought to a level, a renewal's
// counts and a sentence that looks ahead are.
func TestShapes21(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// a site described by its area, its sides and its distance
		{"选址地块东西方向长约800米，南北方向宽约300米，可利用面积约20公顷，距县城约15公里。",
			"proposed: an area described | proposed: an area described | proposed: an area described | proposed: an area described"},
		// (a road built about so long is built)
		{"新建绿道约50公里。", "target"},
		// the size of what a measure addresses, named with 的
		{"针对城区焚烧厂日处理1800吨垃圾的能力缺口，新建飞灰填埋场1座。", "proposed: the size of what a measure addresses | target"},
		// (a capacity per day with 的 is a qualifier)
		{"针对城区焚烧厂1800吨/日的处理规模，新建飞灰填埋场1座。", "a qualifier | target"},
		// projects named by their power and energy, in a list of projects
		{"重点推动东区20MW/40MWh、某公司30MW/60MWh储能项目并网。", "proposed: a project named by its size | proposed: a project named by its size"},
		{"用户侧储能规模达到50万千瓦/100万千瓦时，建设10MW/20MWh储能电站2座。", "target | target | target | target"},
		// a floor each single thing must meet to count
		{"其中单个光伏项目装机超过2MW，单体建筑面积不低于1万平方米。", "proposed: a floor for each event | proposed: a floor for each event"},
		// (单项冠军企业 is a name, no standard for each single thing)
		{"培育专精特新企业1000家、单项冠军企业100家以上。", "target | target"},
		// a part of a count in brackets, governed by the count's verb
		{"到2027年建成科普示范站 30 个（社区科普示范站 12 个），新建场馆3座（其中县级1座）。", "target | target | target | target"},
		// (a note in brackets stays a note)
		{"建设科技馆(展厅面积5000平方米)。", "a note in brackets"},
		// a ratio brought to a level, with no unit
		{"到2030年，电网容载比提升至1.9，充电车桩比降至2.5。", "target | target"},
		// a bound written before the ratio's value; rates of consumption as
		// a unit over a unit
		{"新建数据中心电能利用效率(PUE)不超过1.25；供电煤耗降至285克标煤/千瓦时，新车电耗降至11.5千瓦时/百公里。", "target | target | target"},
		// (a bare decimal that is no ratio stays unread: 版本 2.0)
		{"平台升级至2.0，访问量达到100万人次。", "target"},
		// a renewal's counts: 更换, 更新, 淘汰 govern them
		{"2027年更换老旧燃气表5万个，淘汰高耗能电机300台。", "target | target"},
		// the base of a rate (从每小时…提高到…)
		{"供热能力从每小时6万方提高到9万方。", "a baseline (由…, 从…) | target"},
		// the term of a congress (二十届历次全会), the parts of a whole
		{"学习二十届历次全会精神，补贴由购置部分与报废部分两部分构成。", "the term of a body | a figure's label, the parts of a whole"},
		// a size before the noun it qualifies, its material between
		{"开展30家5000吨标煤以上重点用能单位节能诊断。", "target | proposed: a size before its noun"},
		// how long a rule allows, in years of account
		{"亏损结转年限不得超过5个年度。", "a place's name, a toll, a fine, a procedure's limit, a ban"},
		// a sentence that looks ahead: the problem named with 现有 is no past
		{"今后三年，着力解决好现有老旧小区改造问题，改造约2000个老旧小区。", "target"},
		// (extra 101–102) a detachment's name, a check's rhythm, a zone's
		// radius, a higher level's task noted, a bound for each unit of a
		// measure, two names joined and counted, a list whose names hold
		// a verb (孵化机)
		{"由区执法大队<br>三支队负责，每周对重点路段巡查监测1次。", "a place's name, a toll, a fine, a procedure's limit, a ban | a procedure's rhythm"},
		{"确保取水口周边100米范围内无排污口。", "proposed: a distance bounding a zone"},
		{"单位产值水耗达到市级要求（全市任务为保持在8立方米/万元以内）。", "proposed: a higher level's task, noted"},
		{"装配式建筑施工垃圾产生量每万平方米低于150吨，鼓励低于100吨。", "proposed: a bound for each unit of a measure | proposed: a bound for each unit of a measure"},
		{"推进规划与环评两项审批并联办理，新建东区和西区两所学校。", "proposed: the total of the names listed | target"},
		{"将碾米机、起垄机、孵化机等3个品类纳入支持范围。", "proposed: the total of the names listed"},
		{"今年化学需氧量、氨氮排放量要下降2%。", "target"},
		// (extra 103) a ratio to one brought to a level; a link's text on
		// a web page; what a glossary says a term means
		{"城乡居民收入比缩小至2.3∶1左右，加工业与农业产值比达到3:1，按1:1配套。", "target | target"},
		{"- [某市“十五五”GDP将超2万亿元](https://www.example.gov.cn/a/b.html)", "inside a web address"},
		{"“5”，指建设5个区域科普中心。", "proposed: what a term means (指…)"},
		{"到2030年，科普指数达到1.5，建成科普站10个。", "target | target"},
		// so many of each of the things a verb of making lists; a short
		// term before 指; a capacity per day
		{"规划建设市级科技馆、区域科普中心各3个以上，东西两区各派1名联络员。", "target | proposed: a figure for each"},
		{"“千校科普”行动，指组织约1000所学校开展科普。", "proposed: what a term means (指…)"},
		{"新增污水处理能力20万吨/天。", "target"},
		{"工商业电价较上年下降2分/千瓦时以上，执行0.3元/立方米的配气价格。", "target | a price, a notice, a rate raised"},
		// a magnitude that opens a programme's name; a band along a river
		{"深入实施千个美丽乡村建设行动，开展千名科普员培养计划，培育百家科普企业。", "quoted, or a magnitude naming a class | quoted, or a magnitude naming a class | target"},
		{"开展长江沿线1公里化工地块治理，新建绿道50公里。", "proposed: a distance bounding a zone | target"},
		// the places a measure reaches, counted after their names (no verb
		// of making before the first); a least time each day, a target since
		// tune49-T (D228: labelled so in every development text with it)
		{"推动东城、西城、南城等3个区县开展试点，新建城东、城西两所学校。", "proposed: the total of the names listed | target"},
		{"保障中小学生每天体育活动时间不低于2小时。", "target"},
		// a share right after the verb that acts on what it counts; a
		// pilot at a site
		{"淘汰50%左右的国四柴油环卫车，改造30%以上的老旧小区，支持营业收入增长20%以上的企业。", "target | target | a qualifier"},
		{"在3个施工工地开展“全电工地”示范。", "target"},
		// a web address a page keeps (a share button)
		{"分享 url=https%3A%2F%2Fwww.example.cn%2Fzwgk%2F2026-03-13%2Fab12.html&t=%E6%9D%BE%E6%B1%9F%E5%8C%BA%E6%87%", "inside a web address | inside a web address"},
	}
	for _, tt := range tests {
		if got := whyNot(tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// readingsOf is each reading of a document as "span:asserted" or
// "span:proposed", in order.
func readingsOf(t *testing.T, text string) []string {
	t.Helper()
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	var out []string
	for _, ind := range doc.Indicators {
		s := "asserted"
		if ind.Candidate {
			s = "proposed"
		}
		out = append(out, string(rs[ind.Start:ind.End])+":"+s)
	}
	return out
}

func checkReadings(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("readings %q, want %q", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("reading %d: %s, want %s (all %q)", k, got[k], want[k], got)
		}
	}
}

// A part titled as a forecast (…需求预测) or an estimate (投资估算) proposes
// what it expects — demand, money — but what the plan builds there, after a
// word of commitment or with a verb of building, is the plan's own.
func TestForecastPartOwnBuild(t *testing.T) {
	text := `某市科普设施发展规划（2026-2030年）

一、科普设施需求预测

预计到2030年全市科普受众达到300万人次。“十五五”期间全市计划建成社区科普站120个，科普馆6座。到2030年新建科普大篷车20辆。

二、投资估算

全市投入科普设施资金将达到3.5亿元，其中科普馆约占60%。

三、重点任务

新建科普长廊30条。
`
	checkReadings(t, readingsOf(t, text), "300万人次:proposed", "120个:asserted", "6座:asserted", "20辆:asserted", "3.5亿元:proposed", "60%:proposed", "30条:asserted")
}

// A sentence that opens with 其中 gives the parts of the total the sentence
// before asserted: its verb governs them.
func TestPartsSentence(t *testing.T) {
	// (and a clause that opens with the total of what the clauses before
	// it do: 实施…等工程，共N个项目)
	checkReadings(t, readingsOf(t, `某县科普工作方案（2026-2028年）

一、重点工程

实施科普场馆提升、科普大篷车巡展等工程，共12个项目，预计总投资约3.2亿元。
`), "12个:asserted", "3.2亿元:proposed")

	text := `某县充电设施布局规划（2026-2030年）

一、布局

东城区布局充电站12个。其中，高速服务区2个，国道沿线6个（G101沿线4个，G205沿线2个），城区4个。
`
	checkReadings(t, readingsOf(t, text), "12个:asserted", "2个:asserted", "6个:asserted", "4个:asserted", "2个:asserted", "4个:asserted")
}

// A five-year plan's name written out (…第十五个五年规划纲要) gives its
// period; a web page's row of particulars (| 索引号 : | … | 主题分类 : | …规划… |)
// is no title.
func TestFiveYearPlanWrittenOut(t *testing.T) {
	text := `| 索引号 : | 1150/2026-001 | 主题分类 : | 国民经济发展规划 |

某市国民经济和社会发展第十五个五年规划纲要

第一章　主要目标

全市科普场馆达到30座。
`
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "某市国民经济和社会发展第十五个五年规划纲要" || doc.Period.Start == nil || *doc.Period.Start != 2026 || doc.Period.End == nil || *doc.Period.End != 2030 {
		t.Errorf("title %q, period %v–%v", doc.Title, doc.Period.Start, doc.Period.End)
	}
}

// A chapter that opens by reviewing the period before the plan (“十四五”时期
// …。五年来，…) speaks of the past under a title of achievement; one that
// opens with the plan's own period does not.
func TestReviewChapter(t *testing.T) {
	text := `某市国民经济和社会发展第十五个五年规划纲要

第一章　科普事业实现良好开局

“十四五”时期在我市科普发展史上具有重要意义。五年来，全市科普工作扎实推进。

科普阵地建设迈上新台阶。全市建成科普场馆30座，培育科普基地120个。

第二章　发展目标

“十五五”时期是科普事业提质增效的关键时期。到2030年，全市科普场馆达到40座。
`
	checkReadings(t, readingsOf(t, text), "30座:proposed", "120个:proposed", "40座:asserted")
	if !reviewOpens("过去五年，全市…", nil) || reviewOpens("“十五五”时期是关键时期", func() *int { y := 2026; return &y }()) {
		t.Error("reviewOpens: 过去五年 opens a review; the plan's own period does not")
	}
}

// A glossary's definition that runs over several sentences of its paragraph
// (指…；或…；…) proposes the figures of all of them.
func TestDefinitionParagraph(t *testing.T) {
	text := `某市科普规划（2026-2030年）

一、主要任务

新建科普馆2座。

二、名词解释

1．科普示范企业。指近三年科普投入均达到3%，且拥有1项以上科普成果；或年营业收入在1亿元以上，科普投入增长超过20%的企业。
`
	checkReadings(t, readingsOf(t, text), "2座:asserted", "3%:proposed", "1项:proposed", "1亿元:proposed", "20%:proposed")
}
