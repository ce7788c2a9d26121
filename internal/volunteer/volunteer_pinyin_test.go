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

// TestVolunteersPinyin: volunteers by name (the default) and teams come in
// pinyin order (汉语拼音) on both databases, not in code-point order — in
// which 张 comes before 王 and 重 after 长.
func TestVolunteersPinyin(t *testing.T) {
	want := []string{"Amy", "安然", "黎明", "李明", "王璟", "王静", "曾志", "张三"}
	teams := []string{"北京服务队", "长沙服务队", "重庆服务队", "西安服务队", "厦门服务队"}
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := setup(t, d)
		for i := len(want) - 1; i >= 0; i-- {
			f.volunteer(t, i+1, want[i], 0)
		}
		for i := len(teams) - 1; i >= 0; i-- {
			if _, err := f.s.CreateTeam(ctx, f.city.ID, teams[i], 0, 1); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		for off := 0; off < len(want); off += 3 {
			page, _, err := f.s.Volunteers(ctx, volunteer.Filter{Scope: access.Subtrees(f.city.Path), Limit: 3, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range page {
				got = append(got, v.Name)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("volunteers, pages of 3\n got %q\nwant %q", got, want)
		}
		ts, err := f.s.Teams(ctx, access.Subtrees(f.city.Path))
		if err != nil {
			t.Fatal(err)
		}
		got = nil
		for _, tm := range ts {
			got = append(got, tm.Name)
		}
		if !slices.Equal(got, teams) {
			t.Errorf("teams\n got %q\nwant %q", got, teams)
		}
	})
}
