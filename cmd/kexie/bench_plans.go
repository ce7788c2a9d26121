package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// benchPlans seeds plans×targets×years of quarterly progress into a scratch
// database and loads a plan's dashboard, a target's ledger page and the
// reporting task list with wrk.
func benchPlans(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench plans")
	plans := fs.Int("plans", 50, "plans to create")
	targets := fs.Int("targets", 200, "targets per plan")
	years := fs.Int("years", 5, "years of quarterly progress per target")
	dur := fs.Duration("duration", 10*time.Second, "wrk duration per page")
	conns := fs.Int("connections", 8, "wrk connections")
	a, cleanup, err := wrkScratch(ctx, e, fs, args)
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	fx, err := a.SeedPlans(ctx, *plans, *targets, *years, func(done int) { fmt.Fprintf(e.stderr, "\rseeding plans: %d/%d", done, *plans) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "\rseeded %d plans, %d targets, %d progress entries in %s\n", len(fx.PlanIDs), fx.Targets, fx.Entries,
		time.Since(start).Round(time.Millisecond))
	base, stop, err := listen(a.Handler())
	if err != nil {
		return err
	}
	defer stop()
	mid := fx.PlanIDs[len(fx.PlanIDs)/2]
	p, err := a.Plans.Get(ctx, mid)
	if err != nil {
		return err
	}
	cookie := "kexie_session=" + fx.Token
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; %d plans × %d targets × %d years of quarterly entries (%d rows); wrk -t2 -c%d -d%s\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), len(fx.PlanIDs), *targets, *years, fx.Entries, *conns, *dur)
	return measurePages(ctx, e.stdout, base, *conns, *dur, []benchPage{
		{"plan dashboard (roll-ups, scoreboard, due list, charts)", fmt.Sprintf("/plans/%d/dashboard", mid), cookie},
		{"target ledger page (20 entries + chart)", fmt.Sprintf("/plans/%d/indicators/%d", mid, p.Indicators[7].ID), cookie},
		{"plan page (structure)", fmt.Sprintf("/plans/%d", mid), cookie},
	})
}
