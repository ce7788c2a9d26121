package society

import (
	"context"
	"time"

	"kexie/internal/access"
	"kexie/internal/valid"
)

// GradingResult is what the review engine says of a society's application
// in a grading call: its score (the stage's aggregate, e.g. a trimmed
// weighted mean), and whether the call's result is final (公示 over,
// objections handled) with the application selected.
type GradingResult struct {
	AppID    int64
	Score    float64
	Final    bool
	Selected bool
}

// Grading reads a grading call's result for a society from the review
// engine; app wires it to package review. It returns a *NotFoundError when
// the society has no application in the call.
type Grading interface {
	Result(ctx context.Context, callID, orgID int64, scope access.Scope) (GradingResult, error)
	// Submit enters the society's self-assessment in a grading call as a
	// unit application filed by userID.
	Submit(ctx context.Context, callID, orgID, userID int64, a Assessment) (int64, error)
	// Calls lists the grading calls a society at orgPath may be entered
	// in (open now, the society eligible), or, when final, the published
	// calls in scope a grade may be recorded from (AwardFromReview refuses
	// one not yet final, saying so) — what the office picks from instead
	// of typing a call's number.
	Calls(ctx context.Context, orgPath string, final bool, scope access.Scope) ([]GradingCall, error)
}

// GradingCall is a grading call as a picker shows it.
type GradingCall struct {
	ID      int64
	Title   string
	OrgName string
	Closes  time.Time
}

// AwardFromReview records the grade a society earned in grading call
// callID, at the score the experts gave it, once the call is final; the
// grade holds from on (zero: today).
func (s *Store) AwardFromReview(ctx context.Context, orgID, callID int64, scope access.Scope, on time.Time) (Grade, error) {
	if s.cfg.Grading == nil || callID == 0 {
		return Grade{}, valid.New("call_id", "society.err.call")
	}
	res, err := s.cfg.Grading.Result(ctx, callID, orgID, scope)
	if err != nil {
		if _, ok := err.(*NotFoundError); ok {
			return Grade{}, valid.New("call_id", "society.err.call")
		}
		return Grade{}, err
	}
	if !res.Final || !res.Selected {
		return Grade{}, valid.New("call_id", "society.err.call_not_final")
	}
	if on.IsZero() {
		on = s.db.Now()
	}
	return s.AwardGrade(ctx, orgID, res.Score, s.dayOf(on), callID, res.AppID)
}

// SubmitAssessment enters a submitted self-assessment in a grading call.
func (s *Store) SubmitAssessment(ctx context.Context, orgID int64, year int, callID, userID int64) (int64, error) {
	if s.cfg.Grading == nil || callID == 0 {
		return 0, valid.New("call_id", "society.err.call")
	}
	a, err := s.GetAssessment(ctx, orgID, year)
	if err != nil {
		return 0, err
	}
	if a.Status != "submitted" {
		return 0, valid.New("form", "society.err.assessment_draft")
	}
	id, err := s.cfg.Grading.Submit(ctx, callID, orgID, userID, a)
	if err != nil {
		return 0, err
	}
	_, err = s.db.Exec(ctx, `UPDATE society_assessments SET review_app_id = ? WHERE org_id = ? AND year = ?`, id, orgID, year)
	return id, err
}
