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
	"kexie/internal/innovation"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/pii"
	"kexie/internal/std"
)

// peopleExperts is the Experts package app wires, on the demo's people.
type peopleExperts struct{ s *people.Store }

func (x peopleExperts) Find(ctx context.Context, scope access.Scope, q string, limit int) ([]innovation.Expert, error) {
	ps, _, err := x.s.List(ctx, people.Filter{Scope: scope, Q: q, Limit: limit})
	out := make([]innovation.Expert, len(ps))
	for i, p := range ps {
		out[i] = innovation.Expert{PersonID: p.ID, Name: p.Name, Employer: p.Employer}
	}
	return out, err
}

func (x peopleExperts) Get(ctx context.Context, scope access.Scope, id int64) (innovation.Expert, error) {
	p, err := x.s.Get(ctx, id)
	if err != nil {
		return innovation.Expert{}, err
	}
	if !scope.Contains(p.OrgPath) {
		return innovation.Expert{}, db.ErrNotFound
	}
	return innovation.Expert{PersonID: p.ID, Name: p.Name, Employer: p.Employer}, nil
}

// TestDemoInnovation: the demo's 技术需求 are in every status over several
// cities, with experts and stations, on both databases.
func TestDemoInnovation(t *testing.T) {
	ctx := context.Background()
	sets := []db.Migrations{audit.Migrations(), org.Migrations(), people.Migrations(), calendar.Migrations(), innovation.Migrations()}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		keys, _ := pii.NewKeyring(func(p string) []byte { h := sha256.Sum256([]byte(p)); return h[:] }, 1)
		orgs, ppl := org.NewStore(d, std.Regions()), people.NewStore(d, keys)
		if _, err := demo.Generate(ctx, orgs, ppl, demo.Options{Province: "510000", Seed: 7, Size: demo.Size{People: 30}}); err != nil {
			t.Fatal(err)
		}
		is := innovation.NewStore(d, innovation.Config{Keys: keys, Experts: peopleExperts{ppl}})
		res, err := demo.Innovation(ctx, is, orgs, ppl, 7)
		if err != nil {
			t.Fatal(err)
		}
		if res.Needs < 30 || res.Stations < 2 {
			t.Errorf("%d needs, %d stations", res.Needs, res.Stations)
		}
		for _, st := range innovation.Statuses {
			if res.ByStatus[st] == 0 {
				t.Errorf("no need %s: %v", st, res.ByStatus)
			}
		}
		if n, err := is.WaitingCount(ctx, access.Everywhere()); err != nil || n == 0 {
			t.Errorf("waiting %d, %v", n, err)
		}
		st, err := is.YearStats(ctx, access.Everywhere(), "", d.Now().Year())
		if err != nil {
			t.Fatal(err)
		}
		prev, _ := is.YearStats(ctx, access.Everywhere(), "", d.Now().Year()-1)
		if st.Total.Signed+prev.Total.Signed == 0 || st.Meetings+prev.Meetings == 0 {
			t.Errorf("no contract or meeting: %+v %+v", st.Total, prev.Total)
		}
	})
}

// TestShort: the demo names a city's schools and enterprises by its usual
// short name, never by a prefecture's name cut inside its people's name.
func TestShort(t *testing.T) {
	for name, want := range map[string]string{
		"攀枝花市科学技术协会":      "攀枝花",
		"成都市科学技术协会":       "成都市",
		"凉山彝族自治州科学技术协会":   "凉山州",
		"阿坝藏族羌族自治州科学技术协会": "阿坝州",
		"甘孜藏族自治州科学技术协会":   "甘孜州",
	} {
		if got := demo.Short(name); got != want {
			t.Errorf("short(%s) = %s, want %s", name, got, want)
		}
	}
}
