package people_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// A staff member fills the person form's discipline field from the picker:
// by name with the mouse, then by code with the keyboard; then two
// secondary disciplines, one pick after the other in the same field; the
// person's page shows them all with their names.
func TestBrowserDisciplinePicker(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := webtest.Browser(t)
		bg := context.Background()
		// A small table of our own in the shape of GB/T 13745.
		table := "代码,名称\n110,数学\n11014,代数学\n1101410,线性代数\n11021,几何学\n120,信息科学与系统科学\n"
		if _, errs, err := ps.People.ImportDisciplines(bg, strings.NewReader(table)); err != nil || len(errs) > 0 {
			t.Fatalf("import disciplines: %v %v", errs, err)
		}
		ps.User(t, "clerk", access.OrgStaff, ps.City)
		b := webtest.NewTab(t, ctx, ps.URL, 20*time.Second)
		b.Login("clerk")
		b.Run("person form", chromedp.Navigate(ps.URL+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=discipline]`)))

		if list := b.Suggest("discipline", "代数", "11014"); !strings.Contains(list, "数学 › 代数学") || !strings.Contains(list, "线性代数") ||
			strings.Contains(list, "几何学") {
			t.Errorf("suggestions for 代数: %q", list)
		}
		b.Pick("discipline", "11014", "11014")
		b.Clear("discipline")
		b.Suggest("discipline", "1102", "11021")
		b.Pick("discipline", "", "11021")

		// The secondary field takes several codes: each pick replaces the
		// code being typed and leaves "；" for the next one.
		b.Suggest("disciplines2", "线性", "1101410")
		b.Pick("disciplines2", "1101410", "1101410；")
		if list := b.Suggest("disciplines2", "信息", "120"); strings.Contains(list, "线性代数") {
			t.Errorf("the second lookup used the whole field: %q", list)
		}
		b.Pick("disciplines2", "", "1101410；120；")

		b.Run("save", chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "张伟"),
			chromedp.SetValue(chromedp.CSS(`form[action="/people"] input[name=org_id]`), fmt.Sprint(ps.City.ID)),
			chromedp.Submit(chromedp.CSS(`input[name=name]`)),
			chromedp.WaitVisible(chromedp.CSS(`#person`)))
		if body := b.Text(`#discipline`); !strings.Contains(body, "11021 几何学") {
			t.Errorf("saved person's primary discipline: %q", body)
		}
		if body := b.Text(`#disciplines2`); body != "1101410 线性代数；120 信息科学与系统科学" {
			t.Errorf("saved person's secondary disciplines: %q", body)
		}
	})
}
