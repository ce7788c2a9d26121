package plan

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// IndicatorEdit is what staff correct in an extracted indicator.
type IndicatorEdit struct {
	Metric     string
	Comparator string
	Value      string
	Low, High  string
	Unit       string
	Deadline   string
}

var comparators = []string{"=", "approx", ">=", "<=", "range"}

// draft locks a plan for a change and checks it is still a draft.
func draft(ctx context.Context, tx *db.Tx, planID int64) (orgID int64, path string, err error) {
	var status string
	err = tx.QueryRow(ctx, `SELECT p.status, o.id, o.path FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, planID).Scan(&status, &orgID, &path)
	if err != nil {
		return 0, "", fmt.Errorf("plan %d: %w", planID, db.ErrNotFound)
	}
	if status != "draft" {
		return 0, "", valid.New("", "plan.err.not_draft")
	}
	return orgID, path, nil
}

// UpdateIndicator corrects an indicator of a draft plan.
func (s *Store) UpdateIndicator(ctx context.Context, planID, id int64, e IndicatorEdit) error {
	var errs valid.Errors
	e.Metric, e.Unit = strings.TrimSpace(e.Metric), strings.TrimSpace(e.Unit)
	if n := utf8.RuneCountInString(e.Metric); n == 0 || n > 100 {
		errs.Add("metric", "plan.err.metric")
	}
	ok := false
	for _, c := range comparators {
		ok = ok || c == e.Comparator
	}
	if !ok {
		errs.Add("comparator", "plan.err.comparator")
	}
	num := func(field, v string) any {
		v = strings.TrimSpace(v)
		if v == "" {
			return nil
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			errs.Add(field, "plan.err.number")
			return nil
		}
		return f
	}
	value, low, high := num("value", e.Value), num("low", e.Low), num("high", e.High)
	if e.Comparator == "range" {
		if low == nil || high == nil || low.(float64) >= high.(float64) {
			errs.Add("low", "plan.err.range")
		}
		value = nil
	} else if value == nil && ok {
		errs.Add("value", "plan.err.number")
	}
	deadline := 0
	if d := strings.TrimSpace(e.Deadline); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 2000 || n > 2100 {
			errs.Add("deadline", "plan.err.year")
		}
		deadline = n
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, path, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE plan_indicators SET metric = ?, comparator = ?, value = ?, low = ?, high = ?, unit = ?, deadline_year = ?
			WHERE id = ? AND plan_id = ?`, e.Metric, e.Comparator, value, low, high, e.Unit, deadline, id, planID)
		if err != nil {
			return fmt.Errorf("plan: update indicator: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("plan indicator %d: %w", id, db.ErrNotFound)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.indicator_update",
			Target: "plan:" + strconv.FormatInt(planID, 10), After: map[string]any{"indicator": id, "comparator": e.Comparator, "value": value, "low": low, "high": high}})
	})
}

// DeleteIndicator removes a wrongly extracted indicator from a draft plan.
func (s *Store) DeleteIndicator(ctx context.Context, planID, id int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, path, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM plan_indicators WHERE id = ? AND plan_id = ?`, id, planID); err != nil {
			return fmt.Errorf("plan: delete indicator: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.indicator_delete",
			Target: "plan:" + strconv.FormatInt(planID, 10), Before: map[string]int64{"indicator": id}})
	})
}

// Publish ends the review of a draft: the plan's structure is fixed and it
// can be tracked.
func (s *Store) Publish(ctx context.Context, planID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, path, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE plans SET status = 'published', updated_at = ? WHERE id = ?`, db.Millis(tx.Now), planID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.publish", Target: "plan:" + strconv.FormatInt(planID, 10)})
	})
}
