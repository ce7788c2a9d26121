package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/venue"
	"kexie/internal/web/webtest"
)

// TestBrowserVenueAndEventPickers: a city's staff member, at 1,280 and at
// 390 px, names the event's venue by typing — the province's 科技馆 of
// another org (public, D189) is found by its city — and the volunteer
// post's event by typing its title; each list fits the window, the pick
// shows the venue's or event's name under the field, and the saved event
// and post name what was picked.
func TestBrowserVenueAndEventPickers(t *testing.T) {
	ctx := webtest.Browser(t)
	bg := context.Background()
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	prov, err := ta.Venues.Create(bg, venue.Input{OrgID: ta.root.ID, Kind: venue.KindMuseum, Name: "四川科技馆", RegionCode: "510104",
		Level: "provincial", Address: "人民中路一段16号"})
	must(t, err)
	_, err = ta.Venues.Create(bg, venue.Input{OrgID: ta.city.ID, Kind: venue.KindBase, Name: "攀枝花中国三线建设博物馆", RegionCode: "510402"})
	must(t, err)
	gone, err := ta.Venues.Create(bg, venue.Input{OrgID: ta.root.ID, Kind: venue.KindEStation, Name: "成都旧科普e站", RegionCode: "510104"})
	must(t, err)
	must(t, ta.Venues.AddReview(bg, gone.ID, venue.ReviewInput{Year: 2026, Score: 40, Outcome: venue.Removed, Comment: "摘牌", Reviewer: "审核"}))
	start := time.Now().Add(96 * time.Hour).Truncate(time.Hour)
	day, err := ta.Events.Create(bg, event.Input{OrgID: ta.city.ID, Title: "全国科普日攀枝花主场活动", Kind: event.KindKepuri, Capacity: 500,
		StartsAt: start, EndsAt: start.Add(6 * time.Hour), Place: "攀枝花市人民广场"})
	must(t, err)
	_, err = ta.Events.Create(bg, event.Input{OrgID: ta.peer.ID, Title: "全国科普日滁州主场活动", Kind: event.KindKepuri, Capacity: 500,
		StartsAt: start, EndsAt: start.Add(6 * time.Hour)})
	must(t, err)
	u, err := ta.Auth.CreateUser(bg, authInput("pickerstaff"))
	must(t, err)
	must(t, ta.Auth.Grant(bg, u.ID, ta.city.ID, access.OrgStaff, 0))

	b := webtest.NewTab(t, ctx, ta.srv.URL, 30*time.Second)
	b.Login("pickerstaff")
	cst := time.FixedZone("CST", 8*3600)
	// pick types typed into the picker field, waits for the hit code, checks
	// that the list fits a window width px wide, takes the screenshots
	// (shot, "" for none) of the list and of the pick, picks the hit and
	// returns what shows under the field.
	pick := func(width int64, field, typed, code, name, shot string) string {
		t.Helper()
		in := `input[name=` + field + `]`
		b.Clear(field)
		b.Run("type "+typed, chromedp.ScrollIntoView(chromedp.CSS(in)), chromedp.SendKeys(chromedp.CSS(in), typed),
			chromedp.WaitVisible(chromedp.CSS(`ul.orglist[data-q="`+typed+`"] button[data-pick="`+code+`"]`)))
		js := `(function(){var r=document.querySelector('ul.orglist').getBoundingClientRect();return Math.round(r.left)+','+Math.round(r.right)})()`
		edges, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](js))
		var left, right int64
		if _, serr := fmt.Sscanf(edges, "%d,%d", &left, &right); err != nil || serr != nil || left < 0 || right > width {
			t.Errorf("%s: the list spans %s px in a %d px window (%v)", field, edges, width, err)
		}
		if shot != "" {
			b.Shot(shot)
			b.Run("width", chromedp.EmulateViewport(width, 844))
		}
		b.Run("pick "+code, chromedp.Click(chromedp.CSS(`ul.orglist button[data-pick="`+code+`"]`)),
			chromedp.WaitNotPresent(chromedp.CSS(`ul.orglist`)))
		// The form sends the ID; the field shows the name, not the ID.
		if v := b.Value(in); v != code {
			t.Errorf("%s sends %q after the pick, want %q", field, v, code)
		}
		if v := b.Value(`.orgpick:has(` + in + `) input[type=text]`); v != name {
			t.Errorf("the %s field shows %q after the pick, want %q", field, v, name)
		}
		if shot != "" {
			b.Shot(shot + "-picked")
			b.Run("width", chromedp.EmulateViewport(width, 844))
		}
		return b.Text(`.orgpick:has(` + in + `) [data-orgpick-path]`)
	}
	fits := func(width int64, page string) {
		t.Helper()
		w, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > int(width) {
			t.Errorf("%s is %d px wide in a %d px window (%v)", page, w, width, err)
		}
	}
	setValue := func(sel, v string) {
		t.Helper()
		b.Run("set "+sel, chromedp.SetValue(chromedp.CSS(sel), v))
	}

	for i, width := range []int64{1280, 390} {
		shot := func(name string) string {
			if i == 0 {
				return name
			}
			return ""
		}
		b.Run(fmt.Sprint(width, " px"), chromedp.EmulateViewport(width, 844))

		// The event's venue: the province's 科技馆, found by its city.
		b.Open("/events", `#new-event input[name=venue_id]`)
		if got := b.Text(`#new-event`); strings.Contains(got, "成都旧科普e站") {
			t.Errorf("the event form names a removed venue")
		}
		typed := "成都"
		label := pick(width, "venue_id", typed, fmt.Sprint(prov.ID), "四川科技馆", shot("event-venue-picker"))
		if list := b.Text("#new-event"); strings.Contains(list, "成都旧科普e站") {
			t.Errorf("a removed venue is suggested")
		}
		if !strings.Contains(label, "成都市") || !strings.Contains(label, "科学技术协会") {
			t.Errorf("under the venue field after the pick: %q", label)
		}
		title := fmt.Sprintf("院士科普报告会（%d）", width)
		b.Run("fill the event", chromedp.SendKeys(chromedp.CSS(`#new-event input[name=title]`), title))
		setValue(`#new-event input[name=starts_at]`, start.Add(24*time.Hour).In(cst).Format("2006-01-02T15:04"))
		setValue(`#new-event input[name=ends_at]`, start.Add(26*time.Hour).In(cst).Format("2006-01-02T15:04"))
		b.Run("save the event", chromedp.Submit(chromedp.CSS(`#new-event input[name=title]`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		if got := b.Text("main"); !strings.Contains(got, title) || !strings.Contains(got, "四川科技馆") {
			t.Errorf("the saved event does not name its venue: %.300s", got)
		}
		fits(width, "the event page")
		// Its correction form shows the venue by name and keeps it on saving.
		b.Run("open the correction", chromedp.Evaluate[chromedp.Void](`document.querySelector('#edit-event').open = true`),
			chromedp.WaitVisible(chromedp.CSS(`#edit-event .orgpick input[type=text]`)))
		if v := b.Value(`#edit-event .orgpick input[type=text]`); v != "四川科技馆" {
			t.Errorf("the correction form's venue field shows %q", v)
		}
		if v := b.Value(`#edit-event input[name=venue_id]`); v != fmt.Sprint(prov.ID) {
			t.Errorf("the correction form sends venue %q", v)
		}
		b.Run("save the correction", chromedp.Submit(chromedp.CSS(`#edit-event input[name=title]`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		if got := b.Text("main"); !strings.Contains(got, "四川科技馆") {
			t.Errorf("the corrected event lost its venue: %.300s", got)
		}

		// The post's event: typed by title, the peer city's not offered.
		b.Open("/volunteers", `#new-opp`)
		b.Run("open the post form", chromedp.Evaluate[chromedp.Void](`document.querySelector('#new-opp').closest('details').open = true`),
			chromedp.WaitVisible(chromedp.CSS(`#new-opp input[name=event_id]`)))
		label = pick(width, "event_id", "科普日", fmt.Sprint(day.ID), "全国科普日攀枝花主场活动", shot("volunteer-event-picker"))
		if !strings.Contains(label, "攀枝花市科学技术协会") || !strings.Contains(label, start.In(cst).Format("2006-01-02")) {
			t.Errorf("under the event field after the pick: %q", label)
		}
		post := fmt.Sprintf("科普日引导员（%d）", width)
		setValue(`#new-opp input[name=org_id]`, "PZH")
		b.Run("fill the post", chromedp.SendKeys(chromedp.CSS(`#new-opp input[name=title]`), post))
		setValue(`#new-opp input[name=starts_at]`, start.In(cst).Format("2006-01-02T15:04"))
		setValue(`#new-opp input[name=ends_at]`, start.Add(4*time.Hour).In(cst).Format("2006-01-02T15:04"))
		b.Run("save the post", chromedp.Submit(chromedp.CSS(`#new-opp input[name=title]`)), chromedp.WaitVisible(chromedp.CSS(`.flash-ok`)))
		if got := b.Text("main"); !strings.Contains(got, post) || !strings.Contains(got, "全国科普日攀枝花主场活动") {
			t.Errorf("the saved post does not name its event: %.300s", got)
		}
		fits(width, "the post's page")
	}
}
