package plan

// The third grid's composer (grid3_test.go scores it): the targets of
// city and provincial AI, data, digital-economy and industry plans, from
// their factors — the verbs and objects of such plans with the measure
// words and units they take, the phrase shapes they are said in, and the
// numbers such plans state that are not targets. Every phrase was written
// for the grid from general knowledge of the genre; none is a document's.

// g3Counts are count targets: a verb, an object and its measure word.
var g3Counts = []g2Target{
	{"推出", "行业大模型", "30", "个", 30, 1, "个"},
	{"上线", "智能体", "500", "款", 500, 1, "款"},
	{"发布", "高质量数据集", "100", "个", 100, 1, "个"},
	{"落地", "标杆场景", "50", "个", 50, 1, "个"},
	{"汇聚", "数据资源", "20", "PB", 20, 1, "PB"},
	{"接入", "智能终端", "200", "万台", 200, 1e4, "台"},
	{"部署", "智能算力", "5", "EFLOPS", 5, 1, "EFLOPS"},
	{"吸引", "数据商", "200", "家", 200, 1, "家"},
	{"集聚", "人工智能人才", "2", "万名", 2, 1e4, "名"},
	{"招引", "链主企业", "20", "家", 20, 1, "家"},
	{"孵化", "初创企业", "300", "家", 300, 1, "家"},
	{"培育形成", "独角兽企业", "5", "家", 5, 1, "家"},
	{"攻克", "关键核心技术", "50", "项", 50, 1, "项"},
	{"研制", "智能机器人产品", "100", "款", 100, 1, "款"},
	{"制定", "行业标准", "40", "项", 40, 1, "项"},
	{"修订", "地方标准", "20", "部", 20, 1, "部"},
	{"开放", "公共数据集", "1000", "个", 1000, 1, "个"},
	{"培训", "数字技能人才", "5", "万人次", 5, 1e4, "人次"},
	{"储备", "数据经纪人", "100", "名", 100, 1, "名"},
	{"赋能", "中小企业", "1", "万家", 1, 1e4, "家"},
	{"打造", "智能工厂", "50", "家", 50, 1, "家"},
	{"认定", "数字化车间", "100", "个", 100, 1, "个"},
	{"遴选", "解决方案", "60", "个", 60, 1, "个"},
	{"新增", "上云企业", "3000", "家", 3000, 1, "家"},
	{"改造", "生产线", "200", "条", 200, 1, "条"},
	{"引育", "高层次人才", "500", "名", 500, 1, "名"},
	{"开发", "数据产品", "300", "种", 300, 1, "种"},
	{"推广", "应用场景", "80", "类", 80, 1, "类"},
	{"建设", "算力中心", "3", "个", 3, 1, "个"},
	{"新建", "5G基站", "1", "万个", 1, 1e4, "个"},
	{"部署", "工业机器人", "2000", "台", 2000, 1, "台"},
	{"覆盖", "家庭用户", "1000", "万户", 1000, 1e4, "户"},
	{"组建", "创新联合体", "10", "个", 10, 1, "个"},
	{"落户", "重大项目", "30", "个", 30, 1, "个"},
	{"建立", "数据标注基地", "4", "个", 4, 1, "个"},
	{"实施", "数字化转型项目", "150", "项", 150, 1, "项"},
	// added after the first run (its own first run is in docs/benchmarks.md)
	{"申请", "发明专利", "500", "件", 500, 1, "件"},
	{"推广", "工业软件", "100", "套", 100, 1, "套"},
	{"培育", "专精特新企业", "200", "家", 200, 1, "家"},
	{"新增", "瞪羚企业", "50", "家", 50, 1, "家"},
	{"新增", "上市企业", "10", "家", 10, 1, "家"},
}

// g3Metrics are indicators that reach a value (the verb is the shape's).
var g3Metrics = []g2Target{
	{"", "人工智能核心产业规模", "500", "亿元", 500, 1e8, "元"},
	{"", "数字经济核心产业增加值占地区生产总值比重", "15", "%", 15, 1, "%"},
	{"", "数据交易额", "100", "亿元", 100, 1e8, "元"},
	{"", "算力规模", "20", "EFLOPS", 20, 1, "EFLOPS"},
	{"", "智能算力规模", "10000", "P", 10000, 1, "PFLOPS"},
	{"", "数据产业规模", "1.5", "万亿元", 1.5, 1e12, "元"},
	{"", "规上工业企业数字化转型比例", "90", "%", 90, 1, "%"},
	{"", "重点企业上云率", "80", "%", 80, 1, "%"},
	{"", "人工智能企业数量", "1000", "家", 1000, 1, "家"},
	{"", "大模型应用用户规模", "2000", "万", 2000, 1e4, ""},
	{"", "人工智能人才规模", "10", "万人", 10, 1e4, "人"},
	{"", "智算集群规模", "2", "万卡", 2, 1e4, "卡"},
}

