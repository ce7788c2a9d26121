package plan

import (
	"fmt"
	"strings"
	"testing"
)

// The classes of D47/D55 widened on the third batch of the extra corpus
// and on shapes written for this test (docs/benchmarks.md), read in a
// section of tasks, not of goals, so that what governs a quantity matters.
// Same reading as TestQuantityPhrases.
func TestGrammarInTasks(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// a verb of holding a level; a count of those funded is no subsidy;
		// 一 with a multiplier is ten thousand; 年 opening a clause
		{"将生态空间占比稳定在70%，开发强度控制在30%。", "70 % = - 2030 | 30 % <= - 2030"},
		{"每年资助青年科技人才100名，给予每人最高20万元资助。", "100 名 = year 2030"},
		{"培训基层科普人员一万人次，推荐院士候选人20名。", "1 人次×10000 = - 2030 | 20 名 = - 2030"},
		{"年培训农民10万人次，年发放科普资料100万份。", "10 人次×10000 = year 2030 | 100 份×10000 = year 2030"},
		// compound measure words and hours, but not a duration
		{"每年组织服务活动不少于500场次，服务企业超过1000家次，志愿服务时长累计达到100万小时，提供24小时服务。",
			"500 场次 >= year 2030 | 1000 家次 >= year 2030 | 100 小时×10000 = - 2030"},
		// a total over years keeps its own period, though the sentence
		// opens with 每年
		{"每年托举青年科技人才50名，5年累计250名，流动科技馆巡展100站次以上。", "50 名 = year 2030 | 250 名 = - 2030 | 100 站次 >= year 2030"},
		// the past: a sentence opening with a year before the plan, 年来
		{"2025年，全省科技馆接待观众达到500万人次，比2020年增长30%。", "? 500 人次×10000 = - 2025 | ? 30 % = - 2025"},
		{"近三年来，全省共举办学术活动3000余场。", "? 3000 场 >= - 2030"},
		{"当前，全省科技工作者总量约150万人；经过多年发展，全市科普基地达到120个。", "? 150 人×10000 approx - 2030 | ? 120 个 = - 2030"},
		// a clause dated before the plan, and the baseline it grew from
		{"全市科普基地从2020年的80个增加到2025年的120个。", "? 120 个 = - 2025 (from 80)"},
		// scope, not reach; a period range; a name in a list; an adjective
		{"依托12个市州科协开展培训，围绕全省8个产业链组建联盟。", ""},
		{"组织失业青年参加3-12个月的就业见习。", ""},
		{"大力发展高山滑雪、冬季两项、速度滑冰等项目，给予一次性奖补。", ""},
		// bare magnitudes that count, a list after a colon sharing its verb,
		// a set phrase and a class
		{"打造人才梯队：百名领军人才、千名骨干人才。", "100 名 = - 2030 | 1000 名 = - 2030"},
		{"实现百家企业上云，让科普走进千家万户，培育百亿元产业集群。", "100 家 = - 2030"},
		// actions of tasks the verbs of D47 lacked; a bare noun phrase, a
		// share or a sum without a verb stays a candidate; what a place has
		// is where things stand; a threshold of eligibility is no goal
		{"开设科学课程50门，编写科普读本10册，惠及群众500万人次。", "50 门 = - 2030 | 10 册 = - 2030 | 500 人次×10000 = - 2030"},
		{"全市科普基地总数200个，按合同金额的30%。", "? 200 个 = - 2030"},
		{"我市拥有国家级科普教育基地12个。", "? 12 个 = - 2030"},
		// 育 of 教育 or 体育 is no verb (培育, 引育 are)
		{"全市中小学科学教育基地12个，体育场馆30座。", "? 12 个 = - 2030 | ? 30 座 = - 2030"},
		{"每万人口发明专利拥有量达到25件，每10万人拥有科普场馆面积达到1000平方米，举办科技节10届。", "25 件 = - 2030 | 1000 平方米 = - 2030 | 10 届 = - 2030"},
		{"申报单位须具备独立法人资格，注册资本不低于100万元。", ""},
		// a year opening a clause is its deadline; a reach after 到/至
		{"2027年，全省新增科技型企业500家；2028年新增600家。", "500 家 = - 2027 | 600 家 = - 2028"},
		{"全省科技人才规模扩大到150万人，较2025年增加30万人。", "150 人×10000 = - 2030 | 30 人×10000 = - 2030"},
		// units of other fields; a life expectancy reached, not an age
		{"PM2.5平均浓度控制在30微克/立方米以下，人均预期寿命达到80岁，支持35岁以下和16-24岁青年。", "30 微克/立方米 <= - 2030 | 80 岁 = - 2030"},
		// 年均 is the rate of its own clause, even at the sentence's start
		{"全市GDP年均增长6%左右，人均GDP达到15万元。", "6 % approx year 2030 | 15 元×10000 = - 2030"},
		// shares and multiples written out
		{"科普经费占财政支出比重不低于千分之一，院士专家工作站数量在现有基础上增加一倍。", "1 ‰ >= - 2030 | 1 倍 = - 2030"},
		// parameters of a support policy: a cap for each applicant, a rate
		// charged, a sum not to be exceeded; a floor for each place stays
		// a target
		{"每个乡镇至少建设1个科普活动站，每个学会每年最多支持3个项目。", "1 个 >= - 2030"},
		{"对小微企业贷款给予担保，担保费率不超过1%。", ""},
		{"居民消费价格涨幅控制在3%左右。", "3 % approx - 2030"},
		{"项目总经费不超过50万元，其中市级资助不超过30万元。", ""},
		{"对种粮大户按每亩100元给予补贴，补贴面积不超过500亩。", ""},
		// minutes: a time to bring down to, not a duration or a ring
		{"院前急救平均响应时间缩短至12分钟以内，每节课45分钟，打造15分钟生活圈。", "12 分钟 <= - 2030"},
		// a note in brackets describing a thing, not a cumulative total
		{"建设国家级大学科技园（园区面积2000亩），新增孵化器20家（累计约60家）。", "20 家 = - 2030 | 60 家 approx - 2030"},
		// a policy named by its number of articles
		{"出台人才新政20条，制定地方标准10条。", "10 条 = - 2030"},
		// a rate applied straight after 按
		{"支持企业研发费用按100%加计扣除，按照50%的比例给予配套。", ""},
		// the count of the plan's own parts in Chinese numerals, like 六大工程
		{"开展十项行动，推进三项改革，制定地方标准10项。", "10 项 = - 2030"},
		// a rhythm of work closing its clause, not an event counted; a
		// least period of a procedure, not a goal of speed
		{"资助期限为3年，每年评审一次。", ""},
		{"公示期不少于5个工作日，审批时间压缩至5个工作日以内。", "5 个 <= - 2030"},
		// an assessment against others states where things stand
		{"与先进地区相比，我市R&D投入强度2.1%，差距明显。", "? 2.1 % = - 2030"},
		// a past five-year plan's span, 过去 (the plan runs 2026–2030)
		{"“十四五”期间，全省累计培训农民50万人次。", "? 50 人次×10000 = - 2030"},
		{"过去五年，共建成科普示范县20个。", "? 20 个 = - 2030"},
		// a time of day in a printed header is no quantity
		{"门户网站 1/4/25 上午9:46\n头部企业带动作用增强。", ""},
	}
	for _, tt := range tests {
		doc, err := Ingest(strings.NewReader("某市科学技术协会事业发展规划(2026-2030年)\n二、重点任务\n(一)推进工作\n" + tt.sentence))
		if err != nil {
			t.Fatal(err)
		}
		got := readings(doc.Indicators)
		if got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}

