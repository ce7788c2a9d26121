package plan

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A PDF's table of the plan's own years and their average growth, with no
// column named 目标 (指标 | 2020年 | 2025年 | 年均增速 | 属性, laid out in
// columns, a category cell merged down its rows): each row's target is the
// last year's level, the first year its baseline, and the growth a target a
// year beside it; a growth in brackets, a total over the five years as the
// table's note says, is no rate a year; a unit per another in a name's
// brackets (克标准煤/千瓦时) is the row's unit (D272).
func TestTableLevelBeforeGrowth(t *testing.T) {
	text := "某市能源发展“十四五”规划（2021—2025年）\n\n三、发展目标\n" +
		"                表1   能源发展主要目标\n" +
		"类别            指标         2020 年   2025 年    年均增速      属性\n\n" +
		"        全社会用电量（亿千瓦时）      520.4    690      5.8%     预期性\n" +
		"总量\n" +
		"          总装机规模（万千瓦）     1200.5   1600 左右   5.9%左右    预期性\n\n" +
		"        清洁能源装机比重（%）    21.3    35 左右      [13.7]   预期性\n" +
		"结构\n" +
		"         煤电机组平均供电煤耗\n" +
		"                          301.2     295      [-6.2]   约束性\n" +
		"           （克标准煤/千瓦时）\n\n" +
		"   注：[ ]为 5 年累计数。\n\n" +
		"四、重点任务\n（一）建设电源项目。\n"
	cellShape{name: "level before growth", read: []string{
		"全社会用电量 690亿千瓦时 per - base 520.4/2020",
		"全社会用电量（亿千瓦时） 5.8% per year base -",
		"总装机规模 1600万千瓦 per - base 1200.5/2020",
		"总装机规模（万千瓦） 5.9% per year base -",
		"清洁能源装机比重 35% per - base 21.3/2020",
		"清洁能源装机比重 13.7% per - base - cumulative",
		"煤电机组平均供电煤耗 295克标准煤/千瓦时 per - base 301.2/2020",
	}}.check(t, text)
}

// A PDF's table whose names' column has no title: the header (单位 | 2020 年
// | 2025 年 | 属性) is indented over rows that start with the indicator's
// name at the page's edge. The blank column is the names', as 指标 would
// title it; a row without its 属性 cell still puts its values under their
// years (D272).
func TestTableNamelessHeader(t *testing.T) {
	text := "某省“十四五”新能源发展规划（2021—2025年）\n\n三、发展目标\n" +
		"            专栏一   新能源发展主要指标\n" +
		"                  单位     2020 年   2025 年      属性\n\n" +
		"新能源电力消纳比重        %       12.4     20        预期性\n\n" +
		"新能源发电装机         万千瓦     1320     2600\n\n" +
		"  风电              万千瓦     520      1100       预期性\n\n" +
		"  光伏发电            万千瓦     800      1500       预期性\n\n" +
		"   四、重点任务\n（一）建设风电基地。\n"
	cellShape{name: "nameless header", read: []string{
		"新能源电力消纳比重 20% per - base 12.4/2020",
		"新能源发电装机 2600万千瓦 per - base 1320/2020",
		"风电 1100万千瓦 per - base 520/2020",
		"光伏发电 1500万千瓦 per - base 800/2020",
	}}.check(t, text)
}

