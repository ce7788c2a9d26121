package event_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/event"
	"kexie/internal/web/webtest"
)

// TestPublicRegistrationOverCapacity: past the last seat the public page
// says so, and a registration lands on the waiting list with its place.
func TestPublicRegistrationOverCapacity(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		e := newEvent(t, es, "青少年科学营", 1)
		c := es.Client(t)
		res, _ := c.Post(fmt.Sprintf("/e/%d/register", e.ID), regForm("张三"))
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/t/") {
			t.Fatalf("first registration: got %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		_, body := c.Get(res.Header.Get("Location"))
		if !strings.Contains(body, `id="ticket-qr"`) || !strings.Contains(body, "data:image/png;base64,") {
			t.Error("a confirmed ticket shows no QR code")
		}
		_, body = c.Get(fmt.Sprintf("/e/%d", e.ID))
		if !strings.Contains(body, "名额已满") {
			t.Errorf("the full event's page does not say so: %.400s", body)
		}
		if !strings.Contains(body, "<dt>活动时间</dt>") { // a span from start to end, not 开始时间
			t.Error("the public page labels the event's span 开始时间")
		}
		res, _ = c.Post(fmt.Sprintf("/e/%d/register", e.ID), regForm("李四"))
		_, body = c.Get(res.Header.Get("Location"))
		if !strings.Contains(body, "您已进入候补名单") || !strings.Contains(body, "候补第 1 位") || strings.Contains(body, `id="ticket-qr"`) {
			t.Errorf("the waiting ticket: %.600s", body)
		}
		res, body = c.Post(fmt.Sprintf("/e/%d/register", e.ID), regForm(""))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "请填写姓名") {
			t.Errorf("a blank name: got %d", res.StatusCode)
		}
	})
}

// regForm is the public registration form for name, served a minute ago
// with the bot check's signed stamp.
func regForm(name string) url.Values {
	st, sig := event.BotCheck(webtest.Key("event")).Stamp(time.Now().Add(-time.Minute))
	return url.Values{"name": {name}, "stamp": {st}, "sig": {sig}}
}

// TestPublicRegistrationBotCheck: a form posted at once, with a forged or
// missing stamp or with the honeypot filled takes no seat, and one address
// makes at most MaxRegistrationsPerHour registrations an hour.
func TestPublicRegistrationBotCheck(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		e := newEvent(t, es, "机器人科普讲座", 100)
		c := es.Client(t)
		at := fmt.Sprintf("/e/%d/register", e.ID)
		st, sig := event.BotCheck(webtest.Key("event")).Stamp(time.Now())
		pot := regForm("王五")
		pot.Set("website", "http://spam.example")
		forged := regForm("王五")
		forged.Set("sig", "00")
		for name, f := range map[string]url.Values{"at once": {"name": {"王五"}, "stamp": {st}, "sig": {sig}},
			"honeypot": pot, "forged": forged, "bare": {"name": {"王五"}}} {
			if res, body := c.Post(at, f); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "提交过快或页面已过期") {
				t.Errorf("%s: got %d", name, res.StatusCode)
			}
		}
		for i := 0; i < event.MaxRegistrationsPerHour; i++ {
			if res, _ := c.Post(at, regForm(fmt.Sprintf("观众%d", i))); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("registration %d: got %d", i, res.StatusCode)
			}
		}
		if res, body := c.Post(at, regForm("第十一位")); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "报名次数过多") {
			t.Errorf("past the rate limit: got %d", res.StatusCode)
		}
		got, err := es.Events.Get(context.Background(), e.ID)
		if err != nil || got.Confirmed != event.MaxRegistrationsPerHour {
			t.Errorf("confirmed = %d (%v), want %d", got.Confirmed, err, event.MaxRegistrationsPerHour)
		}
		// Staff's lists are not limited.
		if _, err := es.Events.RegisterAll(context.Background(), e.ID, []string{"甲", "乙"}); err != nil {
			t.Errorf("staff list: %v", err)
		}
	})
}

// TestEventScope: another city's staff neither list nor open the event,
// nor sync scans into it.
func TestEventScope(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		e := newEvent(t, es, "攀枝花科技周开幕式", 10)
		own, _ := es.User(t, "pzhstaff", access.OrgStaff, es.City)
		peer, _ := es.User(t, "czstaff", access.OrgStaff, es.Peer)
		if _, body := own.Get("/events"); !strings.Contains(body, e.Title) {
			t.Error("the city's staff do not see their event")
		}
		if _, body := peer.Get("/events"); strings.Contains(body, e.Title) {
			t.Error("another city's staff see the event")
		}
		for _, p := range []string{"/events/%d", "/events/%d/checkin", "/events/%d/attendance"} {
			if res, _ := peer.Get(fmt.Sprintf(p, e.ID)); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
				t.Errorf("%s as another city: got %d", p, res.StatusCode)
			}
		}
		if res, _ := postJSON(t, peer, fmt.Sprintf("/events/%d/sync", e.ID), `{"scans":[]}`); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusNotFound {
			t.Errorf("sync as another city: got %d", res.StatusCode)
		}
	})
}

