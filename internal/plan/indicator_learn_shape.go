package plan

import "strings"

// Features of a quantity's shape rather than of a document's words (learn3,
// docs/benchmarks.md "on kinds of document it has not seen"): the class of
// its measure word (uclass), of the verb that governs it (verb), whether
// its sentence is a table's cell (cell), how it stands to the quantity
// before it (nb), a Chinese numeral's magnitude (cnmag), its section's depth
// (depth) and kind by the titles' words (skind). Each is a group the trainer
// can switch on (learnSet.on) to be judged leaving one batch out; a model's
// file names those it was trained with. None helped on most batches left
// out, so the shipped model uses none: the program computes them only for a
// model that names them.

// unitClasses sort measure words into kinds that carry across fields.
var unitClasses = map[string]string{
	"%": "share", "‰": "share", "个百分点": "share", "百分点": "share", "倍": "share",
	"元": "money", "美元": "money",
	"人": "people", "名": "people", "人次": "people", "户": "people", "户次": "people", "位": "people", "人年": "people", "人日": "people",
	"年": "time", "月": "time", "天": "time", "日": "time", "小时": "time", "分钟": "time", "毫秒": "time", "ms": "time", "个月": "time", "周": "time", "岁": "time",
	"千瓦": "physical", "兆瓦": "physical", "千瓦时": "physical", "GW": "physical", "MW": "physical", "吨": "physical", "吨标准煤": "physical",
	"立方米": "physical", "平方米": "physical", "平方公里": "physical", "公里": "physical", "千米": "physical", "米": "physical", "亩": "physical",
	"公顷": "physical", "千克": "physical", "公斤": "physical", "斤": "physical", "微克/立方米": "physical", "毫克/升": "physical",
	"TB": "physical", "PB": "physical", "EB": "physical", "GB": "physical", "Gbps": "physical", "Mbps": "physical", "EFLOPS": "physical", "PFLOPS": "physical",
	"标准机架": "physical", "机架": "physical", "标箱": "physical", "TEU": "physical",
	"": "none",
}

// unitClass is the kind of measure word u: share, money, people, time,
// physical, none, else a count of things.
func unitClass(u string) string {
	if c, ok := unitClasses[u]; ok {
		return c
	}
	return "count"
}

// verbClasses are the verbs that govern a quantity, by what they say of it.
var verbClasses = []struct {
	class string
	words []string
}{
	{"reach", []string{"达到", "达", "突破", "超过", "提高到", "提升到", "提升至", "提高至", "增至", "增加到", "扩大到", "力争", "确保", "争取"}},
	{"grow", []string{"增长", "增加", "提高", "提升", "新增", "扩大", "翻番"}},
	{"make", []string{"建成", "建设", "打造", "培育", "创建", "新建", "建立", "布局", "部署", "推广", "实施", "开展", "举办", "引进", "培训", "更新", "改造", "认定", "遴选"}},
	{"keep", []string{"保持", "稳定在", "控制在", "维持", "不低于", "不少于", "不超过", "以内"}},
	{"cut", []string{"下降", "降低", "减少", "压减", "淘汰", "削减"}},
	{"done", []string{"已", "累计", "完成", "实现", "共", "全年", "同比", "比上年", "较上年"}},
	{"forecast", []string{"预计", "预测", "预期"}},
	{"give", []string{"给予", "奖励", "补助", "补贴", "资助", "支持", "最高", "按照", "每"}},
}

// verbClass is the class of the verb nearest before the quantity in its
// clause, or "none".
func verbClass(ns []rune, from, to int) string {
	for i := to - 1; i >= from && i >= 0; i-- {
		for _, vc := range verbClasses {
			for _, w := range vc.words {
				if hasAt(ns, i, w) {
					return vc.class
				}
			}
		}
	}
	return "none"
}

// sectionKinds are the words by which a section's title says what kind of
// part it is.
var sectionKinds = []struct {
	kind  string
	words []string
}{
	{"goal", []string{"目标", "指标"}},
	{"background", []string{"基础", "现状", "形势", "背景", "回顾", "成效", "进展", "成绩"}},
	{"principle", []string{"原则", "思路", "指导思想", "总体要求", "定位"}},
	{"safeguard", []string{"保障", "组织", "实施", "措施", "机制", "要求"}},
	{"task", []string{"任务", "重点", "举措", "行动", "工程", "工作", "建设", "推进", "发展", "提升"}},
	{"annex", []string{"附件", "附表", "清单"}},
}

// sectionKind is the kind of part a title names, or "".
func sectionKind(title string) string {
	for _, k := range sectionKinds {
		for _, w := range k.words {
			if strings.Contains(title, w) {
				return k.kind
			}
		}
	}
	return ""
}

// shapeFeatures appends the shape groups of set.on for quantity x.
func shapeFeatures(f []uint32, x *at, set *learnSet) []uint32 {
	learnOn := set.on
	if len(learnOn) == 0 {
		return f
	}
	q, ns := x.q, x.ns
	uc := unitClass(q.base)
	if learnOn["uclass"] {
		f = append(f, feat("uc").str(uc).slot(), feat("ucc").str(uc).str(q.cmp).slot())
	}
	if learnOn["verb"] {
		vc := verbClass(ns, x.cs, q.beforeCmp)
		f = append(f, feat("vc").str(vc).slot(), feat("vcu").str(vc).str(uc).slot())
	}
	if learnOn["cell"] {
		for _, r := range ns {
			if r == '|' || r == '\t' {
				f = append(f, feat("cell").slot())
				break
			}
		}
	}
	if learnOn["nb"] {
		// how it stands to the quantity before it in the sentence: none,
		// in the same clause, a list's next item (、), another clause
		nb := "none"
		if x.prev >= 0 {
			nb = "clause"
			for i := x.prev; i < q.a && i < len(ns); i++ {
				switch ns[i] {
				case '、', '/':
					nb = "list"
				case ',', '，', ';', '；', ':', '：':
					nb = "other"
				}
			}
		}
		f = append(f, feat("nb").str(nb).slot(), feat("nbu").str(nb).str(uc).slot())
	}
	if learnOn["cnmag"] && q.cn {
		// a count in Chinese numerals: 一, 两 are often words (一批, 两个方面),
		// 五十, 两万 counts
		v := q.value
		if q.isRange {
			v = q.high
		}
		f = append(f, feat("cnmag").num(magnitude(v*max(q.mult, 1))).slot(), feat("cnu").str(uc).num(min(magnitude(v*max(q.mult, 1)), 2)).slot())
	}
	if learnOn["skind"] {
		// the kind of its sections, by their titles' words: the innermost
		// title of a known kind, and the outermost
		inner, outer := "none", "none"
		for i, title := range strings.Split(strings.TrimSpace(x.c.titles), " ") {
			if k := sectionKind(title); k != "" {
				inner = k
				if i == 0 {
					outer = k
				}
			}
		}
		f = append(f, feat("sk").str(inner).slot(), feat("sk0").str(outer).slot())
	}
	if learnOn["depth"] {
		f = append(f, feat("depth").num(min(len(x.c.section), 5)).slot())
	}
	return f
}
