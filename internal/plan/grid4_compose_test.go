package plan

// The fourth grid's factors (grid4_test.go scores them): the verbs and
// objects of the plans of health, education, culture and tourism, sport,
// elderly care, employment, transport, ecology, water, agriculture,
// housing, emergency management and commerce, with the measure words and
// units they take, and the shapes their targets are said in. Every phrase
// was written for the grid from general knowledge of the genre; none is a
// document's.

// g4Count is a count target and the field (domain) its plans are of.
type g4Count struct {
	domain string
	g2Target
}

// g4Counts are count targets: a verb, an object and its measure word.
var g4Counts = []g4Count{
	{"health", g2Target{"新建", "社区卫生服务中心", "20", "个", 20, 1, "个"}},
	{"health", g2Target{"改扩建", "县级医院", "12", "所", 12, 1, "所"}},
	{"health", g2Target{"新增", "医疗卫生机构床位", "3000", "张", 3000, 1, "张"}},
	{"health", g2Target{"招聘", "全科医生", "300", "名", 300, 1, "名"}},
	{"health", g2Target{"培训", "乡村医生", "2000", "人次", 2000, 1, "人次"}},
	{"health", g2Target{"建成", "区域医疗中心", "3", "个", 3, 1, "个"}},
	{"education", g2Target{"新建", "公办幼儿园", "50", "所", 50, 1, "所"}},
	{"education", g2Target{"改扩建", "中小学校", "30", "所", 30, 1, "所"}},
	{"education", g2Target{"新增", "公办学位", "2", "万个", 2, 1e4, "个"}},
	{"education", g2Target{"配备", "心理健康教师", "500", "名", 500, 1, "名"}},
	{"culture", g2Target{"建设", "城市书房", "100", "家", 100, 1, "家"}},
	{"culture", g2Target{"举办", "群众文化活动", "1000", "场", 1000, 1, "场"}},
	{"tourism", g2Target{"创建", "国家级旅游度假区", "2", "个", 2, 1, "个"}},
	{"tourism", g2Target{"打造", "精品旅游线路", "30", "条", 30, 1, "条"}},
	{"sport", g2Target{"新建", "健身步道", "500", "公里", 500, 1, "公里"}},
	{"sport", g2Target{"建设", "体育公园", "20", "个", 20, 1, "个"}},
	{"elderly", g2Target{"新增", "养老床位", "5000", "张", 5000, 1, "张"}},
	{"elderly", g2Target{"建成", "社区养老服务设施", "200", "处", 200, 1, "处"}},
	{"elderly", g2Target{"改造", "特殊困难老年人家庭", "3000", "户", 3000, 1, "户"}},
	{"employment", g2Target{"开展", "职业技能培训", "20", "万人次", 20, 1e4, "人次"}},
	{"employment", g2Target{"建设", "零工市场", "15", "个", 15, 1, "个"}},
	{"transport", g2Target{"新改建", "农村公路", "2000", "公里", 2000, 1, "公里"}},
	{"transport", g2Target{"开通", "公交线路", "50", "条", 50, 1, "条"}},
	{"transport", g2Target{"建设", "公共充电桩", "1", "万个", 1, 1e4, "个"}},
	{"transport", g2Target{"新增", "停车泊位", "3", "万个", 3, 1e4, "个"}},
	{"ecology", g2Target{"治理", "水土流失面积", "200", "平方公里", 200, 1, "平方公里"}},
	{"ecology", g2Target{"修复", "湿地", "1", "万亩", 1, 1e4, "亩"}},
	{"ecology", g2Target{"建成", "口袋公园", "100", "个", 100, 1, "个"}},
	{"water", g2Target{"铺设", "污水管网", "300", "公里", 300, 1, "公里"}},
	{"water", g2Target{"建设", "污水处理厂", "10", "座", 10, 1, "座"}},
	{"water", g2Target{"整治", "黑臭水体", "40", "条", 40, 1, "条"}},
	{"agriculture", g2Target{"新建", "高标准农田", "50", "万亩", 50, 1e4, "亩"}},
	{"agriculture", g2Target{"培育", "家庭农场", "1000", "家", 1000, 1, "家"}},
	{"agriculture", g2Target{"硬化", "村内道路", "800", "公里", 800, 1, "公里"}},
	{"housing", g2Target{"改造", "城镇老旧小区", "500", "个", 500, 1, "个"}},
	{"housing", g2Target{"筹集", "保障性租赁住房", "5", "万套", 5, 1e4, "套"}},
	{"housing", g2Target{"接入", "天然气管网用户", "5", "万户", 5, 1e4, "户"}},
	{"emergency", g2Target{"新建", "消防站", "15", "座", 15, 1, "座"}},
	{"emergency", g2Target{"建设", "应急避难场所", "100", "处", 100, 1, "处"}},
	{"commerce", g2Target{"建设", "农贸市场", "20", "个", 20, 1, "个"}},
	{"commerce", g2Target{"培育", "特色商业街区", "10", "条", 10, 1, "条"}},
	{"commerce", g2Target{"建设", "冷链物流中心", "5", "个", 5, 1, "个"}},
}

