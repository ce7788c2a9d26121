package plan

import "testing"

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
