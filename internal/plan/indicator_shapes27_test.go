package plan

import "testing"

// A count that reads back the numeral of a quoted name it glosses (“2”即…
// 2项政策) is a description; a target stated in a definition stays (tune27).
func TestNumeralSpeltOut(t *testing.T) {
	const head = "某区产业发展规划(2026-2030年)\n一、主要任务\n"
	checkReadings(t, readingsOf(t, head+"构建“2+4”政策体系。“2”即支持研发、鼓励转化2项普惠政策；“4”即面向制造、软件、医药、金融等产业的4项专项政策。新建孵化器6家。"),
		"6家:asserted")
	checkReadings(t, readingsOf(t, head+"实施“百千”工程，即培育企业120家、引进人才800名。"), "120家:asserted", "800名:asserted")
	checkReadings(t, readingsOf(t, head+"“5”即每年新增专利5项。"), "5项:asserted")
}

// A unit per year written with a full-width slash (万吨／年) is per year,
// as with an ASCII one (tune27).
func TestPerYearFullWidthSlash(t *testing.T) {
	text := "某市氢能产业行动方案(2026-2028年)\n一、发展目标\n到2028年，制氢能力达到30万吨／年，储运能力达到12万吨/年。"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 2 {
		t.Fatalf("readings %+v, want two", doc.Indicators)
	}
	for _, ind := range doc.Indicators {
		if ind.Per == nil || *ind.Per != "year" {
			t.Errorf("%s: per %v, want year", ind.Text, ind.Per)
		}
	}
}

// A title that sets its goals before a year (2030年前碳达峰实施方案) ends the
// plan then; it is no plan of that one year, so its goals for an earlier
// horizon (到2025年) are its own, asserted (tune27).
func TestTitleDeadline(t *testing.T) {
	text := "某省2030年前碳达峰实施方案\n一、主要目标\n“十四五”期间，结构调整取得进展。到2025年，非化石能源消费比重达到22%左右。到2030年，非化石能源消费比重达到28%左右。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start != nil || doc.Period.End == nil || *doc.Period.End != 2030 {
		t.Errorf("period %v–%v, want –2030", doc.Period.Start, doc.Period.End)
	}
	checkReadings(t, readingsOf(t, text), "22%:asserted", "28%:asserted")
	if p := period("某市2025年科技工作要点", []string{"某市2025年科技工作要点"}); p.Start == nil || *p.Start != 2025 {
		t.Errorf("an annual plan's year: %v", p.Start)
	}
}

// A web page's heading line that carries the title and the page's chrome
// after it (the date posted, 来源, 字号) gives the title; a report on one
// year's plan carried out and the next year's draft is a plan of the next
// year (tune27).
func TestTitleOnAPageHeading(t *testing.T) {
	text := "1. [首页](https://example.org/)\n\n## 关于某市2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告  2031-01-20  来源：市发展改革委    字号：[大](https://example.org/#)\n\n各位代表：\n\n**一、2030年计划执行情况**\n\n2030年，全市生产总值增长5%。\n\n**二、2031年主要目标**\n\n全市生产总值增长5%左右。\n\n| 指标名称 | 属性 | 全年目标 |\n| --- | --- | --- |\n| 城镇新增就业人数 | 预期性 | 50万人以上 |\n| 城镇调查失业率 | 预期性 | 5%以内 |\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "关于某市2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告"; doc.Title != want {
		t.Errorf("title %q, want %q", doc.Title, want)
	}
	if doc.Period.End == nil || *doc.Period.End != 2031 {
		t.Errorf("period %v–%v, want 2031", doc.Period.Start, doc.Period.End)
	}
	for _, ind := range doc.Indicators {
		if !ind.Candidate && (ind.DeadlineYear == nil || *ind.DeadlineYear != 2031) {
			t.Errorf("%s: deadline %v, want 2031", ind.Text, ind.DeadlineYear)
		}
	}
}

