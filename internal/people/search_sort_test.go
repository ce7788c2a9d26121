package people_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// Search hits come in the order asked for — relevance by default, or by
// name, org, title level or update time either way — page after page, the
// same on the database path and from the in-memory index.
func TestSearchSortIsTrue(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		names := []string{"王芳", "李强", "张伟", "王芳", "陈静", "刘洋", "赵敏", "孙丽", "周杰", "吴刚", "郑爽", "冯涛"}
		levels := append(people.TitleLevels(), "")
		byID := map[int64]people.Person{}
		for i := range 24 {
			o := f.city.ID
			if i%3 == 0 {
				o = f.peer.ID
			}
			ex := "材料研究"
			p, err := f.s.Create(ctx, people.Input{OrgID: o, Name: names[i%len(names)], Expertise: ex, TitleLevel: levels[i%len(levels)]})
			if err != nil {
				t.Fatal(err)
			}
			byID[p.ID] = p
		}
		if err := f.s.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		key := func(p people.Person, col string) string {
			switch col {
			case "name":
				return p.Name
			case "org":
				return p.OrgName
			case "title_level":
				return fmt.Sprintf("%02d", 1+slices.Index(append(people.TitleLevels(), ""), p.TitleLevel))
			case "updated":
				return fmt.Sprintf("%020d", p.UpdatedAt.UnixMilli())
			}
			return ""
		}
		for _, sort := range []string{"", "name", "-name", "org", "-org", "title_level", "-title_level", "updated", "-updated"} {
			var paths [2][]int64
			for i, useDB := range []bool{true, false} {
				for off := 0; ; off += 5 {
					r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "材料", Sort: sort, Limit: 5, Offset: off, UseDatabase: useDB})
					if err != nil {
						t.Fatal(err)
					}
					if r.Total != 24 {
						t.Fatalf("sort %q: total %d", sort, r.Total)
					}
					for _, h := range r.Hits {
						paths[i] = append(paths[i], h.ID)
					}
					if off+5 >= r.Total {
						break
					}
				}
			}
			if !slices.Equal(paths[0], paths[1]) {
				t.Errorf("sort %q: database %v, memory %v", sort, paths[0], paths[1])
			}
			got := paths[1]
			if len(got) != 24 {
				t.Fatalf("sort %q: %d hits over the pages", sort, len(got))
			}
			col, desc := strings.TrimPrefix(sort, "-"), strings.HasPrefix(sort, "-")
			want := slices.Clone(got)
			slices.SortStableFunc(want, func(a, b int64) int {
				if col == "" { // relevance: all alike here, so by id
					return cmp.Compare(a, b)
				}
				c := strings.Compare(key(byID[a], col), key(byID[b], col))
				if desc {
					c = -c
				}
				if c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
			if !slices.Equal(got, want) {
				t.Errorf("sort %q: got %v, want %v", sort, got, want)
			}
		}
	})
}
