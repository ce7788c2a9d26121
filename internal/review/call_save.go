package review

import (
	"context"
	"fmt"
	"kexie/internal/audit"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// CallInput is what staff enter for a call.
type CallInput struct {
	OrgID         int64
	ParentAppID   int64
	Title         string
	Kind          string
	ApplicantKind string
	EligibleOrgID int64 // 0: the owner's subtree
	Recommend     bool
	Quota         int
	Rules         []Rule
	OpensAt       time.Time
	ClosesAt      time.Time
	ReviewFrom    time.Time
	ReviewTo      time.Time
	PublicityDays int
	Form          Schema
	Stages        []StageInput
}

func (in *CallInput) check() valid.Errors {
	var errs valid.Errors
	in.Title = clean(in.Title)
	if n := utf8.RuneCountInString(in.Title); n == 0 || n > 200 {
		errs.Add("title", "review.err.title")
	}
	if !oneOf(in.Kind, Kinds) {
		errs.Add("kind", "review.err.kind")
	}
	if in.ApplicantKind != Individual && in.ApplicantKind != Unit {
		errs.Add("applicant_kind", "review.err.applicant_kind")
	}
	if in.Quota < 0 || in.Quota > 10000 {
		errs.Add("quota", "review.err.quota")
	}
	if in.OpensAt.IsZero() || in.ClosesAt.IsZero() || !in.OpensAt.Before(in.ClosesAt) {
		errs.Add("closes_at", "review.err.timeline")
	}
	if !in.ReviewFrom.IsZero() && (in.ReviewFrom.Before(in.ClosesAt) || in.ReviewTo.Before(in.ReviewFrom)) {
		errs.Add("review_to", "review.err.review_window")
	}
	if in.PublicityDays == 0 {
		in.PublicityDays = 5
	}
	if in.PublicityDays < 5 || in.PublicityDays > 30 {
		errs.Add("publicity_days", "review.err.publicity_days")
	}
	errs = append(errs, CheckRules(in.Rules)...)
	if in.ApplicantKind == Unit {
		for _, r := range in.Rules {
			if r.Kind == RuleMaxAge || r.Kind == RuleMinTitle || r.Kind == RuleMemberOf {
				errs.Add("rules", "review.err.rule_unit")
				break
			}
		}
	}
	errs = append(errs, in.Form.Check()...)
	errs = append(errs, checkStages(in.Stages)...)
	return errs
}

// CreateCall adds a call in draft with its form at version 1 and its stages.
func (s *Store) CreateCall(ctx context.Context, in CallInput, by int64) (Call, error) {
	if errs := in.check(); len(errs) > 0 {
		return Call{}, errs
	}
	var c Call
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := lookupOrg(ctx, tx, "org_id", in.OrgID)
		if err != nil {
			return err
		}
		elig := o.Path
		if in.EligibleOrgID != 0 {
			e, err := lookupOrg(ctx, tx, "eligible_org_id", in.EligibleOrgID)
			if err != nil {
				return err
			}
			elig = e.Path
		}
		id, now := tx.NewID(), db.Millis(tx.Now)
		rec := 0
		if in.Recommend {
			rec = 1
		}
		_, err = tx.Exec(ctx, `INSERT INTO review_calls (id, org_id, parent_app_id, title, kind, status, applicant_kind,
			eligible_path, recommend, quota, rules, opens_at, closes_at, review_from, review_to, publicity_days,
			form_version, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
			id, in.OrgID, in.ParentAppID, in.Title, in.Kind, CallDraft, in.ApplicantKind, elig, rec, in.Quota,
			toJSON(nonNil(in.Rules)), ms(in.OpensAt), ms(in.ClosesAt), ms(in.ReviewFrom), ms(in.ReviewTo),
			in.PublicityDays, by, now, now)
		if err != nil {
			return fmt.Errorf("review: create call: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO review_forms (call_id, version, schema, frozen, created_at) VALUES (?, 1, ?, 0, ?)`,
			id, toJSON(in.Form), now); err != nil {
			return fmt.Errorf("review: create form: %w", err)
		}
		if err := insertStages(ctx, tx, id, in.Stages); err != nil {
			return err
		}
		if c, err = getCall(ctx, tx, id); err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.call_create", Target: target("call", id)}, nil,
			map[string]any{"title": c.Title, "kind": c.Kind, "stages": len(in.Stages)})
	})
	return c, err
}

func nonNil(r []Rule) []Rule {
	if r == nil {
		return []Rule{}
	}
	return r
}

// Form returns a call's form at version (0: the current one).
func (s *Store) Form(ctx context.Context, callID int64, version int) (Schema, int, error) {
	return form(ctx, s.db, callID, version)
}

