package plan

// The fourth grid's second batch, added after the first run's holes were
// closed (its own first run is in docs/benchmarks.md, grid4): counts with
// the rest of the genre's verbs (恢复, 提标改造, 改造提升, 配建, 新增通车,
// 接种, 救治), units of doses, ten-thousandths and days, number forms
// (ranges, Chinese numerals, 万…以上), targets with an age or a grade
// inside, rates of treatment, and more non-targets.

var g4MoreCounts = []g4Count{
	{"ecology", g2Target{"恢复", "退化湿地", "2", "万亩", 2, 1e4, "亩"}},
	{"water", g2Target{"提标改造", "城镇污水处理厂", "12", "座", 12, 1, "座"}},
	{"commerce", g2Target{"改造提升", "农贸市场", "60", "个", 60, 1, "个"}},
	{"elderly", g2Target{"配建", "社区托育服务设施", "80", "处", 80, 1, "处"}},
	{"transport", g2Target{"新增通车", "高速公路", "300", "公里", 300, 1, "公里"}},
	{"health", g2Target{"接种", "流感疫苗", "20", "万剂次", 20, 1e4, "剂次"}},
	{"health", g2Target{"救治", "急危重症患者", "5000", "人次", 5000, 1, "人次"}},
	{"education", g2Target{"招聘", "中小学教师", "1500", "名", 1500, 1, "名"}},
	{"sport", g2Target{"举办", "全民健身赛事活动", "300", "场次", 300, 1, "场次"}},
	{"agriculture", g2Target{"建设", "高效节水灌溉面积", "20", "万亩", 20, 1e4, "亩"}},
	{"transport", g2Target{"更新", "新能源公交车", "500", "辆", 500, 1, "辆"}},
	{"housing", g2Target{"加装", "既有住宅电梯", "1000", "部", 1000, 1, "部"}},
	{"emergency", g2Target{"培训", "应急救护员", "3", "万名", 3, 1e4, "名"}},
	{"culture", g2Target{"修缮", "文物保护单位", "50", "处", 50, 1, "处"}},
}

var g4MorePhrases = []g3Phrase{
	{"空气质量优良天数达到N天", "全年空气质量优良天数达到330天以上", []g3Want{g3q(330, 1, "天", ">=", "")}},
	{"孕产妇死亡率控制在N‱以下", "孕产妇死亡率控制在1.2‱以下", []g3Want{g3q(1.2, 1, "‱", "<=", "")}},
	{"新建3—5所X", "新建3—5所公办高中", []g3Want{g3r(3, 5, 1, "所")}},
	{"新增学位1万—2万个", "新增中小学学位1万—2万个", []g3Want{g3r(1, 2, 1e4, "个")}},
	{"新建两所X", "新建两所特殊教育学校", []g3Want{g3q(2, 1, "所", "=", "")}},
	{"打造十条X", "打造十条乡村旅游精品线路", []g3Want{g3q(10, 1, "条", "=", "")}},
	{"新增养老床位1万张以上", "新增养老床位1万张以上", []g3Want{g3q(1, 1e4, "张", ">=", "")}},
	{"新增城镇就业超过N万人", "新增城镇就业超过12万人", []g3Want{g3q(12, 1e4, "人", ">", "")}},
	{"60岁以上老年人健康管理率达到N%", "65岁及以上老年人城乡社区规范健康管理服务率达到70%", []g3Want{g3q(70, 1, "%", "=", "")}},
	{"二级以上医院X比例达到N%", "二级以上公立医院预约诊疗率达到90%", []g3Want{g3q(90, 1, "%", "=", "")}},
	{"城市污水处理率达到N%", "城市污水处理率达到98%以上", []g3Want{g3q(98, 1, "%", ">=", "")}},
	{"生活垃圾无害化处理率保持N%", "城乡生活垃圾无害化处理率保持100%", []g3Want{g3q(100, 1, "%", "=", "")}},
	{"每万人拥有公共交通车辆N标台", "每万人拥有公共交通车辆达到15标台", []g3Want{g3q(15, 1, "标台", "=", "")}},
	{"每千人口拥有注册护士N人", "每千人口注册护士数达到4.2人", []g3Want{g3q(4.2, 1, "人", "=", "")}},
	{"N个县（市、区）全部达到X", "12个县（市、区）全部建成全国义务教育优质均衡发展县", []g3Want{g3q(12, 1, "个", "=", "")}},
	{"覆盖N万人", "新建区域供水工程覆盖农村人口30万人", []g3Want{g3q(30, 1e4, "人", "=", "")}},
	{"惠及N万户", "实施燃气管道老化更新改造，惠及居民8万户", []g3Want{g3q(8, 1e4, "户", "=", "")}},
	{"年均开展X N万人次", "年均开展补贴性职业技能培训5万人次", []g3Want{g3q(5, 1e4, "人次", "=", "year")}},
	{"年均新增就业N万人", "年均新增城镇就业8万人以上", []g3Want{g3q(8, 1e4, "人", ">=", "year")}},
	{"回收利用量达到N万吨", "主要再生资源回收利用量达到300万吨", []g3Want{g3q(300, 1e4, "吨", "=", "")}},
	{"节约用水N亿立方米", "全市用水总量控制在30亿立方米以内", []g3Want{g3q(30, 1e8, "立方米", "<=", "")}},
	{"耕地保有量不低于N万亩", "耕地保有量不低于500万亩", []g3Want{g3q(500, 1e4, "亩", ">=", "")}},
	{"新增造林N万亩，森林抚育M万亩", "新增造林2万亩，完成森林抚育10万亩", []g3Want{g3q(2, 1e4, "亩", "=", ""), g3q(10, 1e4, "亩", "=", "")}},
	{"每个乡镇至少建成1所X", "每个乡镇（街道）至少建成1所公办中心幼儿园", []g3Want{g3q(1, 1, "所", ">=", "")}},
	{"平均住院日降至N天", "三级公立医院平均住院日降至8天以内", []g3Want{g3q(8, 1, "天", "<=", "")}},
}

