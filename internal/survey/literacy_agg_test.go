package survey

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/org"
	"kexie/internal/std"
)

// The monitor's table by region lists the regions under the root — a city
// with no answers yet among them — and not the 学会 or departments under
// it, nor a disabled region, unless answers were counted there: a 学会
// without answers was a row of dashes in every year.
func TestMonitorRegions(t *testing.T) {
	eachDB(t, func(t *testing.T, f fixture) {
		ctx := context.Background()
		orgs := org.NewStore(f.d, std.Regions())
		soc, err := orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PHYS", Name: "四川省物理学会", Type: org.TypeSociety})
		if err != nil {
			t.Fatal(err)
		}
		dept, err := orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "EDU", Name: "省教育厅", Type: org.TypeGovDept})
		if err != nil {
			t.Fatal(err)
		}
		gone, err := orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "OLD", Name: "撤并市科协", Type: org.TypeCity})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := orgs.Disable(ctx, gone.ID, false); err != nil {
			t.Fatal(err)
		}
		// Answers counted at the city and at the department (a station run by it).
		for _, id := range []int64{f.city.ID, dept.ID} {
			if _, err := f.d.Exec(ctx, `INSERT INTO survey_literacy (survey_id, org_id, year, role, category, n, literate)
				VALUES (1, ?, 2025, '', '', 40, 10)`, id); err != nil {
				t.Fatal(err)
			}
		}
		root := Region{ID: f.root.ID, Name: f.root.Name, Path: f.root.Path}
		m, err := f.s.Monitor(ctx, access.Everywhere(), root)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range m.Regions {
			names = append(names, r.Name)
		}
		want := []string{f.city.Name, f.peer.Name, dept.Name}
		if len(names) != len(want) {
			t.Fatalf("regions %q, want %q", names, want)
		}
		for _, n := range want {
			found := false
			for _, g := range names {
				found = found || g == n
			}
			if !found {
				t.Errorf("regions %q lack %s", names, n)
			}
		}
		for _, n := range names {
			if n == soc.Name || n == gone.Name {
				t.Errorf("regions %q list %s, which has no answers", names, n)
			}
		}
		if r := m.Overall[2025]; r.N != 80 {
			t.Errorf("overall %+v, want the 80 answers of both", r)
		}
	})
}
