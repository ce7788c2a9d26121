package review

import (
	"strings"
	"testing"

	"kexie/internal/valid"
)

// TestTemplatesCheck: every built-in form is a valid schema.
func TestTemplatesCheck(t *testing.T) {
	for _, tpl := range Templates() {
		if errs := tpl.Form.Check(); len(errs) > 0 {
			t.Errorf("%s: %v", tpl.Key, errs)
		}
	}
}

// TestYouthContestForm: the students' contest takes a project of up to
// three students with the guardians' consent; without the consent, with a
// fourth student or a short abstract it is refused; blind reviewers never
// see the students' names, school or the consent.
func TestYouthContestForm(t *testing.T) {
	tpl, ok := TemplateByKey("youth_contest")
	if !ok {
		t.Fatal("no youth_contest template")
	}
	sc := tpl.Form
	good := func() Answers {
		return Answers{
			"title": {S: "校园雨水收集与再利用系统"}, "category": {S: "技术"}, "level": {S: "初中"},
			"students": {Rows: []map[string]string{{"name": "王小明", "grade": "初二"}, {"name": "李华", "grade": "初二"}}},
			"school":   {S: "攀枝花市第三中学"}, "tutor": {S: "陈老师（攀枝花市第三中学）"},
			"abstract": {S: strings.Repeat("我们测量了校园屋顶的汇水面积和降雨量，设计了分级过滤与储存装置。", 5)},
			"report":   {F: &FileRef{Name: "研究报告.pdf", Size: 1 << 20, SHA256: strings.Repeat("a", 64)}},
			"consent":  {S: sc.Fields[len(sc.Fields)-1].Options[0]},
		}
	}
	if errs := sc.Validate(good()); len(errs) > 0 {
		t.Fatalf("a good project refused: %v", errs)
	}
	for name, spoil := range map[string]func(Answers){
		"no consent":     func(a Answers) { delete(a, "consent") },
		"other consent":  func(a Answers) { a["consent"] = Answer{S: "口头同意"} },
		"four students":  func(a Answers) { a["students"] = Answer{Rows: append(a["students"].Rows, a["students"].Rows...)} },
		"no students":    func(a Answers) { delete(a, "students") },
		"short abstract": func(a Answers) { a["abstract"] = Answer{S: "太短"} },
		"unknown level":  func(a Answers) { a["level"] = Answer{S: "大学"} },
		"a docx report": func(a Answers) {
			a["report"] = Answer{F: &FileRef{Name: "报告.docx", Size: 1 << 20, SHA256: strings.Repeat("a", 64)}}
		},
	} {
		a := good()
		spoil(a)
		if errs := sc.Validate(a); len(errs) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
	if errs := sc.Validate(func() Answers { a := good(); delete(a, "consent"); return a }()); !valid.Has(errs.Err(), "review.err.required") {
		t.Errorf("no consent: %v", errs)
	}
	blind := sc.Redact(good())
	for _, k := range []string{"students", "school", "consent"} {
		if _, shown := blind[k]; shown {
			t.Errorf("a blind reviewer sees %s", k)
		}
	}
	if _, shown := blind["abstract"]; !shown {
		t.Error("a blind reviewer does not see the abstract")
	}
	if r := tpl.Stages[1]; r.Kind != StageReview || !r.Blind || r.PerApp != 3 {
		t.Errorf("the review stage %+v", r)
	}
}
