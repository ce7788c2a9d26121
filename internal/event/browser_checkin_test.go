package event_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// setOffline cuts the tab's network (requests fail, navigator.onLine is
// false and the page hears "offline") or gives it back.
func setOffline(b *webtest.Tab, off bool) {
	b.T.Helper()
	ctx := b.Ctx
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		b.Fail("network enable", err)
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &off,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}}}); err != nil {
		b.Fail("emulate network", err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		b.Fail("override network state", err)
	}
}

// TestBrowserOfflineCheckin runs on a phone-sized screen: a visitor
// registers and gets a QR ticket; the door staff open the check-in page,
// lose the network, check the ticket in twice and try another event's
// ticket, get the network back and sync — the ticket counts once and the
// other event's ticket is rejected with its reason.
func TestBrowserOfflineCheckin(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科技活动周·机器人进社区", 50)
		other := newEvent(t, es, "天文夜观测", 10)
		foreign, err := es.Events.Register(ctx, other.ID, "路人甲")
		if err != nil {
			t.Fatal(err)
		}
		es.CreateUser(t, "doorstaff", access.OrgStaff, es.City)
		b := es.Tab(t, 30*time.Second)
		phone := func() { b.Run("phone size", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2))) }
		shot := func(name string) { b.Shot(name); phone() } // Shot resets the viewport
		phone()

		// 1. A visitor registers and sees the QR ticket.
		b.Open(fmt.Sprintf("/e/%d", e.ID), `#register`)
		b.Run("register", chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "王小明"),
			chromedp.Sleep(3200*time.Millisecond), // a person takes longer than the bot check's floor
			chromedp.Click(chromedp.CSS(`#register`)),
			chromedp.WaitVisible(chromedp.CSS(`#ticket-qr`)))
		code := strings.TrimSpace(b.Text(`#ticket-code`))
		if st := b.Text(`#ticket-status`); !strings.Contains(st, "已确认") || len(code) != 12 {
			t.Fatalf("ticket: status %q, code %q", st, code)
		}
		shot("event-ticket")

		// 2. The door staff open the check-in page while online.
		b.Login("doorstaff")
		phone()
		b.Open(fmt.Sprintf("/events/%d/checkin", e.ID), `#scan-code`)
		b.WaitText("online", `#net-state`, "在线")

		// The page's service worker has taken the page in hand (it keeps a
		// copy of the page and its script).
		b.Run("service worker", chromedp.Poll[chromedp.Void](`navigator.serviceWorker && navigator.serviceWorker.controller !== null`,
			chromedp.WithPollingTimeout(15*time.Second)))
		b.Open(fmt.Sprintf("/events/%d/checkin", e.ID), `#scan-code`) // fetched through the worker, which keeps a copy

		// 3. Offline: the page opens again from the worker's copy, and
		// three scans and a walk-in wait on the phone.
		setOffline(b, true)
		b.Open(fmt.Sprintf("/events/%d/checkin", e.ID), `#scan-code`)
		b.WaitText("offline", `#net-state`, "离线")
		for _, c := range []string{code, strings.ToLower(code), foreign.Code} {
			b.Run("scan "+c, chromedp.SendKeys(chromedp.CSS(`#scan-code`), c), chromedp.Click(chromedp.CSS(`#scan-submit`)))
		}
		b.Run("walk-in", chromedp.Click(chromedp.CSS(`#walkin`)))
		b.WaitText("queued", `#count-queue`, "4")
		b.WaitText("kept", `#log`, "记录已保存在本机")
		if a, _ := es.Events.Attendance(ctx, e.ID); a.CheckedIn != 0 {
			t.Fatalf("offline scans reached the server: %+v", a)
		}
		shot("event-checkin-offline")

		// 4. Back online: the queue goes out once and empties.
		setOffline(b, false)
		b.Run("sync", chromedp.Click(chromedp.CSS(`#sync-now`)))
		b.WaitText("synced", `#count-queue`, "0")
		b.WaitText("counted", `#count-in`, "1")
		b.WaitText("walk-in counted", `#count-walkin`, "1")
		b.WaitText("rejection shown", `#log`, "票码不存在") // another event's ticket, as an unknown one
		shot("event-checkin-synced")
		a, err := es.Events.Attendance(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.CheckedIn != 1 || a.WalkIns != 1 || a.Duplicates != 1 || a.Rejected != 1 {
			t.Errorf("attendance after the sync: got %+v, want 1 in, 1 walk-in, 1 duplicate, 1 rejected", a)
		}
		// Syncing again sends nothing new.
		b.Run("sync again", chromedp.Click(chromedp.CSS(`#sync-now`)))
		if a2, _ := es.Events.Attendance(ctx, e.ID); a2 != a {
			t.Errorf("a second sync changed the counts: %+v → %+v", a, a2)
		}
		b.Open(fmt.Sprintf("/events/%d/attendance", e.ID), `#scan-table`)
		shot("event-attendance")
		b.Open(fmt.Sprintf("/events/%d", e.ID), `#ticket-table`)
		if got := b.Text(`#event-attendance`); !strings.Contains(got, "签到 1 人，现场入场 1 人") {
			t.Errorf("the event page's attendance: %q", got)
		}
		shot("event-show")
		b.Open("/events", `#event-table`)
		shot("event-list")
		b.Open("/events/stats", `#rollup-table`)
		shot("event-stats")
	})
}
