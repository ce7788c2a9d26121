package demo_test

import (
	"context"
	"crypto/sha256"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/calendar"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/demo"
	"kexie/internal/kepu"
	"kexie/internal/measure"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
)

// TestDemoKepuCityLeads: besides the province's answered rumour leads,
// every city holds leads still in its queue — one new, one with an
// expert — so a city's 谣言线索 and its 待办 are not empty in the demo.
func TestDemoKepuCityLeads(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations(), calendar.Migrations(), kepu.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		res, err := demo.Kepu(ctx, d, orgs, 7)
		if err != nil {
			t.Fatal(err)
		}
		if res.Leads != 3 || res.Open == 0 || res.Views == 0 {
			t.Fatalf("result %+v", res)
		}
		// The readers' views are in the portal's reach, all of them.
		reach, err := kepu.NewStore(d, nil, calendar.Source{DB: d}).Reach(ctx, access.Everywhere(), measure.Period{})
		var views int64
		for _, r := range reach {
			views += r.Views
		}
		if err != nil || views != res.Views {
			t.Errorf("reach holds %d views (%v), the demo made %d", views, err, res.Views)
		}
		city, err := orgs.GetByCode(ctx, "KX510400") // 攀枝花市, the tour's city
		if err != nil {
			t.Fatal(err)
		}
		s := kepu.NewStore(d, nil, calendar.Source{DB: d})
		leads, total, err := s.LeadList(ctx, kepu.LeadFilter{Scope: access.Subtrees(city.Path), Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		status := map[kepu.LeadStatus]int{}
		for _, l := range leads {
			status[l.Status]++
			if l.OrgID != city.ID {
				t.Errorf("lead %q of org %d in %s's queue", l.Claim, l.OrgID, city.Name)
			}
		}
		if total != 2 || status[kepu.LeadNew] != 1 || status[kepu.LeadAssigned] != 1 {
			t.Errorf("%s's leads: %d, by status %v", city.Name, total, status)
		}
		_, all, err := s.LeadList(ctx, kepu.LeadFilter{Scope: access.Everywhere(), Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if all != res.Leads+res.Open {
			t.Errorf("%d leads in all, want %d answered and %d open", all, res.Leads, res.Open)
		}
	})
}
