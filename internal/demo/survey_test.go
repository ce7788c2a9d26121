package demo_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/plan"
	"kexie/internal/std"
	"kexie/internal/survey"
)

// With the survey module's source published, the demo binds every plan's
// literacy target to the literacy surveys: the literacy dashboard shows
// the province's and four cities' targets, and their computed rates read
// like a province's (near the plans' 13.9% of 2023).
func TestDemoLiteracyTargets(t *testing.T) {
	ctx := context.Background()
	d := dbtest.OpenSQLite(t, audit.Migrations(), org.Migrations(), auth.Migrations(), people.Migrations(), plan.Migrations(), survey.Migrations())
	keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
	orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
	plans, surveys := plan.NewStore(d, orgs), survey.NewStore(d)
	reg, err := measure.NewRegistry(ppl.Sources(), surveys.Sources())
	if err != nil {
		t.Fatal(err)
	}
	plans.SetSources(reg)
	plans.SetClock(func() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC) })
	if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}, Plans: plans, Surveys: surveys}); err != nil {
		t.Fatal(err)
	}
	root, err := orgs.Root(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{root.ID}
	kids, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeCity, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kids {
		ids = append(ids, k.ID)
	}
	bound, err := plans.BoundTargets(ctx, survey.LiteracySource, access.Everywhere(), ids)
	if err != nil || len(bound) != 5 {
		t.Fatalf("%d literacy targets bound (%v), want the province's and four cities'", len(bound), err)
	}
	for _, b := range bound {
		p, err := plans.Get(ctx, b.PlanID)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range p.Indicators {
			if ind.ID != b.IndicatorID {
				continue
			}
			if ind.Latest == nil || ind.Latest.Value < 6 || ind.Latest.Value > 30 {
				t.Errorf("%s: computed literacy %+v", p.Title, ind.Latest)
			}
		}
	}
}
