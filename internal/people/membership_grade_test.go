package people_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// The membership facet counts each hit under their highest grade among
// active memberships (none without one), filters by it, gives the same
// answers from the database and from the in-memory index, and the index
// follows a membership added after it was built.
func TestMembershipFacet(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ids := map[string]int64{}
		for i, name := range []string{"张伟", "王芳", "刘洋", "李娜", "赵敏"} {
			p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: name, IDNumber: idNumber(fmt.Sprintf("5104021985031220%d", i)),
				Expertise: "钒钛磁铁矿", TitleLevel: "senior"})
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = p.ID
		}
		add := func(name string, o int64, grade, status string) {
			t.Helper()
			if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: ids[name], OrgID: o, Grade: grade, Status: status}); err != nil {
				t.Fatal(err)
			}
		}
		add("张伟", f.city.ID, "member", "active")
		add("张伟", f.peer.ID, "fellow", "active") // fellow over member
		add("王芳", f.city.ID, "senior", "active")
		add("王芳", f.peer.ID, "fellow", "lapsed") // a lapsed fellow counts for nothing
		add("刘洋", f.city.ID, "member", "active")
		add("李娜", f.city.ID, "fellow", "suspended") // none: suspended only
		// 赵敏: no membership at all.

		tests := []struct {
			name   string
			facets map[string]string
			want   []string // names of the hits
			counts map[string]int
		}{
			{"all", nil, []string{"刘洋", "张伟", "李娜", "王芳", "赵敏"}, map[string]int{"fellow": 1, "senior": 1, "member": 1, "none": 2}},
			{"fellow", map[string]string{"membership": "fellow"}, []string{"张伟"}, map[string]int{"fellow": 1}},
			{"member", map[string]string{"membership": "member"}, []string{"刘洋"}, map[string]int{"member": 1}},
			{"none", map[string]string{"membership": "none"}, []string{"李娜", "赵敏"}, map[string]int{"none": 2}},
			{"with title level", map[string]string{"membership": "senior", "title_level": "senior"}, []string{"王芳"}, map[string]int{"senior": 1}},
			{"other title level", map[string]string{"membership": "senior", "title_level": "junior"}, nil, map[string]int{}},
			{"unknown grade", map[string]string{"membership": "king"}, nil, map[string]int{}},
		}
		check := func(label string, useDB bool) {
			for _, tt := range tests {
				t.Run(label+"/"+tt.name, func(t *testing.T) {
					r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "钒钛", Facets: tt.facets, UseDatabase: useDB})
					if err != nil {
						t.Fatal(err)
					}
					got := names(r)
					slices.Sort(got)
					if fmt.Sprint(got) != fmt.Sprint(tt.want) || r.Total != len(tt.want) {
						t.Errorf("hits = %d %v, want %v", r.Total, got, tt.want)
					}
					if fmt.Sprint(r.Facets["membership"]) != fmt.Sprint(tt.counts) {
						t.Errorf("membership facet = %v, want %v", r.Facets["membership"], tt.counts)
					}
					if len(tt.want) > 0 && r.Facets["title_level"]["senior"] != len(tt.want) {
						t.Errorf("title level facet = %v, want senior: %d", r.Facets["title_level"], len(tt.want))
					}
				})
			}
		}
		check("database", true)
		if err := f.s.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		check("memory", false)

		// After the build: 赵敏 becomes a fellow, 刘洋 gains a lapsed
		// fellowship (still a member). The index catches up from
		// people_changes, without a rebuild.
		add("赵敏", f.peer.ID, "fellow", "active")
		add("刘洋", f.peer.ID, "fellow", "lapsed")
		tests = tests[:2]
		tests[0].counts = map[string]int{"fellow": 2, "senior": 1, "member": 1, "none": 1}
		tests[1].want, tests[1].counts = []string{"张伟", "赵敏"}, map[string]int{"fellow": 2}
		check("memory after adding", false)
		check("database after adding", true)
	})
}
