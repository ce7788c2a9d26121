package plan

import (
	"strconv"
	"strings"
)

// The fourth grid's fixed phrases, its non-targets and its cases
// (grid4_compose_test.go and grid4_shapes_test.go have the factors).

var g4Phrases = []g3Phrase{
	{"每千人口拥有3岁以下婴幼儿托位数达到N个", "每千人口拥有3岁以下婴幼儿托位数达到4.5个", []g3Want{g3q(4.5, 1, "个", "=", "")}},
	{"每千名老年人拥有养老床位N张", "每千名老年人拥有养老床位达到40张", []g3Want{g3q(40, 1, "张", "=", "")}},
	{"每万人口全科医生数达到N人", "每万人口全科医生数达到4人", []g3Want{g3q(4, 1, "人", "=", "")}},
	{"人均公园绿地面积达到N平方米", "人均公园绿地面积达到15平方米", []g3Want{g3q(15, 1, "平方米", "=", "")}},
	{"人均体育场地面积N平方米/人", "人均体育场地面积达到3平方米/人", []g3Want{g3q(3, 1, "平方米/人", "=", "")}},
	{"服务群众N万人次", "开展巡回医疗服务群众50万人次", []g3Want{g3q(50, 1e4, "人次", "=", "")}},
	{"年接待游客N亿人次", "年接待游客突破1亿人次", []g3Want{g3q(1, 1e8, "人次", ">", "year")}},
	{"城镇新增就业N万人", "城镇新增就业10万人以上", []g3Want{g3q(10, 1e4, "人", ">=", "")}},
	{"转移农村劳动力就业N万人", "转移农村劳动力就业5万人", []g3Want{g3q(5, 1e4, "人", "=", "")}},
	{"完成造林N万亩", "完成造林10万亩", []g3Want{g3q(10, 1e4, "亩", "=", "")}},
	{"植树造林N万亩", "植树造林5万亩", []g3Want{g3q(5, 1e4, "亩", "=", "")}},
	{"N%以上的行政村实现X", "90%以上的行政村实现生活污水有效治理", []g3Want{g3q(90, 1, "%", ">=", "")}},
	{"X覆盖N%以上的Y", "家庭医生签约服务覆盖80%以上的重点人群", []g3Want{g3q(80, 1, "%", ">=", "")}},
	{"粮食综合生产能力稳定在N亿斤以上", "粮食综合生产能力稳定在300亿斤以上", []g3Want{g3q(300, 1e8, "斤", ">=", "")}},
	{"粮食产量保持在N万吨以上", "粮食产量保持在1200万吨以上", []g3Want{g3q(1200, 1e4, "吨", ">=", "")}},
	{"城市生活垃圾回收利用率达到N%以上", "城市生活垃圾回收利用率达到40%以上", []g3Want{g3q(40, 1, "%", ">=", "")}},
	{"生活垃圾分类覆盖率达到100%", "城市生活垃圾分类覆盖率达到100%", []g3Want{g3q(100, 1, "%", "=", "")}},
	{"改造老旧小区N个、惠及居民M万户", "改造城镇老旧小区500个、惠及居民5万户", []g3Want{g3q(500, 1, "个", "=", ""), g3q(5, 1e4, "户", "=", "")}},
	{"完成棚户区改造N万套", "完成棚户区改造1万套", []g3Want{g3q(1, 1e4, "套", "=", "")}},
	{"建设保障性租赁住房N万套（间）", "建设保障性租赁住房2万套（间）", []g3Want{g3q(2, 1e4, "套", "=", "")}},
	{"建成轨道交通线路N条、运营里程M公里", "建成轨道交通线路3条，运营里程达到100公里", []g3Want{g3q(3, 1, "条", "=", ""), g3q(100, 1, "公里", "=", "")}},
	{"高速公路通车里程突破N公里", "高速公路通车里程突破1000公里", []g3Want{g3q(1000, 1, "公里", ">", "")}},
	{"疫苗接种率保持在N%以上", "适龄儿童免疫规划疫苗接种率保持在90%以上", []g3Want{g3q(90, 1, "%", ">=", "")}},
	{"适龄妇女宫颈癌筛查覆盖率达到N%", "适龄妇女宫颈癌筛查覆盖率达到80%", []g3Want{g3q(80, 1, "%", "=", "")}},
	{"人均预期寿命提高N岁", "人均预期寿命提高1岁", []g3Want{g3q(1, 1, "岁", "=", "")}},
	{"新增4A级以上景区N家", "新增国家4A级以上旅游景区5家", []g3Want{g3q(5, 1, "家", "=", "")}},
	{"创建国家5A级旅游景区N家", "创建国家5A级旅游景区1家", []g3Want{g3q(1, 1, "家", "=", "")}},
	{"游客接待量年均增长N%", "游客接待量年均增长10%", []g3Want{g3q(10, 1, "%", "=", "year")}},
	{"X、Y排放总量分别下降N%、M%", "化学需氧量、氨氮排放总量分别下降8%、10%", []g3Want{g3q(8, 1, "%", "=", ""), g3q(10, 1, "%", "=", "")}},
	{"PM2.5浓度降至N微克/立方米", "PM2.5平均浓度降至28微克/立方米", []g3Want{g3q(28, 1, "微克/立方米", "=", "")}},
	{"地表水达到或好于Ⅲ类水体比例达到N%", "地表水达到或好于Ⅲ类水体比例达到85%", []g3Want{g3q(85, 1, "%", "=", "")}},
	{"优良天数比例稳定在N%以上", "城市空气质量优良天数比例稳定在90%以上", []g3Want{g3q(90, 1, "%", ">=", "")}},
	{"建成区海绵城市面积比例达到N%", "城市建成区45%以上面积达到海绵城市建设要求", []g3Want{g3q(45, 1, "%", ">=", "")}},
	{"年均新增高标准农田N万亩", "年均新增高标准农田10万亩", []g3Want{g3q(10, 1e4, "亩", "=", "year")}},
	{"秸秆综合利用率稳定在N%以上", "农作物秸秆综合利用率稳定在95%以上", []g3Want{g3q(95, 1, "%", ">=", "")}},
	{"应急避难场所人均面积达到N平方米", "应急避难场所人均有效避难面积达到1.5平方米", []g3Want{g3q(1.5, 1, "平方米", "=", "")}},
	{"新建N所学校，新增学位N个", "新建中小学校20所，新增学位3万个", []g3Want{g3q(20, 1, "所", "=", ""), g3q(3, 1e4, "个", "=", "")}},
	{"社区养老服务设施覆盖率达到100%", "城市社区养老服务设施覆盖率达到100%", []g3Want{g3q(100, 1, "%", "=", "")}},
	{"县级医院全部达到二级甲等以上", "实现县级公立医院100%达到二级甲等以上水平", []g3Want{g3q(100, 1, "%", "=", "")}},
	{"医疗卫生机构床位数达到每千人N张", "医疗卫生机构床位数达到每千人7张", []g3Want{g3q(7, 1, "张", "=", "")}},
	{"每个县（市、区）至少建成N个X", "每个县（市、区）至少建成1个综合性养老服务中心", []g3Want{g3q(1, 1, "个", ">=", "")}},
	{"乡镇（街道）综合文化站达标率N%", "乡镇（街道）综合文化站达标率达到100%", []g3Want{g3q(100, 1, "%", "=", "")}},
	{"新增城市绿地N公顷", "新增城市绿地500公顷", []g3Want{g3q(500, 1, "公顷", "=", "")}},
	{"新增节水能力N万立方米", "新增年节水能力2000万立方米", []g3Want{g3q(2000, 1e4, "立方米", "=", "year")}},
	{"日处理能力达到N万吨", "城市污水日处理能力达到100万吨", []g3Want{g3q(100, 1e4, "吨", "=", "")}},
	{"培训N万人次以上", "组织开展职业技能培训10万人次以上", []g3Want{g3q(10, 1e4, "人次", ">=", "")}},
	{"新增X N千个", "新增普惠托位5千个", []g3Want{g3q(5, 1e3, "个", "=", "")}},
	{"每年组织N场以上X", "每年组织开展各类招聘活动200场以上", []g3Want{g3q(200, 1, "场", ">=", "year")}},
	{"接待游客人次年均增长N%以上", "接待游客人次年均增长8%以上", []g3Want{g3q(8, 1, "%", ">=", "year")}},
	{"社会消费品零售总额突破N亿元", "社会消费品零售总额突破5000亿元", []g3Want{g3q(5000, 1e8, "元", ">", "")}},
}

