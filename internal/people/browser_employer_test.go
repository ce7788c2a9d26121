package people_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// A staff member enters an outside unit with a mistyped 统一社会信用代码,
// sees the error with the entries kept, corrects it; then records a person
// working at an org of the tree, whose page links the org.
func TestBrowserEmployer(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := webtest.Browser(t)
		ps.User(t, "clerk", access.OrgStaff, ps.City)
		b := webtest.NewTab(t, ctx, ps.URL, 20*time.Second)
		b.Login("clerk")
		code := uscc("91510400MA62X5L8T")
		wrong := code[:17] + map[bool]string{true: "0", false: "1"}[code[17] != '0']
		b.Run("person form", chromedp.Navigate(ps.URL+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=employer_uscc]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "张伟"),
			chromedp.SendKeys(chromedp.CSS(`input[name=employer]`), "攀钢集团有限公司"),
			chromedp.SendKeys(chromedp.CSS(`input[name=employer_uscc]`), wrong))
		b.Shot("employer-form")
		b.Run("save", chromedp.Submit(chromedp.CSS(`input[name=name]`)), chromedp.WaitVisible(chromedp.CSS(`.field.invalid .err`)))
		if got := b.Text(`.field.invalid .err`); got != "统一社会信用代码校验位不正确，请核对。" {
			t.Errorf("error = %q", got)
		}
		if got := b.Value(`input[name=employer]`); got != "攀钢集团有限公司" {
			t.Errorf("employer after the error = %q", got)
		}
		b.Shot("employer-form-error")
		b.Run("correct", chromedp.SetValue(chromedp.CSS(`input[name=employer_uscc]`), code),
			chromedp.Submit(chromedp.CSS(`input[name=name]`)), chromedp.WaitVisible(chromedp.CSS(`#person`)))
		if got := b.Text(`#employer`); !strings.Contains(got, "攀钢集团有限公司") || !strings.Contains(got, code) {
			t.Errorf("person page employer = %q", got)
		}

		b.Run("org employer", chromedp.Navigate(ps.URL+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=employer_org_id]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "王芳"),
			chromedp.SetValue(chromedp.CSS(`input[name=employer_org_id]`), fmt.Sprint(ps.City.ID)),
			chromedp.Submit(chromedp.CSS(`input[name=name]`)), chromedp.WaitVisible(chromedp.CSS(`#employer a`)))
		if got := b.Text(`#employer a`); got != ps.City.Name {
			t.Errorf("org employer link = %q", got)
		}
		b.Shot("employer-person")
	})
}
