package review_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/review"
	"kexie/internal/web/webtest"
)

// reviewSite is the review module served on the platform, with a 学会
// under the city as recommending unit and the people module stood in for.
type reviewSite struct {
	*webtest.Site
	Store *review.Store
	P     *people
	Soc   org.Org
}

func serveReview(t testing.TB, d *db.DB) reviewSite {
	t.Helper()
	ws := webtest.New(t, d)
	p := &people{applicants: map[int64]review.Applicant{}, pools: map[int64][]review.Expert{}, poolOrg: ws.City.Path}
	s := review.NewStore(d, p, calendar.Fixed{C: calendar.New(calendar.Shipped())})
	s.UseKeys(webtest.Keyring(t))
	ws.Start(review.Module(s, review.Config{Key: webtest.Key("review"), Uploads: t.TempDir(), Orgs: ws.Orgs}))
	soc, err := ws.Orgs.Create(context.Background(), org.Input{ParentID: ws.City.ID, Code: "JSXH", Name: "攀枝花市金属学会", Type: org.TypeSociety})
	if err != nil {
		t.Fatal(err)
	}
	return reviewSite{Site: ws, Store: s, P: p, Soc: soc}
}

// objectionForm is a filled objection form with a challenge signed as the
// page signs it, served a minute ago.
func objectionForm(callID, appID int64, name, body string) url.Values {
	stamp, sig := review.ObjectionCheck(webtest.Key("review"), callID).Stamp(time.Now().Add(-time.Minute))
	return url.Values{"stamp": {stamp}, "challenge": {sig}, "application_id": {strconv.FormatInt(appID, 10)},
		"name": {name}, "body": {body}}
}

func must(t *testing.T, what string, res *http.Response, body string, status int, want ...string) {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, res.StatusCode, status, body)
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s: no %q in the page", what, w)
		}
	}
}

func idFrom(t *testing.T, path, prefix string) int64 {
	t.Helper()
	id, err := strconv.ParseInt(strings.TrimPrefix(path, prefix), 10, 64)
	if err != nil {
		t.Fatalf("no id in %s", path)
	}
	return id
}

