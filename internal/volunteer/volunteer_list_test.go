package volunteer_test

import (
	"context"
	"slices"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

// TestVolunteersTotal: the list's total, a count of its own, counts what
// its pages hold under the same scope, text and team conditions — never a
// volunteer of another city — and a page past the end reads nothing but
// still says the total.
func TestVolunteersTotal(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		reg := func(serial int, orgID int64, name string, skills ...string) volunteer.Volunteer {
			v, err := f.s.Register(ctx, volunteer.Input{OrgID: orgID, Name: name, IDNumber: idNumber(serial), Skills: skills}, 1)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		a := reg(1, f.city.ID, "安然", "天文")
		reg(2, f.city.ID, "白露", "机器人")
		c := reg(3, f.city.ID, "陈天", "天文")
		reg(4, f.city.ID, "丁一")
		reg(5, f.peer.ID, "安宁", "天文")
		reg(6, f.peer.ID, "陈天一", "天文")
		team, err := f.s.CreateTeam(ctx, f.city.ID, "天文队", 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []volunteer.Volunteer{a, c} {
			if err := f.s.Join(ctx, team.ID, v.ID); err != nil {
				t.Fatal(err)
			}
		}
		city := access.Subtrees(f.city.Path)
		for _, tt := range []struct {
			name string
			f    volunteer.Filter
			want []string
		}{
			{"the city", volunteer.Filter{Scope: city}, []string{"安然", "白露", "陈天", "丁一"}},
			{"everywhere", volunteer.Filter{Scope: access.Everywhere()}, []string{"安宁", "安然", "白露", "陈天", "陈天一", "丁一"}},
			{"a name in the city", volunteer.Filter{Scope: city, Query: "天"}, []string{"陈天"}},
			{"a skill in the city", volunteer.Filter{Scope: city, Query: "天文"}, []string{"安然", "陈天"}},
			{"a team", volunteer.Filter{Scope: city, TeamID: team.ID}, []string{"安然", "陈天"}},
			{"the city's team from the other city", volunteer.Filter{Scope: access.Subtrees(f.peer.Path), TeamID: team.ID}, nil},
			{"the zero scope", volunteer.Filter{}, nil},
		} {
			t.Run(tt.name, func(t *testing.T) {
				var got []string
				for off := 0; ; off += 2 {
					tt.f.Limit, tt.f.Offset = 2, off
					page, total, err := f.s.Volunteers(ctx, tt.f)
					if err != nil {
						t.Fatal(err)
					}
					if total != len(tt.want) {
						t.Errorf("offset %d: total %d, want %d", off, total, len(tt.want))
					}
					for _, v := range page {
						got = append(got, v.Name)
					}
					if len(page) < 2 {
						break
					}
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("got %q, want %q", got, tt.want)
				}
			})
		}
		page, total, err := f.s.Volunteers(ctx, volunteer.Filter{Scope: city, Limit: 2, Offset: 10})
		if err != nil || len(page) != 0 || total != 4 {
			t.Errorf("past the end: %d of %d, %v; want none of 4", len(page), total, err)
		}
	})
}
