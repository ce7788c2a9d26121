package plan

// extents are what units of length and of area measure, by the things
// plans of transport, water, ecology and agriculture lay, restore and
// farm: the noun after such a quantity that is the thing measured
// (新建500公里以上健身步道, 修复1万亩以上湿地, 治理200平方公里以上水土流失面积)
// is the extent made, as a substance of data or compute is (ownSubstance),
// not a class the size names (2万平方米以上科普展厅, 1000亩以上的产业园,
// 50亩以上家庭农场: buildings, parks and farms stay classes).
var extents = map[string][]string{
	"公里": linearThings, "千米": linearThings, "米": linearThings,
	"亩": landThings, "公顷": landThings, "平方公里": landThings,
}

// linearThings are laid by length: roads, paths, pipes, lines, banks.
var linearThings = []string{"道路", "公路", "铁路", "步道", "绿道", "骑行道", "慢行道", "自行车道", "管网", "管道", "管线", "线路", "河道",
	"岸线", "堤防", "堤岸", "航道", "廊道", "渠道", "沟渠", "光缆", "里程"}

// landThings are farmed, planted and restored by area.
var landThings = []string{"农田", "耕地", "湿地", "森林", "林地", "草原", "草地", "绿地", "土地", "面积", "造林", "荒漠", "矿山", "水土流失"}

// areaActs are the verbs of a work done over an area (治理, 修复, 整治,
// 造林 …): the area after them is what the work covers, not a site's size a
// text describes (describedArea).
var areaActs = append([]string{"治理", "恢复"}, worksVerbs...)

// sharesReach are what a share of villages, towns, communities or homes
// comes to have (90%以上的行政村通客车, 95%以上的乡镇建有综合文化站, 80%以上的
// 社区具备托育服务功能; grid4): beside shareDoing's verbs, a share that does
// or reaches something is a target, not the threshold of a class.
var sharesReach = []string{"通", "建有", "具备", "拥有", "享有", "纳入", "接入", "配有", "设有", "开通"}
