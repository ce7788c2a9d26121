package plan

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Tables of places whose header has two rows (wave 19, tune37-T): tables of
// our own.
func TestFlatPlaceBands(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"placebands.txt", "numbered rows of streets (序号 | 街道) under heads that each span a band of years in the row below (口袋公园建设（个） over 2026-2027年 | 2028年): every cell due its year, the later of a span, in its head's unit; the total row (小计) without a number", []string{
			"东江街道 6个 @2027",
			"东江街道 4个 @2028",
			"东江街道 3条 @2027",
			"东江街道 2条 @2028",
			"西岭街道 5个 @2027",
			"西岭街道 3个 @2028",
			"西岭街道 2条 @2027",
			"西岭街道 1条 @2028",
			"小计 11个 @2027",
			"小计 7个 @2028",
			"小计 5条 @2027",
			"小计 3条 @2028",
		}},
		{"placebandsmixed.txt", "a unit above the table (单位：亩), heads dated by their own span (2027-2029年任务量 wrapped over two lines, 纳入27-29年重点整治) beside heads spanning a band of measures (存量分布情况 over 件数 | 面积: what there is, no target) and one of years (分年度任务量 over 2027年约300亩 | …): what a sentence read in a year's head is due that year", []string{
			"2027年全区完成存量违法用地整治 900亩 @2029",
			"亩序号街镇存量分布情况2027-2029年任务量纳入27-2 ~300亩 @2027",
			"亩序号街镇存量分布情况2027-2029年任务量纳入27-2 ~350亩 @2028",
			"亩序号街镇存量分布情况2027-2029年任务量纳入27-2 ~250亩 @2029",
			"东江镇 500亩 @2029",
			"东江镇 200亩 @2029",
			"东江镇 180亩 @2027",
			"东江镇 170亩 @2028",
			"东江镇 150亩 @2029",
			"西岭镇 400亩 @2029",
			"西岭镇 150亩 @2029",
			"西岭镇 120亩 @2027",
			"西岭镇 180亩 @2028",
			"西岭镇 100亩 @2029",
			"总计 900亩 @2029",
			"总计 350亩 @2029",
			"总计 300亩 @2027",
			"总计 350亩 @2028",
			"总计 250亩 @2029",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}

// A table read whole replaces what sentences read inside it wherever it
// says more, however many those were (wave 19, tune37-T): here a sentence's
// reader took the table's lines run together for eight values with units
// (fullness 16, against a table of 2 value columns of which one a target's
// and 15 value cells: the old guard skipped any table with 16·2 ≥ 2·15·1),
// and the table's nine rows say more (fullness 18).
func TestFlatTableOverRunTogether(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "flat", "indicatorsdensity.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	doc, err := Ingest(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := len(doc.Indicators)
	rs := []rune(text)
	var runTogether []Indicator
	for _, v := range []string{"81.5%", "90%", "36万乘次", "96%、95%", "3000个", "30公里", "12座", "2000个"} {
		k := strings.Index(string(rs), v)
		at := utf8.RuneCountInString(string(rs)[:k])
		one := 1.0
		runTogether = append(runTogether, Indicator{Text: v, Value: &one, Unit: "%", Start: at, End: at + utf8.RuneCountInString(v)})
	}
	d := &docRead{doc: &Doc{Indicators: runTogether, Period: doc.Period, Sections: doc.Sections}}
	d.flatTables(text)
	var units []string
	for _, ind := range d.doc.Indicators {
		units = append(units, ind.Unit)
	}
	if len(d.doc.Indicators) != want || !slices.Contains(units, "km/km2") || !slices.Contains(units, "万乘次") {
		t.Errorf("the table's reading did not replace the run-together one: %d readings (units %v), want %d", len(d.doc.Indicators), units, want)
	}
}

// Units of a cell (wave 19, tune37-T): a network's density in kilometres a
// square kilometre, the ² kept (5.2km/km², no note's mark), and trips of
// passengers (万乘次), in a table of our own; the cell of two values
// (95%、92%) stays unread.
func TestFlatDensityUnits(t *testing.T) {
	checkFlatTable(t, "indicatorsdensity.txt", "an indicator table of 序号 | 类别 | 指标项 | 现状值 | 规划目标 | 类型 with cells 5.2km/km² | 6km/km2 and 36万乘次 | 40万乘次", []string{
		"设施类公交站点（含首末站）500米覆盖率 90% @2030 base 81.5/0 预期性",
		"新城道路网密度 6km/km2 @2030 base 5.2/0 预期性",
		"服务类公共交通日客运量 40万乘次 @2030 base 36/0 预期性",
		"新城任意一点进入快速路 <=10分钟 @2030 base 12/0 预期性",
		"新增公共停车泊位 3000个 @2030 预期性",
		"新增公交专用道 30公里 @2030 预期性",
		"新建人行天桥 12座 @2030 预期性",
		"新增充电桩 2000个 @2030 预期性",
		"新辟公交线路 15条 @2030 预期性",
	})
}
