package demo_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/event"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
	"kexie/internal/venue"
)

// TestDemoEventsAndVenues: the demo holds an event with 2,000 or more
// registered tickets and its waiting list, check-ins that count, and
// venues with reviews, on both databases.
func TestDemoEventsAndVenues(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), auth.Migrations(), people.Migrations(), venue.Migrations(), event.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		vs, es := venue.NewStore(d, std.Regions()), event.NewStore(d)
		es.UseVenues(vs)
		res, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}, Events: es, Venues: vs})
		if err != nil {
			t.Fatal(err)
		}
		if res.Events.Events < 20 || res.Events.Tickets < 2400 || res.Venues < 20 {
			t.Fatalf("result %+v", res)
		}
		list, _, err := es.List(ctx, event.Filter{Scope: access.Everywhere(), Kind: event.KindKepuri})
		if err != nil || len(list) != 1 {
			t.Fatalf("全国科普日 events: %d %v", len(list), err)
		}
		main := list[0]
		ts, n, err := es.Tickets(ctx, main.ID, event.TicketFilter{})
		if err != nil || n < 2000 || len(ts) != n || main.Confirmed != 2000 || main.Waiting != n-2000 {
			t.Errorf("main event: %d tickets (%v), %d confirmed, %d waiting", n, err, main.Confirmed, main.Waiting)
		}
		if a, _ := es.Attendance(ctx, main.ID); a.CheckedIn < 1500 || a.WalkIns != 180 || a.Duplicates == 0 {
			t.Errorf("main event attendance %+v", a)
		}
		up, n, err := es.Upcoming(ctx, access.Everywhere(), time.Now(), "", 50, 0)
		cities := map[int64]bool{}
		for _, e := range up {
			cities[e.OrgID] = true
		}
		if err != nil || n < 7 || len(cities) < 4 {
			t.Errorf("upcoming events: %d in %d orgs (%v); the public calendar should show what is ahead", n, len(cities), err)
		}
		warned, _, _ := vs.List(ctx, venue.Filter{Scope: access.Everywhere(), Status: venue.Warned})
		removed, _, _ := vs.List(ctx, venue.Filter{Scope: access.Everywhere(), Status: venue.Removed})
		if len(warned)+len(removed) == 0 {
			t.Error("no venue was warned or removed at the demo's review")
		}
	})
}
