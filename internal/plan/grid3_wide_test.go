package plan

import (
	"strconv"
	"strings"
)

// The third grid's second batch of factors, added after the first run (its
// own first run is in docs/benchmarks.md, grid3): phrases with a name, a
// share or a quote inside, number forms of industry plans, the layouts of
// their goals (a table of indicators, —— lines), and more non-targets.

var g3WidePhrases = []g3Phrase{
	{"引进世界500强企业N家", "引进世界500强企业20家", []g3Want{g3q(20, 1, "家", "=", "")}},
	{"核心产业规模突破千亿元", "人工智能核心产业规模突破千亿元", []g3Want{g3q(1, 1e11, "元", ">", "")}},
	{"占比提高N个百分点", "数字经济核心产业增加值占比提高5个百分点", []g3Want{g3q(5, 1, "个百分点", "=", "")}},
	{"X较基年增长N倍", "算力规模较2025年增长1倍", []g3Want{g3q(1, 1, "倍", "=", "")}},
	{"年培训N万人次", "年培训数字技能人才10万人次", []g3Want{g3q(10, 1e4, "人次", "=", "year")}},
	{"新增N家以上“小巨人”企业", "新增50家以上国家级专精特新“小巨人”企业", []g3Want{g3q(50, 1, "家", ">=", "")}},
	{"打造N个以上“人工智能+”场景", "打造100个以上“人工智能+”示范应用场景", []g3Want{g3q(100, 1, "个", ">=", "")}},
	{"建成N个X，其中国家级M个", "建成30个智能工厂，其中国家级5个", []g3Want{g3q(30, 1, "个", "=", ""), g3q(5, 1, "个", "=", "")}},
	{"N%以上的X完成Y", "90%以上的规上工业企业完成数字化改造", []g3Want{g3q(90, 1, "%", ">=", "")}},
	{"推动N%以上的X上云", "推动80%以上的重点企业上云", []g3Want{g3q(80, 1, "%", ">=", "")}},
	{"带动上下游企业N家", "带动上下游配套企业500家", []g3Want{g3q(500, 1, "家", "=", "")}},
	{"吸引社会资本投资超过N亿元", "吸引社会资本投资超过200亿元", []g3Want{g3q(200, 1e8, "元", ">", "")}},
	{"打造百个X", "打造百个标杆场景", []g3Want{g3q(100, 1, "个", "=", "")}},
	{"培育十家X", "培育十家链主企业", []g3Want{g3q(10, 1, "家", "=", "")}},
	{"汇聚1.5万名X", "汇聚1.5万名数据标注人才", []g3Want{g3q(1.5, 1e4, "名", "=", "")}},
	{"X装机量达到N万台（套）", "工业机器人装机量达到1万台（套）", []g3Want{g3q(1, 1e4, "台", "=", "")}},
	{"上云企业超N万家", "上云企业超2万家", []g3Want{g3q(2, 1e4, "家", ">", "")}},
	{"建成N个千卡级以上智算中心", "建成5个千卡级以上智算中心", []g3Want{g3q(5, 1, "个", "=", "")}},
	{"培育营收超百亿元企业N家", "培育营收超百亿元企业10家", []g3Want{g3q(10, 1, "家", "=", "")}},
	{"数据要素市场规模年均增长N%", "数据要素市场规模年均增长25%", []g3Want{g3q(25, 1, "%", "=", "year")}},
}

var g3WideNegatives = []struct{ kind, text string }{
	{"number in a name", "支持中国500强企业在本市设立区域总部。"},
	{"duration", "对新落户的人工智能企业，3年内免收办公用房租金。"},
	{"document number", "依据《某市人工智能产业发展规划》（某政发〔2025〕12号）制定本方案。"},
	{"past year", "2025年，全市人工智能核心产业规模达到300亿元，同比增长20%。"},
	{"rate charged", "数据交易服务费率不超过2%。"},
	{"threshold", "支持从业人员100人以上的企业建设智能工厂。"},
	{"subsidy condition", "对吸纳50名以上高校毕业生就业的企业，给予一次性补贴。"},
	{"named programme", "推进“5G+工业互联网”融合应用，深化“一网通办”改革。"},
	{"qualifier", "培育形成万亿级数字经济产业集群。"},
}

// g3Wide composes the second batch's cases.
func g3Wide() []g3Case {
	var cs []g3Case
	lead := "加快人工智能产业发展，"
	cs = append(cs, g3PhraseCases(lead, g3WidePhrases)...)
	// a table of the plan's indicators: the target year's column
	n := len(g3Metrics)
	for i := range g3Metrics {
		var rows strings.Builder
		var want []g3Want
		for k := 0; k < 4; k++ {
			m := g3Metrics[(i+k)%n]
			unit := m.mw
			if m.mw == "万" {
				continue // (a bare 万 in the unit column: a row of the grid's, not of a plan)
			}
			rows.WriteString("\n" + strconv.Itoa(k+1) + "\t" + m.obj + "\t" + unit + "\t" + g3Half[m.num] + "\t" + m.num + "\t预期性")
			w := g3w(m, "=")
			w.year = 2027
			want = append(want, w)
		}
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=table of indicators (unit column)"}, want: want,
			text: "表1 主要发展指标\n序号\t指标名称\t单位\t2025年\t2027年\t属性" + rows.String()})
	}
	// —— lines under an intro that carries the deadline
	for i, t := range g3Counts {
		m := g3Metrics[i%n]
		want := []g3Want{g3w(t, "="), g3w(m, "=")}
		for j := range want {
			want[j].year = 2027
		}
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=—— lines under 到2027年，实现以下目标："}, want: want,
			text: "（一）发展目标\n到2027年，实现以下目标：\n——创新能力显著增强。" + t.plain("on"[i%2]) + "。\n——产业规模持续壮大。" + m.obj + "达到" + m.num + m.mw + "。"})
	}
	cs = append(cs, g3NegativeCases(lead, g3WideNegatives)...)
	return cs
}
