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
	doc, err := Ingest(strings.NewReader("政府工作报告\n——2031年2月20日在某省第三届人民代表大会第五次会议上\n某省省长\n各位代表：\n" +
		"一、2030年工作回顾\n全年地区生产总值增长6%，新建学校20所。\n二、2031年工作安排\n" + text))
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
	doc, err := Ingest(strings.NewReader("政府工作报告\n第三届人民代表大会第五次会议，2031年2月20日\n一、2030年工作回顾\n新建学校20所。\n二、2031年主要任务\n今年新建学校30所。\n"))
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

// A document dated only by its day of issue counts "N年内" and "未来N年"
// from that day: issued in 2031, within two years is 2033 (D81+). Years may
// be spaced out by a PDF's text layer (到 2033 年, 在 2 年内).
func TestDeadlineFromIssue(t *testing.T) {
	doc, err := Ingest(strings.NewReader("某市推进智能制造的若干措施\n2031 年 7 月 28 日\n一、主要措施\n" +
		"1.力争在 2 年内支持不少于 80 个示范项目。\n2.未来三年培育智能工厂40家。\n3.到 2035 年，建成数字车间 300 个。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, reading(ind))
	}
	want := "80 个 >= - 2033 | 40 家 = - 2034 | 300 个 = - 2035"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("got %q\nwant %q", g, want)
	}
}
