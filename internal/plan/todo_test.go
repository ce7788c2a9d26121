package plan

import (
	"context"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
)

// What waits for staff: entries to review, in the plan's subtree, never one
// the viewer filed; targets due this quarter, in the unit's subtree; a peer
// city and the zero Scope see nothing.
func TestTodoCounts(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, trackSets, func(t *testing.T, d *db.DB) {
		e := newTrack(t, d)
		edu, err := e.orgs.Create(ctx, org.Input{ParentID: e.city.ID, Code: "PZH-EDU", Name: "市教育体育局", Type: org.TypeGovDept})
		if err != nil {
			t.Fatal(err)
		}
		e.reload(t)
		lit := e.indicator(t, "科学素质")
		if err := e.store.Assign(ctx, e.planID, lit.ID, edu.ID); err != nil {
			t.Fatal(err)
		}
		if err := e.store.Publish(ctx, e.planID); err != nil {
			t.Fatal(err)
		}
		unit, city, peer := access.Subtrees(edu.Path), access.Subtrees(e.city.Path), access.Subtrees(e.peer.Path)
		if n, err := e.store.DueTasks(ctx, unit); err != nil || n != 1 {
			t.Errorf("due before filing: %d, %v; want 1", n, err)
		}
		// The count is the tasks page's: the tasks it marks due now.
		tasks, _ := e.store.Tasks(ctx, unit, 100)
		if len(tasks) != 1 || !tasks[0].DueNow {
			t.Errorf("tasks page before filing: %+v", tasks)
		}
		if _, err := e.store.File(ctx, ProgressInput{PlanID: e.planID, IndicatorID: lit.ID, Year: "2019", Quarter: "1", Value: "5.1",
			Narrative: "全市抽样调查", UserID: 7, Scope: unit}); err != nil {
			t.Fatal(err)
		}
		if n, err := e.store.DueTasks(ctx, unit); err != nil || n != 0 {
			t.Errorf("due after filing this quarter: %d, %v; want 0", n, err)
		}
		if tasks, _ := e.store.Tasks(ctx, unit, 100); len(tasks) != 1 || tasks[0].DueNow {
			t.Errorf("tasks page after filing: %+v", tasks)
		}
		got, err := e.store.PendingReviews(ctx, city, 8, 5)
		if err != nil || len(got) != 1 || got[0].PlanID != e.planID || got[0].Count != 1 || got[0].Title == "" {
			t.Errorf("pending for a reviewer: %+v, %v", got, err)
		}
		if got, _ := e.store.PendingReviews(ctx, city, 7, 5); len(got) != 0 {
			t.Errorf("the filer is asked to review their own entry: %+v", got)
		}
		for name, sc := range map[string]access.Scope{"peer city": peer, "zero scope": {}} {
			if got, err := e.store.PendingReviews(ctx, sc, 8, 5); err != nil || len(got) != 0 {
				t.Errorf("%s: pending %+v, %v", name, got, err)
			}
			if n, err := e.store.DueTasks(ctx, sc); err != nil || n != 0 {
				t.Errorf("%s: due %d, %v", name, n, err)
			}
		}
	})
}
