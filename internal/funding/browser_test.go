package funding_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/funding"
	"kexie/internal/web/webtest"
)

// TestBrowserPerCapitaChart: the province's staff see per-capita funds by
// region as a bar chart beside the table, drawn within a phone's width.
func TestBrowserPerCapitaChart(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		ws.Start(funding.Module(funding.NewStore(d), ws.Orgs))
		c, _ := ws.User(t, "province", access.OrgStaff, ws.Root)
		for _, b := range []struct{ org, amount string }{{"PZH", "2472000"}, {"CZ", "4020000"}} {
			if res, body := c.Post("/funding/budgets", url.Values{"org_id": {b.org}, "year": {"2026"}, "item": {"全国科普日"}, "amount": {b.amount}}); res.StatusCode != 303 {
				t.Fatalf("budget: %d %s", res.StatusCode, body)
			}
		}
		if res, _ := c.Upload("/funding/population", url.Values{"year": {"2026"}}, "file", "p.csv",
			[]byte("地区代码,年份,常住人口\n510400,2026,1236000\n341100,2026,4020000\n")); res.StatusCode != 200 {
			t.Fatalf("population: %d", res.StatusCode)
		}
		ws.CreateUser(t, "viewer", access.OrgStaff, ws.Root)
		b := webtest.NewTab(t, webtest.Browser(t), ws.URL, 30*time.Second)
		b.Login("viewer")
		for _, w := range []int64{1280, 390} {
			b.Run("size", chromedp.EmulateViewport(w, 900))
			b.Open("/funding?year=2026", "#per-capita-chart[data-chart-ready] svg")
			bars, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll('#per-capita-chart svg path[fill="#b4232a"]').length`))
			if err != nil || bars != 2 {
				t.Errorf("at %d px: %d bars (%v), want 2", w, bars, err)
			}
			wide, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector('#per-capita-chart svg').getBoundingClientRect().right > document.documentElement.clientWidth`))
			if err != nil || wide {
				t.Errorf("at %d px the chart is wider than the page (%v)", w, err)
			}
		}
		b.Run("top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
		b.Shot("funding-per-capita")
	})
}
