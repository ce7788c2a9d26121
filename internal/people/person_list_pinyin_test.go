package people_test

import (
	"context"
	"slices"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// pinyinPeople are people's names in the order a Chinese office lists
// them: a Latin name before the Han names of its letter, syllable by
// syllable, tone by tone (黎 lí before 李 lǐ, 璟 jǐng before 静 jìng),
// the surnames' readings of 曾 Zēng and 单 Shàn.
var pinyinPeople = []string{
	"Alice", "安娜", "陈晨", "黎明", "李明", "单田芳", "王璟", "王静", "曾志", "张三", "赵四",
}

// TestListPinyin: the people list sorted by name (its default), page by
// page and descending, a pool's members, and after a rename, in pinyin
// order on both databases.
func TestListPinyin(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		var ids []int64
		for i := len(pinyinPeople) - 1; i >= 0; i-- {
			p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: pinyinPeople[i]})
			if err != nil {
				t.Fatalf("%s: %v", pinyinPeople[i], err)
			}
			ids = append(ids, p.ID)
		}
		names := func(list []people.Person) []string {
			var out []string
			for _, p := range list {
				out = append(out, p.Name)
			}
			return out
		}
		scope := access.Subtrees(f.city.Path)
		list, total, err := f.s.List(ctx, people.Filter{Scope: scope})
		if err != nil || total != len(pinyinPeople) {
			t.Fatalf("list: %d, %v", total, err)
		}
		if got := names(list); !slices.Equal(got, pinyinPeople) {
			t.Errorf("by name\n got %q\nwant %q", got, pinyinPeople)
		}
		var paged []string
		for off := 0; off < len(pinyinPeople); off += 3 {
			list, _, err := f.s.List(ctx, people.Filter{Scope: scope, Sort: "name", Limit: 3, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, names(list)...)
		}
		if !slices.Equal(paged, pinyinPeople) {
			t.Errorf("pages of 3\n got %q\nwant %q", paged, pinyinPeople)
		}
		desc, _, err := f.s.List(ctx, people.Filter{Scope: scope, Sort: "-name"})
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(pinyinPeople)
		slices.Reverse(want)
		if got := names(desc); !slices.Equal(got, want) {
			t.Errorf("by name, descending\n got %q\nwant %q", got, want)
		}
		pool, err := f.s.CreatePool(ctx, f.city.ID, "专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddToPool(ctx, pool.ID, ids); err != nil {
			t.Fatal(err)
		}
		members, _, err := f.s.PoolMembers(ctx, pool.ID, 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := names(members); !slices.Equal(got, pinyinPeople) {
			t.Errorf("pool members\n got %q\nwant %q", got, pinyinPeople)
		}
		// A rename moves the person to the new name's place: the key
		// follows the name on every write.
		alice := ids[len(ids)-1]
		if _, err := f.s.Update(ctx, alice, people.Input{OrgID: f.city.ID, Name: "邹兰"}); err != nil {
			t.Fatal(err)
		}
		list, _, err = f.s.List(ctx, people.Filter{Scope: scope, Sort: "name"})
		if err != nil {
			t.Fatal(err)
		}
		want = append(slices.Clone(pinyinPeople[1:]), "邹兰")
		if got := names(list); !slices.Equal(got, want) {
			t.Errorf("after a rename\n got %q\nwant %q", got, want)
		}
	})
}
