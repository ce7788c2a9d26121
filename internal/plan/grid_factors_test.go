package plan

// The factors of the grid (grid_test.go): the verbs, objects, number forms,
// measure words, comparators, orders, deadline scopes and positions a
// target of plan prose is composed of, and the shapes that are not targets.
// Every phrase here was written for the grid; none is a document's.

// gridVerb is a verb and the objects it takes; order limits the orders it
// reads in ("" = any; "on" = only after its object: 科普基地数量累计达到).
type gridVerb struct {
	word  string
	objs  []string
	order string
}

var gridVerbs = []gridVerb{
	{"建成", []string{"科普基地", "科普场馆", "科普展厅", "科普绿道"}, ""},
	{"培育", []string{"高新技术企业", "创新人才", "学会"}, ""},
	{"新增", []string{"科普基地", "高新技术企业", "科技志愿者", "创新平台"}, ""},
	{"打造", []string{"应用场景", "创新平台", "科普基地"}, ""},
	{"引进", []string{"创新人才", "科技项目", "高新技术企业"}, ""},
	{"培养", []string{"创新人才", "科技志愿者"}, ""},
	{"选拔", []string{"创新人才", "科技志愿者"}, ""},
	{"布局", []string{"科技项目", "创新平台"}, ""},
	{"谋划建设", []string{"创新平台", "科技项目"}, ""},
	{"认定", []string{"科普基地", "高新技术企业", "创新平台"}, ""},
	{"累计达到", []string{"科普基地", "科技志愿者", "高新技术企业"}, "on"},
	{"力争建成", []string{"科普基地", "科普场馆", "创新平台"}, ""},
	{"实现", []string{"技术合同成交额"}, "von"},
	{"支持", []string{"科技项目", "学会", "高新技术企业"}, ""},
	{"遴选", []string{"创新人才", "科技项目"}, ""},
	{"创建", []string{"科普示范社区", "科普基地"}, ""},
	{"开展", []string{"科普活动", "科技志愿服务"}, ""},
	{"举办", []string{"科普活动", "学术会议"}, ""},
	{"服务", []string{"基层群众"}, "von"},
	{"覆盖", []string{"城乡社区"}, ""},
	{"覆盖全市", []string{"城乡社区"}, "vo"},
	{"投入", []string{"科普经费"}, "von"},
	{"组建", []string{"科技志愿服务队"}, ""},
	{"开发", []string{"科普资源包"}, ""},
	{"开通", []string{"科普大篷车线路"}, ""},
	{"提高", []string{"公民科学素质比例"}, "von"},
	{"提高到", []string{"公民具备科学素质的比例", "科普基地覆盖率"}, "von"},
	{"力争实现", []string{"科普经费"}, "von"},
}

// gridObjects are the objects and the measure words they count in.
var gridObjects = map[string][]string{
	"科普基地":        {"个", "家", "处", "座"},
	"科普场馆":        {"所", "座", "个"},
	"科普展厅":        {"平方米"},
	"科普绿道":        {"公里"},
	"高新技术企业":      {"家"},
	"创新人才":        {"名", "人"},
	"学会":          {"家", "个"},
	"科技志愿者":       {"名", "人"},
	"创新平台":        {"个", "家", "座"},
	"应用场景":        {"个", "项", "处"},
	"科技项目":        {"项", "个", "批"},
	"技术合同成交额":     {"亿元"},
	"科普示范社区":      {"个"},
	"科普活动":        {"场", "次"},
	"科技志愿服务":      {"人次", "万人次"},
	"学术会议":        {"场", "次"},
	"基层群众":        {"人次", "万人次"},
	"城乡社区":        {"%"},
	"科普经费":        {"亿元", "万元"},
	"科技志愿服务队":     {"支"},
	"科普资源包":       {"套"},
	"科普大篷车线路":     {"条"},
	"公民科学素质比例":    {"个百分点"},
	"公民具备科学素质的比例": {"%"},
	"科普基地覆盖率":     {"%"},
}

// gridUnit is a measure word's base unit and multiplier.
func gridUnit(mw string) (string, float64) {
	switch mw {
	case "万人次":
		return "人次", 1e4
	case "亿元":
		return "元", 1e8
	case "万元":
		return "元", 1e4
	}
	return mw, 1
}

// gridCount is whether a measure word counts things (个, 家, 名 …).
func gridCount(mw string) bool {
	switch mw {
	case "平方米", "公里", "亿元", "万元", "万人次", "%", "个百分点":
		return false
	}
	return true
}

// gridForm is a way to write a number: its text for the k-th cell, its
// value (and high for a range), its multiplier and whether it fits a
// measure word.
type gridForm struct {
	name string
	fits func(mw string) bool
	make func(k int) (text string, value, high, mult float64)
}

