package app

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// TestNameKeysCompareBytes: every name_key column (the pinyin order of
// internal/db, kept by triggers) compares byte by byte on PostgreSQL, as on
// SQLite, whatever collation the database was created with — so that a
// list by name is in the same order on both (D264, D270).
func TestNameKeysCompareBytes(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ta := newTestApp(t, d.DSN())
		q := `SELECT table_name, COALESCE(collation_name, '') FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name = 'name_key' ORDER BY table_name`
		if d.Dialect() == db.SQLite {
			// SQLite compares TEXT byte by byte (BINARY) unless a column
			// says otherwise: the same tables keep a key, none declared so.
			q = `SELECT m.name, CASE WHEN m.sql LIKE '%name_key%COLLATE%' THEN 'other' ELSE 'C' END
				FROM sqlite_master m, pragma_table_info(m.name) p
				WHERE m.type = 'table' AND p.name = 'name_key' ORDER BY m.name`
		}
		rows, err := ta.DB.Query(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var table, coll string
			if err := rows.Scan(&table, &coll); err != nil {
				t.Fatal(err)
			}
			n++
			if coll != "C" {
				t.Errorf("%s.name_key collation %q, want C", table, coll)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n < 4 {
			t.Errorf("%d name_key columns, want people, volunteers, orgs and users at least", n)
		}
	})
}
