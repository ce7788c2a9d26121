package audit_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// An org administrator filters the audit log by person, org and action in
// the browser, at a desktop's width and a phone's: the filters fit, the
// one matching record shows its names and its before/after table, and
// nothing spills sideways.
func TestBrowserAuditFilters(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := newAuditSite(t, d)
		ctx := context.Background()
		u := s.ws.CreateUser(t, "auditor", access.OrgAdmin, s.ws.Root)
		secret, _, err := s.ws.Auth.BeginTOTP(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		code := func() string {
			c, err := totp.GenerateCode(secret, s.ws.Clock.Now())
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		if _, err := s.ws.Auth.EnableTOTP(ctx, u.ID, code()); err != nil {
			t.Fatal(err)
		}
		s.ws.Clock.Tick()

		b := s.ws.Tab(t, 20*time.Second)
		b.Run("sign in", chromedp.Navigate(b.Base+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "auditor"),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), webtest.Password),
			chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=code]`), code()),
			chromedp.Submit(chromedp.CSS(`input[name=code]`)), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))

		overflow := func() int {
			w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - window.innerWidth`))
			if err != nil {
				b.Fail("measure", err)
			}
			return w
		}
		for _, size := range []struct {
			name          string
			width, height int64
		}{{"desktop", 1280, 900}, {"phone", 390, 844}} {
			b.Run(size.name+" viewport", chromedp.EmulateViewport(size.width, size.height))
			b.Open("/audit", `#audit-filters`)
			if n := strings.Count(b.Text(`#audit-table tbody`), "新建组织"); n < 3 {
				t.Errorf("%s: unfiltered log shows %d org creations", size.name, n)
			}
			b.Run(size.name+" filter",
				chromedp.SendKeys(chromedp.CSS(`input[name=actor]`), "王晓红"),
				chromedp.SendKeys(chromedp.CSS(`input[name=org]`), "攀枝花"),
				chromedp.SetValue(chromedp.CSS(`select[name=action]`), "org.update"),
				chromedp.Submit(chromedp.CSS(`input[name=actor]`)))
			b.WaitText(size.name+" filtered", `p.muted.small`, "共 1 条")
			row := b.Text(`#audit-table tbody`)
			for _, want := range []string{"王晓红", "修改组织信息", "攀枝花市物理学会", "组织名称", "攀枝花市物理学学会"} {
				if !strings.Contains(row, want) {
					t.Errorf("%s: filtered row lacks %s: %q", size.name, want, row)
				}
			}
			if got := b.Value(`select[name=action]`); got != "org.update" {
				t.Errorf("%s: action filter lost: %q", size.name, got)
			}
			if w := overflow(); w > 0 {
				t.Errorf("%s: page %d px wider than the screen", size.name, w)
			}
		}
		b.Run("reset viewport", chromedp.ResetViewport())
		b.Open("/audit", `#audit-table`)
		b.Shot("audit")
	})
}
