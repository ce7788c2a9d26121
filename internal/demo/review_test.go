package demo_test

import (
	"context"
	"crypto/sha256"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/review"
	"kexie/internal/std"
)

// TestDemoReviewCalls: the demo holds 征集 in each state the pages show —
// one open for applications with some submitted and a draft, one in expert
// review with part of its scores in, one with results published — all made
// through the review store, on both databases.
func TestDemoReviewCalls(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), auth.Migrations(), people.Migrations(), calendar.Migrations(), review.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		before := time.Now()
		res, err := demo.Review(ctx, d, orgs, 7)
		if err != nil {
			t.Fatal(err)
		}
		if res.Calls != 3 || res.Applications < 15 || res.Scores == 0 {
			t.Fatalf("result %+v", res)
		}
		if now := d.Now(); now.Before(before) {
			t.Fatalf("the demo left the clock at %v", now)
		}
		rs := review.NewStore(d, nil, calendar.Source{DB: d})
		calls, _, err := rs.Calls(ctx, review.Filter{Scope: access.Everywhere(), Sort: "opens"})
		if err != nil {
			t.Fatal(err)
		}
		status := map[string]review.CallRow{}
		for _, c := range calls {
			status[c.Status] = c
		}
		if c, ok := status[review.CallFinal]; !ok || c.Submitted != 6 {
			t.Errorf("no call with results: %+v", calls)
		} else if results, err := rs.Listed(ctx, c.ID); err != nil || len(results) != 3 {
			t.Errorf("results of %q: %d %v", c.Title, len(results), err)
		}
		open, ok := status[review.CallOpen]
		if !ok || !open.Accepting(d.Now()) || open.Submitted != 4 || open.Apps != 5 {
			t.Errorf("no call open for applications with some in: %+v", calls)
		}
		var inReview review.CallRow
		for _, c := range calls {
			if c.Status == review.CallClosed { // past its closing date, not yet in 公示: its experts are scoring
				inReview = c
			}
		}
		if inReview.ID == 0 {
			t.Fatalf("no call in review: %+v", calls)
		}
		st, _ := rs.Stages(ctx, inReview.ID)
		asg, err := rs.StageAssignments(ctx, st[1].ID, access.Everywhere())
		if err != nil || len(asg) == 0 {
			t.Fatalf("assignments: %d %v", len(asg), err)
		}
		done := 0
		for _, g := range asg {
			if g.Status == "done" {
				done++
			}
		}
		if done == 0 || done == len(asg) {
			t.Errorf("%d of %d reviews done: want some", done, len(asg))
		}
		if !strings.Contains(open.Title, "课题") || open.OrgPath == "" {
			t.Errorf("open call %+v", open.Call)
		}
		// The public list shows them.
		pub, err := rs.OpenCalls(ctx, d.Now(), 10)
		if err != nil || len(pub) != 3 {
			t.Errorf("public calls: %d %v", len(pub), err)
		}
	})
}