// TestEventListOrgFilter: a leader at the root narrows the list to one
// 主办单位 (picked by code) and its subtree; a name that is no org shows
// nothing and says so.
func TestEventListOrgFilter(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		e := newEvent(t, es, "攀枝花科技周开幕式", 10)
		leader, _ := es.User(t, "leader", access.OrgAdmin, es.Root)
		if _, body := leader.Get("/events?org=PZH"); !strings.Contains(body, e.Title) || !strings.Contains(body, `name="org"`) {
			t.Error("the city's event is missing under its own org filter")
		} else if !strings.Contains(body, "名额（人）") || !strings.Contains(body, "已报名（人）") || !strings.Contains(body, "候补（人）") {
			t.Error("the list's counts of people lack their unit")
		}
		if _, body := leader.Get("/events?org=CZ"); strings.Contains(body, e.Title) {
			t.Error("another city's filter lists the event")
		}
		if _, body := leader.Get("/events?org=NOSUCH"); strings.Contains(body, e.Title) || !strings.Contains(body, `id="event-org-err"`) {
			t.Error("an unknown org lists events or says nothing")
		}
	})
}

// TestSyncEndpoint: the check-in page's endpoint answers each batch with
// counts and a message per rejection (another event's ticket as an
// unknown one), and a replay changes nothing.
func TestSyncEndpoint(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普大讲堂", 5)
		other := newEvent(t, es, "另一场", 5)
		tk, _ := es.Events.Register(ctx, e.ID, "王五")
		ft, _ := es.Events.Register(ctx, other.ID, "赵六")
		c, _ := es.User(t, "door", access.OrgStaff, es.City)
		now := time.Now().UTC()
		body := fmt.Sprintf(`{"scans":[{"ticket":%q,"device":"d1","nonce":"n1","at":%q},{"ticket":%q,"device":"d1","nonce":"n2","at":%q},
			{"ticket":%q,"device":"d1","nonce":"n3","at":%q},{"ticket":%q,"device":"d1","nonce":"n4","at":%q},{"ticket":"","device":"d1","nonce":"n5","at":%q,"walk_in":true}]}`,
			tk.Code, now.Format(time.RFC3339), tk.Code, now.Format(time.RFC3339), ft.Code, now.Format(time.RFC3339),
			tk.Code, now.Add(48*time.Hour).Format(time.RFC3339), now.Format(time.RFC3339))
		for i, want := range []string{`"accepted":1,"duplicates":1,"walk_ins":1`, `"accepted":0,"duplicates":3,"walk_ins":0`} {
			res, got := postJSON(t, c, fmt.Sprintf("/events/%d/sync", e.ID), body)
			if res.StatusCode != http.StatusOK || !strings.Contains(got, want) {
				t.Fatalf("sync %d: got %d %s, want %s", i, res.StatusCode, got, want)
			}
			if !strings.Contains(got, "票码不存在") || strings.Contains(got, "其他活动") || !strings.Contains(got, "比服务器快了 10 分钟以上") || !strings.Contains(got, `"checked_in":1`) {
				t.Errorf("sync %d: the answer lacks the reasons or counts: %s", i, got)
			}
		}
		// A NUL (JSON's \u0000) in a scan is that scan's bad_scan, not a 500
		// the phone would meet again with every later batch.
		nul := fmt.Sprintf(`{"scans":[{"ticket":%q,"device":"d2\u0000","nonce":"n1","at":%q}]}`, tk.Code, now.Format(time.RFC3339))
		if res, got := postJSON(t, c, fmt.Sprintf("/events/%d/sync", e.ID), nul); res.StatusCode != http.StatusOK ||
			!strings.Contains(got, `"rejected":[{"line":1,"reason":"bad_scan"}]`) {
			t.Errorf("a scan with a NUL: got %d %s", res.StatusCode, got)
		}
		if res, _ := postJSON(t, c, fmt.Sprintf("/events/%d/sync", e.ID), `not json`); res.StatusCode != http.StatusBadRequest {
			t.Errorf("a broken body: got %d, want 400", res.StatusCode)
		}
		_, page := c.Get(fmt.Sprintf("/events/%d/attendance?outcome=rejected", e.ID))
		if !strings.Contains(page, "票码不存在") { // another event's ticket, as an unknown one
			t.Error("the attendance page does not keep the rejected scan")
		}
	})
}

