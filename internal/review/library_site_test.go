package review_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
	"kexie/internal/web/webtest"
)

// assignedOnSite is a published 决策咨询课题 call in the city with one review
// stage drawing on pool 3: its expert, "expert", is assigned the one
// application, 张伟's; "staff" is a staff account of the city.
type assignedOnSite struct {
	staff, expert *webtest.Client
	staffID       int64 // staff's user ID
	expertID      int64 // expert's user ID
	call          review.Call
	app, stage    int64
}

func newAssignedOnSite(t testing.TB, rs reviewSite) assignedOnSite {
	t.Helper()
	bg := context.Background()
	var f assignedOnSite
	staff, su := rs.User(t, "staff", access.OrgStaff, rs.City)
	expert, eu := rs.User(t, "expert", access.Reviewer, rs.City)
	_, au := rs.User(t, "zhangwei", access.Member, rs.City)
	f.staff, f.expert, f.staffID, f.expertID = staff, expert, su.ID, eu.ID
	rs.P.applicants[au.ID] = review.Applicant{PersonID: 1, OrgID: rs.City.ID, OrgPath: rs.City.Path, Name: "张伟", Employer: "攀枝花学院"}
	rs.P.pools[3] = []review.Expert{{PersonID: 100, UserID: eu.ID, Name: "王专家", Employer: "四川大学"}}
	c, err := rs.Store.CreateCall(bg, review.CallInput{OrgID: rs.City.ID, Title: "2026年决策咨询课题结题验收", Kind: "milestone", ApplicantKind: review.Individual,
		OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(10 * 24 * time.Hour),
		Form: review.Schema{Fields: []review.Field{{Key: "report", Label: "研究报告", Type: review.LongText, Required: true}}},
		Stages: []review.StageInput{{Kind: review.StageReview, Name: "结题评审", PerApp: 1, PoolID: 3,
			Rubric: []review.Criterion{{Key: "quality", Label: "研究质量", Weight: 1, Max: 100}}}}}, su.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := rs.Store.Publish(bg, c.ID); err != nil {
		t.Fatal(err)
	}
	a, _ := rs.Store.SaveDraft(bg, review.Draft{CallID: c.ID, UserID: au.ID, Title: "钒钛产业链延伸路径研究", Answers: review.Answers{"report": {S: "报告"}}})
	if _, err := rs.Store.Submit(bg, a.ID, au.ID); err != nil {
		t.Fatal(err)
	}
	stages, _ := rs.Store.Stages(bg, c.ID)
	if _, err := rs.Store.AssignStage(bg, stages[0].ID, access.Everywhere(), su.ID, 1); err != nil {
		t.Fatal(err)
	}
	f.call, f.app, f.stage = c, a.ID, stages[0].ID
	return f
}

// finalOnSite makes the call of assignedOnSite final, its one application
// awarded, and returns the staff account and the application.
func finalOnSite(t testing.TB, rs reviewSite) (*webtest.Client, int64) {
	t.Helper()
	bg := context.Background()
	f := newAssignedOnSite(t, rs)
	mine, _ := rs.Store.MyAssignments(bg, f.expertID)
	if _, err := rs.Store.SaveScore(bg, mine[0].ID, f.expertID, map[string]float64{"quality": 91}, ""); err != nil {
		t.Fatal(err)
	}
	if err := rs.Store.Select(bg, f.stage, access.Everywhere(), f.staffID, 1, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.DB.Exec(bg, `UPDATE review_calls SET closes_at = ? WHERE id = ?`, db.Millis(time.Now().Add(-time.Minute)), f.call.ID); err != nil {
		t.Fatal(err)
	}
	if err := rs.Store.Finalize(bg, f.call.ID, access.Everywhere()); err != nil {
		t.Fatal(err)
	}
	return f.staff, f.app
}

// TestLibrarySite: the results library on both databases — listed,
// filtered, sorted, exported; a submission and an instruction recorded on
// the result's page, bad ones refused at their field; a member cannot open
// it.
func TestLibrarySite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		staff, appID := finalOnSite(t, rs)
		member, _ := rs.User(t, "member", access.Member, rs.City)
		id := strconv.FormatInt(appID, 10)
		res, body := staff.Get("/review/results?q=" + url.QueryEscape("钒钛") + "&kind=milestone&sort=-score")
		must(t, "library", res, body, 200, "钒钛产业链延伸路径研究", ">91.00<", "/review/results/"+id) // two decimals, as a score sheet shows it
		res, body = staff.Get("/review/results?kind=award")
		if strings.Contains(body, "钒钛产业链") {
			t.Error("the kind filter let a milestone through")
		}
		if !strings.Contains(body, "没有符合条件的已确定成果") {
			t.Error("a filter that matches nothing does not say so")
		}
		peer, _ := rs.User(t, "peer-staff", access.OrgStaff, rs.Peer)
		if _, body := peer.Get("/review/results"); !strings.Contains(body, "成果库还是空的") || strings.Contains(body, "符合条件") {
			t.Error("an empty library with no filter speaks of a filter, or does not say how results arrive")
		}
		res, _ = staff.Get("/review/results?format=xlsx")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Errorf("export %d", res.StatusCode)
		}
		if res, _ := member.Get("/review/results/" + id); res.StatusCode != 403 {
			t.Errorf("a member opened a result: %d", res.StatusCode)
		}
		today := time.Now().Format("2006-01-02")
		res, body = post(staff, "/review/results/"+id+"/reports", url.Values{"to_name": {"市人民政府"}, "sent_on": {"明天"}})
		must(t, "bad date", res, body, 422, "请填写有效日期")
		res, body = post(staff, "/review/results/"+id+"/reports", url.Values{"to_org": {rs.Root.Code}, "sent_on": {today}, "note": {"专报第3期"}})
		must(t, "report", res, body, 200, "已记录", rs.Root.Name, "专报第3期")
		rid := between(body, `name="report_id" value="`, `"`)
		res, body = post(staff, "/review/results/"+id+"/instructions", url.Values{"report_id": {rid}, "leader": {"李市长"}, "given_on": {today}})
		must(t, "no body", res, body, 422, "请填写批示内容")
		res, body = post(staff, "/review/results/"+id+"/instructions", url.Values{"report_id": {rid}, "leader": {"李市长"}, "given_on": {today}, "body": {"请发改委研究吸收。"}})
		must(t, "instruction", res, body, 200, "李市长", "请发改委研究吸收。")
		res, body = staff.Get("/review/results")
		must(t, "counted", res, body, 200, "1 条批示")
	})
}

