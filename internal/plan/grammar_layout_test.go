package plan

import (
	"fmt"
	"testing"
)

// Shapes of a PDF's layout found by reading the output on the pool of
// docs/benchmarks.md ("tune18"); every text here is written for the test.

// A layout that sets each figure on a line of its own: the lines that are
// only a number are figures of the sentence, not page numbers, when most of
// them go on with a unit; so is a multiplier on a line of its own.
func TestFiguresOnTheirOwnLines(t *testing.T) {
	text := "某县科普工作若干政策措施（2026年）\n一、夯实科普阵地\n" +
		"全年新建科普示范站\n180\n个以上，培训科普志愿者\n2000\n名。\n" +
		"— 2 —\n" +
		"新增科普大篷车\n12\n辆，科普经费投入\n300\n亿\n元。\n" +
		"二、壮大科普队伍\n" +
		"新增科技辅导员\n500\n名，评选科普达人\n40\n名。\n" +
		"3\n" +
		"科普活动覆盖\n300\n个村。\n"
	got := readDoc(t, text)
	want := "180 个 >= - 0 | 2000 名 = - 0 | 12 辆 = - 0 | 300 元×1e+08 = - 0 | 500 名 = - 0 | 40 名 = - 0 | 300 个 = - 0"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// A figure after a closing bracket, a range whose dash has a line of
	// its own, a lost decimal point said three times (not a running
	// header; the same unmapped glyph every time between digits, so the
	// document's decimal point, pointGlyph: the first is proposed only for
	// having no verb), cubic metres said short, a measure word 根.
	text = "某县科普工作若干政策措施（2026年）\n一、夯实科普阵地\n" +
		"新建科普馆（站）\n12\n座，建设\n1\n—\n2\n个科普公园。\n— 2 —\n" +
		"科普经费\n1\ue010 5\n亿元，科技馆改造资金\n1\ue010 5\n亿元，流动馆资金\n1\ue010 5\n亿元。\n" +
		"新增科普志愿者\n300\n名，供应天然气\n10\n亿方，新建充电桩\n1\n万根。\n"
	want = "12 座 = - 0 | 1-2 个 range - 0 | ? 1.5 元×1e+08 = - 0 | 1.5 元×1e+08 = - 0 | 1.5 元×1e+08 = - 0 | 300 名 = - 0 | 10 方×1e+08 = - 0 | 1 根×10000 = - 0"
	if got := readDoc(t, text); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// a page's number printed between the figure and its unit; a year on a
	// line of its own is the sentence's, not a page number, so 年 is no rate
	text = "某县科普工作若干政策措施\n一、夯实科普阵地\n新建科普站\n180\n个，培训讲解员\n30\n名，建设科普长廊\n8\n条，" +
		"新增科技辅导员\n500\n—\n4\n—\n\n人、科普讲解员\n200\n名以上。\n2026\n年集中力量建设科普场馆\n12\n座。\n"
	want = "180 个 = - 0 | 30 名 = - 0 | 8 条 = - 0 | 500 人 = - 0 | 200 名 >= - 0 | 12 座 = - 2026"
	if got := readDoc(t, text); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// the same short unit line after each figure (亿元。) is no running
	// header
	text = "某县科普工作若干政策措施（2026年）\n一、夯实科普阵地\n新建科普站\n180\n个，培训讲解员\n30\n名，建设科普长廊\n8\n条。\n" +
		"安排科普场馆经费\n2\n亿元。\n安排科普活动经费\n3\n亿元。\n安排科普人才经费\n1\n亿元。\n"
	want = "180 个 = - 0 | 30 名 = - 0 | 8 条 = - 0 | 2 元×1e+08 = - 0 | 3 元×1e+08 = - 0 | 1 元×1e+08 = - 0"
	if got := readDoc(t, text); got != want {
		t.Errorf("recurring unit line: got  %q\nwant %q", got, want)
	}
	// a browser's printout: the address with its page, the title with the
	// time it was printed, inside a sentence that runs over the page break
	text = "某县科普资源开放行动方案（2026—2028年）\n一、主要任务\n到2028年，建成\n\n" +
		"https://kx.example.gov.cn/2026/03-01/1234567.html 页码：2/5\n" +
		"某县人民政府办公室关于印发某县科普资源开放行动方案（2026—2028年）的通知_某县人民政府门户网站 3/5/26 下午4:05\n\n" +
		"30个左右科普资源共享站。\n"
	if got := readDoc(t, text); got != "30 个 approx - 2028" {
		t.Errorf("printout: got %q", got)
	}
	// A page number that falls between a word's halves in a document
	// that sets its figures inside the lines stays a page number.
	text = "某县科普工作若干政策措施（2026年）\n一、夯实科普阵地\n" +
		"建设一批科普资源共享服务平台，推动降\n1\n本增效，新建科普示范站20个。\n"
	if got := readDoc(t, text); got != "20 个 = - 0" {
		t.Errorf("page number between a word's halves: got %q", got)
	}
}

