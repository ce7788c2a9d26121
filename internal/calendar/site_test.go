package calendar_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

func post(c *webtest.Client, path string, f url.Values) (int, string) {
	c.T.Helper()
	res, body := c.Post(path, f)
	if res.StatusCode == 303 {
		res, body = c.Get(res.Header.Get("Location"))
	}
	return res.StatusCode, body
}

// TestCalendarPage: a system administrator enters 2027's 春节 and a
// make-up working day on the admin page (both databases); bad input is
// refused at its field with nothing saved; working days count the
// entries at once; an entry is removed; every change is audited; an org
// administrator cannot open the page.
func TestCalendarPage(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ws := webtest.New(t, d)
		ws.Start(calendar.Module(d))
		admin, _ := ws.User(t, "admin", access.SysAdmin, ws.Root)
		orgAdmin, _ := ws.User(t, "orgadmin", access.OrgAdmin, ws.City)
		if res, _ := orgAdmin.Get("/admin/calendar"); res.StatusCode != 403 {
			t.Errorf("an org administrator opened the calendar: %d", res.StatusCode)
		}
		res, body := admin.Get("/admin/calendar?year=2026")
		if res.StatusCode != 200 || !strings.Contains(body, "国庆节调休") || !strings.Contains(body, "系统内置") {
			t.Fatalf("2026: %d", res.StatusCode)
		}
		source := "国务院办公厅关于2027年部分节假日安排的通知"
		for _, bad := range []url.Values{
			{"from": {"2027-02-12"}, "to": {"2027-02-06"}, "kind": {"holiday"}, "name": {"春节"}},
			{"from": {"2027-01-01"}, "to": {"2027-03-01"}, "kind": {"holiday"}, "name": {"春节"}},
			{"from": {"2027-02-06"}, "kind": {"vacation"}, "name": {"春节"}},
			{"from": {"2027-02-06"}, "kind": {"holiday"}, "name": {""}},
			{"from": {"二月"}, "kind": {"holiday"}, "name": {"春节"}},
		} {
			if code, body := post(admin, "/admin/calendar", bad); code != 422 || !strings.Contains(body, `class="err"`) {
				t.Errorf("%v: %d", bad, code)
			}
		}
		if days, _ := calendar.Year(context.Background(), d, 2027); len(days) != 0 {
			t.Fatalf("refused input saved %d days", len(days))
		}
		code, body := post(admin, "/admin/calendar", url.Values{"from": {"2027-02-06"}, "to": {"2027-02-12"}, "kind": {"holiday"}, "name": {"春节"}, "source": {source}})
		if code != 200 || !strings.Contains(body, "已录入 7 天") || !strings.Contains(body, "2027-02-12") {
			t.Fatalf("春节: %d", code)
		}
		code, body = post(admin, "/admin/calendar", url.Values{"from": {"2027-02-14"}, "kind": {"workday"}, "name": {"春节调休"}, "source": {source}})
		if code != 200 || !strings.Contains(body, "调休上班") {
			t.Fatalf("make-up day: %d", code)
		}
		src := calendar.Source{DB: d}
		from := time.Date(2027, 2, 5, 9, 0, 0, 0, calendar.Beijing) // a Friday before the holiday
		end, err := src.AddWorkdays(context.Background(), from, 3)
		if err != nil || end.In(calendar.Beijing).Format("2006-01-02") != "2027-02-16" { // Fri 5th, Sun 14th (make-up), Mon 15th
			t.Errorf("three working days from 2-5 end %v %v", end, err)
		}
		code, body = post(admin, "/admin/calendar/remove", url.Values{"day": {"2027-02-14"}})
		if code != 200 || !strings.Contains(body, "已删除 2027-02-14") || strings.Contains(body, `id="day-2027-02-14"`) {
			t.Errorf("remove: %d", code)
		}
		if code, _ := post(admin, "/admin/calendar/remove", url.Values{"day": {"2026-10-01"}}); code != 200 {
			t.Errorf("removing a shipped day: %d", code)
		}
		res, _ = admin.Get("/admin/calendar?year=2027&format=xlsx")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Errorf("export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		recs, _, err := audit.List(context.Background(), d, audit.Filter{Scope: access.Everywhere(), Action: "calendar.", Limit: 10})
		if err != nil || len(recs) != 3 {
			t.Errorf("audited %d calendar changes: %v", len(recs), err)
		}
	})
}

// TestBrowserCalendar enters a holiday in Chromium and looks at the page.
func TestBrowserCalendar(t *testing.T) {
	ctx := webtest.Browser(t)
	d := dbtest.OpenSQLite(t)
	ws := webtest.New(t, d)
	ws.Start(calendar.Module(d))
	bg := context.Background()
	u := ws.CreateUser(t, "sys", access.SysAdmin, ws.Root)
	secret, _, err := ws.Auth.BeginTOTP(bg, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := totp.GenerateCode(secret, ws.Clock.Now())
	if _, err := ws.Auth.EnableTOTP(bg, u.ID, code); err != nil {
		t.Fatal(err)
	}
	ws.Clock.Tick()
	code, _ = totp.GenerateCode(secret, ws.Clock.Now())
	b := webtest.NewTab(t, ctx, ws.URL, 20*time.Second)
	b.Run("sign in", chromedp.Navigate(ws.URL+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "sys"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), webtest.Password),
		chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), code),
		chromedp.Submit(chromedp.CSS(`input[name=code]`)), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))
	b.Open("/admin/calendar?year=2027", "#add-days")
	b.Run("enter", chromedp.SetValue(chromedp.CSS(`input[name=from]`), "2027-10-01"), chromedp.SetValue(chromedp.CSS(`input[name=to]`), "2027-10-07"),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "国庆节"),
		chromedp.SendKeys(chromedp.CSS(`input[name=source]`), "国务院办公厅关于2027年部分节假日安排的通知"),
		chromedp.Submit(chromedp.CSS(`#add-days`)))
	b.WaitText("saved", `.flash`, "已录入 7 天")
	b.WaitText("listed", `#days`, "2027-10-07")
	b.Shot("calendar-admin")
}
