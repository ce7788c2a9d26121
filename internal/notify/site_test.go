package notify_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/notify"
)

func eachSite(t *testing.T, fn func(t *testing.T, f *fixture)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) { fn(t, newFixture(t, d, true)) })
}

// The public pages: a wrong code re-renders with a message and changes
// nothing; the right one signs in; the unsubscribe link works without a
// session; staff lists are scoped and export.
func TestPublicAndStaffPages(t *testing.T) {
	eachSite(t, func(t *testing.T, f *fixture) {
		ctx := context.Background()
		c := f.Client(t)
		if res, _ := c.Get("/notify"); res.StatusCode != http.StatusOK {
			t.Fatalf("subscribe page: %d", res.StatusCode)
		}
		if res, body := c.Post("/notify/code", url.Values{"addr": {"abc"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "请输入正确的手机号或电子邮箱") {
			t.Fatalf("bad address: %d", res.StatusCode)
		}
		res, body := c.Post("/notify/code", url.Values{"addr": {"13812345678"}, "org": {"PZH"}})
		if res.StatusCode != http.StatusOK || !strings.Contains(body, "138****5678") {
			t.Fatalf("code: %d %.300s", res.StatusCode, body)
		}
		if res, body := c.Post("/notify/verify", url.Values{"addr": {"13812345678"}, "code": {"000000"}, "org": {"PZH"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "验证码不正确") {
			t.Fatalf("wrong code: %d", res.StatusCode)
		}
		res, body = c.Post("/notify/verify", url.Values{"addr": {"13812345678"}, "code": {f.code(t, "13812345678")}, "org": {"PZH"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("verify: %d %.300s", res.StatusCode, body)
		}
		if _, body := c.Get("/notify/me"); !strings.Contains(body, "我的订阅") {
			t.Fatal("not signed in after verifying")
		}
		if res, body := c.Post("/notify/me", url.Values{"audience": {"farmers"}, "region": {"不存在的地方"}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "找不到这个地区") {
			t.Fatalf("bad region: %d", res.StatusCode)
		}
		if res, _ := c.Post("/notify/me", url.Values{"audience": {"farmers"}, "region": {"攀枝花市"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("follow: %d", res.StatusCode)
		}
		subs, _, _ := f.Store.Subscribers(ctx, access.Everywhere(), "", 10, 0)
		if len(subs) != 1 || subs[0].OrgID != f.City.ID || subs[0].RegionCode != "510400" {
			t.Fatalf("subscriber: %+v", subs)
		}

		staff, _ := f.User(t, "pzhadmin", access.OrgAdmin, f.City)
		if _, body := staff.Get("/notify/admin/messages"); !strings.Contains(body, "还没有推送消息。") || strings.Contains(body, "授予该权限") {
			t.Error("an empty list for staff who may send: no plain empty state")
		}
		if res, body := staff.Post("/notify/admin/messages", url.Values{"org_id": {f.City.Code}, "title": {""}}); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "请填写标题") {
			t.Fatalf("empty title: %d", res.StatusCode)
		}
		if res, _ := staff.Post("/notify/admin/messages", url.Values{"org_id": {f.Peer.Code}, "title": {"越权"}}); res.StatusCode != http.StatusNotFound {
			t.Fatalf("other city's org: %d", res.StatusCode)
		}
		if res, _ := staff.Post("/notify/admin/messages", url.Values{"org_id": {f.City.Code}, "title": {"冬季防火"}, "audience": {"farmers"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("announce: %d", res.StatusCode)
		}
		ms, _, _ := f.Store.Messages(ctx, notify.MessageFilter{Scope: access.Everywhere()})
		if len(ms) != 1 {
			t.Fatalf("messages: %+v", ms)
		}
		f.waitSent(t, ms[0].ID)
		if _, body := staff.Get("/notify/admin/messages"); !strings.Contains(body, "冬季防火") {
			t.Fatal("message list misses the message")
		}
		if _, body := staff.Get("/notify/admin/subscribers"); !strings.Contains(body, "138****5678") || strings.Contains(body, "13812345678") {
			t.Fatal("subscribers not shown masked")
		}
		if res, _ := staff.Get("/notify/admin/messages?format=xlsx"); res.Header.Get("Content-Type") == "" || res.StatusCode != 200 {
			t.Fatalf("export: %d", res.StatusCode)
		}
		peer, _ := f.User(t, "czstaff", access.OrgStaff, f.Peer)
		if _, body := peer.Get("/notify/admin/subscribers"); strings.Contains(body, "138****5678") {
			t.Fatal("peer city sees the subscriber")
		}
		if _, body := peer.Get("/notify/admin/messages"); strings.Contains(body, "冬季防火") {
			t.Fatal("peer city sees the message")
		} else if !strings.Contains(body, "请联系本组织的管理员授予该权限") || strings.Contains(body, "/notify/admin/messages/new") {
			// Staff who may not send are told who can, not offered a form they cannot use.
			t.Errorf("an empty list for staff who may not send: %.400s", body[strings.Index(body, "<main"):])
		}
		// The inbox shows it; opening it counts.
		if _, body := c.Get("/notify/me"); !strings.Contains(body, "冬季防火") {
			t.Fatal("inbox misses the message")
		}
		c.Get("/notify/me/m/" + itoa(ms[0].ID))
		ms, _, _ = f.Store.Messages(ctx, notify.MessageFilter{Scope: access.Everywhere()})
		if ms[0].Opened != 1 {
			t.Fatalf("opened: %d", ms[0].Opened)
		}
		// Unsubscribe from the mail's link, without a session.
		o, _ := f.Log.Last("13812345678")
		u, _ := url.Parse(o.Unsubscribe)
		anon := f.Client(t)
		if res, body := anon.Get(u.RequestURI()); res.StatusCode != 200 || !strings.Contains(body, "138****5678") {
			t.Fatalf("unsubscribe page: %d", res.StatusCode)
		}
		if res, body := anon.Post("/notify/unsubscribe", url.Values{"t": {u.Query().Get("t")}}); res.StatusCode != 200 || !strings.Contains(body, "已退订") {
			t.Fatalf("unsubscribe: %d", res.StatusCode)
		}
		if res, _ := anon.Post("/notify/unsubscribe", url.Values{"t": {"bad.token"}}); res.StatusCode != http.StatusNotFound {
			t.Fatalf("bad token: %d", res.StatusCode)
		}
		if subs, _, _ := f.Store.Subscribers(ctx, access.Everywhere(), "", 10, 0); len(subs) != 0 {
			t.Fatal("still subscribed")
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// A phone: subscribe, read the code from the logging sender, verify, and
// see a pushed message in the inbox.
func TestBrowserSubscribeAtPhoneWidth(t *testing.T) {
	d := dbtest.OpenSQLite(t)
	f := newFixture(t, d, true)
	b := f.Tab(t, 20*time.Second)
	b.Run("phone", chromedp.EmulateViewport(390, 844))
	b.Open("/notify", "#subscribe-form")
	b.Run("send code", chromedp.SendKeys(chromedp.CSS(`input[name=addr]`), "13912345678"),
		chromedp.Click(chromedp.CSS("#send-code")), chromedp.WaitVisible(chromedp.CSS("#verify-form")))
	if !strings.Contains(b.Text("#sent-to"), "139****5678") {
		t.Fatalf("sent to: %q", b.Text("#sent-to"))
	}
	b.Shot("notify-verify")
	b.Run("verify", chromedp.SendKeys(chromedp.CSS(`input[name=code]`), f.code(t, "13912345678")),
		chromedp.Click(chromedp.CSS("#verify")), chromedp.WaitVisible(chromedp.CSS("#follow-form")))
	b.Run("follow", chromedp.Click(chromedp.CSS(`input[value=elderly]`)), chromedp.SendKeys(chromedp.CSS(`input[name=region]`), "510400"),
		chromedp.Click(chromedp.CSS("#save-follow")))
	// The inbox page is the one the form is on: wait for the saved page's
	// flash, not for an element the old page shows too (a navigation still
	// in flight would be aborted by the next Open).
	b.WaitText("saved", ".flash", "订阅设置已保存")
	id, err := f.Store.Announce(context.Background(), notify.Message{Key: "kepu:7", OrgID: f.Root.ID, Title: "老年人冬季防跌倒",
		Summary: "雪天出门穿防滑鞋，夜间起床先开灯。", Link: "/notify/me", Audiences: []string{"elderly"}, RegionCode: "510000"})
	if err != nil {
		t.Fatal(err)
	}
	f.waitSent(t, id)
	b.Open("/notify/me", "#inbox")
	b.WaitText("inbox", "#inbox", "老年人冬季防跌倒")
	if !strings.Contains(b.Text("#unread"), "1") {
		t.Fatalf("unread: %q", b.Text("#unread"))
	}
	if w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > 390 {
		t.Fatalf("page is %d px wide at 390 px: %v", w, err)
	}
	b.Shot("notify-inbox")
}

// TestSendJobNamesItsMessage: the jobs admin pages say which message a push
// job sends (its title), not only that it sends one.
func TestSendJobNamesItsMessage(t *testing.T) {
	eachSite(t, func(t *testing.T, f *fixture) {
		if _, err := f.Store.Announce(context.Background(), notify.Message{Key: "kepu:9", OrgID: f.City.ID, Title: "冬季用电安全", Link: "/kepu/a/9"}); err != nil {
			t.Fatal(err)
		}
		admin, _ := f.User(t, "jobadmin", access.OrgAdmin, f.City)
		if _, body := admin.Get("/admin/jobs"); !strings.Contains(body, `<span class="small muted job-subject">冬季用电安全</span>`) {
			t.Error("the jobs list does not name the message a push job sends")
		}
	})
}
