package survey

// The built-in science-literacy instrument (公民科学素质调查). The question
// texts are the project's own; they follow the national survey's shape —
// four dimensions weighted 40/20/20/20 on a 100-point scale, a rule of
// total ≥ 70 for 具备科学素质, grades 高阶 ≥ 85 and 基础 ≥ 55 — and never
// reproduce a published test item.

// Dimensions of the literacy instrument with their weights (points).
var Dimensions = []struct {
	Name   string
	Points float64
}{{"科学知识", 40}, {"科学方法", 20}, {"科学精神与思想", 20}, {"运用科学", 20}}

func f64(v float64) *float64 { return &v }

func opts(pairs ...string) []Option {
	var out []Option
	for i := 0; i+2 < len(pairs)+1; i += 3 {
		out = append(out, Option{Code: pairs[i], Text: Text{ZH: pairs[i+1], EN: pairs[i+2]}})
	}
	return out
}

func scored(id, dim, zh, en string, points float64, correct []string, options []Option) Question {
	typ := Single
	if len(correct) > 1 {
		typ = Multiple
	}
	return Question{ID: id, Type: typ, Text: Text{ZH: zh, EN: en}, Required: true, Options: options,
		Dimension: dim, Correct: correct, Points: points}
}

var trueFalse = opts("1", "正确", "True", "2", "错误", "False", "9", "不知道", "Don't know")

// demographics is the page of background questions every built-in
// instrument asks; their roles feed the breakdowns and quotas.
func demographics() Page {
	return Page{Title: Text{ZH: "基本情况", EN: "About you"}, Questions: []Question{
		{ID: "gender", Type: Single, Role: "gender", Required: true, Text: Text{ZH: "您的性别", EN: "Your gender"},
			Options: opts("1", "男", "Male", "2", "女", "Female")},
		{ID: "age", Type: Single, Role: "age", Required: true, Text: Text{ZH: "您的年龄段", EN: "Your age band"},
			Options: opts("1", "18–29岁", "18–29", "2", "30–39岁", "30–39", "3", "40–49岁", "40–49", "4", "50–59岁", "50–59", "5", "60–69岁", "60–69")},
		{ID: "edu", Type: Single, Role: "edu", Required: true, Text: Text{ZH: "您的最高学历", EN: "Your highest education"},
			Options: opts("1", "小学及以下", "Primary or less", "2", "初中", "Junior secondary", "3", "高中（中专）", "Senior secondary",
				"4", "大学专科", "College", "5", "大学本科及以上", "University or higher")},
		{ID: "urban", Type: Single, Role: "urban", Required: true, Text: Text{ZH: "您常住在", EN: "You mostly live in"},
			Options: opts("1", "城镇", "A town or city", "2", "农村", "The countryside")},
	}}
}