// g4Metric is an indicator of such plans: its name, the value it reaches,
// the value it stood at (the baseline a sentence or a table gives), the
// field, and its period (年接待 is a year's: the corpus README's 年+verb).
type g4Metric struct {
	domain, base string
	g2Target
	per string
}

// g4Metrics are indicators that reach or keep a value (the verb is the
// shape's).
var g4Metrics = []g4Metric{
	{"health", "6.5", g2Target{"", "每千人口医疗卫生机构床位数", "7.5", "张", 7.5, 1, "张"}, ""},
	{"health", "3.2", g2Target{"", "每千人口执业（助理）医师数", "3.6", "人", 3.6, 1, "人"}, ""},
	{"health", "79", g2Target{"", "人均预期寿命", "80", "岁", 80, 1, "岁"}, ""},
	{"health", "65", g2Target{"", "家庭医生签约服务覆盖率", "75", "%", 75, 1, "%"}, ""},
	{"health", "90", g2Target{"", "适龄儿童免疫规划疫苗接种率", "95", "%", 95, 1, "%"}, ""},
	{"education", "92", g2Target{"", "学前教育毛入园率", "95", "%", 95, 1, "%"}, ""},
	{"education", "96", g2Target{"", "九年义务教育巩固率", "98", "%", 98, 1, "%"}, ""},
	{"education", "60", g2Target{"", "普惠性幼儿园覆盖率", "90", "%", 90, 1, "%"}, ""},
	{"sport", "2.5", g2Target{"", "人均体育场地面积", "3", "平方米", 3, 1, "平方米"}, ""},
	{"sport", "40", g2Target{"", "经常参加体育锻炼人数比例", "45", "%", 45, 1, "%"}, ""},
	{"elderly", "50", g2Target{"", "养老机构护理型床位占比", "65", "%", 65, 1, "%"}, ""},
	{"transport", "1.8", g2Target{"", "公路总里程", "2", "万公里", 2, 1e4, "公里"}, ""},
	{"transport", "50", g2Target{"", "公共交通机动化出行分担率", "60", "%", 60, 1, "%"}, ""},
	{"ecology", "42", g2Target{"", "森林覆盖率", "45", "%", 45, 1, "%"}, ""},
	{"ecology", "85", g2Target{"", "空气质量优良天数比例", "90", "%", 90, 1, "%"}, ""},
	{"water", "90", g2Target{"", "城市生活污水集中收集率", "95", "%", 95, 1, "%"}, ""},
	{"water", "88", g2Target{"", "农村自来水普及率", "95", "%", 95, 1, "%"}, ""},
	{"agriculture", "280", g2Target{"", "粮食产量", "300", "亿斤", 300, 1e8, "斤"}, ""},
	{"agriculture", "200", g2Target{"", "高标准农田面积", "300", "万亩", 300, 1e4, "亩"}, ""},
	{"tourism", "1200", g2Target{"", "旅游总收入", "2000", "亿元", 2000, 1e8, "元"}, ""},
	{"tourism", "0.8", g2Target{"", "年接待游客", "1.2", "亿人次", 1.2, 1e8, "人次"}, "year"},
	{"commerce", "3500", g2Target{"", "社会消费品零售总额", "5000", "亿元", 5000, 1e8, "元"}, ""},
	{"employment", "40", g2Target{"", "城镇新增就业", "50", "万人", 50, 1e4, "人"}, ""},
	{"housing", "2", g2Target{"", "保障性住房", "5", "万套", 5, 1e4, "套"}, ""},
}

// g4Bound is an indicator the plan holds down: its name, the value and
// unit, and the field.
var g4Bounds = []g4Count{
	{"employment", g2Target{"", "城镇调查失业率", "5.5", "%", 5.5, 1, "%"}},
	{"health", g2Target{"", "婴儿死亡率", "5", "‰", 5, 1, "‰"}},
	{"health", g2Target{"", "5岁以下儿童死亡率", "6", "‰", 6, 1, "‰"}},
	{"ecology", g2Target{"", "细颗粒物（PM2.5）平均浓度", "30", "微克/立方米", 30, 1, "微克/立方米"}},
	{"ecology", g2Target{"", "重度及以上污染天数比例", "1", "%", 1, 1, "%"}},
	{"emergency", g2Target{"", "亿元GDP生产安全事故死亡率", "0.02", "人", 0.02, 1, "人"}},
	{"health", g2Target{"", "孕产妇死亡率", "10", "/10万", 10, 1, "/10万"}},
	{"water", g2Target{"", "公共供水管网漏损率", "9", "%", 9, 1, "%"}},
}

// g4Falls are indicators the plan cuts by a share.
var g4Falls = []g4Count{
	{"ecology", g2Target{"", "单位地区生产总值能耗", "13.5", "%", 13.5, 1, "%"}},
	{"ecology", g2Target{"", "单位地区生产总值二氧化碳排放", "18", "%", 18, 1, "%"}},
	{"water", g2Target{"", "万元地区生产总值用水量", "16", "%", 16, 1, "%"}},
	{"ecology", g2Target{"", "化学需氧量排放总量", "8", "%", 8, 1, "%"}},
	{"emergency", g2Target{"", "生产安全事故死亡人数", "15", "%", 15, 1, "%"}},
	{"transport", g2Target{"", "道路交通万车死亡率", "10", "%", 10, 1, "%"}},
}
