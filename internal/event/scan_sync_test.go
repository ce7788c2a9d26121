package event_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"kexie/internal/checkin"
	"kexie/internal/event"
)

// TestSyncCountsOnce: replays, double scans and two devices count a
// ticket once; another event's ticket (as an unknown one), an unknown
// code, a waiting ticket and a clock far ahead are rejected with their
// reasons and kept.
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
		wantRej := fmt.Sprint([]event.Rejection{{Line: 4, Reason: event.ReasonUnknown}, {Line: 5, Reason: event.ReasonUnknown},
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

// count runs a COUNT query on the site's database.
func count(t *testing.T, es eventSite, q string, args ...any) int {
	t.Helper()
	var n int
	if err := es.DB.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A door's phone learns nothing of another event: a ticket of one
// (confirmed or waiting) is answered as a code that does not exist, no
// reason tells them apart, and the scan is kept as an unknown code.
func TestSyncHidesOtherEvents(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 5)
		other := newEvent(t, es, "另一场讲座", 1)
		foreign, err := es.Events.RegisterAll(ctx, other.ID, []string{"戊", "己"}) // 己 waits
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		res, err := es.Events.Sync(ctx, e.ID, []event.Scan{{Ticket: foreign[0].Code, Device: "A", Nonce: "1", At: now},
			{Ticket: foreign[1].Code, Device: "A", Nonce: "2", At: now}, {Ticket: "2222-3333-4444", Device: "A", Nonce: "3", At: now}})
		if err != nil {
			t.Fatal(err)
		}
		want := event.SyncResult{Rejected: []event.Rejection{{Line: 1, Reason: event.ReasonUnknown},
			{Line: 2, Reason: event.ReasonUnknown}, {Line: 3, Reason: event.ReasonUnknown}}}
		if !reflect.DeepEqual(res, want) {
			t.Errorf("another event's tickets and an unknown code:\n got %+v\nwant %+v", res, want)
		}
		if n := count(t, es, `SELECT COUNT(*) FROM event_scans WHERE reason <> ?`, event.ReasonUnknown); n != 0 {
			t.Errorf("%d scans kept with another reason than an unknown code", n)
		}
		if n := count(t, es, `SELECT COUNT(*) FROM event_scans WHERE event_id = ?`, other.ID); n != 0 {
			t.Errorf("%d scans kept under the other event", n)
		}
	})
}

// A phone's scans are judged at the time it says it scanned them, so an
// organiser's phone could add check-ins and walk-ins dated on the event's
// day weeks later. The scans are taken until SyncDays after its last day,
// no later; sent again, the scans kept before are answered as before.
func TestSyncNotWeeksLater(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 5)
		ts, err := es.Events.RegisterAll(ctx, e.ID, []string{"甲", "乙"})
		if err != nil {
			t.Fatal(err)
		}
		during := e.StartsAt.Add(30 * time.Minute)
		first := []event.Scan{{Ticket: ts[0].Code, Device: "A", Nonce: "1", At: during}}
		end := e.EndsAt.In(time.FixedZone("CST", 8*3600))
		lastTaken := time.Date(end.Year(), end.Month(), end.Day()+event.SyncDays, 23, 59, 0, 0, end.Location())
		es.DB.Now = func() time.Time { return lastTaken }
		res, err := es.Events.Sync(ctx, e.ID, first)
		if err != nil || res.Accepted != 1 {
			t.Errorf("a scan %d days after the end: %+v (%v)", event.SyncDays, res, err)
		}
		es.DB.Now = func() time.Time { return lastTaken.Add(3 * 7 * 24 * time.Hour) }
		res, err = es.Events.Sync(ctx, e.ID, append(first, event.Scan{Ticket: ts[1].Code, Device: "A", Nonce: "2", At: during},
			event.Scan{Device: "A", Nonce: "3", At: during, WalkIn: true}))
		if err != nil {
			t.Fatal(err)
		}
		want := event.SyncResult{Duplicates: 1, Rejected: []event.Rejection{{Line: 2, Reason: event.ReasonLate}, {Line: 3, Reason: event.ReasonLate}}}
		if !reflect.DeepEqual(res, want) {
			t.Errorf("scans dated on the event's day sent weeks later:\n got %+v\nwant %+v", res, want)
		}
		if a, err := es.Events.Attendance(ctx, e.ID); err != nil || a.CheckedIn != 1 || a.WalkIns != 0 {
			t.Errorf("attendance %+v (%v), want 1 in and no walk-in", a, err)
		}
	})
}