func form(ctx context.Context, q db.Q, callID int64, version int) (Schema, int, error) {
	var sc Schema
	var raw string
	if version == 0 {
		if err := q.QueryRow(ctx, `SELECT form_version FROM review_calls WHERE id = ?`, callID).Scan(&version); err != nil {
			return sc, 0, &NotFoundError{"call", callID}
		}
	}
	if err := q.QueryRow(ctx, `SELECT schema FROM review_forms WHERE call_id = ? AND version = ?`, callID, version).Scan(&raw); err != nil {
		return sc, 0, fmt.Errorf("review: form %d v%d: %w", callID, version, err)
	}
	if err := unmarshal(raw, &sc); err != nil {
		return sc, 0, err
	}
	return sc, version, nil
}

// SaveForm replaces a call's form. A frozen version (the call was
// published, so applications may use it) is never changed: the new schema
// becomes the next version, and drafts move to it when next saved.
func (s *Store) SaveForm(ctx context.Context, callID int64, sc Schema) (int, error) {
	if errs := sc.Check(); len(errs) > 0 {
		return 0, errs
	}
	var version int
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCall(ctx, tx, callID); err != nil {
			return err
		}
		c, err := getCall(ctx, tx, callID)
		if err != nil {
			return err
		}
		if c.Status == CallFinal {
			return valid.New("form", "review.err.call_final")
		}
		var frozen int
		if err := tx.QueryRow(ctx, `SELECT frozen FROM review_forms WHERE call_id = ? AND version = ?`, callID, c.FormVersion).Scan(&frozen); err != nil {
			return fmt.Errorf("review: form %d: %w", callID, err)
		}
		version = c.FormVersion
		if frozen == 1 {
			version++
			_, err = tx.Exec(ctx, `INSERT INTO review_forms (call_id, version, schema, frozen, created_at) VALUES (?, ?, ?, ?, ?)`,
				callID, version, toJSON(sc), boolInt(c.Status != CallDraft), db.Millis(tx.Now))
		} else {
			_, err = tx.Exec(ctx, `UPDATE review_forms SET schema = ? WHERE call_id = ? AND version = ?`, toJSON(sc), callID, version)
		}
		if err != nil {
			return fmt.Errorf("review: save form %d: %w", callID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE review_calls SET form_version = ?, updated_at = ? WHERE id = ?`, version, db.Millis(tx.Now), callID); err != nil {
			return fmt.Errorf("review: save form %d: %w", callID, err)
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.form_save", Target: target("call", callID)},
			map[string]int{"version": c.FormVersion}, map[string]int{"version": version, "fields": len(sc.Fields)})
	})
	return version, err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Publish opens a draft call: its form is frozen from now on.
func (s *Store) Publish(ctx context.Context, callID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCall(ctx, tx, callID); err != nil {
			return err
		}
		c, err := getCall(ctx, tx, callID)
		if err != nil {
			return err
		}
		if c.Status != CallDraft {
			return valid.New("status", "review.err.not_draft")
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM review_stages WHERE call_id = ?`, callID).Scan(&n); err != nil {
			return fmt.Errorf("review: publish %d: %w", callID, err)
		}
		if n == 0 {
			return valid.New("stages", "review.err.no_stages")
		}
		if _, err := tx.Exec(ctx, `UPDATE review_forms SET frozen = 1 WHERE call_id = ? AND version = ?`, callID, c.FormVersion); err != nil {
			return fmt.Errorf("review: publish %d: %w", callID, err)
		}
		if err := setCallStatus(ctx, tx, callID, CallOpen); err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.call_publish", Target: target("call", callID)}, nil, map[string]int{"form_version": c.FormVersion})
	})
}

func setCallStatus(ctx context.Context, tx *db.Tx, id int64, status string) error {
	_, err := tx.Exec(ctx, `UPDATE review_calls SET status = ?, updated_at = ? WHERE id = ?`, status, db.Millis(tx.Now), id)
	if err != nil {
		return fmt.Errorf("review: call %d status %s: %w", id, status, err)
	}
	return nil
}

func unmarshal(raw string, v any) error {
	if err := jsonUnmarshal(strings.NewReader(raw), v); err != nil {
		return fmt.Errorf("review: decode: %w", err)
	}
	return nil
}

// FormState returns a call's current form with its version and whether it
// is frozen (published: saving it makes the next version).
func (s *Store) FormState(ctx context.Context, callID int64) (Schema, int, bool, error) {
	sc, version, err := form(ctx, s.db, callID, 0)
	if err != nil {
		return sc, 0, false, err
	}
	var frozen int
	if err := s.db.QueryRow(ctx, `SELECT frozen FROM review_forms WHERE call_id = ? AND version = ?`, callID, version).Scan(&frozen); err != nil {
		return sc, 0, false, fmt.Errorf("review: form %d: %w", callID, err)
	}
	return sc, version, frozen == 1, nil
}
