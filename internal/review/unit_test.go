package review_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// TestUnitGrading is 学会等级评估 on the engine, as the societies module
// drives it through the Go API: a call of kind "grading" whose applicants
// are units, a rubric, one expert round, 公示, final results read with
// Results. The application is the unit's: any of its staff edit the draft,
// staff elsewhere cannot, one account fills in for one unit, a unit
// outside the call's subtree is refused, and the unit's path is what
// conflicts read.
func TestUnitGrading(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		var experts []review.Expert
		for i := int64(1); i <= 4; i++ {
			experts = append(experts, review.Expert{PersonID: 200 + i, UserID: 300 + i, Name: "专家" + strconv.FormatInt(i, 10),
				Employer: "单位" + strconv.FormatInt(i, 10)})
		}
		experts[0].Employer = "攀枝花市金属学会" // works at the 学会: never grades it
		f.p.pools[5] = experts
		grading := []review.StageInput{
			{Kind: review.StageReview, Name: "专家评估", PerApp: 2, PoolID: 5, Method: review.Mean,
				Rubric: []review.Criterion{{Key: "governance", Label: "组织建设", Weight: 0.4, Max: 40}, {Key: "service", Label: "服务能力", Weight: 0.6, Max: 60}}},
			{Kind: review.StagePublicity, Name: "公示"},
			{Kind: review.StageResult, Name: "评定结果"},
		}
		in := review.CallInput{OrgID: f.city.ID, Title: "2026年度市级学会等级评估", Kind: "grading", ApplicantKind: review.Unit,
			Rules:   []review.Rule{{Kind: review.RuleMaxAge, N: 40, On: "2026-12-31"}},
			OpensAt: f.now.Add(-time.Hour), ClosesAt: f.now.Add(20 * 24 * time.Hour),
			Form:   review.Schema{Fields: []review.Field{{Key: "report", Label: "自评报告", Type: review.LongText, Required: true}}},
			Stages: grading}
		if _, err := f.s.CreateCall(ctx, in, 1); fieldKey(err) != "rules:review.err.rule_unit" {
			t.Errorf("a person's rule on a unit call: %v", err)
		}
		in.Rules = nil
		c, err := f.s.CreateCall(ctx, in, 1)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.s.Publish(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		socStaff, ctyStaff := access.Subtrees(f.soc.Path), access.Subtrees(f.cty.Path)
		report := review.Answers{"report": {S: "学会组织健全，年度开展学术活动十二场。"}}
		if _, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 21, Answers: report, Scope: socStaff}); fieldKey(err) != "unit_id:review.err.unit" {
			t.Errorf("no unit: %v", err)
		}
		if _, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 31, UnitID: f.soc.ID, Answers: report, Scope: ctyStaff}); fieldKey(err) != "unit_id:review.err.unit_scope" {
			t.Errorf("the county's staff filled in for the 学会: %v", err)
		}
		// Staff member 21 of the 学会 begins; 22, also its staff, finishes and submits.
		a, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 21, UnitID: f.soc.ID, Title: "金属学会自评", Scope: socStaff})
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 22, UnitID: f.soc.ID, Title: "金属学会自评", Answers: report, Scope: socStaff})
		if err != nil || b.ID != a.ID || b.UserID != 21 || b.UnitID != f.soc.ID || b.OrgID != f.soc.ID {
			t.Fatalf("a second staff member's save: %+v %v", b, err)
		}
		if _, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 21, UnitID: f.cty.ID, Answers: report, Scope: access.Subtrees(f.city.Path)}); fieldKey(err) != "unit_id:review.err.one_unit" {
			t.Errorf("one account for two units: %v", err)
		}
		if _, err := f.s.SubmitUnit(ctx, a.ID, 31, ctyStaff); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another unit's staff submitted: %v", err)
		}
		if a, err = f.s.SubmitUnit(ctx, a.ID, 22, socStaff); err != nil || a.Status != review.AppInStage || a.Name != "攀枝花市金属学会" {
			t.Fatalf("submit: %+v %v", a, err)
		}
		ct, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 31, UnitID: f.cty.ID, Title: "米易县科协自评", Answers: report, Scope: ctyStaff})
		if err != nil {
			t.Fatal(err)
		}
		if ct, err = f.s.SubmitUnit(ctx, ct.ID, 31, ctyStaff); err != nil {
			t.Fatal(err)
		}
		// A unit outside the owner's subtree is not eligible.
		peerStaff := access.Subtrees(f.peer.Path)
		pa, err := f.s.SaveDraft(ctx, review.Draft{CallID: c.ID, UserID: 41, UnitID: f.peer.ID, Answers: report, Scope: peerStaff})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.SubmitUnit(ctx, pa.ID, 41, peerStaff); fieldKey(err) != "eligibility:review.elig.outside" {
			t.Errorf("a unit outside the city: %v", err)
		}
		mine, _, err := f.s.MyApplications(ctx, 22, socStaff)
		if err != nil || len(mine) != 1 || mine[0].ID != a.ID {
			t.Errorf("the 学会's applications for its other staff member: %+v %v", mine, err)
		}

		owner := staffScope(f.city)
		stages, _ := f.s.Stages(ctx, c.ID)
		plan, err := f.s.AssignStage(ctx, stages[0].ID, owner, 60, 7)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range plan.Experts[a.ID] {
			if e == 201 {
				t.Error("an expert of the 学会 grades it")
			}
		}
		all, _ := f.s.StageAssignments(ctx, stages[0].ID, owner)
		for _, g := range all {
			v := map[int64]float64{a.ID: 36, ct.ID: 30}[g.AppID]
			if _, err := f.s.SaveScore(ctx, g.ID, g.UserID, map[string]float64{"governance": v, "service": v * 1.5}, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.Select(ctx, stages[0].ID, owner, 21, 1, 0); fieldKey(err) != "form:review.err.own" {
			t.Errorf("the 学会's filer decided: %v", err)
		}
		if err := f.s.Select(ctx, stages[0].ID, owner, 60, 1, 0); err != nil {
			t.Fatal(err)
		}
		if err := f.s.StartPublicity(ctx, c.ID, owner); err != nil {
			t.Fatal(err)
		}
		f.advance(15 * 24 * time.Hour)
		if err := f.s.Finalize(ctx, c.ID, owner); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.Results(ctx, c.ID, peerStaff); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("another city read the results: %v", err)
		}
		res, err := f.s.Results(ctx, c.ID, owner)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 2 || res[0].App.UnitID != f.soc.ID || res[0].Rank != 1 || res[0].App.Status != review.AppAwarded || !res[0].Final ||
			res[1].App.UnitID != f.cty.ID || res[1].Rank != 2 || res[1].App.Status != review.AppNotSelected {
			t.Fatalf("results %+v", res)
		}
		if res[0].Score != 46.8 || res[1].Score != 39 { // 36×0.4 + 54×0.6; 30×0.4 + 45×0.6
			t.Errorf("scores %v, %v", res[0].Score, res[1].Score)
		}
	})
}