// A cell's unit followed by another measure word in brackets (7万套（间）)
// is the first: 套 (tune27).
func TestCellAlternativeMeasure(t *testing.T) {
	cv, ok := readCell("7万套（间）")
	if !ok || cv.unit != "万套" || cv.value != 7 {
		t.Errorf("readCell: %+v %v, want 7 万套", cv, ok)
	}
	if cv, _ := readCell("35万元(含)"); cv.unit != "万元" {
		t.Errorf("readCell(35万元(含)): unit %q", cv.unit)
	}
}

// A page's list of a document's particulars (- 主题分类…规划) gives no
// title; a covering notice that names the plan without 《》 does (tune27).
func TestTitleOfAnUnquotedNotice(t *testing.T) {
	text := "- 索引号/2031-00001\n- 主题分类国民经济发展规划、计划\n- 成文日期2031-03-01\n\n某区人民政府办公室关于 印发某区能源保障“十五五”规划的通知\n\n各部门：\n\n《某区能源保障“十五五”规划》已经区政府同意，现印发给你们。\n\n**第一章  发展目标**\n\n到2035年，新能源装机达到500兆瓦。\n\n**第二章  重点项目**\n\n“十五五”期间全区将实施12座综合能源站。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "某区能源保障“十五五”规划" || doc.Issuer == nil || *doc.Issuer != "某区人民政府办公室" {
		t.Errorf("title %q, issuer %v", doc.Title, doc.Issuer)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2026 || doc.Period.End == nil || *doc.Period.End != 2030 {
		t.Errorf("period %v–%v, want 2026–2030", doc.Period.Start, doc.Period.End)
	}
}

// A notice's heading names its issuers, spaced, before 关于 (## 某省发展改革委
// 某省财政厅关于印发…的通知); a bold line of the notice names none (tune27).
func TestIssuersOfANotice(t *testing.T) {
	title, issuer := unquotedNotice([]string{"## 某省发展改革委 某省财政厅关于印发某省2031年设备更新工作方案的通知"})
	if title != "某省2031年设备更新工作方案" || issuer != "某省发展改革委 某省财政厅" {
		t.Errorf("%q, %q", title, issuer)
	}
	title, issuer = unquotedNotice([]string{"**关于印发某省2031年设备更新工作方案的通知**"})
	if title != "某省2031年设备更新工作方案" || issuer != "" {
		t.Errorf("%q, %q", title, issuer)
	}
}

// A plan printed in traditional characters reads as in simplified ones,
// its quotes still the text as written (tune27).
func TestTraditionalCharacters(t *testing.T) {
	const head = "某市能源發展規劃(2026-2030年)\n一、發展目標\n"
	checkReadings(t, readingsOf(t, head+"到2030年，能源消費總量控制在8000萬噸標準煤左右，新建充電樁5萬個，新能源裝機達到300萬千瓦。"),
		"8000萬噸標準煤:asserted", "5萬個:asserted", "300萬千瓦:asserted")
	if normalize("萬億個") != "万亿个" || normalize("万亿个") != "万亿个" {
		t.Errorf("normalize: %q", normalize("萬億個"))
	}
}

// The rows of a register of projects with their years of building are
// proposed; a list of tasks each due by a year stays asserted (tune27).
func TestProjectRegister(t *testing.T) {
	const head = "某县能源发展规划(2026-2030年)\n一、重点项目\n"
	register := "| 序号 | 项目名称 | 建设内容 | 总投资（万元） | 建设起止年限 | 建设性质 |\n| --- | --- | --- | --- | --- | --- |\n" +
		"| 1 | 城东充电站 | 新建充电站2座，充电桩40个 | 800 | 2026－2027 | 新建 |\n| 2 | 西山风电场 | 建设风电机组12台，总装机容量60兆瓦 | 42000 | 2027－2029 | 储备 |\n"
	checkReadings(t, readingsOf(t, head+register), "2座:proposed", "40个:proposed", "12台:proposed", "60兆瓦:proposed")
	tasks := "| 序号 | 项目名称 | 建设内容 | 完成时限 | 投资估算（万元） |\n| --- | --- | --- | --- | --- |\n" +
		"| 1 | 城东充电站 | 新建充电站2座 | 2027年 | 800 |\n"
	checkReadings(t, readingsOf(t, head+tasks), "2座:asserted")
}

