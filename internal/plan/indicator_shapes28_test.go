package plan

import "testing"

// A magnitude after 超过 that ends its clause is a size said without its 1
// (产业规模超过千亿元); one before the noun it counts (超过万家企业运用…)
// counts whom the plan reaches (tune28).
func TestImpliedOneAfterChaoguo(t *testing.T) {
	const head = "某市氢能产业发展行动方案(2026-2030年)\n一、发展目标\n"
	checkReadings(t, readingsOf(t, head+"到2029年，氢能产业链规模超过万亿元，加氢站超过百座。"), "万亿元:asserted", "百座:asserted")
	checkReadings(t, readingsOf(t, head+"引导全市超过万家中小企业使用绿色电力。"))
}

// A year named as the base a change is measured from (与2022年相比) is no
// year of the past: the changes after it, in later clauses too, are the
// plan's targets; a sentence that opens with a past year still reports
// (tune28).
func TestComparedWithBaseYear(t *testing.T) {
	const head = "某省2024—2026年建筑节能行动方案\n二、重点任务\n"
	checkReadings(t, readingsOf(t, head+"与2022年相比，2026年公共建筑单位面积能耗下降6%左右，新建建筑中装配式建筑占比提高8个百分点以上。"),
		"6%:asserted", "8个百分点:asserted")
	checkReadings(t, readingsOf(t, head+"到2026年底，既有建筑节能改造面积达到300万平方米；同2023年底相比，可再生能源替代率提高2个百分点。"),
		"300万平方米:asserted", "2个百分点:asserted")
	checkReadings(t, readingsOf(t, head+"2022年，全省新建绿色建筑面积3000万平方米。"), "3000万平方米:proposed")
	// the base named with what it counts (与2023年底现有站点数量相比): no past, no deadline
	doc, err := ingestText(head+"到2026年，全省换电站总数控制在 90 座以内，与 2023 年底现有换电站数量相比新增 24 座。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 2 || doc.Indicators[1].Candidate || doc.Indicators[1].DeadlineYear == nil || *doc.Indicators[1].DeadlineYear != 2026 {
		t.Errorf("readings %+v, want the 24 asserted, due 2026", doc.Indicators)
	}
}

// A bound said as what must not happen (不得低于, 不应超过) is a floor or a
// ceiling, not its opposite (tune28).
func TestMustNotBound(t *testing.T) {
	for _, c := range []struct{ text, cmp string }{
		{"新建数据中心的可再生能源使用比例不得低于30%。", ">="},
		{"新建项目单位产品能耗不应超过0.5吨标准煤。", "<="},
		{"每个园区的绿地率不宜低于15%。", ">="},
	} {
		doc, err := ingestText("某市绿色发展行动方案(2026-2028年)\n一、重点任务\n"+c.text, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Indicators) != 1 || doc.Indicators[0].Comparator != c.cmp {
			t.Errorf("%s: readings %+v, want one %s", c.text, doc.Indicators, c.cmp)
		}
	}
}

// A deadline said as a goal (力争到2026年) in the clause after a sentence's
// opening words (通过…，力争到2026年，…；…) governs the rest of the sentence
// up to the next deadline (tune28).
func TestStrivenDeadlineAfterOpening(t *testing.T) {
	text := "某市推动设备更新行动方案\n一、工作目标\n通过强化政策支持，力争到2026年，老旧设备加快淘汰；工业设备投资较2024年增长20%；到2028年，工业设备投资较2024年增长40%，回收企业达到12家。"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{2026, 2028, 2028}
	if len(doc.Indicators) != len(want) {
		t.Fatalf("readings %+v, want %d", doc.Indicators, len(want))
	}
	for k, ind := range doc.Indicators {
		if ind.DeadlineYear == nil || *ind.DeadlineYear != want[k] {
			t.Errorf("reading %d (%s): deadline %v, want %d", k, ind.Text, ind.DeadlineYear, want[k])
		}
	}
}

// A bound that picks whom the clause's later figure binds (高于35%的城市…
// 应达到…) is its condition; 年度最大 names a level of the year, no rate per
// year; a change the plan permits (可放宽至) is proposed (tune28).
func TestThresholdPeakAndPermission(t *testing.T) {
	const head = "某省电力需求侧管理实施方案(2026-2028年)\n二、重点任务\n"
	checkReadings(t, readingsOf(t, head+"到2028年，空调负荷占比高于35%的城市可调节负荷能力应达到其年度最大负荷的4%以上。"), "4%:asserted")
	doc, err := ingestText(head+"到2028年，可调节负荷能力达到年度最大负荷的6%。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 1 || doc.Indicators[0].Per != nil {
		t.Errorf("readings %+v, want one with no period", doc.Indicators)
	}
	checkReadings(t, readingsOf(t, head+"到2028年，风光资源富集地区的弃电率可放宽至8%，储能配置比例提高到15%。"), "8%:proposed", "15%:asserted")
}

// A part titled as an overview (…概况) and its subsections state where
// things stand: their figures are proposed, the goals' asserted (tune28).
func TestOverviewPart(t *testing.T) {
	text := "某县充电基础设施专项规划（2026-2030年）\n第一章 区域与交通发展概况\n1.1 交通设施\n县城规划建设8处公共停车场，人均停车场用地面积不小于0.6平方米。\n第二章 规划目标\n到2030年，全县建成公共充电桩1200个。"
	checkReadings(t, readingsOf(t, text), "8处:proposed", "0.6平方米:proposed", "1200个:asserted")
}

