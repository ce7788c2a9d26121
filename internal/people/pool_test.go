package people_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

func TestPools(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		a, _ := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", Expertise: "人工智能"})
		b, _ := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王芳", Expertise: "人工智能"})
		pool, err := f.s.CreatePool(ctx, f.city.ID, "2027年度科技奖评审专家库", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.CreatePool(ctx, f.city.ID, "2027年度科技奖评审专家库", ""); fieldKey(err) != "name:people.err.pool_taken" {
			t.Errorf("duplicate pool: %v", err)
		}
		if _, err := f.s.CreatePool(ctx, f.peer.ID, "2027年度科技奖评审专家库", ""); err != nil {
			t.Errorf("same name in another org: %v", err)
		}
		res, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "人工智能"})
		var ids []int64
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if n, err := f.s.AddToPool(ctx, pool.ID, ids); err != nil || n != 2 {
			t.Fatalf("added %d, %v", n, err)
		}
		if n, _ := f.s.AddToPool(ctx, pool.ID, []int64{a.ID, b.ID}); n != 0 {
			t.Errorf("re-adding added %d", n)
		}
		members, total, _ := f.s.PoolMembers(ctx, pool.ID, 10, 0)
		if total != 2 || len(members) != 2 {
			t.Errorf("members %d", total)
		}
		if pools, _ := f.s.Pools(ctx, access.Subtrees(f.peer.Path)); len(pools) != 1 || pools[0].Members != 0 {
			t.Errorf("peer pools: %+v", pools)
		}
	})
}
