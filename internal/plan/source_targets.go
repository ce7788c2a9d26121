package plan

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// BoundTarget is a target of a published or closed plan bound to a live
// source, as the module publishing the source shows it beside its own
// figures (the literacy dashboard beside each region's rate).
type BoundTarget struct {
	PlanID             int64
	PlanTitle          string
	PlanOrgName        string
	StartYear, EndYear int
	IndicatorID        int64
	Indicator
	// OrgID and OrgPath are the org whose subtree the binding measures.
	OrgID   int64
	OrgPath string
}

// BoundTargets lists the targets bound to the source key that measure one
// of orgIDs, of plans that are not drafts, where both the plan's org and
// the measured org lie within scope; ordered by measured org, deadline and
// plan. One query; nothing is computed.
func (s *Store) BoundTargets(ctx context.Context, key string, scope access.Scope, orgIDs []int64) ([]BoundTarget, error) {
	if scope.None() || key == "" || len(orgIDs) == 0 {
		return nil, nil
	}
	marks := make([]string, len(orgIDs))
	args := []any{key}
	for i, id := range orgIDs {
		marks[i] = "?"
		args = append(args, id)
	}
	c1, a1 := db.ScopeCond(s.db, "po.path", scope)
	c2, a2 := db.ScopeCond(s.db, "bo.path", scope)
	args = append(append(args, a1...), a2...)
	rows, err := s.db.Query(ctx, `SELECT i.id, i.section_path, i.text, i.metric, i.comparator, i.value, i.low, i.high, i.unit, i.per,
		i.deadline_year, i.baseline_value, i.baseline_year, 0, '', NULL, 0, 0,
		p.id, p.title, po.name, p.start_year, p.end_year, b.org_id, bo.path
		FROM plan_indicator_sources b JOIN plan_indicators i ON i.id = b.indicator_id JOIN plans p ON p.id = b.plan_id
		JOIN orgs po ON po.id = p.org_id JOIN orgs bo ON bo.id = b.org_id
		WHERE b.source_key = ? AND b.org_id IN (`+strings.Join(marks, ",")+`) AND p.status <> 'draft' AND `+c1+` AND `+c2+`
		ORDER BY bo.path, i.deadline_year, p.id, i.ord`, args...)
	if err != nil {
		return nil, fmt.Errorf("plan: bound targets: %w", err)
	}
	defer rows.Close()
	var out []BoundTarget
	for rows.Next() {
		var x StoredIndicator
		var t BoundTarget
		if err := scanIndicator(rows, &x, &t.PlanID, &t.PlanTitle, &t.PlanOrgName, &t.StartYear, &t.EndYear, &t.OrgID, &t.OrgPath); err != nil {
			return nil, fmt.Errorf("plan: bound targets: %w", err)
		}
		t.IndicatorID, t.Indicator = x.ID, x.Indicator
		out = append(out, t)
	}
	return out, rows.Err()
}

// AssessYear rates value as the target's reading for the whole of year,
// at now, by the plan's own rule (Indicator.Assess).
func (t BoundTarget) AssessYear(value float64, year int, now time.Time) Assessment {
	return t.Indicator.Assess(&Reading{Value: value, Year: year}, t.StartYear, t.EndYear, now)
}
