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
