package conference_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserConference: at a desktop's width (1,280 px) a society's staff
// file a conference, picking the society by name; the city above approves
// it and the society opens registration; on a phone (390 px) a member
// registers and gets a code, and the society's staff check them in with it;
// after the conference the summary is filed and the city confirms it. No
// phone page is wider than the phone.
func TestBrowserConference(t *testing.T) {
	ctx := webtest.Browser(t)
	cs := serveConf(t, dbtest.OpenSQLite(t))
	cs.CreateUser(t, "xiehui", access.OrgStaff, cs.soc)
	cs.CreateUser(t, "boss", access.OrgStaff, cs.City)
	cs.CreateUser(t, "huiyuan", access.Member, cs.City)
	b := webtest.NewTab(t, ctx, cs.URL, 20*time.Second)
	desktop, phone := chromedp.EmulateViewport(1280, 900), chromedp.EmulateViewport(390, 844)
	start := *cs.now
	begin, finish := day(start, 14), day(start, 15)

	b.Run("desktop", desktop)
	b.Login("xiehui")
	b.Open("/conference/admin/new", "#conf-form")
	b.Run("pick the society", chromedp.SendKeys(chromedp.CSS(`#conf-form .orgpick input[type=text]`), "金属学会"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="PZHJS"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZHJS"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
	b.Run("fill",
		chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "第十届钒钛资源综合利用学术年会"),
		chromedp.SetValue(chromedp.CSS(`select[name=kind]`), "annual"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=co_organisers]`), "攀钢集团研究院、攀枝花学院"),
		chromedp.SetValue(chromedp.CSS(`input[name=starts_on]`), begin),
		chromedp.SetValue(chromedp.CSS(`input[name=ends_on]`), finish),
		chromedp.SendKeys(chromedp.CSS(`input[name=city]`), "攀枝花"),
		chromedp.SendKeys(chromedp.CSS(`input[name=venue]`), "攀枝花国际会展中心"),
		chromedp.SendKeys(chromedp.CSS(`input[name=expected]`), "300"),
		chromedp.SendKeys(chromedp.CSS(`input[name=capacity]`), "200"),
		chromedp.SendKeys(chromedp.CSS(`input[name=budget]`), "18.5"),
		chromedp.SendKeys(chromedp.CSS(`input[name=topics]`), "钒钛磁铁矿、冶金新工艺"))
	b.Shot("conference-form")
	b.Run("save", chromedp.Click(chromedp.CSS(`#conf-submit`)), chromedp.WaitVisible(chromedp.CSS(`#submit-plan`)))
	show := strings.TrimPrefix(b.Location(), cs.URL)
	b.Run("file it", chromedp.Click(chromedp.CSS(`#submit-plan`)), chromedp.WaitVisible(chromedp.CSS(`#conf-status`)))
	b.WaitText("filed", "#conf-status", "已申报")
	b.Logout()

	b.Login("boss")
	b.Open(show, "#approve-submit")
	b.Shot("conference-approve")
	b.Run("approve", chromedp.Click(chromedp.CSS(`#approve-submit`)), chromedp.WaitVisible(chromedp.CSS(`#conf-status`)))
	b.WaitText("approved", "#conf-status", "已批准")
	b.Logout()
	b.Login("xiehui")
	b.Open(show, "#open-submit")
	b.Run("open registration", chromedp.Click(chromedp.CSS(`#open-submit`)), chromedp.WaitVisible(chromedp.CSS(`#to-checkin`)))
	b.WaitText("open", "#conf-status", "报名中")
	b.Logout()

	// A member registers on a phone.
	b.Run("phone", phone)
	b.Login("huiyuan")
	b.Open("/conferences", "#upcoming")
	narrow(b, "the upcoming list")
	b.Run("open it", chromedp.Click(chromedp.CSS(`#upcoming a`)), chromedp.WaitVisible(chromedp.CSS(`#reg-submit`)))
	b.Run("register", chromedp.SendKeys(chromedp.CSS(`input[name=employer]`), "攀钢集团研究院"),
		chromedp.Click(chromedp.CSS(`#reg-submit`)), chromedp.WaitVisible(chromedp.CSS(`#my-code`)))
	code := codeRE.FindString(b.Text("#my-code"))
	if code == "" || !strings.Contains(b.Text(".flash"), code) {
		t.Fatalf("code %q, flash %q", b.Text("#my-code"), b.Text(".flash"))
	}
	narrow(b, "the registration")
	b.Shot("conference-registered")
	b.Logout()

	// The society's staff check them in at the door, on a phone, on the
	// first day.
	*cs.now = start.AddDate(0, 0, 14)
	phoneClock(b, *cs.now) // the scanner stamps each scan with the phone's time
	b.Login("xiehui")
	b.Open(show+"/checkin", "#scan-code")
	b.WaitText("online", "#net-state", "在线")
	b.Run("wrong code", chromedp.SendKeys(chromedp.CSS(`#scan-code`), "2222-3333-4444"), chromedp.Click(chromedp.CSS(`#scan-submit`)))
	b.WaitText("wrong code answered", "#log", "签到码不存在")
	b.Run("the code", chromedp.SendKeys(chromedp.CSS(`#scan-code`), strings.ToLower(code)), chromedp.Click(chromedp.CSS(`#scan-submit`)))
	b.WaitText("checked in", "#log", "huiyuan 签到成功")
	b.WaitText("count", "#count-in", "1")
	narrow(b, "the check-in")
	b.Shot("conference-checkin")

	// Held, then the summary after the end, at a desktop's width.
	b.Run("desktop again", desktop)
	*cs.now = start.AddDate(0, 0, 14)
	b.Open(show, "#hold-submit")
	b.Run("held", chromedp.Click(chromedp.CSS(`#hold-submit`)), chromedp.WaitVisible(chromedp.CSS(`#conf-status`)))
	b.WaitText("held", "#conf-status", "已举办")
	*cs.now = start.AddDate(0, 0, 17)
	b.Open(show, "#summary-form")
	b.Run("summary", chromedp.SendKeys(chromedp.CSS(`#summary-form input[name=attendance]`), "1"),
		chromedp.SendKeys(chromedp.CSS(`#summary-form input[name=papers]`), "0"),
		chromedp.SendKeys(chromedp.CSS(`#summary-form textarea[name=outcome]`), "会议围绕钒钛资源综合利用开展专题报告和分组研讨，形成产业技术路线建议一份。"),
		chromedp.Click(chromedp.CSS(`#summary-submit`)), chromedp.WaitVisible(chromedp.CSS(`#sum-attendance`)))
	b.WaitText("summary waits", "#sum-confirmed", "等待上级单位确认")
	b.Logout()
	b.Login("boss")
	b.Open(show, "#confirm-submit")
	b.Run("confirm", chromedp.Click(chromedp.CSS(`#confirm-submit`)), chromedp.WaitVisible(chromedp.CSS(`#conf-status`)))
	b.WaitText("summarized", "#conf-status", "已总结")
	b.Shot("conference-summarized")
	b.Open("/conference/admin", "#conf-list")
	b.Shot("conference-list")
	b.Open("/conference/admin/stats?year="+start.Format("2006"), "#conf-stats")
	b.WaitText("stats", "#st-held", "1")
	b.Shot("conference-stats")
	// On a phone: two cards to a row, each kind's name on one line, and
	// the chart drawn.
	b.Run("phone stats", phone)
	b.Open("/conference/admin/stats?year="+start.Format("2006"), ".chart[data-chart-ready]")
	b.StatsFit("#conf-stats", "#conf-by-kind")
	narrow(b, "the stats")
	b.Shot("conference-stats-phone")
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
