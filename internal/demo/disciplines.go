package demo

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// fieldsOf gives each research direction of the demo a primary discipline
// and the neighbouring ones a person working on it may also name, as
// first-level GB/T 13745 codes (the demo imports no discipline table, so
// codes are checked for shape only).
var fieldsOf = map[string][]string{
	"钒钛磁铁矿综合利用": {"450", "430", "440", "530"},
	"稀土功能材料":    {"430", "150", "450"},
	"锂电池正极材料":   {"430", "480", "150", "470"},
	"高速铁路桥梁":    {"580", "560", "130"},
	"隧道与地下工程":   {"560", "580", "440", "170"},
	"水稻育种":      {"210", "180"},
	"果树栽培":      {"210", "180", "220"},
	"茶叶加工":      {"550", "210"},
	"生猪遗传改良":    {"230", "180", "210"},
	"中药材规范化种植":  {"360", "210", "350"},
	"心血管疾病防治":   {"320", "310", "330"},
	"肿瘤免疫治疗":    {"320", "310", "180", "350"},
	"儿童青少年近视防控": {"330", "320", "880"},
	"人工智能":      {"520", "120", "110", "413"},
	"大数据分析":     {"520", "910", "110", "120"},
	"工业互联网":     {"520", "510", "460", "413"},
	"集成电路设计":    {"510", "520", "140"},
	"新能源汽车":     {"580", "470", "480", "460"},
	"氢能与燃料电池":   {"480", "150", "470", "530"},
	"光伏发电":      {"470", "480", "140"},
	"水电站建设":     {"570", "470", "560"},
	"地质灾害防治":    {"170", "620", "560"},
	"生态修复":      {"610", "180", "220"},
	"大气污染防治":    {"610", "170", "330"},
	"智慧农业":      {"210", "520", "413"},
	"无人机遥感":     {"420", "590", "170"},
	"应急管理":      {"620", "630"},
	"科普传播":      {"860", "880"},
	"科技史研究":     {"770", "720"},
	"数学建模":      {"110", "120", "520"},
	"精密制造":      {"460", "430", "410"},
	"航空发动机":     {"590", "470", "130", "460"},
	"卫星导航":      {"590", "420", "510"},
	"食品安全检测":    {"550", "150", "330"},
	"白酒酿造":      {"550", "180", "530"},
}

// disciplinesFor writes the 学科代码 cell of a person working on ex (one
// or two research directions joined by "、"): most have the primary
// discipline of their first direction, and about three in ten also one or
// two secondary ones from its neighbours or their second direction.
func disciplinesFor(rng *rand.Rand, ex string) string {
	dirs := strings.Split(ex, "、")
	f := fieldsOf[dirs[0]]
	if len(f) == 0 || rng.IntN(100) < 15 {
		return ""
	}
	primary, near := f[0], append([]string(nil), f[1:]...)
	if len(dirs) > 1 {
		if g := fieldsOf[dirs[1]]; len(g) > 0 && g[0] != primary && !slices.Contains(near, g[0]) {
			near = append(near, g[0])
		}
	}
	if rng.IntN(100) >= 35 || len(near) == 0 {
		return primary
	}
	cell := primary
	for _, i := range rng.Perm(len(near))[:min(len(near), 1+rng.IntN(2))] {
		cell += "；" + near[i]
	}
	return cell
}
