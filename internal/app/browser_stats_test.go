package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/stats"
	"kexie/internal/web/webtest"
)

// A county's 统计年报 returned by the city is on the county filer's home
// with the reason (at 1,280 and 390 px, no wider than the phone), and its
// link opens the form with the reason and the form editable again.
func TestBrowserStatsReturnedTodo(t *testing.T) {
	ctx := webtest.Browser(t)
	bg := context.Background()
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	county, err := ta.Orgs.Create(bg, org.Input{ParentID: ta.city.ID, Code: "RETCTY", Name: "东区科协", Type: org.TypeCounty})
	must(t, err)
	_, fu := ta.user(t, "retfiler", access.OrgStaff, county)
	year := ta.Stats.CurrentYear()
	in := stats.Input{Raw: map[string]string{}}
	for _, ind := range stats.Current.Indicators() {
		in.Raw[ind.Code] = "0"
	}
	_, err = ta.Stats.Submit(bg, county.ID, year, in, stats.Actor{UserID: fu.ID, Name: "填报人"})
	must(t, err)
	must(t, ta.Stats.Return(bg, county.ID, year, "科普经费支出与财务决算不一致，请核对后重报。", stats.Actor{UserID: 1, Name: "市科协审核人"}))

	b := webtest.NewTab(t, ctx, ta.srv.URL, 30*time.Second)
	b.Login("retfiler")
	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Open("/", `#todo`)
	want := fmt.Sprintf("东区科协 %d：统计年报被退回（科普经费支出与财务决算不一致，请核对后重报。）", year)
	if got := b.Text(`#todo`); !strings.Contains(got, "统计年报被退回") || !strings.Contains(got, want) {
		t.Errorf("the to-do card: %q", got)
	}
	b.Shot("stats-home-returned")
	b.Run("phone", chromedp.EmulateViewport(390, 844))
	b.Open("/", `#todo`)
	if w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > 390 {
		t.Errorf("the home is %d px wide on a 390 px phone (%v)", w, err)
	}
	b.Run("open it", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#todo a[href="/stats/orgs/%d/%d"]`, county.ID, year))),
		chromedp.WaitVisible(chromedp.CSS(`#return-reason`)))
	b.WaitText("the reason", "#return-reason", "科普经费支出与财务决算不一致")
	b.WaitText("returned", "#form-status", "已退回")
	if _, err := chromedp.Run(b.Ctx, chromedp.WaitVisible(chromedp.CSS(`#stats-form`))); err != nil {
		b.Fail("editable", err)
	}
}
