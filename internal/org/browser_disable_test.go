package org_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// The root's administrator disables a city with a county below: the first
// try asks to confirm the subtree, the second disables both; then enables
// the city again.
func TestBrowserDisableOrg(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		bctx := webtest.Browser(t)
		ctx := context.Background()
		ws := webtest.New(t, d).Start()
		county, err := ws.Orgs.Create(ctx, org.Input{ParentID: ws.City.ID, Code: "PZH-DQ", Name: "东区科协", Type: org.TypeCounty})
		if err != nil {
			t.Fatal(err)
		}
		u := ws.CreateUser(t, "sys", access.SysAdmin, ws.Root)
		secret, _, err := ws.Auth.BeginTOTP(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		code, _ := totp.GenerateCode(secret, ws.Clock.Now())
		if _, err := ws.Auth.EnableTOTP(ctx, u.ID, code); err != nil {
			t.Fatal(err)
		}
		ws.Clock.Tick()
		code, _ = totp.GenerateCode(secret, ws.Clock.Now())
		b := webtest.NewTab(t, bctx, ws.URL, 20*time.Second)
		b.Run("sign in", chromedp.Navigate(ws.URL+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "sys"),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), webtest.Password),
			chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=code]`), code),
			chromedp.Submit(chromedp.CSS(`input[name=code]`)), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))

		b.Run("city page", chromedp.Navigate(fmt.Sprintf("%s/orgs/%d", ws.URL, ws.City.ID)), chromedp.WaitVisible(chromedp.CSS(`#disable-org`)),
			chromedp.Click(chromedp.CSS(`#disable-org`)), chromedp.WaitVisible(chromedp.CSS(`#org-disable`)))
		b.Shot("org-disable")
		b.Run("without the subtree", chromedp.Click(chromedp.CSS(`#confirm-disable`)), chromedp.WaitVisible(chromedp.CSS(`.err`)))
		if got := b.Text(`.err`); !strings.Contains(got, "还有 1 个在用的下级组织") {
			t.Errorf("error = %q", got)
		}
		b.Run("with the subtree", chromedp.Click(chromedp.CSS(`input[name=subtree]`)), chromedp.Click(chromedp.CSS(`#confirm-disable`)),
			chromedp.WaitVisible(chromedp.CSS(`#org-disabled`)))
		if got := b.Text(`.flash`); !strings.Contains(got, "共 2 个组织") {
			t.Errorf("flash = %q", got)
		}
		if st, _ := ws.Orgs.Status(ctx, county.ID); !st.Disabled() {
			t.Error("the county is still enabled")
		}
		b.Run("enable", chromedp.Click(chromedp.CSS(`#enable-org`)), chromedp.WaitVisible(chromedp.CSS(`#disable-org`)))
		if st, _ := ws.Orgs.Status(ctx, ws.City.ID); st.Disabled() {
			t.Error("the city is still disabled")
		}
	})
}
