package plan

import (
	"context"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/valid"
)

func TestEvaluation(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newTrack(t, d)
		_, err := e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		wantKey(t, err, "plan.err.not_published")
		if err := e.store.Publish(ctx, e.planID); err != nil {
			t.Fatal(err)
		}
		_, err = e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		wantKey(t, err, "plan.err.eval_no_units")
		names, _ := e.store.UnitNames(ctx, e.planID)
		var choices []UnitChoice
		for _, n := range names {
			choices = append(choices, UnitChoice{Name: n.Name, New: true})
		}
		if _, err := e.store.LinkUnits(ctx, e.planID, choices); err != nil {
			t.Fatal(err)
		}
		eid, err := e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.store.CreateEvaluation(ctx, e.planID, "midterm", "2018", 0)
		wantKey(t, err, "plan.err.eval_exists")
		e.reload(t)
		ev, err := e.store.Evaluation(ctx, e.plan, eid)
		if err != nil || len(ev.Rows) < 20 || len(ev.Rows) > 80 {
			t.Fatalf("evaluation rows %d %v", len(ev.Rows), err)
		}
		if ev.Rows[0].SectionPath != "三/(一)" || ev.Rows[0].Role != "lead" {
			t.Errorf("first row %+v", ev.Rows[0])
		}
		if last := ev.Rows[len(ev.Rows)-1]; last.SectionPath != CooperationRow || last.Role != "cooperate" {
			t.Errorf("last row %+v, want a unit's cooperation row", last)
		}
		// One bad score rejects the sheet; nothing is saved.
		in := []ScoreInput{{RowID: ev.Rows[0].ID, Score: "90"}, {RowID: ev.Rows[1].ID, Score: "120"}}
		err = e.store.SaveScores(ctx, e.planID, eid, in, 0)
		if list, ok := valid.As(err); !ok || list[0].Field != "score_"+itoa(ev.Rows[1].ID) {
			t.Fatalf("bad score: %v", err)
		}
		ev, _ = e.store.Evaluation(ctx, e.plan, eid)
		if ev.Rows[0].Score != nil {
			t.Error("a rejected sheet saved a score")
		}
		// Scores rank the units by their average.
		score := map[string]string{}
		in = nil
		for _, r := range ev.Rows {
			v := "80"
			switch r.OrgName {
			case "市科协":
				v = "95"
			case "团市委":
				v = "60"
			}
			score[r.OrgName] = v
			in = append(in, ScoreInput{RowID: r.ID, Score: v, Comments: "按时完成"})
		}
		if err := e.store.SaveScores(ctx, e.planID, eid, in, 0); err != nil {
			t.Fatal(err)
		}
		ev, _ = e.store.Evaluation(ctx, e.plan, eid)
		totals := ev.Totals()
		if totals[0].OrgName != "市科协" || totals[0].Average != 95 || totals[0].Rank != 1 {
			t.Errorf("first: %+v", totals[0])
		}
		if last := totals[len(totals)-1]; last.OrgName != "团市委" || last.Average != 60 {
			t.Errorf("last: %+v", last)
		}
		// Equal averages are ordered by total; only equal on both share a rank.
		for i := 1; i < len(totals); i++ {
			a, b := totals[i-1], totals[i]
			same := a.Average == b.Average && a.Total == b.Total
			if a.Average < b.Average || (a.Average == b.Average && a.Total < b.Total) || (same != (a.Rank == b.Rank)) {
				t.Errorf("ranking %d/%d: %+v then %+v", i, i+1, a, b)
			}
		}
	})
}
