package plan

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// autoAssign gives each unassigned indicator of a plan the first linked lead
// unit of its section or the nearest enclosing section.
func autoAssign(ctx context.Context, tx *db.Tx, planID int64) (int, error) {
	lead := map[string]int64{}
	rows, err := tx.Query(ctx, `SELECT section_path, org_id FROM plan_units WHERE plan_id = ? AND role = 'lead' AND org_id IS NOT NULL
		ORDER BY ord`, planID)
	if err != nil {
		return 0, fmt.Errorf("plan: leads: %w", err)
	}
	for rows.Next() {
		var p string
		var id int64
		if err := rows.Scan(&p, &id); err != nil {
			rows.Close()
			return 0, err
		}
		if _, ok := lead[p]; !ok {
			lead[p] = id
		}
	}
	rows.Close()
	type row struct {
		id   int64
		path string
	}
	var todo []row
	rows, err = tx.Query(ctx, `SELECT id, section_path FROM plan_indicators WHERE plan_id = ? AND org_id IS NULL`, planID)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.path); err != nil {
			rows.Close()
			return 0, err
		}
		todo = append(todo, r)
	}
	rows.Close()
	n := 0
	for _, r := range todo {
		p := r.path
		for {
			if id, ok := lead[p]; ok {
				if _, err := tx.Exec(ctx, `UPDATE plan_indicators SET org_id = ? WHERE id = ?`, id, r.id); err != nil {
					return n, err
				}
				n++
				break
			}
			i := strings.LastIndex(p, "/")
			if i < 0 {
				break
			}
			p = p[:i]
		}
	}
	return n, nil
}

// Assign makes org the responsible unit of an indicator; it must be the
// plan's org or inside its subtree.
func (s *Store) Assign(ctx context.Context, planID, indicatorID, orgID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		status, pOrg, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status == "closed" {
			return valid.New("", "plan.err.closed")
		}
		if in, err := inSubtree(ctx, tx, orgID, path); err != nil {
			return err
		} else if !in {
			return valid.New("org_id", "plan.err.assign_outside")
		}
		res, err := tx.Exec(ctx, `UPDATE plan_indicators SET org_id = ? WHERE id = ? AND plan_id = ?`, orgID, indicatorID, planID)
		if err != nil {
			return fmt.Errorf("plan: assign: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("plan indicator %d: %w", indicatorID, db.ErrNotFound)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: pOrg, OrgPath: path, Action: "plan.assign", Target: target(planID),
			After: map[string]int64{"indicator": indicatorID, "org": orgID}})
	})
}

// IndicatorOrg finds the org an indicator route touches: its responsible
// unit, or the plan's org while it has none.
func (s *Store) indicatorOrg(ctx context.Context, planID, indicatorID int64) (id int64, path string, err error) {
	err = s.db.QueryRow(ctx, `SELECT o.id, o.path FROM plan_indicators i JOIN plans p ON p.id = i.plan_id
		JOIN orgs o ON o.id = COALESCE(i.org_id, p.org_id) WHERE i.id = ? AND i.plan_id = ?`, indicatorID, planID).Scan(&id, &path)
	return id, path, err
}