func gridPick[T any](xs []T, k int) T { return xs[k%len(xs)] }

var gridForms = []gridForm{
	{"digits", func(mw string) bool { return mw != "%" && mw != "个百分点" }, func(k int) (string, float64, float64, float64) {
		v := gridPick([]float64{10, 20, 50, 100, 150, 300, 500, 1200}, k)
		return gridNum(v), v, 0, 1
	}},
	{"digits (a share)", func(mw string) bool { return mw == "%" || mw == "个百分点" }, func(k int) (string, float64, float64, float64) {
		v := gridPick([]float64{15, 25, 60, 90, 95}, k)
		return gridNum(v), v, 0, 1
	}},
	{"decimal", func(mw string) bool { return !gridCount(mw) && mw != "万元" && mw != "平方米" }, func(k int) (string, float64, float64, float64) {
		v := gridPick([]float64{1.5, 2.5, 3.2, 12.5}, k)
		return gridNum(v), v, 0, 1
	}},
	{"range 2-3", gridCount, func(k int) (string, float64, float64, float64) {
		lo := gridPick([]float64{2, 5, 30}, k)
		return gridNum(lo) + "-" + gridNum(lo+rangeStep(lo)), lo, lo + rangeStep(lo), 1
	}},
	{"range 2至3", gridCount, func(k int) (string, float64, float64, float64) {
		lo := gridPick([]float64{2, 5, 30}, k)
		return gridNum(lo) + "至" + gridNum(lo+rangeStep(lo)), lo, lo + rangeStep(lo), 1
	}},
	{"range 2～3", gridCount, func(k int) (string, float64, float64, float64) {
		lo := gridPick([]float64{2, 5, 30}, k)
		return gridNum(lo) + "～" + gridNum(lo+rangeStep(lo)), lo, lo + rangeStep(lo), 1
	}},
	{"range 3个至5个", gridCount, func(k int) (string, float64, float64, float64) {
		lo := gridPick([]float64{3, 10, 100}, k)
		return gridNum(lo) + "{mw}" + gridPick([]string{"至", "-", "到"}, k) + gridNum(2*lo), lo, 2 * lo, 1
	}},
	{"range 30万至50万", func(mw string) bool { return mw == "名" || mw == "人" || mw == "人次" || mw == "家" },
		func(k int) (string, float64, float64, float64) {
			lo := gridPick([]float64{1, 30, 2}, k)
			return gridNum(lo) + "万" + gridPick([]string{"至", "-"}, k) + gridNum(lo+2) + "万", lo, lo + 2, 1e4
		}},
	// (两批, 两次 are words, dropped by design: indicator_rules.go)
	{"cn 两", func(mw string) bool { return gridCountCN(mw) && mw != "批" && mw != "次" }, func(int) (string, float64, float64, float64) { return "两", 2, 0, 1 }},
	{"cn 十", gridCountCN, func(int) (string, float64, float64, float64) { return "十", 10, 0, 1 }},
	{"cn 二十", gridCountCN, func(int) (string, float64, float64, float64) { return "二十", 20, 0, 1 }},
	{"cn 一百", gridCountCN, func(int) (string, float64, float64, float64) { return "一百", 100, 0, 1 }},
	{"万", func(mw string) bool {
		return mw == "名" || mw == "人" || mw == "人次" || mw == "家" || mw == "个" || mw == "平方米"
	},
		func(k int) (string, float64, float64, float64) {
			v := gridPick([]float64{1, 2, 1.5, 3}, k)
			return gridNum(v) + "万", v, 0, 1e4
		}},
	{"千", func(mw string) bool { return mw == "名" || mw == "人" || mw == "人次" }, func(k int) (string, float64, float64, float64) {
		v := gridPick([]float64{2, 5}, k)
		return gridNum(v) + "千", v, 0, 1e3
	}},
	{"万余", func(mw string) bool {
		return mw == "名" || mw == "人" || mw == "人次" || mw == "家" || mw == "个"
	},
		func(k int) (string, float64, float64, float64) {
			v := gridPick([]float64{1, 2, 3}, k)
			return gridNum(v) + "万余", v, 0, 1e4
		}},
	{"超万亿", func(mw string) bool { return mw == "亿元" }, func(int) (string, float64, float64, float64) {
		return "超万", 1e4, 0, 1
	}},
}

// gridCountCN is whether a count is said in Chinese numerals (两名, not
// 两人次).
func gridCountCN(mw string) bool { return gridCount(mw) && mw != "人次" }

func rangeStep(lo float64) float64 {
	if lo >= 30 {
		return 20
	}
	if lo >= 5 {
		return 3
	}
	return 1
}

