package event_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/event"
)

// benchTickets is how many tickets the door benchmark's event holds.
const benchTickets = 10_000

// BenchmarkEventDoor is an event's door with 10,000 confirmed tickets and
// 10,000 scans kept: a phone's batch of 500 scans that check 500 people in,
// a batch of 500 people in already (a second phone), and a batch sent
// again (answered from what was kept). Every batch comes from a phone not
// seen before, counted across runs (the probe run and every later one
// start at i = 0); every 20 batches, off the clock, everyone is let out
// again and the benchmark's own scans are dropped, so the event stays
// under MaxScans (41,000) and every run writes its scans. stmts/op is the
// statements a batch runs (a few a chunk of 400, not a few a scan).
func BenchmarkEventDoor(b *testing.B) {
	dbtest.Bench(b, nil, func(b *testing.B, d *db.DB) {
		es := serveEvents(b, d)
		ctx := context.Background()
		e := newEvent(b, es, "科普日主场", benchTickets)
		code := func(j int) string { return fmt.Sprintf("B%011d", j) } // 12 symbols, like shortcode's
		created := db.Millis(time.Now())
		dbtest.Insert(b, d, `INSERT INTO event_tickets (id, event_id, code, name, status, created_at) VALUES `,
			"(?, ?, ?, ?, 'confirmed', ?)", benchTickets, func(tx *db.Tx, j int) []any {
				return []any{tx.NewID(), e.ID, code(j), fmt.Sprint("观众", j), created}
			})
		outcomes := []string{"accepted", "duplicate", "rejected", "duplicate"}
		dbtest.Insert(b, d, `INSERT INTO event_scans (id, event_id, ticket_code, device, nonce, scanned_at, received_at, outcome, reason) VALUES `,
			"(?, ?, ?, 'seed', ?, ?, ?, ?, '')", benchTickets, func(tx *db.Tx, j int) []any {
				return []any{tx.NewID(), e.ID, code(j), fmt.Sprint("s", j), created, created, outcomes[j%len(outcomes)]}
			})
		if _, err := d.Exec(ctx, `UPDATE events SET confirmed = ? WHERE id = ?`, benchTickets, e.ID); err != nil {
			b.Fatal(err)
		}
		dbtest.Analyze(b, d)
		now := time.Now()
		batch := func(device string, from int) []event.Scan {
			out := make([]event.Scan, 500)
			for j := range out {
				out[j] = event.Scan{Ticket: code((from + j) % benchTickets), Device: device, Nonce: fmt.Sprint(j), At: now}
			}
			return out
		}
		reset := func(b *testing.B, out bool) {
			b.StopTimer()
			if out {
				if _, err := d.Exec(ctx, `DELETE FROM event_attendance WHERE event_id = ?`, e.ID); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := d.Exec(ctx, `DELETE FROM event_scans WHERE event_id = ? AND device <> 'seed'`, e.ID); err != nil {
				b.Fatal(err)
			}
			dbtest.Analyze(b, d) // the dead rows gone, as autovacuum would
			b.StartTimer()
		}
		// sync is the store's Sync, counting the statements it runs (the
		// resets' not) into ran, reported as stmts/op.
		var ran int64
		sync := func(scans []event.Scan) (event.SyncResult, error) {
			before := d.Statements()
			defer func() { ran += d.Statements() - before }()
			return es.Events.Sync(ctx, e.ID, scans)
		}
		report := func(b *testing.B) { b.ReportMetric(float64(ran)/float64(b.N), "stmts/op") }
		const round = benchTickets / 500
		phones := 0
		b.Run("sync_500", func(b *testing.B) {
			ran = 0
			for i := 0; i < b.N; i++ {
				if phones%round == 0 {
					reset(b, true)
				}
				res, err := sync(batch(fmt.Sprint("phone", phones), phones%round*500))
				phones++
				if err != nil || res.Accepted != 500 {
					b.Fatal(res, err)
				}
			}
			report(b)
		})
		in := phones % round * 500 // the people sync_500 let in since its last reset
		if in == 0 {
			in = benchTickets
		}
		seconds := 0
		var last []event.Scan
		b.Run("sync_500_in", func(b *testing.B) {
			ran = 0
			for i := 0; i < b.N; i++ {
				if seconds > 0 && seconds%round == 0 {
					reset(b, false)
				}
				last = batch(fmt.Sprint("second", seconds), seconds*500%in)
				seconds++
				if res, err := sync(last); err != nil || res.Duplicates != 500 {
					b.Fatal(res, err)
				}
			}
			report(b)
		})
		b.Run("sync_500_again", func(b *testing.B) {
			ran = 0
			for i := 0; i < b.N; i++ {
				if res, err := sync(last); err != nil || res.Duplicates != 500 {
					b.Fatal(res, err)
				}
			}
			report(b)
		})
	})
}
