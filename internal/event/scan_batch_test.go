package event_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"kexie/internal/db/dbtest"
	"kexie/internal/event"
)

// A batch is answered as its scans sent one at a time would be, outcome
// for outcome, and keeps the same scans: a new ticket, the same ticket
// again, a ticket in already, an unknown code, another event's ticket, a
// waiting ticket, a scan dated weeks early, a bad scan, a walk-in, a nonce
// sent twice and a clock far ahead — and then the whole batch sent again.
// Two like events take the same scans, the batch at one and the scans one
// at a time at the other (the same phones and nonces: each event keeps its
// own).
func TestSyncBatchAsOneByOne(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		other := newEvent(t, es, "另一场讲座", 5)
		foreign, err := es.Events.Register(ctx, other.ID, "戊")
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		// door is an event of two seats, 甲 in already, 丙 waiting, with
		// its batch and the labels of its codes.
		door := func(title string) (event.Event, []event.Scan, map[string]string) {
			e := newEvent(t, es, title, 2)
			ts, err := es.Events.RegisterAll(ctx, e.ID, []string{"甲", "乙", "丙"})
			if err != nil {
				t.Fatal(err)
			}
			if res, err := es.Events.Sync(ctx, e.ID, []event.Scan{{Ticket: ts[0].Code, Device: "Z", Nonce: "0", At: now}}); err != nil || res.Accepted != 1 {
				t.Fatalf("甲 in: %+v (%v)", res, err)
			}
			label := map[string]string{}
			for _, tk := range ts {
				label[strings.ReplaceAll(tk.Code, "-", "")] = tk.Name
			}
			label[strings.ReplaceAll(foreign.Code, "-", "")] = "戊"
			return e, []event.Scan{
				{Ticket: ts[1].Code, Device: "A", Nonce: "1", At: now},                           // new
				{Ticket: ts[1].Code, Device: "A", Nonce: "2", At: now},                           // in a line ago
				{Ticket: ts[0].Code, Device: "B", Nonce: "1", At: now},                           // in already
				{Ticket: "2222-3333-4444", Device: "A", Nonce: "3", At: now},                     // unknown
				{Ticket: foreign.Code, Device: "A", Nonce: "4", At: now},                         // another event's
				{Ticket: ts[2].Code, Device: "A", Nonce: "5", At: now},                           // waiting
				{Ticket: ts[1].Code, Device: "A", Nonce: "6", At: now.Add(-21 * 24 * time.Hour)}, // weeks early
				{Ticket: ts[1].Code, Device: "", Nonce: "7", At: now},                            // bad: no device
				{Device: "A", Nonce: "8", At: now, WalkIn: true},                                 // walk-in
				{Ticket: ts[0].Code, Device: "A", Nonce: "1", At: now},                           // nonce 1 again
				{Ticket: ts[1].Code, Device: "B", Nonce: "2", At: now.Add(24 * time.Hour)},       // clock a day ahead
			}, label
		}
		batchAt, batch, batchLabels := door("科普日主场")
		oneAt, ones, oneLabels := door("院士讲科学")
		for round := 1; round <= 2; round++ {
			got, err := es.Events.Sync(ctx, batchAt.ID, batch)
			if err != nil {
				t.Fatal(err)
			}
			want := event.SyncResult{Rejected: []event.Rejection{}}
			for i, sc := range ones {
				r, err := es.Events.Sync(ctx, oneAt.ID, []event.Scan{sc})
				if err != nil {
					t.Fatal(err)
				}
				want.Accepted, want.Duplicates, want.WalkIns = want.Accepted+r.Accepted, want.Duplicates+r.Duplicates, want.WalkIns+r.WalkIns
				for _, x := range r.Rejected {
					want.Rejected = append(want.Rejected, event.Rejection{Line: i + 1, Reason: x.Reason})
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d: the batch\n got %+v\nwant %+v (one at a time)", round, got, want)
			}
			if round == 1 && (want.Accepted != 1 || want.Duplicates != 3 || want.WalkIns != 1 || len(want.Rejected) != 6) {
				t.Errorf("one at a time: %+v, want 1 accepted, 3 duplicates, 1 walk-in, 6 rejected", want)
			}
			if g, w := keptScans(t, es, batchAt.ID, batchLabels), keptScans(t, es, oneAt.ID, oneLabels); !reflect.DeepEqual(g, w) {
				t.Errorf("round %d: scans kept of the batch\n got %q\nwant %q (one at a time)", round, g, w)
			}
			g, err := es.Events.Attendance(ctx, batchAt.ID)
			if err != nil {
				t.Fatal(err)
			}
			if w, err := es.Events.Attendance(ctx, oneAt.ID); err != nil || g != w {
				t.Errorf("round %d: attendance %+v, one at a time %+v (%v)", round, g, w, err)
			}
		}
	})
}

