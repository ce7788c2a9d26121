package people_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/people"
	"kexie/internal/web/webtest"
)

// A clerk opens a person, corrects the title, sees the change; then deletes
// the person after a refused attempt without the confirmation, and the
// list no longer shows them.
func TestBrowserPersonEdit(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := webtest.Browser(t)
		ps.User(t, "clerk", access.OrgStaff, ps.City)
		p, err := ps.People.Create(context.Background(), people.Input{OrgID: ps.City.ID, Name: "张伟", IDNumber: idNumber("51040219850312201"),
			Phone: "13812345678", Employer: "攀枝花学院", Title: "讲师", TitleLevel: "intermediate", Expertise: "钒钛磁铁矿综合利用"})
		if err != nil {
			t.Fatal(err)
		}
		b := webtest.NewTab(t, ctx, ps.URL, 20*time.Second)
		b.Login("clerk")
		b.Run("person page", chromedp.Navigate(fmt.Sprintf("%s/people/%d", ps.URL, p.ID)), chromedp.WaitVisible(chromedp.CSS(`#edit-person`)),
			chromedp.Click(chromedp.CSS(`#edit-person`)), chromedp.WaitVisible(chromedp.CSS(`#person-edit`)))
		if got := b.Text(`#id-masked`); got != p.IDMasked {
			t.Errorf("masked ID on the form = %q", got)
		}
		b.Shot("person-edit")
		b.Run("correct", chromedp.SetValue(chromedp.CSS(`input[name=title]`), "教授"),
			chromedp.SetValue(chromedp.CSS(`select[name=title_level]`), "senior"),
			chromedp.Submit(chromedp.CSS(`input[name=name]`)), chromedp.WaitVisible(chromedp.CSS(`#person`)))
		if got := b.Text(`#person`); !strings.Contains(got, "教授") || !strings.Contains(got, "138****5678") {
			t.Errorf("person after the edit = %q", got)
		}

		b.Run("delete page", chromedp.Click(chromedp.CSS(`#delete-person`)), chromedp.WaitVisible(chromedp.CSS(`#person-delete`)),
			chromedp.SendKeys(chromedp.CSS(`textarea[name=reason]`), "重复录入"),
			chromedp.Click(chromedp.CSS(`#confirm-delete`)), chromedp.WaitVisible(chromedp.CSS(`.err`)))
		if got := b.Text(`.err`); !strings.Contains(got, "请勾选") {
			t.Errorf("error without the confirmation = %q", got)
		}
		b.Run("confirm", chromedp.Click(chromedp.CSS(`input[name=confirm]`)), chromedp.Click(chromedp.CSS(`#confirm-delete`)),
			chromedp.WaitVisible(chromedp.CSS(`.flash`)))
		if got := b.Text(`main`); strings.Contains(got, "张伟") || !strings.Contains(got, "共 0 条") {
			t.Errorf("the list after the deletion shows %q", got)
		}
	})
}
