package survey_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/survey"
	"kexie/internal/web/webtest"
)

type surveySite struct {
	*webtest.Site
	Surveys *survey.Store
}

func serveSurveys(t testing.TB, d *db.DB) surveySite {
	t.Helper()
	ws := webtest.New(t, d)
	s := survey.NewStore(d)
	ws.Start(survey.Module(s, ws.Orgs, survey.Config{Key: webtest.Key("survey"), MinFill: time.Nanosecond, PostsPerMinute: -1}))
	return surveySite{Site: ws, Surveys: s}
}

func eachSite(t *testing.T, fn func(t *testing.T, ss surveySite)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) { fn(t, serveSurveys(t, d)) })
}

var hidden = regexp.MustCompile(`<input type="hidden" name="([a-z_]+)" value="([^"]*)">`)

// formOf reads the hidden fields of the answering form in page.
func formOf(t *testing.T, page string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, m := range hidden.FindAllStringSubmatch(page, -1) {
		v.Set(m[1], m[2])
	}
	if v.Get("ticket") == "" {
		t.Fatalf("no answering form in %.500s", page)
	}
	return v
}

func (ss surveySite) responses(t *testing.T, id int64) int {
	t.Helper()
	var n int
	if err := ss.DB.QueryRow(context.Background(), `SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSurveyFlowHTTP(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		staff, _ := ss.User(t, "staff", access.OrgStaff, ss.City)
		res, body := post(staff, "/surveys", url.Values{"org_id": {"PZH"}, "title": {"居民问卷"}, "kind": {"general"}, "year": {"2026"}})
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "题目已保存") && !strings.Contains(body, "问卷已创建") {
			t.Fatalf("create: %d %.300s", res.StatusCode, body)
		}
		list, _, err := ss.Surveys.List(context.Background(), survey.Filter{Scope: access.Everywhere()})
		if err != nil || len(list) != 1 {
			t.Fatalf("list = %v %v", list, err)
		}
		id := list[0].ID
		base := "/surveys/" + itoa(id)
		for _, q := range []url.Values{
			{"id": {"gender"}, "type": {"single"}, "page": {"1"}, "text_zh": {"性别"}, "options": {"1 男 | Male\n2 女 | Female"}, "required": {"1"}, "role": {"gender"}},
			{"id": {"like"}, "type": {"rating"}, "page": {"1"}, "text_zh": {"满意程度"}, "max": {"5"}, "required": {"1"}},
		} {
			if res, body := post(staff, base+"/questions", q); res.StatusCode != http.StatusOK || !strings.Contains(body, "题目已保存") {
				t.Fatalf("add question %s: %d %.300s", q.Get("id"), res.StatusCode, body)
			}
		}
		if res, body := post(staff, base+"/questions", url.Values{"id": {"bad id"}, "type": {"single"}, "page": {"1"}, "text_zh": {"x"}}); res.StatusCode != 422 || !strings.Contains(body, "须以字母开头") {
			t.Errorf("bad question ID: %d %.200s", res.StatusCode, body)
		}
		if res, body := post(staff, base+"/publish", nil); !strings.Contains(body, "已发布第 1 版") {
			t.Fatalf("publish: %d %.300s", res.StatusCode, body)
		}
		if res, body := post(staff, base+"/stations", url.Values{"station_org": {"PZH"}, "quota": {"0"}}); !strings.Contains(body, "调查站点已添加") {
			t.Fatalf("station: %d %.300s", res.StatusCode, body)
		}
		sts, _ := ss.Surveys.Stations(context.Background(), id, time.Now())
		link := "/s/" + sts[0].Token

		// A respondent answers through the station's link.
		anon := ss.Client(t)
		res, page := anon.Get(link)
		if res.StatusCode != 200 || !strings.Contains(page, "满意程度") || !strings.Contains(page, "攀枝花") {
			t.Fatalf("answer page: %d %.300s", res.StatusCode, page)
		}
		form := formOf(t, page)
		form.Set("action", "submit")
		form.Set("gender", "2")
		// Missing a required answer: the page comes back, nothing stored.
		if res, body := post(anon, link, form); res.StatusCode != 422 || !strings.Contains(body, "此题必答") {
			t.Errorf("missing answer: %d", res.StatusCode)
		}
		form.Set("like", "4")
		tampered := url.Values{}
		for k, v := range form {
			tampered[k] = v
		}
		tampered.Set("v", "2")
		if res, body := post(anon, link, tampered); res.StatusCode != 422 || !strings.Contains(body, "表单已失效或被改动") {
			t.Errorf("tampered version: %d %.200s", res.StatusCode, body)
		}
		if n := ss.responses(t, id); n != 0 {
			t.Fatalf("%d responses stored before a valid post", n)
		}
		if res, body := post(anon, link, form); res.StatusCode != 200 || !strings.Contains(body, "提交成功") {
			t.Fatalf("submit: %d %.300s", res.StatusCode, body)
		}
		if res, body := post(anon, link, form); res.StatusCode != 409 || !strings.Contains(body, "每人只能提交一次") {
			t.Errorf("second submission: %d %.200s", res.StatusCode, body)
		}
		if _, body := anon.Get(link); !strings.Contains(body, "已经填写过") {
			t.Errorf("the answered page does not say so")
		}
		// The cross-tab shows the answer.
		_, body = staff.Get(base + "/analysis?row=gender&col=like")
		if !strings.Contains(body, `id="crosstab"`) || !strings.Contains(body, "有效答卷 1 份") {
			t.Errorf("analysis: %.500s", body)
		}
		if res, _ := staff.Get(base + "/analysis?row=gender&col=like&format=xlsx"); res.StatusCode != 200 {
			t.Errorf("tables export: %d", res.StatusCode)
		}
		if _, body := staff.Get(base + "/export?format=codebook"); !strings.Contains(body, "gender") || !strings.Contains(body, "2=女") {
			t.Errorf("codebook: %.300s", body)
		}
		if _, body := staff.Get(base + "/export?format=csv"); !strings.Contains(body, "攀枝花") {
			t.Errorf("wide CSV: %.300s", body)
		}
		// Closed: a respondent who opened the form before is refused, nothing stored.
		other := ss.Client(t)
		_, page = other.Get(link)
		late := formOf(t, page)
		late.Set("action", "submit")
		late.Set("gender", "1")
		late.Set("like", "2")
		if _, body := post(staff, base+"/settings", url.Values{"closed": {"1"}}); !strings.Contains(body, "已保存") {
			t.Fatalf("close: %.300s", body)
		}
		if res, body := post(other, link, late); res.StatusCode != 409 || !strings.Contains(body, "未在收集期内") {
			t.Errorf("post to a closed survey: %d", res.StatusCode)
		}
		if _, page = other.Get(link); !strings.Contains(page, "未在收集期内") {
			t.Errorf("closed survey page: %.300s", page)
		}
		if n := ss.responses(t, id); n != 1 {
			t.Errorf("%d responses, want 1", n)
		}
		// The other city's staff see nothing of it.
		peer, _ := ss.User(t, "peer", access.OrgStaff, ss.Peer)
		if res, _ := peer.Get(base); res.StatusCode != http.StatusNotFound {
			t.Errorf("peer city sees the survey: %d", res.StatusCode)
		}
		// A version is said in words (第 1 版), never a bare v1.
		for _, u := range []string{"/surveys", base, base + "/responses"} {
			if _, body := staff.Get(u); !strings.Contains(body, "第 1 版") || strings.Contains(body, ">v1<") {
				t.Errorf("%s: the version is not said as 第 1 版", u)
			}
		}
		if _, body := peer.Get("/surveys"); strings.Contains(body, "居民问卷") {
			t.Error("peer city lists the survey")
		}
		if res, _ := anon.Get(link + "/qr.png"); res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
			t.Errorf("QR code: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
	})
}

func TestBotCheck(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		s := survey.NewStore(d)
		ws.Start(survey.Module(s, ws.Orgs, survey.Config{Key: webtest.Key("survey")}))
		ctx := context.Background()
		def, _ := survey.ParseDefinition([]byte(`{"title":{"zh":"t"},"pages":[{"questions":[{"id":"a","type":"single","text":{"zh":"甲"},"options":[{"code":"1","text":{"zh":"是"}},{"code":"2","text":{"zh":"否"}}]}]}]}`))
		v, err := s.Create(ctx, survey.Input{OrgID: ws.City.ID, Title: "t", Definition: &def})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Publish(ctx, v.ID, 0); err != nil {
			t.Fatal(err)
		}
		c := ws.Client(t)
		_, page := c.Get("/s/" + v.Token)
		form := formOf(t, page)
		form.Set("a", "1")
		form.Set("action", "submit")
		if res, body := post(c, "/s/"+v.Token, form); res.StatusCode != 422 || !strings.Contains(body, "提交过快") {
			t.Errorf("an instant post: %d", res.StatusCode)
		}
		form.Set("website", "http://spam")
		d.Now = func() time.Time { return time.Now().Add(time.Minute) }
		if res, body := post(c, "/s/"+v.Token, form); res.StatusCode != 422 || !strings.Contains(body, "表单已失效") {
			t.Errorf("honeypot filled: %d", res.StatusCode)
		}
		form.Del("website")
		if res, _ := post(c, "/s/"+v.Token, form); res.StatusCode != 200 {
			t.Errorf("a person's post: %d", res.StatusCode)
		}
	})
}

func itoa(v int64) string { return strconvItoa(v) }

// post posts form and, on a redirect, follows it: the status of the post
// and the body of the page it leads to.
func post(c *webtest.Client, path string, form url.Values) (*http.Response, string) {
	res, body := c.Post(path, form)
	if res.StatusCode == http.StatusSeeOther {
		_, body = c.Get(res.Header.Get("Location"))
		res.StatusCode = http.StatusOK
	}
	return res, body
}

func TestRateLimit(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		s := survey.NewStore(d)
		ws.Start(survey.Module(s, ws.Orgs, survey.Config{Key: webtest.Key("survey"), MinFill: time.Nanosecond, PostsPerMinute: 2}))
		ctx := context.Background()
		def, _ := survey.ParseDefinition([]byte(`{"title":{"zh":"t"},"pages":[{"questions":[{"id":"a","type":"single","text":{"zh":"甲"},"options":[{"code":"1","text":{"zh":"是"}},{"code":"2","text":{"zh":"否"}}]}]}]}`))
		v, _ := s.Create(ctx, survey.Input{OrgID: ws.City.ID, Title: "t", Definition: &def})
		if _, err := s.Publish(ctx, v.ID, 0); err != nil {
			t.Fatal(err)
		}
		var codes []int
		for i := 0; i < 3; i++ {
			c := ws.Client(t)
			_, page := c.Get("/s/" + v.Token)
			form := formOf(t, page)
			form.Set("a", "1")
			form.Set("action", "submit")
			res, _ := c.Post("/s/"+v.Token, form)
			codes = append(codes, res.StatusCode)
		}
		if codes[0] != 303 || codes[1] != 303 || codes[2] != http.StatusTooManyRequests {
			t.Errorf("three posts from one address: %v, want 303 303 429", codes)
		}
	})
}
