package venue_test

import (
	"context"
	"slices"
	"sort"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/venue"
)

// pinyinVenues are venue names in the order a Chinese office reads them:
// digits, a Latin name before the Han names of its letter, then pinyin
// syllable by syllable with the place names' readings of 长 cháng, 重
// chóng, 厦 xià.
var pinyinVenues = []string{
	"3D打印科普e站", "安宁镇科普e站", "长沙科技馆", "重庆科技馆", "攀枝花科技馆", "VR科普体验馆", "西安科技馆", "厦门科技馆",
}

// TestFindNameKey: venue migration 002 keys the venues a database already
// holds, the triggers key every venue created or renamed after it, and the
// venue picker reads those of the caller's scope first, each group in
// pinyin order (db.PinyinKey's byte order), page by page with the total on
// every page, removed venues never — on both databases.
func TestFindNameKey(t *testing.T) {
	ctx := context.Background()
	old := []db.Migrations{audit.Migrations(), org.Migrations(), dbtest.Before(t, venue.Migrations(), "002")}
	dbtest.Run(t, old, func(t *testing.T, d *db.DB) {
		orgs := org.NewStore(d, std.Regions())
		root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
		if err != nil {
			t.Fatal(err)
		}
		city, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "PZH", Name: "攀枝花市科协", Type: org.TypeCity})
		peer, _ := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CZ", Name: "滁州市科协", Type: org.TypeCity})
		s := venue.NewStore(d, std.Regions())
		ids := map[string]int64{}
		add := func(o org.Org, name string) {
			t.Helper()
			v, err := s.Create(ctx, venue.Input{OrgID: o.ID, Kind: venue.KindMuseum, Name: name, RegionCode: "510402", Lng: fp(101.72), Lat: fp(26.58)})
			if err != nil {
				t.Fatal(err)
			}
			ids[name] = v.ID
		}
		// The city holds the even names, the other city the odd ones;
		// written in reverse, half before the migration, the rest after.
		owner := func(i int) org.Org { return map[bool]org.Org{true: city, false: peer}[i%2 == 0] }
		n := len(pinyinVenues)
		for i := n - 1; i >= n/2; i-- {
			add(owner(i), pinyinVenues[i])
		}
		if err := d.Migrate(ctx, audit.Migrations(), org.Migrations(), venue.Migrations()); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM venues`)
		for i := n/2 - 1; i >= 0; i-- {
			add(owner(i), pinyinVenues[i])
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM venues`)
		byKey := slices.Clone(pinyinVenues)
		sort.Slice(byKey, func(i, j int) bool { return db.PinyinKey(byKey[i]) < db.PinyinKey(byKey[j]) })
		if !slices.Equal(byKey, pinyinVenues) {
			t.Fatalf("the expected order is not db.PinyinKey's\n got %q\nwant %q", byKey, pinyinVenues)
		}

		read := func(mine access.Scope, q string, want []string, wantMine int) {
			t.Helper()
			var got []string
			mines := 0
			for off := 0; off < len(want)+3; off += 3 {
				list, total, err := s.Find(ctx, mine, q, 3, off)
				if err != nil || total != len(want) {
					t.Fatalf("%q, offset %d: total %d, %v; want %d", q, off, total, err, len(want))
				}
				for _, f := range list {
					got = append(got, f.Name)
					if f.Mine {
						mines++
					}
				}
			}
			if !slices.Equal(got, want) || mines != wantMine {
				t.Errorf("find %q: %d mine\n got %q\nwant %q (%d mine)", q, mines, got, want, wantMine)
			}
		}
		var even, odd []string
		for i, name := range pinyinVenues {
			if i%2 == 0 {
				even = append(even, name)
			} else {
				odd = append(odd, name)
			}
		}
		read(access.Subtrees(city.Path), "", append(slices.Clone(even), odd...), len(even))
		read(access.Subtrees(peer.Path), "", append(slices.Clone(odd), even...), len(odd))
		read(access.Everywhere(), "", pinyinVenues, n)
		read(access.Scope{}, "", pinyinVenues, 0) // no scope: every venue, none of them "mine"
		read(access.Subtrees(city.Path), "科技馆", []string{"长沙科技馆", "攀枝花科技馆", "西安科技馆", "重庆科技馆", "厦门科技馆"}, 3)

		// A rename moves a venue; a removed one is never suggested.
		in := venue.Input{OrgID: city.ID, Kind: venue.KindMuseum, Name: "中国科技馆", RegionCode: "510402", Lng: fp(101.72), Lat: fp(26.58)}
		if err := s.Update(ctx, ids["长沙科技馆"], in); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM venues`)
		if _, err := d.Exec(ctx, `UPDATE venues SET status = 'removed' WHERE id = ?`, ids["厦门科技馆"]); err != nil {
			t.Fatal(err)
		}
		read(access.Subtrees(city.Path), "科技馆", []string{"攀枝花科技馆", "西安科技馆", "中国科技馆", "重庆科技馆"}, 3)
	})
}
