package volunteer_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
	"kexie/internal/web/webtest"
)

// TestBrowserCorrection: staff at 1,280 px file an hours correction on a
// volunteer's page; another staff member at 390 px approves it; the
// volunteer at 390 px sees it with its reason. Nothing is wider than the
// screen at either width.
func TestBrowserCorrection(t *testing.T) {
	ctx := webtest.Browser(t)
	vs := serveVolunteers(t, dbtest.OpenSQLite(t))
	bg := context.Background()
	_, u := vs.User(t, "zhangsan", access.Member, vs.City)
	vs.User(t, "staff", access.OrgStaff, vs.City)
	vs.User(t, "second", access.OrgStaff, vs.City)
	v, err := vs.Store.Register(bg, volunteer.Input{OrgID: vs.City.ID, UserID: u.ID, Name: "张三", IDNumber: idNumber(9)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	p, _ := vs.Store.CreateOpportunity(bg, volunteer.OpportunityInput{OrgID: vs.City.ID, Title: "全国科普日·科技馆讲解", StartsAt: now, EndsAt: now.Add(5 * time.Hour), Slots: 2}, 0)
	vs.Store.SignUp(bg, p.ID, v.ID)
	vs.Store.CheckIn(bg, p.ID, v.ID, access.Everywhere())
	vs.DB.Exec(bg, `UPDATE volunteer_signups SET checked_in_at = checked_in_at - ?`, int64(4*time.Hour/time.Millisecond))
	if _, err := vs.Store.CheckOut(bg, p.ID, v.ID, access.Everywhere(), 0); err != nil {
		t.Fatal(err)
	}
	page := "/volunteers/" + strconv.FormatInt(v.ID, 10)
	reason := "签退时忘记操作，次日补签多记了 1.5 小时"

	b := webtest.NewTab(t, ctx, vs.URL, 20*time.Second)
	desk := chromedp.EmulateViewport(1280, 900)
	phone := chromedp.EmulateViewport(390, 844)
	b.Run("desktop", desk)
	b.Login("staff")
	b.Run("desktop", desk)
	b.Open(page, "#correct-form")
	// Over 24 hours: refused with the limit named, nothing filed.
	b.Run("too much", chromedp.SetValue(chromedp.CSS(`#correct-form input[name=hours]`), "30"),
		chromedp.SendKeys(chromedp.CSS(`#correct-form input[name=reason]`), reason),
		chromedp.Submit(chromedp.CSS(`#correct-form`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("refused", ".flash", "一次更正不能超过 24 小时")
	b.Run("fill", chromedp.SetValue(chromedp.CSS(`#correct-form input[name=hours]`), "-1.5"),
		chromedp.SendKeys(chromedp.CSS(`#correct-form input[name=reason]`), reason),
		chromedp.Click(chromedp.CSS(`#correct-form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`#fixes`)))
	b.WaitText("filed", "#fixes", "由你提交，待他人审核")
	widthAt(b, "staff page", 1280)
	b.Shot("volunteer-correction-filed")

	b.Logout()
	b.Login("second")
	b.Run("phone", phone)
	b.Open(page, "#fixes")
	widthAt(b, "approver's page", 390)
	b.Run("approve", chromedp.Click(chromedp.CSS(`#fixes button[value=approve]`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("approved", "#fixes", "已记入")
	b.WaitText("in the ledger", "#ledger", reason)
	b.WaitText("hours", "#summary", "2.5")
	widthAt(b, "approved page", 390)
	b.Shot("volunteer-correction-approved")

	b.Logout()
	b.Login("zhangsan")
	b.Run("phone", phone)
	b.Open("/volunteer", "#my-ledger")
	b.WaitText("volunteer sees it", "#my-ledger", reason)
	b.WaitText("volunteer's hours", "#my-hours", "2.5")
	widthAt(b, "volunteer's page", 390)
	b.Shot("volunteer-correction-mine")
	if rep, err := vs.Store.VerifyLedger(bg); err != nil || !rep.OK() || rep.Checked != 2 {
		t.Fatalf("verify = %+v, %v", rep, err)
	}
}

// widthAt fails when the page is wider than a screen of px.
func widthAt(b *webtest.Tab, what string, px int) {
	b.T.Helper()
	w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		b.Fail("width", err)
	}
	if w > px {
		b.T.Errorf("%s at %d px is %d px wide", what, px, w)
	}
}
