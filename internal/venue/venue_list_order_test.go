package venue_test

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/venue"
)

// The staff list of venues comes in pinyin order by name (and a number in
// a name by its value), the same on both databases, descending the
// reverse; not in the order of the names' code points.
func TestListPinyinOrder(t *testing.T) {
	eachDB(t, func(t *testing.T, vs venueSite) {
		// code-point order would be 东区…, 仁和区…, 北岸…, 西区第10…, 西区第2…
		for _, name := range []string{"西区第10科普e站", "东区炳草岗科普e站", "北岸科普e站", "仁和区大河科普e站", "西区第2科普e站"} {
			newStation(t, vs, name, "炳草岗街道")
		}
		scope := access.Subtrees(vs.City.Path)
		for _, desc := range []bool{false, true} {
			got, n, err := vs.Venues.List(context.Background(), venue.Filter{Scope: scope, Desc: desc})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, v := range got {
				names = append(names, v.Name)
			}
			want := []string{"北岸科普e站", "东区炳草岗科普e站", "仁和区大河科普e站", "西区第2科普e站", "西区第10科普e站"}
			if desc {
				for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
					want[i], want[j] = want[j], want[i]
				}
			}
			if n != 5 || strings.Join(names, "|") != strings.Join(want, "|") {
				t.Errorf("desc %v: %d venues %q, want %q", desc, n, names, want)
			}
		}
	})
}
