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

// TestBrowserVolunteerPhone: on a phone (390 px), a member registers as a
// volunteer (picking the org), signs up for a post, is checked in and out
// by staff, and sees the hours on their page; nothing is wider than the
// screen.
func TestBrowserVolunteerPhone(t *testing.T) {
	ctx := webtest.Browser(t)
	vs := serveVolunteers(t, dbtest.OpenSQLite(t))
	bg := context.Background()
	_, u := vs.User(t, "zhangsan", access.Member, vs.City)
	vs.User(t, "staff", access.OrgStaff, vs.City)
	now := time.Now()
	p, err := vs.Store.CreateOpportunity(bg, volunteer.OpportunityInput{OrgID: vs.City.ID, Title: "全国科普日·科技馆讲解", Place: "攀枝花市科技馆",
		StartsAt: now, EndsAt: now.Add(4 * time.Hour), Slots: 5}, 0)
	if err != nil {
		t.Fatal(err)
	}
	b := webtest.NewTab(t, ctx, vs.URL, 20*time.Second)
	b.Run("phone", chromedp.EmulateViewport(390, 844))
	b.Login("zhangsan")
	b.Run("phone", chromedp.EmulateViewport(390, 844))
	b.Open("/volunteer", "#register")
	b.Run("fill", chromedp.SendKeys(chromedp.CSS(`#register input[name=name]`), "张三"),
		chromedp.SendKeys(chromedp.CSS(`#register input[name=id_number]`), idNumber(7)),
		chromedp.SendKeys(chromedp.CSS(`#register input[name=skills]`), "天文、科普讲解"))
	b.Run("pick the org", chromedp.SendKeys(chromedp.CSS(`#register input[name=org_id]`), "pzh"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
	b.Shot("volunteer-register")
	b.Run("register", chromedp.Click(chromedp.CSS(`#register button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`#summary`)))
	b.WaitText("registered", "#my-stars", "尚未获评星级")
	b.Open("/volunteer/opportunities", "#opportunities")
	b.Run("sign up", chromedp.Click(chromedp.CSS(`#opportunities form button`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("signed", "#opportunities", "已报名")
	wide(b, "opportunities")
	b.Shot("volunteer-opportunities")

	v, err := vs.Store.ByUser(bg, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := vs.Store.CheckIn(bg, p.ID, v.ID, access.Everywhere()); err != nil {
		t.Fatal(err)
	}
	vs.DB.Exec(bg, `UPDATE volunteer_signups SET checked_in_at = checked_in_at - ?`, int64(150*time.Minute/time.Millisecond))
	if _, err := vs.Store.CheckOut(bg, p.ID, v.ID, access.Everywhere(), 0); err != nil {
		t.Fatal(err)
	}
	b.Open("/volunteer", "#summary")
	b.WaitText("hours", "#my-hours", "2.5")
	b.WaitText("ledger", "#my-ledger", "签到签退")
	b.WaitText("signup done", "#my-signups", "已完成")
	wide(b, "my page")
	b.Shot("volunteer-me")

	// Staff see the volunteer and the post's roster, at phone width too.
	b.Logout()
	b.Login("staff")
	b.Run("phone", chromedp.EmulateViewport(390, 844))
	b.Open("/volunteers", "#volunteers")
	b.WaitText("listed", "#volunteers", "张三")
	wide(b, "staff list")
	b.Shot("volunteer-list")
	b.Open("/volunteers/opportunities/"+strconv.FormatInt(p.ID, 10), "#roster")
	b.WaitText("roster", "#roster", "已完成")
	wide(b, "roster")
	b.Shot("volunteer-roster")
}

// wide fails when the page is wider than the 390 px screen.
func wide(b *webtest.Tab, what string) {
	b.T.Helper()
	w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		b.Fail("width", err)
	}
	if w > 390 {
		b.T.Errorf("%s at 390 px is %d px wide", what, w)
	}
}
