package plan

// The verbs of the plans of public works and social services (health,
// water, ecology, transport, agriculture, housing, employment; grid4):
// what such a plan lays, surfaces, cleans up, restores, plants, screens
// and vaccinates (铺设污水管网300公里, 硬化村内道路800公里, 整治黑臭水体40条,
// 修复湿地1万亩, 植树造林5万亩, 转移农村劳动力就业5万人, 筛查10万人). Like the
// rest of the class (budgetVerbs, indicator_annual.go), no text shows
// them; verbs joins them to it (indicator_vocab.go).
var worksVerbs = []string{"整治", "铺设", "敷设", "架设", "硬化", "铺装", "拓宽", "贯通", "通车", "修复", "修缮", "疏浚", "清淤", "加固",
	"造林", "绿化", "补植", "栽植", "种植", "复垦", "改厕", "转移", "安置", "筛查", "接种", "救治", "收治", "配建", "恢复"}

// areaActs are the verbs of a work done over an area (治理, 修复, 整治,
// 造林 …): the area after them is what the work covers, not a site's size a
// text describes (describedArea).
var areaActs = append([]string{"治理", "恢复"}, worksVerbs...)

// sharesReach are what a share of villages, towns, communities or homes
// comes to have (90%以上的行政村通客车, 95%以上的乡镇建有综合文化站, 80%以上的
// 社区具备托育服务功能; grid4): beside shareDoing's verbs, a share that does
// or reaches something is a target, not the threshold of a class.
var sharesReach = []string{"通", "建有", "具备", "拥有", "享有", "纳入", "接入", "配有", "设有", "开通"}
