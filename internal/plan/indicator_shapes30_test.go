package plan

import (
	"fmt"
	"strings"
	"testing"
)

// shapes30Head opens the texts of tune30's tests: a plan of several years,
// in a section of tasks.
const shapes30Head = "某市城乡建设行动方案(2026-2030年)\n二、重点任务\n"

// 不大于 and 不多于 bound from above: not 大于, not 多于 (tune30).
func TestNotGreaterBound(t *testing.T) {
	for _, c := range []struct{ text, cmp string }{
		{"到2030年，全市公共充电桩平均服务半径不大于1公里。", "<="},
		{"到2030年，中心城区易涝积水点不多于10处。", "<="},
		{"到2030年，全市公园绿地面积大于500公顷。", ">="}, // (stored as >=)
	} {
		doc, err := ingestText(shapes30Head+c.text, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Indicators) != 1 || doc.Indicators[0].Comparator != c.cmp {
			t.Errorf("%s: readings %+v, want one %s", c.text, doc.Indicators, c.cmp)
		}
	}
}

// A service radius capped (≤2公里, 不大于, 控制在…以内) is how near the network
// brings every place, a goal; one with a floor (不少于0.9公里) is how far each
// site keeps from the next, a standard proposed (tune30).
func TestRadiusCappedIsCoverage(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"到2030年，中心城区充电设施服务半径≤2公里，外围区服务半径控制在3公里以内。"),
		"2公里:asserted", "3公里:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"城区加油站的服务半径不少于0.9公里。"), "0.9公里:proposed")
}

// 宗 counts transactions and cases (出让矿业权110宗); after a Chinese numeral
// it stays a word (三宗罪) (tune30).
func TestCasesInZong(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"到2030年，出让矿业权110宗，盘活闲置土地30宗。"), "110宗:asserted", "30宗:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"坚决纠正三宗罪式的形式主义。"))
}

// A sum per person (25万元/人) is in 元/人; a subsidy per person stays a
// subsidy (tune30).
func TestSumPerPerson(t *testing.T) {
	doc, err := ingestText(shapes30Head+"到2030年，全员劳动生产率达到25万元/人。对吸纳就业的企业给予3000元/人奖励。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 1 || doc.Indicators[0].Unit != "万元/人" || doc.Indicators[0].BaseUnit != "元/人" || doc.Indicators[0].Candidate {
		t.Errorf("readings %+v, want 25万元/人 asserted, in 元/人", doc.Indicators)
	}
}

// A value the noun after its 的 names as a goal (4.5%左右的增长目标) is the
// goal set, no qualifier; with a verb between (的企业达到目标) the value
// qualifies again (tune30).
func TestValueNamedGoal(t *testing.T) {
	checkReadings(t, readingsOf(t, "某省2026年政府工作报告\n二、2026年工作安排\n综合考虑各方面因素，确定4.5%左右的增长目标。"), "4.5%:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"推动营业收入1亿元以上的企业达到目标要求。"))
}

// A word of the past that is no statement of where things stand: 已建成 after
// a verb that acts on what it names (优化已建成…), 目前 inside 项目前期 —
// the sentence's targets are the plan's (tune30).
func TestPastWordsThatLookAhead(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"优化已建成自然村生活污水治理设施运维管护，项目区农民满意度不低于80%。"), "80%:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"实施31处中小型灌区续建配套与现代化改造，推进滑石子泵站等灌区项目前期工作。"), "31处:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"目前全市已建成污水处理厂12座。"), "12座:proposed")
}

// A length and a count joined by 和 are two items of one verb (强化100余公里
// 主要支流和30余条…治理), no size naming the class the count counts (tune30).
func TestItemsJoinedByHe(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"强化100余公里主要支流和30余条、800多公里中小河流岸线治理。"),
		"100余公里:asserted", "30余条:asserted", "800多公里:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"培育年营收超10亿元企业20家。"), "20家:asserted")
}