// readings is a document's indicators as the grammar tests write them,
// apart by " | ".
func readings(inds []Indicator) string {
	got := make([]string, 0, len(inds))
	for _, ind := range inds {
		got = append(got, reading(ind))
	}
	return strings.Join(got, " | ")
}

// reading is an indicator as the grammar tests write it.
func reading(ind Indicator) string {
	s := ""
	if ind.Candidate {
		s = "? "
	}
	if ind.Low != nil {
		s += fmt.Sprintf("%g-%g", *ind.Low, *ind.High)
	} else {
		s += fmt.Sprintf("%g", *ind.Value)
	}
	s += " " + ind.BaseUnit
	if ind.Multiplier != 1 {
		s += fmt.Sprintf("×%g", ind.Multiplier)
	}
	per := "-"
	if ind.Per != nil {
		per = *ind.Per
	}
	dl := 0
	if ind.DeadlineYear != nil {
		dl = *ind.DeadlineYear
	}
	s += fmt.Sprintf(" %s %s %d", ind.Comparator, per, dl)
	if ind.Baseline != nil {
		s += fmt.Sprintf(" (from %g)", ind.Baseline.Value)
	}
	return s
}

// Numbering styles beyond 一、(一) 1. (1): chapters and their sections
// above them, 1) and Markdown's heading marks; a Markdown indicator table
// (| 指标 | 单位 | 2025年 | 2030年 | 属性 |) is read like a .docx one.
func TestChaptersAndMarkdown(t *testing.T) {
	text := "某市科学技术协会事业发展规划(2026-2030年)\n" +
		"第一章 发展基础\n全市现有学会120个。\n" +
		"第二章 发展目标\n" +
		"| 序号 | 指标 | 单位 | 2025年 | 2030年 | 属性 |\n|---|---|---|---|---|---|\n" +
		"| 1 | 科技馆数量 | 座 | 10 | 15 | 约束性 |\n| 2 | 注册科技志愿者 | 万人 | 3 | 5 | 预期性 |\n" +
		"第三章 重点任务\n## 第一节 建设设施\n**一、科普场馆**\n1) 新建科技馆5座。\n2) 改造科普站20个。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var secs []string
	var flat func([]*Section)
	flat = func(ss []*Section) {
		for _, s := range ss {
			secs = append(secs, fmt.Sprintf("%d %s %s %q", s.Level, s.Number, s.Title, string([]rune(text)[s.Start:s.End])))
			flat(s.Children)
		}
	}
	flat(doc.Sections)
	want := []string{`1 第一章 发展基础 "第一章 发展基础"`, `1 第二章 发展目标 "第二章 发展目标"`, `1 第三章 重点任务 "第三章 重点任务"`,
		`2 第一节 建设设施 "第一节 建设设施"`, `3 一 科普场馆 "一、科普场馆"`, `4 (1) 新建科技馆5座 "1) 新建科技馆5座"`, `4 (2) 改造科普站20个 "2) 改造科普站20个"`}
	if strings.Join(secs, " | ") != strings.Join(want, " | ") {
		t.Errorf("sections\n got %v\nwant %v", secs, want)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, reading(ind)+" "+ind.Constraint)
	}
	if want := "? 120 个 = - 2030  | 15 座 = - 2030 (from 10) 约束性 | 5 人×10000 = - 2030 (from 3) 预期性 | 5 座 = - 2030  | 20 个 = - 2030 "; strings.Join(got, " | ") != want {
		t.Errorf("targets\n got %s\nwant %s", strings.Join(got, " | "), want)
	}
}

