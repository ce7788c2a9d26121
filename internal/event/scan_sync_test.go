package event_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/event"
)

// TestSyncCountsOnce: replays, double scans and two devices count a
// ticket once; another event's ticket, an unknown code, a waiting ticket
// and a clock far ahead are rejected with their reasons and kept.
func TestSyncCountsOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 3)
		other := newEvent(t, es, "另一场讲座", 10)
		ts, err := es.Events.RegisterAll(ctx, e.ID, []string{"甲", "乙", "丙", "丁"})
		if err != nil {
			t.Fatal(err)
		}
		foreign, err := es.Events.Register(ctx, other.ID, "戊")
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		at := func(min int) time.Time { return now.Add(time.Duration(min) * time.Minute) }
		batch := []event.Scan{
			{Ticket: ts[0].Code, Device: "A", Nonce: "1", At: at(-5)},
			{Ticket: ts[0].Code, Device: "A", Nonce: "2", At: at(-4)}, // double scan
			{Ticket: ts[1].Code, Device: "A", Nonce: "3", At: at(-3)},
			{Ticket: foreign.Code, Device: "A", Nonce: "4", At: at(-3)},    // another event
			{Ticket: "NOSUCHCODE23", Device: "A", Nonce: "5", At: at(-3)},  // unknown
			{Ticket: ts[3].Code, Device: "A", Nonce: "6", At: at(-2)},      // waiting list
			{Ticket: ts[2].Code, Device: "A", Nonce: "7", At: at(60 * 24)}, // clock a day ahead
			{Device: "A", Nonce: "8", At: at(-1), WalkIn: true},            // walk-in
			{Ticket: ts[2].Code, Device: "", Nonce: "9", At: at(-1)},       // no device
		}
		res, err := es.Events.Sync(ctx, e.ID, batch)
		if err != nil {
			t.Fatal(err)
		}
		if res.Accepted != 2 || res.Duplicates != 1 || res.WalkIns != 1 {
			t.Errorf("first sync: got %+v, want 2 accepted, 1 duplicate, 1 walk-in", res)
		}
		wantRej := fmt.Sprint([]event.Rejection{{Line: 4, Reason: event.ReasonOtherEvent}, {Line: 5, Reason: event.ReasonUnknown},
			{Line: 6, Reason: event.ReasonWaiting}, {Line: 7, Reason: event.ReasonFuture}, {Line: 9, Reason: event.ReasonBad}})
		if got := fmt.Sprint(res.Rejected); got != wantRej {
			t.Errorf("rejections:\n got %s\nwant %s", got, wantRej)
		}
		// The same batch again (the phone never got the answer): nothing new.
		res, err = es.Events.Sync(ctx, e.ID, batch)
		if err != nil {
			t.Fatal(err)
		}
		if res.Accepted != 0 || res.Duplicates != 4 || res.WalkIns != 0 || len(res.Rejected) != 5 {
			t.Errorf("replay: got %+v, want 0 accepted, 4 duplicates, 5 rejected", res)
		}
		// A second device scans a ticket already in, and a new one.
		res, err = es.Events.Sync(ctx, e.ID, []event.Scan{
			{Ticket: ts[1].Code, Device: "B", Nonce: "1", At: at(-1)},
			{Ticket: ts[2].Code, Device: "B", Nonce: "2", At: at(-1)},
		})
		if err != nil || res.Accepted != 1 || res.Duplicates != 1 {
			t.Errorf("second device: got %+v (%v), want 1 accepted, 1 duplicate", res, err)
		}
		a, err := es.Events.Attendance(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.CheckedIn != 3 || a.WalkIns != 1 || a.Duplicates != 2 || a.Rejected != 4 {
			t.Errorf("attendance: got %+v, want 3 in, 1 walk-in, 2 duplicates, 4 rejected kept", a)
		}
		// Without an event (the command line), the ticket names its event.
		res, err = es.Events.Sync(ctx, 0, []event.Scan{{Ticket: foreign.Code, Device: "C", Nonce: "1", At: at(0)}})
		if err != nil || res.Accepted != 1 {
			t.Errorf("sync without an event: got %+v (%v), want 1 accepted", res, err)
		}
		if a, _ := es.Events.Attendance(ctx, other.ID); a.CheckedIn != 1 {
			t.Errorf("other event: got %d in, want 1", a.CheckedIn)
		}
	})
}
