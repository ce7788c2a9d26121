package volunteer_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

// BenchmarkVolunteerList reads page 1 of the volunteer list over 100,000
// volunteers of one city, on both databases, by name and by hours served,
// as a user pages it (the city's scope, its count).
func BenchmarkVolunteerList(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	sur := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建文波宁欣怡子涵梓轩浩宇晨璟琮婧翀")
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		r := rand.New(rand.NewPCG(54, 54))
		dbtest.Insert(b, d, `INSERT INTO volunteers (id, org_id, name, id_sealed, id_index, minutes, created_at, updated_at) VALUES `,
			`(?, ?, ?, 'x', ?, ?, 0, 0)`, n, func(tx *db.Tx, j int) []any {
				var s strings.Builder
				s.WriteRune(sur[r.IntN(len(sur))])
				for k := 1 + r.IntN(2); k > 0; k-- {
					s.WriteRune(given[r.IntN(len(given))])
				}
				return []any{tx.NewID(), f.city.ID, s.String(), fmt.Sprintf("i%06d", j), r.IntN(60 * 200)}
			})
		dbtest.Analyze(b, d)
		for _, bc := range []struct {
			name string
			f    volunteer.Filter
		}{
			{"name", volunteer.Filter{Sort: "name"}},
			{"hours", volunteer.Filter{Sort: "hours", Desc: true}},
		} {
			b.Run(bc.name, func(b *testing.B) {
				bc.f.Scope, bc.f.Limit = access.Subtrees(f.city.Path), 50
				for b.Loop() {
					list, total, err := f.s.Volunteers(ctx, bc.f)
					if err != nil || len(list) != 50 || total != n {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
