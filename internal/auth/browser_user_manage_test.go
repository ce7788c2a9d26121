package auth_test

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

// adminLogin creates an administrator of o with a second factor and signs
// them in on tab b, code and all.
func adminLogin(t *testing.T, ws *webtest.Site, b *webtest.Tab, name string, role access.Role, o org.Org) {
	t.Helper()
	ctx := context.Background()
	u := ws.CreateUser(t, name, role, o)
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
	b.Run("sign in as "+name, chromedp.Navigate(b.Base+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), name),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), webtest.Password),
		chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), code),
		chromedp.Submit(chromedp.CSS(`input[name=code]`)), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))
	ws.Clock.Tick()
}

// acceptConfirms answers every confirm() of the page with yes (the
// destructive buttons ask one).
func acceptConfirms(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
	_, err := chromedp.Evaluate[bool](`window.confirm = function () { return true }; true`)(ctx, t)
	return chromedp.Void{}, err
}

// An org administrator disables and re-enables a clerk's account, then
// resets the password; the clerk signs in with it and must choose a new one
// before anything else.
func TestBrowserUserManage(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := webtest.Browser(t)
		ws := webtest.New(t, d).Start()
		clerk := ws.CreateUser(t, "clerk", access.OrgStaff, ws.City)
		b := webtest.NewTab(t, ctx, ws.URL, 20*time.Second)
		adminLogin(t, ws, b, "cityadmin", access.OrgAdmin, ws.City)
		page := fmt.Sprintf("%s/users/%d", ws.URL, clerk.ID)
		b.Run("user page", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`#disable-user`)))
		b.Shot("user-manage")
		b.Run("disable", acceptConfirms,
			chromedp.Click(chromedp.CSS(`#disable-user`)), chromedp.WaitVisible(chromedp.CSS(`#user-disabled`)))
		if got := b.Text(`.flash`); !strings.Contains(got, "已停用账号 clerk") {
			t.Errorf("flash = %q", got)
		}
		b.Run("enable", chromedp.Click(chromedp.CSS(`#enable-user`)), chromedp.WaitVisible(chromedp.CSS(`#disable-user`)))
		b.Run("edit", chromedp.Click(chromedp.CSS(`#edit-user`)), chromedp.WaitVisible(chromedp.CSS(`#user-edit`)),
			chromedp.SetValue(chromedp.CSS(`input[name=email]`), "wang@"),
			chromedp.Submit(chromedp.CSS(`input[name=display_name]`)), chromedp.WaitVisible(chromedp.CSS(`.field.invalid .err`)))
		if got := b.Text(`.field.invalid .err`); got != "电子邮箱格式不正确。" {
			t.Errorf("email error = %q", got)
		}
		b.Run("reset", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`#reset-password`)),
			acceptConfirms,
			chromedp.Click(chromedp.CSS(`#reset-password`)), chromedp.WaitVisible(chromedp.CSS(`#new-password`)))
		temp := b.Text(`#new-password`)
		b.Logout()

		b.Run("clerk signs in", chromedp.Navigate(ws.URL+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "clerk"),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), temp),
			chromedp.Click(chromedp.CSS(`#login-submit`)), chromedp.WaitVisible(chromedp.CSS(`#password-required`)))
		b.Run("somewhere else first", chromedp.Navigate(ws.URL+"/orgs"), chromedp.WaitVisible(chromedp.CSS(`#password-required`)))
		b.Run("new password", chromedp.SendKeys(chromedp.CSS(`input[name=current]`), temp),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), "Kx-2026-Tiger-Lake"),
			chromedp.SendKeys(chromedp.CSS(`input[name=confirm]`), "Kx-2026-Tiger-Lake"),
			chromedp.Submit(chromedp.CSS(`input[name=current]`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		b.Run("now free", chromedp.Navigate(ws.URL+"/orgs"), chromedp.WaitVisible(chromedp.CSS(`.topbar`)))
		if strings.Contains(b.Location(), "/account/password") {
			t.Error("still sent to the password page")
		}
	})
}