// A sentence after a ; that follows one asserting a target is the next item
// of its list: the list's verb governs its bare level (…提升1个百分点以上；居民
// 消费价格涨幅2%；…) (tune30).
func TestListItemAfterSemicolon(t *testing.T) {
	const head = "某省2026年政府工作报告\n二、2026年工作安排\n"
	checkReadings(t, readingsOf(t, head+"常住人口城镇化率提升1个百分点以上；居民消费价格涨幅2%；粮食产量稳定在1300万吨以上。"),
		"1个百分点:asserted", "2%:asserted", "1300万吨:asserted")
	checkReadings(t, readingsOf(t, head+"加快建设现代化产业体系。全省规上工业企业总数3000家。"), "3000家:proposed")
}

// A ring named by its length (形成“1公里超充圈”) is a name, as one in minutes
// is (15分钟生活圈) (tune30).
func TestRingNamedByLength(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"现有充电站逐步改造成为超充站，形成“1公里超充圈”，新建超充站20座。"), "20座:asserted")
}

// A year made the attribute of its report (2025年度…执行报告) dates nothing
// past: the year's reports are handed in after it; a year before the plan
// that dates the sentence still reports (tune30).
func TestYearOfItsReport(t *testing.T) {
	const head = "某区2026年生态环境保护工作要点\n二、重点任务\n"
	checkReadings(t, readingsOf(t, head+"全区2025年度排污许可执行报告按时提交率达到98%以上。"), "98%:asserted")
	checkReadings(t, readingsOf(t, head+"全区2025年度空气质量优良天数比例达到80%。"), "80%:proposed")
}

// A change in points set for each (每个产业…占比每年提高一个百分点) is a goal
// for each, no applicant's parameter; a sum for each applicant still is
// (tune30).
func TestPointsForEach(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"四大产业中的每个产业区级税收占比每年提高1个百分点。"), "1个百分点:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"科技创新券额度为每家企业每年10万元。"), "10万元:proposed")
}

// A clause opening with 包括 after one with a verb lists the parts of what
// the verb makes (推出…精品，包括文学作品30部、影视作品15部): governed; a count
// before its noun there (包括中心城区、12个乡镇) names a scope (tune30).
func TestPartsIncluded(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"推出一批文艺精品，包括文学作品30部、影视作品15部。"), "30部:asserted", "15部:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"规划范围覆盖全县，包括中心城区、12个乡镇。"), "12个:proposed")
}

// Bounds written as symbols (PUE值<1.25, 利用率>60%, ＞, ≧, ＞＝, ≤) are
// comparators, and a ratio bounded by one a level (tune30).
func TestBoundSymbols(t *testing.T) {
	doc, err := ingestText(shapes30Head+"到2030年，新建大型数据中心PUE值<1.25，可再生能源利用率>60%，算力规模＞5000P，存储容量≧100EB，绿色电力占比＞＝50%，电能利用效率(PUE)≤1.3。", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"<=", ">=", ">=", ">=", ">=", "<="} // (< and > are stored as <= and >=)
	if len(doc.Indicators) != len(want) {
		t.Fatalf("readings %+v, want %d", doc.Indicators, len(want))
	}
	for k, ind := range doc.Indicators {
		if ind.Comparator != want[k] || ind.Candidate {
			t.Errorf("reading %d (%s): %s candidate=%v, want %s asserted", k, ind.Text, ind.Comparator, ind.Candidate, want[k])
		}
	}
}

// The items of a list after one a proposal reads are read alike (支持3个国家级
// 保种场、2个国家级核心育种场: both the units a measure backs); a verb between
// them makes the next its own (tune30).
func TestListItemsReadAlike(t *testing.T) {
	const head = "某省2026年政府工作报告\n二、2026年工作安排\n"
	checkReadings(t, readingsOf(t, head+"支持3个国家级保种场、2个国家级核心育种场开展性能测定。"), "3个:proposed", "2个:proposed")
	checkReadings(t, readingsOf(t, head+"支持3个国家级保种场、新建2个国家级核心育种场。"), "3个:proposed", "2个:asserted")
}

