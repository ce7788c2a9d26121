package plan

// The fourth grid's fifth batch (its first run is in docs/benchmarks.md,
// grid4): targets with a radius, a time, a grade or an age inside that is
// no target (公交站点500米覆盖率, 15分钟健身圈覆盖率, 二级以上综合医院…比例),
// and the policy figures of such plans that are not targets: service
// standards and subsidies per head, siting distances, base years, codes
// of standards, protection grades, ordinal batches.

var g4FifthPhrases = []g3Phrase{
	{"公交站点500米覆盖率达到N%", "中心城区公交站点500米覆盖率达到100%", []g3Want{g3q(100, 1, "%", "=", "")}},
	{"15分钟健身圈覆盖率达到N%", "城市社区“15分钟健身圈”覆盖率达到90%", []g3Want{g3q(90, 1, "%", "=", "")}},
	{"二级以上综合医院设置X的比例达到N%", "二级以上综合医院设置老年医学科的比例达到60%以上", []g3Want{g3q(60, 1, "%", ">=", "")}},
	{"设立N个应急救援站", "全市设立12个综合性应急救援站", []g3Want{g3q(12, 1, "个", "=", "")}},
	{"城区5分钟消防救援圈覆盖率N%", "城区5分钟消防救援圈覆盖率达到85%", []g3Want{g3q(85, 1, "%", "=", "")}},
	{"以2025年为基数，X下降N%", "以2025年为基数，化学需氧量排放总量下降8%", []g3Want{g3q(8, 1, "%", "=", "")}},
	{"一级以上X达到N个", "一级及以上标准化规范化乡镇卫生院达到60个", []g3Want{g3q(60, 1, "个", "=", "")}},
	{"60岁以上老年人X率达到N%", "65岁以上老年人中医药健康管理率达到75%", []g3Want{g3q(75, 1, "%", "=", "")}},
	// a radius capped is how near the network brings every place, a goal
	// of coverage (siteDistance, tune30), not a standard each site keeps
	{"服务半径不超过N米", "社区养老服务设施服务半径不超过500米", []g3Want{g3q(500, 1, "米", "<=", "")}},
}

var g4FifthNegatives = []struct{ kind, text string }{
	{"service standard", "按照每人每年不低于90元的标准落实基本公共卫生服务经费。"},
	{"subsidy", "对经济困难的失能老年人给予每人每月200元护理补贴。"},
	{"subsidy", "对符合条件的农村危房改造户按每户2万元给予补助。"},
	{"siting distance", "垃圾转运站与居民区的距离不少于50米。"},
	{"base year", "以2020年为基期，测算能耗强度降低目标。"},
	{"standard code", "地表水水质执行《地表水环境质量标准》（GB 3838-2002）。"},
	{"protection grade", "加强国家一级、二级重点保护野生动物栖息地保护。"},
	{"ordinal batch", "积极申报第三批国家级全域旅游示范区。"},
	{"ring", "构建城市“1小时应急救援圈”。"},
	{"threshold", "对建筑高度超过100米的高层建筑开展消防专项检查。"},
	{"past", "2025年，全市森林覆盖率为42.5%，较2020年提高2个百分点。"},
}

// g4Fifth composes the fifth batch's cases.
func g4Fifth() []g3Case {
	var cs []g3Case
	for pi, p := range g4FifthPhrases {
		for k := 0; k < 3; k++ {
			dl := g4Deadlines[(pi+3*k)%len(g4Deadlines)]
			want := append([]g3Want(nil), p.want...)
			for i := range want {
				want[i].year = dl.year
			}
			cs = append(cs, g3Case{keys: []string{"all=targets", "family=phrase", "phrase=" + p.name, "batch=5", "deadline=" + dl.name},
				text: g4Lead + dl.lead + p.text + "。", want: want})
		}
	}
	for _, ng := range g4FifthNegatives {
		for _, pos := range []struct{ name, before string }{{"in a paragraph", g4Lead}, {"（一） item", "（一）强化政策支持。"}} {
			cs = append(cs, g3Case{keys: []string{"all=negatives", "negative=" + ng.kind, "negative position=" + pos.name, "batch=5, negatives"},
				text: pos.before + ng.text})
		}
	}
	return cs
}