// A row of one cell that titles a group of an indicator table's rows does
// not end a table with columns of years (tune27).
func TestGroupRowInYearTable(t *testing.T) {
	text := "某区能源规划(2026-2030年)\n第三章  主要目标\n\n| 指标名称 | 2025年实际值 | 2030年目标值 | 2035年目标值 |\n| --- | --- | --- | --- |\n" +
		"| ※能源生产供应（除“十五五”期间预计投产的重点高耗能项目外） |\n| 电力装机（兆瓦） | 180 | 2400 | 2600 |\n| ※能源消费 |\n| 非化石能源消费比重（％） | 18 | 25 | 30 |\n"
	checkReadings(t, readingsOf(t, text), "2400:asserted", "2600:asserted", "25:asserted", "30:asserted")
	doc, _ := ingestText(text+"| 能耗总量年均增速（％） | 2.1 | 1.5 | 1.2 |\n", nil)
	if n := len(doc.Indicators); n != 6 || doc.Indicators[2].Unit != "%" || doc.Indicators[4].Per == nil || *doc.Indicators[4].Per != "year" {
		t.Errorf("readings %+v: want 25 in %%, 1.5 %% per year", doc.Indicators)
	}
}

// The parts of a total that a sentence opening with 其中 lists go on over
// the sentences it separates with ；(tune27).
func TestPartsGoOnAfterSemicolon(t *testing.T) {
	const head = "某县能源规划(2026-2030年)\n一、重点项目\n"
	checkReadings(t, readingsOf(t, head+"实施各类发电项目12项，总装机容量900兆瓦。其中，水电站1座，装机容量100兆瓦；风电场5座，装机容量400兆瓦；光伏项目6项，装机容量400兆瓦。"),
		"12项:asserted", "900兆瓦:asserted", "1座:asserted", "100兆瓦:asserted", "5座:asserted", "400兆瓦:asserted", "6项:asserted", "400兆瓦:asserted")
}

// A unit over a unit written with a full-width slash (吨标准煤／万元) is read
// whole, and kept as written (tune27).
func TestUnitOverUnitFullWidthSlash(t *testing.T) {
	text := "某区能源规划(2026-2030年)\n一、发展目标\n到2030年，单位GDP能耗下降到0.32吨标准煤／万元。"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 1 || doc.Indicators[0].Unit != "吨标准煤／万元" || doc.Indicators[0].BaseUnit != "吨标准煤／万元" {
		t.Errorf("readings %+v, want 0.32 吨标准煤／万元", doc.Indicators)
	}
}

// A layout plan lays out its sites (共布置…69座); the distances and
// densities each site must keep are standards, the sites in service what
// exists: proposed (tune27).
func TestSitingStandards(t *testing.T) {
	const head = "某县充电站布局规划(2026-2030年)\n第三章  布局\n"
	checkReadings(t, readingsOf(t, head+"全县共布置充电站60座。其中在营充电站40座，规划新增充电站20座。"),
		"60座:asserted", "40座:proposed", "20座:asserted")
	checkReadings(t, readingsOf(t, head+"城区充电站的服务半径不少于1.5公里。充电站出口与学校出入口的距离应在50米以上。高速公路充电站每百公里不超过3对（6座）。"),
		"1.5公里:proposed", "50米:proposed", "6座:proposed")
	checkReadings(t, readingsOf(t, head+"到2030年，公共充电设施平均服务半径小于2公里。"), "2公里:asserted")
	checkReadings(t, readingsOf(t, head+"到2030年，在运充电设备中高效设备占比达到60%。"), "60%:asserted")
}