// g3Want is a quantity a case composes, with the comparator, period and
// deadline year it reads with.
type g3Want struct {
	t         g2Target
	cmp, per  string
	year      int
	low, high float64 // a range's ends as written (3—5家: 3, 5; t.mult applies)
}

// g3Case is one small document of the grid: its factor values (keys) and
// what it composes; a case that composes nothing is a non-target.
type g3Case struct {
	keys []string
	text string
	want []g3Want
}

const g3Plan = 2028 // the plan's end (its title's period)

// g3Shell lays a case's body inside an AI plan's title and sections.
func g3Shell(body string) string {
	return "某市加快推动人工智能和数字经济高质量发展行动方案（2026—2028年）\n\n一、总体要求\n坚持应用牵引、创新驱动，" +
		"加快人工智能技术与实体经济深度融合。\n\n二、主要任务\n" + body + "\n\n三、保障措施\n加强组织领导，完善政策体系，强化要素保障。\n"
}

// g3Deadlines are the scopes a clause is said in, by turns.
var g3Deadlines = []struct {
	name, lead string
	year       int
}{{"none (the plan's end)", "", g3Plan}, {"到2027年", "到2027年，", 2027}, {"力争到2027年", "力争到2027年，", 2027}, {"2027年底前", "2027年底前，", 2027}}

// g3Shape writes a count target in one shape: the clause and its
// comparator (u is a second target for the shapes of two).
type g3Shape struct {
	name string
	f    func(t, u g2Target) (string, []g3Want)
}

func g3w(t g2Target, cmp string) g3Want { return g3Want{t: t, cmp: cmp} }

var g3CountShapes = []g3Shape{
	{"V O N", func(t, _ g2Target) (string, []g3Want) { return t.plain('o'), []g3Want{g3w(t, "=")} }},
	{"V N O", func(t, _ g2Target) (string, []g3Want) { return t.plain('n'), []g3Want{g3w(t, "=")} }},
	{"V N以上的O", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + "以上的" + t.obj, []g3Want{g3w(t, ">=")}
	}},
	{"V N左右的O", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + "左右的" + t.obj, []g3Want{g3w(t, "~")}
	}},
	{"V N以上O", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + "以上" + t.obj, []g3Want{g3w(t, ">=")}
	}},
	{"V N以上具有…的O", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + "以上具有全国影响力的" + t.obj, []g3Want{g3w(t, ">=")}
	}},
	{"V不少于N O", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + "不少于" + t.num + t.mw + t.obj, []g3Want{g3w(t, ">=")}
	}},
	{"V O不少于N", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.obj + "不少于" + t.num + t.mw, []g3Want{g3w(t, ">=")}
	}},
	{"V O超N", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.obj + "超" + t.num + t.mw, []g3Want{g3w(t, ">")}
	}},
	{"V O N以上", func(t, _ g2Target) (string, []g3Want) {
		return t.verb + t.obj + t.num + t.mw + "以上", []g3Want{g3w(t, ">=")}
	}},
	{"累计V N O", func(t, _ g2Target) (string, []g3Want) { return "累计" + t.plain('n'), []g3Want{g3w(t, "=")} }},
	{"O数量达到N以上", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "数量达到" + t.num + t.mw + "以上", []g3Want{g3w(t, ">=")}
	}},
	{"O总数超过N", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "总数超过" + t.num + t.mw, []g3Want{g3w(t, ">")}
	}},
	{"O达到N", func(t, _ g2Target) (string, []g3Want) { return t.obj + "达到" + t.num + t.mw, []g3Want{g3w(t, "=")} }},
	{"通过实施N个X，V N O", func(t, _ g2Target) (string, []g3Want) {
		m := g2Target{"", "", "20", "个", 20, 1, "个"}
		return "通过实施20个对标提升专项行动，" + t.plain('n'), []g3Want{g3w(m, "="), g3w(t, "=")}
	}},
	// a count after 依托 alone names the means there are, a scope (依托12个市州
	// 科协, scopeOf); one the plan builds to rely on is a target
	{"依托N个X，V N O (scope)", func(t, _ g2Target) (string, []g3Want) {
		return "依托12个人工智能创新平台，" + t.plain('n'), []g3Want{g3w(t, "=")}
	}},
	{"依托建设N个X，V N O", func(t, _ g2Target) (string, []g3Want) {
		m := g2Target{"", "", "12", "个", 12, 1, "个"}
		return "依托建设12个人工智能创新平台，" + t.plain('n'), []g3Want{g3w(m, "="), g3w(t, "=")}
	}},
	{"V N以上X、M左右Y", func(t, u g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + "以上" + t.obj + "、" + u.num + u.mw + "左右" + u.obj, []g3Want{g3w(t, ">="), g3w(u, "~")}
	}},
	{"X、Y分别达到N、M", func(t, u g2Target) (string, []g3Want) {
		return t.obj + "、" + u.obj + "分别达到" + t.num + t.mw + "、" + u.num + u.mw, []g3Want{g3w(t, "="), g3w(u, "=")}
	}},
	{"V N…的X、V M Y (a 的 modifier, two verbs)", func(t, u g2Target) (string, []g3Want) {
		return t.verb + t.num + t.mw + "对标全国一流水平的" + t.obj + "、" + u.plain('n'), []g3Want{g3w(t, "="), g3w(u, "=")}
	}},
	{"V O N，V O M (two clauses)", func(t, u g2Target) (string, []g3Want) {
		return t.plain('o') + "，" + u.plain('o'), []g3Want{g3w(t, "="), g3w(u, "=")}
	}},
}

