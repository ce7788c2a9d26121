package app

import (
	"context"
	"net/url"
	"testing"
	"time"

	"kexie/internal/event"
	"kexie/internal/venue"
)

// eventFixture is an event with a ticket and a venue in each city, for
// the access matrix and the page walk.
type eventFixture struct {
	event, peerEvent, venue, peerVenue int64
	ticket                             string
}

func newEventFixture(t *testing.T, ta *testApp) eventFixture {
	t.Helper()
	ctx := context.Background()
	var f eventFixture
	for i, o := range ta.cities() {
		v, err := ta.Venues.Create(ctx, venue.Input{OrgID: o.ID, Kind: venue.KindEStation, Name: "社区科普e站", RegionCode: "510402", Township: "炳草岗街道"})
		must(t, err)
		e, err := ta.Events.Create(ctx, event.Input{OrgID: o.ID, VenueID: v.ID, Title: "科普讲座", Kind: event.KindLecture, Capacity: 5,
			StartsAt: time.Now().Add(48 * time.Hour)})
		must(t, err)
		if i == 0 {
			tk, err := ta.Events.Register(ctx, e.ID, "张三")
			must(t, err)
			f.venue, f.event, f.ticket = v.ID, e.ID, tk.Code
		} else {
			f.peerVenue, f.peerEvent = v.ID, e.ID
		}
	}
	return f
}

func (f eventFixture) fill(s string) string {
	return fillIDs(s, "{event}", f.event, "{peerevent}", f.peerEvent, "{venue}", f.venue, "{peervenue}", f.peerVenue, "{ticket}", f.ticket)
}

// eventMatrix lists the event and venue modules' routes for the access
// matrix. Registration, tickets and the public venue pages are open to
// anyone; the rest is staff's in their subtree; reviewing a venue is the
// administrators'.
func eventMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /e", "/e", nil, public},
		{"GET /e/{id}", "/e/{event}", nil, public},
		{"POST /e/{id}/register", "/e/{event}/register", url.Values{"name": {""}}, public},
		{"GET /t/{code}", "/t/{ticket}", nil, public},
		{"POST /t/{code}/cancel", "/t/NOSUCHTICKET/cancel", nil, public},
		{"GET /my/tickets", "/my/tickets", nil, signedIn},
		{"GET /events", "/events", nil, staff},
		{"POST /events", "/events", url.Values{"org_id": {"{city}"}, "title": {""}}, staff},
		{"POST /events", "/events", url.Values{"org_id": {"{peer}"}, "title": {""}}, sys},
		{"GET /events/lookup", "/events/lookup?action=volunteer.manage&q=讲座", nil, staff},
		{"GET /events/stats", "/events/stats", nil, staff},
		{"GET /events/checkin.js", "/events/checkin.js", nil, public},
		{"GET /events/checkin-sw.js", "/events/checkin-sw.js", nil, public},
		{"GET /events/{id}", "/events/{event}", nil, staff},
		{"GET /events/{id}", "/events/{peerevent}", nil, sys},
		{"POST /events/{id}", "/events/{event}", url.Values{"title": {""}}, staff},
		{"POST /events/{id}", "/events/{peerevent}", url.Values{"title": {""}}, sys},
		{"POST /events/{id}/capacity", "/events/{event}/capacity", url.Values{"capacity": {"0"}}, staff},
		{"POST /events/{id}/capacity", "/events/{peerevent}/capacity", url.Values{"capacity": {"0"}}, sys},
		{"POST /events/{id}/tickets", "/events/{event}/tickets", url.Values{"names": {""}}, staff},
		{"GET /events/{id}/attendance", "/events/{event}/attendance", nil, staff},
		{"GET /events/{id}/attendance", "/events/{peerevent}/attendance", nil, sys},
		{"GET /events/{id}/checkin", "/events/{event}/checkin", nil, staff},
		{"GET /events/{id}/checkin", "/events/{peerevent}/checkin", nil, sys},
		{"POST /events/{id}/sync", "/events/{event}/sync", nil, staff},
		{"POST /events/{id}/sync", "/events/{peerevent}/sync", nil, sys},
		{"GET /v", "/v", nil, public},
		{"GET /v/{id}", "/v/{venue}", nil, public},
		{"GET /v/regions.geojson", "/v/regions.geojson", nil, public},
		{"GET /venues", "/venues", nil, staff},
		{"POST /venues", "/venues", url.Values{"org_id": {"{city}"}, "name": {""}}, staff},
		{"POST /venues", "/venues", url.Values{"org_id": {"{peer}"}, "name": {""}}, sys},
		{"GET /venues/coverage", "/venues/coverage", nil, staff},
		{"GET /venues/lookup", "/venues/lookup?action=event.edit&q=科技馆", nil, signedIn},
		{"GET /venues/{id}", "/venues/{venue}", nil, staff},
		{"GET /venues/{id}", "/venues/{peervenue}", nil, sys},
		{"POST /venues/{id}", "/venues/{venue}", url.Values{"name": {""}}, staff},
		{"POST /venues/{id}/evidence", "/venues/{venue}/evidence", url.Values{"item": {"x"}}, staff},
		{"GET /venues/{id}/evidence/{eid}", "/venues/{venue}/evidence/1", nil, staff},
		{"GET /venues/{id}/evidence/{eid}", "/venues/{peervenue}/evidence/1", nil, sys},
		{"POST /venues/{id}/reviews", "/venues/{venue}/reviews", url.Values{"year": {"1"}}, admins},
		{"POST /venues/{id}/reviews", "/venues/{peervenue}/reviews", url.Values{"year": {"1"}}, sys},
		{"POST /venues/{id}/visitors", "/venues/{venue}/visitors", url.Values{"year": {"1"}}, staff},
	}
}

// eventPages are the module's pages for the page walk.
func (f eventFixture) pages() []string {
	return []string{"/e", "/e/{event}", "/t/{ticket}", "/events", "/events?kind=caravan&year=2026&sort=-capacity", "/events/stats",
		"/events/{event}", "/events/{event}/attendance", "/events/{event}/checkin", "/v", "/v/{venue}", "/venues", "/venues/coverage",
		"/venues/coverage?region=510400", "/venues/{venue}"}
}
