package plan

import (
	"fmt"
	"strings"
	"testing"
)

// phraseReadings is what the rules alone read from one sentence under a plan of
// 2026–2030, in TestQuantityPhrases' notation ("value unit×mult cmp per
// deadline", "?" before a candidate, " | " between readings).
func phraseReadings(t *testing.T, sentence string) string {
	t.Helper()
	doc, err := ingestText("某市科技创新行动方案(2026-2030年)\n一、目标\n"+sentence, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, reading(ind))
	}
	return strings.Join(got, " | ")
}

// The holes the grid showed (TestGrid), each shape a sentence written for
// this test, beside what must stay as it was.
func TestGridHoles(t *testing.T) {
	tests := []struct{ sentence, want string }{
		// 千 after Arabic digits multiplies a count, as 万 does
		{"新增科技志愿者2千人以上，培训基层科普员5千人次。", "2 人×1000 >= - 2030 | 5 人次×1000 = - 2030"},
		{"选拔青年人才3千名。", "3 名×1000 = - 2030"},
		// but 千米, 千克, 千瓦 stay units of their own
		{"建成科普绿道12千米，新增装机500千瓦。", "12 千米 = - 2030 | 500 千瓦 = - 2030"},
		// a floor said before 两 counts what the plan builds; 两个以上 and a
		// floor qualifying a noun (的) are still proposed
		{"建成科普场馆不少于两所，每个区至少培育两家学会。", "2 所 >= - 2030 | 2 家 >= - 2030"},
		{"建成两个以上科普场馆。", "? 2 个 >= - 2030"},
		{"对涉及不少于两个部门的事项加强协调。", "? 2 个 >= - 2030"},
		// Chinese numerals before 批 and 次 count what the plan does, but
		// not batches a work is split in nor a few times
		{"遴选科技项目二十批，举办学术会议一百次。", "20 批 = - 2030 | 100 次 = - 2030"},
		{"分三批推进，开展两次评估，推进三次分配，建设一批平台，申报最多不超过五批。", ""},
		// nor a session's number
		{"按照省委十二届十次、十一次全会部署，落实市委十五次全会要求。", ""},
		// a clause that is only a deadline after the sentence's first
		// clause governs the rest of it, with 力争 as without
		{"加强科普阵地建设，力争到2027年，建成科普基地10个。", "10 个 = - 2027"},
		{"加强科普阵地建设，争取到2028年底，建成科普场馆3所。", "3 所 = - 2028"},
		// and a date things stand at after the first clause dates the
		// rest of the sentence to before the plan: proposed
		{"夯实队伍基础，截至2024年底，全市注册科技志愿者达到3.2万名。", "? 3.2 名×10000 = - 2024"},
		// a count in Chinese numerals before a word that starts with 一;
		// a slogan of numbers stays none
		{"建设十个一流学科，培养二十名一线科技辅导员。", "10 个 = - 2030 | 20 名 = - 2030"},
		{"实施三个一百工程，推出十个一批，形成三位一体格局，贯通三个一号公路。", ""},
		// a five-year span ended before the plan, in a later clause
		{"夯实工作基础，“十四五”期间累计举办科普活动860场。", "? 860 场 = - 2030"},
		{"夯实工作基础，“十五五”期间累计举办科普活动900场。", "900 场 = - 2030"},
		// a range whose ends each carry the unit or the multiplier
		{"建成科普场馆3个至5个，培养科技辅导员100名-200名。", "3-5 个 range - 2030 | 100-200 名 range - 2030"},
		{"服务群众30万至50万人次，投入资金2亿-3亿元。", "30-50 人次×10000 range - 2030 | 2-3 元×1e+08 range - 2030"},
		// but not two quantities of different units, nor a lower second
		{"建成3个至5家，培育10个至5个。", "3 个 = - 2030 | 5 家 = - 2030 | 10 个 = - 2030 | 5 个 = - 2030"},
		// 余 or 多 after the multiplier is a floor, as before it
		{"培训基层科普人员1万余人次，投入资金3亿多元。", "1 人次×10000 >= - 2030 | 3 元×1e+08 >= - 2030"},
		// a share of the whole (全市) an acting verb covers is no qualifier
		{"科普服务覆盖全市90%以上的乡镇。", "90 % >= - 2030"},
		// a comparator word of the clause right before another number is
		// that number's, not the count's
		{"建设面积不少于500平方米的科普馆3个，至少新建科普站5个。", "3 个 = - 2030 | 5 个 >= - 2030"},
		// but a list the word governs shares it
		{"支持不少于100个团队、100个项目。", "100 个 >= - 2030 | 100 个 >= - 2030"},
	}
	for _, tt := range tests {
		if got := phraseReadings(t, tt.sentence); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, got, tt.want)
		}
	}
}

// A table of tasks by year whose tasks' column is headed 任务 (or 工作任务,
// 具体任务) dates each year's cell by its column, as 重点任务 did; a header
// over the years' columns (分年度招生任务) names no column of tasks.
func TestGridTaskHeader(t *testing.T) {
	for _, h := range []string{"任务", "工作任务", "具体任务", "重点任务"} {
		doc, err := ingestText("某市科协科普工作方案（2026—2028年）\n一、年度任务\n| 序号 | "+h+" | 2026年目标 | 2027年目标 | 牵头单位 |\n"+
			"| --- | --- | --- | --- | --- |\n| 1 | 科普阵地 | 新建科普基地5个 | 新建科普基地8个 | 市科协 |\n", nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ind := range doc.Indicators {
			got = append(got, fmt.Sprintf("%g %d", *ind.Value, *ind.DeadlineYear))
		}
		if g := strings.Join(got, " | "); g != "5 2026 | 8 2027" {
			t.Errorf("%s: got %s", h, g)
		}
	}
	if taskWord("分年度招生任务") || !taskWord("任务") {
		t.Error("taskWord")
	}
	// a year's cell whose count is in Chinese numerals is read as that year's
	doc, err := ingestText("某市科协科普工作方案（2026—2028年）\n一、年度任务\n| 序号 | 任务 | 2026年目标 | 2027年目标 | 牵头单位 |\n"+
		"| --- | --- | --- | --- | --- |\n| 1 | 科普阵地 | 新建科普基地十个 | 新建科普场馆两座 | 市科协 |\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%g %d", *ind.Value, *ind.DeadlineYear))
	}
	if g := strings.Join(got, " | "); g != "10 2026 | 2 2027" {
		t.Errorf("Chinese numerals in a year's cell: got %s", g)
	}
}

// The unit of a floor said after the multiplier reads without the word.
func TestGridFloorWordUnit(t *testing.T) {
	doc, err := ingestText("某市科技创新行动方案(2026-2030年)\n一、目标\n培训基层科普人员1万余人次。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 1 || doc.Indicators[0].Unit != "万人次" || doc.Indicators[0].Text != "培训基层科普人员1万余人次" {
		t.Errorf("%+v", doc.Indicators)
	}
}
