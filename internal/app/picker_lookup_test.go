package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/event"
	"kexie/internal/venue"
	"kexie/internal/web"
)

// pickPage reads a picker look-up's answer; it fails unless the status is 200.
func pickPage(t *testing.T, c *client, u string) (web.PickPage, string) {
	t.Helper()
	res, body := c.get(u)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d %.300s", u, res.StatusCode, body)
	}
	var p web.PickPage
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("%s: %v in %.300s", u, err, body)
	}
	return p, body
}

func hitNames(p web.PickPage) []string {
	var out []string
	for _, h := range p.Hits {
		out = append(out, h.Name)
	}
	return out
}

// TestPickerLookups: the venue picker's look-up suggests every venue in
// service — the caller's first, then the public ones of other orgs, found by
// name or city — never a removed one, and tells nothing /v/{id} does not
// (no contact, no status); the event picker's look-up lists only the events
// in the scope of the form's action (a post's: volunteer.manage, D189),
// coming ones first, with date and org. Both bound what is typed (a q over
// 64 runes is a 400) and a page (at most 100 hits). Without scripts the
// fields take an exact name or title, checked as an ID is (D189).
func TestPickerLookups(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		ctx := context.Background()
		mk := func(orgID int64, name, region string, removed bool) int64 {
			v, err := ta.Venues.Create(ctx, venue.Input{OrgID: orgID, Kind: venue.KindMuseum, Name: name, RegionCode: region,
				Contact: "13912345678", Address: "甄路1号"})
			must(t, err)
			if removed {
				must(t, ta.Venues.AddReview(ctx, v.ID, venue.ReviewInput{Year: 2026, Score: 40, Outcome: venue.Removed, Comment: "摘牌", Reviewer: "审核"}))
			}
			return v.ID
		}
		own := mk(ta.city.ID, "甄乙本市科技馆", "510402", false)
		mk(ta.city.ID, "甄丙本市旧馆", "510402", true)
		peer := mk(ta.peer.ID, "甄甲邻市科技馆", "341102", false)
		mk(ta.peer.ID, "甄丁邻市撤牌馆", "341102", true)
		staff, _ := ta.user(t, "pickstaff", access.OrgStaff, ta.city)

		// Venues: the caller's first (though 甄甲 sorts before 甄乙), the
		// peer's public one next, no removed one, no contact or status.
		p, body := pickPage(t, staff, "/venues/lookup?action=event.edit&q="+url.QueryEscape("甄"))
		if got := hitNames(p); p.Total != 2 || len(got) != 2 || got[0] != "甄乙本市科技馆" || got[1] != "甄甲邻市科技馆" || p.Hits[0].Code != fmt.Sprint(own) {
			t.Errorf("venues for 甄: %q (total %d), want the city's, then the peer's in service", got, p.Total)
		}
		for _, secret := range []string{"旧馆", "撤牌馆", "13912345678", "removed", "kept", "warned"} {
			if strings.Contains(body, secret) {
				t.Errorf("the venue look-up tells %q: %.400s", secret, body)
			}
		}
		if h := p.Hits[1]; h.Code != fmt.Sprint(peer) || h.Tag != "科技馆" || !strings.Contains(h.Path, "滁州市") || !strings.Contains(h.Path, "滁州市科学技术协会") {
			t.Errorf("the peer's venue hit: %+v", h)
		}
		// By city: 滁州 finds the peer's venue, in service only.
		if p, _ := pickPage(t, staff, "/venues/lookup?q="+url.QueryEscape("滁州")); p.Total != 1 || p.Hits[0].Code != fmt.Sprint(peer) {
			t.Errorf("venues in 滁州: %q", hitNames(p))
		}
		// Signed out: no answer.
		if res, _ := ta.client(t).get("/venues/lookup?q=" + url.QueryEscape("甄")); res.StatusCode == http.StatusOK {
			t.Errorf("the venue look-up answers a visitor: %d", res.StatusCode)
		}

		// Events: the city's only, coming first, then past ones latest first.
		start := time.Now().Add(72 * time.Hour).Truncate(time.Minute)
		mkEvent := func(orgID int64, title string, at time.Time) int64 {
			e, err := ta.Events.Create(ctx, event.Input{OrgID: orgID, Title: title, Kind: event.KindLecture, Capacity: 10, StartsAt: at, EndsAt: at.Add(2 * time.Hour)})
			must(t, err)
			return e.ID
		}
		coming := mkEvent(ta.city.ID, "甄活动本市将来", start)
		mkEvent(ta.city.ID, "甄活动本市去年", start.AddDate(-1, 0, 0))
		mkEvent(ta.city.ID, "甄活动本市上月", start.AddDate(0, -1, 0))
		peerEvent := mkEvent(ta.peer.ID, "甄活动邻市", start)
		p, body = pickPage(t, staff, "/events/lookup?action=volunteer.manage&q="+url.QueryEscape("甄活动"))
		if got := hitNames(p); strings.Join(got, ",") != "甄活动本市将来,甄活动本市上月,甄活动本市去年" || p.Total != 3 {
			t.Errorf("events for a post: %q (total %d), want the city's, coming first, then the latest past", got, p.Total)
		}
		if strings.Contains(body, "邻市") {
			t.Errorf("the event look-up lists the peer city's event: %.300s", body)
		}
		if h := p.Hits[0]; h.Code != fmt.Sprint(coming) || !strings.Contains(h.Path, start.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")) ||
			!strings.Contains(h.Path, "攀枝花市科学技术协会") || h.Name != "甄活动本市将来" {
			t.Errorf("the coming event's hit: %+v", h)
		}
		// By organiser's name.
		if p, _ := pickPage(t, staff, "/events/lookup?action=volunteer.manage&q="+url.QueryEscape("攀枝花")); p.Total != 3 {
			t.Errorf("events by organiser: %q", hitNames(p))
		}
		// A user without a grant for events gets none; an action the caller
		// does not hold lists nothing.
		member, _ := ta.user(t, "pickmember", access.Member, ta.city)
		if res, _ := member.get("/events/lookup?action=volunteer.manage"); res.StatusCode != http.StatusForbidden {
			t.Errorf("the event look-up for a member: %d, want 403", res.StatusCode)
		}
		if p, _ := pickPage(t, staff, "/events/lookup?action=org.create&q="+url.QueryEscape("甄活动")); p.Total != 0 {
			t.Errorf("events for an action staff do not hold: %q", hitNames(p))
		}

		// Bounds: what is typed, and a page.
		long := strings.Repeat("甄", web.MaxPickQuery+1)
		for _, u := range []string{"/venues/lookup?q=", "/events/lookup?q=", "/orgs/lookup?q="} {
			if res, _ := staff.get(u + url.QueryEscape(long)); res.StatusCode != http.StatusBadRequest {
				t.Errorf("%s with %d runes: %d, want 400", u, web.MaxPickQuery+1, res.StatusCode)
			}
			if res, _ := staff.get(u + url.QueryEscape(long[:len(long)-len("甄")])); res.StatusCode != http.StatusOK {
				t.Errorf("%s with %d runes: %d, want 200", u, web.MaxPickQuery, res.StatusCode)
			}
		}
		for i := 0; i < 105; i++ {
			mk(ta.peer.ID, fmt.Sprintf("甄批量馆%03d", i), "341102", false)
		}
		for _, c := range []struct {
			limit       string
			hits, total int
		}{{"", 20, 105}, {"5", 5, 105}, {"100", 100, 105}, {"1000", 20, 105}, {"-3", 20, 105}} {
			p, _ := pickPage(t, staff, "/venues/lookup?q="+url.QueryEscape("甄批量")+"&limit="+c.limit+"&offset=-7")
			if len(p.Hits) != c.hits || p.Total != c.total || p.Offset != 0 || p.Next != c.hits {
				t.Errorf("limit %q: %d hits of %d from %d, next %d; want %d of %d from 0", c.limit, len(p.Hits), p.Total, p.Offset, p.Next, c.hits, c.total)
			}
		}
		if p, _ := pickPage(t, staff, "/venues/lookup?q="+url.QueryEscape("甄批量")+"&offset=100"); len(p.Hits) != 5 || p.Next != 0 {
			t.Errorf("the last page: %d hits, next %d", len(p.Hits), p.Next)
		}

		// Without scripts: a name or a title typed, checked as an ID is.
		cst := time.FixedZone("CST", 8*3600)
		at := start.In(cst).Format("2006-01-02T15:04")
		newEvent := func(title, v string) (*http.Response, string) {
			return staff.post("/events", url.Values{"org_id": {fmt.Sprint(ta.city.ID)}, "title": {title}, "kind": {event.KindLecture},
				"capacity": {"10"}, "starts_at": {at}, "venue_id": {v}})
		}
		if res, body := newEvent("甄讲座按名", "甄甲邻市科技馆"); res.StatusCode != http.StatusSeeOther {
			t.Errorf("an event at a public venue named: %d %.300s", res.StatusCode, errorText(body))
		} else if _, page := staff.get(res.Header.Get("Location")); !strings.Contains(page, "甄甲邻市科技馆") {
			t.Errorf("the event at a venue named does not name it")
		}
		res, gone := newEvent("甄讲座按名", "甄丁邻市撤牌馆")
		ares, absent := newEvent("甄讲座按名", "甄戊不存在馆")
		gone = strings.ReplaceAll(gone, "甄丁邻市撤牌馆", "甄戊不存在馆")
		if res.StatusCode != http.StatusUnprocessableEntity || ares.StatusCode != res.StatusCode ||
			volatileRE.ReplaceAllString(gone, "") != volatileRE.ReplaceAllString(absent, "") || !strings.Contains(errorText(absent), "找不到名为") {
			t.Errorf("a removed venue's name: %d, an unknown name: %d; pages the same: %v", res.StatusCode, ares.StatusCode,
				volatileRE.ReplaceAllString(gone, "") == volatileRE.ReplaceAllString(absent, ""))
		}
		post := func(ev string) string {
			res, _ := staff.post("/volunteers/opportunities", url.Values{"org_id": {fmt.Sprint(ta.city.ID)}, "title": {"甄岗位"},
				"starts_at": {at}, "ends_at": {start.Add(2 * time.Hour).In(cst).Format("2006-01-02T15:04")}, "slots": {"5"}, "event_id": {ev}})
			if loc := res.Header.Get("Location"); strings.HasPrefix(loc, "/volunteers/opportunities/") {
				return loc
			}
			_, body := staff.get("/volunteers") // the flash the redirect carries
			return errorText(body)
		}
		if got := post("甄活动邻市"); !strings.Contains(got, "活动不存在") {
			t.Errorf("a post naming the peer's event by title: %.200s", got)
		}
		if got := post(fmt.Sprint(peerEvent)); !strings.Contains(got, "活动不存在") {
			t.Errorf("a post naming the peer's event by ID: %.200s", got)
		}
		if got := post("甄活动本市将来"); !strings.HasPrefix(got, "/volunteers/opportunities/") {
			t.Errorf("a post naming the city's event by title: %.200s", got)
		}
		ps, err := ta.Vols.Opportunities(ctx, access.Everywhere(), time.Now().Add(-time.Hour), 100)
		must(t, err)
		if len(ps) != 1 || ps[0].EventID != coming {
			t.Errorf("posts: %+v", ps)
		}
	})
}
