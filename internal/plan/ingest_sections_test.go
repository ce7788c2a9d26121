package plan

import (
	"fmt"
	"strings"
	"testing"
)

// The section tree (ingest_sections.go) over the numbering styles
// ingest_heading.go reads.

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
	secs := sectionLines(doc, func(s *Section) string {
		return fmt.Sprintf("%d %s %s %q", s.Level, s.Number, s.Title, string([]rune(text)[s.Start:s.End]))
	})
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
	got := sectionLines(doc, func(s *Section) string { return s.Number + " " + s.Title })
	if want := "一 总体要求 | (一) 工作目标 | 二 重点任务 | (二) 建设平台 | 三 保障措施"; strings.Join(got, " | ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " | "), want)
	}
	if len(doc.Indicators) != 2 || doc.Indicators[1].Text != "新建平台5个" {
		t.Errorf("targets %+v", doc.Indicators)
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
	got := sectionLines(doc, func(s *Section) string { return fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title) })
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
	got = sectionLines(doc, func(s *Section) string { return fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title) })
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
	got := sectionLines(doc, func(s *Section) string { return fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title) })
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

// A PDF may put a heading's number alone on its line and the title on the
// next: the title is read from there, the section spans the number, and
// the title does not run into the item's first sentence.
func TestHeadingNumberAlone(t *testing.T) {
	text := "某市科技创新行动方案(2026-2030年)\n一、\n总体要求\n(一)\n主要目标\n到2028年，培育企业100家。\n二、\n- 2 -\n重点任务\n1.\n建设平台\n建成平台10个。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	got := sectionLines(doc, func(s *Section) string {
		return fmt.Sprintf("%s %s %q", s.Number, s.Title, string([]rune(text)[s.Start:s.End]))
	})
	want := []string{`一 总体要求 "一、"`, `(一) 主要目标 "(一)"`, `二 重点任务 "二、"`, `1 建设平台 "1."`}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("sections\n got %v\nwant %v", got, want)
	}
	if len(doc.Indicators) != 2 || doc.Indicators[1].Text != "建成平台10个" {
		t.Errorf("targets: %+v", doc.Indicators)
	}
}