var g4MoreNegatives = []struct{ kind, text string }{
	{"age", "将3岁以下婴幼儿照护服务纳入基本公共服务。"},
	{"age", "为60周岁以上老年人办理优待证。"},
	{"service radius", "建设“15分钟健康服务圈”和“一刻钟便民生活圈”。"},
	{"threshold", "对床位数100张以上的养老机构实行分级管理。"},
	{"threshold", "日处理能力1万吨以上的污水处理厂安装在线监测设备。"},
	{"subsidy", "按照每人每年600元的标准发放基础养老金。"},
	{"subsidy", "对新增护理型床位，每张给予5000元一次性补助。"},
	{"past", "“十四五”期间，全市新建改建农村公路3200公里，治理水土流失面积180平方公里。"},
	{"past", "2025年，全市接待游客1.1亿人次，实现旅游总收入1100亿元。"},
	{"named programme", "推进“四好农村路”建设和“厕所革命”。"},
	{"named programme", "实施“双减”政策和“县管校聘”改革。"},
	{"hotline", "开通12348公共法律服务热线。"},
	{"standard", "中小学校生均体育场地面积符合国家标准。"},
	{"standard", "城市道路按照不低于20年一遇的排水标准建设。"},
	{"grade", "创建国家AAAA级旅游景区。"},
	{"rank", "全市人均预期寿命位居全省第2位。"},
	{"duration", "新建小区配套幼儿园与首期住宅同步规划、同步建设、同步验收，建成后3个月内移交。"},
	{"ratio", "按照师生比1:15配齐教职工。"},
	{"law article", "依据《中华人民共和国传染病防治法》第十二条开展防控。"},
}

// g4More composes the second batch's cases.
func g4More() []g3Case {
	var cs []g3Case
	put := func(keys []string, clause string, want []g3Want, k int) {
		cs = append(cs, g4Case(keys, clause, want, k))
	}
	n := len(g4MoreCounts)
	for si, s := range g4CountShapes {
		for i, t := range g4MoreCounts {
			clause, want := s.f(t.g2Target, g4MoreCounts[(i+5)%n].g2Target)
			put([]string{"all=targets", "family=count", "shape=" + s.name, "domain=" + t.domain, "object=" + t.obj, "measure=" + t.mw,
				"verb=" + t.verb, "batch=2"}, clause, want, i+si)
		}
	}
	for pi, p := range g4MorePhrases {
		for k := 0; k < 3; k++ {
			put([]string{"all=targets", "family=phrase", "phrase=" + p.name, "batch=2"}, p.text, append([]g3Want(nil), p.want...), pi+3*k)
		}
	}
	for _, ng := range g4MoreNegatives {
		for _, pos := range []struct{ name, before string }{{"in a paragraph", g4Lead}, {"（一） item", "（一）强化政策支持。"}} {
			cs = append(cs, g3Case{keys: []string{"all=negatives", "negative=" + ng.kind, "negative position=" + pos.name, "batch=2, negatives"},
				text: pos.before + ng.text})
		}
	}
	return cs
}
