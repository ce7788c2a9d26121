package plan

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Comparison is one plan's indicator matching a metric, for comparing the
// plans of a subtree side by side.
type Comparison struct {
	Task
	PlanOrg string
}

// Compare finds the indicators of published or closed plans inside scope
// whose metric contains metric (e.g. 科学素质), one row per indicator.
func (s *Store) Compare(ctx context.Context, scope access.Scope, metric string, limit int) ([]Comparison, error) {
	metric = strings.TrimSpace(metric)
	if scope.None() || metric == "" {
		return nil, nil
	}
	sqlq := `SELECT i.id, i.section_path, i.text, i.metric, i.comparator, i.value, i.low, i.high, i.unit, i.per, i.deadline_year,
		i.baseline_value, i.baseline_year, COALESCE(i.org_id, 0), COALESCE(u.name, ''), i.latest_value, i.latest_year, i.latest_quarter,
		i.plan_id, p.title, p.start_year, p.end_year, po.name
		FROM plan_indicators i JOIN plans p ON p.id = i.plan_id JOIN orgs po ON po.id = p.org_id LEFT JOIN orgs u ON u.id = i.org_id
		WHERE p.status <> 'draft' AND i.metric LIKE ? ESCAPE '\'`
	c, a := db.ScopeCond(s.db, "po.path", scope)
	sqlq += " AND " + c
	args := append([]any{"%" + db.LikeEscape(metric) + "%"}, a...)
	sqlq += " ORDER BY po.path, p.created_at LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.Query(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("plan: compare: %w", err)
	}
	defer rows.Close()
	var out []Comparison
	now := s.now()
	for rows.Next() {
		var c Comparison
		if err := scanIndicator(rows, &c.StoredIndicator, &c.PlanID, &c.PlanTitle, &c.StartYear, &c.EndYear, &c.PlanOrg); err != nil {
			return nil, err
		}
		c.Assessment = c.Indicator.Assess(c.Latest, c.StartYear, c.EndYear, now)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	targets := make([]boundTarget, len(out))
	for i := range out {
		targets[i] = boundTarget{&out[i].StoredIndicator, out[i].StartYear, out[i].EndYear}
	}
	if err := s.measureBound(ctx, targets); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PlanOrg < out[j].PlanOrg })
	return out, rows.Err()
}