// g3MetricShapes say an indicator reaching a value.
var g3MetricShapes = []g3Shape{
	{"X达到N", func(t, _ g2Target) (string, []g3Want) { return t.obj + "达到" + t.num + t.mw, []g3Want{g3w(t, "=")} }},
	{"X超过N", func(t, _ g2Target) (string, []g3Want) { return t.obj + "超过" + t.num + t.mw, []g3Want{g3w(t, ">")} }},
	{"X突破N", func(t, _ g2Target) (string, []g3Want) { return t.obj + "突破" + t.num + t.mw, []g3Want{g3w(t, ">")} }},
	{"X达到N以上", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "达到" + t.num + t.mw + "以上", []g3Want{g3w(t, ">=")}
	}},
	{"X力争达到N", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "力争达到" + t.num + t.mw, []g3Want{g3w(t, "=")}
	}},
	{"X不低于N", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "不低于" + t.num + t.mw, []g3Want{g3w(t, ">=")}
	}},
	{"X提升至N", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "提升至" + t.num + t.mw, []g3Want{g3w(t, "=")}
	}},
	{"X提高到N", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "提高到" + t.num + t.mw, []g3Want{g3w(t, "=")}
	}},
	{"X由A提高到N", func(t, _ g2Target) (string, []g3Want) {
		return t.obj + "由2025年的" + g3Half[t.num] + t.mw + "提高到" + t.num + t.mw, []g3Want{g3w(t, "=")}
	}},
	{"X年均增长N%以上", func(t, _ g2Target) (string, []g3Want) {
		p := g2Target{"", "", "20", "%", 20, 1, "%"}
		return t.obj + "年均增长20%以上", []g3Want{{t: p, cmp: ">=", per: "year"}}
	}},
	{"X增长N%", func(t, _ g2Target) (string, []g3Want) {
		p := g2Target{"", "", "30", "%", 30, 1, "%"}
		return t.obj + "较2025年增长30%", []g3Want{g3w(p, "=")}
	}},
	{"X、Y分别达到N、M", func(t, u g2Target) (string, []g3Want) {
		return t.obj + "、" + u.obj + "分别达到" + t.num + t.mw + "、" + u.num + u.mw, []g3Want{g3w(t, "="), g3w(u, "=")}
	}},
}

// g3Half is the baseline of 由A提高到B written for each metric's number.
var g3Half = map[string]string{"500": "300", "15": "8", "100": "60", "20": "10", "10000": "5000", "1.5": "0.8", "90": "60",
	"80": "50", "1000": "600", "2000": "900", "10": "6", "2": "1"}
