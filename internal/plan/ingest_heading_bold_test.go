package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Layouts of county and city layout plans (sections6), written for the
// test: a PDF's text saved as Markdown a paragraph a page, its 1、 headings
// kept in bold whose title runs on past a comma or opens with a quotation,
// one after a colon; a decimal outline whose title opens with 人口; items
// run into a paragraph.
func TestBoldAndOutlineLayouts(t *testing.T) {
	cases := []struct{ name, text, sections string }{{
		name: "bold headings a paragraph a page",
		text: "某县加油站布局规划（2026—2030年）\n一、发展形势 （一）面临的机遇 **1、“十五五”时期全县经济稳步增长，带动成** 品油需求增长。" +
			"全县经济保持增长。 **2、打造区域交通节点，促进客货运流量增长，成** 品油市场迎来机遇。交通量逐年增加。 " +
			"**3、机动车保有量较快增长。** 保有量年均增长百分之五。\n" +
			"二、布局方案 （一）设置标准 站点布局要遵循以下基本要求： **1、站点设置基本要求**\n服务半径适中。 **2、站点选址基本要求** （1）符合国土空间规划。\n" +
			"三、保障措施 （一）加强协调 各部门密切配合，包括：**1、统一规划**；**2、分步实施**。\n",
		sections: `1 一 发展形势 | 2 (一) 面临的机遇 | 3 1 “十五五”时期全县经济稳步增长 | 3 2 打造区域交通节点 | 3 3 机动车保有量较快增长 | ` +
			`1 二 布局方案 | 2 (一) 设置标准 | 3 1 站点设置基本要求 | 3 2 站点选址基本要求 | 4 (1) 符合国土空间规划 | 1 三 保障措施 | 2 (一) 加强协调`,
	}, {
		name:     "decimal outline, a title opening with 人",
		text:     "某县充电设施布局规划\n一、县域概况\n（一）资源禀赋\n1 人口规模\n全县常住人口稳定。\n2 人才队伍\n技能人才持续增加，\n3 人参加培训。\n",
		sections: `1 一 县域概况 | 2 (一) 资源禀赋 | 3 1 人口规模 | 3 2 人才队伍`,
	}, {
		// a report's 实事 run into one paragraph, each item after a full
		// stop, its title ending at a comma; a pair in running text is no run
		name: "items run into a paragraph",
		text: "某市政府工作报告\n一、今年重点工作\n（一）办好民生实事\n今年继续办好十件实事。（1）扩大就业，新增城镇就业5万人。（2）改善办学条件，新建幼儿园10所。" +
			"（3）加强医疗服务，新建社区医院6个。\n（二）推进城市更新\n推进两项工作。（1）改造老旧小区，全年改造40个。（2）更新管网，改造管网100公里。\n",
		sections: `1 一 今年重点工作 | 2 (一) 办好民生实事 | 3 (1) 扩大就业 | 3 (2) 改善办学条件 | 3 (3) 加强医疗服务 | 2 (二) 推进城市更新`,
	}, {
		// a PDF's text layer: (一) read as (-); 1. whose title opens with
		// a code of figures; a decimal after 1. stays a quantity
		name:     "a PDF's misread numbers",
		text:     "某县国土空间布局方案\n一、总体格局\n(-)空间结构\n1.12235 空间格局\n一核两带两区。\n1.25 亿元用于建设。\n（二）城镇体系\n",
		sections: `1 一 总体格局 | 2 (一) 空间结构 | 3 1 12235 空间格局 | 2 (二) 城镇体系`,
	}, {
		// a line a PDF broke after a magnitude's number (…积石山\n5.6 级地震…)
		// is no decimal heading: 级 is the number's unit
		name:     "a line opening with a grade",
		text:     "某省政府工作报告\n一、过去一年工作回顾\n全力做好积石山\n5.6 级地震灾后重建，完成恢复重建项目120个。\n二、今年重点工作\n（一）扩大有效投资\n新开工项目300个。\n",
		sections: `1 一 过去一年工作回顾 | 1 二 今年重点工作 | 2 (一) 扩大有效投资`,
	}, {
		// five levels: 1 / 1.1 / 1.1.1 / （1） / ①; (1) ranks below the
		// innermost depth of the outline it sits under (1.2's, then 1.2.1's)
		name: "a decimal outline above (1) and ①",
		text: "某县充电设施布局规划\n1 总则\n1.1 规划目的\n为规范建设，制定本规划。\n1.2 规划原则\n（1）统筹布局\n统筹城乡。\n（2）适度超前\n适度超前。\n" +
			"1.2.1 近期原则\n（1）科学引导\n①近期建设\n近期建设充电桩100个。\n②远期建设\n远期建设充电桩300个。\n（2）需求导向\n按需建设。\n1.2.2 远期原则\n远期从严。\n2 现状分析\n2.1 发展现状\n现有充电桩50个。\n",
		sections: `1 1 总则 | 2 1.1 规划目的 | 2 1.2 规划原则 | 3 (1) 统筹布局 | 3 (2) 适度超前 | 3 1.2.1 近期原则 | 4 (1) 科学引导 | ` +
			`5 ① 近期建设 | 5 ② 远期建设 | 4 (2) 需求导向 | 3 1.2.2 远期原则 | 1 2 现状分析 | 2 2.1 发展现状`,
	}}
	for _, c := range cases {
		doc, err := Ingest(strings.NewReader(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		secs := sectionLines(doc, func(s *Section) string {
			return fmt.Sprintf("%d %s %s", s.Level, s.Number, s.Title)
		})
		if got := strings.Join(secs, " | "); got != c.sections {
			t.Errorf("%s: sections\n got %s\nwant %s", c.name, got, c.sections)
		}
	}
}
