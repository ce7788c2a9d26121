package event_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/event"
	"kexie/internal/measure"
	"kexie/internal/org"
)

// TestReachRollsUp: caravan stops of a county count, with their
// check-ins and walk-ins, in the city's and the province's sources and on
// the statistics page; another city's scope sees none of them.
func TestReachRollsUp(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		county, err := es.Orgs.Create(ctx, org.Input{ParentID: es.City.ID, Code: "PZHDQ", Name: "东区科学技术协会", Type: org.TypeCounty, RegionCode: "510402"})
		if err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 4, 8, 9, 0, 0, 0, time.UTC)
		// The phones send their scans on the day (months later they are
		// too late: SyncDays).
		clock := es.DB.Now
		es.DB.Now = func() time.Time { return at.Add(time.Hour) }
		for i := 0; i < 3; i++ {
			e, err := es.Events.Create(ctx, event.Input{OrgID: county.ID, Title: fmt.Sprintf("大篷车第%d站", i+1), Kind: event.KindCaravan, Capacity: 50, StartsAt: at})
			if err != nil {
				t.Fatal(err)
			}
			ts, _ := es.Events.RegisterAll(ctx, e.ID, []string{"甲", "乙"})
			scans := []event.Scan{{Ticket: ts[0].Code, Device: "p", Nonce: fmt.Sprint(i, "a"), At: at}, {Device: "p", Nonce: fmt.Sprint(i, "b"), At: at, WalkIn: true},
				{Device: "p", Nonce: fmt.Sprint(i, "c"), At: at, WalkIn: true}}
			if _, err := es.Events.Sync(ctx, e.ID, scans); err != nil {
				t.Fatal(err)
			}
		}
		es.DB.Now = clock
		if _, err := es.Events.Create(ctx, event.Input{OrgID: es.City.ID, Title: "讲座", Kind: event.KindLecture, Capacity: 9, StartsAt: at}); err != nil {
			t.Fatal(err)
		}
		reg, err := measure.NewRegistry(es.Events.Sources())
		if err != nil {
			t.Fatal(err)
		}
		year := measure.Period{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
		for _, c := range []struct {
			key   string
			scope access.Scope
			want  float64
		}{
			{event.SourceHeld, access.Subtrees(es.City.Path), 4},
			{event.SourceHeldCaravan, access.Everywhere(), 3},
			{event.SourceReachCaravan, access.Subtrees(es.City.Path), 9},
			{event.SourceReach, access.Subtrees(es.Peer.Path), 0},
			{event.SourceHeld, access.Scope{}, 0},
		} {
			src, ok := reg.Lookup(c.key)
			if !ok {
				t.Fatalf("no source %s", c.key)
			}
			got, err := src.Value(ctx, c.scope, year)
			if err != nil || got != c.want {
				t.Errorf("%s in %v: got %v (%v), want %v", c.key, c.scope, got, err, c.want)
			}
		}
		cl, _ := es.User(t, "pzhstats", access.OrgStaff, es.City)
		_, body := cl.Get("/events/stats?year=2026&org_id=" + url.QueryEscape(fmt.Sprint(es.City.ID)))
		if !strings.Contains(body, "东区科学技术协会") || !strings.Contains(body, `id="rollup-reach">9<`) || !strings.Contains(body, `id="rollup-held">4<`) {
			t.Errorf("statistics page: %.1500s", body[strings.Index(body, "<main"):])
		}
		peer, _ := es.User(t, "czstats", access.OrgStaff, es.Peer)
		if res, _ := peer.Get(fmt.Sprintf("/events/stats?org_id=%d", es.City.ID)); res.StatusCode != 404 {
			t.Errorf("another city's statistics: got %d, want 404", res.StatusCode)
		}
	})
}
