package db_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// pinyinNames is a fixed list of org and people names in the order a
// Chinese reader expects: digits, then by pinyin with a Latin word before
// the Han names of its letter, syllable by syllable (西安 xi before 厦门
// xia), tone by tone (黎 lí before 李 lǐ), names' readings of 多音字
// (长沙 cháng, 重庆 chóng, 厦门 xià, 曾 Zēng).
var pinyinNames = []string{
	"123", "ABC", "abc", "安徽", "Beta", "北京", "长沙", "重庆", "黎明", "李明", "上海",
	"王璟", "王静", "西安", "厦门", "Zeta", "曾志", "张三", "中国（北京）", "中国科协",
}

func createNames(t testing.TB, d *db.DB, names []string) {
	t.Helper()
	ctx := context.Background()
	if _, err := d.Exec(ctx, `CREATE TABLE pinyin_names (id BIGINT PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	dbtest.Insert(t, d, `INSERT INTO pinyin_names (id, name) VALUES `, `(?, ?)`, len(names), func(_ *db.Tx, j int) []any {
		return []any{j + 1, names[j]}
	})
}

// TestPinyinOrder: the fixed list comes back in the one expected order on
// both databases, whatever order it was written in, and pages of it by
// LIMIT/OFFSET join up to the same order.
func TestPinyinOrder(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		shuffled := slices.Clone(pinyinNames)
		rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		createNames(t, d, shuffled)
		got := namesInPinyinOrder(t, d, len(pinyinNames))
		if !slices.Equal(got, pinyinNames) {
			t.Errorf("order\n got %q\nwant %q", got, pinyinNames)
		}
	})
}

// TestPinyinKeys: pinyin(name) in the database is PinyinKey(name), for
// every character of the table alone and for names mixing them with what
// the table lacks (emoji, Cyrillic, a character outside the dictionary),
// so SQLite (Go) and PostgreSQL (PL/pgSQL) order any names alike.
func TestPinyinKeys(t *testing.T) {
	ctx := context.Background()
	chars := db.PinyinChars()
	slices.Sort(chars)
	names := []string{"", " ", "a b", "Ａ１", "重庆😀", "Москва", "北京'市", "中国（北京）科协", "\u4dc0", "𠮷野家"}
	for _, r := range chars {
		names = append(names, string(r))
	}
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		createNames(t, d, names)
		rows, err := d.Query(ctx, `SELECT name, pinyin(name) FROM pinyin_names ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n, bad := 0, 0
		for rows.Next() {
			var name, key string
			if err := rows.Scan(&name, &key); err != nil {
				t.Fatal(err)
			}
			n++
			if want := db.PinyinKey(name); key != want && bad < 10 {
				bad++
				t.Errorf("pinyin(%q) = %q, PinyinKey %q", name, key, want)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n != len(names) {
			t.Errorf("read %d names, want %d", n, len(names))
		}
	})
}

// TestPinyinEmptyTable: on PostgreSQL, pinyin() refuses to key a name
// while pinyin_chars is empty (a restore that loads people before it)
// instead of keying it by code point.
func TestPinyinEmptyTable(t *testing.T) {
	ctx := context.Background()
	d := dbtest.OpenPostgres(t)
	if _, err := d.Exec(ctx, `DELETE FROM pinyin_chars`); err != nil {
		t.Fatal(err)
	}
	var k string
	err := d.QueryRow(ctx, `SELECT pinyin('北京')`).Scan(&k)
	if err == nil || !strings.Contains(err.Error(), "pinyin_chars is empty") {
		t.Errorf("pinyin() over an empty table = %q, %v; want the refusal", k, err)
	}
}

func TestPinyinKeyShape(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"重庆", "chong2qing4 重庆"},
		{"Ab 1", "a0b0!11 Ab 1"},
		{"", " "},
		{"😀", "{01f600 😀"},
	} {
		if got := db.PinyinKey(c.name); got != c.want {
			t.Errorf("PinyinKey(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// benchNames makes n people's names from common surnames and given-name
// characters, the same on every run.
func benchNames(n int) []string {
	sur := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建文波宁欣怡子涵梓轩浩宇晨璟琮婧翀")
	r := rand.New(rand.NewPCG(53, 53))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		b.WriteRune(sur[r.IntN(len(sur))])
		for k := 1 + r.IntN(2); k > 0; k-- {
			b.WriteRune(given[r.IntN(len(given))])
		}
		out[i] = b.String()
	}
	return out
}

// BenchmarkPeopleByName reads page 1 and a deep page (offset 99,000) of
// 100,000 people sorted by name: by code point (name, the order before)
// and in pinyin order, by pinyin(name) over an expression index and by a
// generated column name_key = pinyin(name) over an index on it.
func BenchmarkPeopleByName(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	names := benchNames(n)
	dbtest.Bench(b, nil, func(b *testing.B, d *db.DB) {
		for _, q := range []string{
			`CREATE TABLE bench_people (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, name TEXT NOT NULL, deleted_at BIGINT NOT NULL)`,
		} {
			if _, err := d.Exec(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		dbtest.Insert(b, d, `INSERT INTO bench_people (id, org_id, name, deleted_at) VALUES `, `(?, ?, ?, 0)`, n, func(_ *db.Tx, j int) []any {
			return []any{j + 1, j % 97, names[j]}
		})
		stored := "VIRTUAL" // SQLite adds no STORED column to a table
		if d.Dialect() == db.Postgres {
			stored = "STORED"
		}
		for _, q := range []string{
			`CREATE INDEX bench_people_name ON bench_people (name, id)`,
			`CREATE INDEX bench_people_pinyin ON bench_people (pinyin(name), id)`,
			`ALTER TABLE bench_people ADD COLUMN name_key TEXT GENERATED ALWAYS AS (pinyin(name)) ` + stored,
			`CREATE INDEX bench_people_key ON bench_people (name_key, id)`,
		} {
			if _, err := d.Exec(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
		dbtest.Analyze(b, d)
		for _, order := range []struct{ name, expr string }{
			{"codepoint", "name"}, {"pinyin", db.PinyinOrder("name")}, {"key", "name_key"},
		} {
			for _, page := range []struct {
				name   string
				offset int
			}{{"page1", 0}, {"deep", 99_000}} {
				q := `SELECT id, name FROM bench_people WHERE deleted_at = 0 ORDER BY ` + order.expr + `, id LIMIT 50 OFFSET ?`
				b.Run(fmt.Sprintf("%s/%s", order.name, page.name), func(b *testing.B) {
					for b.Loop() {
						rows, err := d.Query(ctx, q, page.offset)
						if err != nil {
							b.Fatal(err)
						}
						k := 0
						for rows.Next() {
							k++
						}
						if err := rows.Close(); err != nil {
							b.Fatal(err)
						}
						if k != 50 {
							b.Fatalf("read %d rows", k)
						}
					}
				})
			}
		}
	})
}

// namesInPinyinOrder reads the n names of table pinyin_names in pinyin
// order, three rows a page by LIMIT/OFFSET, as a list's pages read them.
func namesInPinyinOrder(t *testing.T, d *db.DB, n int) []string {
	t.Helper()
	var got []string
	for off := 0; off < n; off += 3 {
		rows, err := d.Query(context.Background(), `SELECT name FROM pinyin_names ORDER BY `+db.PinyinOrder("name")+`, id LIMIT ? OFFSET ?`, 3, off)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				t.Fatal(err)
			}
			got = append(got, name)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return got
}
