package plan

import (
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

// The count of the plan's own indicators, a division of the work, the set
// phrases of political texts, a congress's term and the year's list of
// things done for the people are names, not targets; what they sit beside
// still is.
func TestReportNames(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"规划纲要提出四大类25个主要指标，包括15个预期性指标、10个约束性指标。", ""},
		{"分12个领域细化五年任务，新建学校30所。", "30 所 = - 2031"},
		{"我们要统筹两个大局，调动中央和地方两个积极性，新建学校30所。", "30 所 = - 2031"},
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
