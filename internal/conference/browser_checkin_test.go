package conference_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// setOffline cuts the tab's network (requests fail, navigator.onLine is
// false and the page hears "offline") or gives it back, as event's test of
// the same scanner does.
func setOffline(b *webtest.Tab, off bool) {
	b.T.Helper()
	if _, err := chromedp.Call(b.Ctx, network.Enable, network.EnableParams{}); err != nil {
		b.Fail("network enable", err)
	}
	if _, err := chromedp.Call(b.Ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &off,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}}}); err != nil {
		b.Fail("emulate network", err)
	}
	if _, err := chromedp.Call(b.Ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{
		Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		b.Fail("override network state", err)
	}
}

// phoneClock sets the tab's clock (Date, for the pages it opens next) to
// the site's frozen clock now, as a phone's clock shows the door's day.
func phoneClock(b *webtest.Tab, now time.Time) {
	b.T.Helper()
	off := time.Until(now).Milliseconds()
	js := fmt.Sprintf(`(function () {
  var D = Date, off = %d;
  function F(a, b, c, d, e, f, g) {
    if (!(this instanceof F)) return new D(D.now() + off).toString();
    switch (arguments.length) {
    case 0: return new D(D.now() + off);
    case 1: return new D(a);
    default: return new D(a, b, c === undefined ? 1 : c, d || 0, e || 0, f || 0, g || 0);
    }
  }
  F.prototype = D.prototype; F.now = function () { return D.now() + off; }; F.UTC = D.UTC; F.parse = D.parse;
  Date = F;
})();`, off)
	if _, err := chromedp.Call(b.Ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js}); err != nil {
		b.Fail("phone clock", err)
	}
}

// TestBrowserOfflineDoor: at a conference's door on a phone (390 px) the
// staff open the door page while online; the venue's network drops, the
// page opens again from the phone, and they scan a registrant's code twice
// and another conference's code — kept on the phone, nothing on the
// server. The network comes back: the queue goes out, the registrant is
// in once (their name shown), the other code is refused with its reason.
// The page fits the phone and reads the same at a desktop's 1,280 px.
func TestBrowserOfflineDoor(t *testing.T) {
	ctx := context.Background()
	cs := serveConf(t, dbtest.OpenSQLite(t))
	id, regs := openDoor(t, cs, "第十届钒钛资源综合利用学术年会")
	_, foreign := openDoor(t, cs, "攀西稀土学术论坛")
	*cs.now = cs.now.AddDate(0, 0, 10)
	cs.CreateUser(t, "door", access.OrgStaff, cs.soc)
	b := cs.Tab(t, 30*time.Second)
	phoneClock(b, *cs.now)
	door := "/conference/admin/" + strconv.FormatInt(id, 10) + "/checkin"
	phone := func() { b.Run("phone size", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2))) }

	b.Login("door")
	phone()
	b.Open(door, "#scan-code")
	b.WaitText("online", "#net-state", "在线")
	b.WaitText("counts", "#count-registered", "2")
	// The page's worker takes it in hand and keeps a copy of it.
	b.Run("service worker", chromedp.Poll[chromedp.Void](`navigator.serviceWorker && navigator.serviceWorker.controller !== null`,
		chromedp.WithPollingTimeout(15*time.Second)))
	b.Open(door, "#scan-code")

	// Offline: the page opens again from the phone, and three scans wait.
	setOffline(b, true)
	b.Open(door, "#scan-code")
	b.WaitText("offline", "#net-state", "离线")
	for _, c := range []string{strings.ToLower(regs[0].Code), regs[0].Code, foreign[0].Code} {
		b.Run("scan "+c, chromedp.SendKeys(chromedp.CSS(`#scan-code`), c), chromedp.Click(chromedp.CSS(`#scan-submit`)))
	}
	b.WaitText("queued", "#count-queue", "3")
	b.WaitText("kept", "#log", "记录已保存在本机")
	b.WaitText("seen on this phone", "#log", "本机已扫过")
	if c, _ := cs.Store.Get(ctx, id); c.CheckedIn != 0 {
		t.Fatalf("offline scans reached the server: %d in", c.CheckedIn)
	}
	narrow(b, "the door offline")
	b.Shot("conference-door-offline")
	phone()

	// Back online: the queue goes out once and empties.
	setOffline(b, false)
	b.Run("sync", chromedp.Click(chromedp.CSS(`#sync-now`)))
	b.WaitText("synced", "#count-queue", "0")
	b.WaitText("counted", "#count-in", "1")
	b.WaitText("named", "#log", "王一 签到成功")
	b.WaitText("in before", "#log", "此前已签到")
	b.WaitText("refused", "#log", "签到码不存在") // another conference's code, as an unknown one
	narrow(b, "the door after the sync")
	b.Shot("conference-door-synced")
	c, err := cs.Store.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	counts, err := cs.Store.DoorCounts(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.CheckedIn != 1 || counts.Duplicates != 1 || counts.Rejected != 1 {
		t.Errorf("after the sync: %d in, door %+v; want 1 in, 1 duplicate, 1 rejected", c.CheckedIn, counts)
	}
	// Syncing again sends nothing new; the list shows them in.
	b.Run("sync again", chromedp.Click(chromedp.CSS(`#sync-now`)))
	if c2, _ := cs.Store.Get(ctx, id); c2.CheckedIn != 1 {
		t.Errorf("a second sync: %d in", c2.CheckedIn)
	}
	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Open(door, "#scan-code")
	b.WaitText("counts after a reload", "#count-in", "1")
	b.WaitText("scans kept", "#door-scans", "重复 1 次，未通过 1 次")
	b.Open("/conference/admin/"+strconv.FormatInt(id, 10)+"/regs?checked_in=yes", "main")
	if got := b.Text("main"); !strings.Contains(got, "王一") || strings.Contains(got, "李二") {
		t.Errorf("the checked-in list: %.300q", got)
	}
}
