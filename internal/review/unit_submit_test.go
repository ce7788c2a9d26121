package review_test

import (
	"context"
	"testing"
	"time"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/review"
)

// A society applies as a unit: once, only to a call for units, only from
// inside the call's subtree, with the form's required answers.
func TestSubmitUnit(t *testing.T) {
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		ctx := context.Background()
		mk := func(kind string) review.Call {
			c, err := f.s.CreateCall(ctx, review.CallInput{OrgID: f.city.ID, Title: "学会等级评估", Kind: "grading", ApplicantKind: kind,
				OpensAt: f.now.Add(-time.Hour), ClosesAt: f.now.Add(24 * time.Hour),
				Form:   review.Schema{Fields: []review.Field{{Key: "self_score", Label: "自评总分", Type: review.Number, Required: true}}},
				Stages: []review.StageInput{{Kind: review.StageReview, Name: "专家评分", PerApp: 1, Rubric: []review.Criterion{{Key: "a", Label: "总体", Weight: 1, Max: 100}}}},
			}, 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.s.Publish(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
			return c
		}
		units, people := mk(review.Unit), mk(review.Individual)
		in := review.UnitSubmission{CallID: units.ID, OrgID: f.soc.ID, UserID: 77, Answers: review.Answers{"self_score": {S: "86"}}}
		if _, err := f.s.SubmitUnit(ctx, review.UnitSubmission{CallID: units.ID, OrgID: f.soc.ID, UserID: 77}); fieldKey(err) != "f.self_score:review.err.required" {
			t.Errorf("without the required answer: %v", fieldKey(err))
		}
		a, err := f.s.SubmitUnit(ctx, in)
		if err != nil || a.OrgID != f.soc.ID || a.PersonID != 0 || a.Status != review.AppInStage || a.StageSeq != 1 || a.Name != f.soc.Name {
			t.Fatalf("unit application %+v %v", a, err)
		}
		if _, err := f.s.SubmitUnit(ctx, in); fieldKey(err) != "form:review.err.already_submitted" {
			t.Errorf("twice: %v", err)
		}
		if _, err := f.s.SubmitUnit(ctx, review.UnitSubmission{CallID: people.ID, OrgID: f.soc.ID, UserID: 78, Answers: in.Answers}); fieldKey(err) != "call_id:review.err.applicant_kind" {
			t.Errorf("a call for individuals: %v", err)
		}
		if _, err := f.s.SubmitUnit(ctx, review.UnitSubmission{CallID: units.ID, OrgID: f.peer.ID, UserID: 79, Answers: in.Answers}); fieldKey(err) != "eligibility:review.elig.outside" {
			t.Errorf("an org outside the call's subtree: %v", err)
		}
	})
}