// A clause that says what one unit is worth (据测算，1 EFLOPS 约为5台…或200万台
// 笔记本的算力输出) defines the unit: its figures are no results (tune30).
func TestUnitWorth(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"据测算，1 EFLOPS 约为 5 台超级计算机或 200 万台主流笔记本的算力输出。到2030年，全市算力规模达到20 EFLOPS。"),
		"20 EFLOPS:asserted")
}

// 现有 right after a verb of change (改扩建现有20个储备库) names what the work
// rebuilds, not where things stand; a level held (守住18亿亩耕地红线) is
// governed as 保持 is (extra 210, 212; tune30).
func TestExistingRebuiltAndLevelHeld(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"改扩建现有20个储备库和35个综合仓库，在人口密集区域建设7个综合性储备基地。"),
		"20个:asserted", "35个:asserted", "7个:asserted")
	checkReadings(t, readingsOf(t, shapes30Head+"全市现有储备库20个。"), "20个:proposed")
	checkReadings(t, readingsOf(t, shapes30Head+"坚决守住120万亩耕地红线。"), "120万亩:asserted")
}

// The reports of a year two before the plan were handed in before it: that
// year still dates the sentence (tune30).
func TestYearOfItsReportLongPast(t *testing.T) {
	checkReadings(t, readingsOf(t, "某区2026年生态环境保护工作要点\n二、重点任务\n全区2024年度排污许可执行报告按时提交率达到95%。"), "95%:proposed")
}

// The categories just listed may be joined by 和 (家庭农场和农民合作社两类经营
// 主体), as by 、 (extra 212; tune30).
func TestCategoriesJoinedByHe(t *testing.T) {
	checkReadings(t, readingsOf(t, shapes30Head+"突出抓好家庭农场和农民合作社两类经营主体，培育家庭农场500家。"), "500家:asserted")
}

// comparatorsOf is each reading's comparator, in order.
func comparatorsOf(t *testing.T, text string) []string {
	t.Helper()
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ind := range doc.Indicators {
		out = append(out, ind.Comparator)
	}
	return out
}

// The bound said once after the last value of a 分别 list binds them all
// (分别达2050万吨、4200万吨、19万吨以上); a level stepped up to (迈上4万亿元新台阶)
// is reached at least; a comparator after a unit's alternative in brackets
// (1万台（套）以上) is the quantity's, and so is one before a rate's
// denominator (超每千人6.6批次) (tune30).
func TestSharedAndSteppedBounds(t *testing.T) {
	const head = "某省2026年政府工作报告\n二、2026年工作安排\n"
	for _, c := range []struct {
		text string
		want []string
	}{
		{"水果、蔬菜、茶叶产量分别达2050万吨、4200万吨、19万吨以上。", []string{">=", ">=", ">="}},
		{"肉、奶产量分别稳定在310万吨和750万吨左右。", []string{"approx", "approx"}},
		{"城乡居民人均可支配收入分别增长5%、6.5%左右，粮食产量达到500万吨。", []string{"approx", "approx", "="}},
		{"力争全省地区生产总值迈上4万亿元新台阶。", []string{">="}},
		{"开放共享科研设施和科研仪器1万台（套）以上。", []string{">="}},
		{"食品抽检量超每千人6.6批次。", []string{">="}}, // (the bound before the rate's denominator)
	} {
		got := comparatorsOf(t, head+c.text)
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: comparators %q, want %q", c.text, got, c.want)
		}
	}
}