// gridCmp is a comparator: its words before the number and after the
// unit, what it reads as, and the orders it fits in.
type gridCmp struct {
	name, before, after, reads string
	orders                     string // letters: v (verb–number–object), o (verb–object–number), n (object+达到+number)
}

var gridCmps = []gridCmp{
	{"none", "", "", "=", "von"},
	{"不少于", "不少于", "", ">=", "von"},
	{"以上", "", "以上", ">=", "von"},
	{"左右", "", "左右", "approx", "von"},
	{"超过", "超过", "", ">=", "von"},
	{"突破", "突破", "", ">=", "on"},
	{"力争达到", "力争达到", "", "=", "n"},
	{"控制在…以内", "控制在", "以内", "<=", "n"},
	{"不超过", "不超过", "", "<=", "n"},
	{"至少", "至少", "", ">=", "vo"},
	{"约", "约", "", "approx", "vo"},
}

// gridScope is a deadline scope opening the clause.
type gridScope struct {
	name, text string
	year       int    // the deadline it gives; 0: not checked
	per        string // "year" for 每年, 年均
}

var gridScopes = []gridScope{
	{"none", "", 0, ""}, // (a deadline given earlier in the section may govern it)
	{"到2027年", "到2027年，", 2027, ""},
	{"力争到2027年", "力争到2027年，", 2027, ""},
	{"3年内", "3年内", 0, ""},
	{"每年", "每年", 0, "year"},
	{"年均", "年均", 0, "year"},
	{"到2027年底", "到2027年底，", 2027, ""},
	{"2027年底前", "2027年底前", 2027, ""},
	{"5年内", "5年内", 0, ""},
}

var gridOrders = []string{"verb-number-object", "verb-object-number", "object-达到-number"}

var gridPositions = []string{"sentence start", "after a comma", "（一） item", "1. item", "table cell", "year table cell"}

// gridMods qualify an object twice in a list sharing one verb.
var gridMods = [][2]string{{"省级", "市级"}, {"骨干", "青年"}, {"重点", "一般"}}

// gridNegative is a sentence whose number is not a target: kind, the
// sentence, the number's text in it, and whether the extractor may
// propose it (a 现状 achievement) rather than drop it.
type gridNegative struct {
	kind, text, quote string
	proposable        bool
}

var gridNegatives = []gridNegative{
	{"age", "支持35岁以下青年科技人才承担科研项目", "35岁", false},
	{"age", "重点扶持40周岁以下的青年科普工作者", "40周岁", false},
	{"duration", "对连续3年考核优秀的学会予以通报表扬", "3年", false},
	{"duration", "发现问题的单位须在3个月内完成整改", "3个月", false},
	{"duration", "科普讲解员每年培训时间累计不少于2周", "2周", false},
	{"named parts", "组织实施科普能力提升六大工程", "六大", false},
	{"named parts", "深入开展科技志愿服务三大行动", "三大", false},
	{"named parts", "构建“1+N”科普政策体系", "1+N", false},
	{"named parts", "落实“四个服务”职责定位", "四个", false},
	{"names", "谋划“十五五”时期科普事业发展", "十五五", false},
	{"names", "推动5G技术在科普场馆中的应用", "5G", false},
	{"names", "办好第二届青少年科技创新大赛", "第二届", false},
	{"names", "推进G60科创走廊科技资源共享", "G60", false},
	{"现状", "全市已建成科普基地120个", "120个", true},
	{"现状", "截至2024年底，全市注册科技志愿者达到3.2万名", "3.2万名", true},
	{"现状", "“十四五”期间累计举办科普活动860场", "860场", true},
	{"subsidy", "对新认定的国家级科普基地给予最高100万元补助", "100万元", false},
	{"subsidy", "对获评优秀的学会一次性奖励20万元", "20万元", false},
	{"document number", "按照《关于新时代进一步加强科学技术普及工作的意见》（科协发普字〔2024〕12号）要求", "12号", false},
	{"date", "各单位于2026年3月15日前报送年度科普工作计划", "3月15日", false},
	{"date", "每年9月开展全国科普日活动", "9月", false},
	{"date", "2026年6月底前完成科普基地复核", "6月", false},
	{"names", "支持创建国家4A级旅游景区科普点", "4A", false},
	{"names", "承办第十五届全国运动会科普展示活动", "十五届", false},
	{"age", "面向60周岁以上老年人开展智能技术培训", "60周岁", false},
	{"subsidy", "给予科普志愿者每人每月500元交通补贴", "500元", false},
	{"document number", "根据《国务院办公厅关于加强科普工作的通知》（国办发〔2023〕15号）", "15号", false},
	{"duration", "科普场馆改造项目建设周期为2年", "2年", false},
	{"现状", "2025年全市科普经费投入达到1.2亿元", "1.2亿元", true},
	{"现状", "全市已累计建成科普示范社区86个", "86个", true},
}
