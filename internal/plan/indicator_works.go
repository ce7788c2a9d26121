package plan

// The verbs of the plans of public works and social services (health,
// water, ecology, transport, agriculture, housing, employment; grid4):
// what such a plan lays, surfaces, cleans up, restores, plants, screens
// and vaccinates (铺设污水管网300公里, 硬化村内道路800公里, 整治黑臭水体40条,
// 修复湿地1万亩, 植树造林5万亩, 转移农村劳动力就业5万人, 筛查10万人). Like the
// rest of the class (budgetVerbs, indicator_annual.go), no text shows
// them; they are added to it here.
var worksVerbs = []string{"整治", "铺设", "敷设", "架设", "硬化", "铺装", "拓宽", "贯通", "通车", "修复", "修缮", "疏浚", "清淤", "加固",
	"造林", "绿化", "补植", "栽植", "种植", "复垦", "改厕", "转移", "安置", "筛查", "接种", "救治", "收治", "配建", "恢复"}

func init() { verbs = append(verbs, worksVerbs...) }