// deadlinesOf is each reading's deadline (0 for none), in order.
func deadlinesOf(t *testing.T, text string) []int {
	t.Helper()
	doc, err := ingestText(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, ind := range doc.Indicators {
		y := 0
		if ind.DeadlineYear != nil {
			y = *ind.DeadlineYear
		}
		out = append(out, y)
	}
	return out
}

// A report of a five-year span's first year that presents the span's outline
// and its indicators (《纲要（草案）》明确了…主要指标：…), or names the next five
// years (设定了今后五年…主要指标，包括…), gives those goals the span's end; the
// year's own targets keep the year (tune30).
func TestOutlineGoalsDue(t *testing.T) {
	const head = "2026年某省政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第五次会议上\n"
	got := deadlinesOf(t, head+"一、关于纲要草案的说明\n"+"《纲要（草案）》明确了经济社会发展主要指标：一是围绕经济发展，提出6项指标，其中地区生产总值年均增长5%左右。二是围绕民生福祉，城镇调查失业率5.5%左右。\n二、2026年工作安排\n今年地区生产总值增长5.5%左右。")
	if want := []int{2030, 2030, 2026}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("deadlines %v, want %v", got, want)
	}
	got = deadlinesOf(t, head+"二、2026年工作安排\n《纲要草案》设定了今后五年我省24个主要指标，包括地区生产总值年均增长5%左右。")
	if want := []int{2030}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("deadlines %v, want %v", got, want)
	}
}

// 年度 that names one year (2025年度, 较上一年度) is no period; one that
// does not (技术合同年度成交额) is (tune30).
func TestYearNamedNoPeriod(t *testing.T) {
	doc, err := ingestText(shapes30Head+"温拌沥青使用比例较上一年度提升5个百分点，技术合同年度成交额达到1600亿元。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 2 || doc.Indicators[0].Per != nil || doc.Indicators[1].Per == nil || *doc.Indicators[1].Per != "year" {
		t.Errorf("readings %+v, want 5个百分点 without a period, 1600亿元 a year", doc.Indicators)
	}
}

// A capacity named by a year (年供水能力, 年产能) is per year (tune30).
func TestCapacityOfAYear(t *testing.T) {
	doc, err := ingestText(shapes30Head+"新增规模以上水利工程年供水能力14亿立方米。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 1 || doc.Indicators[0].Per == nil || *doc.Indicators[0].Per != "year" {
		t.Errorf("readings %+v, want 14亿立方米 a year", doc.Indicators)
	}
}

// 年 opening a size that names a class (年投资亿元以上项目新开工43个) is the
// size's, no period of the count; 年 opening a verb (年培训农民10万人次) is
// (tune30).
func TestYearOfAClassSize(t *testing.T) {
	doc, err := ingestText(shapes30Head+"年投资亿元以上项目新开工43个以上，年培训农民10万人次。", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Indicators) != 2 || doc.Indicators[0].Per != nil || doc.Indicators[1].Per == nil {
		t.Errorf("readings %+v, want 43个 without a period, 10万人次 a year", doc.Indicators)
	}
}

// 每年 opening a later clause gives the rest of the sentence its period
// (…，每年推广应用工业机器人8000台以上，工业人工智能应用100个以上), up to a clause
// with a deadline of its own (…，到2027年…增长20%以上) (tune30).
func TestEachYearOpensLaterClause(t *testing.T) {
	doc, err := ingestText(shapes30Head+"高标准培育智能工厂，每年推广应用工业机器人8000台以上，工业人工智能应用100个以上，到2028年，全市工业设备投资较2025年增长20%以上。", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, true, false}
	if len(doc.Indicators) != len(want) {
		t.Fatalf("readings %+v, want %d", doc.Indicators, len(want))
	}
	for k, ind := range doc.Indicators {
		if (ind.Per != nil) != want[k] {
			t.Errorf("reading %d (%s): per %v, want a year: %v", k, ind.Text, ind.Per, want[k])
		}
	}
}

// 盘活 and 出让 govern what they bring back to use or sell (盘活闲置空间1700万
// 平方米, 省级出让矿业权110宗) (tune30).
func TestRevitalisedAndSold(t *testing.T) {
	const head = "某省2026年政府工作报告\n二、2026年工作安排\n"
	checkReadings(t, readingsOf(t, head+"纵深推进新一轮找矿突破战略行动，省级出让矿业权110宗。促进分散资源集约化经营，盘活闲置空间1700万平方米。"),
		"110宗:asserted", "1700万平方米:asserted")
}
