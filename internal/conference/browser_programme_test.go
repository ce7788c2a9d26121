package conference_test

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
	"kexie/internal/conference"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserProgrammePick: the society's staff name the 程序委员会 by
// typing part of a name and picking — at a desktop's width (1,280 px) and
// on a phone (390 px) — and each member appears; someone of another city
// is never offered, and the phone page is no wider than the phone.
func TestBrowserProgrammePick(t *testing.T) {
	ctx := webtest.Browser(t)
	cs := serveConf(t, dbtest.OpenSQLite(t))
	sec, _ := cs.User(t, "xiehui", access.OrgStaff, cs.soc)
	person(t, cs, "wangjs", "王建设", access.Member, cs.soc)
	person(t, cs, "lijs", "李建设", access.Reviewer, cs.soc)
	person(t, cs, "wangwai", "王建设外", access.Member, cs.Peer)
	now := *cs.now
	res, body := sec.Post("/conference/admin/new", url.Values{"org_id": {"PZHJS"}, "title": {"第十届钒钛学术年会"}, "kind": {"annual"},
		"starts_on": {day(now, 10)}, "ends_on": {day(now, 11)}, "city": {"攀枝花"}, "venue": {"国际会展中心"}, "expected": {"200"},
		"capacity": {"20"}, "budget": {"8.5"}, "topics": {"钒钛"}})
	status(t, "create", res, body, http.StatusSeeOther)
	list, _, _ := cs.Store.List(context.Background(), conference.Filter{Scope: access.Everywhere()})
	show := "/conference/admin/" + strconv.FormatInt(list[0].ID, 10)

	b := webtest.NewTab(t, ctx, cs.URL, 20*time.Second)
	field := `#programme-form .orgpick input[type=text]`
	// A shot resets the tab's size; each step sets it again. The list is
	// waited for as the whole text typed asks it (data-q), not as an earlier
	// keystroke's look-up answered, which a later one would open again.
	pick := func(size chromedp.Action[chromedp.Void], typed, username, name string) {
		t.Helper()
		b.Run("size", size)
		b.Open(show, "#programme-form")
		b.Run("type "+typed, chromedp.ScrollIntoView(chromedp.CSS(field)), chromedp.SendKeys(chromedp.CSS(field), typed),
			chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="`+typed+`"] button[data-pick="`+username+`"]`)))
		if got := b.Text(`ul.orglist`); !contains(got, name, "攀枝花市金属学会") || contains(got, "王建设外") {
			t.Errorf("the list offers %q", got)
		}
		b.Shot("programme-pick-" + username)
		b.Run("pick "+name, size, chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="`+username+`"]`)),
			chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
		if got := b.Value(field); got != name {
			t.Errorf("the field shows %q, want %q", got, name)
		}
		if got := b.Value(`#programme-form input[type=hidden][name=username]`); got != username {
			t.Errorf("the form sends %q, want %q", got, username)
		}
		b.Run("add", chromedp.Click(chromedp.CSS(`#programme-submit`)), chromedp.WaitVisible(chromedp.CSS(`#programme-list`)))
		b.WaitText("named "+name, "#programme-list", name)
	}

	desktop, phone := chromedp.EmulateViewport(1280, 900), chromedp.EmulateViewport(390, 844)
	b.Run("desktop", desktop)
	b.Login("xiehui")
	pick(desktop, "建设", "wangjs", "王建设")
	pick(phone, "lijs", "lijs", "李建设")
	narrow(b, "the conference page")
	b.Shot("programme-named")
}

func contains(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
