package survey_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/survey"
)

// A two-page questionnaire: the first page is kept apart as a partial,
// reopening the link resumes on the second page, and submitting stores the
// response and drops the partial. A full station refuses a new respondent
// and stores nothing.
func TestResumeAndQuota(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		ctx := context.Background()
		def, err := survey.ParseDefinition([]byte(`{"title":{"zh":"两页问卷"},"pages":[
			{"questions":[{"id":"a","type":"single","required":true,"text":{"zh":"甲题"},"options":[{"code":"1","text":{"zh":"是"}},{"code":"2","text":{"zh":"否"}}]}]},
			{"questions":[{"id":"b","type":"number","required":true,"min":0,"max":10,"text":{"zh":"乙题"}}]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		v, err := ss.Surveys.Create(ctx, survey.Input{OrgID: ss.City.ID, Title: "两页问卷", Definition: &def})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ss.Surveys.Publish(ctx, v.ID, 0); err != nil {
			t.Fatal(err)
		}
		st, err := ss.Surveys.AddStation(ctx, v.ID, ss.City.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		link := "/s/" + st.Token
		count := func(table string) int {
			var n int
			if err := ss.DB.QueryRow(ctx, `SELECT COUNT(*) FROM `+table+` WHERE survey_id = ?`, v.ID).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		c := ss.Client(t)
		_, page := c.Get(link)
		form := formOf(t, page)
		form.Set("a", "1")
		form.Set("action", "next")
		if _, body := post(c, link, form); !strings.Contains(body, "第 2 页，共 2 页") || !strings.Contains(body, "乙题") {
			t.Fatalf("after page 1: %.300s", body)
		}
		if p, r := count("survey_partials"), count("survey_responses"); p != 1 || r != 0 {
			t.Errorf("after page 1: %d partials, %d responses; want 1, 0", p, r)
		}
		// Reopening the link resumes on page 2.
		_, page = c.Get(link)
		if !strings.Contains(page, "第 2 页") {
			t.Errorf("reopened link does not resume: %.300s", page)
		}
		form = formOf(t, page)
		form.Set("b", "11")
		form.Set("action", "submit")
		if res, body := post(c, link, form); res.StatusCode != 422 || !strings.Contains(body, "应在 0 到 10 之间") {
			t.Errorf("out of range: %d", res.StatusCode)
		}
		form.Set("b", "7")
		if _, body := post(c, link, form); !strings.Contains(body, "提交成功") {
			t.Fatalf("submit: %.300s", body)
		}
		if p, r := count("survey_partials"), count("survey_responses"); p != 0 || r != 1 {
			t.Errorf("after submitting: %d partials, %d responses; want 0, 1", p, r)
		}
		rs, _, _ := ss.Surveys.Responses(ctx, v.ID, survey.RespFilter{Scope: access.Everywhere()})
		if len(rs) != 1 || rs[0].Answers["a"][0] != "1" || rs[0].Answers["b"][0] != "7" {
			t.Errorf("stored answers: %+v", rs)
		}
		// The station's quota of 1 is reached: a second person is refused.
		d := ss.Client(t)
		_, page = d.Get(link)
		form = formOf(t, page)
		form.Set("a", "2")
		form.Set("action", "next")
		post(d, link, form)
		_, page = d.Get(link)
		form = formOf(t, page)
		form.Set("b", "3")
		form.Set("action", "submit")
		ss.DB.Now = func() time.Time { return time.Now().Add(time.Second) }
		if res, body := post(d, link, form); res.StatusCode != http.StatusConflict || !strings.Contains(body, "名额已满") {
			t.Errorf("over quota: %d %.200s", res.StatusCode, body)
		}
		if r := count("survey_responses"); r != 1 {
			t.Errorf("%d responses after a refused one, want 1", r)
		}
	})
}
