package plan

import (
	"strings"
	"testing"
)

// Shapes of the documents heldout2–16 held (development since D144), each
// as sentences of our own (tune32-P).

// A report's chapter that joins the five years' achievements to the coming
// five years' aims is the past up to the paragraph that turns to the
// coming period, not after it.
func TestShapes32ReviewTurns(t *testing.T) {
	const text = "某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n" +
		"一、2025年工作回顾\n过去一年，全省新建公园120个。\n" +
		"二、“十四五”时期发展成就和“十五五”时期主要目标任务\n过去五年，全省新建公园500个。\n" +
		"“十五五”时期是基本实现现代化的关键时期。\n全省森林覆盖率达到45%，新建公园300个。\n" +
		"三、2026年重点工作\n今年新建公园80个。\n"
	checkReadings(t, readingsOf(t, text), "120个:proposed", "500个:proposed", "45%:asserted", "300个:asserted", "80个:asserted")
	// the proposals of the coming plan cited turn it too
	cited := strings.Replace(text, "“十五五”时期是基本实现现代化的关键时期。", "根据《中共某省委关于制定某省国民经济和社会发展第十五个五年规划的建议》，省政府编制了纲要草案。", 1)
	checkReadings(t, readingsOf(t, cited), "120个:proposed", "500个:proposed", "45%:asserted", "300个:asserted", "80个:asserted")
	// (a chapter of achievements alone stays the past)
	past := strings.Replace(text, "和“十五五”时期主要目标任务", "", 1)
	checkReadings(t, readingsOf(t, past), "120个:proposed", "500个:proposed", "45%:proposed", "300个:proposed", "80个:asserted")
}