// TestSite runs the award through its pages on both databases: staff
// create and publish a call, an applicant applies (a forbidden file first),
// the 学会 recommends, staff pass the formal check and assign, five
// reviewers score (blind, a score out of range first), staff rank and
// decide, the public objects during 公示, staff dismiss it and finalize.
func TestSite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		staff, _ := rs.User(t, "staff", access.OrgStaff, rs.City)
		rec, _ := rs.User(t, "xuehui", access.OrgStaff, rs.Soc)
		app, au := rs.User(t, "zhangwei", access.Member, rs.City)
		rs.P.applicants[au.ID] = review.Applicant{PersonID: 1, OrgID: rs.Soc.ID, OrgPath: rs.Soc.Path, Name: "张伟", Employer: "攀枝花学院", BirthYear: 1990}
		var reviewers []*webtest.Client
		var pool []review.Expert
		for i := 1; i <= 6; i++ {
			c, u := rs.User(t, "expert"+strconv.Itoa(i), access.Reviewer, rs.City)
			reviewers = append(reviewers, c)
			pool = append(pool, review.Expert{PersonID: int64(100 + i), UserID: u.ID, Name: "专家" + strconv.Itoa(i), Employer: "单位" + strconv.Itoa(i)})
		}
		pool[5].Employer = "攀枝花学院" // never reviews 张伟
		rs.P.pools[7] = pool

		// Before applying, 我的申报 points to the open calls.
		res, body := app.Get("/review/mine")
		must(t, "no applications yet", res, body, 200, "您还没有申报。", `<a href="/calls" id="mine-browse">查看正在征集的项目</a>`)
		res, body = staff.Get("/review/calls/new?template=youth_award")
		must(t, "editor", res, body, 200, "青年科技奖", "编辑申报表", `<option value="7">专家库7（`, "6 人")
		form := url.Values{"template": {"youth_award"}, "title": {"第十届攀枝花青年科技奖"}, "org_id": {strconv.FormatInt(rs.City.ID, 10)},
			"kind": {"award"}, "applicant_kind": {"individual"}, "recommend": {"1"}, "quota": {"2"}, "pool_id": {"7"}, "publicity_days": {"7"},
			"opens": {time.Now().Add(-24 * time.Hour).Format("2006-01-02")}, "closes": {time.Now().Add(30 * 24 * time.Hour).Format("2006-01-02")},
			"review_to": {time.Now().Add(60 * 24 * time.Hour).Format("2006-01-02")}}
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("closes", "2020-01-01")
		res, body = post(staff, "/review/calls", bad)
		must(t, "closing before opening", res, body, 422, "截止")
		res, body = post(staff, "/review/calls", form)
		must(t, "create", res, body, 200, "征集已创建", "编辑申报表", "主要事迹")
		callID := idFrom(t, strings.TrimSuffix(res.Request.URL.Path, "/form"), "/review/calls/")
		cid := strconv.FormatInt(callID, 10)
		res, body = post(staff, "/review/calls/"+cid+"/publish", nil)
		must(t, "publish", res, body, 200, "已记录")
		if res, _ := app.Get("/review/calls/" + cid); res.StatusCode != 403 {
			t.Errorf("an applicant opened the staff page: %d", res.StatusCode)
		}
		anon := rs.Client(t)
		res, body = anon.Get("/calls")
		must(t, "open calls", res, body, 200, "第十届攀枝花青年科技奖")
		res, body = anon.Get("/calls/" + cid)
		must(t, "call page", res, body, 200, "年龄不超过 40 周岁", "形式审查", "<dt>公示期</dt><dd>", `<dd><span class="nowrap">`)

		fields := url.Values{"title": {"钒钛资源综合利用"}, "recommender_id": {strconv.FormatInt(rs.Soc.ID, 10)}, "action": {"submit"},
			"f.summary": {strings.Repeat("长期从事钒钛资源综合利用研究。", 5)}, "f.field": {"工学"}, "f.born": {"1990-05-01"},
			"f.achievements.0.name": {"省科技进步奖"}, "f.achievements.0.year": {"2024"}}
		res, body = upload(app, "/calls/"+cid+"/apply", fields, "f.cv", "推荐表.exe", []byte("MZ"))
		must(t, "forbidden file", res, body, 422, "只接受以下类型的文件：pdf")
		res, body = upload(app, "/calls/"+cid+"/apply", fields, "f.cv", "推荐表.pdf", []byte("%PDF-1.4 test"))
		must(t, "submit", res, body, 200, "申报已提交", "待单位推荐")
		res, body = upload(app, "/calls/"+cid+"/apply", fields, "f.cv", "推荐表.pdf", []byte("%PDF-1.4 test"))
		must(t, "second submission", res, body, 422, "该申报已提交")
		a, err := rs.Store.Mine(context.Background(), callID, au.ID)
		if err != nil {
			t.Fatal(err)
		}
		aid := strconv.FormatInt(a.ID, 10)

		res, body = rec.Get("/review/recommend")
		must(t, "queue", res, body, 200, "张伟", "每单位限推荐 2 名")
		if res, _ := post(staff, "/review/applications/"+aid+"/recommend", url.Values{"outcome": {"approve"}}); res.StatusCode != 200 {
			t.Logf("city staff may recommend for units under the city: %d", res.StatusCode)
		}
		if a, _ := rs.Store.Application(context.Background(), a.ID); a.Status == review.AppRecommending {
			res, body = post(rec, "/review/applications/"+aid+"/recommend", url.Values{"outcome": {"approve"}})
			must(t, "recommend", res, body, 200, "已记录")
		}
		res, body = post(staff, "/review/applications/"+aid+"/decide", url.Values{"outcome": {"approve"}})
		must(t, "formal check", res, body, 200, "已记录")
		stages, _ := rs.Store.Stages(context.Background(), callID)
		if stages[1].DueAt.IsZero() {
			t.Error("the review stage has no deadline from the editor")
		}
		sid := strconv.FormatInt(stages[1].ID, 10)
		res, body = post(staff, "/review/stages/"+sid+"/assign", url.Values{"seed": {"2026"}})
		must(t, "assign", res, body, 200, "已记录", "随机种子 2026")

		scored := 0
		for i, c := range reviewers {
			res, body := c.Get("/review/assignments")
			must(t, "worklist", res, body, 200)
			if i < 5 && !strings.Contains(body, "您有新的评审任务：第十届攀枝花青年科技奖 · 专家评审。") {
				t.Errorf("reviewer %d has no notice of the assignment", i+1)
			}
			if i == 5 {
				if strings.Contains(body, "钒钛") {
					t.Error("the applicant's colleague was assigned")
				}
				if !strings.Contains(body, "分配给您后会列在这里") {
					t.Error("an empty worklist does not say how tasks arrive")
				}
				continue
			}
			gid := between(body, `href="/review/assignments/`, `"`)
			res, body = c.Get("/review/assignments/" + gid)
			must(t, "score form", res, body, 200, "盲评", "省科技进步奖")
			if strings.Contains(body, "1990-05-01") || strings.Contains(body, "张伟") {
				t.Error("blind review shows an identifying field")
			}
			if i == 0 {
				if res, _ := reviewers[1].Get("/review/assignments/" + gid); res.StatusCode != 404 {
					t.Errorf("another reviewer opened an assignment: %d", res.StatusCode)
				}
				res, body = post(c, "/review/assignments/"+gid, url.Values{"s.innovation": {"120"}, "s.contribution": {"80"}, "s.prospect": {"80"}, "comment": {"好"}})
				must(t, "out of range", res, body, 422, "分值须在 0 至 100 之间")
				res, body = post(c, "/review/assignments/"+gid, url.Values{"s.innovation": {"90"}, "s.contribution": {"80"}, "s.prospect": {"80"}})
				must(t, "no comment", res, body, 422, "请填写评审意见")
			}
			v := strconv.Itoa(80 + i)
			res, body = post(c, "/review/assignments/"+gid, url.Values{"s.innovation": {v}, "s.contribution": {v}, "s.prospect": {v}, "comment": {"成果突出"}})
			must(t, "score", res, body, 200, "评分已提交")
			if _, body := c.Get("/review/assignments"); !regexp.MustCompile(`已评 · \d+(\.\d{1,2})? 分`).MatchString(body) {
				t.Error("the worklist shows a scored task without its points in 分")
			}
			scored++
		}
		if scored != 5 {
			t.Fatalf("%d scored", scored)
		}
		res, body = staff.Get("/review/stages/" + sid + "/ranking")
		must(t, "ranking", res, body, 200, "张伟", "82", "专家5")
		if res, _ := staff.Get("/review/stages/" + sid + "/ranking?format=xlsx"); !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Errorf("ranking export: %s", res.Header.Get("Content-Type"))
		}
		// A rule left empty or mistyped is refused, never read as "top 0,
		// cutoff 0" (which selected every application); the stage stays open.
		for _, bad := range []struct {
			form url.Values
			want string
		}{
			{url.Values{}, "请填写入选名额或分数线"},
			{url.Values{"top": {"十"}}, "入选名额须为正整数"},
			{url.Values{"top": {"-3"}}, "入选名额须为正整数"},
			{url.Values{"cutoff": {"NaN"}}, "分数线须为不小于 0 的数"},
			{url.Values{"cutoff": {"八十"}}, "分数线须为不小于 0 的数"},
		} {
			res, body = post(staff, "/review/stages/"+sid+"/select", bad.form)
			must(t, "select "+bad.form.Encode(), res, body, 200, bad.want)
		}
		res, body = staff.Get("/review/stages/" + sid + "/ranking")
		must(t, "ranking after refused selections", res, body, 200, `name="top"`)
		res, body = post(staff, "/review/stages/"+sid+"/select", url.Values{"top": {"10"}})
		must(t, "select", res, body, 200, "已记录", "拟入选")
		res, body = post(staff, "/review/calls/"+cid+"/publicity", nil)
		must(t, "publicity", res, body, 200, "公示至")

		res, body = anon.Get("/calls/" + cid + "/publicity")
		must(t, "公示 page", res, body, 200, "张伟", "攀枝花学院", "提出异议")
		bot := objectionForm(callID, a.ID, "李四", "该申报人代表性成果署名存疑，请核实。")
		bot.Set("challenge", "forged")
		res, body = post(anon, "/calls/"+cid+"/objections", bot)
		must(t, "forged challenge", res, body, 422, "提交过快或页面已过期")
		res, body = post(anon, "/calls/"+cid+"/objections", objectionForm(callID, a.ID, "李四", "该申报人代表性成果署名存疑，请核实。"))
		must(t, "objection", res, body, 200, "异议已提交")
		res, body = staff.Get("/review/calls/" + cid)
		must(t, "manage", res, body, 200, "李四", "待处理")
		oid := between(body, `action="/review/objections/`, `"`)
		res, body = post(staff, "/review/calls/"+cid+"/finalize", nil)
		must(t, "finalize early", res, body, 200, "公示期尚未结束")
		res, body = post(staff, "/review/objections/"+oid, url.Values{"outcome": {"reject"}, "reason": {"经核实署名无误"}})
		must(t, "dismiss", res, body, 200, "异议不成立")
		// The 公示 window passes.
		if _, err := d.Exec(context.Background(), `UPDATE review_calls SET publicity_to = ? WHERE id = ?`, db.Millis(time.Now().Add(-time.Minute)), callID); err != nil {
			t.Fatal(err)
		}
		res, body = post(staff, "/review/calls/"+cid+"/finalize", nil)
		must(t, "finalize", res, body, 200, "结果已确定")
		res, body = app.Get("/review/mine")
		must(t, "applicant's status", res, body, 200, "最终入选", "攀枝花市金属学会已同意推荐您在“第十届攀枝花青年科技奖”的申报。",
			"“第十届攀枝花青年科技奖”结果已确定，您的申报最终入选。")
		if main := between(body, "<main", "</main>"); strings.Contains(main, ">82<") || strings.Contains(main, "n=") || strings.Contains(main, "得分") {
			t.Errorf("the applicant sees scores: %s", main)
		}
		res, body = staff.Get("/review/calls?q=青年&format=xlsx")
		if !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Errorf("calls export: %s", res.Header.Get("Content-Type"))
		}
		res, body = staff.Get("/review/calls?q=青年&sort=-closes")
		must(t, "calls list", res, body, 200, "第十届攀枝花青年科技奖")
		if res, body := rs.Client(t).Get("/review/calls"); res.StatusCode == 200 && strings.Contains(body, "青年科技奖") {
			t.Error("an anonymous visitor sees the staff list")
		}
	})
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// post posts and follows a redirect, as a browser does.
func post(c *webtest.Client, path string, f url.Values) (*http.Response, string) {
	c.T.Helper()
	res, body := c.Post(path, f)
	if res.StatusCode == http.StatusSeeOther {
		return c.Get(res.Header.Get("Location"))
	}
	return res, body
}

func upload(c *webtest.Client, path string, f url.Values, field, name string, content []byte) (*http.Response, string) {
	c.T.Helper()
	res, body := c.Upload(path, f, field, name, content)
	if res.StatusCode == http.StatusSeeOther {
		return c.Get(res.Header.Get("Location"))
	}
	return res, body
}
