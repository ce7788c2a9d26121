package survey

// StatusTemplate is the built-in sci-tech worker status questionnaire
// (科技工作者状况调查), in the project's own wording: workload, research
// time, income, evaluation, career, health, needs and suggestions.
func StatusTemplate() Definition {
	agree := opts("1", "很不同意", "Strongly disagree", "2", "不同意", "Disagree", "3", "一般", "Neutral", "4", "同意", "Agree", "5", "很同意", "Strongly agree")
	rate := func(id, zh, en string) Question {
		return Question{ID: id, Type: Rating, Required: true, Max: f64(5), Text: Text{ZH: zh, EN: en}}
	}
	return Definition{
		Title: Text{ZH: "科技工作者状况调查", EN: "Sci-tech worker status survey"},
		Intro: Text{ZH: "本调查了解科技工作者的工作与生活状况，结果汇总后报送，不涉及个人身份。", EN: "How sci-tech workers work and live; results are reported only in aggregate."},
		Pages: []Page{
			{Title: Text{ZH: "基本情况", EN: "About you"}, Questions: append(demographics().Questions[:3],
				Question{ID: "unit", Type: Single, Required: true, Text: Text{ZH: "您所在单位的类型", EN: "Your employer"},
					Options: opts("1", "高等院校", "University", "2", "科研院所", "Research institute", "3", "企业", "Company", "4", "医疗卫生机构", "Hospital or health body",
						"5", "中小学", "School", "6", "其他", "Other")},
				Question{ID: "title", Type: Single, Required: true, Text: Text{ZH: "您的专业技术职称", EN: "Your professional title"},
					Options: opts("1", "正高级", "Full senior", "2", "副高级", "Associate senior", "3", "中级", "Intermediate", "4", "初级及以下", "Junior or none")})},
			{Title: Text{ZH: "工作与收入", EN: "Work and income"}, Questions: []Question{
				{ID: "hours", Type: Number, Required: true, Min: f64(0), Max: f64(120), Text: Text{ZH: "您平均每周工作多少小时？", EN: "How many hours a week do you work on average?"}},
				{ID: "research", Type: Single, Required: true, Text: Text{ZH: "用于科研或专业工作的时间约占工作时间的", EN: "Share of working time spent on research or professional work"},
					Options: opts("1", "不到三成", "Under 30%", "2", "三成到五成", "30–50%", "3", "五成到七成", "50–70%", "4", "七成以上", "Over 70%")},
				{ID: "burden", Type: Multiple, Max: f64(3), Text: Text{ZH: "占用科研时间最多的事务（最多选三项）", EN: "What takes most time from research (up to three)"},
					Options: opts("a", "填表报账", "Forms and expense claims", "b", "会议", "Meetings", "c", "检查评估", "Inspections and assessments", "d", "行政事务", "Administration", "e", "其他", "Other")},
				{ID: "income", Type: Single, Required: true, Text: Text{ZH: "您去年的税前年收入", EN: "Your income last year before tax"},
					Options: opts("1", "10万元以下", "Under 100k yuan", "2", "10万–20万元", "100–200k", "3", "20万–40万元", "200–400k", "4", "40万元以上", "Over 400k")},
				rate("income_fair", "您对自己收入与付出相称程度的评价（1分最低，5分最高）", "How fair is your pay for your effort (1 lowest, 5 highest)"),
			}},
			{Title: Text{ZH: "评价与发展", EN: "Evaluation and career"}, Questions: []Question{
				{ID: "eval", Type: Matrix, Required: true, Text: Text{ZH: "对下列说法，您的看法是", EN: "How far do you agree"}, Options: agree,
					Rows: opts("a", "现行评价更看重成果质量而非数量", "Evaluation now values quality over quantity", "b", "职称评审公平公正", "Title reviews are fair",
						"c", "单位给青年人员提供了成长机会", "My employer gives young staff room to grow")},
				{ID: "career", Type: Ranking, Text: Text{ZH: "请按对您职业发展的重要程度排序", EN: "Rank by importance to your career"},
					Options: opts("a", "科研经费", "Research funding", "b", "晋升机会", "Promotion", "c", "团队与平台", "Team and facilities", "d", "学术交流", "Exchange with peers")},
			}},
			{Title: Text{ZH: "健康与诉求", EN: "Health and needs"}, Questions: []Question{
				rate("health", "您对自己身体健康状况的评价", "How do you rate your health"),
				rate("stress", "您感到的工作压力有多大", "How much pressure do you feel at work"),
				{ID: "needs", Type: Multiple, Text: Text{ZH: "您最希望科协提供的服务", EN: "What you most want from the 科协"},
					Options: opts("a", "学术交流", "Academic exchange", "b", "人才举荐", "Talent recommendation", "c", "科研诚信与权益维护", "Integrity and rights",
						"d", "培训与继续教育", "Training", "e", "联谊与关爱", "Fellowship and care")},
				{ID: "suggest", Type: TextQ, Max: f64(1000), Text: Text{ZH: "您对改善科技工作者工作环境的建议", EN: "Your suggestions to improve sci-tech workers' conditions"}},
			}},
		},
	}
}
