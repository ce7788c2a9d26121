package app

import (
	"context"
	"slices"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
)

// keyedColumns are the columns that keep a pinyin key, each with the
// column it is the key of.
var keyedColumns = []struct{ table, key, name string }{
	{"orgs", "name_key", "name"}, {"users", "name_key", "display_name"}, {"people", "name_key", "name"},
	{"unit_members", "name_key", "name"}, {"volunteers", "name_key", "name"}, {"youth_teachers", "name_key", "name"},
	{"youth_teachers", "school_key", "school"}, {"venues", "name_key", "name"},
}

// digitMigrations are the migrations that recompute those keys when
// pinyin() came to compare numbers by value (core migration 005).
var digitMigrations = []struct {
	module  string
	version int
}{{"org", 8}, {"auth", 9}, {"people", 21}, {"volunteer", 6}, {"youth", 3}, {"venue", 3}}

// TestNameKeysRecomputed: a database whose kept pinyin keys predate the
// numbers' order (here every key is made wrong, which the triggers do not
// touch, and the recomputing migrations are forgotten) has every key of
// every keyed column equal to db.PinyinKey of its name once migrated, on
// both databases — and those are all the keyed columns there are.
func TestNameKeysRecomputed(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ta := newTestApp(t, d.DSN())
		q := `SELECT table_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name IN ('name_key', 'school_key') ORDER BY table_name, column_name`
		if ta.DB.Dialect() == db.SQLite {
			q = `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p
				WHERE m.type = 'table' AND p.name IN ('name_key', 'school_key') ORDER BY m.name, p.name`
		}
		var got, want []string
		rows, err := ta.DB.Query(ctx, q)
		must(t, err)
		for rows.Next() {
			var table string
			must(t, rows.Scan(&table))
			got = append(got, table)
		}
		must(t, rows.Close())
		for _, c := range keyedColumns {
			want = append(want, c.table)
		}
		if slices.Sort(want); !slices.Equal(got, want) {
			t.Fatalf("keyed tables %q, want %q (a new one: add it here and have it recomputed)", got, want)
		}

		// A name with numbers in every keyed column.
		city, now := ta.city.ID, int64(1)
		_, err = ta.Orgs.Create(ctx, org.Input{ParentID: city, Code: "N10", Name: "第10中学科协", Type: org.TypeSociety})
		must(t, err)
		for _, ins := range []struct {
			q    string
			args []any
		}{
			{`INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at)
				VALUES (9002, 'no10', '10号管理员', 'x', 0, ?, ?)`, []any{now, now}},
			{`INSERT INTO people (id, org_id, name, created_at, updated_at) VALUES (9003, ?, '王2', ?, ?)`, []any{city, now, now}},
			{`INSERT INTO unit_members (id, org_id, name, uscc, kind, status, created_at)
				VALUES (9004, ?, '第2研究所', 'U9004', 'institute', 'active', ?)`, []any{city, now}},
			{`INSERT INTO volunteers (id, org_id, name, id_sealed, id_index, created_at, updated_at)
				VALUES (9005, ?, '志愿者12号', 'x', 'i9005', ?, ?)`, []any{city, now, now}},
			{`INSERT INTO youth_teachers (id, org_id, name, school, subject, region_code, contact, created_at, updated_at)
				VALUES (9006, ?, '李老师2', '第12中学', '物理', '510402', '', ?, ?)`, []any{city, now, now}},
			{`INSERT INTO venues (id, org_id, kind, name, created_at, updated_at) VALUES (9007, ?, 'estation', '10号科普e站', ?, ?)`, []any{city, now, now}},
		} {
			if _, err := ta.DB.Exec(ctx, ins.q, ins.args...); err != nil {
				t.Fatalf("%s: %v", ins.q, err)
			}
		}
		for _, c := range keyedColumns {
			if _, err := ta.DB.Exec(ctx, `UPDATE `+c.table+` SET `+c.key+` = 'stale'`); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range digitMigrations {
			if _, err := ta.DB.Exec(ctx, `DELETE FROM schema_migrations WHERE module = ? AND version = ?`, m.module, m.version); err != nil {
				t.Fatal(err)
			}
		}
		must(t, ta.DB.Migrate(ctx, ta.Migrations()...))
		for _, c := range keyedColumns {
			rows, err := ta.DB.Query(ctx, `SELECT `+c.name+`, `+c.key+` FROM `+c.table)
			must(t, err)
			n := 0
			for rows.Next() {
				var name, key string
				must(t, rows.Scan(&name, &key))
				n++
				if want := db.PinyinKey(name); key != want {
					t.Errorf("%s.%s of %q = %q, want %q", c.table, c.key, name, key, want)
				}
			}
			must(t, rows.Close())
			if n == 0 {
				t.Errorf("%s: no rows", c.table)
			}
		}
	})
}
