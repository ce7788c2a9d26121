package auth_test

import (
	"context"
	"slices"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
)

// authBefore returns the auth migrations before version 8 (name_key).
func authBefore(t *testing.T) db.Migrations { return dbtest.Before(t, auth.Migrations(), "008") }

// pinyinUsers are display names in pinyin order: digits, a Latin name
// before the Han names of its letter, syllable by syllable, 曾 zēng and
// 单 shàn read as surnames.
var pinyinUsers = []string{"3号管理员", "Anna", "安娜", "白雪", "陈晨", "单田芳", "王芳", "曾国藩", "张三", "张四"}

// TestListUsersPinyin: the migration keys the accounts a database already
// holds and the triggers every account created or renamed after it (each
// key the one Go computes); the user list by name and its pages come in
// pinyin order on both databases; its total counts what its pages hold,
// under the same scope, role and text conditions.
func TestListUsersPinyin(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, []db.Migrations{audit.Migrations(), org.Migrations(), authBefore(t)}, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		peer, err := f.orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "PEER", Name: "邻市科协", Type: org.TypeCity})
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]int64{}
		add := func(i int) {
			u, err := f.svc.CreateUser(ctx, auth.UserInput{Username: "user" + string(rune('a'+i)), DisplayName: pinyinUsers[i], Password: goodPassword})
			if err != nil {
				t.Fatal(err)
			}
			ids[pinyinUsers[i]] = u.ID
			// Every other account is the city's staff, the rest the other city's members.
			at, role := f.city, access.OrgStaff
			if i%2 == 1 {
				at, role = peer, access.Member
			}
			if err := f.svc.Grant(ctx, u.ID, at.ID, role, 0); err != nil {
				t.Fatal(err)
			}
		}
		// Written in reverse, half before the migration.
		half := len(pinyinUsers) / 2
		for i := len(pinyinUsers) - 1; i >= half; i-- {
			add(i)
		}
		if err := d.Migrate(ctx, audit.Migrations(), org.Migrations(), auth.Migrations()); err != nil {
			t.Fatal(err)
		}
		for i := half - 1; i >= 0; i-- {
			add(i)
		}
		// A rename moves the account: 王芳 (wang) becomes 欧阳芳 (ou), before 单 (shan).
		if _, err := f.svc.UpdateUser(ctx, ids["王芳"], auth.UserEdit{DisplayName: "欧阳芳"}); err != nil {
			t.Fatal(err)
		}
		want := []string{"3号管理员", "Anna", "安娜", "白雪", "陈晨", "欧阳芳", "单田芳", "曾国藩", "张三", "张四"}
		rows, err := d.Query(ctx, `SELECT display_name, name_key FROM users`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name, key string
			if err := rows.Scan(&name, &key); err != nil {
				t.Fatal(err)
			}
			if key != db.PinyinKey(name) {
				t.Errorf("%s: name_key %q, want %q", name, key, db.PinyinKey(name))
			}
		}
		rows.Close()
		if d.Dialect() == db.Postgres {
			// Compared byte by byte whatever the database's own collation.
			var coll string
			if err := d.QueryRow(ctx, `SELECT COALESCE(collation_name, '') FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = 'users' AND column_name = 'name_key'`).Scan(&coll); err != nil || coll != "C" {
				t.Errorf("users.name_key collation %q, %v; want C", coll, err)
			}
		}

		read := func(uf auth.UserFilter, limit int) ([]string, int) {
			t.Helper()
			var got []string
			total := -1
			for off := 0; ; off += limit {
				uf.Limit, uf.Offset = limit, off
				list, n, err := f.svc.ListUsers(ctx, uf)
				if err != nil {
					t.Fatal(err)
				}
				if total >= 0 && n != total {
					t.Fatalf("total moved from %d to %d between pages", total, n)
				}
				total = n
				for _, u := range list {
					got = append(got, u.DisplayName)
				}
				if len(list) < limit {
					return got, total
				}
			}
		}
		all := access.Everywhere()
		if got, total := read(auth.UserFilter{Scope: all, Sort: "name"}, 3); !slices.Equal(got, want) || total != len(want) {
			t.Errorf("by name (%d)\n got %q\nwant %q", total, got, want)
		}
		desc := slices.Clone(want)
		slices.Reverse(desc)
		if got, total := read(auth.UserFilter{Scope: all, Sort: "-name"}, 4); !slices.Equal(got, desc) || total != len(desc) {
			t.Errorf("by name, descending (%d)\n got %q\nwant %q", total, got, desc)
		}
		city := access.Subtrees(f.city.Path)
		for _, tt := range []struct {
			name string
			uf   auth.UserFilter
			want []string
		}{
			{"the city", auth.UserFilter{Scope: city, Sort: "name"}, []string{"3号管理员", "安娜", "陈晨", "欧阳芳", "张三"}},
			{"the city's members", auth.UserFilter{Scope: city, Role: access.Member, Sort: "name"}, nil},
			{"the other city's members", auth.UserFilter{Scope: access.Subtrees(peer.Path), Role: access.Member, Sort: "name"},
				[]string{"Anna", "白雪", "单田芳", "曾国藩", "张四"}},
			{"by text in the city", auth.UserFilter{Scope: city, Q: "张", Sort: "name"}, []string{"张三"}},
			{"the zero scope", auth.UserFilter{Sort: "name"}, nil},
		} {
			t.Run(tt.name, func(t *testing.T) {
				got, total := read(tt.uf, 2)
				if !slices.Equal(got, tt.want) || total != len(tt.want) {
					t.Errorf("got %q of %d, want %q", got, total, tt.want)
				}
			})
		}
		// A page past the end reads nothing and still says the total.
		list, total, err := f.svc.ListUsers(ctx, auth.UserFilter{Scope: city, Limit: 2, Offset: 10})
		if err != nil || len(list) != 0 || total != 5 {
			t.Errorf("past the end: %d rows of %d, %v; want none of 5", len(list), total, err)
		}
	})
}
