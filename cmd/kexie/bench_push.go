package main

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"kexie/internal/db"
	"kexie/internal/notify"
	"kexie/internal/org"
)

// benchPush: kexie bench push [--subscribers 1000000] [--db postgres://…]
// [--chunk 200] opens that many verified subscribers in a scratch database,
// announces one message to all of them and times its fan-out (one delivery
// row each) and its drain through the jobs runner and the logging sender
// (which counts and keeps nothing), sampling the heap meanwhile. The
// anchor, measured in the same run on the same database: a bare
// multi-row INSERT of the same (message, account) rows, a chunk per
// transaction, into a table of the same shape.
func benchPush(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench push")
	n := fs.Int("subscribers", 1_000_000, "verified subscribers to reach")
	chunk := fs.Int("chunk", notify.Chunk, "deliveries sent between two writes")
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	notify.Chunk = *chunk
	a, cleanup, err := scratchApp(ctx, e)
	if err != nil {
		return err
	}
	defer cleanup()
	root, _, err := a.Orgs.EnsureRoot(ctx, "科学技术协会", "ROOT", org.TypeProvince)
	if err != nil {
		return err
	}
	dialect := "sqlite"
	if db.IsPostgres(a.Cfg.DB) {
		dialect = "postgres"
	}
	fmt.Fprintf(e.stdout, "push: %d subscribers, %s, chunk %d, %s, %d CPUs, %s\n", *n, dialect, *chunk, runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), runtime.Version())

	t0 := time.Now()
	if err := a.Notify.SeedAccounts(ctx, root.ID, "1", *n, "510400", nil); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%-46s %10s %12.0f rows/s\n", "seed: accounts (sealed, multi-row INSERT)", time.Since(t0).Round(time.Millisecond), float64(*n)/time.Since(t0).Seconds())

	// Anchor: the same rows, bare.
	if _, err := a.DB.Exec(ctx, `CREATE TABLE bench_deliveries (message_id BIGINT NOT NULL, account_id BIGINT NOT NULL,
		channel TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (message_id, account_id))`); err != nil {
		return err
	}
	ids, err := accountIDs(ctx, a.DB)
	if err != nil {
		return err
	}
	t0 = time.Now()
	for start := 0; start < len(ids); start += *chunk {
		part := ids[start:min(len(ids), start+*chunk)]
		err := a.DB.Tx(ctx, func(tx *db.Tx) error {
			q := `INSERT INTO bench_deliveries (message_id, account_id, channel, state) VALUES ` +
				strings.TrimSuffix(strings.Repeat("(1, ?, 'sms', 'pending'),", len(part)), ",")
			args := make([]any, len(part))
			for i, id := range part {
				args[i] = id
			}
			_, err := tx.Exec(ctx, q, args...)
			return err
		})
		if err != nil {
			return err
		}
	}
	anchor := time.Since(t0)
	fmt.Fprintf(e.stdout, "%-46s %10s %12.0f rows/s\n", "anchor: bare INSERT of the delivery rows", anchor.Round(time.Millisecond), float64(len(ids))/anchor.Seconds())
	ids = nil

	logs := &notify.LogSender{Discard: true}
	a.Notify.UseSender(notify.SMS, logs, 0)
	var peak atomic.Uint64
	stopSample := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stopSample:
				return
			case <-tick.C:
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	runtime.GC()
	t0 = time.Now()
	id, err := a.Notify.Announce(ctx, notify.Message{Key: "bench:1", OrgID: root.ID, Title: "防汛科普", Link: "/kepu/a/1", Summary: "汛期安全知识"})
	if err != nil {
		return err
	}
	stop := a.RunJobs(ctx)
	defer stop()
	var fanned time.Duration
	for {
		var state string
		var recipients int64
		if err := a.DB.QueryRow(ctx, `SELECT state, recipients FROM notify_messages WHERE id = ?`, id).Scan(&state, &recipients); err != nil {
			return err
		}
		if fanned == 0 && state != "queued" {
			fanned = time.Since(t0)
			fmt.Fprintf(e.stdout, "%-46s %10s %12.0f rows/s\n", "fan-out: INSERT … SELECT of the deliveries", fanned.Round(time.Millisecond), float64(recipients)/fanned.Seconds())
		}
		if state == "sent" {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	total := time.Since(t0)
	close(stopSample)
	drain := total - fanned
	sent := logs.Count()
	fmt.Fprintf(e.stdout, "%-46s %10s %12.0f sends/s\n", "drain: send through jobs + logging sender", drain.Round(time.Millisecond), float64(sent)/drain.Seconds())
	fmt.Fprintf(e.stdout, "%-46s %10s %12.0f /s\n", "announce → all sent", total.Round(time.Millisecond), float64(sent)/total.Seconds())
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(e.stdout, "sent %d (want %d); peak heap in use while sending %.0f MB; peak RSS of the process %.0f MB\n",
		sent, *n, float64(peak.Load())/1e6, float64(ru.Maxrss)/1024)
	if sent != int64(*n) {
		return fmt.Errorf("sent %d, want %d", sent, *n)
	}
	return nil
}

func accountIDs(ctx context.Context, d *db.DB) ([]int64, error) {
	rows, err := d.Query(ctx, `SELECT id FROM notify_accounts ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
