package db_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// collationNames are names whose keys a collation other than "C" orders
// otherwise than byte by byte: a space and "!" punctuation (which ICU and
// glibc skip at first), "{" escapes of what the table lacks, Latin letters
// of either case, digits.
var collationNames = []string{
	"李 X", "李四", "李!", "李{", "李😀", "李Ａ", "李a", "Ab 1", "ab1", "AB", "中国（北京）", "中国科协", "中国 科协",
	"😀", "Москва", "123", "12 3", "1!2", "重庆", "长沙", "厦门",
}

// TestPinyinComparesBytes: on PostgreSQL, ORDER BY pinyin(name) is the
// byte order of db.PinyinKey whatever the collation of the column it reads
// (here ICU's root collation and the database's own), because pinyin()
// returns its key in collation "C" (core migration 004) — and the same
// keys in the ICU collation would come in another order, so the names do
// tell the two apart.
func TestPinyinComparesBytes(t *testing.T) {
	ctx := context.Background()
	want := slices.Clone(collationNames)
	sort.Slice(want, func(i, j int) bool { return db.PinyinKey(want[i]) < db.PinyinKey(want[j]) })
	d := dbtest.OpenPostgres(t)
	var icu bool
	if err := d.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu')`).Scan(&icu); err != nil {
		t.Fatal(err)
	}
	// A bound argument (of the domain's type now) still takes a Go string.
	var key string
	if err := d.QueryRow(ctx, `SELECT pinyin(?)`, "重庆 X").Scan(&key); err != nil || key != db.PinyinKey("重庆 X") {
		t.Errorf("pinyin(?) = %q, %v; want %q", key, err, db.PinyinKey("重庆 X"))
	}
	cols := []string{"TEXT"}
	if icu {
		cols = append(cols, `TEXT COLLATE "und-x-icu"`)
	} else {
		t.Log("this PostgreSQL has no ICU: only the database's own collation is tried")
	}
	read := func(t *testing.T, q string, args ...any) []string {
		t.Helper()
		rows, err := d.Query(ctx, q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			got = append(got, n)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return got
	}
	for i, col := range cols {
		t.Run(col, func(t *testing.T) {
			table := fmt.Sprintf("coll_names_%d", i)
			if _, err := d.Exec(ctx, `CREATE TABLE `+table+` (id BIGINT PRIMARY KEY, name `+col+` NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			// Written in reverse byte order, so neither id nor insertion
			// order gives the answer.
			dbtest.Insert(t, d, `INSERT INTO `+table+` (id, name) VALUES `, `(?, ?)`, len(want), func(_ *db.Tx, j int) []any {
				return []any{j + 1, want[len(want)-1-j]}
			})
			if got := read(t, `SELECT name FROM `+table+` ORDER BY `+db.PinyinOrder("name")+`, id`); !slices.Equal(got, want) {
				t.Errorf("ORDER BY pinyin(name)\n got %q\nwant %q", got, want)
			}
			// Descending, and paged, the same order read backwards.
			var got []string
			for off := 0; off < len(want); off += 4 {
				got = append(got, read(t, `SELECT name FROM `+table+` ORDER BY pinyin(name) DESC, id DESC LIMIT ? OFFSET ?`, 4, off)...)
			}
			if slices.Reverse(got); !slices.Equal(got, want) {
				t.Errorf("ORDER BY pinyin(name) DESC, paged, reversed\n got %q\nwant %q", got, want)
			}
			var coll string
			if err := d.QueryRow(ctx, `SELECT pg_collation_for(pinyin(name)) FROM `+table+` LIMIT 1`).Scan(&coll); err != nil || coll != `"C"` {
				t.Errorf("pinyin(name)'s collation %s, %v; want \"C\"", coll, err)
			}
			if col != "TEXT" {
				if got := read(t, `SELECT name FROM `+table+` ORDER BY pinyin(name) COLLATE "und-x-icu", id`); slices.Equal(got, want) {
					t.Errorf("the names come in byte order in ICU's collation too: the test proves nothing\n%q", got)
				}
			}
		})
	}
}

// TestPinyinLooksUp: pinyin() on PostgreSQL finds each character through
// pinyin_chars' index. The function's variables take its argument's
// collation ("C") unless they name one, and a lookup of c in a collation
// other than its index's scans the table: keying the 44,000-odd characters
// of the table one by one took 65 s so, 0.8 s through the index. The bound
// is loose, for a loaded machine.
func TestPinyinLooksUp(t *testing.T) {
	ctx := context.Background()
	d := dbtest.OpenPostgres(t)
	began := time.Now()
	var n int
	if err := d.QueryRow(ctx, `SELECT COUNT(pinyin(c)) FROM pinyin_chars`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(began); n < 40_000 || took > 20*time.Second {
		t.Errorf("pinyin() of %d characters took %v: not through the index?", n, took)
	}
}

// BenchmarkPinyinSort sorts 20,000 names by pinyin(name) with no index (a
// list small enough to keep calling pinyin() per row) and reads page 1, on
// both databases: on PostgreSQL what the key's collation costs, the
// database's own (C.UTF-8 on the test server, compared by strcoll) before
// core migration 004, "C" (memcmp) after it.
func BenchmarkPinyinSort(b *testing.B) {
	ctx := context.Background()
	const n = 20_000
	names := benchNames(n)
	dbtest.Bench(b, nil, func(b *testing.B, d *db.DB) {
		if _, err := d.Exec(ctx, `CREATE TABLE bench_sort (id BIGINT PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
			b.Fatal(err)
		}
		dbtest.Insert(b, d, `INSERT INTO bench_sort (id, name) VALUES `, `(?, ?)`, n, func(_ *db.Tx, j int) []any {
			return []any{j + 1, names[j]}
		})
		dbtest.Analyze(b, d)
		for b.Loop() {
			rows, err := d.Query(ctx, `SELECT id, name FROM bench_sort ORDER BY `+db.PinyinOrder("name")+`, id LIMIT 50`)
			if err != nil {
				b.Fatal(err)
			}
			k := 0
			for rows.Next() {
				k++
			}
			if err := rows.Close(); err != nil || k != 50 {
				b.Fatalf("read %d rows: %v", k, err)
			}
		}
	})
}
