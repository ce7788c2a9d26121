package dbtest

import (
	"context"
	"testing"

	"kexie/internal/db"
)

// PinyinKeys checks the pinyin sort keys a table keeps: query selects pairs
// of columns, each a text and the key kept for it (SELECT name, name_key,
// school, school_key FROM youth_teachers), and every key must equal
// db.PinyinKey of its text. A query that returns no row fails too: a check
// of nothing proves nothing.
func PinyinKeys(t testing.TB, d *db.DB, query string) {
	t.Helper()
	rows, err := d.Query(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil || len(cols) == 0 || len(cols)%2 != 0 {
		t.Fatalf("%s: want pairs of text and key, got columns %v (%v)", query, cols, err)
	}
	n := 0
	for rows.Next() {
		vals := make([]string, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		n++
		for i := 0; i < len(vals); i += 2 {
			if want := db.PinyinKey(vals[i]); vals[i+1] != want {
				t.Errorf("%s: %s %q, want %q", vals[i], cols[i+1], vals[i+1], want)
			}
		}
	}
	if err := rows.Err(); err != nil || n == 0 {
		t.Fatalf("%s: %d rows read: %v", query, n, err)
	}
}
