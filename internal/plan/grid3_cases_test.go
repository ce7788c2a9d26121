package plan

import "strings"

// The third grid's fixed phrases, its non-targets and its cases
// (grid3_compose_test.go has the factors they are composed of).

// g3Phrase is a whole target phrase of such plans whose shape the factors
// do not compose: a verb after its object (上云, 就业, 落户), a threshold or a
// qualifier inside the target, a period.
type g3Phrase struct {
	name, text string
	want       []g3Want
}

func g3q(value, mult float64, unit, cmp, per string) g3Want {
	return g3Want{t: g2Target{value: value, mult: mult, unit: unit}, cmp: cmp, per: per}
}

var g3Phrases = []g3Phrase{
	{"服务不少于N万用户", "服务不少于1000万用户", []g3Want{g3q(1000, 1e4, "", ">=", "")}},
	{"带动N万人就业", "带动10万人就业", []g3Want{g3q(10, 1e4, "人", "=", "")}},
	{"带动就业N万人", "带动就业10万人", []g3Want{g3q(10, 1e4, "人", "=", "")}},
	{"推动N家企业上云", "推动5000家企业上云", []g3Want{g3q(5000, 1, "家", "=", "")}},
	{"吸引N家X落户", "吸引30家头部企业落户", []g3Want{g3q(30, 1, "家", "=", "")}},
	{"新增N款以上的X", "新增500款以上的智能穿戴产品", []g3Want{g3q(500, 1, "款", ">=", "")}},
	{"培育年营业收入超A的企业N家", "培育年营业收入超10亿元的企业20家", []g3Want{g3q(20, 1, "家", "=", "")}},
	{"建成N个万卡级X", "建成3个万卡级智算集群", []g3Want{g3q(3, 1, "个", "=", "")}},
	{"形成千亿级X N个", "形成千亿级产业集群2个", []g3Want{g3q(2, 1, "个", "=", "")}},
	{"每年举办N场以上X", "每年举办20场以上供需对接活动", []g3Want{g3q(20, 1, "场", ">=", "year")}},
	{"年均新增N家X", "年均新增100家人工智能企业", []g3Want{g3q(100, 1, "家", "=", "year")}},
	{"服务企业超过N家次", "服务企业超过5000家次", []g3Want{g3q(5000, 1, "家次", ">", "")}},
	{"打造N个左右X", "打造10个左右人工智能特色园区", []g3Want{g3q(10, 1, "个", "~", "")}},
	{"数据中心机架规模达到N万标准机架", "数据中心机架规模达到10万标准机架", []g3Want{g3q(10, 1e4, "标准机架", "=", "")}},
	{"每万人拥有X达到N人", "每万人拥有人工智能人才数达到20人", []g3Want{g3q(20, 1, "人", "=", "")}},
	{"新增智能算力N万P", "新增智能算力1.5万P", []g3Want{g3q(1.5, 1e4, "PFLOPS", "=", "")}},
	{"带动相关产业规模超过N亿元", "带动相关产业规模超过1000亿元", []g3Want{g3q(1000, 1e8, "元", ">", "")}},
	{"上线X超N款", "上线数据产品超2000款", []g3Want{g3q(2000, 1, "款", ">", "")}},
	{"开放数据集N个以上、数据量超过M", "开放数据集500个以上，开放数据量超过1PB", []g3Want{g3q(500, 1, "个", ">=", ""), g3q(1, 1, "PB", ">", "")}},
	{"争创国家级X N个", "争创国家级人工智能创新应用先导区1个", []g3Want{g3q(1, 1, "个", "=", "")}},
}

// g3Negatives are numbers such plans state that are not targets.
var g3Negatives = []struct{ kind, text string }{
	{"subsidy cap", "对新认定的国家级人工智能创新平台，给予最高500万元奖励。"},
	{"subsidy rate", "按照项目实际投资额的20%给予补贴，单个项目最高不超过1000万元。"},
	{"算力券", "对租用智能算力的中小企业，按合同金额的30%发放算力券，每家企业每年最高200万元。"},
	{"算力券 cap", "单家企业每年申领算力券不超过50万元。"}, // (not 发放总额不超过1亿元的算力券: the most the plan issues, a target as 消费券 are)
	{"threshold", "对年营业收入首次超过1亿元的人工智能企业，给予一次性奖励。"},
	{"threshold", "支持营业收入超10亿元的链主企业牵头组建创新联合体。"},
	{"past", "2024年，全市已建成智能算力中心3个，集聚人工智能企业500家。"},
	{"past", "截至2025年底，全市数据交易额累计达到50亿元。"},
	{"named programme", "深入实施“1+N”政策体系，组织开展十大行动。"},
	{"named programme", "实施“人工智能+”行动，推进“百模千景”工程。"},
	{"number in a name", "推进5G、千兆光网和IPv6规模部署。"},
	{"qualifier", "支持企业研发参数量超过千亿的基础大模型。"},
	{"qualifier", "支持建设万卡级智算集群，鼓励研发70亿参数以上的行业大模型。"},
}

