package plan

import (
	"fmt"
	"strings"
	"testing"
)

// A news page prints its buttons one a line above a report's title; the
// line under the title still dates the report, and the year is its plan's.
func TestReportUnderPageButtons(t *testing.T) {
	text := "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2031年某省政府工作报告\n" +
		"——2031年1月20日在某省第十五届人民代表大会第三次会议上\n来源：某省日报\n各位代表：\n" +
		"一、2030年工作回顾\n全省新建学校20所。\n二、2031年工作安排\n今年新建学校30所，改造危桥200座。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2031 || *doc.Period.End != 2031 {
		t.Fatalf("title %q, period %v", doc.Title, doc.Period)
	}
	got := readings(doc.Indicators)
	want := "? 20 所 = - 2031 | 30 所 = - 2031 | 200 座 = - 2031"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// a delivery line a PDF's page width broke is one line (D127)
	if y, ok := annualYear("某市政府工作报告", strings.Split("某市政府工作报告\n——2029年1月5日在某市第十届人民代表大会第五\n次会议上\n各位代表：\n", "\n")); !ok || y != 2029 {
		t.Errorf("a delivery line broken in two: %d, %v; want 2029", y, ok)
	}
	// a date deep in the text is no delivery line
	if y, ok := annualYear("某市政府工作报告", strings.Split("某市政府工作报告\n各位代表：\n一、回顾\n甲\n乙\n丙\n丁\n——2029年1月5日在某会议上\n", "\n")); ok {
		t.Errorf("a date on the eighth line dated the report %d", y)
	}
}

