package plan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/valid"
)

// BindInput binds a target to a live source, or unbinds it (Key "").
type BindInput struct {
	PlanID, IndicatorID int64
	Key                 string
	// OrgID is the org whose subtree is measured: the plan's org (0) or
	// one under it.
	OrgID int64
	// Scope is where the editor may edit plans; the measured org must lie
	// in it, so nobody reads the figures of a subtree they cannot see.
	Scope  access.Scope
	UserID int64
}

// Bind binds a target of an open plan to a live source whose unit fits the
// target's, measured over an org of the plan's subtree, or unbinds it, in
// one audited transaction. A source no module publishes is refused by name.
func (s *Store) Bind(ctx context.Context, in BindInput) error {
	in.Key = strings.TrimSpace(in.Key)
	var src measure.Source
	if in.Key != "" {
		var ok bool
		if src, ok = s.sources.Lookup(in.Key); !ok {
			return valid.New("source", "plan.err.source_unknown", in.Key)
		}
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The plan's row lock first, as filing takes it: bindings of one
		// target at once each deleted nothing and inserted, and all but
		// one failed on the key with a raw database error (integrity
		// review 52).
		if err := tx.LockRow(ctx, "plans", in.PlanID); err != nil {
			return err
		}
		status, pOrg, pPath, _, _, err := planState(ctx, tx, in.PlanID)
		if err != nil {
			return err
		}
		if status == "closed" {
			return valid.New("", "plan.err.closed")
		}
		var unit, per string
		err = tx.QueryRow(ctx, `SELECT unit, per FROM plan_indicators WHERE id = ? AND plan_id = ?`, in.IndicatorID, in.PlanID).Scan(&unit, &per)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("plan indicator %d: %w", in.IndicatorID, db.ErrNotFound)
		} else if err != nil {
			return err
		}
		var before any // nil (left out of the audit entry) when not bound yet
		var oldKey string
		var oldOrg int64
		err = tx.QueryRow(ctx, `SELECT source_key, org_id FROM plan_indicator_sources WHERE indicator_id = ?`, in.IndicatorID).Scan(&oldKey, &oldOrg)
		switch {
		case err == nil:
			before = map[string]any{"indicator": in.IndicatorID, "source": oldKey, "org": oldOrg}
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("plan: binding: %w", err)
		}
		if in.Key == "" {
			if before == nil {
				return nil
			}
			if _, err := tx.Exec(ctx, `DELETE FROM plan_indicator_sources WHERE indicator_id = ?`, in.IndicatorID); err != nil {
				return fmt.Errorf("plan: unbind: %w", err)
			}
			return audit.Append(ctx, tx, audit.Entry{OrgID: pOrg, OrgPath: pPath, Action: "plan.source_unbind", Target: target(in.PlanID),
				Before: before})
		}
		switch {
		case !measure.Fits(src.Unit, unit):
			return valid.New("source", "plan.err.source_unit", src.Unit, unit)
		case src.AsOf && per != "":
			return valid.New("source", "plan.err.source_per")
		}
		orgID, path := in.OrgID, ""
		if orgID == 0 {
			orgID = pOrg
		}
		if err := tx.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ?`, orgID).Scan(&path); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("plan: binding org: %w", err)
		}
		if path == "" || !strings.HasPrefix(path, pPath) || !in.Scope.Contains(path) {
			return valid.New("source_org", "plan.err.source_org")
		}
		if before != nil && oldKey == in.Key && oldOrg == orgID {
			return nil // bound so already (a second click): nothing changes, nothing to audit
		}
		if _, err := tx.Exec(ctx, `DELETE FROM plan_indicator_sources WHERE indicator_id = ?`, in.IndicatorID); err != nil {
			return fmt.Errorf("plan: rebind: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO plan_indicator_sources (indicator_id, plan_id, source_key, org_id, bound_by, bound_at)
			VALUES (?, ?, ?, ?, ?, ?)`, in.IndicatorID, in.PlanID, in.Key, orgID, in.UserID, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("plan: bind: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: pOrg, OrgPath: pPath, Action: "plan.source_bind", Target: target(in.PlanID),
			Before: before, After: map[string]any{"indicator": in.IndicatorID, "source": in.Key, "org": orgID}})
	})
}