// LiteracyInstrument is the built-in science-literacy questionnaire: a
// background page and one page per dimension, each question with its
// correct answer(s) and points.
func LiteracyInstrument() Definition {
	k, m, s, u := Dimensions[0].Name, Dimensions[1].Name, Dimensions[2].Name, Dimensions[3].Name
	return Definition{
		Title: Text{ZH: "公民科学素质调查", EN: "Civic science literacy survey"},
		Intro: Text{ZH: "本调查约需10分钟，答案仅用于统计，不记录姓名。", EN: "About ten minutes; answers are used only for statistics and no name is recorded."},
		Rule:  &Rule{Kind: "total", Threshold: 70, High: 85, Basic: 55},
		Pages: []Page{demographics(),
			{Title: Text{ZH: "科学知识", EN: "Scientific knowledge"}, Questions: []Question{
				scored("k1", k, "月相的圆缺变化，是因为地球的影子挡住了月亮。", "The phases of the Moon come from the Earth's shadow covering it.", 5, []string{"2"}, trueFalse),
				scored("k2", k, "植物的叶片在光照下把二氧化碳和水转化为糖类并放出氧气。", "In light, leaves turn carbon dioxide and water into sugars and give off oxygen.", 5, []string{"1"}, trueFalse),
				scored("k3", k, "抗生素对由病毒引起的普通感冒通常没有疗效。", "Antibiotics usually do not cure a common cold caused by a virus.", 5, []string{"1"}, trueFalse),
				scored("k4", k, "声音在真空中传播得比在空气中更快。", "Sound travels faster in a vacuum than in air.", 5, []string{"2"}, trueFalse),
				scored("k5", k, "人体的遗传信息主要储存在细胞核的DNA中。", "Human genetic information is stored mainly in the DNA of the cell nucleus.", 5, []string{"1"}, trueFalse),
				scored("k6", k, "一年四季的形成，主要是因为地球自转轴相对公转轨道倾斜。", "The seasons arise mainly because the Earth's axis is tilted to its orbit.", 5, []string{"1"}, trueFalse),
				scored("k7", k, "下列哪些属于可再生能源？（多选）", "Which of these are renewable energy sources? (choose all)", 5, []string{"a", "c", "d"},
					opts("a", "太阳能", "Solar", "b", "煤炭", "Coal", "c", "风能", "Wind", "d", "水能", "Hydropower")),
				scored("k8", k, "电路中的保险丝熔断，最常见的原因是：", "A fuse blows most often because:", 5, []string{"b"},
					opts("a", "电压太低", "The voltage is too low", "b", "电流过大", "Too much current flows", "c", "导线太长", "The wire is too long", "9", "不知道", "Don't know")),
			}},
			{Title: Text{ZH: "科学方法", EN: "Scientific method"}, Questions: []Question{
				scored("m1", m, "要检验一种新肥料是否让小麦增产，最可靠的做法是：", "To test whether a new fertiliser raises wheat yields, the most reliable way is to:", 5, []string{"c"},
					opts("a", "问种过的农户感觉如何", "Ask farmers who used it how it felt", "b", "在一块地上施用并看收成", "Use it on one field and look at the harvest",
						"c", "条件相同的地块随机分组，一组施用一组不施，比较产量", "Randomly split alike fields, treat half, and compare yields", "9", "不知道", "Don't know")),
				scored("m2", m, "两件事同时增加，就能证明其中一件导致了另一件。", "If two things rise together, one must cause the other.", 5, []string{"2"}, trueFalse),
				scored("m3", m, "医生说某药有效率为八成，意思最接近：", "A doctor says a drug works in 80% of cases. That means most nearly:", 5, []string{"a"},
					opts("a", "大约每十位患者中有八位见效", "About eight in ten patients benefit", "b", "每位患者的病好了八成", "Each patient gets 80% better",
						"c", "服药八天后见效", "It works after eight days", "9", "不知道", "Don't know")),
				scored("m4", m, "科学研究中，一个结论需要被其他人独立重复验证。", "In science a finding should be confirmed independently by others.", 5, []string{"1"}, trueFalse),
			}},
			{Title: Text{ZH: "科学精神与思想", EN: "Scientific spirit and thought"}, Questions: []Question{
				scored("s1", s, "科学理论在有新证据时可以被修正。", "A scientific theory may be revised when new evidence appears.", 5, []string{"1"}, trueFalse),
				scored("s2", s, "某种产品宣称“纯天然，所以绝对安全”，这一说法有科学依据。", "\"All natural, so perfectly safe\" is a claim with a scientific basis.", 5, []string{"2"}, trueFalse),
				scored("s3", s, "对网上流传的健康说法，较好的态度是：", "Faced with a health claim spreading online, it is best to:", 5, []string{"b"},
					opts("a", "转发的人多就相信", "Believe it if many share it", "b", "查看权威来源和证据后再判断", "Check trustworthy sources and evidence first",
						"c", "一律不信", "Believe nothing of the kind", "9", "不知道", "Don't know")),
				scored("s4", s, "预测个人命运的占卜方法经过了科学检验。", "Fortune-telling methods have passed scientific tests.", 5, []string{"2"}, trueFalse),
			}},
			{Title: Text{ZH: "运用科学", EN: "Using science"}, Questions: []Question{
				scored("u1", u, "家中燃气泄漏时，首先应当：", "If gas leaks at home, first:", 5, []string{"c"},
					opts("a", "打开电灯查看", "Switch on a light to look", "b", "立即用手机打电话报警", "Phone for help at once from inside",
						"c", "关闭阀门并开窗通风，到室外再求助", "Close the valve, open windows and call from outside", "9", "不知道", "Don't know")),
				scored("u2", u, "食品包装上的“保质期”是指在规定条件下保持品质的期限。", "A food's shelf life is how long it keeps its quality when stored as stated.", 5, []string{"1"}, trueFalse),
				scored("u3", u, "雷雨天在空旷地带，较安全的做法是：", "Caught in a thunderstorm in open country, it is safer to:", 5, []string{"b"},
					opts("a", "在孤立的大树下避雨", "Shelter under a lone tall tree", "b", "远离高处，双脚并拢下蹲", "Keep away from high points and crouch with feet together",
						"c", "举起雨伞快跑", "Run holding an umbrella high", "9", "不知道", "Don't know")),
				scored("u4", u, "下列做法中，哪些有助于减少传染病传播？（多选）", "Which of these help stop infections spreading? (choose all)", 5, []string{"a", "b"},
					opts("a", "勤洗手", "Washing hands often", "b", "咳嗽时遮掩口鼻", "Covering coughs", "c", "共用毛巾", "Sharing towels")),
			}},
		},
	}
}
