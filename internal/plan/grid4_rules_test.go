package plan

import (
	"fmt"
	"strings"
	"testing"
)

// Rules the fourth grid (grid4_test.go) showed, on sentences written here:
// each body is read alone in a city's five-year plan shell (2026—2030),
// and its asserted targets are written value·unit·comparator·period·
// deadline.

func g4Read(t *testing.T, body string) string {
	t.Helper()
	doc, err := ingestText(g4Shell(body), nil)
	if err != nil {
		t.Fatal(err)
	}
	asserted, _ := assertedAndProposed(doc)
	var got []string
	for _, ind := range asserted {
		unit, mult := gridBase(ind)
		per := ""
		if ind.Per != nil {
			per = "/" + *ind.Per
		}
		got = append(got, fmt.Sprintf("%g%s%s%s@%d", amount(ind.Value, mult), unit, ind.Comparator, per, gridYear(ind.DeadlineYear)))
	}
	return strings.Join(got, " ")
}

func TestGrid4Rules(t *testing.T) {
	for _, c := range []struct{ why, body, want string }{
		// the verbs of public works and social services govern a target
		// (worksVerbs, indicator_works.go)
		{"整治", "改善水环境，整治黑臭水体40条。", "40条=@2030"},
		{"铺设, the object first", "完善排水设施，污水管网铺设300公里。", "300公里=@2030"},
		{"硬化", "改善农村出行条件，硬化村内道路800公里。", "800公里=@2030"},
		{"植树造林", "推进国土绿化，植树造林5万亩。", "50000亩=@2030"},
		{"转移就业", "促进农民增收，转移农村劳动力就业5万人。", "50000人=@2030"},
		{"筛查", "加强妇幼健康服务，筛查适龄妇女10万人。", "100000人=@2030"},
		{"救治", "提高急诊急救能力，救治急危重症患者5000人次。", "5000人次=@2030"},
		{"no verb at all", "全市现有污水管网300公里。", ""},
		{"恢复", "加强湿地保护，恢复退化湿地2万亩。", "20000亩=@2030"},
		// the units of doses, ten-thousandths, buses and days
		// (quantity_unit_works.go); days are a level only after a verb of
		// a level or with a comparator (daysHold)
		{"剂次", "提高免疫水平，接种流感疫苗20万剂次。", "200000剂次=@2030"},
		{"‱", "保障母婴安全，孕产妇死亡率控制在1.2‱以下。", "1.2‱<=@2030"},
		{"标台", "优先发展公共交通，每万人拥有公共交通车辆达到15标台。", "15标台=@2030"},
		{"天, a level", "改善空气质量，全年空气质量优良天数达到330天以上。", "330天>=@2030"},
		{"天, brought down", "提高医疗服务效率，三级公立医院平均住院日降至8天以内。", "8天<=@2030"},
		{"天, a duration", "办好科技博览会，打造365天不落幕的展会。", ""},
		{"天, a time limit", "企业在备案后15天内提交材料。", ""},
		// vehicles and doses are counted (countWords): a count before its
		// noun is what the plan makes
		{"辆以上 before its noun", "推广新能源汽车，更新500辆以上新能源公交车。", "500辆>=@2030"},
		// a length or an area before the thing laid, farmed or restored is
		// the extent made (extents, indicator_extent.go)
		{"公里以上 before a path", "完善全民健身设施，新建500公里以上健身步道。", "500公里>=@2030"},
		{"万亩以上 before farmland", "夯实粮食生产基础，新建50万亩以上高标准农田。", "500000亩>=@2030"},
		{"平方公里以上 before an area", "加强水土保持，治理200平方公里以上水土流失面积。", "200平方公里>=@2030"},
		{"平方米以上 before a hall", "完善科普设施，建设2万平方米以上科普展厅。", ""},
		{"亩以上 before a farm", "发展新型经营主体，培育50亩以上家庭农场。", ""},
		// the area a work covers is no site described (areaActs,
		// describedArea)
		{"治理…面积…左右", "加强水土保持，治理水土流失面积200平方公里左右。", "200平方公里approx@2030"},
		{"a site's area", "项目位于城市东部，占地面积约200亩。", ""},
		// a ratio after 按每 is the standard a measure applies (byStandard)
		{"按每百户", "完善社区服务设施，新建住宅小区按每百户不低于20平方米配建养老服务用房。", ""},
		{"每千人口…达到", "提升医疗服务能力，每千人口医疗卫生机构床位数达到7.5张。", "7.5张=@2030"},
		// a share of villages or towns that come to have something is a
		// target (sharesReach, shareDoing), and a share written out is no
		// 百 naming a class
		{"N%以上的 villages 通", "完善农村交通，90%以上的行政村通客车。", "90%>=@2030"},
		{"N%以上的 towns 建有", "完善文化设施，95%以上的乡镇建有综合文化站。", "95%>=@2030"},
		{"百分之 at a clause's start", "完善农村交通，百分之九十五以上的行政村实现通客车。", "95%>=@2030"},
		{"a growth share of a class", "对营业收入增长20%以上的企业给予奖励。", ""},
		{"百 naming a class", "打造百亿级产业集群。", ""},
		// a length before 覆盖率 names the radius the rate is measured
		// within (zoneRadius)
		{"500米覆盖率", "优化公交线网，中心城区公交站点500米覆盖率达到100%。", "100%=@2030"},
		// a table headed by five-year plans' ends reads them as their years
		// (spanEndCells, ingest_table_fiveyear.go)
		{"“十五五”末 in a header", "表1 主要指标\n指标\t单位\t“十四五”末\t“十五五”末\t属性\n人均预期寿命\t岁\t79\t80\t预期性",
			"80岁=@2030"},
		{"期末 in a header", "表1 主要指标\n指标\t单位\t“十四五”期末\t“十五五”期末\t属性\n森林覆盖率\t%\t42\t45\t约束性",
			"45%=@2030"},
		// a table's row whose name opens with 年均 is a year's, whatever its
		// unit (yearlyRate); one named with 年 and a verb is the level of
		// the target year (TestCellLinesHeaderShapes)
		{"年均 in a table", "表1 主要指标\n指标\t单位\t2025年\t2030年\n年均每十万人受灾人次\t人次\t16000\t15000\n年接待游客\t亿人次\t0.8\t1.2",
			"15000人次=/year@2030 1.2e+08人次=@2030"},
	} {
		if got := g4Read(t, c.body); got != c.want {
			t.Errorf("%s: %q reads %q, want %q", c.why, c.body, got, c.want)
		}
	}
}