// Sentences of our own, each of a shape heldout2–16 held, and what the
// grammar reads of them.
func TestShapes32Sentences(t *testing.T) {
	const head = "某市能源发展“十五五”规划\n一、主要任务\n"
	checkSentences(t, head, []sentenceCase{
		// a size or a count bounded from above (及以下) before the noun it
		// qualifies names a class; so does a size before a quoted name
		{"到2030年，关停淘汰20万千瓦及以下燃煤机组。", "? 20 千瓦×10000 <= - 2030"},
		{"到2030年，支持研制9座及以下通航飞机。", "? 9 座 <= - 2030"},
		{"到2030年，新建3万个120千瓦以上“超充”充电枪。", "3 个×10000 = - 2030 | ? 120 千瓦 >= - 2030"},
		// (a bound closing its clause is the level: 控制在…及以下)
		{"到2030年，供电煤耗降至300克标准煤/千瓦时及以下。", "300 克标准煤/千瓦时 <= - 2030"},
		// a standard the treasury pays, raised from the level its clause
		// states (由…提高到…), though 标准 is not written
		{"到2030年，居民医保财政补助由每人每年600元提高到700元。", "700 元 = year 2030"},
		{"到2030年，公共卫生服务经费财政补助从人均80元提高到95元。", "95 元 = - 2030"},
		// (what a firm is paid stays a subsidy's parameter)
		{"到2030年，对新招用员工的企业，补贴由每人1000元提高到2000元。", ""},
		// a ratio to one named 比例, or with an adverb before its verb
		{"到2030年，公用桩快慢充比例不低于3：1。", "3  >= - 2030"},
		{"到2030年，车桩增量比力争达到4:1。", "4  = - 2030"},
		// a ratio with a modal verb before its bound; an efficiency written
		// as a decimal (5.0)
		{"到2030年，新建数据中心电能利用效率（PUE）应低于1.2。", "1.2  <= - 2030"},
		{"到2030年，改造后制冷机房系统运行能效达到6.0。", "6  = - 2030"},
		// the rise of the price level bounded: a goal, no price charged
		{"到2030年，居民消费价格指数涨幅控制在2.5%以内。", "2.5 % <= - 2030"},
		{"到2030年，景区门票价格不高于50元。", ""},
		// tonnes of standard coal said short (吨标煤)
		{"到2030年，累计节能量80万吨标煤。", "80 吨标煤×10000 = - 2030"},
		// a count or a measure over a population or a sum
		{"到2030年，社区便民市场不低于3个/百万人。", "3 个/百万人 >= - 2030"},
		{"到2030年，生产安全事故死亡率控制在0.5人/百亿元以下。", "0.5 人/百亿元 <= - 2030"},
		// the share of places a plan equips, said as a ratio after 的
		{"到2030年，新建住宅停车位按不低于40%的车位比例建设充电设施。", "40 % >= - 2030"},
		{"到2030年，按不低于30%的比例给予补助。", ""},
		{"到2030年，各部门一律按不低于8%的幅度压减一般性支出。", "8 % >= - 2030"},
		// a capacity between the name of who builds it and what it is, in a
		// sentence that lists projects, names the project
		{"到2030年，推动某某化工80万吨钾肥扩能等项目建设。", "? 80 吨×10000 = - 2030"},
		{"到2030年，开工建设某某电力600兆瓦储能电站。", "? 600 兆瓦 = - 2030"},
		// (a verb or a word of size before it: the plan's capacity)
		{"到2030年，布局建设500万千瓦新型储能项目。", "500 千瓦×10000 = - 2030"},
		{"到2030年，新增风电装机80万千瓦，建设2个风电项目。", "80 千瓦×10000 = - 2030 | 2 个 = - 2030"},
		// what a tax or a levy is charged from, what the state buys at, a
		// rate the charge named after the figure describes: parameters
		{"到2030年，将增值税起征点从月销售额20万元提高到30万元。", ""},
		{"到2030年，将某类企业年应纳税所得额上限由60万元提高到80万元。", ""},
		{"到2030年，将某项基金征收标准降低30%。", ""},
		{"到2030年，玉米最低收购价每50公斤提高8元。", ""},
		{"到2030年，将某行业现行12%的税率降至8%，保持4%一档的税率不变。", ""},
		// (but the average of a rate charged brought to a level is an aim)
		{"到2030年，引导合作机构逐步将平均担保费率降至1.5%以下。", "1.5 % <= - 2030"},
		{"到2030年，对平均担保费率不超过1.5%的担保业务给予奖补。", ""},
		// a network named by its latency; a room by its beds, a forum by
		// its members: names, proposed at most
		{"到2030年，建成2ms时延城市算力网、8ms时延区域算力网。", "? 2 ms = - 2030 | ? 8 ms = - 2030"},
		{"到2030年，城市算力网时延不高于2ms。", "2 ms <= - 2030"},
		{"到2030年，公立医院4人间病房占比达到60%以上。", "? 4 人 = - 2030 | 60 % >= - 2030"},
		{"到2030年，办好青年30人论坛等活动，培训青年骨干500人。", "? 30 人 = - 2030 | 500 人 = - 2030"},
		// 上年 across 基础上 and 年均 is no last year; the year of the prices
		// a sum is counted in dates nothing
		{"到2030年，在提高质量和效益的基础上年均增长6%。", "6 % = year 2030"},
		// a set of rules named by its articles (新36条); the nation's 56 peoples
		{"到2030年，落实关于促进民营经济发展新28条。", ""},
		{"到2030年，建设56个民族共同繁荣发展的美好家园。", "? 56 个 = - 2030"},
		{"到2030年，新增28条公交线路。", "28 条 = - 2030"},
		// a floor on the kinds after a list with 等 is more than the ones named
		{"到2030年，覆盖社区、园区、场站以及公园等不少于6类场景。", "6 类 >= - 2030"},
		{"到2030年，覆盖社区、园区、场站等3类场景。", ""},
		// magnitudes said without their unit share the unit the list ends with
		{"到2030年，三大产业规模分别达2.5万亿、1.2万亿、6000亿元。", "2.5 元×1e+12 = - 2030 | 1.2 元×1e+12 = - 2030 | 6000 元×1e+08 = - 2030"},
		// a bare magnitude with its multiplier that a comparator closes or
		// that measures the size after it is a level, not a class
		{"到2030年，新增千万吨产能。", "1000 吨×10000 = - 2030"},
		// a red line kept strictly (严守), what is sent (选送), rockets in 发
		// (the red line a floor, as every development label of it reads: tune51-T, D234)
		{"坚持最严格的耕地保护制度，严守80万亩耕地红线不动摇。", "80 亩×10000 >= - 2030"},
		{"丰富群众文化生活，选送500场文艺演出进社区。", "500 场 = - 2030"},
		{"优化保障性住房供给，交付保障性租赁住房8万套。", "8 套×10000 = - 2030"},
		// a share that 将 takes as the object of what is done to it
		{"减少开发建设对生态环境的影响，将70%的降雨就地消纳和利用。", "70 % = - 2030"},
		{"到2030年，形成年产30发运载火箭的制造能力。", "30 发 = - 2030"},
		{"到2030年，发展30发展中国家合作伙伴。", ""},
		{"到2030年，粮食产量稳定在百万吨以上。", "100 吨×10000 >= - 2030"},
		{"到2030年，打造百亿元产业集群。", ""},
		// the level a change starts from, after the space a PDF sets
		{"到2030年，数据中心 利用率由 35%提高到 65%以上。", "65 % >= - 2030 (from 35)"},
		// a share a pilot is widened to, a share all of which do something,
		// a capacity added said with 的
		{"到2030年，试点扩大到全省60%以上的县。", "60 % >= - 2030"},
		{"到2030年，确保90%以上的学生都能在标准化校舍上课。", "90 % >= - 2030"},
		{"到2030年，新增500万吨标准煤的节能能力。", "500 吨标准煤×10000 = - 2030"},
		// (a class by growth stays a qualifier)
		{"到2030年，对营业收入增长20%以上的企业给予奖励。", ""},
		// the counts in brackets that spell out a numeral slogan the plan
		// builds
		{"到2030年，建成“1+3+6”（科创中心1个、试验区3个、测试场6个）总体布局。", "1 个 = - 2030 | 3 个 = - 2030 | 6 个 = - 2030"},
		{"按2020年价格计算，2030年全市地区生产总值将超过3万亿元。", "3 元×1e+12 >= - 2030"},
	})
}

// The year of the prices a sum is counted in (按2020年价格计算) does not
// make the sentence report the past.
func TestShapes32PriceBaseYear(t *testing.T) {
	doc, err := Ingest(strings.NewReader("某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n" +
		"一、“十五五”时期的主要目标\n今后五年，全省经济年均增长6%。\n按2025年价格计算，2030年全省地区生产总值将超过9万亿元。\n" +
		"二、2026年的工作\n今年新建公园80个。\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range doc.Indicators {
		if ind.Reported {
			t.Errorf("%s is reported as the past", ind.Text)
		}
	}
}

// A report whose title names the meeting (在…会议上的政府工作报告) is dated
// by the date alone on a line under it.
func TestShapes32ReportDatedUnderTitle(t *testing.T) {
	doc, err := ingestText("在某省第十五届人民代表大会第三次会议上的政府工作报告\n某省省长 某某\n2031年1月20日\n各位代表：\n"+
		"一、2030年工作回顾\n过去一年，新建学校20所。\n二、2031年工作任务\n新建学校30所。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Period.Start == nil || *doc.Period.Start != 2031 || doc.Period.End == nil || *doc.Period.End != 2031 {
		t.Errorf("period %+v, want 2031–2031", doc.Period)
	}
}
