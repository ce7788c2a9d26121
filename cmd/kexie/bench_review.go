package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// benchReview loads the reviewer's pages — the worklist (我的评审任务) and
// the scoring page of one assignment — with wrk, beside the anchor the
// other page benchmarks use (the org-tree page, and the bare handler
// rendering it from memory) measured in the same run:
//
//	kexie bench review [--db postgres://…] [--apps 10000] [--experts 2000] [--orgs 2000] [--duration 10s] [--connections 8]
func benchReview(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench review")
	apps := fs.Int("apps", 10000, "applications in the call")
	experts := fs.Int("experts", 2000, "reviewers they are spread over (5 each)")
	orgs := fs.Int("orgs", 2000, "orgs of the anchor's province")
	dur := fs.Duration("duration", 10*time.Second, "wrk duration per page")
	conns := fs.Int("connections", 8, "wrk connections")
	a, cleanup, err := wrkScratch(ctx, e, fs, args)
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	fx, err := a.SeedOrgTree(ctx, *orgs, nil)
	if err != nil {
		return err
	}
	rf, err := a.SeedReview(ctx, fx.Root, *apps, *experts)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "seeded %d orgs, %d review rows in %s\n", *orgs, rf.Rows, time.Since(start).Round(time.Millisecond))
	base, err := a.BaselineHandler(ctx, fx)
	if err != nil {
		return err
	}
	realURL, stopReal, err := listen(a.Handler())
	if err != nil {
		return err
	}
	defer stopReal()
	baseURL, stopBase, err := listen(base)
	if err != nil {
		return err
	}
	defer stopBase()
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; database: %s; %d applications × 5 reviewers over %d experts (%d on the worklist); wrk -t2 -c%d -d%s\n",
		cpuModel(), runtime.NumCPU(), runtime.Version(), a.DB.Dialect(), *apps, *experts, rf.Assignments, *conns, *dur)
	staff, reviewer := "kexie_session="+fx.Token, "kexie_session="+rf.Token
	// Two servers: each page is a whole URL, so the base is empty.
	return measurePages(ctx, e.stdout, "", *conns, *dur, []benchPage{
		{"anchor: bare handler, org tree from memory", baseURL + "/orgs", staff},
		{"anchor: Kexie /orgs", realURL + "/orgs", staff},
		{"reviewer worklist /review/assignments", realURL + "/review/assignments", reviewer},
		{"scoring page /review/assignments/{id} (blind)", fmt.Sprintf("%s/review/assignments/%d", realURL, rf.AssignmentID), reviewer},
	})
}