// g4Negatives are numbers such plans state that are not targets.
var g4Negatives = []struct{ kind, text string }{
	{"age", "为65岁及以上老年人免费提供健康体检服务。"},
	{"age", "发展普惠托育服务，提升0—3岁婴幼儿照护服务水平。"},
	{"age", "落实80周岁以上老年人高龄津贴制度。"},
	{"service radius", "构建居民步行15分钟可达的便民生活服务圈。"},
	{"service radius", "优化急救站点布局，城市急救平均反应时间缩短。"},
	{"threshold", "在日均客流1万人次以上的站点配置无障碍设施。"},
	{"threshold", "对建筑面积2万平方米以上的商业综合体开展消防安全检查。"},
	{"past", "2025年，全市已建成养老床位2.5万张，森林覆盖率达到42%。"},
	{"past", "截至2025年底，全市累计改造城镇老旧小区320个。"},
	{"past", "“十四五”期间，全市城镇新增就业累计达到45万人。"},
	{"subsidy", "对新建养老机构，每张床位给予一次性建设补助1万元。"},
	{"subsidy", "对吸纳就业困难人员的企业，按每人每月500元给予社会保险补贴。"},
	{"subsidy", "对新评定的国家5A级旅游景区，给予一次性奖励500万元。"},
	{"named programme", "深入实施“15分钟健身圈”建设工程。"},
	{"named programme", "推进“百县千乡万村”乡村振兴示范创建。"},
	{"named programme", "深化“万企兴万村”行动，实施“千村示范、万村整治”工程。"},
	{"hotline", "畅通12345政务服务便民热线和120急救电话。"},
	{"service hours", "推动二级以上医院提供24小时急诊服务。"},
	{"rank", "力争全市主要健康指标保持全省前3位。"},
	{"number in a name", "支持创建国家5A级旅游景区和国家级旅游度假区。"},
	{"number in a name", "推进G60科创走廊和京港澳高速公路扩容改造。"},
	{"standard", "新建住宅小区按每百户不低于20平方米配建养老服务用房。"},
	{"standard", "新建居住区按照每千人不少于1个托位的标准配置托育设施。"},
	{"duration", "连续3年获评全省食品安全示范城市。"},
	{"document number", "依据《某省“十五五”卫生健康事业发展规划》（某政办发〔2026〕8号）编制。"},
	{"price", "城区公交实行1元一票制。"},
	{"ratio", "医护比按照1:1.2配置。"},
	{"grade", "推动县级医院达到二级甲等以上水平。"},
	{"water class", "地表水水质保持Ⅱ类标准。"},
}