// A plan before a year of two horizons dates a sentence opening with a
// five-year span by the span's end; a measure of what a year holds (年利用量)
// is per year; a capability's level (具备5%以上的…能力) is its target (tune27).
func TestSpanCapabilityAnnualMeasure(t *testing.T) {
	text := "某省2030年前碳达峰实施方案\n一、重点任务\n“十四五”期间，货运铁水联运量年均增长12%以上。到2025年，工业固废年利用量达到3亿吨左右，电网具备4%以上的尖峰负荷响应能力。\n"
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 3 {
		t.Fatalf("readings %+v, want three", doc.Indicators)
	}
	if d := doc.Indicators[0].DeadlineYear; d == nil || *d != 2025 {
		t.Errorf("%s: due %v, want 2025", doc.Indicators[0].Text, d)
	}
	if p := doc.Indicators[1].Per; p == nil || *p != "year" {
		t.Errorf("%s: per %v, want year", doc.Indicators[1].Text, p)
	}
	if doc.Indicators[2].Value == nil || *doc.Indicators[2].Value != 4 || doc.Indicators[2].Candidate {
		t.Errorf("%+v: want 4%% asserted", doc.Indicators[2])
	}
}

// 最高 as the adjective of a measure (最高用电负荷) is no cap of a subsidy;
// a grid's kVA and circuits are units (tune27).
func TestPeakLoadAndGridUnits(t *testing.T) {
	const head = "某市能源发展规划(2026-2030年)\n一、发展目标\n"
	checkReadings(t, readingsOf(t, head+"到2030年，需求侧削峰能力达到最高用电负荷4%-6%，变电容量达到12000千伏安，外受电通道达到20条40回路。"),
		"4%-6%:asserted", "12000千伏安:asserted", "20条:asserted", "40回路:asserted")
	checkReadings(t, readingsOf(t, head+"对新建储能项目给予补贴，每个项目最高50万元。"))
}

// What a goal is expected to bring about (将可减少…，减少…) is an estimate,
// proposed; the goal itself stays asserted (tune27).
func TestExpectedEffect(t *testing.T) {
	const head = "某区能源规划(2026-2030年)\n一、发展目标\n"
	checkReadings(t, readingsOf(t, head+"到2030年，新能源装机容量达到800兆瓦，将可减少120万吨标准煤，减少二氧化碳排放约300万吨；天然气供应量达到2亿立方米。"),
		"800兆瓦:asserted", "120万吨标准煤:proposed", "300万吨:proposed", "2亿立方米:asserted")
}

// A small range of things each unit is asked to pick is proposed; a range
// the plan builds stays asserted (tune27).
func TestEachChooses(t *testing.T) {
	const head = "某市产业发展规划(2026-2030年)\n一、主要任务\n"
	checkReadings(t, readingsOf(t, head+"鼓励各区县选择2—3个重点发展领域，打造特色产业集群。"), "2—3个:proposed")
	checkReadings(t, readingsOf(t, head+"到2030年，建成2—3个国家级产业集群。"), "2—3个:asserted")
}

// The term of a party committee (十二届市委五次全会) is no count (tune27).
func TestTermOfACommittee(t *testing.T) {
	const head = "某市2031年国民经济和社会发展计划(2031年)\n一、主要任务\n"
	checkReadings(t, readingsOf(t, head+"按照十三届市委六次全会部署，新建社区食堂50个。"), "50个:asserted")
}

// An estimate part's count of the plan's projects is the plan's own; what
// they cost is the estimate (tune27).
func TestProjectsCountedInEstimate(t *testing.T) {
	const head = "某区能源保障规划(2026-2030年)\n第五章  重点项目\n第二节  投资估算\n"
	checkReadings(t, readingsOf(t, head+"据估算，全区“十五五”能源保障项目共80项，总投资为120亿元。"), "80项:asserted", "120亿元:proposed")
}
