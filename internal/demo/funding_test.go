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
	"kexie/internal/funding"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
)

// TestDemoFunding: every city of the demo province has 科普经费 and a
// population for the year and the one before, so the page compares them and
// charts 人均科普经费 within the range such figures have (a few yuan), on
// both databases.
func TestDemoFunding(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations(), funding.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		fs := funding.NewStore(d)
		res, err := demo.Funding(ctx, fs, orgs, 2026, 7)
		if err != nil {
			t.Fatal(err)
		}
		if res.Regions != 21 || res.Budgets < 2*2*21 {
			t.Fatalf("result %+v (Sichuan has 21 cities)", res)
		}
		for _, y := range []int{2025, 2026} {
			rows, err := fs.ByRegion(ctx, access.Everywhere(), y)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 21 {
				t.Errorf("%d: %d regions with 科普经费", y, len(rows))
			}
			for _, r := range rows {
				if pc := r.PerCapita(); r.Population == 0 || pc < 0.1 || pc > 10 {
					t.Errorf("%d %s: %s yuan for %d residents: %.2f a head", y, r.Name, r.YuanText(), r.Population, pc)
				}
			}
		}
	})
}
