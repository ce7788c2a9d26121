package demo_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/plan"
	"kexie/internal/std"
)

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations()}, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		// The demo's disciplines take their codes from the imported table:
		// here its names under made-up codes.
		var table strings.Builder
		table.WriteString("代码,名称\n")
		for i, n := range demo.DisciplineNames() {
			fmt.Fprintf(&table, "%d,%s\n", 100+i, n)
		}
		if _, errs, err := ppl.ImportDisciplines(ctx, strings.NewReader(table.String())); err != nil || len(errs) > 0 {
			t.Fatalf("import disciplines: %v %v", errs, err)
		}
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
		// 专家库: the province's of senior people, a city's of its own.
		pools, err := ppl.Pools(ctx, access.Everywhere())
		if err != nil || res.Pools < 2 || len(pools) != res.Pools {
			t.Fatalf("pools: %d made, %d listed (%v)", res.Pools, len(pools), err)
		}
		for _, pl := range pools {
			members, n, err := ppl.PoolMembers(ctx, pl.ID, 100, 0)
			if err != nil || n == 0 {
				t.Errorf("pool %s: %d members (%v)", pl.Name, n, err)
			}
			at, _ := orgs.Get(ctx, pl.OrgID)
			for _, m := range members {
				if pl.OrgID == root.ID && m.TitleLevel != "senior" {
					t.Errorf("the province's pool holds %s (%s)", m.Name, m.TitleLevel)
				}
				if !strings.HasPrefix(m.OrgPath, at.Path) {
					t.Errorf("%s's pool holds %s of another org", pl.Name, m.Name)
				}
			}
		}
		list, total, _ := ppl.List(ctx, people.Filter{Scope: access.Everywhere(), Limit: 5, Sort: "name"})
		if total != 500 || list[0].IDMasked == "" || list[0].BirthYear == 0 {
			t.Errorf("people: %d, first %+v", total, list[0])
		}
		// About three in ten have secondary disciplines, and the facet
		// counts them: the demo's codes are first-level and distinct, so
		// each of a person's codes is one count.
		all, _, _ := ppl.List(ctx, people.Filter{Scope: access.Everywhere(), Limit: 1000})
		with, codes := 0, 0
		for _, p := range all {
			if p.Discipline != "" {
				codes += 1 + len(p.Disciplines2)
			}
			if len(p.Disciplines2) > 0 {
				with++
				if p.Discipline == "" || slices.Contains(p.Disciplines2, p.Discipline) {
					t.Errorf("disciplines %q %q", p.Discipline, p.Disciplines2)
				}
			}
		}
		if with < 100 || with > 200 {
			t.Errorf("%d of 500 people have secondary disciplines", with)
		}
		r, err := ppl.Search(ctx, people.SearchQuery{Scope: access.Everywhere()})
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, n := range r.Facets["discipline"] {
			sum += n
		}
		if sum != codes {
			t.Errorf("discipline facet counts %d in all, want %d: %v", sum, codes, r.Facets["discipline"])
		}
		stats, _ := orgs.Stats(ctx, access.Everywhere())
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

