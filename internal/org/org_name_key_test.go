package org_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
)

// before returns the org migrations before version 7 (name_key).
func before(t *testing.T) db.Migrations { return dbtest.Before(t, org.Migrations(), "007") }

// TestNameKey: the migration keys the orgs a database already holds, the
// triggers key every org created or renamed after it (the key of each is
// the pinyin key Go computes), and the lists that read the key — by name,
// the default order, the public picker, the initials search — come in
// pinyin order on both databases.
func TestNameKey(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), before(t)}, func(t *testing.T, d *db.DB) {
		s := org.NewStore(d, std.Regions())
		root, err := s.Create(ctx, org.Input{Code: "ROOT", Name: "全国", Type: org.TypeNational})
		if err != nil {
			t.Fatal(err)
		}
		// Written in reverse, so neither id nor insertion order gives the answer;
		// the first half before the migration, the rest after it.
		made := map[string]org.Org{}
		add := func(i int) {
			o, err := s.Create(ctx, org.Input{ParentID: root.ID, Code: "S" + string(rune('A'+i)), Name: pinyinOrgs[i], Type: org.TypeSociety})
			if err != nil {
				t.Fatal(err)
			}
			made[o.Name] = o
		}
		half := len(pinyinOrgs) / 2
		for i := len(pinyinOrgs) - 1; i >= half; i-- {
			add(i)
		}
		if err := d.Migrate(ctx, audit.Migrations(), org.Migrations()); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM orgs`)
		if d.Dialect() == db.Postgres {
			// Compared byte by byte whatever the database's own collation.
			var coll string
			if err := d.QueryRow(ctx, `SELECT COALESCE(collation_name, '') FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'orgs' AND column_name = 'name_key'`).Scan(&coll); err != nil || coll != "C" {
				t.Errorf("orgs.name_key collation %q, %v; want C", coll, err)
			}
		}
		for i := half - 1; i >= 0; i-- {
			add(i)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM orgs`)
		names := func(list []org.Org) []string {
			var out []string
			for _, o := range list {
				out = append(out, o.Name)
			}
			return out
		}
		list, total, err := s.List(ctx, org.Filter{Scope: access.Everywhere(), Sort: "name"})
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Insert(slices.Clone(pinyinOrgs), 6, "全国") // quán: after 重庆 (chong), before 上海 (shang)
		if got := names(list); !slices.Equal(got, want) || total != len(want) {
			t.Errorf("by name (%d)\n got %q\nwant %q", total, got, want)
		}
		// The default order: depth, then name.
		list, _, err = s.List(ctx, org.Filter{Scope: access.Everywhere()})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(list), append([]string{"全国"}, pinyinOrgs...); !slices.Equal(got, want) {
			t.Errorf("default order\n got %q\nwant %q", got, want)
		}
		pub, total, err := s.Publics(ctx, "", 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range pub {
			got = append(got, p.Name)
		}
		if want := append([]string{"全国"}, pinyinOrgs...); !slices.Equal(got, want) || total != len(want) {
			t.Errorf("public orgs (%d)\n got %q\nwant %q", total, got, want)
		}

		// A rename moves the org: 安徽省科学技术协会 is now 浙江省科协 (zhe), after 长沙 (chang) … 厦门 (xia), before 中国.
		ah := made["安徽省科协"]
		if _, err := s.Update(ctx, ah.ID, org.Input{Code: ah.Code, Name: "浙江省科协", Type: ah.Type}); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key FROM orgs`)
		kids, err := s.Children(ctx, root, "name", 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		want = slices.DeleteFunc(slices.Clone(pinyinOrgs), func(n string) bool { return n == "安徽省科协" })
		at := slices.IndexFunc(want, func(n string) bool { return strings.HasPrefix(n, "中国") })
		want = slices.Insert(want, at, "浙江省科协")
		if got := names(kids); !slices.Equal(got, want) {
			t.Errorf("children by name after a rename\n got %q\nwant %q", got, want)
		}
	})
}
