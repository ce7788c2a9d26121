package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/web/webtest"
)

// pickerPage signs a staff member of the city in and opens the person
// form.
func pickerPage(t *testing.T, ta *testApp) *webtest.Tab {
	ta.user(t, "clerk", access.OrgStaff, ta.city)
	b := webtest.NewTab(t, webtest.Browser(t), ta.srv.URL, 20*time.Second)
	b.Login("clerk")
	b.Run("person form", chromedp.Navigate(ta.srv.URL+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)))
	return b
}

// The person form's region field asks the app's region lookup
// (GET /std/regions, served by the platform module of package app), so
// this test stays with the wiring rather than in internal/people.
//
// A staff member fills the person form's region field from the picker by
// pinyin initials — "cq" for 重庆市, whose 重 is read chóng here — with the
// mouse, then "PZH" with the keyboard, and the chosen code is saved.
func TestBrowserRegionPicker(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	b := pickerPage(t, ta)
	b.Suggest("region_code", "cq", "500000")
	if first := b.Text(`ul.suggest li:first-child button`); !strings.Contains(first, "重庆市") {
		t.Errorf("first suggestion for cq: %q", first)
	}
	b.Pick("region_code", "500000", "500000")
	b.Clear("region_code")
	if list := b.Suggest("region_code", "PZH", "510400"); !strings.Contains(list, "四川省攀枝花市") {
		t.Errorf("suggestions for PZH: %q", list)
	}
	b.Pick("region_code", "", "510400")

	b.Run("save", chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "李娜"),
		chromedp.SetValue(chromedp.CSS(`form[action="/people"] input[name=org_id]`), fmt.Sprint(ta.city.ID)),
		chromedp.Submit(chromedp.CSS(`input[name=name]`)),
		chromedp.WaitVisible(chromedp.CSS(`#person`)))
	if body := b.Text(`#person`); !strings.Contains(body, "攀枝花") {
		t.Errorf("saved person lacks the region: %q", body)
	}
}

// The people list's 所在地区 filter is the same picker: typing 攀枝花 and
// picking 攀枝花市 lists the city's people and not Chengdu's; a name typed
// without a pick is read too.
func TestBrowserRegionFilter(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	for _, p := range []people.Input{{OrgID: ta.city.ID, Name: "攀枝花人", RegionCode: "510402"},
		{OrgID: ta.city.ID, Name: "成都人", RegionCode: "510104"}} {
		_, err := ta.People.Create(ctx, p)
		must(t, err)
	}
	b := pickerPage(t, ta)
	b.Run("people list", chromedp.Navigate(ta.srv.URL+"/people"), chromedp.WaitVisible(chromedp.CSS(`input[name=region]`)))
	b.Suggest("region", "攀枝花", "510400")
	b.Pick("region", "510400", "510400")
	b.Run("filter", chromedp.Submit(chromedp.CSS(`input[name=region]`)), chromedp.WaitVisible(chromedp.CSS(`#facets`)))
	if body := b.Text(`main`); !strings.Contains(body, "攀枝花人") || strings.Contains(body, "成都人") {
		t.Errorf("filtered by 攀枝花市: %q", body)
	}
	b.Run("a name typed, not picked", chromedp.Navigate(ta.srv.URL+"/people?region="+url.QueryEscape("成都市")), chromedp.WaitVisible(chromedp.CSS(`#facets`)))
	if loc := b.Location(); !strings.Contains(loc, "region=510100") {
		t.Errorf("成都市 read as %s", loc)
	}
	if body := b.Text(`main`); !strings.Contains(body, "成都人") || strings.Contains(body, "攀枝花人") {
		t.Errorf("filtered by 成都市: %q", body)
	}
	b.Run("a name of several", chromedp.Navigate(ta.srv.URL+"/people?region="+url.QueryEscape("朝阳区")), chromedp.WaitVisible(chromedp.CSS(`#filter-problem`)))
	if body := b.Text(`main`); !strings.Contains(body, "“朝阳区”对应多个地区") || strings.Contains(body, "成都人") || strings.Contains(body, "攀枝花人") {
		t.Errorf("朝阳区: %q", body)
	}
	b.Run("no such region", chromedp.Navigate(ta.srv.URL+"/people?region="+url.QueryEscape("火星")), chromedp.WaitVisible(chromedp.CSS(`#filter-problem`)))
	if body := b.Text(`#filter-problem`); !strings.Contains(body, "未找到地区“火星”") {
		t.Errorf("火星: %q", body)
	}
}