// g4Lead opens every case's sentence.
const g4Lead = "推动社会事业高质量发展，"

// g4Case is a case of a social-affairs plan: the clause after a lead and
// the k-th deadline form (each want due that form's year).
func g4Case(keys []string, clause string, want []g3Want, k int) g3Case {
	dl := g4Deadlines[k%len(g4Deadlines)]
	for i := range want {
		want[i].year = dl.year
	}
	return g3Case{keys: append(keys, "deadline="+dl.name), text: "推动社会事业高质量发展，" + dl.lead + clause + "。", want: want}
}

// g4Cases composes every case.
func g4Cases() []g3Case {
	var cs []g3Case
	put := func(keys []string, clause string, want []g3Want, k int) {
		cs = append(cs, g4Case(keys, clause, want, k))
	}
	n := len(g4Counts)
	for si, s := range g4CountShapes {
		for i, t := range g4Counts {
			clause, want := s.f(t.g2Target, g4Counts[(i+7)%n].g2Target)
			keys := []string{"all=targets", "family=count", "shape=" + s.name, "domain=" + t.domain, "object=" + t.obj,
				"measure=" + t.mw, "verb=" + t.verb}
			put(keys, clause, want, i+si)
		}
	}
	for si, s := range g4MetricShapes {
		for i, m := range g4Metrics {
			clause, want := s.f(m)
			put([]string{"all=targets", "family=metric", "shape=" + s.name, "domain=" + m.domain, "object=" + m.obj, "measure=" + m.mw},
				clause, want, i+si)
		}
	}
	for si, s := range g4BoundShapes {
		for i, b := range g4Bounds {
			clause, want := s.f(b.g2Target)
			put([]string{"all=targets", "family=bound", "shape=" + s.name, "domain=" + b.domain, "object=" + b.obj, "measure=" + b.mw},
				clause, want, i+si)
		}
	}
	for si, s := range g4FallShapes {
		for i, b := range g4Falls {
			clause, want := s.f(b.g2Target)
			put([]string{"all=targets", "family=fall", "shape=" + s.name, "domain=" + b.domain, "object=" + b.obj}, clause, want, i+si)
		}
	}
	for pi, p := range g4Phrases {
		for k := 0; k < 3; k++ {
			put([]string{"all=targets", "family=phrase", "phrase=" + p.name}, p.text, append([]g3Want(nil), p.want...), pi+3*k)
		}
	}
	cs = append(append(append(append(cs, g4Layouts()...), g4More()...), g4Third()...), g4Fourth()...)
	cs = append(append(cs, g4Fifth()...), g4Sixth()...)
	for _, ng := range g4Negatives {
		for _, pos := range []struct{ name, before string }{{"in a paragraph", g4Lead}, {"（一） item", "（一）强化政策支持。"}} {
			cs = append(cs, g3Case{keys: []string{"all=negatives", "negative=" + ng.kind, "negative position=" + pos.name}, text: pos.before + ng.text})
		}
	}
	return cs
}

