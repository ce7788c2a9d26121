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
// form.
func pickerPage(t *testing.T, ta *testApp) *tab {
	bg := context.Background()
	clerk, err := ta.Auth.CreateUser(bg, authInput("clerk"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, clerk.ID, ta.city.ID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}
	b := newTab(t, browser(t), ta.srv.URL, 20*time.Second)
	b.login("clerk")
	b.run("person form", chromedp.Navigate(ta.srv.URL+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)))
	return b
}

// clear empties the form field named name.
func (b *tab) clear(name string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("input[name=`+name+`]").value = ""`)); err != nil {
		b.fail("clear "+name, err)
	}
}

// A staff member fills the person form's region field from the picker by
// pinyin initials — "cq" for 重庆市, whose 重 is read chóng here — with the
// mouse, then "PZH" with the keyboard, and the chosen code is saved.
func TestBrowserRegionPicker(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	b := pickerPage(t, ta)
	field := chromedp.CSS(`input[name=region_code]`)

	b.run("type initials", chromedp.SendKeys(field, "cq"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="500000"]`)))
	if first := b.text(`ul.suggest li:first-child button`); !strings.Contains(first, "重庆市") {
		t.Errorf("first suggestion for cq: %q", first)
	}
	b.run("pick with the mouse", chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="500000"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=region_code]`); got != "500000" {
		t.Errorf("after the click the field holds %q, want 500000", got)
	}

	b.clear("region_code")
	b.run("type more initials", chromedp.SendKeys(field, "PZH"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="510400"]`)))
	if list := b.text(`ul.suggest`); !strings.Contains(list, "四川省攀枝花市") {
		t.Errorf("suggestions for PZH: %q", list)
	}
	b.run("choose with the keyboard", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=region_code]`); got != "510400" {
		t.Errorf("after ↓ Enter the field holds %q, want 510400", got)
	}

	b.run("save", chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "李娜"),
		chromedp.SetValue(chromedp.CSS(`form[action="/people"] select[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`#person`)))
	if body := b.text(`#person`); !strings.Contains(body, "攀枝花") {
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
	b := pickerPage(t, ta)
	field := chromedp.CSS(`input[name=discipline]`)

	b.run("type initials", chromedp.SendKeys(field, "XXDS"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="1101410"]`)))
	if list := b.text(`ul.suggest`); !strings.Contains(list, "数学 › 代数学 › 线性代数") || strings.Contains(list, "几何学") {
		t.Errorf("suggestions for XXDS: %q", list)
	}
	b.run("pick with the mouse", chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="1101410"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=discipline]`); got != "1101410" {
		t.Errorf("after the click the field holds %q, want 1101410", got)
	}

	b.clear("discipline")
	b.run("type other initials", chromedp.SendKeys(field, "jhx"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="11021"]`)))
	b.run("choose with the keyboard", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=discipline]`); got != "11021" {
		t.Errorf("after ↓ Enter the field holds %q, want 11021", got)
	}
}
