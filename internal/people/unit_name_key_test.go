package people_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/std"
)

// pinyinUnits are unit names in the order a Chinese office reads them:
// digits, a Latin name before the Han names of its letter, then pinyin
// syllable by syllable with the place names' readings of 长 cháng, 重
// chóng, 厦 xià; 李 X (a space) before 李四.
var pinyinUnits = []string{
	"3M中国有限公司", "ABB（中国）有限公司", "安宁机械厂", "长虹电器", "重庆钢铁", "李 X 工作室", "李四工作室",
	"攀钢集团有限公司", "西安交通大学", "厦门航空",
}

// TestUnitsNameKey: people migration 020 keys the units a database already
// holds, the triggers key every unit added or renamed after it (the key
// Go computes), and the unit list reads them in pinyin order — the byte
// order of db.PinyinKey — page by page under its scope, with the total on
// every page, on both databases.
func TestUnitsNameKey(t *testing.T) {
	ctx := context.Background()
	old := []db.Migrations{audit.Migrations(), org.Migrations(), dbtest.Before(t, people.Migrations(), "020")}
	dbtest.Run(t, old, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		// Written in reverse, so neither id nor insertion order gives the
		// answer; the first half before the migration, the rest after it.
		add := func(i int, o org.Org) {
			t.Helper()
			code := fmt.Sprintf("91510400MA62X5%03d", i)
			name := "滁州机械厂"
			if i < len(pinyinUnits) {
				name = pinyinUnits[i]
			}
			if _, err := f.s.AddUnit(ctx, people.Unit{OrgID: o.ID, Name: name, USCC: code + string(std.USCCCheckChar(code)), Kind: "company"}); err != nil {
				t.Fatal(err)
			}
		}
		half := len(pinyinUnits) / 2
		for i := len(pinyinUnits) - 1; i >= half; i-- {
			add(i, f.city)
		}
		if err := d.Migrate(ctx, sets...); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM unit_members`)
		for i := half - 1; i >= 0; i-- {
			add(i, f.city)
		}
		add(100, f.peer) // another city's unit, never in the city's list
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM unit_members`)

		byKey := slices.Clone(pinyinUnits)
		sort.Slice(byKey, func(i, j int) bool { return db.PinyinKey(byKey[i]) < db.PinyinKey(byKey[j]) })
		if !slices.Equal(byKey, pinyinUnits) {
			t.Fatalf("the expected order is not db.PinyinKey's\n got %q\nwant %q", byKey, pinyinUnits)
		}
		read := func(want []string) {
			t.Helper()
			var got []string
			for off := 0; off < len(want)+3; off += 3 {
				list, total, err := f.s.Units(ctx, access.Subtrees(f.city.Path), "", 3, off)
				if err != nil || total != len(want) {
					t.Fatalf("offset %d: total %d, %v; want %d", off, total, err, len(want))
				}
				for _, u := range list {
					if u.OrgID != f.city.ID {
						t.Errorf("%s of org %d in the city's list", u.Name, u.OrgID)
					}
					got = append(got, u.Name)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("units by name\n got %q\nwant %q", got, want)
			}
		}
		read(pinyinUnits)

		// A rename (no use case renames a unit yet; the trigger must still
		// key it): 安宁机械厂 is now 中国安宁机械厂, last.
		if _, err := d.Exec(ctx, `UPDATE unit_members SET name = ? WHERE name = ?`, "中国安宁机械厂", "安宁机械厂"); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM unit_members`)
		read(append(slices.DeleteFunc(slices.Clone(pinyinUnits), func(n string) bool { return n == "安宁机械厂" }), "中国安宁机械厂"))
		if list, n, err := f.s.Units(ctx, access.Subtrees(f.peer.Path), "", 50, 0); err != nil || n != 1 || len(list) != 1 {
			t.Errorf("the other city: %d units (%d rows), %v; want its own 1", n, len(list), err)
		}
	})
}
