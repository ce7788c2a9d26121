package plan

import (
	"context"
	"strings"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// Staff choose the type of each unit a plan creates: 攀枝花学院 becomes a
// university, not a government department; a 科协 type is refused.
func TestNewUnitType(t *testing.T) {
	ctx := context.Background()
	if g := GuessUnitType("攀枝花学院"); g != org.TypeUniversity {
		t.Errorf("guess for 攀枝花学院: %s", g)
	}
	if g := GuessUnitType("市教育局"); g != org.TypeGovDept {
		t.Errorf("guess for 市教育局: %s", g)
	}
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, _ := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "四川省科协", Type: org.TypeProvince})
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		s := NewStore(d, orgs)
		s.SetClock(func() time.Time { return time.Date(2022, 5, 10, 0, 0, 0, 0, time.UTC) })
		doc, err := Ingest(strings.NewReader("某市科普工作规划（2021—2025年）\n一、主要目标\n每年举办科普讲座不少于20场。\n牵头单位：攀枝花学院\n配合单位：市教育局\n"))
		if err != nil {
			t.Fatal(err)
		}
		id, err := s.Save(ctx, city.ID, doc, "plan.txt", "", []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		names, err := s.UnitNames(ctx, id)
		if err != nil || len(names) != 2 || names[0].Guess != org.TypeUniversity {
			t.Fatalf("unit names %v %+v", err, names)
		}
		_, err = s.LinkUnits(ctx, id, []UnitChoice{{Name: "攀枝花学院", New: true, Type: org.TypeCity}})
		wantKey(t, err, "plan.err.unit_type")
		if _, err := s.LinkUnits(ctx, id, []UnitChoice{{Name: "攀枝花学院", New: true, Type: org.TypeUniversity},
			{Name: "市教育局", New: true, Type: org.TypeGovDept}}); err != nil {
			t.Fatal(err)
		}
		names, _ = s.UnitNames(ctx, id)
		for _, n := range names {
			o, err := orgs.Get(ctx, n.OrgID)
			want := map[string]org.Type{"攀枝花学院": org.TypeUniversity, "市教育局": org.TypeGovDept}[n.Name]
			if err != nil || o.Type != want {
				t.Errorf("%s created as %s (%v), want %s", n.Name, o.Type, err, want)
			}
		}
	})
}