// TestBrowserLibrary records a submission and its instruction in Chromium.
func TestBrowserLibrary(t *testing.T) {
	ctx := webtest.Browser(t)
	rs := serveReview(t, dbtest.OpenSQLite(t))
	_, appID := finalOnSite(t, rs)
	b := webtest.NewTab(t, ctx, rs.URL, 20*time.Second)
	b.Login("staff")
	b.Open("/review/results", "#library")
	b.Shot("review-library")
	b.Run("open", chromedp.Click(chromedp.CSS(`#library a[href="/review/results/`+strconv.FormatInt(appID, 10)+`"]`)), chromedp.WaitVisible(chromedp.CSS(`#add-report`)))
	b.Run("report", chromedp.SendKeys(chromedp.CSS(`#add-report input[name=to_name]`), "攀枝花市人民政府"),
		chromedp.SendKeys(chromedp.CSS(`#add-report input[name=note]`), "决策咨询专报第3期"), chromedp.Click(chromedp.CSS(`#save-report`)))
	b.WaitText("reported", `#reports`, "攀枝花市人民政府")
	b.Run("instruction", chromedp.Click(chromedp.CSS(`#reports details summary`)),
		chromedp.SendKeys(chromedp.CSS(`#reports input[name=leader]`), "李市长（市人民政府市长）"),
		chromedp.SendKeys(chromedp.CSS(`#reports textarea[name=body]`), "很有参考价值，请市发改委牵头研究吸收。"),
		chromedp.Submit(chromedp.CSS(`#reports form`)))
	b.WaitText("instructed", `#reports`, "请市发改委牵头研究吸收")
	b.Shot("review-result")
}
