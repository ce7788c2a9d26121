package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/web/webtest"
)

// On a phone: a signed-in member registers for an event, finds the ticket
// on their home under 我的活动票 (beside a waiting-list ticket with its
// place) and opens its QR code from there; the event page then shows the
// ticket instead of a second registration, and /my/tickets (the shelf's
// 查看全部) lists both and exports them.
func TestBrowserMyTickets(t *testing.T) {
	ctx := webtest.Browser(t)
	bg := context.Background()
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	start := time.Now().Add(48 * time.Hour).Truncate(time.Hour)
	e, err := ta.Events.Create(bg, event.Input{OrgID: ta.city.ID, Title: "科技活动周·机器人进社区", Kind: event.KindWeek, Capacity: 50,
		StartsAt: start, EndsAt: start.Add(2 * time.Hour), Place: "炳草岗街道社区活动中心"})
	if err != nil {
		t.Fatal(err)
	}
	full, err := ta.Events.Create(bg, event.Input{OrgID: ta.city.ID, Title: "院士讲科学：从钒钛到新材料", Kind: event.KindLecture, Capacity: 1,
		StartsAt: start.Add(72 * time.Hour), EndsAt: start.Add(74 * time.Hour), Place: "市科技馆报告厅"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Events.Register(bg, full.ID, "张三"); err != nil { // takes the only seat
		t.Fatal(err)
	}
	u, err := ta.Auth.CreateUser(bg, authInput("xiaoming"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.Events.RegisterAs(bg, full.ID, event.Registrant{Name: "王小明", UserID: u.ID}); err != nil {
		t.Fatal(err)
	}

	b := webtest.NewTab(t, ctx, ta.srv.URL, 30*time.Second)
	phone := func() { b.Run("phone size", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2))) }
	shot := func(name string) { b.Shot(name); phone() } // Shot resets the viewport
	fits := func(page string) {
		t.Helper()
		w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > 390 {
			t.Errorf("%s is %d px wide on a 390 px phone (%v)", page, w, err)
		}
	}
	b.Login("xiaoming")
	phone()

	b.Open(fmt.Sprintf("/e/%d", e.ID), `#register`)
	b.Run("register", chromedp.Clear(chromedp.CSS(`input[name=name]`)), chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "王小明"),
		chromedp.Sleep(3200*time.Millisecond), // a person takes longer than the bot check's floor
		chromedp.Click(chromedp.CSS(`#register`)), chromedp.WaitVisible(chromedp.CSS(`#ticket-qr`)))
	code := strings.TrimSpace(b.Text(`#ticket-code`))
	mine, ok, err := ta.Events.UserTicket(bg, e.ID, u.ID)
	if err != nil || !ok || mine.Code != code {
		t.Fatalf("the ticket %q is not the account's (%+v, %v, %v)", code, mine, ok, err)
	}

	// The home lists it, with the waiting-list ticket and its place.
	b.Open("/", `#mine-tickets`)
	got := b.Text(`#mine-tickets`)
	for _, want := range []string{"我的活动票", "科技活动周·机器人进社区", "已确认", "院士讲科学", "候补第 1 位"} {
		if !strings.Contains(got, want) {
			t.Errorf("the home's tickets lack %q: %q", want, got)
		}
	}
	if !strings.Contains(b.Text(`#mine-events`), "科技活动周") {
		t.Error("近期科普活动 is gone from the home")
	}
	fits("the home")
	shot("tickets-home")
	b.Run("open the ticket", chromedp.Click(chromedp.CSS(`#mine-tickets a[href="/t/`+code+`"]`)), chromedp.WaitVisible(chromedp.CSS(`#ticket-qr`)))

	// The event page shows the ticket rather than a second registration.
	b.Open(fmt.Sprintf("/e/%d", e.ID), `#already`)
	fits("the event page")
	shot("tickets-already")
	b.Run("from the event page", chromedp.Click(chromedp.CSS(`#my-ticket`)), chromedp.WaitVisible(chromedp.CSS(`#ticket-qr`)))

	// From the home's shelf to the whole list, and its export.
	b.Open("/", `#mine-tickets`)
	b.Run("to 我的活动票", chromedp.Click(chromedp.CSS(`#mine-tickets h2 a[href="/my/tickets"]`)), chromedp.WaitVisible(chromedp.CSS(`#my-tickets`)))
	if res, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`fetch(document.querySelector("#my-tickets-export").href).then(r => r.status + " " + r.headers.get("Content-Type"))`,
		chromedp.EvalAwaitPromise)); err != nil || !strings.HasPrefix(res, "200 ") || !strings.Contains(res, "spreadsheet") {
		t.Errorf("the export of 我的活动票 answers %q (%v)", res, err)
	}
	if got := b.Text(`#my-tickets`); !strings.Contains(got, "候补第 1 位") || strings.Index(got, "机器人进社区") > strings.Index(got, "院士讲科学") {
		t.Errorf("/my/tickets: %q, want the sooner event first", got)
	}
	fits("/my/tickets")
	shot("tickets-mine")

	// The same way on a desktop's screen.
	b.Run("desktop size", chromedp.EmulateViewport(1280, 900))
	b.Open("/", `#mine-tickets`)
	b.Run("to 我的活动票 (desktop)", chromedp.Click(chromedp.CSS(`#mine-tickets h2 a[href="/my/tickets"]`)), chromedp.WaitVisible(chromedp.CSS(`#my-tickets`)))
	if w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > 1280 {
		t.Errorf("/my/tickets is %d px wide on a 1,280 px screen (%v)", w, err)
	}
	if got := b.Text(`#my-tickets thead`); !strings.Contains(got, "报名时间") {
		t.Errorf("the desktop list lacks the date taken: %q", got)
	}
}
