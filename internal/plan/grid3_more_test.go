package plan

import "strconv"

// The third grid's third batch of factors and after (each batch's first run
// is in docs/benchmarks.md, grid3): counts in Chinese numerals and ranges of
// the genre, the comparators 逾, 近, 约, 达, periods (每年新增, 年新增), numbers
// inside names beside a count, more deadline forms, goals listed with ；,
// and non-targets of such plans (idioms, model and network names, a
// service's hours, a level of autonomy, an ordinal batch, a period passed);
// then qualifiers beside a count (亿级, 万卡, E级), and the count shapes laid
// in an item's heading, an item's body and a 专栏 table's cell.

func g3r(low, high, mult float64, unit string) g3Want {
	return g3Want{t: g2Target{mult: mult, unit: unit}, cmp: "range", low: low, high: high}
}

var g3MorePhrases = []g3Phrase{
	{"推出十个X", "推出十个行业大模型", []g3Want{g3q(10, 1, "个", "=", "")}},
	{"建设两个X", "建设两个智算中心", []g3Want{g3q(2, 1, "个", "=", "")}},
	{"培育百家X", "培育百家专精特新企业", []g3Want{g3q(100, 1, "家", "=", "")}},
	{"推动千家企业上云", "推动千家企业上云", []g3Want{g3q(1000, 1, "家", "=", "")}},
	{"打造二十个X", "打造二十个标杆场景", []g3Want{g3q(20, 1, "个", "=", "")}},
	{"培育3—5家X", "培育3—5家链主企业", []g3Want{g3r(3, 5, 1, "家")}},
	{"打造10～15个X", "打造10～15个标杆场景", []g3Want{g3r(10, 15, 1, "个")}},
	{"新增5000-8000家X", "新增5000-8000家上云企业", []g3Want{g3r(5000, 8000, 1, "家")}},
	{"建设2至3个X", "建设2至3个智算中心", []g3Want{g3r(2, 3, 1, "个")}},
	{"培育X 3-5家", "培育链主企业3-5家", []g3Want{g3r(3, 5, 1, "家")}},
	{"集聚X逾N家", "集聚人工智能企业逾1000家", []g3Want{g3q(1000, 1, "家", ">", "")}},
	{"建成X近N个", "建成数据标注基地近10个", []g3Want{g3q(10, 1, "个", "~", "")}},
	{"上线X约N款", "上线智能体约500款", []g3Want{g3q(500, 1, "款", "~", "")}},
	{"培育X达N家", "培育独角兽企业达10家", []g3Want{g3q(10, 1, "家", "=", "")}},
	{"X力争突破N家", "人工智能企业力争突破1000家", []g3Want{g3q(1000, 1, "家", ">", "")}},
	{"确保建成N个X", "确保建成3个智算中心", []g3Want{g3q(3, 1, "个", "=", "")}},
	{"每年新增N家X", "每年新增100家人工智能企业", []g3Want{g3q(100, 1, "家", "=", "year")}},
	{"年新增X N家", "年新增上云企业1000家", []g3Want{g3q(1000, 1, "家", "=", "year")}},
	{"每年发布N个以上X", "每年发布20个以上典型应用场景", []g3Want{g3q(20, 1, "个", ">=", "year")}},
	{"年均培育N家X", "年均培育10家链主企业", []g3Want{g3q(10, 1, "家", "=", "year")}},
	{"推广3D打印设备N台", "推广3D打印设备100台", []g3Want{g3q(100, 1, "台", "=", "")}},
	{"培育N个“5G+工业互联网”X", "培育10个“5G+工业互联网”标杆工厂", []g3Want{g3q(10, 1, "个", "=", "")}},
	{"建设IPv6示范项目N个", "建设IPv6示范项目20个", []g3Want{g3q(20, 1, "个", "=", "")}},
	{"部署5G-A基站N个", "部署5G-A基站1000个", []g3Want{g3q(1000, 1, "个", "=", "")}},
	// a fifth batch (its first run is in docs/benchmarks.md)
	{"培育N个亿级用户X", "培育10个亿级用户应用", []g3Want{g3q(10, 1, "个", "=", "")}},
	{"建成N个万卡集群", "建成2个万卡集群", []g3Want{g3q(2, 1, "个", "=", "")}},
	{"建成万卡集群N个", "建成万卡集群2个", []g3Want{g3q(2, 1, "个", "=", "")}},
	{"建设E级智算中心N个", "建设E级智算中心3个", []g3Want{g3q(3, 1, "个", "=", "")}},
	{"制定A、B标准N项以上", "参与制定国家标准、行业标准20项以上", []g3Want{g3q(20, 1, "项", ">=", "")}},
	{"培育A、B等领域企业N家", "培育人工智能、大数据、云计算等领域企业100家", []g3Want{g3q(100, 1, "家", "=", "")}},
	{"引进投资A以上的项目N个", "引进投资100亿元以上的重大项目10个", []g3Want{g3q(10, 1, "个", "=", "")}},
	{"每万人口拥有X达到N件", "每万人口高价值发明专利拥有量达到20件", []g3Want{g3q(20, 1, "件", "=", "")}},
	{"新增算力规模N P以上", "新增算力规模5000P以上", []g3Want{g3q(5000, 1, "PFLOPS", ">=", "")}},
	{"建设N万卡规模的X", "建设1万卡规模的智算集群", []g3Want{g3q(1, 1e4, "卡", "=", "")}},
}