// An annex's table of each county's tasks for one year (a 科普 plan's
// 附件): its title dates the tasks (2026 年…目标任务, in a plan of 2026–2030),
// its header is set on two lines (序号 | 县（市、区）, then the columns of
// counts further right), and its columns count events (场次) and people
// reached (万人次); a county with no task (/) has none (D272).
func TestTableCountyTasks(t *testing.T) {
	text := "某市全民科学素质行动实施方案（2026—2030年）\n\n一、主要目标\n到2030年，全市公民具备科学素质的比例达到20%。\n\n" +
		"附件1\n\n2026 年各县（市、区）科普工作目标任务\n\n" +
		" 序号    县（市、区）\n                科普活动（场次）    受众（万人次）\n\n" +
		"        全市        1200      85\n  1     东城区       150        12\n  2     西城区        /        /\n" +
		"  3     南湖区       220       15.5\n"
	got := datedReadings(t, text)
	slices.Sort(got)
	want := []string{"公民具备科学素质的比例 20% @2030", "东城区·受众 12万人次 @2026", "东城区·科普活动 150场次 @2026", "全市·科普活动 1200场次 @2026",
		"全市·受众 85万人次 @2026", "南湖区·受众 15.5万人次 @2026", "南湖区·科普活动 220场次 @2026"}
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A table of places under a title of targets (2027 年…预期目标) reads its
// columns of money and of growth too — each place's amount to reach and its
// rise — though a table of places without such a title reads counts only
// (a column of money there may be what each place has, D272).
func TestTableCountyMoneyTargets(t *testing.T) {
	body := "                2027 年科技投入预期目标\n" +
		" 序号    县（市、区）\n                研发投入（亿元）    比增（%）\n\n" +
		"        全市        320      10\n  1     东城区       45        9\n  2     南湖区       60.5      12\n"
	text := "某市科技创新发展规划（2026—2030年）\n\n一、主要任务\n（一）加大投入。\n\n附件2\n\n2027 年各县（市、区）科技投入预期目标\n\n" + body
	got := datedReadings(t, text)
	want := []string{"全市·研发投入 320亿元 @2027", "全市·比增 10% @2027", "东城区·研发投入 45亿元 @2027", "东城区·比增 9% @2027",
		"南湖区·研发投入 60.5亿元 @2027", "南湖区·比增 12% @2027"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// without the title of targets over it, no money is read
	text = "某市科技创新发展规划（2026—2030年）\n\n一、主要任务\n（一）加大投入。\n\n附件2\n\n各县（市、区）科技投入情况\n\n" +
		strings.Replace(body, "                2027 年科技投入预期目标\n", "", 1)
	if got := datedReadings(t, text); len(got) > 0 {
		t.Errorf("a table of places with no title of targets read %q", got)
	}
}

// A table of each place's installed capacity now and at the plan's end
// (序号 | 地区 | 2020 年装机 | 2025 年装机 | “十四五”新增装机, in a plan of
// 2021–2025): the year before the plan's first is each place's baseline,
// not a target; the rows are named by their places, not their numbers; the
// header repeated on the next page is no row; the total's row, without a
// number, is read (D272).
func TestTableYearsFromPlanStart(t *testing.T) {
	text := "某省可再生能源发展“十四五”规划（2021—2025年）\n\n二、发展目标\n" +
		"               表4       各地市“十四五”光伏发展目标\n" +
		"                                               单位：万千瓦\n" +
		"序号        地区    2020 年装机         2025 年装机      “十四五”新增装机\n" +
		"1         东湖            130             230         100\n" +
		"2         西岭            274             474         200\n\n— 12 —\n\n" +
		"序号    地区   2020 年装机   2025 年装机   “十四五”新增装机\n" +
		"3     南山      63        213          150\n" +
		"     合计      467       917         450\n\n" +
		"      三、重点任务\n      （一）推进分布式光伏。\n"
	cellShape{name: "years from the plan's start", read: []string{
		"东湖 230万千瓦 per - base 130/2020",
		"西岭 474万千瓦 per - base 274/2020",
		"南山 213万千瓦 per - base 63/2020",
		"合计 917万千瓦 per - base 467/2020",
	}}.check(t, text)
}

// datedReadings reads text's targets as "metric valueunit @year", in order.
func datedReadings(t *testing.T, text string) []string {
	t.Helper()
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, fmt.Sprintf("%s %g%s @%d", ind.Metric, *ind.Value, ind.Unit, *ind.DeadlineYear))
	}
	return got
}
