package app

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/event"
	"kexie/internal/venue"
)

// TestEventVenueOfAnotherCity: an event's venue is picked by its ID. A
// venue in service is public (the /v pages list every org's), so any
// city's event may be held there; a removed (摘牌) one is nobody's to name,
// and the peer city's removed venue is answered as a venue that does not
// exist — same status, same page, its name nowhere, nothing saved — on a
// new event and on a corrected one (D189).
func TestEventVenueOfAnotherCity(t *testing.T) {
	onBothDBs(t, func(t *testing.T, dsn string) {
		ta := newTestApp(t, dsn)
		ctx := context.Background()
		mk := func(orgID int64, name string, removed bool) int64 {
			v, err := ta.Venues.Create(ctx, venue.Input{OrgID: orgID, Kind: venue.KindBase, Name: name, RegionCode: "510402"})
			must(t, err)
			if removed {
				must(t, ta.Venues.AddReview(ctx, v.ID, venue.ReviewInput{Year: 2026, Score: 40, Outcome: venue.Removed,
					Comment: "摘牌", Reviewer: "审核"}))
			}
			return v.ID
		}
		own := mk(ta.city.ID, "本市甄基地", false)
		ownGone := mk(ta.city.ID, "本市甄旧基地", false)
		peerOpen := mk(ta.peer.ID, "邻市甄科技馆", false)
		peerGone := mk(ta.peer.ID, "邻市甄撤牌基地", true)
		staff, _ := ta.user(t, "venuestaff", access.OrgAdmin, ta.city)
		start := time.Now().Add(72 * time.Hour).In(time.FixedZone("CST", 8*3600)).Format("2006-01-02T15:04")
		form := func(title string, venueID string) url.Values {
			return url.Values{"org_id": {fmt.Sprint(ta.city.ID)}, "title": {title}, "kind": {event.KindLecture}, "capacity": {"10"},
				"starts_at": {start}, "venue_id": {venueID}}
		}
		saved := func(title string) int {
			list, _, err := ta.Events.List(ctx, event.Filter{Scope: access.Everywhere(), Q: title})
			must(t, err)
			return len(list)
		}

		// A new event at the peer's removed venue, as at one that does not exist.
		// The venue field keeps what was typed (the picker's text field), so
		// the peer's ID is read as the unknown one before comparing.
		res, body := staff.post("/events", form("甄讲座甲", fmt.Sprint(peerGone)))
		body = strings.ReplaceAll(body, fmt.Sprint(peerGone), absentID)
		ares, abody := staff.post("/events", form("甄讲座甲", absentID))
		if res.StatusCode != http.StatusUnprocessableEntity || res.StatusCode != ares.StatusCode ||
			volatileRE.ReplaceAllString(body, "") != volatileRE.ReplaceAllString(abody, "") {
			t.Errorf("a new event at the peer's removed venue: %d %q, at an unknown one: %d", res.StatusCode, res.Header.Get("Location"), ares.StatusCode)
		}
		if n := saved("甄讲座甲"); n != 0 {
			t.Errorf("an event at the peer's removed venue was saved (%d)", n)
		}
		// The peer's venue in service is public: an event may be held there.
		res, body = staff.post("/events", form("甄讲座乙", fmt.Sprint(peerOpen)))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("a new event at the peer's public venue: %d %.300s", res.StatusCode, errorText(body))
		}
		page := res.Header.Get("Location")
		if _, body := staff.get(page); !strings.Contains(body, "邻市甄科技馆") {
			t.Errorf("the event at the peer's public venue does not name it")
		}

		// Correcting an event: the peer's removed venue is refused as an
		// unknown one, and the venue stays.
		res, body = staff.post("/events", form("甄讲座丙", fmt.Sprint(ownGone)))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("a new event at the city's venue: %d %.300s", res.StatusCode, errorText(body))
		}
		page = res.Header.Get("Location")
		edit := form("甄讲座丙", "")
		edit.Del("org_id")
		edit.Del("capacity")
		for _, id := range []string{fmt.Sprint(peerGone), absentID} {
			edit.Set("venue_id", id)
			res, body := staff.post(page, edit)
			if res.StatusCode != http.StatusUnprocessableEntity || strings.Contains(body, "邻市甄撤牌基地") {
				t.Errorf("moving the event to venue %s: %d, names the peer's removed venue: %v", id, res.StatusCode,
					strings.Contains(body, "邻市甄撤牌基地"))
			}
		}
		edit.Set("venue_id", fmt.Sprint(peerGone))
		_, body = staff.post(page, edit)
		body = strings.ReplaceAll(body, fmt.Sprint(peerGone), absentID)
		edit.Set("venue_id", absentID)
		_, abody = staff.post(page, edit)
		if volatileRE.ReplaceAllString(body, "") != volatileRE.ReplaceAllString(abody, "") {
			t.Errorf("moving an event to the peer's removed venue and to an unknown one answer different pages")
		}
		// The event's own venue, removed since, may stay; a removed venue
		// is not newly named, the city's own neither.
		must(t, ta.Venues.AddReview(ctx, ownGone, venue.ReviewInput{Year: 2026, Score: 40, Outcome: venue.Removed, Comment: "摘牌", Reviewer: "审核"}))
		edit.Set("venue_id", fmt.Sprint(ownGone))
		if res, body := staff.post(page, edit); res.StatusCode != http.StatusSeeOther {
			t.Errorf("keeping the event's own venue, removed since: %d %.300s", res.StatusCode, errorText(body))
		}
		if _, body := staff.get(page); !strings.Contains(body, "本市甄旧基地") {
			t.Errorf("the event's removed venue is not on offer on its page, so saving it would drop it")
		}
		if res, _ := staff.post("/events", form("甄讲座丁", fmt.Sprint(ownGone))); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("a new event at the city's removed venue: %d, want 422", res.StatusCode)
		}
		edit.Set("venue_id", fmt.Sprint(own))
		if res, body := staff.post(page, edit); res.StatusCode != http.StatusSeeOther {
			t.Errorf("moving the event to the city's venue: %d %.300s", res.StatusCode, errorText(body))
		}
	})
}
