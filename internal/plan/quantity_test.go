package plan

import (
	"strings"
	"testing"
)

// The shapes of issue 16, one sentence each, under a plan of 2026–2030:
// what the grammar reads from each. A reading is "value unit×mult cmp per
// deadline" (a range "low-high"), "?" marks a candidate; several are
// joined by " | ".
func TestQuantityPhrases(t *testing.T) {
	tests := []struct{ sentence, want string }{
		{"培养100名优秀企业家。", "100 名 = - 2030"},
		{"建成海外科技企业孵化器8家。", "8 家 = - 2030"},
		{"新培育技术经纪人1000人。", "1000 人 = - 2030"},
		{"打造20个应用示范场景。", "20 个 = - 2030"},
		{"每年布局150项以上基础研究项目。", "150 项 >= year 2030"},
		{"谋划建设2-3个重大科技基础设施。", "2-3 个 range - 2030"},
		{"打造500个左右人工智能应用场景。", "500 个 approx - 2030"},
		{"选拔100名正职后备人才、200名副职后备人才。", "100 名 = - 2030 | 200 名 = - 2030"},
		{"引育高层次人才1万名左右。", "1 名×10000 approx - 2030"},
		{"数字经济规模超万亿元。", "1 元×1e+12 >= - 2030"},
		// a magnitude class a scale reaches: the 1 it implies (tune24)
		{"氢能重卡推广应用达到万辆级规模以上。", "1 辆×10000 >= - 2030"},
		{"新材料产业营收达到千亿元级。", "? 1 元×1e+11 = - 2030"}, // (proposed by the rules, a magnitude class reached; promoted only when every opinion is sure of it (learnCombine), and the second opinion of D143 is not)
		{"改造2个万吨级泊位，开通1条航线。", "2 个 = - 2030 | 1 条 = - 2030"},
		// a unit per person; one percentage point a share moves by (tune24)
		{"人均体育场地面积达到2.6平方米/人，人均用水量降至120立方米/人。", "2.6 平方米/人 = - 2030 | 120 立方米/人 = - 2030"},
		{"数字产业增加值占比每年提高一个百分点。", "1 个百分点 = year 2030"},
		{"实施一个百分点工程。", ""},
		{"每年抽检机动车不少于3万辆次。", "3 辆次×10000 >= year 2030"},
		// a rating (tune24)
		{"推动10MW以上等级风电机组研制。", ""},
		{"每所学校配备科技辅导员两名，建设科普基地十个。", "? 2 名 = - 2030 | 10 个 = - 2030"}, // (两名 as the rules propose it: not every opinion is sure of it, D143)
		{"科普场馆不少于30座，科技社团达到300个以上，年接待观众突破500万人次。", "30 座 >= - 2030 | 300 个 >= - 2030 | 500 人次×10000 >= year 2030"},
		{"到2027年，新增专精特新企业200家。", "200 家 = - 2027"},
		{"3年内建成中试平台10个，5年内建成20个。", "10 个 = - 2028 | 20 个 = - 2030"},
		{"支持35岁以下青年人才连续3年开展研究。", ""},
		{"实施六大工程和三大行动，构建“3+N”体系。", ""},
		// the things a plan focuses on are its scope, not what it reaches
		{"聚焦全省8个重点产业链，培育链主企业20家。", "20 家 = - 2030"},
		// a list's number before a word that starts with a measure word
		{"推进12 人工智能标准研制，开展3 场景开放对接，落实1 项目管理制度。", ""},
		{"引进100名人才，打造20个人工智能应用场景，建设5个元宇宙体验中心。", "100 名 = - 2030 | 20 个 = - 2030 | 5 个 = - 2030"},
		{"经过五年努力，已建成院士工作站30家。", "? 30 家 = - 2030"},
		{"对认定的平台给予最高500万元奖励。", ""},
		{"营业收入1亿元以上的企业达到50家。", "50 家 = - 2030"},
		{"研发投入强度由2.5%提高到3.2%。", "3.2 % = - 2030 (from 2.5)"},
		{"优良天数比例达到百分之九十，年均增长5%-8%。", "90 % = - 2030 | 5-8 % range year 2030"},
		{"2027年6月底前建成数据中心3个，算力券发放2000万元/年。", "3 个 = - 2027 | 2000 元×10000 = year 2027"},
		{"光伏装机容量2GW，规上企业研发机构覆盖率60%。", "2 GW = - 2030 | 60 % = - 2030"},
		// widened on the extra corpus: a reach with a comparator, units of
		// other fields, compute by its prefix, all the parts there are, a
		// name spelt out, a growth rate that is not the sentence's period
		{"到2028年，在10个以上乡镇部署应用，在12个赛道开展试点。", "10 个 >= - 2028"},
		{"视频监控汇聚总量突破40万路，算力规模达到10000P以上，智能算力超过5EFlops。", "40 路×10000 >= - 2030 | 10000 PFLOPS >= - 2030 | 5 EFLOPS >= - 2030"},
		{"集装箱吞吐量达到500万标箱，新增奶牛2000头，建成一路两核。", "500 标箱×10000 = - 2030 | 2000 头 = - 2030"},
		{"网络覆盖全省17个市州，推动全省100家企业上云。", "100 家 = - 2030"},
		{"形成“1+2+N”的体系(即1个市级平台、2个分平台)。", ""},
		{"到2027年，产业规模突破2000亿元，年均增速超过30%，带动相关产业规模超万亿元。", "2000 元×1e+08 >= - 2027 | 30 % >= year 2027 | 1 元×1e+12 >= - 2027"},
		// what a PDF does to a quantity: a comparator spaced out and a page
		// marker between it and the number, a space grouping thousands or
		// before the unit; a share said as 一半; latency as a bound, a ring's only proposed
		{"到2027年，全省算力规模超 过\n— 5 —\n200 万核，新增发明专利1 200件。", "200 核×10000 >= - 2027 | 1200 件 = - 2027"},
		{"智能算力达到5 EFlops以上，数据中心间时延低于10ms。", "5 EFLOPS >= - 2030 | 10 ms <= - 2030"},
		{"构建市内1毫秒、市际3毫秒时延圈。", "? 1 毫秒 = - 2030 | ? 3 毫秒 = - 2030"},
		{"到2027年，一半以上规上企业实现数字化转型。", "50 % >= - 2027"},
		{"截至2025年底，全市建成5G基站2万个，到2028年建成5万个。", "? 2 个×10000 = - 2025 | 5 个×10000 = - 2028"},
		{"登记机构自受理之日起15个工作日内完成审核，答复期限控制在5个工作日以内。", "5 个工作日 <= - 2030"}, // (working days: D214)
		// wave 38 (D271): numbers listed bare before the unit they share,
		// given in turn after 分别 (each year's, or each thing's); the years
		// of each list of 分别 start again; a fraction written out; a range
		// with a PDF's spaces round 至; a doubling only proposed
		{"2027年、2028年、2029年分别完成科技评价30、40、50项。", "30 项 = - 2027 | 40 项 = - 2028 | 50 项 = - 2029"},
		{"园区和开发区的亩均税收分别提高15、22个百分点。", "15 个百分点 = - 2030 | 22 个百分点 = - 2030"},
		{"到2027年、2030年，算力规模分别达到5000P、1.5万P，核心产业规模分别突破300亿元、600亿元。", "5000 PFLOPS = - 2027 | 1.5 PFLOPS×10000 = - 2030 | 300 元×1e+08 >= - 2027 | 600 元×1e+08 = - 2030"},
		{"到2030年，力争外受电比重超过三分之一，三分之二以上的县达标。", "0.3333333333333333  >= - 2030"},
		{"建设 1 至 2 个绿色生态城区。", "1-2 个 range - 2030"},
		{"全市数字经济增加值比2025年翻一番。", "? 1 番 = - 2030"},
		{"遭遇三番五次的检查。", ""},
		// a ratio's bound after 不得 or an adverb of how widely, or said by
		// what is better; a count with a plus; a count 推进 pushes on
		{"集群内数据中心电能利用效率不得超过1.25，数据中心电能利用效率普遍不超过1.5，新建数据中心电能利用效率优于1.3。", "1.25  <= - 2030 | 1.5  <= - 2030 | 1.3  = - 2030"},
		{"到2028年，打造100+具有示范效应的应用场景，构建“1+N+X”体系。", "100  >= - 2028"},
		{"到2028年，推进60个以上的合同能源管理项目，在全市推进20个绿色数据中心的试点创建工作。", "60 个 >= - 2028 | 20 个 = - 2028"},
		{"到2028年，力争80%以上的县级及以上党政机关创建为节约型机关，每年推动200万平方米以上的既有居住建筑节能改造。", "80 % >= - 2028 | 200 平方米×10000 >= year 2028"},
		{"到2028年，城市地区、农村地区供电可靠率分别提高至99.996%和99.955%，期限可延长至3年。", "99.996 % = - 2028 | 99.955 % = - 2028"},
	}
	for _, tt := range tests {
		doc, err := Ingest(strings.NewReader("某市科技创新行动方案(2026-2030年)\n一、目标\n" + tt.sentence))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ind := range doc.Indicators {
			got = append(got, reading(ind))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sentence, g, tt.want)
		}
	}
}
