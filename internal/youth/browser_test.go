package youth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
	"kexie/internal/youth"
)

// TestBrowserYouth: at a desktop's width (1,280 px) staff create a 科学营
// and open it; on a phone (390 px) a school's 科技辅导员 applies for two
// students — the first without the guardian's consent is refused with its
// message and nothing saved; another staff member accepts both; after the
// camp's day, attendance and a certificate; the public page then shows
// counts only, never a name. No phone page is wider than the phone.
func TestBrowserYouth(t *testing.T) {
	ctx := webtest.Browser(t)
	s := serve(t, dbtest.OpenSQLite(t))
	s.CreateUser(t, "staff", access.OrgStaff, s.City)
	s.CreateUser(t, "checker", access.OrgStaff, s.City)
	s.CreateUser(t, "teacher", access.Member, s.City)
	_, err := s.Store.RegisterTeacher(context.Background(), youth.TeacherInput{OrgID: s.City.ID, Name: "刘辅导员", School: "攀枝花市第三中学",
		Subject: "物理", RegionCode: "510402", Contact: "13800001111", Username: "teacher"}, youth.Actor{UserID: 1})
	must(t, err)
	b := webtest.NewTab(t, ctx, s.URL, 20*time.Second)
	phone := chromedp.EmulateViewport(390, 844)

	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("staff")
	// The lists' search hints read whole at a desktop's width.
	for _, list := range []string{"/youth/admin", "/youth/admin/teachers", "/youth/admin/pairs"} {
		b.Open(list, "form.filters")
		b.PlaceholdersFit()
	}
	b.Open("/youth/admin/programmes/new", "#programme-form")
	b.Run("pick the org", chromedp.SendKeys(chromedp.CSS(`#programme-form .orgpick input[type=text]`), "攀枝花"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
	b.Run("fill",
		chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "2026年攀枝花青少年钒钛科学营"),
		chromedp.SetValue(chromedp.CSS(`select[name=kind]`), "camp"),
		chromedp.SetValue(chromedp.CSS(`input[name=starts_on]`), "2026-07-10"),
		chromedp.SetValue(chromedp.CSS(`input[name=ends_on]`), "2026-07-10"),
		chromedp.SetValue(chromedp.CSS(`select[name=grade_lo]`), "7"),
		chromedp.SetValue(chromedp.CSS(`select[name=grade_hi]`), "9"),
		chromedp.SendKeys(chromedp.CSS(`input[name=places]`), "30"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=description]`), "走进钒钛产业园区和重点实验室，动手做科学。"))
	b.Shot("youth-programme-new")
	b.Run("create", chromedp.Click(chromedp.CSS(`#programme-submit`)), chromedp.WaitVisible(chromedp.CSS(`#open-submit`)))
	b.Run("open", chromedp.Click(chromedp.CSS(`#open-submit`)), chromedp.WaitVisible(chromedp.CSS(`#close-submit`)))
	b.WaitText("opened", "#programme-status", "报名中")
	pid := strings.TrimPrefix(b.Location(), s.URL+"/youth/admin/programmes/")
	b.Logout()

	b.Run("phone", phone)
	b.Login("teacher")
	b.Open("/youth/programmes/"+pid, "#apply-link")
	narrow(b, "the public programme")
	b.Run("to the form", chromedp.Click(chromedp.CSS(`#apply-link`)), chromedp.WaitVisible(chromedp.CSS(`#apply-form`)))
	fill := func(name, school, guardian, phone string) {
		b.Run("fill "+name,
			chromedp.SendKeys(chromedp.CSS(`input[name=name]`), name),
			chromedp.SendKeys(chromedp.CSS(`input[name=school]`), school),
			chromedp.SetValue(chromedp.CSS(`select[name=grade]`), "8"),
			chromedp.SetValue(chromedp.CSS(`select[name=gender]`), "f"),
			chromedp.SendKeys(chromedp.CSS(`input[name=guardian_name]`), guardian),
			chromedp.SendKeys(chromedp.CSS(`input[name=guardian_contact]`), phone),
			chromedp.SetValue(chromedp.CSS(`select[name=consent_how]`), "written"))
	}
	fill("王小雨", "攀枝花市第三中学", "王建国", "13912345678")
	narrow(b, "the application form")
	b.Run("send without consent", chromedp.Click(chromedp.CSS(`#apply-submit`)), chromedp.WaitVisible(chromedp.CSS(`#consent-error`)))
	b.WaitText("refused", "#consent-error", "须经监护人同意才能报名")
	b.Shot("youth-apply-no-consent")
	if n := count(t, s.DB, `SELECT COUNT(*) FROM youth_students`); n != 0 {
		t.Fatalf("%d students saved without consent", n)
	}
	b.Run("consent", chromedp.Click(chromedp.CSS(`input[name=consent]`)),
		chromedp.Click(chromedp.CSS(`#apply-submit`)), chromedp.WaitVisible(chromedp.CSS(`#mine`)))
	b.Open("/youth/programmes/"+pid+"/apply", "#apply-form")
	fill("李明轩", "攀枝花市实验学校", "李国强", "13987654321")
	b.Run("second", chromedp.Click(chromedp.CSS(`input[name=consent]`)),
		chromedp.Click(chromedp.CSS(`#apply-submit`)), chromedp.WaitVisible(chromedp.CSS(`#mine`)))
	if got := b.Text("#mine"); !strings.Contains(got, "王小雨") || !strings.Contains(got, "李明轩") || strings.Contains(got, "5678") {
		t.Errorf("the teacher's list: %q", got)
	}
	narrow(b, "my applications")
	b.Shot("youth-mine")
	b.Logout()

	b.Run("desktop again", chromedp.EmulateViewport(1280, 900))
	b.Login("checker")
	b.Open("/youth/admin?programme="+pid, "#enrolments")
	for i := 0; i < 2; i++ {
		b.Open("/youth/admin?programme="+pid+"&status=pending", "#enrolments")
		b.Run("open one", chromedp.Click(chromedp.CSS(`#enrolments tbody a`)), chromedp.WaitVisible(chromedp.CSS(`#decide-form`)))
		if got := b.Text("#enrolment"); strings.Contains(got, "139") {
			t.Errorf("the enrolment shows a phone: %q", got)
		}
		b.Run("accept", chromedp.Click(chromedp.CSS(`#decide-form input[value=accept]`)),
			chromedp.Click(chromedp.CSS(`#decide-submit`)), chromedp.WaitVisible(chromedp.CSS(`#complete-submit`)))
		b.WaitText("accepted", "#enrolment-status", "已录取")
	}
	*s.now = time.Date(2026, 7, 10, 18, 0, 0, 0, calendar.Beijing)
	b.Open("/youth/admin/programmes/"+pid, "#attend-form")
	b.Run("attend", chromedp.Click(chromedp.CSS(`#attend-form input[name=present]`)),
		chromedp.Click(chromedp.CSS(`#attend-submit`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	b.WaitText("attended", ".flash", "出勤已保存")
	b.Shot("youth-programme")
	href, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector("#roster-table tr:has(input[name=present]:checked) a").getAttribute("href")`))
	if err != nil {
		b.Fail("find the present student", err)
	}
	b.Open(href, "#complete-submit")
	b.Run("complete", chromedp.Click(chromedp.CSS(`#complete-submit`)), chromedp.WaitVisible(chromedp.CSS(`#certificate`)))
	if got := b.Text("#certificate"); !strings.HasPrefix(got, "QS2026-") {
		t.Errorf("certificate %q", got)
	}
	b.Shot("youth-certificate")
	b.Open("/youth/admin/stats", "#youth-stats")
	b.WaitText("figures", "#st-enrolled", "2")
	b.Shot("youth-stats")
	// On a phone: two cards to a row, each kind's and 学段's name on one line.
	b.Run("phone stats", phone)
	b.Open("/youth/admin/stats", "#youth-stats")
	b.StatsFit("#youth-stats", "#by-kind")
	b.StatsFit("#youth-stats", "#by-band")
	narrow(b, "the stats")
	b.Shot("youth-stats-phone")
	b.Logout()

	b.Run("phone, signed out", phone)
	b.Open("/youth/programmes/"+pid, "#public-counts")
	b.WaitText("counts", "#public-counts", "30 个，已录取 2 人")
	if got := b.Text("main"); strings.Contains(got, "王小雨") || strings.Contains(got, "李明轩") || strings.Contains(got, "王建国") {
		t.Errorf("the public page names a student: %q", got)
	}
	narrow(b, "the public programme")
	b.Open("/youth", "#public-programmes")
	narrow(b, "the public list")
	b.Shot("youth-public")
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
