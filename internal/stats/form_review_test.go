package stats_test

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/stats"
)

// Whoever filed a form's figures — saved or submitted any revision of it —
// never approves, returns nor reopens it (D249.4, D249.5): a city clerk who
// holds stats.fill over a county and stats.review at the city, and filed
// the county's approved form, could reopen it (taking it out of every
// summary); after a correction another colleague submitted, they could
// approve the form that still held their own figures. The 待办 count
// leaves those forms out too.
func TestNoStepOnOwnFigures(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		year := 2026
		clerk := stats.Actor{UserID: 300, Name: "王兼任"}
		_, err := f.s.Submit(ctx, f.county.ID, year, full(), clerk)
		must(t, err)
		must(t, f.s.Approve(ctx, f.county.ID, year, reviewer))
		wantCode(t, f.s.Reopen(ctx, f.county.ID, year, "我自己重开更正", clerk), "stats.err.own")
		must(t, f.s.Reopen(ctx, f.county.ID, year, "会员数统计口径更正", reviewer))
		in := full()
		in.Raw["F09"] = "19"
		_, err = f.s.Submit(ctx, f.county.ID, year, in, filer)
		must(t, err)
		city := access.Subtrees(f.city.Path)
		if n, err := f.s.ToReview(ctx, city, clerk.UserID); err != nil || n != 0 {
			t.Errorf("the clerk's 待办: %d %v, want 0 (they filed the form's first revision)", n, err)
		}
		if n, err := f.s.ToReview(ctx, city, reviewer.UserID); err != nil || n != 1 {
			t.Errorf("the reviewer's 待办: %d %v, want 1", n, err)
		}
		wantCode(t, f.s.Approve(ctx, f.county.ID, year, clerk), "stats.err.own")
		wantCode(t, f.s.Return(ctx, f.county.ID, year, "数据有误", clerk), "stats.err.own")
		must(t, f.s.Approve(ctx, f.county.ID, year, reviewer))
	})
}