// keptScans lists the scans event id keeps: device, nonce, the ticket's
// label, outcome and reason.
func keptScans(t *testing.T, es eventSite, id int64, label map[string]string) []string {
	t.Helper()
	rows, err := es.DB.Query(context.Background(), `SELECT device, nonce, ticket_code, outcome, reason FROM event_scans
		WHERE event_id = ? ORDER BY device, nonce`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var device, nonce, code, outcome, reason string
		if err := rows.Scan(&device, &nonce, &code, &outcome, &reason); err != nil {
			t.Fatal(err)
		}
		if l, ok := label[code]; ok {
			code = l
		}
		out = append(out, strings.Join([]string{device, nonce, code, outcome, reason}, " "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Phones syncing at once let each ticket in once: five phones (one of
// them sending its batch twice at once) scan the same 200 tickets; every
// ticket is accepted once across them, each batch is answered in full,
// and each phone's scans are kept once.
func TestSyncAtOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 200)
		names := make([]string, 200)
		for i := range names {
			names[i] = fmt.Sprint("观众", i)
		}
		ts, err := es.Events.RegisterAll(ctx, e.ID, names)
		if err != nil {
			t.Fatal(err)
		}
		devices := []string{"A", "A", "B", "C", "D", "E"}
		now := time.Now()
		results := make([]event.SyncResult, len(devices))
		errs := dbtest.AtOnce(len(devices), func(i int) error {
			scans := make([]event.Scan, len(ts))
			for j := range ts {
				k := (j + 7*i) % len(ts) // each phone in its own order
				scans[j] = event.Scan{Ticket: ts[k].Code, Device: devices[i], Nonce: fmt.Sprint(k), At: now}
			}
			var err error
			results[i], err = es.Events.Sync(ctx, e.ID, scans)
			return err
		})
		accepted := 0
		for i, err := range errs {
			if err != nil {
				t.Fatalf("phone %d: %v", i, err)
			}
			r := results[i]
			if r.Accepted+r.Duplicates != len(ts) || len(r.Rejected) != 0 {
				t.Errorf("phone %d: %+v, want %d answered in or duplicate", i, r, len(ts))
			}
			accepted += r.Accepted
		}
		if accepted != len(ts) {
			t.Errorf("%d accepted across the phones, want each of %d tickets once", accepted, len(ts))
		}
		if a, err := es.Events.Attendance(ctx, e.ID); err != nil || a.CheckedIn != len(ts) || a.Duplicates != 4*len(ts) {
			t.Errorf("attendance %+v (%v), want %d in and %d duplicates kept", a, err, len(ts), 4*len(ts))
		}
		if n := count(t, es, `SELECT COUNT(*) FROM event_scans WHERE event_id = ?`, e.ID); n != 5*len(ts) {
			t.Errorf("%d scans kept, want %d (five phones)", n, 5*len(ts))
		}
	})
}

// A batch's statements do not grow with its scans: 1,000 scans of 1,000
// tickets read them and the scans kept in chunks of 400 and write in
// chunks of 400 (sent one query a scan, it ran over 3,000).
func TestSyncStatements(t *testing.T) {
	eachDB(t, func(t *testing.T, es eventSite) {
		ctx := context.Background()
		e := newEvent(t, es, "科普日主场", 1000)
		names := make([]string, 1000)
		for i := range names {
			names[i] = fmt.Sprint("观众", i)
		}
		ts, err := es.Events.RegisterAll(ctx, e.ID, names)
		if err != nil {
			t.Fatal(err)
		}
		scans := make([]event.Scan, len(ts))
		for i, tk := range ts {
			scans[i] = event.Scan{Ticket: tk.Code, Device: "A", Nonce: fmt.Sprint(i), At: time.Now()}
		}
		for _, again := range []bool{false, true} {
			before := es.DB.Statements()
			res, err := es.Events.Sync(ctx, e.ID, scans)
			if err != nil || res.Accepted+res.Duplicates != len(scans) {
				t.Fatalf("sync: %+v (%v)", res, err)
			}
			if n := es.DB.Statements() - before; n > 25 {
				t.Errorf("a batch of %d scans (sent again: %v) ran %d statements, want at most 25", len(scans), again, n)
			}
		}
	})
}
