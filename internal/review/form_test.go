package review_test

import (
	"encoding/json"
	"strings"
	"testing"

	"kexie/internal/review"
	"kexie/internal/valid"
)

func f64(x float64) *float64 { return &x }

func awardForm() review.Schema {
	return review.Schema{Fields: []review.Field{
		{Key: "summary", Label: "主要事迹", Type: review.LongText, Required: true, Min: f64(10), Max: f64(3000)},
		{Key: "field", Label: "学科领域", Type: review.Choice, Required: true, Options: []string{"工程", "农业", "医药"}},
		{Key: "papers", Label: "论文数", Type: review.Number, Min: f64(0), Max: f64(500)},
		{Key: "born", Label: "出生日期", Type: review.Date, Identifying: true},
		{Key: "tags", Label: "方向", Type: review.Multi, Options: []string{"a", "b", "c"}, Max: f64(2)},
		{Key: "mentor", Label: "推荐专家", Type: review.Person},
		{Key: "awards", Label: "获奖情况", Type: review.Table, MaxRows: 3, Columns: []review.Field{
			{Key: "name", Label: "奖项", Type: review.Text, Required: true},
			{Key: "year", Label: "年份", Type: review.Number, Min: f64(1950), Max: f64(2100)},
		}},
		{Key: "cv", Label: "简历", Type: review.File, Required: true, FileTypes: []string{"pdf", "docx"}, MaxSize: 5 << 20},
	}}
}

func keys(errs valid.Errors) string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Field+":"+e.Key)
	}
	return strings.Join(out, " ")
}

