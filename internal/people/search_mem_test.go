package people_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// The in-memory search works on interned numbers, per-date caches and a
// bounded heap; the database path computes every hit plainly and sorts
// them all. Over a varied population — birthdays on the age-band and youth
// boundaries and on 29 February, every title level, categories with and
// without the youth category, people in both orgs, memberships of every
// grade and status (some added after the build), edits after the build —
// both must give the same totals, facet counts and ranked pages.
func TestMemMatchesDatabase(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		rng := rand.New(rand.NewPCG(7, 13))
		now := d.Now()
		var births []string
		for _, years := range []int{20, 34, 35, 36, 44, 45, 46, 54, 55, 56, 70} {
			b := now.AddDate(-years, 0, 0)
			for _, days := range []int{-1, 0, 1} {
				births = append(births, b.AddDate(0, 0, days).Format("20060102"))
			}
		}
		births = append(births, "19800229", "19840229", "19880301", "19920228")
		pick := func(list []string) string { return list[rng.IntN(len(list))] }
		names := []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "王", "周杰"}
		employers := []string{"攀枝花学院", "攀枝花钢铁研究院", "滁州学院", "农科院", "人工智能研究所", ""}
		expertise := []string{"人工智能", "钒钛磁铁矿综合利用", "水稻育种", "人工智能与大数据", "智能制造", "果树栽培", "张伟"}
		levels := append(people.TitleLevels(), "")
		regions := []string{"510402", "510411", "510421", "341102", "341124", ""}
		cats := []string{"", "评审专家", "高层次人才、评审专家", people.YouthCategory, "评审专家、" + people.YouthCategory}
		// Disciplines draw from their own stream, so the rest of the
		// population stays what it was before they were added.
		drng := rand.New(rand.NewPCG(11, 17))
		codes := []string{"110", "11014", "1101410", "11021", "120", "12010", "130", "1301010"}
		disciplines := func() (string, []string) {
			primary := append([]string{"", "140"}, codes...)[drng.IntN(len(codes)+2)]
			if primary == "" || drng.IntN(3) > 0 {
				return primary, nil
			}
			var secondary []string
			for _, i := range drng.Perm(len(codes))[:1+drng.IntN(3)] {
				if codes[i] != primary {
					secondary = append(secondary, codes[i])
				}
			}
			return primary, secondary
		}
		var ids []int64
		for i := range 300 {
			org := f.city.ID
			if i%3 == 0 {
				org = f.peer.ID
			}
			in := people.Input{OrgID: org, Name: pick(names), IDNumber: idNumber(fmt.Sprintf("510402%s%03d", pick(births), i)),
				Employer: pick(employers), Expertise: pick(expertise), TitleLevel: pick(levels), RegionCode: pick(regions), Categories: pick(cats)}
			in.Discipline, in.Disciplines2 = disciplines()
			p, err := f.s.Create(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, p.ID)
		}
		// Memberships, from their own stream too: in either org or both,
		// of every grade and status, so the highest active grade varies.
		mrng := rand.New(rand.NewPCG(19, 23))
		grades, statuses := people.Grades, []string{"active", "active", "suspended", "lapsed"}
		addMemberships := func(id int64) {
			for _, o := range []int64{f.city.ID, f.peer.ID} {
				if mrng.IntN(2) == 0 {
					continue
				}
				if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: id, OrgID: o, Grade: grades[mrng.IntN(len(grades))],
					Status: statuses[mrng.IntN(len(statuses))]}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, id := range ids[:250] {
			addMemberships(id)
		}
		if err := f.s.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		// Memberships added after the build reach the index as changes.
		for _, id := range ids[250:] {
			addMemberships(id)
		}
		// Edits after the build give old ids new, later places in the index.
		for _, i := range []int{3, 50, 120} {
			if _, err := f.s.Update(ctx, ids[i], people.Input{Name: "王芳", Employer: "人工智能研究所", Expertise: "人工智能", TitleLevel: "senior",
				RegionCode: "510402", Categories: "评审专家", Discipline: "120", Disciplines2: []string{"1101410", "130"}}); err != nil {
				t.Fatal(err)
			}
		}
		filters := []map[string]string{
			nil,
			{"title_level": "senior"},
			{"title_level": "nonsense"},
			{"age_band": "35to44"},
			{"age_band": "under35", "region": "510400"},
			{"category": people.YouthCategory},
			{"category": "评审专家", "title_level": "intermediate"},
			{"region": "341100"},
			{"age_band": "55plus", "category": "高层次人才"},
			{"discipline": "110"},
			{"discipline": "1101410", "title_level": "senior"},
			{"discipline": "13"},
			{"discipline": "140"},
			{"membership": "fellow"},
			{"membership": "none"},
			{"membership": "member", "title_level": "senior"},
			{"membership": "senior", "category": people.YouthCategory},
			{"membership": "nonsense"},
		}
		queries := []string{"", "人工智能", "人工", "智能", "攀枝花学院", "王", "张", "张伟", "人工智能 评审专家", "钒钛 学院", "没有的词"}
		n := 0
		for _, text := range queries {
			for _, fl := range filters {
				for _, scope := range []access.Scope{access.Everywhere(), access.Subtrees(f.city.Path), {}} {
					for _, pg := range [][2]int{{20, 0}, {5, 0}, {5, 7}, {3, 500}} {
						q := people.SearchQuery{Q: text, Facets: fl, Scope: scope, Limit: pg[0], Offset: pg[1]}
						mem, err := f.s.Search(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						q.UseDatabase = true
						want, err := f.s.Search(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						if mem.Total != want.Total || fmt.Sprint(mem.Facets) != fmt.Sprint(want.Facets) || fmt.Sprint(hitIDs(mem)) != fmt.Sprint(hitIDs(want)) {
							t.Errorf("%q %v scope %v page %v:\nmemory   %d %v %v\ndatabase %d %v %v", text, fl, scope, pg,
								mem.Total, hitIDs(mem), mem.Facets, want.Total, hitIDs(want), want.Facets)
						}
						if want.Total > 0 {
							n++
						}
					}
				}
			}
		}
		if n < 200 {
			t.Errorf("only %d of the comparisons had hits; the population does not exercise the search", n)
		}
	})
}

func hitIDs(r people.SearchResult) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, fmt.Sprintf("%d:%g", h.ID, h.Score))
	}
	return out
}
