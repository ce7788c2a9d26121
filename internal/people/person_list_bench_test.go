package people_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// BenchmarkListByName reads page 1 and a deep page (offset 99,000) of the
// people list sorted by name over 100,000 people of one city, on both
// databases — the list as a user pages it (its scope, its count).
func BenchmarkListByName(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	sur := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建文波宁欣怡子涵梓轩浩宇晨璟琮婧翀")
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		r := rand.New(rand.NewPCG(53, 53))
		dbtest.Insert(b, d, `INSERT INTO people (id, org_id, name, created_at, updated_at) VALUES `, `(?, ?, ?, 0, 0)`, n,
			func(tx *db.Tx, _ int) []any {
				var s strings.Builder
				s.WriteRune(sur[r.IntN(len(sur))])
				for k := 1 + r.IntN(2); k > 0; k-- {
					s.WriteRune(given[r.IntN(len(given))])
				}
				return []any{tx.NewID(), f.city.ID, s.String()}
			})
		dbtest.Analyze(b, d)
		for _, page := range []struct {
			name   string
			offset int
		}{{"page1", 0}, {"deep", 99_000}} {
			b.Run(page.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := f.s.List(ctx, people.Filter{Scope: access.Subtrees(f.city.Path), Sort: "name", Limit: 50, Offset: page.offset})
					if err != nil || len(list) != 50 || total != n {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
