package db_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// TestPage: a page and the count of all matches, in the list's order, on
// both databases; an offset past the end, a count of none and a limit
// out of range; an order with arguments of its own.
func TestPage(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		if _, err := d.Exec(ctx, `CREATE TABLE page_rows (id BIGINT PRIMARY KEY, kind TEXT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= 180; i++ {
			if _, err := d.Exec(ctx, `INSERT INTO page_rows (id, kind) VALUES (?, ?)`, i, []string{"a", "b", "c"}[i%3]); err != nil {
				t.Fatal(err)
			}
		}
		scan := func(r db.Scanner) (int64, error) {
			var id int64
			return id, r.Scan(&id)
		}
		q := func(kind string, limit, offset int) db.PageQuery {
			return db.PageQuery{Count: `SELECT COUNT(*) FROM page_rows WHERE kind = ?`,
				Select: `SELECT id FROM page_rows WHERE kind = ? ORDER BY id DESC LIMIT ? OFFSET ?`, Args: []any{kind}, Limit: limit, Offset: offset}
		}
		for _, c := range []struct {
			kind          string
			limit, offset int
			want          string
			total         int
		}{
			{"a", 3, 0, "[180 177 174]", 60},
			{"a", 3, 58, "[6 3]", 60},      // the last page is short
			{"a", 3, 60, "[]", 60},         // past the end: no page, the count still said
			{"a", 0, 0, "50 rows", 60},     // no limit: the default page of 50
			{"b", 99999, 0, "50 rows", 60}, // a limit over the bound: the default
			{"z", 10, 0, "[]", 0},          // nothing matches
			{"b", 2, -5, "[178 175]", 60},  // a negative offset is the first page
		} {
			got, total, err := db.Page(ctx, d, q(c.kind, c.limit, c.offset), scan)
			if err != nil {
				t.Fatal(err)
			}
			s := fmt.Sprint(got)
			if got == nil {
				s = "[]"
			}
			if c.want == "50 rows" {
				if len(got) != db.DefaultPage {
					t.Errorf("%+v: %d rows", c, len(got))
				}
			} else if s != c.want {
				t.Errorf("%+v: %s", c, s)
			}
			if total != c.total {
				t.Errorf("%+v: total %d", c, total)
			}
		}
		// An order that takes arguments of its own (ids from 100 first):
		// they follow Args in the page's statement, and the count takes none.
		ordered := db.PageQuery{Count: `SELECT COUNT(*) FROM page_rows WHERE kind = ?`,
			Select: `SELECT id FROM page_rows WHERE kind = ? ORDER BY CASE WHEN id >= ? THEN 0 ELSE 1 END, id LIMIT ? OFFSET ?`,
			Args:   []any{"a"}, OrderArgs: []any{100}, Limit: 3}
		if got, total, err := db.Page(ctx, d, ordered, scan); err != nil || fmt.Sprint(got) != "[102 105 108]" || total != 60 {
			t.Errorf("ordered by an argument: %v, total %d, %v", got, total, err)
		}
		// A statement that fails is an error, not an empty page.
		if _, _, err := db.Page(ctx, d, db.PageQuery{Count: `SELECT COUNT(*) FROM no_such_table`}, scan); err == nil {
			t.Error("a failing count read as a page")
		}
	})
}

// TestEvery: every row is read across pages, a last full page ends with
// an empty one, and an error stops the reading.
func TestEvery(t *testing.T) {
	rows := make([]int, 2500)
	for i := range rows {
		rows[i] = i
	}
	for _, n := range []int{0, 1, 999, 1000, 2500} {
		calls := 0
		got, err := db.Every(1000, func(limit, offset int) ([]int, error) {
			calls++
			return rows[:n][min(offset, n):min(offset+limit, n)], nil
		})
		if err != nil || len(got) != n || n > 0 && got[n-1] != n-1 || calls != n/1000+1 {
			t.Errorf("%d rows: got %d in %d calls, %v", n, len(got), calls, err)
		}
	}
	boom := errors.New("boom")
	if _, err := db.Every(10, func(int, int) ([]int, error) { return nil, boom }); err != boom {
		t.Errorf("error: %v", err)
	}
}
