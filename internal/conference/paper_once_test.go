package conference_test

import (
	"context"
	"testing"

	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// A member's paper of one title is submitted once to a conference: ten at
// once (a double click, a resubmitted form) and one later give one paper;
// there was no check, and each click listed another for the organiser.
// Another conference takes the same title.
func TestPaperOnce(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		id := f.open(t, good(f.soc))
		other := f.open(t, good(f.soc))
		paper := func(conf int64) error {
			_, err := f.s.SubmitPaper(ctx, conf, conference.PaperInput{Title: "钒钛磁铁矿综合利用新工艺", Authors: "张会员",
				Abstract: "本文介绍一种钒钛磁铁矿综合利用的新工艺及其工业试验结果。"}, member)
			return err
		}
		atOnce(t, 10, "conference.err.paper_dup", func(int) error { return paper(id) })
		wantCode(t, paper(id), "conference.err.paper_dup")
		must(t, paper(other))
		if n := count(t, d, `SELECT COUNT(*) FROM conference_papers WHERE conf_id = ?`, id); n != 1 {
			t.Errorf("%d papers saved, want 1", n)
		}
	})
}
