package plan

import "testing"

// One rule for a section or a report's part that opens by reviewing the
// time before the plan (D107's chapters, D106's report parts): its words.
func TestReviewOpens(t *testing.T) {
	y2026 := 2026
	tests := []struct {
		text  string
		start *int
		want  bool
	}{
		{"过去五年，全市新建学校20所。", nil, true},
		{"过去的一年，全省经济稳中有进。", nil, true},
		{"  **近五年来，全市…", nil, true},
		{"　刚刚过去的一年，极不平凡。", nil, true},
		{"回顾过去，我们深刻体会到…", nil, true},
		{"2025年是“十四五”收官之年。", &y2026, true},
		{"2025年，全省地区生产总值增长5%。", &y2026, true},
		{"2025年以来，全市…", &y2026, true},
		{"2025年，全市科普场馆30座。到2030年，达到40座。", &y2026, false}, // a baseline before a goal
		{"2024年，全省…", &y2026, false},                     // only the year just before opens a review
		{"2025年是…", nil, false},
		{"“十四五”时期在本市发展史上具有里程碑意义。", &y2026, true},
		{"十四五以来，全市…", &y2026, true},
		{"“十四五”规划确定的目标任务全面完成。", &y2026, true}, // the span just ended, whatever follows
		{"“十三五”期间，全市…", &y2026, true},
		{"“十三五”规划提出…", &y2026, false}, // an older span only with 时期, 期间 or 以来
		{"“十五五”时期是关键时期。", &y2026, false},
		{"“十四五”时期是关键时期。", func() *int { y := 2025; return &y }(), false},
		{"到2030年，全市新建学校30所。", &y2026, false},
	}
	for _, tt := range tests {
		if got := reviewOpens(tt.text, tt.start); got != tt.want {
			t.Errorf("reviewOpens(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// The rule reads the opening words of a section at any depth, in any plan,
// and of a report's unnumbered part; the section or the part then speaks of
// the past, all of it, and a later paragraph that looks back changes
// nothing.
func TestReviewOpening(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a plan's chapter opening on the year before",
			"某市科普发展规划（2026—2030年）\n一、发展基础\n2025年是“十四五”收官之年，全市建成科普场馆30座。\n（一）科普阵地\n建成科普基地120个。\n" +
				"二、发展目标\n2025年，全市科普基地120个。到2030年，全市科普场馆达到40座。\n",
			"? 30 座 = - 2025 | ? 120 个 = - 2030 | ? 120 个 = - 2025 | 40 座 = - 2030"},
		{"a report's second-level part opening on the year before",
			"2031年某省政府工作报告\n——2031年1月20日在某省人民代表大会上\n各位代表：\n" +
				"一、2031年重点工作\n（一）教育\n刚刚过去的一年，全省新建学校20所。\n新增学位5000个。\n（二）卫生\n新增病床500张。\n",
			"? 20 所 = - 2031 | ? 5000 个 = - 2031 | 500 张 = - 2031"},
		{"a report's unnumbered part opening on the five years",
			"2031年某省政府工作报告\n——2031年1月20日在某省人民代表大会上\n各位代表：\n" +
				"“十五五”时期的发展\n“十五五”时期，全省新建学校200所。\n新增病床5000张。\n" +
				"2031年重点工作\n新建学校30所。\n过去一年，全省新增病床300张。\n新增病床500张。\n（一）扩大有效需求\n新建学校40所。\n",
			"? 200 所 = - 2031 | ? 5000 张 = - 2031 | 30 所 = - 2031 | ? 300 张 = - 2031 | 500 张 = - 2031 | 40 所 = - 2031"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ingestText(tt.text, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := readings(doc.Indicators); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
