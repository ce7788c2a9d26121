package review

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// UnitSubmission is the application of a unit — an org such as a 学会 in
// a grading call — filed for it by one of its staff (UserID). The caller
// has checked that the user may act for the org.
type UnitSubmission struct {
	CallID  int64
	OrgID   int64
	UserID  int64
	Title   string
	Answers Answers
}

// SubmitUnit files a unit's application straight to the call's first
// stage: the call takes unit applicants and is open, the org lies in its
// eligible subtree, the answers fit the form, and a unit applies once.
// The application carries the org as applicant, with no person.
func (s *Store) SubmitUnit(ctx context.Context, in UnitSubmission) (Application, error) {
	var out Application
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		c, err := getCall(ctx, tx, in.CallID)
		if err != nil {
			return err
		}
		if c.ApplicantKind != Unit {
			return valid.New("call_id", "review.err.applicant_kind")
		}
		if !c.Accepting(tx.Now) {
			return valid.New("form", "review.err.closed")
		}
		o, err := lookupOrg(ctx, tx, "org_id", in.OrgID)
		if err != nil {
			return err
		}
		elig := c.EligiblePath
		if elig == "" {
			elig = c.OrgPath
		}
		if !strings.HasPrefix(o.Path, elig) {
			return valid.New("eligibility", "review.elig.outside")
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_applications WHERE call_id = ? AND org_id = ? AND person_id = 0`,
			c.ID, o.ID).Scan(&n); err != nil {
			return fmt.Errorf("review: unit application: %w", err)
		}
		if n > 0 {
			return valid.New("form", "review.err.already_submitted")
		}
		sc, version, err := form(ctx, tx, c.ID, 0)
		if err != nil {
			return err
		}
		answers := in.Answers
		if answers == nil {
			answers = Answers{}
		}
		if errs := sc.Validate(answers); len(errs) > 0 {
			return errs
		}
		id, now := tx.NewID(), db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO review_applications (id, call_id, user_id, person_id, org_id, title, name, form_version,
			answers, status, stage_seq, submitted_at, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
			id, c.ID, in.UserID, o.ID, clean(in.Title), o.Name, version, toJSON(answers), AppInStage, now, now, now); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("form", "review.err.already_submitted")
			}
			return fmt.Errorf("review: unit application: %w", err)
		}
		if out, err = getApp(ctx, tx, id); err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.submit", Target: target("application", id)},
			nil, map[string]any{"status": AppInStage, "stage": 1, "unit": o.Name})
	})
	return out, err
}
