package review

import (
	"context"
	"fmt"
	"kexie/internal/audit"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Submit hands in the user's application: before the deadline, once, with
// answers valid against the call's current form and every eligibility rule
// met. A refused submission changes nothing (the draft stays as saved).
// With 推荐 it goes to the recommending unit; otherwise to the first stage
// (or, when it was returned for changes, back to the stage that returned it).
func (s *Store) Submit(ctx context.Context, appID, userID int64) (Application, error) {
	return s.submit(ctx, appID, userID, access.Scope{})
}

// SubmitUnit is Submit for a unit's application: the user acts for units
// in scope (where they hold "review.unit"), and any staff of the unit may
// hand it in, whoever began it.
func (s *Store) SubmitUnit(ctx context.Context, appID, userID int64, scope access.Scope) (Application, error) {
	return s.submit(ctx, appID, userID, scope)
}

func (s *Store) submit(ctx context.Context, appID, userID int64, scope access.Scope) (Application, error) {
	var out Application
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOf(ctx, tx, "review_applications", appID); err != nil {
			return err
		}
		a, err := getApp(ctx, tx, appID)
		if err != nil {
			return err
		}
		if (a.ByUnit() && !scope.Contains(a.OrgPath)) || (!a.ByUnit() && a.UserID != userID) || userID == 0 {
			return &NotFoundError{"application", appID}
		}
		c, err := getCall(ctx, tx, a.CallID)
		if err != nil {
			return err
		}
		if a.Status != AppDraft && a.Status != AppReturned {
			return valid.New("form", "review.err.already_submitted")
		}
		if !c.Accepting(tx.Now) && !(a.Status == AppReturned && c.Status != CallFinal) {
			return valid.New("form", "review.err.closed")
		}
		sc, version, err := form(ctx, tx, c.ID, 0)
		if err != nil {
			return err
		}
		errs := sc.Validate(a.Answers)
		if c.Recommend && a.RecommenderID == 0 {
			errs.Add("recommender_id", "review.err.recommender")
		}
		if len(errs) > 0 {
			return errs
		}
		who, err := s.applicant(ctx, tx, c, userID, a.UnitID, scope)
		if err != nil {
			return err
		}
		if !c.Admits(who.OrgPath) {
			return valid.New("eligibility", "review.elig.outside")
		}
		if c.ParentAppID != 0 && c.Kind == "milestone" {
			parent, err := getApp(ctx, tx, c.ParentAppID)
			if err != nil {
				return err
			}
			if (a.ByUnit() && parent.UnitID != a.UnitID) || (!a.ByUnit() && parent.UserID != userID) {
				return valid.New("eligibility", "review.elig.project")
			}
		}
		bad, err := Eligible(c.Rules, who, tx.Now, func(kind string, years int) (bool, error) {
			return awardedWithin(ctx, tx, a, kind, years)
		})
		if err != nil {
			return err
		}
		if len(bad) > 0 {
			return bad
		}
		status, seq := AppInStage, a.StageSeq
		if seq == 0 {
			seq = 1
			if c.Recommend {
				status, seq = AppRecommending, 0
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE review_applications SET status = ?, stage_seq = ?, form_version = ?, submitted_at = ?,
			name = ?, employer = ?, discipline = ?, updated_at = ? WHERE id = ?`, status, seq, version, db.Millis(tx.Now),
			who.Name, who.Employer, who.Discipline, db.Millis(tx.Now), a.ID); err != nil {
			return fmt.Errorf("review: submit %d: %w", a.ID, err)
		}
		if out, err = getApp(ctx, tx, a.ID); err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.submit", Target: target("application", a.ID)},
			map[string]string{"status": a.Status}, map[string]any{"status": status, "stage": seq})
	})
	return out, err
}

// awardedWithin reports whether the applicant of a (the person, or the
// unit) was awarded in a call of kind whose results became final within
// the years before now.
func awardedWithin(ctx context.Context, tx *db.Tx, a Application, kind string, years int) (bool, error) {
	since := tx.Now.AddDate(-years, 0, 0)
	col, id := "a.person_id", a.PersonID
	if a.ByUnit() {
		col, id = "a.unit_id", a.UnitID
	}
	var n int
	err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_applications a JOIN review_calls c ON c.id = a.call_id
		WHERE `+col+` = ? AND a.status = ? AND c.kind = ? AND a.updated_at >= ?`,
		id, AppAwarded, kind, db.Millis(since)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("review: awards of %d: %w", id, err)
	}
	return n > 0, nil
}