// credible checks that the demo reads like a real province (issue 10 §8):
// whole numbers of countable things, societies named as societies are,
// cities' science literacy near the province's.
func credible(t *testing.T, ctx context.Context, plans *plan.Store, list []plan.Plan, orgs *org.Store) {
	t.Helper()
	literacy := map[string][]float64{} // plan title → its literacy readings by year
	for _, p := range list {
		full, err := plans.Get(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range full.Indicators {
			entries, err := plans.Entries(ctx, p.ID, ind.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				v := e.Value
				switch {
				case ind.Unit == "%" || strings.HasPrefix(ind.Unit, "万"):
					if math.Abs(v*10-math.Round(v*10)) > 1e-9 {
						t.Errorf("%s: %v%s has more than one decimal", ind.Metric, v, ind.Unit)
					}
				case v != math.Round(v):
					t.Errorf("%s: %v %s is not a whole number", ind.Metric, v, ind.Unit)
				}
				if strings.Contains(ind.Metric, "科学素质") && e.Quarter == 0 {
					literacy[p.Title] = append(literacy[p.Title], v)
				}
			}
		}
	}
	var prov []float64
	for title, vs := range literacy {
		if strings.HasPrefix(title, "四川省") {
			prov = vs
		}
	}
	if len(prov) == 0 {
		t.Fatalf("no province literacy readings: %v", literacy)
	}
	for title, vs := range literacy {
		for i, v := range vs {
			if i < len(prov) && (v < prov[i]*0.8 || v > prov[i]*1.2) {
				t.Errorf("%s: literacy %v%% against the province's %v%%", title, v, prov[i])
			}
		}
	}
	all, _, err := orgs.List(ctx, org.Filter{Scope: access.Everywhere(), Type: org.TypeSociety, Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 50 {
		t.Errorf("%d societies", len(all))
	}
	for _, o := range all {
		if strings.Contains(o.Name, "学会学会") || strings.Contains(o.Name, "医学学会") || strings.Contains(o.Name, "协会学会") {
			t.Errorf("society named %s", o.Name)
		}
	}
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
		list, _, _ := ppl.List(ctx, people.Filter{Scope: access.Everywhere(), Limit: 50, Sort: "name"})
		table, err := ppl.Disciplines(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s, coded := "", 0
		for _, p := range list {
			s += p.Name + p.IDMasked + p.Employer + p.Discipline + strings.Join(p.Disciplines2, ",")
			// The embedded GB/T 13745-2009 table is loaded on the fresh
			// database: disciplines are codes of it.
			if _, ok := table[p.Discipline]; ok {
				coded++
			}
			for _, c := range append([]string{p.Discipline}, p.Disciplines2...) {
				if _, ok := table[c]; c != "" && !ok {
					t.Errorf("a discipline not in the table: %q %q", p.Discipline, p.Disciplines2)
				}
			}
		}
		if coded < 30 {
			t.Errorf("%d of 50 people have a discipline", coded)
		}
		return s
	}
	if a, b := names(), names(); a != b {
		t.Error("two runs with one seed differ")
	}
}

func TestDemoPlans(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), auth.Migrations(), people.Migrations(), plan.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		plans := plan.NewStore(d, orgs)
		reg, err := measure.NewRegistry(ppl.Sources())
		if err != nil {
			t.Fatal(err)
		}
		plans.SetSources(reg)
		plans.SetClock(func() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC) })
		d.Now = func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) } // people on record before the plans' now
		res, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}, Plans: plans})
		if err != nil {
			t.Fatal(err)
		}
		if res.Plans != 5 || res.Ledger < 100 {
			t.Fatalf("result %+v", res)
		}
		list, _, err := plans.List(ctx, plan.PlanFilter{Scope: access.Everywhere()})
		if err != nil || len(list) != 5 {
			t.Fatalf("plans %d %v", len(list), err)
		}
		var prov plan.Plan
		for _, p := range list {
			if strings.HasPrefix(p.Title, "四川省科学技术协会科普事业发展规划") {
				prov, _ = plans.Get(ctx, p.ID)
			}
		}
		if prov.ID == 0 || prov.Status != "published" || len(prov.Indicators) < 12 {
			t.Fatalf("province plan %+v", prov)
		}
		// The talent target is bound to the people database: computed, not filed.
		var talent plan.StoredIndicator
		for _, ind := range prov.Indicators {
			if strings.Contains(ind.Metric, people.YouthCategory) {
				talent = ind
			}
		}
		if talent.Bound == nil || talent.Bound.Key != people.TalentSource(people.YouthCategory) || talent.Bound.OrgID != prov.OrgID {
			t.Fatalf("talent target %+v is not bound to the province's people", talent)
		}
		young, err := reg.Value(ctx, talent.Bound.Key, access.Everywhere(), measure.AsOf(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)))
		if err != nil || young == 0 || talent.Latest == nil || talent.Latest.Value != young {
			t.Errorf("talent target reads %+v, the province holds %v young people (%v)", talent.Latest, young, err)
		}
		if e, _ := plans.Entries(ctx, prov.ID, talent.ID); len(e) != 0 {
			t.Errorf("%d entries filed for a computed target", len(e))
		}
		statuses := map[plan.Status]int{}
		for _, ind := range prov.Indicators {
			if ind.OrgID == 0 {
				t.Errorf("target %q has no unit", ind.Metric)
			}
			statuses[ind.Status]++
		}
		if len(statuses) < 3 {
			t.Errorf("the demo shows too few statuses: %v", statuses)
		}
		// "省科协" is the province's own 科协, not a new department.
		for _, u := range prov.Units {
			if u.Name == "省科协" && u.OrgID != prov.OrgID {
				t.Errorf("省科协 linked to %s", u.OrgName)
			}
		}
		pending, _ := plans.Entries(ctx, prov.ID, 0)
		if len(pending) == 0 {
			t.Error("nothing waits for review in the demo")
		}
		cmp, _ := plans.Compare(ctx, access.Everywhere(), "科学素质", 50)
		if len(cmp) != 5 {
			t.Errorf("compare: %d rows", len(cmp))
		}
		if rep, err := audit.Verify(ctx, d); err != nil || len(rep.Problems) != 0 {
			t.Errorf("audit after demo: %+v %v", rep.Problems, err)
		}
		credible(t, ctx, plans, list, orgs)
	})
}
