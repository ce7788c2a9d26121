package org_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web/webtest"
)

// adopt signs the browser tab in with c's session: administrators sign in
// with a second factor, which the HTTP client has already given.
func adopt(b *webtest.Tab, c *webtest.Client) {
	b.T.Helper()
	u, _ := url.Parse(c.Base)
	b.Run("open", chromedp.Navigate(c.Base+"/login"), chromedp.WaitVisible(chromedp.CSS(`#login-submit`)))
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		js := fmt.Sprintf(`document.cookie = %q; ""`, ck.Name+"="+ck.Value+"; path=/")
		if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js)); err != nil {
			b.Fail("cookie "+ck.Name, err)
		}
	}
}

// noOverflow fails when the page is wider than the window at width.
func noOverflow(b *webtest.Tab, width int64, what string) {
	b.T.Helper()
	b.Run("resize", chromedp.EmulateViewport(width, 844), chromedp.Sleep(150*time.Millisecond))
	w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		b.Fail("width", err)
	}
	if w > int(width) {
		b.T.Errorf("%s at %d px is %d px wide", what, width, w)
	}
}

// The org page shows the tree beside the table: cities in GB/T 2260 code
// order, a closed city opens to its children, choosing one shows its
// table. The org picker finds an org among 849 by pinyin initials, shows
// its path, pages on with "more…", and fills the new-user and move forms.
func TestBrowserOrgTreeAndPicker(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := pickerSite(t, d)
		ctx := context.Background()
		// A third city, 成都 (510100), sorts before 攀枝花 (510400) and 滁州
		// (341100 sorts first): code order, not name order.
		cd, err := s.Orgs.Create(ctx, org.Input{ParentID: s.Root.ID, Code: "CD", Name: "成都市科学技术协会", Type: org.TypeCity, RegionCode: "510100"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Orgs.Create(ctx, org.Input{ParentID: s.Root.ID, Code: "XH-HX", Name: "化学化工学会", Type: org.TypeSociety}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Orgs.Create(ctx, org.Input{ParentID: cd.ID, Code: "CD-JJ", Name: "锦江区科学技术协会", Type: org.TypeCounty, RegionCode: "510104"}); err != nil {
			t.Fatal(err)
		}
		admin, _ := s.User(t, "admin", access.SysAdmin, s.Root)
		b := webtest.NewTab(t, webtest.Browser(t), s.URL, 20*time.Second)
		adopt(b, admin)

		b.Open("/orgs", "#org-tree details[open]")
		tree := b.Text("#org-tree")
		iCZ, iCD, iPZH, iXH := strings.Index(tree, "滁州"), strings.Index(tree, "成都"), strings.Index(tree, "攀枝花"), strings.Index(tree, "化学化工学会")
		if iCZ < 0 || !(iCZ < iCD && iCD < iPZH && iPZH < iXH) {
			t.Errorf("tree order: 滁州 %d, 成都 %d, 攀枝花 %d, 学会 %d; want code order, societies after\n%s", iCZ, iCD, iPZH, iXH, tree)
		}
		sel := fmt.Sprintf(`#org-tree li[data-org="%d"]`, cd.ID)
		b.Run("expand 成都", chromedp.Evaluate[chromedp.Void](`document.querySelector('`+sel+` > details > summary').click()`),
			chromedp.WaitVisible(chromedp.CSS(sel+` li .leaf a`)))
		if got := b.Text(sel + " li .leaf a"); got != "锦江区科学技术协会" {
			t.Errorf("expanded 成都 shows %q", got)
		}
		b.Run("select 成都", chromedp.Click(chromedp.CSS(sel+` > details > summary > a`)),
			chromedp.WaitVisible(chromedp.CSS(sel+` a[aria-current="page"]`)))
		if got := b.Text("#org-table tbody"); !strings.Contains(got, "锦江区科学技术协会") {
			t.Errorf("table of 成都 = %q", got)
		}
		noOverflow(b, 1280, "org tree")
		b.Shot("org-tree")
		noOverflow(b, 390, "org tree")
		b.Run("reset", chromedp.ResetViewport())

		// New user: type pinyin initials, see paths, page on, pick by keyboard.
		b.Open("/users/new", `form[action="/users"] input[name=org_id]`)
		b.Run("type tsw", chromedp.SendKeys(chromedp.CSS(`input[name=org_id]`), "tsw"),
			chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="tsw"] button[data-pick="CZ-TSW"]`)))
		list := b.Text("ul.orglist")
		if !strings.Contains(list, "科学技术协会 › 攀枝花市科学技术协会 › 团市委") || !strings.Contains(list, "科学技术协会 › 滁州市科学技术协会 › 团市委") {
			t.Errorf("团市委 hits lack their paths: %q", list)
		}
		b.Shot("org-picker")
		b.Run("pick by keyboard", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
		// The code goes in a hidden field; the field shows the name, its
		// path under it — nobody reads a code.
		if v := b.Value(`input[type=hidden][name=org_id]`); v != "PZH-TSW" && v != "CZ-TSW" {
			t.Errorf("picked %q", v)
		}
		if v := b.Value(`.orgpick input[type=text]`); v != "团市委" {
			t.Errorf("the field shows %q after the pick, want the org's name", v)
		}
		if p := b.Text(`[data-orgpick-path]`); !strings.Contains(p, "› 团市委") {
			t.Errorf("path under the field = %q", p)
		}
		b.Run("clear", chromedp.Evaluate[chromedp.Void](`document.querySelector(".orgpick input[type=text]").value = ""`))
		b.Run("type pzhd", chromedp.SendKeys(chromedp.CSS(`.orgpick input[type=text]`), "pzhd"),
			chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="pzhd"] button.more`)))
		if n := countIn(b, `ul.orglist button[data-pick]`); n != 20 {
			t.Errorf("first page: %d hits", n)
		}
		b.Run("more", chromedp.Click(chromedp.CSS(`ul.orglist button.more`)),
			chromedp.WaitVisible(chromedp.CSS(`ul.orglist li:nth-child(40) button[data-pick]`)))
		b.Run("pick S022", chromedp.Evaluate[chromedp.Void](`document.querySelector('ul.orglist button[data-pick="PZH-S022"]').scrollIntoView()`),
			chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH-S022"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
		// A form shown again (a password too short) keeps the org chosen,
		// shown by its name, sent by its code.
		b.Run("fill user, short password", chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "xuehui"),
			chromedp.SendKeys(chromedp.CSS(`input[name=display_name]`), "学会秘书"),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), "short"),
			chromedp.Submit(chromedp.CSS(`input[name=username]`)), chromedp.WaitVisible(chromedp.CSS(`form[action="/users"] .field.invalid input[name=password]`)))
		if v := b.Value(`form[action="/users"] .orgpick input[type=text]`); v != "攀枝花第022学会" {
			t.Errorf("the form shown again shows the org as %q, want its name", v)
		}
		if v := b.Value(`form[action="/users"] input[type=hidden][name=org_id]`); v != "PZH-S022" {
			t.Errorf("the form shown again sends %q, want the org's code", v)
		}
		b.Run("fill user", chromedp.Evaluate[chromedp.Void](`document.querySelector("input[name=username]").value = ""; document.querySelector("input[name=display_name]").value = ""`),
			chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "xuehui"),
			chromedp.SendKeys(chromedp.CSS(`input[name=display_name]`), "学会秘书"),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), "Xue-Hui-2026-ok"),
			chromedp.SetValue(chromedp.CSS(`form[action="/users"] select[name=role]`), "org_staff"),
			chromedp.Submit(chromedp.CSS(`input[name=username]`)), chromedp.WaitVisible(chromedp.CSS(`#grant-submit`)))
		if got := b.Text("main"); !strings.Contains(got, "攀枝花第022学会") {
			t.Errorf("new user's page lacks the picked org: %.400s", got)
		}

		// Move: the new parent is picked by name, no internal code typed.
		jj, _ := s.Orgs.GetByCode(ctx, "CD-JJ")
		b.Open(fmt.Sprintf("/orgs/%d/move", jj.ID), `input[name=parent_code]`)
		b.Run("type 攀枝花", chromedp.SendKeys(chromedp.CSS(`input[name=parent_code]`), "攀枝花市"),
			chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="攀枝花市"] button[data-pick="PZH"]`)),
			chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)),
			chromedp.Submit(chromedp.CSS(`input[name=parent_code]`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		if o, _ := s.Orgs.Get(ctx, jj.ID); o.ParentID != s.City.ID {
			t.Errorf("moved under %d, want %d", o.ParentID, s.City.ID)
		}
		noOverflow(b, 390, "move form")
	})
}

func countIn(b *webtest.Tab, sel string) int {
	b.T.Helper()
	n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll('`+sel+`').length`))
	if err != nil {
		b.Fail("count "+sel, err)
	}
	return n
}