// A PDF whose font did not map the decimal point leaves a space, or an
// unmapped glyph and a space, between the digits: read as a decimal and
// proposed, not asserted with the wrong figure.
func TestLostDecimalPoint(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"市财政安排科普专项资金12\ue010 5亿元。", "? 12.5 元×1e+08 = - 2030"},
		{"科普场馆建设资金１２ ６亿元，新建科普e站40个。", "? 12.6 元×1e+08 = - 2030 | 40 个 = - 2030"},
		// a list's number or a table's before a count is no integer part
		{"1 20家企业建立科协组织。", "20 家 = - 2030"},
		{"科普基地建设详见附表1 20个重点项目。", "20 个 = - 2030"},
		// a group of three digits is a thousands separator, as before
		{"培训科普志愿者1 200名。", "1200 名 = - 2030"},
		// a year before a count is no integer part
		{"到 2028 年，建成科普基地 20 个。", "20 个 = - 2028"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

func readDoc(t *testing.T, text string) string {
	t.Helper()
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	return readings(doc.Indicators)
}

// What describes a thing rather than commits to making it: a figure
// referred to, the word 人员 after a figure's label, the parts a thing is
// made of — also spaced out by a PDF.
func TestDescriptionsNotCounts(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"科普资源体系包括展品、课程、人才等3个部分，如图2所示。", ""},
		{"服务体系主要包括场馆、阵地、队伍等4个 部 分 ， 如 图 5 所 示 。", ""},
		{"从人、财、物、场四个维度构建评价框架，分为三个阶段推进。", ""},
		{"基础共性 1通用1 1人员能力1 1评价1", ""},
		// a count of things made stays a target, and so do schools and staff
		{"建设科普示范学校12所，配备科普人员300人，建成3个区域科普中心。", "12 所 = - 2030 | 300 人 = - 2030 | 3 个 = - 2030"},
		// parts of the plan's work in a list that builds things stays a target
		{"新建科普长廊、科普角、科普馆等20个场所。", "20 个 = - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// Parameters of a support policy found in the pool: a condition that runs
// over several clauses before what it grants, a price charged per unit, a
// notice given ahead, a subsidy's rate raised; and a section that weighs
// whether the plan is feasible states where things stand.
func TestParametersOverClauses(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"对年度科普服务收入首次突破500万元、1000万元，且连续两年保持增长的科普企业，分别给予10万元、20万元奖励。", ""},
		{"对年度接待研学学生2000人次以上，且开放时间达到200天的科普基地，给予5万元补助。", ""},
		{"对参展观众超过1万人次，宣传科学精神、普及科学知识的科普展览，且获得市级以上表彰的，给予最高20万元资助。", ""},
		// 对接 and 对标 are verbs: what follows is no condition
		{"对接科技型企业200家，对其融资需求予以精准支持。", "200 家 = - 2030"},
		// a condition with nothing granted stays as it was; a target in the same paragraph stays
		{"对年服务企业超过100家且满意度高的科技服务机构开展绩效评价。到2028年，新建科普基地30个。", "? 100 家 >= year 2030 | 30 个 = - 2028"},
		{"科普场馆用电执行0.5元/千瓦时的优惠价格，新建科普场馆5座。", "5 座 = - 2030"},
		// (a PDF lost the 月 at a line's end: the notice is still no count)
		{"运营单位退出前，应至少提前6个\n向市科协书面报告；全年举办科普活动300场。", "300 场 = - 2030"},
		{"对山区县的科普项目，支持资金可上浮10%。", ""},
		// a web page that runs the next item on after the units of the last
		{"推动科普资源共享。（牵头单位：市科协、市财政局）新建科普馆3座，培训讲解员50名。", "3 座 = - 2030 | 50 名 = - 2030"},
		// a printout's page counter and date run into the text
		{"https://kx.example.cn/a.html 5/7\n项目评审、验收工作规范开展，新建科普站8个。", "8 个 = - 2030"},
		// the kinds a subsidy covers are its scope, proposed; a budget's breakdown names its items by purpose
		{"科普展品购置补贴由5类扩围至8类，新建科普馆2座。", "? 8 类 = - 2030 (from 5) | 2 座 = - 2030"},
		{"市财政预算安排资金3亿元，其中，支持科普场馆建设资金1亿元，资助各类科普活动5000万元。", "3 元×1e+08 = - 2030 | 1 元×1e+08 = - 2030 | ? 5000 元×10000 = - 2030"},
		// the size of a fund the plan runs is its commitment
		{"加快运营总规模不低于50亿元的科技创新母基金。", "50 元×1e+08 >= - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
	text := "某市科普资源开放实施方案\n一、必要性和可行性分析\n（一）可行性分析\n全市建成科普基地120个，汇聚科普资源3万条、建成12个专题库。\n" +
		"二、主要任务\n（一）开放资源\n到2028年，开放科普资源5万条。\n"
	if got := readDoc(t, text); got != "? 120 个 = - 2028 | ? 3 条×10000 = - 2028 | ? 12 个 = - 2028 | 5 条×10000 = - 2028" {
		t.Errorf("feasibility section: got %q", got)
	}
}

// Titles of support policies (若干措施, 若干政策, 若干举措), a title quoted on
// a line of a converter's front matter, and the edition of a year
// (（2026年版）): a plan of that year.
func TestPolicyTitles(t *testing.T) {
	tests := []struct{ text, title, period string }{
		{"文件名称: 某市支持科普产业发展若干措施\n一、支持科普企业\n新培育科普企业20家。\n", "某市支持科普产业发展若干措施", "-"},
		{"# 《关于推动科普事业高质量发展若干政策（2026年版）》\n一、夯实阵地\n全年新建科普e站120个。\n", "关于推动科普事业高质量发展若干政策(2026年版)", "2026-2026"},
		{"某省科普资源开放共享若干举措\n一、开放资源\n开放科普资源1万条。\n", "某省科普资源开放共享若干举措", "-"},
		// the middle of a sentence quoting documents, a contents entry with leader dots: no titles
		{"某市科普基础设施建设指引\n发展第十四个五年规划和2035年远景目标纲要》《全民科学素质行动规划纲要\n目录\n(二) 科普场馆建设方案 ............14\n一、总体要求\n建成科普基地50个。\n", "", "-"},
		// an edition of a year with goals beyond it runs to them
		{"某市加快建设科普强市实施方案（2026年版）\n一、总体目标\n到2028年，建成科普基地50个。\n二、重点任务\n新建科普站10个。\n",
			"某市加快建设科普强市实施方案(2026年版)", "2026-2028"},
		// a title broken over two lines; a sentence's line that quotes a guideline is no title
		{"某省人民政府关于加快推进科普事业和\n科普产业融合发展的指导意见\n一、总体要求\n为贯彻落实《关于新时代科普工作的指导意见》\n到2028年，建成科普基地50个。\n",
			"某省人民政府关于加快推进科普事业和科普产业融合发展的指导意见", "-"},
		{"为贯彻落实国家部门《关于加快科普产业发展的指导意见》（某发〔2026〕1号）精\n神，制定本方案。\n某市科普产业发展行动计划\n一、主要目标\n建成科普基地50个。\n", "某市科普产业发展行动计划", "-"},
	}
	for _, tt := range tests {
		doc, err := ingestText(tt.text, nil)
		if err != nil {
			t.Fatal(err)
		}
		p := "-"
		if doc.Period.Start != nil && doc.Period.End != nil {
			p = fmt.Sprintf("%d-%d", *doc.Period.Start, *doc.Period.End)
		}
		if doc.Title != tt.title || p != tt.period {
			t.Errorf("%q: title %q period %s, want %q %s", tt.text, doc.Title, p, tt.title, tt.period)
		}
	}
	// the targets of the edition of a year are due that year
	if got := readDoc(t, tests[1].text); got != "120 个 = - 2026" {
		t.Errorf("edition of a year: got %q", got)
	}
}
