package people_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/measure"
	"kexie/internal/people"
)

// The people sources count the rows of the subtree on record at the end of
// a period, one query each, and nothing for the zero scope.
func TestSources(t *testing.T) {
	ctx := context.Background()
	cst := time.FixedZone("CST", 8*3600)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, cst) }
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		reg, err := measure.NewRegistry(f.s.Sources())
		if err != nil {
			t.Fatal(err)
		}
		at := func(when time.Time) { d.Now = func() time.Time { return when } }
		add := func(when time.Time, orgID int64, name, id, cats string) people.Person {
			t.Helper()
			at(when)
			p, err := f.s.Create(ctx, people.Input{OrgID: orgID, Name: name, IDNumber: id, Categories: cats})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		a := add(day(2024, 3, 10), f.city.ID, "张伟", "", "高层次人才")
		b := add(day(2025, 6, 1), f.city.ID, "王芳", "", "评审专家、高层次人才")
		add(day(2024, 2, 1), f.peer.ID, "李强", "", "高层次人才")
		add(day(2024, 2, 1), f.city.ID, "赵敏", "", "高层次人才后备") // another category, not a prefix match
		young := add(day(2025, 2, 1), f.city.ID, "陈晨", idNumber("51040220050101202"), "")
		add(day(2025, 2, 1), f.city.ID, "周平", idNumber("51040219600101203"), "")

		at(day(2024, 5, 2))
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: a.ID, OrgID: f.city.ID, Grade: "senior", JoinedOn: "2024-05-01", Status: "active"}); err != nil {
			t.Fatal(err)
		}
		at(day(2025, 7, 1))
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: b.ID, OrgID: f.city.ID, Grade: "senior", Status: "active"}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: young.ID, OrgID: f.city.ID, Grade: "senior", JoinedOn: "2025-01-05", Status: "lapsed"}); err != nil {
			t.Fatal(err)
		}
		pool, err := f.s.CreatePool(ctx, f.city.ID, "评审专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		at(day(2024, 12, 31))
		if _, err := f.s.AddToPool(ctx, pool.ID, []int64{a.ID}); err != nil {
			t.Fatal(err)
		}
		at(day(2025, 8, 1))
		if _, err := f.s.AddToPool(ctx, pool.ID, []int64{b.ID}); err != nil {
			t.Fatal(err)
		}

		end := func(y int) measure.Period { return measure.AsOf(time.Date(y+1, 1, 1, 0, 0, 0, 0, cst)) }
		city := access.Subtrees(f.city.Path)
		cases := []struct {
			name  string
			key   string
			scope access.Scope
			p     measure.Period
			want  float64
		}{
			{"talent 2024 city", people.TalentSource("高层次人才"), city, end(2024), 1},
			{"talent 2025 city", people.TalentSource("高层次人才"), city, end(2025), 2},
			{"talent 2025 everywhere", people.TalentSource("高层次人才"), access.Everywhere(), end(2025), 3},
			{"talent zero scope", people.TalentSource("高层次人才"), access.Scope{}, end(2025), 0},
			{"talent peer", people.TalentSource("评审专家"), access.Subtrees(f.peer.Path), end(2025), 0},
			{"youth by age", people.TalentSource(people.YouthCategory), city, end(2025), 1},
			{"youth before added", people.TalentSource(people.YouthCategory), city, end(2024), 0},
			{"senior 2024 by joining date", people.MemberSource("senior"), city, end(2024), 1},
			{"senior mid-2025", people.MemberSource("senior"), city, measure.AsOf(day(2025, 6, 30)), 1},
			{"senior 2025", people.MemberSource("senior"), city, end(2025), 2},
			{"fellows", people.MemberSource("fellow"), city, end(2025), 0},
			{"senior zero scope", people.MemberSource("senior"), access.Scope{}, end(2025), 0},
			{"experts 2024", people.ExpertSource, city, end(2024), 1},
			{"experts 2025", people.ExpertSource, city, end(2025), 2},
			{"experts peer", people.ExpertSource, access.Subtrees(f.peer.Path), end(2025), 0},
		}
		// Many periods in one query give what one period at a time gives.
		for _, key := range []string{people.TalentSource("高层次人才"), people.TalentSource(people.YouthCategory), people.MemberSource("senior"), people.ExpertSource} {
			ps := []measure.Period{end(2023), end(2024), measure.AsOf(day(2025, 6, 30)), end(2025), {}}
			got, err := reg.Values(ctx, key, city, ps)
			if err != nil || len(got) != len(ps) {
				t.Fatalf("%s: %v %v", key, got, err)
			}
			for i, p := range ps {
				if one, _ := reg.Value(ctx, key, city, p); one != got[i] {
					t.Errorf("%s period %d: %v in a series, %v alone", key, i, got[i], one)
				}
			}
			if zero, _ := reg.Values(ctx, key, access.Scope{}, ps); zero[3] != 0 {
				t.Errorf("%s: zero scope gives %v", key, zero)
			}
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				got, err := reg.Value(ctx, c.key, c.scope, c.p)
				if err != nil || got != c.want {
					t.Errorf("got %v, %v; want %v", got, err, c.want)
				}
			})
		}
	})
}

// Every talent category and grade has a source, each with a label.
func TestSourceKeys(t *testing.T) {
	s := people.NewStore(nil, nil)
	keys := map[string]bool{}
	for _, src := range s.Sources() {
		keys[src.Key] = true
	}
	for _, c := range people.TalentCategories() {
		if !keys[people.TalentSource(c)] {
			t.Errorf("no source for %s", c)
		}
	}
	for _, g := range people.Grades {
		if !keys[people.MemberSource(g)] {
			t.Errorf("no source for grade %s", g)
		}
	}
	if !keys[people.ExpertSource] || len(keys) != len(people.TalentCategories())+len(people.Grades)+1 {
		t.Errorf("keys %v", keys)
	}
}
