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

func gradingCall(t testing.TB, rs reviewSite) review.Call {
	t.Helper()
	bg := context.Background()
	c, err := rs.Store.CreateCall(bg, review.CallInput{OrgID: rs.City.ID, Title: "2026年度市级学会等级评估", Kind: "grading", ApplicantKind: review.Unit,
		OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(20 * 24 * time.Hour),
		Form:   review.Schema{Fields: []review.Field{{Key: "report", Label: "自评报告", Type: review.LongText, Required: true}}},
		Stages: []review.StageInput{{Kind: review.StageFormal, Name: "材料审核"}}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := rs.Store.Publish(bg, c.ID); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestUnitApplySite: a call whose applicants are units, through its pages
// on both databases. One staff member of the 学会 picks it as the applying
// unit and saves a draft, another of its staff finds the draft on their
// list, finishes and submits it; a member with no staff role, and staff of
// another unit, cannot open it.
func TestUnitApplySite(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		rs := serveReview(t, d)
		c := gradingCall(t, rs)
		cid := strconv.FormatInt(c.ID, 10)
		one, _ := rs.User(t, "xuehui1", access.OrgStaff, rs.Soc)
		two, _ := rs.User(t, "xuehui2", access.OrgStaff, rs.Soc)
		member, _ := rs.User(t, "member", access.Member, rs.Soc)
		other, _ := rs.User(t, "other", access.OrgStaff, rs.Peer)

		res, body := one.Get("/calls/" + cid + "/apply")
		must(t, "unit picker", res, body, 200, `id="pick-unit"`, `data-orgpick="review.unit"`)
		res, body = member.Get("/calls/" + cid + "/apply?unit=" + rs.Soc.Code)
		must(t, "a member", res, body, 200, "您不是该单位的工作人员")
		res, body = other.Get("/calls/" + cid + "/apply?unit=" + rs.Soc.Code)
		must(t, "another unit's staff", res, body, 200, "您不是该单位的工作人员")
		res, body = one.Get("/calls/" + cid + "/apply?unit=" + rs.Soc.Code)
		must(t, "apply form", res, body, 200, `id="applying-unit"`, "攀枝花市金属学会", `name="unit_id"`)
		unit := strconv.FormatInt(rs.Soc.ID, 10)
		res, body = post(one, "/calls/"+cid+"/apply", url.Values{"unit_id": {unit}, "title": {"金属学会自评"}, "action": {"save"}})
		must(t, "draft", res, body, 200, "草稿已保存")
		// Posted for a unit they do not act for, nothing is saved.
		res, body = post(other, "/calls/"+cid+"/apply", url.Values{"unit_id": {unit}, "title": {"冒名"}, "action": {"save"}})
		must(t, "another unit's post", res, body, 422)

		res, body = two.Get("/review/mine")
		must(t, "the other staff member's list", res, body, 200, "2026年度市级学会等级评估", "?unit="+unit)
		res, body = two.Get("/calls/" + cid + "/apply?unit=" + unit)
		must(t, "draft kept", res, body, 200, `value="金属学会自评"`)
		res, body = post(two, "/calls/"+cid+"/apply", url.Values{"unit_id": {unit}, "title": {"金属学会自评"}, "action": {"submit"},
			"f.report": {"学会组织健全，年度开展学术活动十二场。"}})
		must(t, "submit", res, body, 200, "申报已提交")
		a, err := rs.Store.UnitApplication(context.Background(), c.ID, rs.Soc.ID, access.Subtrees(rs.Soc.Path))
		if err != nil || a.Status != review.AppInStage || a.Title != "金属学会自评" || a.Name != "攀枝花市金属学会" {
			t.Errorf("after submit: %+v %v", a, err)
		}
		res, body = one.Get("/review/mine")
		must(t, "the first staff member's list", res, body, 200, "?unit="+unit)
		if res, body = member.Get("/review/mine"); strings.Contains(body, "金属学会自评") {
			t.Error("a member with no staff role sees the unit's application")
		}
	})
}

// TestBrowserUnitApply picks the applying unit with the org picker.
func TestBrowserUnitApply(t *testing.T) {
	ctx := webtest.Browser(t)
	rs := serveReview(t, dbtest.OpenSQLite(t))
	c := gradingCall(t, rs)
	rs.User(t, "xuehui", access.OrgStaff, rs.Soc)
	b := webtest.NewTab(t, ctx, rs.URL, 20*time.Second)
	b.Login("xuehui")
	b.Open("/calls/"+strconv.FormatInt(c.ID, 10)+"/apply", "#pick-unit")
	b.Run("pick", chromedp.SendKeys(chromedp.CSS(`input[name=unit]`), "金属"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="金属"] button[data-pick="`+rs.Soc.Code+`"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="`+rs.Soc.Code+`"]`)))
	if got := b.Value(`input[name=unit]`); got != rs.Soc.Code {
		t.Errorf("the picker put %q in the field", got)
	}
	b.Run("next", chromedp.Submit(chromedp.CSS(`#pick-unit`)), chromedp.WaitVisible(chromedp.CSS(`#applying-unit`)))
	b.Run("fill", chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "金属学会自评"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name="f.report"]`), "学会组织健全，年度开展学术活动十二场。"))
	b.Shot("review-unit-apply")
	b.Run("submit", chromedp.Click(chromedp.CSS(`#submit-app`)), chromedp.WaitVisible(chromedp.CSS(`#my-apps`)))
	b.WaitText("listed", `#my-apps`, "攀枝花市金属学会")
}
