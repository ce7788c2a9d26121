package funding_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
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

// TestBrowserBudgetCorrection: city staff correct an entry on the entries
// list as a clerk does, at a desktop's and a phone's width: the 更正 form
// opens in place, a missing reason is said beside its field with the
// amount kept, and a filed correction strikes the old amount through and
// names it on the new entry.
func TestBrowserBudgetCorrection(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		ws.Start(funding.Module(funding.NewStore(d), ws.Orgs))
		fs := funding.NewStore(d)
		c, _ := ws.User(t, "clerk", access.OrgStaff, ws.City)
		city := access.Subtrees(ws.City.Path)
		for i, w := range []int64{1280, 390} {
			item := []string{"全国科普日", "科技活动周"}[i]
			if res, body := c.Post("/funding/budgets", url.Values{"org_id": {"PZH"}, "year": {"2026"}, "item": {item}, "amount": {"1236000"}}); res.StatusCode != 303 {
				t.Fatalf("budget: %d %s", res.StatusCode, body)
			}
			newest, _, err := fs.Budgets(context.Background(), funding.BudgetFilter{Scope: city, Year: 2026, Sort: "-created", Limit: 1})
			if err != nil || len(newest) != 1 || newest[0].Item != item {
				t.Fatalf("the entry just recorded: %+v %v", newest, err)
			}
			b := webtest.NewTab(t, webtest.Browser(t), ws.URL, 30*time.Second)
			b.Login("clerk")
			b.Run("size", chromedp.EmulateViewport(w, 900))
			b.Open("/funding/budgets?year=2026&sort=-created", "#budgets")
			row := fmt.Sprintf("#budget-%d", newest[0].ID) // the entry this pass corrects, not the last pass's
			b.Run("open the form", chromedp.Click(chromedp.CSS(row+` details summary`)), chromedp.WaitVisible(chromedp.CSS(row+` input[name=amount]`)))
			b.Run("no reason", chromedp.SendKeys(chromedp.CSS(row+` input[name=amount]`), "618000"),
				chromedp.Evaluate[chromedp.Void](`document.querySelector('`+row+` input[name=reason]').removeAttribute('required')`),
				chromedp.Click(chromedp.CSS(row+` form button`)), chromedp.WaitVisible(chromedp.CSS(row+` details[open] .field.invalid .err`)))
			if got := b.Value(row + ` details[open] input[name=amount]`); got != "618000" {
				t.Errorf("at %d px the amount typed is lost after the error: %q", w, got)
			}
			if got := b.Text(row + ` details[open] .field.invalid .err`); !strings.Contains(got, "更正原因") {
				t.Errorf("at %d px the reason's field says %q", w, got)
			}
			b.Run("with a reason", chromedp.SendKeys(chromedp.CSS(row+` details[open] input[name=reason]`), "误将全年预算录为半年"),
				chromedp.Click(chromedp.CSS(row+` details[open] form button`)), chromedp.WaitVisible(chromedp.CSS(row+`.superseded`)))
			if got := b.Text(row + ` s`); got != "1,236,000.00" {
				t.Errorf("at %d px the corrected amount shows %q, want it struck through", w, got)
			}
			if got := b.Text(`#budgets`); !strings.Contains(got, "618,000.00") || !strings.Contains(got, "误将全年预算录为半年") || !strings.Contains(got, "更正原金额 1,236,000.00") {
				t.Errorf("at %d px the list lacks the new amount or its reason: %q", w, got)
			}
			wide, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector('#budgets').getBoundingClientRect().right > document.documentElement.clientWidth + 1`))
			if err != nil || wide {
				t.Errorf("at %d px the list is wider than the page (%v)", w, err)
			}
			if i == 1 {
				b.Shot("funding-budget-corrected") // both sizes, two corrections listed
			}
		}
	})
}
