package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserFormOnce: in a real browser, a create form clicked twice makes
// one event (the page sends it once), and the same form sent again later —
// as the back button restores it, its token already used — is answered
// with the message and makes nothing.
func TestBrowserFormOnce(t *testing.T) {
	ctx := webtest.Browser(t)
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	bg := context.Background()
	u, err := ta.Auth.CreateUser(bg, authInput("onceclicker"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, u.ID, ta.city.ID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := ta.DB.QueryRow(bg, `SELECT COUNT(*) FROM events WHERE title = '双击只建一次的讲座'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	b := webtest.NewTab(t, ctx, ta.srv.URL, 30*time.Second)
	b.Login("onceclicker")
	b.Open("/events", `#event-create`)
	at := time.Now().Add(72 * time.Hour).In(time.FixedZone("CST", 8*3600)).Format("2006-01-02T15:04")
	fill := fmt.Sprintf(`(() => { const f = document.querySelector('#new-event form');
		f.querySelector('input[name=org_id]').value = '%d';
		f.querySelector('input[name=title]').value = '双击只建一次的讲座';
		f.querySelector('input[name=capacity]').value = '30';
		f.querySelector('input[name=starts_at]').value = '%s';
		return f.querySelector('input[name=form_once]').value; })()`, ta.city.ID, at)
	token, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](fill))
	if err != nil || len(token) != 22 {
		b.Fail("fill the form", fmt.Errorf("token %q: %v", token, err))
	}
	// Two clicks on the button in two tasks, as a double click (two clicks in
	// one task are one navigation in the browser; these are two requests).
	b.Run("double click", chromedp.Evaluate[chromedp.Void](`(() => { const btn = document.querySelector('#event-create'); btn.click(); setTimeout(() => btn.click(), 0); })()`))
	b.WaitText("created", `main`, "双击只建一次的讲座")
	if !strings.Contains(b.Location(), "/events/") {
		t.Errorf("after the double click the page is %s", b.Location())
	}
	time.Sleep(500 * time.Millisecond) // let a second request, had one gone, land
	if n := count(); n != 1 {
		t.Fatalf("%d events from a double click, want 1", n)
	}
	// The form as the back button restores it: its fields and its used token.
	b.Open("/events", `#event-create`)
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](fill)); err != nil {
		b.Fail("fill again", err)
	}
	b.Run("send the old form", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		document.querySelector('#new-event input[name=form_once]').value = '%s';
		document.querySelector('#event-create').click(); })()`, token)))
	b.WaitText("refused", `main`, "该表单已经提交过")
	b.Shot("form-sent-twice")
	if n := count(); n != 1 {
		t.Errorf("%d events after the form was sent again, want 1", n)
	}
}
