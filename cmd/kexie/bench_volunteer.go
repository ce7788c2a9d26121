package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"

	"kexie/internal/db"
)

// benchVolunteerLedger: kexie bench volunteer-ledger [--entries 10000000]
// [--db postgres://…] — seeds a scratch database with a chained hours
// ledger and times `kexie volunteer verify` over it, sampling the heap. The
// anchor, on SQLite, is SHA-256 over the database file's bytes read in the
// same run (the same bytes the walk reads, hashed without the database).
func benchVolunteerLedger(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench volunteer-ledger")
	n := fs.Int("entries", 10_000_000, "ledger entries to seed and verify")
	if err := fs.Parse(args); err != nil {
		return err
	}
	a, cleanup, err := scratchApp(ctx, e)
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	if err := a.Vols.SeedLedger(ctx, *n, func(done int) { fmt.Fprintf(e.stderr, "\rseeding: %d/%d", done, *n) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "\rseeded %d entries in %s\n", *n, time.Since(start).Round(time.Millisecond))
	if a.DB.Dialect() == db.SQLite {
		if _, err := a.DB.Exec(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			return err
		}
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	cpu0 := cpuTime()
	start = time.Now()
	rep, err := a.Vols.VerifyLedger(ctx)
	took := time.Since(start)
	cpu := cpuTime() - cpu0
	close(stop)
	<-done
	if err != nil {
		return err
	}
	if !rep.OK() {
		return fmt.Errorf("seeded ledger does not verify: %s", rep.First)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Fprintf(e.stdout, "dialect: %s, CPUs: %d, %s\n", a.DB.Dialect(), runtime.NumCPU(), runtime.Version())
	fmt.Fprintf(e.stdout, "verify: %d entries in %s (%.0f entries/s)\n", rep.Checked, took.Round(time.Millisecond), float64(rep.Checked)/took.Seconds())
	fmt.Fprintf(e.stdout, "process CPU time (user+system) during verify: %s (%.2f µs/entry)\n", cpu.Round(time.Millisecond), float64(cpu.Microseconds())/float64(max(rep.Checked, 1)))
	fmt.Fprintf(e.stdout, "heap in use: %.1f MB before, peak %.1f MB during; allocated during: %.0f MB\n",
		float64(before.HeapInuse)/1e6, float64(peak.Load())/1e6, float64(after.TotalAlloc-before.TotalAlloc)/1e6)
	if a.DB.Dialect() == db.SQLite {
		f, err := os.Open(a.DB.Path())
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		start = time.Now()
		size, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "anchor: sha256 over the database file (%.0f MB) in %s: %s\n", float64(size)/1e6, time.Since(start).Round(time.Millisecond), hex.EncodeToString(h.Sum(nil))[:16])
	}
	return nil
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
