package db_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// numberNames are names holding numbers in the order a reader expects:
// by value (第2届 before 第10届), full-width digits as ASCII ones, leading
// zeros not counted (0100, 100 and １００ tie, the name then orders them), a
// number before a letter or a Han character, the longest numbers too.
var numberNames = []string{
	"0", "1号", "２号", "9号", "10号", "12号楼", "0100号", "100号", "１００号", "999999999号", "1000000000号", "12345678901234567890号",
	"Ａ1", "A2", "a10", "第1届", "第2届", "第9届", "第10届", "第10届 2号", "第10届2号", "第11届", "第100届", "第2025年度",
}

// TestPinyinNumbers: runs of digits compare by value in PinyinKey and in
// pinyin() on both databases — the same keys, the order above, also read
// three rows a page.
func TestPinyinNumbers(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct{ name, want string }{
		{"第10届", "di4210jie4 第10届"},
		{"007", "17 007"},
		{"000", "10 000"},
		{"1234567890", ":101234567890 1234567890"},
		{"１２", "212 １２"},
		{"2a3", "12a013 2a3"},
	} {
		if got := db.PinyinKey(c.name); got != c.want {
			t.Errorf("PinyinKey(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	long := strings.Repeat("9", 120) // more than 99 digits: the count says 99
	if got := db.PinyinKey(long); !strings.HasPrefix(got, ":99"+long) {
		t.Errorf("PinyinKey(120 nines) = %q…", got[:10])
	}
	byKey := slices.Clone(numberNames)
	slices.SortFunc(byKey, func(a, b string) int { return strings.Compare(db.PinyinKey(a), db.PinyinKey(b)) })
	if !slices.Equal(byKey, numberNames) {
		t.Errorf("PinyinKey order\n got %q\nwant %q", byKey, numberNames)
	}
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		shuffled := append(slices.Clone(numberNames), long)
		rand.New(rand.NewPCG(5, 5)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		createNames(t, d, shuffled)
		rows, err := d.Query(ctx, `SELECT name, pinyin(name) FROM pinyin_names`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name, key string
			if err := rows.Scan(&name, &key); err != nil {
				t.Fatal(err)
			}
			if want := db.PinyinKey(name); key != want {
				t.Errorf("pinyin(%q) = %q, PinyinKey %q", name, key, want)
			}
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		got := namesInPinyinOrder(t, d, len(shuffled))
		if want := append(slices.Clone(numberNames[:12]), append([]string{long}, numberNames[12:]...)...); !slices.Equal(got, want) {
			t.Errorf("order\n got %q\nwant %q", got, want)
		}
	})
}

// BenchmarkPinyinKey keys 10,000 names, one in ten with a number in it
// (第N届…, N号楼), in Go (what SQLite's pinyin() runs).
func BenchmarkPinyinKey(b *testing.B) {
	names := benchNames(10_000)
	for i := 0; i < len(names); i += 10 {
		names[i] = names[i] + "第" + strconv.Itoa(i) + "届"
	}
	for b.Loop() {
		for _, n := range names {
			db.PinyinKey(n)
		}
	}
}

// BenchmarkRecomputeKeys is what a module's recomputing migration (the
// numbers' order) costs over 100,000 kept keys, one in ten of them
// changed: UPDATE … SET name_key = pinyin(name) WHERE name_key <>
// pinyin(name), on both databases.
func BenchmarkRecomputeKeys(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	names := benchNames(n)
	dbtest.Bench(b, nil, func(b *testing.B, d *db.DB) {
		if _, err := d.Exec(ctx, `CREATE TABLE bench_keys (id BIGINT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL)`); err != nil {
			b.Fatal(err)
		}
		dbtest.Insert(b, d, `INSERT INTO bench_keys (id, name, name_key) VALUES `, `(?, ?, ?)`, n, func(_ *db.Tx, j int) []any {
			return []any{j + 1, names[j], db.PinyinKey(names[j])}
		})
		dbtest.Analyze(b, d)
		for b.Loop() {
			b.StopTimer()
			if _, err := d.Exec(ctx, `UPDATE bench_keys SET name_key = 'old' WHERE id % 10 = 0`); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			res, err := d.Exec(ctx, `UPDATE bench_keys SET name_key = pinyin(name) WHERE name_key <> pinyin(name)`)
			if err != nil {
				b.Fatal(err)
			}
			if k, _ := res.RowsAffected(); k != n/10 {
				b.Fatalf("%d keys recomputed, want %d", k, n/10)
			}
		}
	})
}
