package event_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
)

// TestBrowserMyTickets: at a desktop's and a phone's width a member opens
// their tickets, filters them by status, sorts them by the date taken,
// clears a filter that matched nothing from its message, and downloads the
// export — the page never wider than the screen. With KEXIE_SCREENSHOTS
// the list, the filtered list and the empty filter are saved at both widths.
func TestBrowserMyTickets(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		u := es.CreateUser(t, "reader_a", access.Member, es.City)
		m := makeMemberTickets(t, es, u.ID)
		other := es.CreateUser(t, "reader_b", access.Member, es.City)
		theirs := makeMemberTickets(t, es, other.ID)
		b := es.Tab(t, 30*time.Second)
		b.Login("reader_a")
		rows := func() int {
			n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("#my-tickets tbody tr").length`))
			if err != nil {
				b.Fail("count rows", err)
			}
			return n
		}
		for _, size := range []struct {
			name          string
			width, height int64
		}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
			view := func() {
				b.Run(size.name+" size", chromedp.EmulateViewport(size.width, size.height, chromedp.EmulateScale(2)))
			}
			fits := func(page string) {
				t.Helper()
				w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
				if err != nil || int64(w) > size.width {
					t.Errorf("%s: %s is %d px wide on a %d px screen (%v)", size.name, page, w, size.width, err)
				}
			}
			view()
			b.Open("/my/tickets", `#my-tickets`)
			if n := rows(); n != 4 || strings.Contains(b.Text(`#my-tickets`), theirs.Active.Code) {
				t.Errorf("%s: %d rows, want the account's 4", size.name, n)
			}
			fits("the list")
			if size.name == "desktop" {
				b.Shot("event-my-tickets")
				view()
			}

			// Filter by status.
			b.Run("filter 已签到", chromedp.SetValue(chromedp.CSS(`select[name=state]`), "checked_in"),
				chromedp.Click(chromedp.CSS(`#my-tickets-filters button.primary`)))
			b.WaitText("filtered", `.pagehead + p + form + p`, "共 1 条")
			if got := b.Text(`#my-tickets`); rows() != 1 || !strings.Contains(got, "防灾减灾科普讲座") || !strings.Contains(got, "已签到") {
				t.Errorf("%s: filtered by 已签到: %q", size.name, got)
			}
			fits("the filtered list")
			if size.name == "desktop" {
				b.Shot("event-my-tickets-checked-in")
				view()
			}

			// Sort by the date taken, the latest first (phone: the column is hidden, the link is on desktop only).
			b.Open("/my/tickets?sort=-taken", `#my-tickets`)
			got := b.Text(`#my-tickets`)
			if strings.Index(got, "院士讲科学") > strings.Index(got, "天文夜观测") || strings.Index(got, "天文夜观测") > strings.Index(got, "机器人科普展") {
				t.Errorf("%s: sorted by date taken: %q", size.name, got)
			}
			if size.name == "desktop" {
				b.Run("sort by the event's date", chromedp.Click(chromedp.CSS(`#sort-event`)))
				b.WaitText("sorted", `#my-tickets tbody tr:first-child`, "机器人科普展")
			}

			// A filter matching nothing says so and clears from its message.
			b.Open("/my/tickets?q=不存在的活动", `#my-tickets-empty`)
			if got := b.Text(`#my-tickets-empty`); !strings.Contains(got, "没有符合筛选条件的活动票") {
				t.Errorf("%s: empty filter: %q", size.name, got)
			}
			fits("the empty list")
			if size.name == "desktop" {
				b.Shot("event-my-tickets-empty")
				view()
			}
			b.Run("clear", chromedp.Click(chromedp.CSS(`#my-tickets-empty a`)), chromedp.WaitVisible(chromedp.CSS(`#my-tickets`)))

			// The export downloads the account's tickets.
			res, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`fetch(document.querySelector("#my-tickets-export").href).then(r => r.status + " " + r.headers.get("Content-Type") + " " + r.headers.get("Content-Disposition"))`,
				chromedp.EvalAwaitPromise))
			if err != nil || !strings.HasPrefix(res, "200 ") || !strings.Contains(res, "spreadsheet") {
				t.Errorf("%s: the export answers %q (%v)", size.name, res, err)
			}
		}
		if m.Active.Code == "" {
			t.Fatal("no tickets made")
		}
	})
}
