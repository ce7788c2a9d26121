package event_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
	"kexie/internal/web/webtest"
)

// A scan is kept by (event, device, nonce) and looked up only within its
// event: a phone that scans at two events and repeats a nonce (a phone
// reset, or one app numbering each event from 1) is judged afresh at the
// second, and a forged batch replaying another event's nonces learns
// nothing of that event's scans. Before migration 004 both were answered
// from the other event's kept scan (a duplicate, or its reason).
func TestSyncScansPerEvent(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		a := newEvent(t, es, "科普日主场", 1)
		b := newEvent(t, es, "院士讲科学", 5)
		ta, err := es.Events.RegisterAll(ctx, a.ID, []string{"甲", "乙"}) // 乙 waits
		if err != nil {
			t.Fatal(err)
		}
		tb, err := es.Events.RegisterAll(ctx, b.ID, []string{"丙", "丁", "戊"})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		res, err := es.Events.Sync(ctx, a.ID, []event.Scan{{Ticket: ta[0].Code, Device: "P", Nonce: "1", At: now},
			{Ticket: ta[1].Code, Device: "P", Nonce: "2", At: now}, {Ticket: "2222-3333-4444", Device: "P", Nonce: "3", At: now}})
		want := event.SyncResult{Accepted: 1, Rejected: []event.Rejection{{Line: 2, Reason: event.ReasonWaiting},
			{Line: 3, Reason: event.ReasonUnknown}}}
		if err != nil || !reflect.DeepEqual(res, want) {
			t.Fatalf("at the first event: %+v (%v), want %+v", res, err, want)
		}
		// The same phone, the same nonces, at the second event.
		res, err = es.Events.Sync(ctx, b.ID, []event.Scan{{Ticket: tb[0].Code, Device: "P", Nonce: "1", At: now},
			{Ticket: tb[1].Code, Device: "P", Nonce: "2", At: now}, {Ticket: tb[2].Code, Device: "P", Nonce: "3", At: now}})
		want = event.SyncResult{Accepted: 3, Rejected: []event.Rejection{}}
		if err != nil || !reflect.DeepEqual(res, want) {
			t.Errorf("the same nonces at the second event:\n got %+v (%v)\nwant %+v", res, err, want)
		}
		if at, err := es.Events.Attendance(ctx, b.ID); err != nil || at.CheckedIn != 3 {
			t.Errorf("second event's attendance %+v (%v), want 3 in", at, err)
		}
		// Each event keeps its own scan of each nonce, and answers a replay
		// from it.
		if n := count(t, es, `SELECT COUNT(*) FROM event_scans WHERE device = 'P'`); n != 6 {
			t.Errorf("%d scans kept for phone P, want 3 at each event", n)
		}
		res, err = es.Events.Sync(ctx, a.ID, []event.Scan{{Ticket: ta[0].Code, Device: "P", Nonce: "1", At: now},
			{Ticket: ta[1].Code, Device: "P", Nonce: "2", At: now}})
		want = event.SyncResult{Duplicates: 1, Rejected: []event.Rejection{{Line: 2, Reason: event.ReasonWaiting}}}
		if err != nil || !reflect.DeepEqual(res, want) {
			t.Errorf("replayed at the first event:\n got %+v (%v)\nwant %+v", res, err, want)
		}
	})
}

// Migration 004 keeps every scan kept before, with its outcome, and from
// then on refuses a second scan only within one event.
func TestMigrationScanKeys(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		webtest.New(t, d) // the platform's tables, orgs among them
		before := dbtest.Before(t, event.Migrations(), "004")
		if err := d.Migrate(ctx, before); err != nil {
			t.Fatal(err)
		}
		insert := func(id, eventID int64, nonce, outcome string) error {
			_, err := d.Exec(ctx, `INSERT INTO event_scans (id, event_id, ticket_code, device, nonce, scanned_at, received_at, outcome, reason)
				VALUES (?, ?, 'C', 'P', ?, 1, 1, ?, '')`, id, eventID, nonce, outcome)
			return err
		}
		for i, o := range []string{event.Accepted, event.Duplicate, event.Rejected, event.WalkIn} {
			if err := insert(int64(i+1), 7, fmt.Sprint(i+1), o); err != nil {
				t.Fatal(err)
			}
		}
		if err := insert(9, 8, "1", event.Accepted); err == nil {
			t.Fatal("before 004, a nonce was kept once across events")
		}
		if err := d.Migrate(ctx, event.Migrations()); err != nil {
			t.Fatal(err)
		}
		rows, err := d.Query(ctx, `SELECT id, event_id, nonce, outcome FROM event_scans ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var id, ev int64
			var nonce, outcome string
			if err := rows.Scan(&id, &ev, &nonce, &outcome); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%d %d %s %s", id, ev, nonce, outcome))
		}
		rows.Close()
		want := []string{"1 7 1 accepted", "2 7 2 duplicate", "3 7 3 rejected", "4 7 4 walk_in"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("scans after 004:\n got %q\nwant %q", got, want)
		}
		if err := insert(9, 8, "1", event.Accepted); err != nil {
			t.Errorf("after 004, the same nonce at another event: %v", err)
		}
		if err := insert(10, 7, "1", event.Accepted); err == nil {
			t.Error("after 004, the same nonce twice at one event was kept")
		}
	})
}
