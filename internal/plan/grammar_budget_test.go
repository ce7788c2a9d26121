package plan

import (
	"strings"
	"testing"
)

// readReport ingests an annual report of 2031 — a review of 2030, then the
// year's work — and returns the targets of its second part as the grammar
// tests write them. The sentences are written for these tests.
func readReport(t *testing.T, text string) string {
	t.Helper()
	doc, err := ingestText("政府工作报告\n——2031年2月20日在某省第三届人民代表大会第五次会议上\n某省省长\n各位代表：\n"+
		"一、2030年工作回顾\n全年地区生产总值增长6%，新建学校20所。\n二、2031年工作安排\n"+text, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		if len(ind.Section) > 0 && ind.Section[0] == "一" {
			continue
		}
		got = append(got, reading(ind))
	}
	return strings.Join(got, " | ")
}

// An annual report names no span in its title; the line under it dates its
// delivery, and that is the year its targets are due by: 今年 is that year,
// 今明两年 the next (D81+). The review of the past year holds no targets.
func TestAnnualReportYear(t *testing.T) {
	doc, err := ingestText("政府工作报告\n第三届人民代表大会第五次会议，2031年2月20日\n一、2030年工作回顾\n新建学校20所。\n二、2031年主要任务\n今年新建学校30所。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "政府工作报告" || doc.Period.Start == nil || *doc.Period.Start != 2031 || *doc.Period.End != 2031 {
		t.Fatalf("title %q, period %v", doc.Title, doc.Period)
	}
	tests := []struct{ sentence, want string }{
		// 今年 is the report's year, not a rate per year
		{"今年新建农村公路5000公里，改造老旧小区1200个。", "5000 公里 = - 2031 | 1200 个 = - 2031"},
		{"今明两年培训技术工人80万人次以上。", "80 人次×10000 >= - 2032"},
		{"三年内完成全部危桥改造，今年改造危桥300座。", "300 座 = - 2031"},
		// the headings of the year's work say what it is to achieve
		{"(一)推动重点领域改革取得新突破\n今年再削减审批事项50项。", "50 项 = - 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// A report on last year's plan and this year's draft names both years in
// its title; the line dating its delivery tells which is the plan's, and the
// part on how last year's plan went holds achievements.
func TestPlanDraftReport(t *testing.T) {
	doc, err := ingestText("关于某省2031年国民经济和社会发展计划执行情况与2032年计划草案的报告\n"+
		"(2032年1月20日在某省第十四届人民代表大会第四次会议上)\n一、2031年国民经济和社会发展计划执行情况\n全省地区生产总值增长5.8%，粮食产量达到680亿斤。\n"+
		"二、2032年主要目标\n地区生产总值增长5.5%左右，粮食产量稳定在675亿斤以上。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2032 || !strings.HasSuffix(doc.Title, "计划草案的报告") {
		t.Fatalf("title %q, period %v", doc.Title, doc.Period)
	}
	got := readings(doc.Indicators)
	want := "? 5.8 % = - 2032 | ? 680 斤×1e+08 = - 2032 | 5.5 % approx - 2032 | 675 斤×1e+08 >= - 2032"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A document dated only by its day of issue counts "N年内" and "未来N年"
// from that day: issued in 2031, within two years is 2033 (D81+). Years may
// be spaced out by a PDF's text layer (到 2033 年, 在 2 年内).
func TestDeadlineFromIssue(t *testing.T) {
	doc, err := ingestText("某市推进智能制造的若干措施\n2030年12月31日前完成清理。\n2031 年 7 月 28 日\n一、主要措施\n"+
		"1.力争在 2 年内支持不少于 80 个示范项目。\n2.未来三年培育智能工厂40家。\n3.到 2035 年，建成数字车间 300 个。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := readings(doc.Indicators)
	want := "80 个 >= - 2033 | 40 家 = - 2034 | 300 个 = - 2035"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// The year's budget: figures set beside their noun with no verb, the rate a
// sum is arranged at, a standard raised for everyone; a change stated beside
// the level it changes is proposed, a change stated alone is the target.
func TestBudgetFigures(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"今年赤字率拟按2.8%安排，财政赤字3.1万亿元，其中中央财政赤字2.2万亿元，地方财政赤字9000亿元。",
			"2.8 % = - 2031 | 3.1 元×1e+12 = - 2031 | 2.2 元×1e+12 = - 2031 | 9000 元×1e+08 = - 2031"},
		{"拟安排地方政府专项债券4.2万亿元，比去年增加5000亿元。", "4.2 元×1e+12 = - 2031 | ? 5000 元×1e+08 = - 2031"},
		{"中央预算内投资安排7000亿元，赤字率拟按3%左右安排。", "7000 元×1e+08 = - 2031 | 3 % approx - 2031"},
		{"财政赤字规模比去年增加8000亿元。", "8000 元×1e+08 = - 2031"},
		{"代发地方政府债券2500亿元。", "2500 元×1e+08 = - 2031"},
		{"其中，新开工改造老旧小区4万个，增加5000个。", "4 个×10000 = - 2031 | ? 5000 个 = - 2031"},
		{"城乡居民医保人均财政补助标准再增加25元。", "25 元 = - 2031"},
		{"基础养老金最低标准提高到每人每月170元。", "170 元 = - 2031"},
		// a standard for those who meet a condition stays a parameter
		{"对年营业收入超过1亿元的企业，补助标准提高到50万元。", ""},
		// comparisons with last year and a baseline named as last year's
		// state no past; a word of the past after a goal's clause does not
		// reach back to it
		{"今年粮食产量稳定在1.3万亿斤以上，比上年增长1%。", "1.3 斤×1e+12 >= - 2031 | ? 1 % = - 2031"},
		{"赤字率从去年的2.9%提高到3.2%。", "3.2 % = - 2031 (from 2.9)"},
		{"把居民消费价格涨幅控制在3%左右，这考虑了去年价格上涨的滞后影响。", "3 % approx - 2031"},
		{"今年淘汰燃煤小锅炉2万台，压减粗钢产能1000万吨。", "2 台×10000 = - 2031 | 1000 吨×10000 = - 2031"},
		// a sum the budget arranges for a purpose, though a word of subsidy
		// names the fund; proposed in a sentence that grants support, a
		// cap or a sum for each stays a parameter
		{"中央财政安排就业补助资金700亿元，退休人员基本养老金上调3%。", "700 元×1e+08 = - 2031 | 3 % = - 2031"},
		{"安排创业补贴资金20亿元，对新认定的创业孵化基地给予最高50万元奖励。", "? 20 元×1e+08 = - 2031"},
		{"每年各安排不超过1000万元专项资金支持产业园建设。", ""},
		// a standard of what a firm is paid stays a parameter
		{"将企业吸纳就业补贴标准提高到每人2000元。", ""},
		// the later items of a raise the list shares
		{"提高城乡低保标准，每人每月分别增加20元、15元。", "20 元 = - 2031 | 15 元 = - 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// Facts about the year and names that hold counts are no targets: the
// year's graduates, a population, a set of rules or goals named by its
// count, a count of counts, what exists, a sum referred back to, a policy
// named by its figure, the departments issuing a text, the total of the
// names just listed. People counted in 万 with no measure word are.
func TestFactsAndNames(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"今年全省高校毕业生预计52万人，城镇新增就业60万人以上。", "? 52 人×10000 = - 2031 | 60 人×10000 >= - 2031"},
		{"全省近800万人领取基本养老金。", "? 800 人×10000 approx - 2031"},
		{"全省科技工作者总数约300万人。", "? 300 人×10000 approx - 2031"},
		{"每年举办学术会议100场以上，今年举办青年论坛10场。", "100 场 >= year 2031 | 10 场 = - 2031"},
		{"严格落实中央八项规定精神，着力实现两个目标，为民办好十件实事。", ""},
		// what stood last year, then this year's clause building on it
		{"去年全省共举办科普活动3000场，今年要在此基础上增长10%。", "? 3000 场 = - 2031 | 10 % = - 2031"},
		{"统筹推进三个1000亿元工程。", ""},
		{"已开工的26个重点项目要加快建设，今年再开工30个。", "? 26 个 = - 2031 | 30 个 = - 2031"},
		{"上述1.5万亿元全部用于地方。", "? 1.5 元×1e+12 = - 2031"},
		{"降低物流收费3%政策延长到年底。", "? 3 % = - 2031"},
		{"5%左右的增速可以实现较为充分的就业。", "? 5 % approx - 2031"}, // (proposed: shareDoing keeps N%的…实现 from the qualifier rule)
		{"省发展改革委等6部门联合印发实施方案。", ""},
		{"本措施由市发展改革委等5部门负责解释。", ""},
		{"甲市、乙市、丙市三个国家级新区加快发展。", "? 3 个 = - 2031"},
		{"新建城东、城西两所学校。", "2 所 = - 2031"},
		{"今年再减少农村贫困人口80万以上，解决300万农村人口饮水安全问题。", "80 ×10000 >= - 2031 | 300 ×10000 = - 2031"},
		{"力争让剩余20多万无电人口用上电。", "20 ×10000 >= - 2031"},
		{"在50个县进行医疗改革试点，在8个领域开展试点。", "50 个 = - 2031"},
		{"确保零就业家庭至少有一人就业。", "1 人 >= - 2031"},
	}
	for _, tt := range tests {
		if got := readReport(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}

// Outside an annual plan, a sum arranged for a purpose is proposed: a
// support policy's fund may be a parameter.
func TestAllocationOutsideAnnualPlans(t *testing.T) {
	if got, want := readAll(t, "市财政安排人工智能产业发展补助资金2亿元。"), "? 2 元×1e+08 = - 2030"; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Deadlines given for several targets in order (分别), in a clause that is
// only a deadline after a sentence's opening words, and in a clause that
// opens with a time limit after the first.
func TestDeadlinesInTheSentence(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"到2028年、2030年，全市5G基站分别达到3万个、5万个。", "3 个×10000 = - 2028 | 5 个×10000 = - 2030"},
		{"坚持需求导向，聚焦重点领域，到2029年，建成示范工厂20家；培育专精特新企业100家。", "20 家 = - 2029 | 100 家 = - 2029"},
		{"稳住就业基本盘，未来三年培训技工50万人次，新增技能人才10万人。", "50 人次×10000 = - 2028 | 10 人×10000 = - 2028"},
		// a limit on one action stays its clause's
		{"推动学会规范化建设，3年内实现学会党建全覆盖，扶持优秀学会20家左右。", "20 家 approx - 2030"},
	}
	for _, tt := range tests {
		if got := readAll(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
	if got, want := readReport(t, "稳住就业基本盘，今明两年培训技工50万人次，新增技能人才10万人。"), "50 人次×10000 = - 2032 | 10 人×10000 = - 2032"; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
