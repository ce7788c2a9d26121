package plan

import (
	"strings"
	"testing"
)

// A web page saved as Markdown (invented): its menus of links, one naming
// a department of 规划, and its list of particulars come before the
// covering notice, which names the plan without 《》 and with its years.
func TestTitleAfterPageMenus(t *testing.T) {
	var b strings.Builder
	b.WriteString("![](http://www.example.gov.cn/images/close.png)\n\n部  门\n\n")
	for k := range 4 {
		for _, d := range []string{"区发展改革委", "区财政局", "区规划和自然资源局", "区住房城乡建委", "区交通运输委", "区商务委", "区生态环境局", "区城市管理局", "区水利局", "区文化旅游委", "区卫生健康委", "区应急局"} {
			b.WriteString("- [" + d + "](http://www.example.gov.cn/bm/" + string(rune('a'+k)) + "/ \"" + d + "\")\n")
		}
	}
	b.WriteString("\n- 索引号\n- 11500/2026-00001\n- 体裁分类\n- 规划\n- 发布机构\n- 某区人民政府\n- 标题\n" +
		"- 某区人民政府 关于印发某区充电设施发展规划（2026—2030年）的通知\n- 发文字号\n- 某府发〔2026〕1号\n\n" +
		"## 某区人民政府 关于印发某区充电设施发展规划（2026—2030年）的通知\n\n各街道办事处，区政府各部门：\n\n" +
		"《某区充电设施发展规划（2026—2030年）》已经区政府同意，现印发给你们，请认真遵照执行。\n\n某区人民政府\n\n2026年3月1日\n\n" +
		"**某区充电设施发展规划**\n\n**（2026—2030年）**\n\n**1  总则**\n\n1.1 规划目标\n\n到2030年，建成充电桩1000个。\n")
	doc, err := Ingest(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if want := "某区充电设施发展规划(2026-2030年)"; doc.Title != want {
		t.Errorf("title %q, want %q", doc.Title, want)
	}
	if doc.Issuer == nil || *doc.Issuer != "某区人民政府" {
		t.Errorf("issuer %v, want 某区人民政府", doc.Issuer)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2026 || doc.Period.End == nil || *doc.Period.End != 2030 {
		t.Errorf("period %+v, want 2026–2030", doc.Period)
	}
}

// An issuer as a page's line gives it, its marks taken off.
func TestPageIssuer(t *testing.T) {
	for in, want := range map[string]string{"## 上海市人民政府": "上海市人民政府", "| 标题 : | 重庆市人民政府": "重庆市人民政府",
		`**\[标  题\]** 某区人民政府办公室`: "某区人民政府办公室", "- 某区人民政府": "某区人民政府", "##": "", "国务院": "国务院"} {
		if got := pageIssuer(in); got != want {
			t.Errorf("pageIssuer(%q) = %q, want %q", in, got, want)
		}
	}
}

// A work report a page gives without the date it was delivered on
// (invented): its title's year is the year of its aims.
func TestReportYearFromTitle(t *testing.T) {
	text := "**2026年某区人民政府工作报告**\n\n一、2025年工作回顾\n\n过去一年，全区生产总值增长5%。\n\n" +
		"二、2026年工作安排\n\n今年主要预期目标是：地区生产总值增长5.5%左右。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2026 || doc.Period.End == nil || *doc.Period.End != 2026 {
		t.Errorf("period %+v, want 2026", doc.Period)
	}
}

// A title the cover page broke over lines (invented): its end alone names
// no plan but the words before it do (发展规划 under “十四五”科普事业; the
// 关于 of an issuer two lines up).
func TestTitleBrokenOverLines(t *testing.T) {
	for _, c := range []struct{ text, title string }{
		{"“十四五”某市科普事业\n     发展规划\n\n\n    某市科学技术协会\n\n一、发展回顾\n\n过去五年成效明显。\n", "“十四五”某市科普事业发展规划"},
		{"某市人民政府办公室关于加快推进\n社区科普设施建设切实服务基层群众\n科学素质提升的实施意见\n某府办发〔2026〕3号\n一、总体要求\n（一）指导思想。\n",
			"某市人民政府办公室关于加快推进社区科普设施建设切实服务基层群众科学素质提升的实施意见"},
	} {
		doc, err := Ingest(strings.NewReader(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != c.title {
			t.Errorf("title %q, want %q", doc.Title, c.title)
		}
	}
}