// postJSON posts body to path with the CSRF header, as the check-in page
// does.
func postJSON(t *testing.T, c *webtest.Client, path, body string) (*http.Response, string) {
	t.Helper()
	tok := c.Token()
	req, _ := http.NewRequest("POST", c.Base+path, bytes.NewBufferString(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", tok)
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var v any
	_ = json.Unmarshal(b, &v)
	return res, string(b)
}

// TestCreateEventForm: the form refuses bad input field by field, keeping
// what was typed, and creates an event of the chosen org.
func TestCreateEventForm(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		c, _ := es.User(t, "planner", access.OrgStaff, es.City)
		form := url.Values{"org_id": {fmt.Sprint(es.City.ID)}, "title": {"科普日主场"}, "kind": {"kepuri"}, "capacity": {"0"},
			"starts_at": {"2026-09-19T09:00"}, "ends_at": {"2026-09-18T09:00"}}
		res, body := c.Post("/events", form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "名额应为 1 到 1000000 之间的整数") ||
			!strings.Contains(body, "结束时间不能早于开始时间") || !strings.Contains(body, `value="科普日主场"`) {
			t.Fatalf("bad form: %d", res.StatusCode)
		}
		form.Set("capacity", "300")
		form.Set("ends_at", "2026-09-19T12:00")
		res, _ = c.Post("/events", form)
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/events/") {
			t.Fatalf("create: %d", res.StatusCode)
		}
		_, body = c.Get(res.Header.Get("Location"))
		if !strings.Contains(body, "科普日主场") || !strings.Contains(body, "2026-09-19 09:00") {
			t.Errorf("the new event's page: %.300s", body)
		}
		form.Set("org_id", fmt.Sprint(es.Peer.ID))
		if res, _ := c.Post("/events", form); res.StatusCode != http.StatusNotFound { // out of scope: as if absent
			t.Errorf("an event of another city: got %d, want 404", res.StatusCode)
		}
	})
}

// TestEditEvent: a correction is saved with what it replaced in the audit
// log; a bad one is refused with the typed values kept.
func TestEditEvent(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		e := newEvent(t, es, "科普讲座（暂定）", 30)
		c, _ := es.User(t, "editor", access.OrgStaff, es.City)
		path := fmt.Sprintf("/events/%d", e.ID)
		form := url.Values{"title": {"人工智能科普讲座"}, "kind": {"lecture"}, "place": {"市图书馆"}, "starts_at": {"2026-12-20T14:00"}, "ends_at": {"2026-12-20T13:00"}}
		if res, body := c.Post(path, form); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "结束时间不能早于开始时间") ||
			!strings.Contains(body, `value="人工智能科普讲座"`) {
			t.Fatalf("bad edit: %d", res.StatusCode)
		}
		form.Set("ends_at", "2026-12-20T16:00")
		if res, _ := c.Post(path, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("edit: %d", res.StatusCode)
		}
		got, _ := es.Events.Get(context.Background(), e.ID)
		if got.Title != "人工智能科普讲座" || got.Place != "市图书馆" || got.Capacity != 30 {
			t.Errorf("after the edit: %+v", got)
		}
		var sum string
		if err := es.DB.QueryRow(context.Background(), `SELECT summary FROM audit_log WHERE action = 'event.update'`).Scan(&sum); err != nil ||
			!strings.Contains(sum, "科普讲座（暂定）") || !strings.Contains(sum, "人工智能科普讲座") {
			t.Errorf("audit: %q %v", sum, err)
		}
	})
}

// TestPublicListArea: the public narrows the coming events to a city
// (named by its place, picked by its code) and its subtree; the search
// box says what it searches; an unknown city is no choice.
func TestPublicListArea(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		e := newEvent(t, es, "攀枝花科技周开幕式", 10)
		start := time.Now().Add(48 * time.Hour).Truncate(time.Minute)
		peer, err := es.Events.Create(context.Background(), event.Input{OrgID: es.Peer.ID, Title: "滁州科普讲座", Kind: event.KindLecture,
			Capacity: 10, StartsAt: start, EndsAt: start.Add(2 * time.Hour), Place: "滁州市图书馆"})
		if err != nil {
			t.Fatal(err)
		}
		anon := es.Client(t)
		_, body := anon.Get("/e")
		for _, want := range []string{`placeholder="活动名称或地点"`, `<option value="">全部地区</option>`, `<option value="PZH">攀枝花市</option>`,
			`<option value="CZ">滁州市</option>`, e.Title, peer.Title} {
			if !strings.Contains(body, want) {
				t.Errorf("/e lacks %s", want)
			}
		}
		_, body = anon.Get("/e?area=PZH")
		if !strings.Contains(body, e.Title) || strings.Contains(body, peer.Title) || !strings.Contains(body, `<option value="PZH" selected>`) {
			t.Error("/e?area=PZH does not list only 攀枝花市's events")
		}
		if _, body = anon.Get("/e?area=NOSUCH"); !strings.Contains(body, e.Title) || !strings.Contains(body, peer.Title) {
			t.Error("an unknown area hides events")
		}
	})
}
