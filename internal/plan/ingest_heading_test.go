package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Headings a converter ran into their paragraphs (a PDF's text saved as one
// line per page, a web page's bold run-in titles): each layout below is
// written for the test.
func TestRunInHeadingLayouts(t *testing.T) {
	cases := []struct{ name, text, sections, targets string }{{
		// a (一) after its 一、's title and a space; a title that runs on
		// into its paragraph after a space ends at the space; a heading
		// after the bracket of the item's units (one bracket nested in it)
		name: "spaces and units",
		text: "某区科协科普工作方案（2026—2027 年）\n为推进全民科学素质提升，制定本方案。 一、总体目标 （一）基本原则 党建引领，协同推进。" +
			"到 2027 年，建成社区科普站 30 个。（责任单位：区科协、区教育局（区体育局）） （二）工作目标 到 2027 年，培训科普讲解员 500 名。" +
			"（牵头单位：区科协） 二、保障措施 （一）加强统筹 区科协每季度调度一次。\n",
		sections: `1 一 总体目标 "一、总体目标" | 2 (一) 基本原则 "（一）基本原则" | 2 (二) 工作目标 "（二）工作目标" | ` +
			`1 二 保障措施 "二、保障措施" | 2 (一) 加强统筹 "（一）加强统筹"`,
		targets: "30 个 = - 2027 [一 (一)] | 500 名 = - 2027 [一 (二)]",
	}, {
		// the units' bracket opened on the page before; the page's header
		// (printed alone atop three pages) joined to the page's first line
		name: "page header",
		text: "某县科学技术协会\n某县青少年科技教育行动方案（2026—2028 年）\n一、重点任务 （一）建设科技教室 到 2028 年，新建科技教室 40 间。" +
			"（责任单位：县科协、\n- 2 -\n某县科学技术协会\n某县科学技术协会 县教育局、县财政局） （二）培养科技辅导员 每年培训科技辅导员 200 名。\n" +
			"- 3 -\n某县科学技术协会\n某县科学技术协会 （三）开展科普活动 每年举办科技节 1 次以上。\n",
		sections: `1 一 重点任务 "一、重点任务" | 2 (一) 建设科技教室 "（一）建设科技教室" | 2 (二) 培养科技辅导员 "（二）培养科技辅导员" | ` +
			`2 (三) 开展科普活动 "（三）开展科普活动"`,
		targets: "40 间 = - 2028 [一 (一)] | 200 名 = year 2028 [一 (二)] | 1 次 >= year 2028 [一 (三)]",
	}, {
		// bold run-in headings of a web page, titles closed by 。
		name: "bold",
		text: "某市科协数字科普行动方案（2026—2027年）\n为推进数字科普，制定本方案。**一、行动目标** **（一）平台建设。**到2027年，建成数字科普平台3个。" +
			"**（二）资源建设。**新增科普短视频1000部。\n",
		sections: `1 一 行动目标 "一、行动目标" | 2 (一) 平台建设 "（一）平台建设" | 2 (二) 资源建设 "（二）资源建设"`,
		targets:  "3 个 = - 2027 [一 (一)] | 1000 部 = - 2027 [一 (二)]",
	}}
	for _, c := range cases {
		doc, err := Ingest(strings.NewReader(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		secs := sectionLines(doc, func(s *Section) string {
			return fmt.Sprintf("%d %s %s %q", s.Level, s.Number, s.Title, string([]rune(c.text)[s.Start:s.End]))
		})
		if got := strings.Join(secs, " | "); got != c.sections {
			t.Errorf("%s: sections\n got %s\nwant %s", c.name, got, c.sections)
		}
		var got []string
		for _, ind := range doc.Indicators {
			got = append(got, fmt.Sprintf("%s %v", reading(ind), ind.Section))
		}
		if strings.Join(got, " | ") != c.targets {
			t.Errorf("%s: targets\n got %s\nwant %s", c.name, strings.Join(got, " | "), c.targets)
		}
	}
}

// What stays text: a numbered list inside a sentence after a colon or a
// semicolon, a bracket that names no units before a space and (二), a pair
// of numerals after a bracket, and a title whose space is no run-in.
func TestRunInNotHeadings(t *testing.T) {
	text := "某市科协工作要点（2027年）\n一、重点工作\n（一）学会建设 重点抓好三项工作：（一）组织建设；（二）人才举荐；（三）品牌活动。" +
		"建成示范学会10个（详见附表） （二）为本年度新增指标。全市一、二级学会达到120个（含新设立的学会） 三、四线城市学会帮扶 持续开展。\n" +
		"（二）科普 基地\n新建科普基地20个。\n"
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	secs := sectionLines(doc, func(s *Section) string { return fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title) })
	if want := "1 一 重点工作 | 2 (一) 学会建设 | 2 (二) 科普 基地"; strings.Join(secs, " | ") != want {
		t.Errorf("sections\n got %s\nwant %s", strings.Join(secs, " | "), want)
	}
}

// unitsClosed: the bracket of an item's units a line ends inside.
func TestUnitsClosed(t *testing.T) {
	for s, want := range map[string]bool{
		"建成站点30个。（责任单位：区科协、区教育局":   true,
		"（牵头单位：A（集团）、B":            true,
		"〔责任部门：县科协":                true,
		"县教育局、县财政局":                true, // opened on a line before
		"建成示范学会10个（详见附表":           false,
		"（2026年":                   false,
		"到2027年，建成站点30个。县教育局、县财政局": false,
		"（责任单位：区科协）":               false, // closed already
	} {
		if got := unitsClosed(s); got != want {
			t.Errorf("unitsClosed(%q) = %v, want %v", s, got, want)
		}
	}
}
