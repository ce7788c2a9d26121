package demo_test

import (
	"context"
	"crypto/sha256"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/stats"
	"kexie/internal/std"
)

// TestDemoStats: every org that files has last year's 统计年报 approved,
// this year's forms are in every status, and the summary of the province
// counts the approved ones; a second run changes nothing.
func TestDemoStats(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations(), stats.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		ss := stats.NewStore(d, stats.Config{})
		res, err := demo.Stats(ctx, ss, 7)
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, st := range stats.Statuses {
			if res.ByStatus[st] == 0 {
				t.Errorf("no form %s: %v", st, res.ByStatus)
			}
			total += res.ByStatus[st]
		}
		if res.Last < 10 || total != res.Last {
			t.Errorf("%d forms last year, %d orgs this year", res.Last, total)
		}
		sum, err := ss.Summarize(ctx, access.Everywhere(), "", res.Year)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Included != res.ByStatus[stats.Approved] || sum.LastIncl != res.Last || sum.Totals["B01"] == 0 {
			t.Errorf("summary = %+v", sum)
		}
		again, err := demo.Stats(ctx, ss, 7)
		if err != nil || again.Last != 0 {
			t.Errorf("a second run: %+v, %v", again, err)
		}
	})
}