// An event keeps at most event.MaxScans(e) scans: an organiser's script
// sending batch after batch of made-up codes (5,000 a request, each with a
// fresh nonce) cannot fill the database. Past the bound a scan is still
// judged and a ticket still lets its holder in; a scan sent before is
// answered as before; a new walk-in, counted only by its kept scan, is
// refused as ReasonFull.
func TestSyncKeepsBoundedScans(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 2)
		ts, err := es.Events.RegisterAll(ctx, e.ID, []string{"甲", "乙"})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		walkIn := event.Scan{Device: "A", Nonce: "w", At: now, WalkIn: true}
		in := event.Scan{Ticket: ts[0].Code, Device: "A", Nonce: "t", At: now}
		if res, err := es.Events.Sync(ctx, e.ID, []event.Scan{walkIn, in}); err != nil || res.WalkIns != 1 || res.Accepted != 1 {
			t.Fatalf("before the flood: %+v (%v)", res, err)
		}
		bound := event.MaxScans(e)
		var flood []event.Scan
		for i := 0; i < bound+100; i++ {
			flood = append(flood, event.Scan{Ticket: fmt.Sprintf("2222-3333-%04d", i), Device: "X", Nonce: fmt.Sprint(i), At: now})
		}
		res, err := es.Events.Sync(ctx, e.ID, flood)
		if err != nil || len(res.Rejected) != bound+100 {
			t.Errorf("%d of %d made-up codes rejected (%v)", len(res.Rejected), bound+100, err)
		}
		res, err = es.Events.Sync(ctx, e.ID, []event.Scan{walkIn, in,
			{Ticket: ts[1].Code, Device: "B", Nonce: "1", At: now}, {Ticket: ts[1].Code, Device: "B", Nonce: "2", At: now},
			{Device: "B", Nonce: "3", At: now, WalkIn: true}})
		if err != nil {
			t.Fatal(err)
		}
		want := event.SyncResult{Accepted: 1, Duplicates: 3, Rejected: []event.Rejection{{Line: 5, Reason: event.ReasonFull}}}
		if !reflect.DeepEqual(res, want) {
			t.Errorf("past the bound:\n got %+v\nwant %+v", res, want)
		}
		if n := count(t, es, `SELECT COUNT(*) FROM event_scans WHERE event_id = ?`, e.ID); n > bound {
			t.Errorf("%d scans kept, want at most %d", n, bound)
		}
		if a, err := es.Events.Attendance(ctx, e.ID); err != nil || a.CheckedIn != 2 || a.WalkIns != 1 {
			t.Errorf("attendance %+v (%v), want 2 in and 1 walk-in", a, err)
		}
	})
}

// A scan whose device, nonce or code holds a NUL (JSON's \u0000), which
// PostgreSQL cannot store, is rejected as not sound (checkin's Sound); it
// does not fail the batch, which the phone would send again and again.
func TestSyncNulInAScan(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 5)
		ts, err := es.Events.RegisterAll(ctx, e.ID, []string{"甲", "乙"})
		if err != nil {
			t.Fatal(err)
		}
		at := e.StartsAt.Add(30 * time.Minute).UTC().Format(time.RFC3339) // during the event, sent an hour in
		es.DB.Now = func() time.Time { return e.StartsAt.Add(time.Hour) }
		scans, err := checkin.Decode(strings.NewReader(fmt.Sprintf(`{"scans":[
			{"ticket":%q,"device":"A\u0000","nonce":"1","at":%q},
			{"ticket":%q,"device":"A","nonce":"2\u0000","at":%q},
			{"ticket":"%s\u0000","device":"A","nonce":"3","at":%q},
			{"walk_in":true,"device":"A\u0000","nonce":"4","at":%q},
			{"ticket":%q,"device":"A","nonce":"5","at":%q}]}`, ts[0].Code, at, ts[0].Code, at, ts[0].Code, at, at, ts[1].Code, at)))
		if err != nil {
			t.Fatal(err)
		}
		res, err := es.Events.Sync(ctx, e.ID, scans)
		if err != nil {
			t.Fatal(err)
		}
		// A NUL in the code is dropped with the dashes (shortcode.Norm
		// keeps only a code's letters and digits): line 3 is 甲's ticket.
		want := event.SyncResult{Accepted: 2, Rejected: []event.Rejection{{Line: 1, Reason: event.ReasonBad}, {Line: 2, Reason: event.ReasonBad},
			{Line: 4, Reason: event.ReasonBad}}}
		if !reflect.DeepEqual(res, want) {
			t.Errorf("a batch with NULs:\n got %+v\nwant %+v", res, want)
		}
	})
}

// The door opens the day before the event starts (as a conference's): a
// phone cannot check people in weeks ahead, whether the server's clock or
// the scan's own time says so — the latter the phone sets.
func TestSyncNotWeeksEarly(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 5)
		ts, err := es.Events.RegisterAll(ctx, e.ID, []string{"甲", "乙", "丙"})
		if err != nil {
			t.Fatal(err)
		}
		weeksAhead := e.StartsAt.Add(-21 * 24 * time.Hour)
		es.DB.Now = func() time.Time { return weeksAhead }
		res, err := es.Events.Sync(ctx, e.ID, []event.Scan{{Ticket: ts[0].Code, Device: "A", Nonce: "1", At: weeksAhead}})
		if want := (event.SyncResult{Rejected: []event.Rejection{{Line: 1, Reason: event.ReasonEarly}}}); err != nil || !reflect.DeepEqual(res, want) {
			t.Errorf("three weeks ahead: %+v (%v), want %+v", res, err, want)
		}
		during := e.StartsAt.Add(30 * time.Minute)
		es.DB.Now = func() time.Time { return during }
		res, err = es.Events.Sync(ctx, e.ID, []event.Scan{{Ticket: ts[1].Code, Device: "A", Nonce: "2", At: weeksAhead},
			{Ticket: ts[2].Code, Device: "A", Nonce: "3", At: during}})
		if want := (event.SyncResult{Accepted: 1, Rejected: []event.Rejection{{Line: 1, Reason: event.ReasonEarly}}}); err != nil || !reflect.DeepEqual(res, want) {
			t.Errorf("a scan dated three weeks ahead, sent during the event: %+v (%v), want %+v", res, err, want)
		}
		s := e.StartsAt.In(time.FixedZone("CST", 8*3600))
		dayBefore := time.Date(s.Year(), s.Month(), s.Day()-1, 8, 0, 0, 0, s.Location())
		es.DB.Now = func() time.Time { return dayBefore }
		res, err = es.Events.Sync(ctx, e.ID, []event.Scan{{Ticket: ts[0].Code, Device: "B", Nonce: "1", At: dayBefore}})
		if err != nil || res.Accepted != 1 {
			t.Errorf("the day before: %+v (%v), want checked in", res, err)
		}
	})
}