// In a forecast part, a share the plan requires of what is built — a floor
// or all of it — is its own; a share it expects is proposed (tune28).
func TestBuiltShareInForecastPart(t *testing.T) {
	text := "某县公共停车设施专项规划（2026-2030年）\n第四章 需求预测\n4.1 停车需求预测\n到2030年，全县小汽车保有量约12万辆，新能源车渗透率约35%。\n4.2 配建原则\n新建居住区停车位100%建设或预留充电条件，既有小区改造后智能停车位占比不低于20%，公共停车场无障碍车位比例不低于2%。"
	checkReadings(t, readingsOf(t, text), "12万辆:proposed", "35%:proposed", "100%:asserted", "20%:asserted", "2%:asserted")
}

// A table of what the plan adds in each place, its unit in the caption
// without brackets: each non-zero cell a target due the plan's end; a table
// that checks the spread against what exists is no such table (tune28).
func TestTableOfPlacesPlanned(t *testing.T) {
	text := `某县充电站布局规划（2026-2030年）
三、布局规划
表 3-1 新增充电站布点一览表单位：座

| 乡镇名称 | 上轮规划顺延 | 本轮规划新增 | 新增合计 |
| --- | --- | --- | --- |
| 城关镇 | 1 | 2 | 3 |
| 青石镇 | 0 | 0 | 0 |
| 合计 | 1 | 2 | 3 |

表 3-2 布点校核表

| 片区名称 | 现有站点数量 | 按人口计算增加数 | 已规划站点数量 |
| --- | --- | --- | --- |
| 北片 | 12 | 3 | 4 |
`
	got := readingsOf(t, text)
	checkReadings(t, got, "1:asserted", "2:asserted", "3:asserted", "1:asserted", "2:asserted", "3:asserted")
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range doc.Indicators {
		if ind.Unit != "座" || ind.DeadlineYear == nil || *ind.DeadlineYear != 2030 {
			t.Errorf("%s: unit %q, deadline %v; want 座 due 2030", ind.Text, ind.Unit, ind.DeadlineYear)
		}
	}
}

// The parts (其中，…) of a total the sentence before only forecast (预计约为)
// are forecast too; the parts of a total asserted stay asserted (tune28).
func TestPartsOfForecastTotal(t *testing.T) {
	const head = "某县充电设施专项规划（2026-2030年）\n第七章 供电保障\n"
	checkReadings(t, readingsOf(t, head+"经测算，2030年全县充电用电量预计约为6500万千瓦时。其中，公交车辆需求约1200万千瓦时，出租车需求约300万千瓦时。"),
		"6500万千瓦时:proposed", "1200万千瓦时:proposed", "300万千瓦时:proposed")
	checkReadings(t, readingsOf(t, head+"到2030年，全县新建公共充电桩1500个。其中，快充桩600个，慢充桩900个。"),
		"1500个:asserted", "600个:asserted", "900个:asserted")
}

// A bound that picks what an action is taken on (对…超过30%的站点实施改造)
// is no target; a bound only advised (不宜超过) and the spacing of a layout
// (按约3公里间距布设) are proposed (tune28).
func TestObjectAdvisedSpacing(t *testing.T) {
	const head = "某市充电网络建设方案（2026-2028年）\n二、重点任务\n"
	checkReadings(t, readingsOf(t, head+"到2028年，优先对高峰时段排队率高于30%的充电站进行扩容，新增快充桩800个。"), "800个:asserted")
	checkReadings(t, readingsOf(t, head+"社区慢充桩单桩功率不宜超过 11 千瓦，沿主干道按约3公里间距布设快充站。"), "11 千瓦:proposed", "3公里:proposed")
}

// A ratio of one to some bounded (桩车比不低于1:6) is read, its first term
// the value; inside quotes that name the plan's goal (按“…”目标) it is the
// plan's target, not a slogan (tune28).
func TestRatioOneToSomeQuotedGoal(t *testing.T) {
	const head = "某市换电设施专项规划（2026-2030年）\n第五章 规划目标\n"
	checkReadings(t, readingsOf(t, head+"到2030年，全市换电站与换电车辆按“站车比不低于 1:6”目标配置。"), "1:6:asserted")
	doc, err := ingestText(head+"到2030年，公共桩车比不低于1:6。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 1 || doc.Indicators[0].Value == nil || *doc.Indicators[0].Value != 1 || doc.Indicators[0].Comparator != ">=" {
		t.Errorf("readings %+v, want 1 >=", doc.Indicators)
	}
}

// 与上年相比 names the base of a change, as 比上年 does: no past (tune28).
func TestComparedWithLastYear(t *testing.T) {
	const head = "某市2027年节能降碳工作要点\n一、主要目标\n"
	checkReadings(t, readingsOf(t, head+"与上年相比，全市单位地区生产总值能耗下降2.5%，规上工业用水量与去年同期相比减少3%。"), "2.5%:asserted", "3%:asserted")
	checkReadings(t, readingsOf(t, head+"去年全市单位地区生产总值能耗下降2.8%。"), "2.8%:proposed")
}
