package demo

import (
	"math/rand/v2"
	"slices"
	"strings"

	"kexie/internal/people"
)

// fieldsOf names, for each research direction of the demo, the first-level
// disciplines a person working on it would give: the first as primary,
// the others as neighbours. Names, not codes — the codes come from the
// GB/T 13745 table an administrator imported (kexie people disciplines
// import), so the demo writes no code table of its own; without a table,
// or for a name the table lacks, the demo gives no discipline.
var fieldsOf = map[string][]string{
	"钒钛磁铁矿综合利用": {"冶金工程技术", "材料科学", "矿山工程技术", "化学工程"},
	"稀土功能材料":    {"材料科学", "化学", "冶金工程技术"},
	"锂电池正极材料":   {"材料科学", "能源科学技术", "化学", "动力与电气工程"},
	"高速铁路桥梁":    {"交通运输工程", "土木建筑工程", "力学"},
	"隧道与地下工程":   {"土木建筑工程", "交通运输工程", "矿山工程技术", "地球科学"},
	"水稻育种":      {"农学", "生物学"},
	"果树栽培":      {"农学", "生物学", "林学"},
	"茶叶加工":      {"食品科学技术", "农学"},
	"生猪遗传改良":    {"畜牧、兽医科学", "生物学", "农学"},
	"中药材规范化种植":  {"中医学与中药学", "农学", "药学"},
	"心血管疾病防治":   {"临床医学", "基础医学", "预防医学与公共卫生学"},
	"肿瘤免疫治疗":    {"临床医学", "基础医学", "生物学", "药学"},
	"儿童青少年近视防控": {"预防医学与公共卫生学", "临床医学", "教育学"},
	"人工智能":      {"计算机科学技术", "信息科学与系统科学", "数学", "信息与系统科学相关工程与技术"},
	"大数据分析":     {"计算机科学技术", "统计学", "数学", "信息科学与系统科学"},
	"工业互联网":     {"计算机科学技术", "电子与通信技术", "机械工程", "信息与系统科学相关工程与技术"},
	"集成电路设计":    {"电子与通信技术", "计算机科学技术", "物理学"},
	"新能源汽车":     {"交通运输工程", "动力与电气工程", "能源科学技术", "机械工程"},
	"氢能与燃料电池":   {"能源科学技术", "化学", "动力与电气工程", "化学工程"},
	"光伏发电":      {"动力与电气工程", "能源科学技术", "物理学"},
	"水电站建设":     {"水利工程", "动力与电气工程", "土木建筑工程"},
	"地质灾害防治":    {"地球科学", "安全科学技术", "土木建筑工程"},
	"生态修复":      {"环境科学技术及资源科学技术", "生物学", "林学"},
	"大气污染防治":    {"环境科学技术及资源科学技术", "地球科学", "预防医学与公共卫生学"},
	"智慧农业":      {"农学", "计算机科学技术", "信息与系统科学相关工程与技术"},
	"无人机遥感":     {"测绘科学技术", "航空、航天科学技术", "地球科学"},
	"应急管理":      {"安全科学技术", "管理学"},
	"科普传播":      {"新闻学与传播学", "教育学"},
	"科技史研究":     {"历史学", "哲学"},
	"数学建模":      {"数学", "信息科学与系统科学", "计算机科学技术"},
	"精密制造":      {"机械工程", "材料科学", "工程与技术科学基础学科"},
	"航空发动机":     {"航空、航天科学技术", "动力与电气工程", "力学", "机械工程"},
	"卫星导航":      {"航空、航天科学技术", "测绘科学技术", "电子与通信技术"},
	"食品安全检测":    {"食品科学技术", "化学", "预防医学与公共卫生学"},
	"白酒酿造":      {"食品科学技术", "生物学", "化学工程"},
}

// codesOf maps fieldsOf's names to the codes of the imported table's
// first-level entries; names the table lacks are left out. Without a
// table it gives each direction its primary discipline's name — what the
// people module accepts until a table is imported — and no neighbours, as
// secondary disciplines must be codes.
func codesOf(table map[string]people.Discipline) map[string][]string {
	out := map[string][]string{}
	if len(table) == 0 {
		for dir, names := range fieldsOf {
			out[dir] = names[:1]
		}
		return out
	}
	byName := map[string]string{}
	for code, d := range table {
		if d.Level == 1 {
			byName[d.Name] = code
		}
	}
	for dir, names := range fieldsOf {
		for _, n := range names {
			if code, ok := byName[n]; ok {
				out[dir] = append(out[dir], code)
			}
		}
	}
	return out
}

// disciplinesFor writes the 学科代码 cell of a person working on ex (one
// or two research directions joined by "、"): most have the primary
// discipline of their first direction, and about three in ten also one or
// two secondary ones from its neighbours or their second direction.
func disciplinesFor(rng *rand.Rand, codes map[string][]string, ex string) string {
	dirs := strings.Split(ex, "、")
	f := codes[dirs[0]]
	if len(f) == 0 || rng.IntN(100) < 15 {
		return ""
	}
	primary, near := f[0], append([]string(nil), f[1:]...)
	if len(dirs) > 1 && len(f) > 1 { // a direction with neighbours: codes, not names
		if g := codes[dirs[1]]; len(g) > 0 && g[0] != primary && !slices.Contains(near, g[0]) {
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
