package innovation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserInnovation: on a phone (390 px) an enterprise files a
// technology need with the city's association, picking it by name; at a
// desktop's width (1,280 px) the city's staff publish it, find and propose
// an expert of the talent database, record a 对接 and a 签约 with its
// amount; the public list then shows the need without its contact. No
// phone page is wider than the phone.
func TestBrowserInnovation(t *testing.T) {
	ctx := webtest.Browser(t)
	s := serve(t, dbtest.OpenSQLite(t))
	s.CreateUser(t, "staff", access.OrgStaff, s.City)
	b := webtest.NewTab(t, ctx, s.URL, 20*time.Second)
	phone := chromedp.EmulateViewport(390, 844)

	b.Run("phone", phone)
	b.Open("/innovation", "#need-form")
	b.Run("pick the org", chromedp.SendKeys(chromedp.CSS(`#need-form .orgpick input[type=text]`), "攀枝花市科学"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
	b.Run("fill",
		chromedp.SendKeys(chromedp.CSS(`input[name=enterprise]`), "攀枝花钒钛新材料有限公司"),
		chromedp.SendKeys(chromedp.CSS(`input[name=uscc]`), "91110000802100433B"),
		chromedp.SetValue(chromedp.CSS(`input[name=region_code]`), "510402"),
		chromedp.SetValue(chromedp.CSS(`select[name=field]`), "materials"),
		chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "钒钛磁铁矿尾矿综合利用"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=body]`), "企业每年产生尾矿约五十万吨，需要经济可行的有价金属回收与尾矿建材化利用技术方案。"),
		chromedp.SendKeys(chromedp.CSS(`input[name=budget_lo]`), "50"),
		chromedp.SendKeys(chromedp.CSS(`input[name=budget_hi]`), "200"),
		chromedp.SendKeys(chromedp.CSS(`input[name=contact]`), "13987654321"))
	narrow(b, "the form")
	b.Shot("innovation-form")
	*s.now = s.now.Add(5 * time.Second) // past the bot check's minimum
	b.Run("send", chromedp.Click(chromedp.CSS(`#need-submit`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("filed", ".flash", "需求已提交")
	narrow(b, "the public list")

	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("staff")
	b.Open("/innovation/admin", "#needs")
	b.Run("open the need", chromedp.Click(chromedp.CSS(`#needs tbody a`)), chromedp.WaitVisible(chromedp.CSS(`#publish-submit`)))
	if got := b.Text("#need"); !strings.Contains(got, "139****4321") || strings.Contains(got, "13987654321") {
		t.Errorf("the contact shows as %q", got)
	}
	b.Run("publish", chromedp.Click(chromedp.CSS(`#publish-submit`)), chromedp.WaitVisible(chromedp.CSS(`#expert-search`)))
	b.WaitText("published", "#need-status", "已发布")
	b.Run("find an expert", chromedp.SendKeys(chromedp.CSS(`#expert-search input[name=expert_q]`), "钒钛"),
		chromedp.Click(chromedp.CSS(`#expert-search-submit`)), chromedp.WaitVisible(chromedp.CSS(`#expert-hits`)))
	b.Run("propose", chromedp.Click(chromedp.CSS(`#expert-hits button.propose`)), chromedp.WaitVisible(chromedp.CSS(`#expert-list`)))
	b.WaitText("proposed", "#expert-list", "李钒钛")
	b.Run("meet", chromedp.SetValue(chromedp.CSS(`#meet-form select[name=form]`), "onsite"),
		chromedp.SendKeys(chromedp.CSS(`#meet-form input[name=participants]`), "李钒钛、企业技术部"),
		chromedp.SendKeys(chromedp.CSS(`#meet-form textarea[name=note]`), "现场考察尾矿库，初步确定技术路线。"),
		chromedp.Click(chromedp.CSS(`#meet-submit`)), chromedp.WaitVisible(chromedp.CSS(`#meeting-list`)))
	b.WaitText("matching", "#need-status", "对接中")
	b.Run("sign", chromedp.Click(chromedp.CSS(`#result-form input[value=signed]`)),
		chromedp.SendKeys(chromedp.CSS(`#result-form input[name=amount]`), "120.5"),
		chromedp.Click(chromedp.CSS(`#result-submit`)), chromedp.WaitVisible(chromedp.CSS(`#need-result`)))
	b.WaitText("signed", "#need-result", "签约 · 120.5 万元")
	b.Shot("innovation-staff-need")
	// The year's figures on a phone: two cards to a row, each field's name
	// on one line.
	b.Run("phone stats", phone)
	b.Open("/innovation/admin/stats", "#innovation-stats")
	b.StatsFit("#innovation-stats", "#by-field")
	narrow(b, "the stats")
	b.Shot("innovation-stats-phone")
	b.Run("desktop again", chromedp.EmulateViewport(1280, 900))
	b.Logout()

	b.Run("phone again", phone)
	b.Open("/innovation/needs", "#public-needs")
	if got := b.Text("#public-needs"); !strings.Contains(got, "钒钛磁铁矿尾矿综合利用") || strings.Contains(got, "4321") {
		t.Errorf("the public list: %q", got)
	}
	b.Run("open", chromedp.Click(chromedp.CSS(`#public-needs tbody a`)), chromedp.WaitVisible(chromedp.CSS(`#need-title`)))
	if got := b.Text("main"); strings.Contains(got, "4321") || strings.Contains(got, "91110000802100433B") {
		t.Errorf("the public need shows the contact or the credit code: %q", got)
	}
	narrow(b, "the public need")
	b.Shot("innovation-public")
}

// narrow fails when the page is wider than the 390 px screen.
func narrow(b *webtest.Tab, what string) {
	b.T.Helper()
	w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil {
		b.Fail("width", err)
	}
	if w > 390 {
		b.T.Errorf("%s at 390 px is %d px wide", what, w)
	}
}
