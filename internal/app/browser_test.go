package app

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/std"
	"kexie/internal/web/webtest"
)

// TestBrowserAdminFlow is a system administrator's first session across the
// whole app — 2FA enrolment, orgs, users and grants, the audit log of all
// modules, people, import, search and every module's pages — so it stays
// with the wiring; each module's own browser tests are in its folder.
func TestBrowserAdminFlow(t *testing.T) {
	ctx := webtest.Browser(t)
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	bg := context.Background()
	chief, err := ta.Auth.CreateUser(bg, authInput("chief"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, chief.ID, ta.root.ID, access.SysAdmin, 0); err != nil {
		t.Fatal(err)
	}
	base := ta.srv.URL
	b := webtest.NewTab(t, ctx, base, 20*time.Second)
	code := func(secret string) string {
		ta.tick()
		c, err := totp.GenerateCode(secret, ta.clock())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	// 1. First sign-in: an administrator without 2FA must enrol.
	var secret string
	b.Run("sign in", chromedp.Navigate(base+"/login"))
	b.Shot("login")
	b.Run("password",
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "chief"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), testPassword),
		chromedp.Click(chromedp.CSS(`#login-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#totp-secret`)),
	)
	secret = b.Text(`#totp-secret`)
	b.Shot("enrol")
	b.Run("enrol",
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), code(strings.TrimSpace(secret))),
		chromedp.Submit(chromedp.CSS(`input[name=code]`)),
		chromedp.WaitVisible(chromedp.CSS(`#recovery-codes`)),
	)
	codes := b.Text(`#recovery-codes`)
	if n := len(strings.Fields(codes)); n != 10 {
		t.Fatalf("recovery codes shown: %d (%q)", n, codes)
	}

	// 2. Sign out and sign in again with the TOTP code.
	b.Run("continue", chromedp.Click(chromedp.CSS(`#enrol-done`)), chromedp.WaitVisible(chromedp.CSS(`.stats`)))
	b.Run("sign out", chromedp.Click(chromedp.CSS(`.usermenu button`)), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)))
	b.Run("sign in with 2FA",
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "chief"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), testPassword),
		chromedp.Click(chromedp.CSS(`#login-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=code]`)),
	)
	b.Shot("second-factor")
	b.Run("second factor",
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), code(strings.TrimSpace(secret))),
		chromedp.Submit(chromedp.CSS(`input[name=code]`)),
		chromedp.WaitVisible(chromedp.CSS(`.stats`)),
	)
	b.Shot("home")

	// 3. Create a child org under the city.
	b.Run("new org form", chromedp.Navigate(fmt.Sprintf("%s/orgs/new?parent=%d", base, ta.city.ID)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)))
	b.Run("region type-ahead", chromedp.SendKeys(chromedp.CSS(`input[name=region_code]`), "5104"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="510400"]`)))
	b.Run("duplicate code is refused",
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "攀枝花市机械工程学会"),
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), "CZ"),
		chromedp.SendKeys(chromedp.CSS(`input[name=region_code]`), "00"),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`.field.invalid .err`)),
	)
	errText, kept := b.Text(`.field.invalid .err`), b.Value(`input[name=name]`)
	if !strings.Contains(errText, "已被其他组织使用") || kept != "攀枝花市机械工程学会" {
		t.Errorf("duplicate code: error %q, name kept %q", errText, kept)
	}
	b.Shot("org-form-error")
	b.Run("create org",
		chromedp.Clear(chromedp.CSS(`input[name=code]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=code]`), "PZH-CMES"),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)),
	)
	heading := b.Text(`h1`)
	if heading != "攀枝花市机械工程学会" {
		t.Errorf("org page heading = %q", heading)
	}
	b.Shot("org-show")
	b.Run("tree", chromedp.Navigate(fmt.Sprintf("%s/orgs?under=%d", base, ta.city.ID)), chromedp.WaitVisible(chromedp.CSS(`#org-table`)))
	b.Shot("orgs")

	// 4. Create a user and grant a role on the new org.
	b.Run("new user", chromedp.Navigate(base+"/users/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=username]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "wangfang"),
		chromedp.SendKeys(chromedp.CSS(`input[name=display_name]`), "王芳"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), "Wang-Fang-2026"),
		chromedp.SetValue(chromedp.CSS(`form[action="/users"] input[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.SetValue(chromedp.CSS(`form[action="/users"] select[name=role]`), "member"),
		chromedp.Submit(chromedp.CSS(`input[name=username]`)),
		chromedp.WaitVisible(chromedp.CSS(`#grant-submit`)),
	)
	b.Run("grant role",
		chromedp.SendKeys(chromedp.CSS(`input[name=org_code]`), "PZH-CMES"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="PZH-CMES"] button[data-pick="PZH-CMES"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH-CMES"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)),
		chromedp.SetValue(chromedp.CSS(`form[action$="/grants"] select[name=role]`), "org_staff"),
		chromedp.Click(chromedp.CSS(`#grant-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#grant-table tr:nth-child(2)`)),
	)
	grantsText := b.Text(`#grant-table`)
	if !strings.Contains(grantsText, "工作人员") || !strings.Contains(grantsText, "攀枝花市机械工程学会") {
		t.Errorf("grant table = %q", grantsText)
	}
	b.Shot("user")
	b.Run("users", chromedp.Navigate(base+"/users"), chromedp.WaitVisible(chromedp.CSS(`#user-table`)))
	b.Shot("users")
	// On a phone each user is a card: no user name or org name breaks
	// over two lines (tour-leader read tour- / leader, 协 / 会 before).
	b.Run("users at 390", chromedp.EmulateViewport(390, 844), chromedp.Sleep(200*time.Millisecond))
	broken, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('#user-table td a, #user-table td span.small')].filter(e => e.getClientRects().length > 1).length`))
	if err != nil || broken != 0 {
		t.Errorf("users at 390 px: %d names broken over two lines (%v)", broken, err)
	}
	b.Run("users back", chromedp.EmulateViewport(1366, 900))

	// 5. The audit page shows the grant.
	b.Run("audit", chromedp.Navigate(base+"/audit?action=role.grant"), chromedp.WaitVisible(chromedp.CSS(`#audit-table`)))
	auditText := b.Text(`#audit-table tbody`)
	wf, _ := ta.Auth.UserByName(bg, "wangfang")
	// The object by its name, never its internal id.
	if !strings.Contains(auditText, "chief") || !strings.Contains(auditText, "账号 "+wf.DisplayName) ||
		strings.Contains(auditText, fmt.Sprintf("user:%d", wf.ID)) {
		t.Errorf("audit page lacks the grant by chief to %s: %q", wf.DisplayName, auditText)
	}
	b.Run("audit all", chromedp.Navigate(base+"/audit"), chromedp.WaitVisible(chromedp.CSS(`#audit-table`)))
	b.Shot("audit")

	// 6. Record a person: a wrong check digit is refused with the input kept,
	// the fixed number is saved masked, and revealing it is audited.
	good := "51040219850312201" + string(std.CitizenIDCheckDigit("51040219850312201"))
	wrong := good[:17] + map[bool]string{true: "0", false: "1"}[good[17] != '0']
	b.Run("new person", chromedp.Navigate(base+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "张伟"),
		chromedp.SetValue(chromedp.CSS(`form[action="/people"] input[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.SendKeys(chromedp.CSS(`input[name=id_number]`), wrong),
		chromedp.SendKeys(chromedp.CSS(`input[name=phone]`), "13812345678"),
		chromedp.SendKeys(chromedp.CSS(`input[name=employer]`), "攀枝花钢铁研究院"),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`.field.invalid .err`)),
	)
	if msg := b.Text(`.field.invalid .err`); !strings.Contains(msg, "校验位") || b.Value(`input[name=employer]`) != "攀枝花钢铁研究院" {
		t.Errorf("wrong check digit: %q", msg)
	}
	b.Shot("person-form-error")
	b.Run("fix and save",
		chromedp.Clear(chromedp.CSS(`input[name=id_number]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=id_number]`), good),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`#reveal-id`)),
	)
	birth := good[6:10] + "-" + good[10:12] + "-" + good[12:14]
	if body := b.Text(`#person`); strings.Contains(body, good) || !strings.Contains(body, good[:6]+"************") ||
		strings.Contains(body, birth) || b.Text(`#birth-year`) != good[6:10] {
		t.Errorf("person page does not mask the ID and the birth date: %q", body)
	}
	b.Run("reveal birth date", chromedp.Click(chromedp.CSS(`#reveal-birth`)), chromedp.WaitVisible(chromedp.CSS(`#revealed-birth`)))
	if got := b.Text(`#revealed-birth`); got != birth {
		t.Errorf("revealed birth date %q, want %q", got, birth)
	}
	b.Run("reveal", chromedp.Click(chromedp.CSS(`#reveal-id`)), chromedp.WaitVisible(chromedp.CSS(`#revealed-id`)))
	if got := b.Text(`#revealed-id`); got != good {
		t.Errorf("revealed %q, want %q", got, good)
	}
	b.Shot("person")
	b.Run("reveal audited", chromedp.Navigate(base+"/audit?action=person.reveal"), chromedp.WaitVisible(chromedp.CSS(`#audit-table`)))
	if a := b.Text(`#audit-table tbody`); !strings.Contains(a, "chief") || !strings.Contains(a, "查看个人信息") || !strings.Contains(a, "人员 ") ||
		!strings.Contains(a, "出生日期") || strings.Contains(a, "person:") {
		t.Errorf("reveal not in the audit log: %q", a)
	}
	// 7. Import a register: a file with errors writes nothing and says
	// where; the fixed file imports.
	dir := t.TempDir()
	t.Cleanup(ta.RunJobs(context.Background())) // a large file is imported as a job
	id2 := "51040219900101202" + string(std.CitizenIDCheckDigit("51040219900101202"))
	header := "姓名,身份证号,手机号,工作单位,地区代码,职称级别\n"
	badFile, goodFile := filepath.Join(dir, "bad.csv"), filepath.Join(dir, "good.csv")
	if err := os.WriteFile(badFile, []byte(header+"王芳,"+id2[:17]+"Y,13912345678,攀枝花学院,510402,中级\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goodFile, []byte(header+"王芳,"+id2+",13912345678,攀枝花学院,510402,中级\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Run("import bad file", chromedp.Navigate(base+"/people/import"), chromedp.WaitVisible(chromedp.CSS(`#import-submit`)),
		chromedp.SetValue(chromedp.CSS(`form[action="/people/import"] input[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name=file]`), []string{badFile}),
		chromedp.Click(chromedp.CSS(`#import-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#import-errors`)),
	)
	if e := b.Text(`#import-errors`); !strings.Contains(e, "身份证号") || !strings.Contains(e, "未写入任何数据") {
		t.Errorf("import errors = %q", e)
	}
	b.Shot("import-errors")
	b.Run("import good file",
		chromedp.SetValue(chromedp.CSS(`form[action="/people/import"] input[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name=file]`), []string{goodFile}),
		chromedp.Click(chromedp.CSS(`#import-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#import-done`)),
	)
	if done := b.Text(`#import-done`); !strings.Contains(done, "新增 1 人") {
		t.Errorf("import result = %q", done)
	}
	// A large file is checked as a job: a progress bar that kexie.js
	// moves, then the same result as a small file.
	bigFile := filepath.Join(dir, "big.csv")
	var big strings.Builder
	big.WriteString(header)
	for i := range 30000 {
		first := fmt.Sprintf("5104031%03d%02d%02d%03d", 960+i/336%40, 1+i/28%12, 1+i%28, i%1000)
		fmt.Fprintf(&big, "李华%d,%s,137%08d,攀枝花钢铁研究院钒钛资源综合利用中心,510402,中级\n", i, first+string(std.CitizenIDCheckDigit(first)), i)
	}
	if err := os.WriteFile(bigFile, []byte(big.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	b.Run("check large file",
		chromedp.SetValue(chromedp.CSS(`form[action="/people/import"] input[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name=file]`), []string{bigFile}),
		chromedp.Click(chromedp.CSS(`#import-check`)),
		chromedp.WaitVisible(chromedp.CSS(`#import-checked`)),
	)
	if done := b.Text(`#import-checked`); !strings.Contains(done, "共 30000 行，将新增 30000 人") {
		t.Errorf("large check result = %q", done)
	}
	// 8. Search with two facets.
	b.Run("search", chromedp.Navigate(base+"/people?q="+url.QueryEscape("攀枝花")), chromedp.WaitVisible(chromedp.CSS(`#facets`)),
		chromedp.Click(chromedp.CSS(`#facets .facet:nth-child(1) li:first-child a`)), chromedp.WaitVisible(chromedp.CSS(`#facets a.on`)),
		chromedp.Click(chromedp.CSS(`#facets .facet:nth-child(2) li:first-child a:not(.on)`)),
		chromedp.WaitVisible(chromedp.CSS(`#facets .facet:nth-child(2) a.on`)))
	if loc := b.Location(); strings.Count(loc, "=") < 3 {
		t.Errorf("two facets not both applied: %s", loc)
	}
	if list := b.Text(`#people-table`); !strings.Contains(list, "王芳") && !strings.Contains(list, "张伟") {
		t.Errorf("faceted search lost the hits: %q", list)
	}
	// 9. Plans: see TestBrowserPlanFlow.
	// 10. The other people pages render: pools, unit members, my profile.
	for _, pg := range []struct{ path, sel, shot string }{
		{"/people/pools", "main h1", "pools"}, {"/members/units", "main h1", "units"}, {"/me", "main h1", "me"},
		{"/people/deletions", "main h1", "deletions"}, {"/users/new", "main h1", "user-new"}, {"/account", "main h1", "account"},
		{"/plans", "main h1", "plans"},
	} {
		b.Run(pg.path, chromedp.Navigate(base+pg.path), chromedp.WaitVisible(chromedp.CSS(pg.sel)))
		b.Shot(pg.shot)
	}
	b.Run("people", chromedp.Navigate(base+"/people?q="+url.QueryEscape("攀枝花学院")), chromedp.WaitVisible(chromedp.CSS(`#people-table`)))
	if list := b.Text(`#people-table`); !strings.Contains(list, "王芳") || strings.Contains(list, id2) {
		t.Errorf("people list = %q", list)
	}
	b.Shot("people")
}