// g4Layouts lays goals where plans lay them: a 主要目标 paragraph under one
// deadline, —— lines, a table of indicators (with bounds, and cumulative
// figures in 〔〕), a 专栏 of projects, and a count in an item's heading, an
// item's body and a 专栏 table's cell.
func g4Layouts() []g3Case {
	var cs []g3Case
	n, nm, nb := len(g4Counts), len(g4Metrics), len(g4Bounds)
	year := func(want []g3Want, y int) []g3Want {
		for j := range want {
			want[j].year = y
		}
		return want
	}
	for i, t := range g4Counts {
		u, v := g4Counts[(i+11)%n].g2Target, g4Counts[(i+23)%n].g2Target
		m, b := g4Metrics[i%nm], g4Bounds[i%nb]
		if b.mw == "/10万" {
			b = g4Bounds[0] // (no labelling convention for a rate per 100,000 yet: its own cells only)
		}
		want := year([]g3Want{g4mwant(m, "=")[0], g3w(t.g2Target, "="), g3w(u, "="), g3w(b.g2Target, "<=")}, 2028)
		keys := []string{"all=targets", "family=goals"}
		cs = append(cs, g3Case{keys: append(keys, "layout=主要目标 paragraph, one sentence"), want: want,
			text: "（一）主要目标\n到2028年，" + m.obj + "达到" + m.num + m.mw + "，" + t.plain('n') + "，" + u.plain('o') + "，" +
				b.obj + "控制在" + b.num + b.mw + "以内。"})
		cs = append(cs, g3Case{keys: append(keys, "layout=主要目标 listed with ；"), want: append([]g3Want(nil), want...),
			text: "（一）主要目标\n到2028年，民生保障水平明显提升：" + m.obj + "达到" + m.num + m.mw + "；" + t.plain('n') + "；" + u.plain('o') + "；" +
				b.obj + "控制在" + b.num + b.mw + "以内。"})
		cs = append(cs, g3Case{keys: append(keys, "layout=—— lines under 到2030年，实现以下目标："),
			want: year([]g3Want{g3w(t.g2Target, "="), g4mwant(m, "=")[0]}, 2030),
			text: "（一）发展目标\n到2030年，实现以下目标：\n——公共服务更加均衡。" + t.plain("on"[i%2]) + "。\n——人民生活品质提升。" + m.obj + "达到" + m.num + m.mw + "。"})
		cs = append(cs, g3Case{keys: append(keys, "layout=专栏 of projects"),
			want: year([]g3Want{g3w(t.g2Target, "="), g3w(u, "="), g3w(v, "=")}, g4Plan),
			text: "专栏3 民生补短板重点工程\n1.公共服务提升工程：" + t.plain('o') + "，" + u.plain('n') + "。\n2.基础设施补短板工程：" + v.plain('o') + "。\n（二）强化要素保障。完善用地保障机制。"})
	}
	// a table of the plan's indicators: the target year's column
	for i := range g4Metrics {
		var rows strings.Builder
		var want []g3Want
		for k := 0; k < 4; k++ {
			m := g4Metrics[(i+k)%nm]
			rows.WriteString("\n" + strconv.Itoa(k+1) + "\t" + m.obj + "\t" + m.mw + "\t" + m.base + "\t" + m.num + "\t预期性")
			want = append(want, g3w(m.g2Target, "=")) // (a row named with 年 and a verb is the target year's level: TestCellLinesHeaderShapes)
		}
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=table of indicators (unit column)"}, want: year(want, 2030),
			text: "表1 “十五五”时期主要指标\n序号\t指标\t单位\t2025年\t2030年\t属性" + rows.String()})
	}
	for i := range g4Bounds {
		b, f, m := g4Bounds[i], g4Falls[i%len(g4Falls)], g4Metrics[i%nm]
		if b.mw == "/10万" {
			continue
		}
		yearly := g3q(10, 1e4, "人", "=", "year")
		want := year([]g3Want{g3w(m.g2Target, "="), g3w(b.g2Target, "<="), g3w(f.g2Target, "="), yearly}, 2030)
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=goals", "layout=table of indicators, a bound (≤), a fall (〔〕), a 年均 row"}, want: want,
			text: "表1 “十五五”时期主要指标\n序号\t指标\t单位\t2025年\t2030年\t属性\n1\t" + m.obj + "\t" + m.mw + "\t" + m.base + "\t" + m.num + "\t预期性\n2\t" +
				b.obj + "\t" + b.mw + "\t—\t≤" + b.num + "\t约束性\n3\t" + f.obj + "降低\t%\t—\t〔" + f.num + "〕\t约束性\n4\t年均城镇新增就业\t万人\t8\t10\t预期性"})
	}
	// the count shapes (every third target) in an item's heading, an
	// item's body and a 专栏 table's cell
	for si, s := range g4CountShapes {
		for i := si % 3; i < n; i += 3 {
			t := g4Counts[i].g2Target
			clause, want := s.f(t, g4Counts[(i+7)%n].g2Target)
			for _, pos := range []struct{ name, text string }{
				{"（一） heading", "（" + gridCN(i%9+1) + "）" + clause + "\n加强统筹协调，推进各项工作落实。"},
				{"1. body", strconv.Itoa(i%9+1) + ".补齐民生短板。" + clause + "。"},
				{"专栏 table cell", "专栏2 重点工程\n工程名称\t建设内容\n民生补短板工程\t" + clause + "\n（二）强化要素保障。完善用地保障机制。"},
			} {
				cs = append(cs, g3Case{keys: []string{"all=targets", "family=count", "position=" + pos.name, "shape=" + s.name},
					text: pos.text, want: year(append([]g3Want(nil), want...), g4Plan)})
			}
		}
	}
	return cs
}
