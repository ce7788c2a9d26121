package dashboard_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserDashboard: the root's staff read 数据总览 at a
// desktop's width — the change chart drawn, each area a table — picks a
// city by name, then compares the cities on one quantity; on a phone
// (390 px) both pages fit the screen and the rows are cards.
func TestBrowserDashboard(t *testing.T) {
	ctx := webtest.Browser(t)
	s := serve(t, dbtest.OpenSQLite(t))
	s.CreateUser(t, "leader", access.OrgStaff, s.Root) // staff: an administrator must first enrol a second factor
	b := webtest.NewTab(t, ctx, s.URL, 30*time.Second)
	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	// Sign in straight to the page: this test site has no home page.
	b.Run("sign in", chromedp.Navigate(b.Base+"/login?next=/dashboard"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "leader"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), webtest.Password),
		chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`#group-event`)))
	b.Run("chart drawn", chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready]`)))
	if got := b.Text("#group-event"); !strings.Contains(got, "247") { // 17 in 攀枝花 and 230 in 滁州
		t.Errorf("the root's overview: %q", got)
	}
	b.Shot("dashboard")
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector("form.filters .orgpick input[type=text]").value = ""`)); err != nil {
		b.Fail("clear the org field", err)
	}
	b.Run("pick a city", chromedp.SendKeys(chromedp.CSS(`form.filters .orgpick input[type=text]`), "攀枝花市科学"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)),
		chromedp.Click(chromedp.CSS(`form.filters button.primary`)))
	// Wait for the city's page, not the span the page before also has.
	b.WaitText("the city's page", "#dashboard-span", "攀枝花市科学技术协会及下级组织")
	if got := b.Text("#group-event"); !strings.Contains(got, "17") || strings.Contains(got, "247") {
		t.Errorf("the city's overview: %q", got)
	}
	// The picked org's path under its field does not push the 年度 select
	// and the button below the org's input.
	if off, err := chromedp.Run(b.Ctx, chromedp.Evaluate[float64](`(() => { const f = document.querySelector('form.filters'), b = e => e.getBoundingClientRect().bottom;
 return Math.max(Math.abs(b(f.querySelector('select[name=year]')) - b(f.querySelector('.orgpick input[type=text]'))), Math.abs(b(f.querySelector('button.primary')) - b(f.querySelector('.orgpick input[type=text]')))) })()`)); err != nil || off > 2 {
		t.Errorf("the filters' fields are %v px out of line (%v)", off, err)
	}
	b.Open("/dashboard/compare?key=event.held", "#compare-table")
	b.Run("chart drawn", chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready]`)))
	rows := b.Text("#compare-table tbody")
	if i, j := strings.Index(rows, "滁州"), strings.Index(rows, "攀枝花"); i < 0 || j < 0 || i > j {
		t.Errorf("compare, largest first: %q", rows)
	}
	b.Shot("dashboard-compare")

	b.Run("phone", chromedp.EmulateViewport(390, 844))
	for _, page := range []string{"/dashboard", "/dashboard/compare?key=event.held"} {
		b.Open(page, "main")
		b.Run("settle", chromedp.Sleep(300*time.Millisecond))
		w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			b.Fail("width", err)
		}
		if w > 390 {
			t.Errorf("%s at 390 px is %d px wide", page, w)
		}
	}
}
