package dashboard_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/dashboard"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// TestNoChange: a rate with nothing to measure it over (measure.NoBase) is
// a year with no data — shown as —, with no change and the reason, never
// 0 % nor −100 %; a rate of 0 % is a figure like any other; a 0 last year,
// of a rate or a count, is a 0 but no base for a change; a failed row says
// neither.
func TestNoChange(t *testing.T) {
	share, count := measure.Source{Kind: measure.Share, Unit: "%"}, measure.Source{Kind: measure.Count, Unit: "次"}
	none := measure.NoBase
	for _, tt := range []struct {
		name                     string
		row                      dashboard.Row
		now, before, change, why string
	}{
		{"a rate both years", dashboard.Row{Source: share, Now: 60, Before: 50}, "60", "50", "+20.0%", ""},
		{"a rate with no data last year", dashboard.Row{Source: share, Now: 62.5, Before: none}, "62.5", "—", "—", "dashboard.why.no_last"},
		{"a rate with no data this year", dashboard.Row{Source: share, Now: none, Before: 50}, "—", "50", "—", "dashboard.why.no_now"},
		{"a rate with no data either year", dashboard.Row{Source: share, Now: none, Before: none}, "—", "—", "—", "dashboard.why.no_last"},
		{"a rate fallen to 0 %", dashboard.Row{Source: share, Now: 0, Before: 50}, "0", "50", "-100.0%", ""},
		{"a rate from 0 %", dashboard.Row{Source: share, Now: 30, Before: 0}, "30", "0", "—", "dashboard.why.zero_last"},
		{"a count from 0", dashboard.Row{Source: count, Now: 5}, "5", "0", "—", "dashboard.why.zero_last"},
		{"a count to 0", dashboard.Row{Source: count, Before: 4}, "0", "4", "-100.0%", ""},
		{"failed", dashboard.Row{Source: share, Failed: true}, "—", "—", "—", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.row
			if got := [4]string{r.NowText(), r.BeforeText(), r.ChangeText(), r.NoChange()}; got != [4]string{tt.now, tt.before, tt.change, tt.why} {
				t.Errorf("now, before, change, why = %q, want %q", got, [4]string{tt.now, tt.before, tt.change, tt.why})
			}
			if _, ok := r.Change(); ok != (tt.why == "" && !r.Failed) {
				t.Errorf("Change reports %v", ok)
			}
			p := dashboard.Part{Kind: r.Source.Kind, Now: r.Now, Before: r.Before}
			if !r.Failed && (p.NowText() != tt.now || p.BeforeText() != tt.before || p.ChangeText() != tt.change || p.NoChange() != tt.why) {
				t.Errorf("a part shows %q %q %q %q", p.NowText(), p.BeforeText(), p.ChangeText(), p.NoChange())
			}
		})
	}
}

// serveNoBase starts the module over a rate (62.5 % this year, no data
// last year) and a count (5 this year, 0 last year) of every org.
func serveNoBase(t *testing.T, d *db.DB) *webtest.Site {
	t.Helper()
	ws := webtest.New(t, d)
	start := time.Date(time.Now().Year(), 1, 1, 0, 0, 0, 0, dashboard.Zone)
	thisYear := func(v, last float64) measure.Func {
		return func(_ context.Context, s access.Scope, p measure.Period) (float64, error) {
			if s.None() {
				return 0, nil
			}
			if p.To.Before(start) {
				return last, nil
			}
			return v, nil
		}
	}
	reg, err := measure.NewRegistry([]measure.Source{
		{Key: "stats.filed_rate", Label: "dashboard.module.stats", Unit: "%", Kind: measure.Share, AsOf: true, Value: thisYear(62.5, measure.NoBase)},
		{Key: "event.held", Label: "dashboard.module.event", Unit: "次", Kind: measure.Count, Value: thisYear(5, 0)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ws.Start(dashboard.Module(reg, ws.Orgs))
	if _, err := ws.Orgs.Create(t.Context(), org.Input{ParentID: ws.City.ID, Code: "PZHDQ", Name: "攀枝花市东区科学技术协会", Type: org.TypeCounty}); err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestSiteNoBase: on 数据总览, 下级对比 and their exports a rate with no
// data last year shows — and 上年同期无数据 (no data last year in English),
// never 0 %; a count from 0 says it had no base.
func TestSiteNoBase(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := serveNoBase(t, d)
		staff, _ := ws.User(t, "pzhstaff", access.OrgStaff, ws.City)
		res, body := staff.Get("/dashboard")
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "<strong>62.5</strong>") || !strings.Contains(body, "上年同期无数据") ||
			!strings.Contains(body, "上年同期为 0，无从比较") {
			t.Fatalf("the overview: %d\n%.4000s", res.StatusCode, body[strings.Index(body, "<main"):])
		}
		if strings.Contains(body, `0 <span class="small muted">%</span>`) || strings.Contains(body, "data-chart") {
			t.Error("a rate with no data last year shows 0 %, or a change is charted")
		}
		rows := staff.XLSX("/dashboard?format=xlsx")
		if len(rows) != 3 || rows[1][3] != "62.5" || rows[1][4] != "—" || rows[1][5] != "—（上年同期无数据）" || rows[2][4] != "0" || rows[2][5] != "—（上年同期为 0，无从比较）" {
			t.Errorf("export: %q", rows)
		}
		_, body = staff.Get("/dashboard/compare?key=stats.filed_rate&org=" + ws.City.Code)
		if !strings.Contains(body, "上年同期无数据") || strings.Contains(body, `0 <span class="small muted">%</span>`) {
			t.Errorf("the comparison gives no reason:\n%.3000s", body[strings.Index(body, "<main"):])
		}
		if _, body := staff.Get("/dashboard?lang=en"); !strings.Contains(body, "no data last year") {
			t.Error("the English overview gives no reason")
		}
	})
}

// TestBrowserNoBase: at a desktop's width (1,280 px) and on a phone
// (390 px) a rate with no data last year reads — with 上年同期无数据 beside
// its change, and the page fits the phone.
func TestBrowserNoBase(t *testing.T) {
	ctx := webtest.Browser(t)
	s := serveNoBase(t, dbtest.OpenSQLite(t))
	s.CreateUser(t, "pzhstaff", access.OrgStaff, s.City)
	b := webtest.NewTab(t, ctx, s.URL, 30*time.Second)
	b.Run("sign in", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(b.Base+"/login?next=/dashboard"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "pzhstaff"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), webtest.Password),
		chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`#group-stats`)))
	for _, size := range []struct {
		name string
		w, h int64
	}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
		b.Run(size.name, chromedp.EmulateViewport(size.w, size.h))
		b.Open("/dashboard", "#group-stats")
		if got := b.Text("#group-stats tbody"); !strings.Contains(got, "62.5") || !strings.Contains(got, "—") || !strings.Contains(got, "上年同期无数据") || strings.Contains(got, "0 %") {
			t.Errorf("%s: the rate's row reads %q", size.name, got)
		}
		if got := b.Text("#group-event tbody"); !strings.Contains(got, "上年同期为 0，无从比较") {
			t.Errorf("%s: the count's row reads %q", size.name, got)
		}
		w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > int(size.w) {
			t.Errorf("%s: the page is %d px wide (%v)", size.name, w, err)
		}
	}
	b.Shot("dashboard-no-base")
}
