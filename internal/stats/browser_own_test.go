package stats_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/stats"
	"kexie/internal/web/webtest"
)

// TestBrowserOwnForm: a province clerk who is also on the city's staff
// opens the city's submitted form and reads why they may not review it, at
// a desktop's width and a phone's (no wider than the phone); the clerk who
// filed the approved form is told the same instead of being offered the
// reopening.
func TestBrowserOwnForm(t *testing.T) {
	ctx := webtest.Browser(t)
	d := dbtest.OpenSQLite(t)
	s := serve(t, d)
	bg := context.Background()
	year := s.Store.CurrentYear()
	both := s.CreateUser(t, "jianren", access.OrgStaff, s.Root)
	must(t, s.Auth.Grant(bg, both.ID, s.City.ID, access.OrgStaff, 0))
	filed := s.CreateUser(t, "provclerk", access.OrgStaff, s.Root)
	_, err := s.Store.Submit(bg, s.City.ID, year, full(), stats.Actor{UserID: 900, Name: "市填报人"})
	must(t, err)
	_, err = s.Store.Submit(bg, s.City.ID, year-1, full(), stats.Actor{UserID: filed.ID, Name: "provclerk"})
	must(t, err)
	must(t, s.Store.Approve(bg, s.City.ID, year-1, stats.Actor{UserID: 901, Name: "省审核人"}))
	b := webtest.NewTab(t, ctx, s.URL, 30*time.Second)

	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("jianren")
	b.Open(fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year), "#review")
	if got := b.Text("#review"); !strings.Contains(got, "您是该单位（或其下级单位）的工作人员，不能审核、退回或重新打开它的年报") {
		t.Errorf("the review card: %q", got)
	}
	if n, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("#approve, #return").length`)); n != 0 {
		t.Errorf("%d review buttons offered to the city's own staff", n)
	}
	b.Run("phone", chromedp.EmulateViewport(390, 844))
	narrow(b, "the form with the staff's message")
	b.Shot("stats-own-staff")
	b.Logout()

	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("provclerk")
	b.Open(fmt.Sprintf("/stats/orgs/%d/%d", s.City.ID, year-1), "#own-form")
	if got := b.Text("#own-form"); !strings.Contains(got, "您填报或修改过这份年报，不能审核、退回或重新打开") {
		t.Errorf("the filer's message: %q", got)
	}
	if n, _ := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("#reopen").length`)); n != 0 {
		t.Error("the filer is offered the reopening")
	}
	b.Shot("stats-own-approved")
}