// A report of the five-year plan's first year states the five years'
// goals beside the year's: those are due at the span's end.
func TestFiveYearGoalsInAReport(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"“十五五”时期全省地区生产总值年均增长5%左右，研发经费投入强度达到3%。", "5 % approx year 2035 | 3 % = - 2035"},
		{"到“十五五”末，森林覆盖率提高到25%。", "25 % = - 2035"},
		{"今年是“十五五”开局之年，地区生产总值增长5%左右。", "5 % approx - 2031"},
		{"十五五期间累计新建学校100所，今年新建学校30所。", "100 所 = - 2035 | 30 所 = - 2031"},
	}
	for _, tt := range tests {
		got := readReport(t, strings.ReplaceAll(tt.sentence, "十五五", "十六五"))
		if got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// The count of the plan's own indicators, a division of the work, a
// congress's term, the year's list of things done for the people and the
// plan's measures counted are names, not targets; the set phrases of
// political texts are proposed; what they sit beside is a target.
func TestReportNames(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"规划纲要提出四大类25个主要指标，包括15个预期性指标、10个约束性指标。", ""},
		{"分12个领域细化五年任务，新建学校30所。", "30 所 = - 2031"},
		{"我们要统筹两个大局，调动中央和地方两个积极性，新建学校30所。", "? 2 个 = - 2031 | ? 2 个 = - 2031 | 30 所 = - 2031"},
		{"守好发展和安全两条底线，抓好研发、制造、服务三条主线，提高困难残疾人两项补贴标准。", "? 2 条 = - 2031 | ? 3 条 = - 2031 | ? 2 项 = - 2031"},
		{"实施稳就业25项举措、营商环境80项提升举措，办好20项民生实事，努力实现以下9个方面主要目标。", ""},
		{"本省被确定为试点的5个省份之一，新建5人制足球场120个，优化实施“4个200万”，新建800个蔬菜千亩示范片。", "120 个 = - 2031 | 800 个 = - 2031"},
		{"认真贯彻党的二十一届历次全会精神，新增城镇就业50万人以上。", "50 人×10000 >= - 2031"},
		{"办好托育、助餐等十件民生实事，新增托位5000个。", "5000 个 = - 2031"},
		// a count of indicators the year adds to an assessment is still
		// read when it is not the plan's (新增考核事项10项)
		{"新增考核事项10项。", "10 项 = - 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// What the work backs or keeps going is proposed; what it makes, starts or
// lists for the year is asserted.
func TestReportScopes(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"支持18个扩权强县率先发展，重点支持12个县发展特色产业。", "? 18 个 = - 2031 | ? 12 个 = - 2031"},
		{"做优做强4个先进制造业集群，做强电子信息等3个国家级产业集群，巩固提升60万亩蔬菜保供基地。", "? 4 个 = - 2031 | ? 3 个 = - 2031 | ? 60 亩×10000 = - 2031"},
		{"培育壮大10个千亿级产业集群，支持不少于50个团队，做强做优1—2个主导产业。", "10 个 = - 2031 | 50 个 >= - 2031 | 1-2 个 range - 2031"},
		{"加快建设8个储备库项目，抓好5个在建水库项目建设，加快推进甲线、乙线等9条高速公路建设。", "? 8 个 = - 2031 | ? 5 个 = - 2031 | ? 9 条 = - 2031"},
		{"加快甲乙、丙丁等4条铁路，戊己等11条高速公路。", "? 4 条 = - 2031 | ? 11 条 = - 2031"},
		{"全年新开工重点项目1500个以上，抓好总投资1.5万亿元的420个省重点项目。", "1500 个 >= - 2031 | 1.5 元×1e+12 = - 2031 | 420 个 = - 2031"},
		{"推动9个重点领域项目投资突破1500亿元。", "? 9 个 = - 2031 | 1500 元×1e+08 >= - 2031"},
		{"“双百”计划是指每年实施百项合作项目。", "? 100 项 = year 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// The year's tasks in the words reports use: the verbs of upkeep, 为 for
// whom, a count of places built in, the kinds a verb lists with 各, people
// counted before their number, a level in years, and a life expectancy.
func TestReportTasks(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"维修养护农村供水工程1500处，免费送戏下乡8000场，为既有住宅加装电梯500部，新立项勘查项目80个。", "1500 处 = - 2031 | 8000 场 = - 2031 | 500 部 = - 2031 | 80 个 = - 2031"},
		{"为80所高寒地区农村学校建设供暖设施，为3万名困难老年人提供助餐服务。", "80 所 = - 2031 | 3 名×10000 = - 2031"},
		{"在25个县建设运营农事服务中心，选择10个左右的县开展片区化建设。", "25 个 = - 2031 | 10 个 approx - 2031"},
		{"新建省重点实验室、省工程研究中心各15家，两省各派1名联络员。", "15 家 = - 2031 | ? 1 名 = - 2031"},
		{"中心城市新增人口80万、县城新增人口60万。", "80 ×10000 = - 2031 | 60 ×10000 = - 2031"},
		{"平均受教育年限提高到11.5年，人均预期寿命提升到80岁以上。", "11.5 年 = - 2031 | 80 岁 >= - 2031"},
		{"改造农村危房8000户，新增3000个自然村通硬化路。", "8000 户 = - 2031 | 3000 个 = - 2031"},
		{"消除城区易积水点位40处。", "40 处 = - 2031"},
		{"资助残疾人大学生和困难家庭子女大学生，合计5000名。", "5000 名 = - 2031"},
		{"为50万名65岁以上老年人免费体检，覆盖率为95%。", "50 名×10000 = - 2031 | ? 95 % = - 2031"},
		{"城乡低保标准分别提高到每人每月800元和600元，城乡居民基础养老金每人每月提高20元。", "800 元 = - 2031 | 600 元 = - 2031 | 20 元 = - 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// A part of the year's work whose heading opens with a verb of action is a
// task, though it names 成效; 目前 inside 项目前期 and 现有 of what the work
// phases out are no words of the past.
func TestReportNotPast(t *testing.T) {
	doc, err := ingestText("某省政府工作报告\n——2031年1月20日在某省人民代表大会上\n一、2030年工作回顾\n新建学校20所。\n"+
		"二、2031年重点工作\n（一）加快释放改革开放成效\n新增外资企业300家，外贸进出口超6000亿元。\n"+
		"（二）扩大有效投资\n做实重大项目前期工作，全年开工重点项目1800个以上。\n"+
		"（三）推进绿色发展\n现有落后产能逐步退出，森林覆盖率超过25%。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := readings(doc.Indicators)
	want := "? 20 所 = - 2031 | 300 家 = - 2031 | 6000 元×1e+08 >= - 2031 | 1800 个 >= - 2031 | 25 % >= - 2031"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for _, title := range []string{"加快释放改革开放成效", "（三）持续巩固发展成果"} {
		if !actionTitle(title) {
			t.Errorf("%s: not read as a task", title)
		}
	}
	if actionTitle("主要成效") || actionTitle("2030年工作回顾") || actionTitle("全面把握发展形势") || actionTitle("（一）深入分析发展基础") || actionTitle("（二）持续深化改革取得积极进展") {
		t.Error("a review read as a task")
	}
}

// The five years' part of a report dates its targets to the span's end,
// a level reached takes no 年均 of the item before it, and a report whose
// page puts its buttons between the title and the date is still dated.
func TestReportFiveYearPart(t *testing.T) {
	text := "2031年某省人民政府工作报告\n2031年02月10日 07时41分\n来源:\n某省日报\n【字体：\n大\n中\n小\n】\n分享：\n" +
		"2031年1月20日在某省第十五届人民代表大会第三次会议上\n各位代表：\n一、2030年工作回顾和“十五五”发展成就\n全省生产总值年均增长5.5%。\n" +
		"二、“十六五”时期主要目标任务\n全省生产总值年均增长5%左右、迈上5万亿元台阶，城镇化率达到72%。能源消费总量控制在3亿吨标准煤左右，天然气年输送能力达到300亿立方米。\n" +
		"三、2031年重点工作\n新建学校30所。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2031 {
		t.Fatalf("period %v", doc.Period)
	}
	got := readings(doc.Indicators)
	// (迈上5万亿元台阶: a level stepped up to, at least — the labels' reading, 127 and 134; tune30)
	want := "? 5.5 % = year 2031 | 5 % approx year 2035 | 5 元×1e+12 >= - 2035 | 72 % = - 2035 | 3 吨标准煤×1e+08 approx - 2035 | 300 立方米×1e+08 = year 2035 | 30 所 = - 2031"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A plan of several years builds the projects it speeds up: only the year's
// work of an annual plan keeps going what is under way.
func TestReportScopesOnlyInAYear(t *testing.T) {
	doc, err := ingestText("某县乡村振兴三年行动方案（2031—2033年）\n一、主要任务\n支持12个县发展特色产业，加快建设8个冷链物流项目。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := readings(doc.Indicators), "? 12 个 = - 2033 | 8 个 = - 2033"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// The year's work named by its place in the five years is the year's.
func TestReportYearsPartNotTheSpans(t *testing.T) {
	for _, title := range []string{"确保“十六五”开好局起好步", "奋力实现“十六五”良好开局", "2031年“十六五”规划实施重点工作", "“十六五”时期工作回顾"} {
		if y := spanTitleDue(title, Period{Start: ptrInt(2031), End: ptrInt(2031)}); y != nil {
			t.Errorf("%s: due %d", title, *y)
		}
	}
	for _, title := range []string{"“十六五”时期主要目标任务", "“十六五”发展的主要考虑"} {
		if y := spanTitleDue(title, Period{Start: ptrInt(2031), End: ptrInt(2031)}); y == nil || *y != 2035 {
			t.Errorf("%s: not due 2035", title)
		}
	}
}

func ptrInt(v int) *int { return &v }

// An age stays an age after 达 (年龄达65岁以上的老年人): only a life
// expectancy raised (提升到80岁) is a level.
func TestReportAges(t *testing.T) {
	if got, want := readReport(t, "为年龄达65岁以上的老年人免费体检3万人次，人均预期寿命提升到80岁以上。"), "3 人次×10000 = - 2031 | 80 岁 >= - 2031"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A delivery line dated in Chinese numerals dates the report.
func TestReportDatedInChineseNumerals(t *testing.T) {
	doc, err := ingestText("2031年某省政府工作报告\n——二〇三一年一月二十七日在某省第十五届人民代表大会第四次会议上\n各位代表：\n一、2030年工作回顾\n新建学校20所。\n二、2031年重点工作\n新建学校30所。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2031 || *doc.Period.End != 2031 {
		t.Fatalf("period %v", doc.Period)
	}
	if y, ok := deliveredCN("（二〇〇九年三月五日在第十一届全国人民代表大会第二次会议上）"); !ok || y != 2009 {
		t.Errorf("2009: %d %v", y, ok)
	}
}

// A report's part that opens on the year before is its review, whatever its
// title says; parts titled without a number are read as parts, not as a
// preamble that holds only goals.
func TestReportReviewAndUnnumberedParts(t *testing.T) {
	doc, err := ingestText("2031年某省政府工作报告\n——2031年1月20日在某省人民代表大会上\n各位代表：\n"+
		"一、一年接着一年干，发展持续取得新进展新成效\n2030年是“十五五”收官之年。一年来，全省新建学校20所。\n（一）着力推进产业升级\n新增高新技术企业500家。\n"+
		"二、2031年重点工作\n新建学校30所。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := readings(doc.Indicators), "? 20 所 = - 2031 | ? 500 家 = - 2031 | 30 所 = - 2031"; got != want {
		t.Errorf("review by its opening words: got %q\nwant %q", got, want)
	}
	doc, err = ingestText("2031年某省政府工作报告\n——2031年1月20日在某省人民代表大会上\n各位代表：\n"+
		"“十五五”时期工作回顾\n五年来，全省新建学校200所。\n"+
		"“十六五”时期的主要目标任务\n全省生产总值年均增长5%左右，森林覆盖率达到25%。\n"+
		"2031年重点工作\n经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n（一）扩大有效需求\n新建学校30所。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "? 200 所 = - 2031 | 5 % approx year 2035 | 25 % = - 2035 | 5 % approx - 2031 | 30 所 = - 2031"
	if got := readings(doc.Indicators); got != want {
		t.Errorf("unnumbered parts: got %q\nwant %q", got, want)
	}
	// Only a part's opening words make it a review: a later paragraph of a
	// part of tasks that looks back does not turn the rest into the past.
	doc, err = ingestText("2031年某省政府工作报告\n——2031年1月20日在某省人民代表大会上\n各位代表：\n"+
		"一、2030年工作回顾\n一年来，全省新建学校20所。\n"+
		"二、2031年重点工作\n新建学校30所。\n过去一年，全省新增病床300张。\n新增病床500张，培训教师2000名。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := readings(doc.Indicators); !strings.Contains(got, "| 500 张 = - 2031 | 2000 名 = - 2031") {
		t.Errorf("a part of tasks with a paragraph that looks back: got %q, want 500 张 and 2000 名 asserted", got)
	}
	for _, l := range []string{"| （一）主要目标 |", "（一）主要目标", "2031年某省政府工作报告", "各位代表："} {
		if reportPart(l) {
			t.Errorf("%s: read as a part's title", l)
		}
	}
}

// Units a year's work upgrades or continues, the plan's indicators counted
// after their noun, the year's lists and the fields just listed.
func TestReportMoreScopes(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"推动5个国家物流枢纽、3个冷链物流基地提质升级，推动40家省级共享农庄提档升级。", "? 5 个 = - 2031 | ? 3 个 = - 2031 | ? 40 家 = - 2031"},
		{"建强3个国家级区域医疗中心，支持2个国家级保种场开展性能测定。", "? 3 个 = - 2031 | ? 2 个 = - 2031"},
		{"抓好5条续建高速公路建设，加快3条在建跨海通道，推进2个产业先导区、4个加速园建设。", "? 5 条 = - 2031 | ? 3 条 = - 2031 | ? 2 个 = - 2031 | ? 4 个 = - 2031"},
		{"其中预期性指标15项、约束性指标7项，办好12件市级重点民生实事，推进25项为民办实事项目，抓好甲、乙和丙3件事，抓好工业等12个领域碳达峰工作。", ""},
		{"新开工改造老旧小区300个，新建物流基地2个。", "300 个 = - 2031 | 2 个 = - 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// The tenth batch's last shapes: kilowatt-hours said as 度, 更新 as a task,
// women and children counted in 万, kinds each striven for, 已建成 as which
// of them, a life expectancy said with 达.
func TestReportLastShapes(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"新能源发电量超2000亿度，更新老旧果园5万亩。", "2000 度×1e+08 >= - 2031 | 5 亩×10000 = - 2031"},
		{"为50万妇女免费开展宫颈癌筛查。", "50 ×10000 = - 2031"},
		{"争创国家现代农业产业园、产业强镇各2个。", "2 个 = - 2031"},
		{"改造提升超3000个已建成自然村的污水设施，力争人均预期寿命达80.5岁。", "3000 个 >= - 2031 | 80.5 岁 = - 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// In a plan of several years, pilots whose building the work pushes on and
// the second of two counts a verb of support governs are proposed; pilots
// the plan makes, or bounds, are asserted (D110).
func TestPilotsPushedAndBackedPairs(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"推动12个区级节水型社会试点区建设。", "proposed: pilots whose building is pushed on"},
		{"推进甲县、乙县等4个省级生态修复示范区建设，新建科普示范基地20个。", "proposed: pilots whose building is pushed on | target"},
		{"推进不少于8个科普示范基地建设。", "target"},
		{"推动新建6个科普示范基地建设。", "target"},
		{"推进3个科普场馆建设。", "target"},
		{"全面提升两个国家级产业基地和15个产业集群的创新能力。", "proposed: the units a measure backs | proposed: the units a measure backs"},
		{"培育壮大两个产业基地和15个产业集群。", "target | target"},
	}
	for _, tt := range tests {
		if got := whyNot(tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// The ministries that issued a document, a keyboard shortcut of a site's
// chrome and the towns an area has are no targets; the capacity of a plant
// built is one, per year or per day as its words say; a count joined to a
// later one by 和 is no qualifier of it (D110).
func TestIssuersShortcutsCapacities(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"根据某部等五部委印发的《科普基地管理办法》，制定本方案。", "an ordinal, a denominator, a list's total, a scope"},
		{"跳到列表ALT+Shift+4列表区。", "inside a web address"},
		{"全县下辖9个镇（甲镇、乙镇）和3个乡。", "an ordinal, a denominator, a list's total, a scope | an ordinal, a denominator, a list's total, a scope"},
		{"新建一座日处理能力50吨的餐厨垃圾处理站。", "a slogan, the word 一, a phase, an adjective | target"},
		{"建设8个科普领域的重点实验室和3个科普创新中心。", "target | target"},
		{"培育拥有3个以上研发机构的企业20家。", "proposed: a count inside what a later count counts | target"},
	}
	for _, tt := range tests {
		if got := whyNot(tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
	doc, err := Ingest(strings.NewReader("某区环卫设施规划（2026—2030年）\n一、重点任务\n改建一座年处理800吨的废油加工站，新建一座日转运能力200吨的垃圾转运站。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		per := ""
		if ind.Per != nil {
			per = *ind.Per
		}
		got = append(got, fmt.Sprintf("%v %s %s", *ind.Value, ind.Unit, per))
	}
	if want := "800 吨 year | 200 吨/日 "; strings.Join(got, " | ") != want {
		t.Errorf("capacities read %q, want %q", strings.Join(got, " | "), want)
	}
}

// 突破 before a count of technologies makes breakthroughs in so many: "=";
// before an amount it exceeds it (stored as >=) (D110).
func TestBreakthroughsCounted(t *testing.T) {
	doc, err := Ingest(strings.NewReader("某市科技规划（2026—2030年）\n一、主要目标\n到2030年，突破50项科普关键技术，科普产业规模突破200亿元。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%v %s", *ind.Value, ind.Comparator))
	}
	if want := "50 = | 200 >="; strings.Join(got, " | ") != want {
		t.Errorf("read %q, want %q", strings.Join(got, " | "), want)
	}
}

// A rate the unit gives per year (/年) is per year even after 能力达到; an
// annual mean (年均浓度) is a level, not per year (D110).
func TestPerYearByUnitAndAnnualMean(t *testing.T) {
	doc, err := Ingest(strings.NewReader("某市环境规划（2026—2030年）\n一、主要目标\n到2030年，全市餐厨垃圾处理能力达到120万吨/年，PM2.5年均浓度控制在30微克/立方米以下，每年新增科普设施10处。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		per := "-"
		if ind.Per != nil {
			per = *ind.Per
		}
		got = append(got, fmt.Sprintf("%v %s", *ind.Value, per))
	}
	if want := "120 year | 30 - | 10 year"; strings.Join(got, " | ") != want {
		t.Errorf("read %q, want %q", strings.Join(got, " | "), want)
	}
}

// The total of towns listed by name, a numeral inside a town's name, is
// proposed; the length of the one road a clause builds is its target, the
// size of a class it backs is no target (D110).
func TestTownsListedAndOneThingBuilt(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"甲镇、三河镇、乙乡等3个乡镇共计120座设施进行改造。", "proposed: the total of the names listed | target"},
		{"科普长廊：建设一条12公里的科普步道。", "an ordinal, a denominator, a list's total, a scope | target"},
		{"支持营收5000万元以上的企业。", "a qualifier"},
	}
	for _, tt := range tests {
		if got := whyNot(tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// An engineer's capacity per day (m3/d) is read as a quantity; stated
// with 为 outside the goals it is proposed (D110). (一座 after its noun,
// closing a clause that builds, counts it: D140, tune31.)
func TestCapacityPerDayUnit(t *testing.T) {
	if got, want := whyNot("新建净水站一座，处理规模为600m3/d。"), "target | proposed: a level stated with 为, outside the goals"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
