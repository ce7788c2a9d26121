package youth_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserTeacherPick: staff register a 科技辅导员 and link their
// account by typing part of a name and picking it — at a desktop's width
// (1,280 px) and on a phone (390 px); the teacher's page then says the
// account is linked, and a user of another city is never offered.
func TestBrowserTeacherPick(t *testing.T) {
	ctx := webtest.Browser(t)
	s := serve(t, dbtest.OpenSQLite(t))
	s.CreateUser(t, "staff", access.OrgStaff, s.City)
	account(t, s, "zhaols", "赵老师", access.Member, s.City)
	account(t, s, "qianls", "钱老师", access.Member, s.City)
	account(t, s, "zhaowai", "赵老师外", access.Member, s.Peer)
	b := webtest.NewTab(t, ctx, s.URL, 20*time.Second)
	box := `#teacher-form [data-lookup^="/users/lookup"]`
	field := box + ` input[type=text]`
	// A shot resets the tab's size; each step sets it again. Each list is
	// waited for as the whole text typed asks it (data-q), not as an earlier
	// keystroke's look-up answered, which a later one would open again.
	register := func(size chromedp.Action[chromedp.Void], name, typed, username, shown string) {
		t.Helper()
		b.Run("size", size)
		b.Open("/youth/admin/teachers/new", "#teacher-form")
		b.Run("pick the org", chromedp.SendKeys(chromedp.CSS(`#teacher-form .orgpick input[name=org_id]`), "攀枝花"),
			chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="攀枝花"] button[data-pick="PZH"]`)),
			chromedp.Click(chromedp.CSS(`ul.orglist[data-q="攀枝花"] button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
		b.Run("fill",
			chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
			chromedp.SendKeys(chromedp.CSS(`input[name=school]`), "攀枝花市第三中学"),
			chromedp.SendKeys(chromedp.CSS(`input[name=subject]`), "物理"),
			chromedp.SetValue(chromedp.CSS(`input[name=region_code]`), "510402"),
			chromedp.SendKeys(chromedp.CSS(`input[name=contact]`), "13800001111"))
		b.Run("type "+typed, chromedp.ScrollIntoView(chromedp.CSS(field)), chromedp.SendKeys(chromedp.CSS(field), typed),
			chromedp.WaitVisible(chromedp.CSS(box+` ul.orglist[data-q="`+typed+`"] button[data-pick="`+username+`"]`)))
		if got := b.Text(box + ` ul.orglist`); !strings.Contains(got, shown) || strings.Contains(got, "赵老师外") {
			t.Errorf("the list offers %q", got)
		}
		b.Shot("teacher-pick-" + username)
		b.Run("pick "+shown, size, chromedp.Click(chromedp.CSS(box+` ul.orglist button[data-pick="`+username+`"]`)),
			chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
		if got := b.Value(`#teacher-form input[type=hidden][name=username]`); got != username {
			t.Errorf("the form sends %q, want %q", got, username)
		}
		b.Run("register", chromedp.Click(chromedp.CSS(`#teacher-submit`)), chromedp.WaitNotPresent(chromedp.CSS(`#teacher-form`)))
		b.WaitText("linked", "main", "已关联")
		b.WaitText("named", "main", name)
	}
	desktop, phone := chromedp.EmulateViewport(1280, 900), chromedp.EmulateViewport(390, 844)
	b.Run("desktop", desktop)
	b.Login("staff")
	register(desktop, "赵辅导员", "赵", "zhaols", "赵老师")
	register(phone, "钱辅导员", "qian", "qianls", "钱老师")
	w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || w > 390 {
		t.Errorf("the teacher's page at 390 px is %d px wide (%v)", w, err)
	}
	b.Shot("teacher-linked")
}
