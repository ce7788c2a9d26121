package review

import (
	"context"
	"fmt"
	"sort"

	"kexie/internal/access"
)

// Result is one application's outcome: its score and rank at the last
// expert-review stage that scored it, and the last decision on it.
type Result struct {
	App     Application
	Score   float64 // 0 with Rank 0 when no review stage scored it
	Rank    int
	Stage   string // the stage of the last decision
	Outcome string // that decision's outcome (approve, reject, return)
	Reason  string
	Final   bool // the call's results are final (公示 over, objections handled)
}

// Results lists a call's submitted applications with their outcomes, for
// its owner (scope contains the call's org): the selected and awarded
// first in rank order, then the rest by rank, then by submission. Other
// modules that run a process on the engine (society grading) read their
// final scores and ranks here.
func (s *Store) Results(ctx context.Context, callID int64, scope access.Scope) ([]Result, error) {
	c, err := getCall(ctx, s.db, callID)
	if err != nil {
		return nil, err
	}
	if !scope.Contains(c.OrgPath) {
		return nil, &NotFoundError{"call", callID}
	}
	apps, err := queryApps(ctx, s.db, `a.call_id = ? AND a.status <> 'draft' ORDER BY a.submitted_at, a.id`, callID)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(ctx, `SELECT d.application_id, s.kind, s.name, d.outcome, d.reason, d.score, d.rank
		FROM review_decisions d JOIN review_stages s ON s.id = d.stage_id WHERE s.call_id = ? ORDER BY s.seq`, callID)
	if err != nil {
		return nil, fmt.Errorf("review: results of %d: %w", callID, err)
	}
	defer rows.Close()
	by := map[int64]*Result{}
	out := make([]Result, len(apps))
	for i, a := range apps {
		out[i] = Result{App: a, Final: c.Status == CallFinal}
		by[a.ID] = &out[i]
	}
	for rows.Next() {
		var id int64
		var kind, stage, outcome, reason string
		var score float64
		var rank int
		if err := rows.Scan(&id, &kind, &stage, &outcome, &reason, &score, &rank); err != nil {
			return nil, fmt.Errorf("review: results of %d: %w", callID, err)
		}
		r := by[id]
		if r == nil {
			continue
		}
		r.Stage, r.Outcome, r.Reason = stage, outcome, reason
		if kind == StageReview && rank > 0 {
			r.Score, r.Rank = score, rank
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("review: results of %d: %w", callID, err)
	}
	won := func(r Result) bool { return r.App.Status == AppAwarded || r.App.Status == AppSelected }
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if won(a) != won(b) {
			return won(a)
		}
		if (a.Rank > 0) != (b.Rank > 0) {
			return a.Rank > 0
		}
		return a.Rank < b.Rank
	})
	return out, nil
}