func TestSchemaValidate(t *testing.T) {
	sc := awardForm()
	if errs := sc.Check(); len(errs) > 0 {
		t.Fatalf("schema: %v", errs)
	}
	good := review.Answers{
		"summary": {S: "长期从事钒钛资源综合利用研究，成果显著。"},
		"field":   {S: "工程"},
		"papers":  {S: "12"},
		"tags":    {L: []string{"a", "c"}},
		"awards":  {Rows: []map[string]string{{"name": "省科技进步奖", "year": "2024"}}},
		"cv":      {F: &review.FileRef{Name: "简历.PDF", Size: 1 << 20}},
		"mentor":  {S: "张伟（攀枝花学院）"},
	}
	if errs := sc.Validate(good); len(errs) > 0 {
		t.Fatalf("good answers: %v", keys(errs))
	}
	cases := []struct {
		name string
		edit func(a review.Answers)
		want string
	}{
		{"required missing", func(a review.Answers) { delete(a, "summary") }, "f.summary:review.err.required"},
		{"text too short", func(a review.Answers) { a["summary"] = review.Answer{S: "太短"} }, "f.summary:review.err.text_short"},
		{"not an option", func(a review.Answers) { a["field"] = review.Answer{S: "文学"} }, "f.field:review.err.choice"},
		{"number above max", func(a review.Answers) { a["papers"] = review.Answer{S: "501"} }, "f.papers:review.err.number_max"},
		{"not a number", func(a review.Answers) { a["papers"] = review.Answer{S: "十二"} }, "f.papers:review.err.number"},
		{"bad date", func(a review.Answers) { a["born"] = review.Answer{S: "1990-02-30"} }, "f.born:review.err.date"},
		{"too many choices", func(a review.Answers) { a["tags"] = review.Answer{L: []string{"a", "b", "c"}} }, "f.tags:review.err.choices_max"},
		{"repeated choice", func(a review.Answers) { a["tags"] = review.Answer{L: []string{"a", "a"}} }, "f.tags:review.err.choice"},
		{"person as a number", func(a review.Answers) { a["mentor"] = review.Answer{S: "255591396491145216"} }, "f.mentor:review.err.person"},
		{"person too short", func(a review.Answers) { a["mentor"] = review.Answer{S: "张"} }, "f.mentor:review.err.person"},
		{"row cell required", func(a review.Answers) {
			a["awards"] = review.Answer{Rows: []map[string]string{{"name": "x"}, {"year": "2020"}}}
		}, "f.awards.1.name:review.err.required"},
		{"row cell range", func(a review.Answers) {
			a["awards"] = review.Answer{Rows: []map[string]string{{"name": "x", "year": "1900"}}}
		}, "f.awards.0.year:review.err.number_min"},
		{"too many rows", func(a review.Answers) {
			a["awards"] = review.Answer{Rows: []map[string]string{{"name": "1"}, {"name": "2"}, {"name": "3"}, {"name": "4"}}}
		}, "f.awards:review.err.rows_max"},
		{"forbidden file type", func(a review.Answers) { a["cv"] = review.Answer{F: &review.FileRef{Name: "cv.exe", Size: 10}} }, "f.cv:review.err.file_type"},
		{"file too big", func(a review.Answers) { a["cv"] = review.Answer{F: &review.FileRef{Name: "cv.pdf", Size: 6 << 20}} }, "f.cv:review.err.file_size"},
		{"unknown field", func(a review.Answers) { a["extra"] = review.Answer{S: "x"} }, "f.extra:review.err.field_unknown"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := review.Answers{}
			for k, v := range good {
				a[k] = v
			}
			tc.edit(a)
			if got := keys(sc.Validate(a)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSchemaCheck(t *testing.T) {
	bad := review.Schema{Fields: []review.Field{
		{Key: "a", Label: "A", Type: review.Text},
		{Key: "a", Label: "B", Type: review.Text},
		{Key: "Bad Key", Label: "C", Type: review.Text},
		{Key: "c", Label: "C", Type: review.Choice},
		{Key: "f", Label: "F", Type: review.File},
		{Key: "t", Label: "T", Type: review.Table, Columns: []review.Field{{Key: "x", Label: "X", Type: review.File, MaxSize: 1, FileTypes: []string{"pdf"}}}},
		{Key: "z", Label: "Z", Type: "colour"},
	}}
	want := "form.1:review.err.form_key_dup form.2:review.err.form_key form.3:review.err.form_options form.4:review.err.form_file form.5:review.err.form_table form.6:review.err.form_type"
	if got := keys(bad.Check()); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestRedact(t *testing.T) {
	a := review.Answers{"summary": {S: "x"}, "born": {S: "1990-01-01"}}
	got := awardForm().Redact(a)
	if _, ok := got["born"]; ok || got["summary"].S != "x" {
		t.Errorf("redacted: %v", got)
	}
}

// FuzzValidate feeds arbitrary answers (as JSON) to the validator: it must
// never panic, and answers it accepts must survive a JSON round trip.
func FuzzValidate(f *testing.F) {
	f.Add(`{"summary":{"s":"长期从事钒钛资源综合利用研究"},"field":{"s":"工程"},"cv":{"f":{"name":"a.pdf","size":1}}}`)
	f.Add(`{"awards":{"rows":[{"name":"x","year":"1e400"}]},"papers":{"s":"NaN"}}`)
	f.Add(`{"tags":{"l":["a","a","z"]},"cv":{"f":{"name":"","size":-1}}}`)
	sc := awardForm()
	f.Fuzz(func(t *testing.T, raw string) {
		var a review.Answers
		if json.Unmarshal([]byte(raw), &a) != nil {
			return
		}
		errs := sc.Validate(a)
		for _, e := range errs {
			if !strings.HasPrefix(e.Field, "f.") || !strings.HasPrefix(e.Key, "review.err.") {
				t.Fatalf("bad error %v", e)
			}
		}
		if len(errs) == 0 {
			b, _ := json.Marshal(a)
			var again review.Answers
			if err := json.Unmarshal(b, &again); err != nil || len(sc.Validate(again)) > 0 {
				t.Fatalf("accepted answers changed on a round trip: %s", b)
			}
		}
	})
}
