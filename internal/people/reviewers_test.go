package people_test

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// The review engine reads pools and memberships through these, never the tables.
func TestPoolReviewersAndMemberships(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		a, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "张伟", Employer: "攀枝花学院"})
		if err != nil {
			t.Fatal(err)
		}
		pool, _ := f.s.CreatePool(ctx, f.city.ID, "青年科技奖评审专家库", "")
		if _, err := f.s.AddToPool(ctx, pool.ID, []int64{a.ID}); err != nil {
			t.Fatal(err)
		}
		rs, err := f.s.PoolReviewers(ctx, pool.ID)
		if err != nil || len(rs) != 1 || rs[0].PersonID != a.ID || rs[0].Employer != "攀枝花学院" || rs[0].OrgPath != f.city.Path || rs[0].UserID != 0 {
			t.Fatalf("reviewers %+v %v", rs, err)
		}
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: a.ID, OrgID: f.peer.ID, Grade: "member", Status: "active"}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: a.ID, OrgID: f.city.ID, Grade: "member", Status: "lapsed"}); err != nil {
			t.Fatal(err)
		}
		ms, err := f.s.ActiveMemberships(ctx, a.ID)
		if err != nil || len(ms) != 1 || ms[0] != f.peer.Path {
			t.Errorf("memberships %v %v", ms, err)
		}
	})
}
