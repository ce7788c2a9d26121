package plan

// The fourth grid's fourth batch (its first run is in docs/benchmarks.md,
// grid4): deadline forms of five-year plans (到2030年末, 2030年前, 到规划期末,
// “十五五”时期, 今后五年), grades in Chinese numerals beside a count (三级
// 医院, 二级甲等), falls measured from a base year before the plan
// (较2020年下降18%), incomes per head, and two values for one indicator.

var g4FourthDeadlines = []struct {
	name, lead string
	year       int
}{
	{"到2030年末", "到2030年末，", 2030}, {"2030年前", "2030年前，", 2030}, {"到规划期末", "到规划期末，", 2030},
	{"“十五五”时期", "“十五五”时期，", 2030}, {"今后五年", "今后五年，", 2030}, {"到2028年底前", "到2028年底前，", 2028},
	{"2027年 opening the clause", "2027年，", 2027},
}

var g4FourthPhrases = []g3Phrase{
	{"三级医院数量达到N家", "三级医院数量达到10家", []g3Want{g3q(10, 1, "家", "=", "")}},
	{"建成三甲医院N家", "新建三级甲等医院3家", []g3Want{g3q(3, 1, "家", "=", "")}},
	{"N个县级医院达到二级甲等水平", "推动5个县级医院达到三级医院服务能力", []g3Want{g3q(5, 1, "个", "=", "")}},
	{"4A级以上景区数量达到N家", "4A级以上旅游景区数量达到20家", []g3Want{g3q(20, 1, "家", "=", "")}},
	{"较2020年下降N%", "单位地区生产总值二氧化碳排放较2020年下降25%", []g3Want{g3q(25, 1, "%", "=", "")}},
	{"比2020年下降N%左右", "单位地区生产总值能耗比2020年下降15%左右", []g3Want{g3q(15, 1, "%", "~", "")}},
	{"人均可支配收入达到N万元", "城乡居民人均可支配收入达到5万元", []g3Want{g3q(5, 1e4, "元", "=", "")}},
	{"人均可支配收入年均增长N%", "居民人均可支配收入年均增长6%左右", []g3Want{g3q(6, 1, "%", "~", "year")}},
	{"力争达到N%，确保达到M%", "森林覆盖率力争达到46%，确保达到45%", []g3Want{g3q(46, 1, "%", "=", ""), g3q(45, 1, "%", "=", "")}},
	{"每年至少开展N次", "每年至少开展2次应急演练", []g3Want{g3q(2, 1, "次", ">=", "year")}},
	{"百分之九十五以上的X", "百分之九十五以上的行政村通客车", []g3Want{g3q(95, 1, "%", ">=", "")}},
	{"新增X 5万至8万个", "新增城镇就业岗位5万至8万个", []g3Want{g3r(5, 8, 1e4, "个")}},
	{"X控制在N%左右", "城镇调查失业率控制在5.5%左右", []g3Want{g3q(5.5, 1, "%", "~", "")}},
	{"X累计下降N%以上", "万元地区生产总值用水量累计下降16%以上", []g3Want{g3q(16, 1, "%", ">=", "")}},
	{"每个社区至少配备N名X", "每个城市社区至少配备2名专职网格员", []g3Want{g3q(2, 1, "名", ">=", "")}},
}

var g4FourthNegatives = []struct{ kind, text string }{
	{"grade", "支持县级医院创建三级医院。"},
	{"past base year", "2020年，全市单位地区生产总值能耗为0.45吨标准煤/万元。"},
	{"past", "“十四五”期间全市单位地区生产总值能耗累计下降14%。"},
	{"number in a name", "推进沪昆高速公路和G320国道改造。"},
	{"qualifier", "对接待游客10万人次以上的景区给予奖励。"},
	// all the parts there are (覆盖全省17个市州: scopeOf, allParts), as the
	// project decides; the coverage is the goal, not their count
	{"all the parts", "实现全市120个乡镇（街道）综合文化站全覆盖。"},
}

// g4Fourth composes the fourth batch's cases.
func g4Fourth() []g3Case {
	var cs []g3Case
	for pi, p := range g4FourthPhrases {
		for k := 0; k < 3; k++ {
			dl := g4FourthDeadlines[(pi+k)%len(g4FourthDeadlines)]
			want := append([]g3Want(nil), p.want...)
			for i := range want {
				want[i].year = dl.year
			}
			cs = append(cs, g3Case{keys: []string{"all=targets", "family=phrase", "phrase=" + p.name, "batch=4", "deadline=" + dl.name},
				text: g4Lead + dl.lead + p.text + "。", want: want})
		}
	}
	for i, t := range g4Counts {
		dl := g4FourthDeadlines[i%len(g4FourthDeadlines)]
		w := g3w(t.g2Target, "=")
		w.year = dl.year
		cs = append(cs, g3Case{keys: []string{"all=targets", "family=count", "batch=4", "deadline=" + dl.name}, want: []g3Want{w},
			text: g4Lead + dl.lead + t.plain("on"[i%2]) + "。"})
	}
	for _, ng := range g4FourthNegatives {
		for _, pos := range []struct{ name, before string }{{"in a paragraph", g4Lead}, {"（一） item", "（一）强化政策支持。"}} {
			cs = append(cs, g3Case{keys: []string{"all=negatives", "negative=" + ng.kind, "negative position=" + pos.name, "batch=4, negatives"},
				text: pos.before + ng.text})
		}
	}
	return cs
}
