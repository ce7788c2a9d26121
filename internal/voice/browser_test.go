package voice_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/web/webtest"
)

// TestBrowserVoice: on a phone (390 px) a member of the public files a
// request to the city's association, picking it by name, and gets a code;
// at a desktop's width (1,280 px) the city's staff accept it, take it and
// answer; back on the phone the filer reads the answer with the code and
// rates it, which closes it. No page is wider than the phone.
func TestBrowserVoice(t *testing.T) {
	ctx := webtest.Browser(t)
	vs := serveVoice(t, dbtest.OpenSQLite(t))
	vs.CreateUser(t, "staff", access.OrgStaff, vs.City)
	b := webtest.NewTab(t, ctx, vs.URL, 20*time.Second)
	phone := chromedp.EmulateViewport(390, 844)

	b.Run("phone", phone)
	b.Open("/voice", "#voice-form")
	b.Run("pick the org", chromedp.SendKeys(chromedp.CSS(`#voice-form .orgpick input[type=text]`), "攀枝花市科学"),
		chromedp.WaitVisible(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)),
		chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="PZH"]`)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
	b.Run("fill",
		chromedp.SetValue(chromedp.CSS(`select[name=topic]`), "title_review"),
		chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "高级职称评审结果何时公布"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=body]`), "本人今年申报高级工程师，评审已经结束两个月，结果仍未公布，请问何时公布？"),
		chromedp.SendKeys(chromedp.CSS(`input[name=contact]`), "13987654321"))
	narrow(b, "the form")
	b.Shot("voice-form")
	*vs.now = vs.now.Add(5 * time.Second) // past the bot check's minimum
	b.Run("send", chromedp.Click(chromedp.CSS(`#voice-submit`)), chromedp.WaitVisible(chromedp.CSS(`#track-form`)))
	b.WaitText("the code", ".flash", "查询码")
	code := codeRE.FindString(b.Text(".flash"))
	if code == "" {
		t.Fatalf("no code in %q", b.Text(".flash"))
	}
	narrow(b, "the code")

	// Staff at a desktop's width.
	b.Run("desktop", chromedp.EmulateViewport(1280, 900))
	b.Login("staff")
	b.Open("/voice/admin", "#voice-items")
	b.Run("open the item", chromedp.Click(chromedp.CSS(`#voice-items tbody a`)), chromedp.WaitVisible(chromedp.CSS(`#accept-submit`)))
	if got := b.Text("#item"); !strings.Contains(got, "139****4321") || strings.Contains(got, "13987654321") {
		t.Errorf("the contact shows as %q", got)
	}
	// The filer's words stand apart from the facts above them.
	if gap, err := chromedp.Run(b.Ctx, chromedp.Evaluate[float64](`document.querySelector('#item-body').getBoundingClientRect().top - document.querySelector('#item dl').getBoundingClientRect().bottom`)); err != nil || gap < 8 {
		t.Errorf("the body sits %v px below the facts (%v)", gap, err)
	}
	b.Run("accept", chromedp.Click(chromedp.CSS(`#accept-submit`)), chromedp.WaitVisible(chromedp.CSS(`#assign-me`)))
	b.WaitText("accepted", "#item-status", "已受理")
	b.Run("take it", chromedp.Click(chromedp.CSS(`#assign-me`)), chromedp.WaitVisible(chromedp.CSS(`#answer-submit`)))
	b.WaitText("assigned", "#item-handler", "staff")
	b.Run("answer", chromedp.SendKeys(chromedp.CSS(`#answer-form textarea[name=answer]`), "经与市人社局核实，评审结果将于本月底在市人社局网站公示。"),
		chromedp.Click(chromedp.CSS(`#answer-submit`)), chromedp.WaitVisible(chromedp.CSS(`#answer-text`)))
	b.WaitText("answered", "#item-status", "已答复")
	b.Shot("voice-staff-item")
	// The year's numbers on a phone: two cards to a row, each topic's name
	// on one line (the table scrolls in its frame).
	b.Run("phone stats", phone)
	b.Open("/voice/admin/stats", "#voice-stats")
	b.StatsFit("#voice-stats", "#voice-by-topic")
	narrow(b, "the stats")
	b.Shot("voice-stats-phone")
	b.Run("desktop again", chromedp.EmulateViewport(1280, 900))
	b.Logout()

	// The filer, back on the phone, with the code.
	b.Run("phone again", phone)
	b.Open("/voice/track", "#track-form")
	if off, err := chromedp.Run(b.Ctx, chromedp.Evaluate[float64](`Math.abs(document.querySelector('#track-submit').getBoundingClientRect().bottom - document.querySelector('#track-form input[name=code]').getBoundingClientRect().bottom)`)); err != nil || off > 2 {
		t.Errorf("the look-up button sits %v px off the code's field (%v)", off, err)
	}
	b.Run("look up", chromedp.SendKeys(chromedp.CSS(`#track-form input[name=code]`), strings.ToLower(code)),
		chromedp.Click(chromedp.CSS(`#track-submit`)), chromedp.WaitVisible(chromedp.CSS(`#answer-text`)))
	if got := b.Text("#answer-text"); !strings.Contains(got, "本月底在市人社局网站公示") {
		t.Errorf("answer: %q", got)
	}
	narrow(b, "the answer")
	b.Run("rate", chromedp.Click(chromedp.CSS(`#rate input[value=satisfied]`)), chromedp.Click(chromedp.CSS(`#rate-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#step-done`)))
	b.WaitText("closed", "#item-status", "已办结")
	b.WaitText("rated", "#item-rating", "满意")
	narrow(b, "the rated item")
	b.Shot("voice-track")
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
