package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Headings a page's typesetting breaks up (written for the test): a
// decimal outline's first title letter-spaced (1  概  述), a number of two
// dots whose title opens with a word a count's unit also opens (6.3.1
// 站内…, after a 6.2 with no 6.3: a number the document skipped), a
// number whose bold a page split (**（三** **）提升**), a number run in
// after a full stop whose title the line's end cut.
func TestSplitHeadings(t *testing.T) {
	cases := []struct{ name, text, sections string }{{
		name: "a letter-spaced title",
		text: "**某区综合能源站发展规划**\n\n**1  概  述**\n\n1.1 规划背景\n\n要推动产业发展。\n\n**2  现状分析**\n\n2.1 现状\n\n现有站点10座。\n\n" +
			"1  2  3\n\n表中共三列。\n",
		sections: `1 1 概  述 | 2 1.1 规划背景 | 1 2 现状分析 | 2 2.1 现状`,
	}, {
		name: "a third level opening with a unit's word",
		text: "**某区综合能源站发展规划**\n\n**6  安全规划**\n\n6.1 环境保护\n\n做好环境保护。\n\n6.2 安全规划\n\n做好安全设计。\n\n" +
			"6.3.1 站内设施与站外建筑安全间距要求\n\n间距不小于10米。\n\n6.3.2 站内设施间的安全间距要求\n\n间距不小于20米。\n\n1.5 站点建成。\n",
		sections: `1 6 安全规划 | 2 6.1 环境保护 | 2 6.2 安全规划 | 3 6.3.1 站内设施与站外建筑安全间距要求 | 3 6.3.2 站内设施间的安全间距要求`,
	}, {
		name: "a number whose bold a page split",
		text: "# 某省充电基础设施实施方案\n\n一、重点任务\n\n**（一）** **制定充电基础设施规划。** 以县域为单元编制规划。\n\n" +
			"**（二** **）提升** **创新示范应用水平。** 推广有序充电。\n\n**（三）强化** **要素保障。** 统筹利用资金。\n",
		sections: `1 一 重点任务 | 2 (一) 制定充电基础设施规划 | 2 (二) 提升创新示范应用水平 | 2 (三) 强化要素保障`,
	}, {
		// a PDF's text a line a paragraph: 2. and 3. run in after a full
		// stop, 3.'s title cut by the line's end
		name: "a run-in number whose title the line cut",
		text: "某行业数字化转型实施方案\n\n一、重点行动\n\n（一）技术赋能行动 1.释放数据价值。鼓励企业\n\n" +
			"开展数据治理。2.加快技术应用。支持企业研发\n\n关键软件。3.加快工业互联网平台\n\n部署。鼓励大型企业建设平台。\n\n（二）模式创新行动\n",
		sections: `1 一 重点行动 | 2 (一) 技术赋能行动 | 3 1 释放数据价值 | 3 2 加快技术应用 | 3 3 加快工业互联网平台 | 2 (二) 模式创新行动`,
	}}
	for _, c := range cases {
		doc, err := Ingest(strings.NewReader(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		secs := sectionLines(doc, func(s *Section) string {
			return fmt.Sprintf("%d %s %s", s.Level, s.Number, strings.ReplaceAll(strings.ReplaceAll(s.Title, "** **", ""), "*", ""))
		})
		if got := strings.Join(secs, " | "); got != c.sections {
			t.Errorf("%s: sections\n got %s\nwant %s", c.name, got, c.sections)
		}
	}
}
