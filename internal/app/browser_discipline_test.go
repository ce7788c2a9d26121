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

// A staff member fills the person form's discipline field from the picker:
// by name with the mouse, then by code with the keyboard; then two
// secondary disciplines, one pick after the other in the same field; the
// person's page shows them all with their names.
func TestBrowserDisciplinePicker(t *testing.T) {
	ctx := browser(t)
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	bg := context.Background()
	// A small table of our own in the shape of GB/T 13745.
	table := "代码,名称\n110,数学\n11014,代数学\n1101410,线性代数\n11021,几何学\n120,信息科学与系统科学\n"
	if _, errs, err := ta.People.ImportDisciplines(bg, strings.NewReader(table)); err != nil || len(errs) > 0 {
		t.Fatalf("import disciplines: %v %v", errs, err)
	}
	clerk, err := ta.Auth.CreateUser(bg, authInput("clerk"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Auth.Grant(bg, clerk.ID, ta.city.ID, access.OrgStaff, 0); err != nil {
		t.Fatal(err)
	}
	b := newTab(t, ctx, ta.srv.URL, 20*time.Second)
	field := chromedp.CSS(`input[name=discipline]`)
	b.login("clerk")
	b.run("person form", chromedp.Navigate(ta.srv.URL+"/people/new"), chromedp.WaitVisible(field))

	b.run("type a name", chromedp.SendKeys(field, "代数"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="11014"]`)))
	list, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ul.suggest`)))
	if err != nil || !strings.Contains(list, "数学 › 代数学") || !strings.Contains(list, "线性代数") || strings.Contains(list, "几何学") {
		t.Errorf("suggestions for 代数: %q %v", list, err)
	}
	b.run("pick with the mouse", chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="11014"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=discipline]`); got != "11014" {
		t.Errorf("after the click the field holds %q, want 11014", got)
	}

	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("input[name=discipline]").value = ""`)); err != nil {
		t.Fatal(err)
	}
	b.run("type a code", chromedp.SendKeys(field, "1102"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="11021"]`)))
	b.run("choose with the keyboard", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=discipline]`); got != "11021" {
		t.Errorf("after ↓ Enter the field holds %q, want 11021", got)
	}

	// The secondary field takes several codes: each pick replaces the
	// code being typed and leaves "；" for the next one.
	second := chromedp.CSS(`input[name=disciplines2]`)
	b.run("type a secondary by name", chromedp.SendKeys(second, "线性"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="1101410"]`)))
	b.run("pick it", chromedp.Click(chromedp.CSS(`ul.suggest button[data-code="1101410"]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=disciplines2]`); got != "1101410；" {
		t.Errorf("after the first pick the field holds %q, want 1101410；", got)
	}
	b.run("type another", chromedp.SendKeys(second, "信息"),
		chromedp.WaitVisible(chromedp.CSS(`ul.suggest button[data-code="120"]`)))
	if list := b.text(`ul.suggest`); strings.Contains(list, "线性代数") {
		t.Errorf("the second lookup used the whole field: %q", list)
	}
	b.run("choose it with the keyboard", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitNotPresent(chromedp.CSS(`ul.suggest`)))
	if got := b.value(`input[name=disciplines2]`); got != "1101410；120；" {
		t.Errorf("after the second pick the field holds %q, want 1101410；120；", got)
	}

	b.run("save", chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "张伟"),
		chromedp.SetValue(chromedp.CSS(`form[action="/people"] select[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`#person`)))
	if body := b.text(`#discipline`); !strings.Contains(body, "11021 几何学") {
		t.Errorf("saved person's primary discipline: %q", body)
	}
	if body := b.text(`#disciplines2`); body != "1101410 线性代数；120 信息科学与系统科学" {
		t.Errorf("saved person's secondary disciplines: %q", body)
	}
}
