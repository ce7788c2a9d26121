package survey_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// TestBrowserSurveyFlow builds a small questionnaire in the builder,
// publishes it, adds the city as a station with the org picker, answers it
// on a 390 px phone through the station's link (a follow-up question shown
// by its condition), and finds the answer in the cross-tab.
func TestBrowserSurveyFlow(t *testing.T) {
	eachSite(t, func(t *testing.T, ss surveySite) {
		ss.CreateUser(t, "builder", access.OrgStaff, ss.City)
		b := webtest.NewTab(t, webtest.Browser(t), ss.URL, 30*time.Second)
		b.Login("builder")
		b.Open("/surveys/new", "#survey-create")
		pickOrg(b, "org_id", "攀枝花", "PZH")
		b.Run("create", chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "社区科普活动满意度"),
			chromedp.Click(chromedp.CSS(`#survey-create`)), chromedp.WaitVisible(chromedp.CSS(`#question-form`)))
		add := func(id, typ, text, options, max, showIf string) {
			t.Helper()
			set := func(sel, v string) chromedp.Action[chromedp.Void] {
				return chromedp.Evaluate[chromedp.Void](`document.querySelector('#question-form ` + sel + `').value = ` + strconv.Quote(v))
			}
			acts := []chromedp.Action[chromedp.Void]{set("input[name=id]", id), set("select[name=type]", typ), set("textarea[name=text_zh]", text),
				set("textarea[name=options]", options), set("input[name=max]", max), set("input[name=show_if]", showIf),
				chromedp.Click(chromedp.CSS(`#question-form input[name=required]`)),
				chromedp.Click(chromedp.CSS(`#question-save`)), chromedp.WaitVisible(chromedp.CSS(`#q-` + id))}
			b.Run("add "+id, acts...)
		}
		add("joined", "single", "您参加过社区科普活动吗？", "1 参加过\n2 没参加过", "", "")
		shot(b, "survey-builder")
		add("rate", "rating", "您对活动的满意程度", "", "5", "joined=1")
		// Wait for the published page's flash, not for an element the page
		// before showed too: under load the next step would act on the old
		// page while the new one loads.
		b.Run("publish", chromedp.Click(chromedp.CSS(`#survey-publish`)))
		b.WaitText("published", ".flash", "已发布第 1 版")
		pickOrg(b, "station_org", "攀枝花", "PZH")
		// The form is submitted as its button would (with validation): under
		// load a click at the button's coordinates could land while the page
		// was still laying out and hit nothing.
		b.Run("add station", chromedp.Evaluate[chromedp.Void](`document.querySelector('#station-add').requestSubmit(document.querySelector('#station-submit'))`),
			chromedp.WaitVisible(chromedp.CSS(`#station-table`)))
		shot(b, "survey-show")
		link := evalString(t, b, `document.querySelector("#station-table a.station-link").getAttribute("href")`)
		if !strings.HasPrefix(link, "/s/") {
			t.Fatalf("station link %q", link)
		}
		b.Logout()

		// A phone answers through the station's link.
		b.Run("phone", chromedp.EmulateViewport(390, 844), chromedp.Sleep(150*time.Millisecond))
		b.Open(link, "#answer-submit")
		if got := b.Text(`#station-name`); !strings.Contains(got, "攀枝花") {
			t.Errorf("station shown as %q", got)
		}
		if hidden, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](`document.querySelector("#q-rate").hidden`)); err != nil || !hidden {
			t.Error("the follow-up shows before its condition is met")
		}
		b.Run("answer", chromedp.Click(chromedp.CSS(`input[name=joined][value="1"]`)), chromedp.WaitVisible(chromedp.CSS(`#q-rate`)),
			chromedp.Click(chromedp.CSS(`input[name=rate][value="4"]`)))
		shot(b, "survey-answer")
		if width, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || width > 390 {
			t.Errorf("the answering page is %d px wide on a 390 px phone", width)
		}
		b.Run("submit", chromedp.Click(chromedp.CSS(`#answer-submit`)), chromedp.WaitVisible(chromedp.CSS(`#answer-done`)))
		b.Run("desktop", chromedp.EmulateViewport(1280, 900))

		// Staff see the answer in the cross-tab.
		b.Login("builder")
		b.Open("/surveys", "#survey-table")
		id := evalString(t, b, `document.querySelector("#survey-table tbody a").getAttribute("href")`)
		b.Open(id+"/analysis?row=joined&col=rate", "#crosstab")
		got := b.Text(`#crosstab`)
		if !strings.Contains(got, "参加过") || !strings.Contains(got, "1 (100.0%)") {
			t.Errorf("cross-tab: %q", got)
		}
		shot(b, "survey-analysis")

		// The literacy monitor of the province, as its staff see it.
		seedLiteracy(t, ss, ss.City.ID, 2024, true, false, false, false)
		seedLiteracy(t, ss, ss.City.ID, 2025, true, false)
		seedLiteracy(t, ss, ss.Peer.ID, 2025, true, true, false)
		ss.CreateUser(t, "province", access.OrgStaff, ss.Root)
		b.Logout()
		b.Login("province")
		b.Open("/surveys/literacy", "#monitor-regions")
		if got := b.Text(`#monitor-regions`); !strings.Contains(got, "滁州") || !strings.Contains(got, "66.7%") {
			t.Errorf("monitor regions: %q", got)
		}
		b.Run("chart", chromedp.WaitVisible(chromedp.CSS(`.chart[data-chart-ready]`)))
		shot(b, "survey-monitor")
	})
}

func evalString(t *testing.T, b *webtest.Tab, js string) string {
	t.Helper()
	v, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// pickOrg types into the org picker field and clicks the org of code.
func pickOrg(b *webtest.Tab, field, typed, code string) {
	b.T.Helper()
	btn := `ul.orglist button[data-pick="` + code + `"]`
	b.Run("pick "+code+" in "+field, chromedp.SendKeys(chromedp.CSS(`input[name=`+field+`]`), typed),
		chromedp.WaitVisible(chromedp.CSS(btn)), chromedp.Click(chromedp.CSS(btn)), chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
	if got := b.Value(`input[name=` + field + `]`); got != code {
		b.T.Errorf("the %s field holds %q, want %q", field, got, code)
	}
}

// shot saves the page from its top (a fixed top bar in a full-page shot
// of a scrolled page lands mid-page).
func shot(b *webtest.Tab, name string) {
	b.Run("scroll to top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	b.Shot(name)
}