// g3MoreDeadlines are deadline forms beyond g3Deadlines, each before one
// clause (the plan runs 2026—2028).
var g3MoreDeadlines = []struct {
	name, lead string
	year       int
}{
	{"到2027年底", "到2027年底，", 2027}, {"至2027年", "至2027年，", 2027}, {"三年内", "三年内，", 2028},
	{"2026年 (the plan's first year)", "2026年，", 2026}, {"2027年 opening the clause", "2027年，", 2027},
	{"到2027年6月底前", "到2027年6月底前，", 2027}, {"到“十五五”末", "到“十五五”末，", 2030},
}

var g3MoreNegatives = []struct{ kind, text string }{
	{"idiom", "让人工智能走进千家万户。"},
	{"named programme", "实施人工智能赋能制造业十大工程。"},
	{"model name", "支持DeepSeek-R1、Qwen3等开源模型在本地部署。"},
	{"network name", "推进5G-A和Wi-Fi 7网络建设。"},
	{"service hours", "提供7×24小时算力调度服务。"},
	{"level of autonomy", "支持L4级自动驾驶开展道路测试。"},
	{"phone number", "咨询电话：0571-12345678。"},
	{"ordinal batch", "积极争取入选第二批国家级人工智能创新应用先导区。"},
	{"threshold", "对研发投入占营业收入比重超过5%的企业给予奖励。"},
	{"ratio", "按照1:1比例给予配套支持。"},
	{"period passed", "“十四五”期间，全市数字经济核心产业增加值年均增长15%。"},
	{"validity", "本方案自2026年3月1日起施行，有效期3年。"},
	{"qualifier", "打造千万级用户的人工智能应用。"},
	{"rank", "力争人工智能产业规模进入全国前5。"},
	{"standard code", "贯彻GB/T 42755-2023等数据标注国家标准。"},
	{"qualifier", "建设E级智算中心，布局万卡集群。"},
}

// g3More composes the third batch's cases.
func g3More() []g3Case {
	var cs []g3Case
	lead := "加快人工智能产业发展，"
	cs = append(cs, g3PhraseCases(lead, g3MorePhrases)...)
	for i, t := range g3Counts {
		for _, dl := range g3MoreDeadlines {
			w := g3w(t, "=")
			w.year = dl.year
			cs = append(cs, g3Case{keys: []string{"all=targets", "family=count", "deadline=" + dl.name}, want: []g3Want{w},
				text: lead + dl.lead + t.plain("on"[i%2]) + "。"})
		}
	}
	// goals listed with ；, the deadline said once
	n := len(g3Counts)
	for i, t := range g3Counts {
		u, m := g3Counts[(i+13)%n], g3Metrics[i%len(g3Metrics)]
		want := []g3Want{g3w(m, "="), g3w(t, "="), g3w(u, "=")}
		for j := range want {
			want[j].year = 2027
		}
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=主要目标 listed with ；"}, want: want,
			text: "（一）主要目标\n到2027年，" + m.obj + "达到" + m.num + m.mw + "；" + t.plain('n') + "；" + u.plain('o') + "。"})
	}
	cs = append(cs, g3NegativeCases(lead, g3MoreNegatives)...)
	return cs
}

// g3Positions lays the count shapes (every third target) where plans lay
// targets: an item's heading line, an item's body, a 专栏 table's cell.
func g3Positions() []g3Case {
	var cs []g3Case
	n := len(g3Counts)
	for si, s := range g3CountShapes {
		for i := si % 3; i < n; i += 3 {
			t := g3Counts[i]
			clause, want := s.f(t, g3Counts[(i+7)%n])
			for _, pos := range []struct{ name, text string }{
				{"（一） heading", "（" + gridCN(i%9+1) + "）" + clause + "\n加强统筹协调，推进各项工作落实。"},
				{"1. body", strconv.Itoa(i%9+1) + ".加快应用落地。" + clause + "。"},
				{"专栏 table cell", "专栏1 重点工程\n工程名称\t建设内容\n人工智能赋能工程\t" + clause + "\n（二）强化要素保障。完善算力调度机制。"},
			} {
				w := append([]g3Want(nil), want...)
				for j := range w {
					w[j].year = g3Plan
				}
				cs = append(cs, g3Case{keys: []string{"all=targets", "family=count", "position=" + pos.name, "shape=" + s.name}, text: pos.text, want: w})
			}
		}
	}
	return cs
}
