package demo_test

import (
	"context"
	"crypto/sha256"
	"testing"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
)

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations()}, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		res, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "110000", Seed: 7, Size: demo.Size{People: 500}})
		if err != nil {
			t.Fatal(err)
		}
		if res.People != 500 || res.Orgs < 100 {
			t.Errorf("result %+v", res)
		}
		root, _ := orgs.Root(ctx)
		if root.Name != "北京市科学技术协会" {
			t.Errorf("root = %q", root.Name)
		}
		list, total, _ := ppl.List(ctx, people.Filter{Limit: 5, Sort: "name"})
		if total != 500 || list[0].IDMasked == "" || list[0].BirthDate == "" {
			t.Errorf("people: %d, first %+v", total, list[0])
		}
		stats, _ := orgs.Stats(ctx, nil)
		byType := map[org.Type]int{}
		for _, s := range stats {
			byType[s.Type] = s.Count
		}
		if byType[org.TypeSociety] < 50 || byType[org.TypeCounty] < 10 || byType[org.TypeAgri] == 0 {
			t.Errorf("org types %v", byType)
		}
		if rep, err := audit.Verify(ctx, d); err != nil || len(rep.Problems) != 0 {
			t.Errorf("audit after demo: %+v %v", rep.Problems, err)
		}
	})
}

// The same seed gives the same people.
func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	names := func() string {
		d := dbtest.OpenSQLite(t, audit.Migrations(), org.Migrations(), people.Migrations())
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		ppl := people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, org.NewStore(d, std.Regions()), ppl, demo.Options{Province: "110000", Seed: 42, Size: demo.Size{People: 50}}); err != nil {
			t.Fatal(err)
		}
		list, _, _ := ppl.List(ctx, people.Filter{Limit: 50, Sort: "name"})
		s := ""
		for _, p := range list {
			s += p.Name + p.IDMasked + p.Employer
		}
		return s
	}
	if a, b := names(), names(); a != b {
		t.Error("two runs with one seed differ")
	}
}