// Heading variants of web pages and PDFs: 一．/一. for 一、, spaces inside
// the brackets and before the mark.
func TestHeadingVariants(t *testing.T) {
	text := "某市科协工作方案(2026-2028年)\n一．总体要求\n（一)工作目标\n到2028年，建成科普基地10个。\n二. 重点任务\n（ 二 ）建设平台\n新建平台5个。\n三 、保障措施\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var flat func([]*Section)
	flat = func(ss []*Section) {
		for _, s := range ss {
			got = append(got, s.Number+" "+s.Title)
			flat(s.Children)
		}
	}
	flat(doc.Sections)
	if want := "一 总体要求 | (一) 工作目标 | 二 重点任务 | (二) 建设平台 | 三 保障措施"; strings.Join(got, " | ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " | "), want)
	}
	if len(doc.Indicators) != 2 || doc.Indicators[1].Text != "新建平台5个" {
		t.Errorf("targets %+v", doc.Indicators)
	}
}

// Sections about where things stand, by title: their numbers are
// candidates; 预期成效 looks ahead.
func TestPastSectionTitles(t *testing.T) {
	text := "某市科学技术协会事业发展规划(2026-2030年)\n一、基本情况\n全市建成科普基地120个。\n二、工作成效\n举办学术活动3000场。\n三、预期成效\n培育学会60个。\n"
	got := readDoc(t, text)
	if want := "? 120 个 = - 2030 | ? 3000 场 = - 2030 | 60 个 = - 2030"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// The plan's years when its title gives no span: a master plan's long
// span, an annual plan's year, else the first deadline it states.
func TestPlanPeriod(t *testing.T) {
	tests := []struct{ text, want string }{
		{"河北雄安新区总体规划（2018—2035年）\n一、目标\n", "2018-2035"},
		{"《2025年某市公共数据开放工作方案》\n一、目标\n", "2025-2025"},
		{"某市人工智能赋能新型工业化行动方案（2025年）\n一、目标\n", "2025-2025"},
		{"“无废城市”建设试点工作方案\n一、总体要求\n（四）试点目标。到2020年，系统构建指标体系。\n", "0-2020"},
	}
	for _, tt := range tests {
		doc, _ := Ingest(strings.NewReader(tt.text))
		s, e := 0, 0
		if doc.Period.Start != nil {
			s = *doc.Period.Start
		}
		if doc.Period.End != nil {
			e = *doc.Period.End
		}
		if got := fmt.Sprintf("%d-%d", s, e); got != tt.want {
			t.Errorf("%q: period %s, want %s", tt.text, got, tt.want)
		}
	}
}

// Decimal outline numbering (1 / 2.1 / 3.2.1, the shape of reports and of
// plans written like them) and the list of annexes after 附件, which names
// documents, not sections of the plan.
func TestDecimalOutlineAndAnnexes(t *testing.T) {
	text := "某市卫生健康事业发展规划（2026-2030年）\n1 发展基础\n2 总体要求\n2.1 指导思想\n2.2 发展目标\n到2030年，人均预期寿命达到80岁。\n" +
		"3 主要任务\n3.1 提升医疗服务能力\n新建三甲医院2所，床位增加2.5 万张。\n3.1.1 建设区域医疗中心\n4 保障措施\n附件：1.重点项目表\n2.任务分工表\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var flat func([]*Section)
	flat = func(ss []*Section) {
		for _, s := range ss {
			got = append(got, fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title))
			flat(s.Children)
		}
	}
	flat(doc.Sections)
	want := "1 1 发展基础 | 1 2 总体要求 | 2 2.1 指导思想 | 2 2.2 发展目标 | 1 3 主要任务 | 2 3.1 提升医疗服务能力 | 3 3.1.1 建设区域医疗中心 | 1 4 保障措施"
	if strings.Join(got, " | ") != want {
		t.Errorf("sections\n got %s\nwant %s", strings.Join(got, " | "), want)
	}
	if len(doc.Indicators) != 3 {
		t.Errorf("targets %+v", doc.Indicators)
	}
	// below the top the title may follow the number at once (1.1指导思想,
	// 1.2、…); Markdown list and quote marks before a heading; a number a
	// PDF broke from its sentence (1.5的数据中心…) or a quantity (1.2米)
	// starts no heading
	doc, err = Ingest(strings.NewReader("某市科普工作实施方案（2026-2028年）\n一、总体要求\n1.1指导思想\n1.2、工作目标\n推动PUE值不高于\n1.5的数据中心改造，\n1.2米以下儿童免费。\n- 二、重点任务\n> 三、保障措施\n"))
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	flat(doc.Sections)
	if want := "1 一 总体要求 | 2 1.1 指导思想 | 2 1.2 工作目标 | 1 二 重点任务 | 1 三 保障措施"; strings.Join(got, " | ") != want {
		t.Errorf("sections\n got %s\nwant %s", strings.Join(got, " | "), want)
	}
	doc, err = Ingest(strings.NewReader("某县科普惠农实施方案\n一、目标任务\n二、工作要求\n附件：1.科普示范村建设标准\n2.重点任务分工表\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Sections); n != 2 || len(doc.Sections[1].Children) != 0 {
		t.Errorf("annexes read as sections: %d sections, %+v", n, doc.Sections[len(doc.Sections)-1])
	}
}

// More numbering variants: chapters in Arabic numbers (第1章), a Chinese
// numeral with only its closing bracket (一）), and (一)、 with a mark after
// the bracket.
func TestHeadingShapesMore(t *testing.T) {
	text := "某市科技创新规划（2026-2030年）\n第1章 发展基础\n第2章 重点任务\n一）建设科普阵地\n（二）、培育科普队伍\n新建科普馆2座。\n第3章 保障措施\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var flat func([]*Section)
	flat = func(ss []*Section) {
		for _, s := range ss {
			got = append(got, fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title))
			flat(s.Children)
		}
	}
	flat(doc.Sections)
	if want := "1 第1章 发展基础 | 1 第2章 重点任务 | 2 (一) 建设科普阵地 | 2 (二) 培育科普队伍 | 1 第3章 保障措施"; strings.Join(got, " | ") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, " | "), want)
	}
	// a heading run into its text after a colon: the title stops there
	doc, err = Ingest(strings.NewReader("某市科协工作方案（2026-2028年）\n一、总体要求\n（一）工作目标：到2028年，建成科普基地50个。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s := doc.Sections[0].Children[0]; s.Title != "工作目标" {
		t.Errorf("title %q", s.Title)
	}
}
