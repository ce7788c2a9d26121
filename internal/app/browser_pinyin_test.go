package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
)

// pickerPage signs a staff member of the city in and opens the person
// form; it returns the browser and a runner of steps that fails the test
// with the page's main element.
func pickerPage(t *testing.T, ta *testApp) (context.Context, func(string, ...chromedp.Action[chromedp.Void])) {
	ctx := browser(t)
	bg := context.Background()
	clerk, err := ta.Auth.CreateUser(bg, authInput("clerk"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, clerk.ID, ta.city.ID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			html, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main")))
			t.Fatalf("%s: %v\n%.1500s", step, err, html)
		}
	}
	run("sign in", chromedp.Navigate(ta.srv.URL+"/login"),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), "clerk"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), testPassword),
		chromedp.Click(chromedp.CSS(`#login-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`.usermenu`)))
	run("person form", chromedp.Navigate(ta.srv.URL+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)))
	return ctx, run
}

// fieldValue reads the value of the input named name.
func fieldValue(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`input[name=`+name+`]`)))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return v
}

// A staff member fills the person form's region field from the picker by
// pinyin initials — "cq" for 重庆市, whose 重 is read chóng here — with the
// mouse, then "PZH" with the keyboard, and the chosen code is saved.
func TestBrowserRegionPicker(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx, run := pickerPage(t, ta)
	field := chromedp.CSS(`input[name=region_code]`)

	run("type initials", chromedp.SendKeys(field, "cq"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="500000"]`)))
	first, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ul.suggest li:first-child button`)))
	if err != nil || !strings.Contains(first, "重庆市") {
		t.Errorf("first suggestion for cq: %q %v", first, err)
	}
	run("pick with the mouse", chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="500000"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := fieldValue(t, ctx, "region_code"); got != "500000" {
		t.Errorf("after the click the field holds %q, want 500000", got)
	}

	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("input[name=region_code]").value = ""`)); err != nil {
		t.Fatal(err)
	}
	run("type more initials", chromedp.SendKeys(field, "PZH"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="510400"]`)))
	list, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ul.suggest`)))
	if err != nil || !strings.Contains(list, "四川省攀枝花市") {
		t.Errorf("suggestions for PZH: %q %v", list, err)
	}
	run("choose with the keyboard", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := fieldValue(t, ctx, "region_code"); got != "510400" {
		t.Errorf("after ↓ Enter the field holds %q, want 510400", got)
	}

	run("save", chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "李娜"),
		chromedp.SetValue(chromedp.CSS(`form[action="/people"] select[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`#person`)))
	if body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#person`))); !strings.Contains(body, "攀枝花") {
		t.Errorf("saved person lacks the region: %q", body)
	}
}

// The discipline picker (TestBrowserDisciplinePicker) also finds entries
// by pinyin initials, in either case, and a pick fills in the code.
func TestBrowserDisciplinePickerPinyin(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	table := "代码,名称\n110,数学\n11014,代数学\n1101410,线性代数\n11021,几何学\n120,信息科学与系统科学\n"
	if _, errs, err := ta.People.ImportDisciplines(context.Background(), strings.NewReader(table)); err != nil || len(errs) > 0 {
		t.Fatalf("import disciplines: %v %v", errs, err)
	}
	ctx, run := pickerPage(t, ta)
	field := chromedp.CSS(`input[name=discipline]`)

	run("type initials", chromedp.SendKeys(field, "XXDS"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="1101410"]`)))
	list, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ul.suggest`)))
	if err != nil || !strings.Contains(list, "数学 › 代数学 › 线性代数") || strings.Contains(list, "几何学") {
		t.Errorf("suggestions for XXDS: %q %v", list, err)
	}
	run("pick with the mouse", chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="1101410"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := fieldValue(t, ctx, "discipline"); got != "1101410" {
		t.Errorf("after the click the field holds %q, want 1101410", got)
	}

	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("input[name=discipline]").value = ""`)); err != nil {
		t.Fatal(err)
	}
	run("type other initials", chromedp.SendKeys(field, "jhx"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="11021"]`)))
	run("choose with the keyboard", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := fieldValue(t, ctx, "discipline"); got != "11021" {
		t.Errorf("after ↓ Enter the field holds %q, want 11021", got)
	}
}
