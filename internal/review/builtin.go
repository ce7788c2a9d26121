package review

// Template is a built-in configuration staff start a call from and adjust:
// the engine is the same, only this data differs.
type Template struct {
	Key       string
	Label     string // catalog key
	Kind      string
	Recommend bool
	Quota     int
	Rules     []Rule
	Form      Schema
	Stages    []StageInput
	Days      int
}

func fp(x float64) *float64 { return &x }

// Templates lists the built-in configurations.
func Templates() []Template {
	rubric := []Criterion{
		{Key: "innovation", Label: "创新性", Weight: 0.4, Min: 0, Max: 100},
		{Key: "contribution", Label: "学术贡献与影响", Weight: 0.4, Min: 0, Max: 100},
		{Key: "prospect", Label: "发展潜力", Weight: 0.2, Min: 0, Max: 100, CommentRequired: true},
	}
	return []Template{
		{Key: "youth_award", Label: "review.tpl.youth_award", Kind: "award", Recommend: true, Quota: 2, Days: 7,
			Rules: []Rule{{Kind: RuleMaxAge, N: 40, On: "2026-12-31"}, {Kind: RuleNotAwarded, N: 4, CallKind: "award"}},
			Form: Schema{Fields: []Field{
				{Key: "summary", Label: "主要事迹", Type: LongText, Required: true, Min: fp(50), Max: fp(3000)},
				{Key: "field", Label: "学科领域", Type: Choice, Required: true, Options: []string{"理学", "工学", "农学", "医学", "其他"}},
				{Key: "born", Label: "出生日期", Type: Date, Required: true, Identifying: true},
				{Key: "achievements", Label: "代表性成果", Type: Table, MaxRows: 10, Columns: []Field{
					{Key: "name", Label: "成果名称", Type: Text, Required: true},
					{Key: "year", Label: "年份", Type: Number, Min: fp(1950), Max: fp(2100)}}},
				{Key: "cv", Label: "推荐表（盖章扫描件）", Type: File, Required: true, FileTypes: []string{"pdf"}, MaxSize: 10 << 20},
			}},
			Stages: []StageInput{
				{Kind: StageFormal, Name: "形式审查"},
				{Kind: StageReview, Name: "专家评审", PerApp: 5, Method: Trimmed, Blind: true, Rubric: rubric, TopN: 10},
				{Kind: StagePublicity, Name: "公示"},
				{Kind: StageResult, Name: "表彰"},
			}},
		// 青少年科技创新大赛: a school's 科技辅导员 (or a guardian) files a
		// students' project; the students are minors, so their names, school
		// and the consent are identifying (hidden from blind reviewers), and
		// nobody files without the guardians' written consent.
		{Key: "youth_contest", Label: "review.tpl.youth_contest", Kind: "award", Days: 5,
			Form: Schema{Fields: []Field{
				{Key: "title", Label: "项目名称", Type: Text, Required: true, Min: fp(4), Max: fp(60)},
				{Key: "category", Label: "学科类别", Type: Choice, Required: true,
					Options: []string{"物质科学", "生命科学", "地球环境与宇宙科学", "技术", "行为与社会科学", "计算机科学"}},
				{Key: "level", Label: "学段", Type: Choice, Required: true, Options: []string{"小学", "初中", "高中"}},
				{Key: "students", Label: "作者（学生，至多3人）", Type: Table, Required: true, MaxRows: 3, Identifying: true, Columns: []Field{
					{Key: "name", Label: "姓名", Type: Text, Required: true, Max: fp(20)},
					{Key: "grade", Label: "年级", Type: Text, Required: true, Max: fp(10)}}},
				{Key: "school", Label: "学校", Type: Text, Required: true, Max: fp(60), Identifying: true},
				{Key: "tutor", Label: "指导教师", Type: Person},
				{Key: "abstract", Label: "研究摘要", Type: LongText, Required: true, Min: fp(100), Max: fp(2000)},
				{Key: "report", Label: "研究报告", Type: File, Required: true, FileTypes: []string{"pdf"}, MaxSize: 20 << 20},
				{Key: "consent", Label: "监护人同意", Type: Choice, Required: true, Identifying: true,
					Options: []string{"已取得每位学生监护人的书面同意（原件由学校留存）"}},
			}},
			Stages: []StageInput{
				{Kind: StageFormal, Name: "资格审查"},
				{Kind: StageReview, Name: "专家评审", PerApp: 3, Method: Mean, Blind: true, Rubric: []Criterion{
					{Key: "innovation", Label: "创新性", Weight: 0.4, Min: 0, Max: 100},
					{Key: "science", Label: "科学性", Weight: 0.35, Min: 0, Max: 100},
					{Key: "practice", Label: "实用性", Weight: 0.25, Min: 0, Max: 100, CommentRequired: true}}, TopN: 30},
				{Kind: StagePublicity, Name: "公示"},
				{Kind: StageResult, Name: "表彰"},
			}},
		{Key: "topic_collection", Label: "review.tpl.topic_collection", Kind: "topic_collection", Days: 5,
			Form: Schema{Fields: []Field{
				{Key: "reason", Label: "选题理由", Type: LongText, Required: true, Max: fp(2000)},
				{Key: "questions", Label: "拟研究的主要问题", Type: LongText, Required: true, Max: fp(2000)},
			}},
			Stages: []StageInput{{Kind: StageFormal, Name: "选题遴选"}, {Kind: StageResult, Name: "入选题库"}}},
		{Key: "research", Label: "review.tpl.research", Kind: "research", Days: 5,
			Form: Schema{Fields: []Field{
				{Key: "plan", Label: "研究方案", Type: LongText, Required: true, Max: fp(8000)},
				{Key: "team", Label: "课题组成员", Type: Table, MaxRows: 10, Columns: []Field{
					{Key: "name", Label: "姓名", Type: Text, Required: true},
					{Key: "role", Label: "分工", Type: Text}}},
				{Key: "budget", Label: "经费预算（万元）", Type: Table, Required: true, MaxRows: 10, Columns: []Field{
					{Key: "item", Label: "科目", Type: Text, Required: true},
					{Key: "amount", Label: "金额", Type: Number, Required: true, Min: fp(0), Max: fp(100)}}},
				{Key: "proposal", Label: "申报书", Type: File, Required: true, FileTypes: []string{"pdf", "docx"}, MaxSize: 20 << 20},
			}},
			Stages: []StageInput{
				{Kind: StageFormal, Name: "形式审查"},
				{Kind: StageReview, Name: "开题评审", PerApp: 3, Method: Mean, Rubric: rubric},
				{Kind: StagePublicity, Name: "立项公示"},
				{Kind: StageResult, Name: "立项"},
			}},
		{Key: "acceptance", Label: "review.tpl.acceptance", Kind: "milestone", Days: 5,
			Form: Schema{Fields: []Field{
				{Key: "report", Label: "结题报告", Type: File, Required: true, FileTypes: []string{"pdf", "docx"}, MaxSize: 30 << 20},
				{Key: "summary", Label: "成果摘要", Type: LongText, Required: true, Max: fp(3000)},
			}},
			Stages: []StageInput{
				{Kind: StageReview, Name: "结题验收", PerApp: 3, Method: Mean, Rubric: rubric},
				{Kind: StageResult, Name: "验收结论"},
			}},
	}
}

// TemplateByKey returns the built-in template with key.
func TemplateByKey(key string) (Template, bool) {
	for _, t := range Templates() {
		if t.Key == key {
			return t, true
		}
	}
	return Template{}, false
}