// g3Cases composes every case.
func g3Cases() []g3Case {
	var cs []g3Case
	lead := "加快人工智能产业发展，"
	put := func(keys []string, clause string, want []g3Want, k int) {
		dl := g3Deadlines[k%len(g3Deadlines)]
		for i := range want {
			want[i].year = dl.year
		}
		cs = append(cs, g3Case{keys: append(keys, "deadline="+dl.name), text: lead + dl.lead + clause + "。", want: want})
	}
	for si, s := range g3CountShapes {
		for i, t := range g3Counts {
			clause, want := s.f(t, g3Counts[(i+7)%len(g3Counts)])
			keys := []string{"all=targets", "family=count", "shape=" + s.name, "object=" + t.obj, "measure=" + t.mw}
			if strings.HasPrefix(clause, t.verb) || strings.Contains(clause, "，"+t.verb) {
				keys = append(keys, "verb="+t.verb)
			}
			put(keys, clause, want, i+si)
		}
	}
	for si, s := range g3MetricShapes {
		for i, t := range g3Metrics {
			clause, want := s.f(t, g3Metrics[(i+5)%len(g3Metrics)])
			put([]string{"all=targets", "family=metric", "shape=" + s.name, "object=" + t.obj, "measure=" + t.mw}, clause, want, i+si)
		}
	}
	for pi, p := range g3Phrases {
		for k := range g3Deadlines {
			put([]string{"all=targets", "family=phrase", "phrase=" + p.name}, p.text, append([]g3Want(nil), p.want...), pi+k)
		}
	}
	// the goals of a 主要目标 paragraph, the deadline said once
	n := len(g3Counts)
	for i, t := range g3Counts {
		u, v, m := g3Counts[(i+11)%n], g3Counts[(i+23)%n], g3Metrics[i%len(g3Metrics)]
		want := []g3Want{g3w(t, "="), g3w(u, "="), g3w(m, "="), g3w(v, "=")}
		for j := range want {
			want[j].year = 2027
		}
		keys := []string{"all=targets", "family=goals"}
		cs = append(cs, g3Case{keys: append(keys, "layout=主要目标 paragraph, one sentence"), want: want,
			text: "（一）主要目标\n到2027年，" + t.plain('o') + "，" + u.plain('n') + "，" + m.obj + "达到" + m.num + m.mw + "，" + v.plain('n') + "。"})
		cs = append(cs, g3Case{keys: append(keys, "layout=主要目标 paragraph, two sentences"), want: append([]g3Want(nil), want...),
			text: "（一）主要目标\n到2027年，人工智能产业发展水平显著提升，" + t.plain('o') + "，" + u.plain('n') + "。" + m.obj + "达到" + m.num + m.mw +
				"，" + v.plain('n') + "。"})
	}
	cs = append(cs, g3NegativeCases(lead, g3Negatives)...)
	return append(append(append(cs, g3Wide()...), g3More()...), g3Positions()...)
}

// g3PhraseCases composes each phrase after lead under each deadline form in
// turn (the second and third batches).
func g3PhraseCases(lead string, phrases []g3Phrase) []g3Case {
	var cs []g3Case
	for pi, p := range phrases {
		for k := range g3Deadlines {
			dl := g3Deadlines[(pi+k)%len(g3Deadlines)]
			want := append([]g3Want(nil), p.want...)
			for i := range want {
				want[i].year = dl.year
			}
			cs = append(cs, g3Case{keys: []string{"all=targets", "family=phrase", "phrase=" + p.name, "deadline=" + dl.name},
				text: lead + dl.lead + p.text + "。", want: want})
		}
	}
	return cs
}

// g3NegativeCases lays each non-target in a paragraph after lead and as an
// item's body.
func g3NegativeCases(lead string, negs []struct{ kind, text string }) []g3Case {
	var cs []g3Case
	for _, ng := range negs {
		for _, pos := range []struct{ name, before string }{{"in a paragraph", lead}, {"（一） item", "（一）强化政策支持。"}} {
			cs = append(cs, g3Case{keys: []string{"all=negatives", "negative=" + ng.kind, "negative position=" + pos.name}, text: pos.before + ng.text})
		}
	}
	return cs
}
