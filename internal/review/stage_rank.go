package review

import (
	"context"
	"fmt"
	"math"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Standing is one row of a stage's ranking with the score matrix row.
type Standing struct {
	Ranked
	App      Application
	Scores   map[int64]float64 // reviewer person ID → total
	Outliers map[int64]bool    // reviewer person ID → far from the others
}

// Ranking is a stage's ranking for the call's owner: the applications in
// rank order, each with its row of the score matrix (applications ×
// reviewers) and flagged outliers.
type Ranking struct {
	Stage     Stage
	Reviewers []int64
	Rows      []Standing
	Open      int // assignments not yet scored
}

// Ranking computes a stage's ranking from the scores handed in.
func (s *Store) Ranking(ctx context.Context, stageID int64, scope access.Scope) (Ranking, error) {
	var out Ranking
	err := s.db.ReadTx(ctx, func(tx *db.Tx) error {
		var err error
		out, err = ranking(ctx, tx, scope, stageID)
		return err
	})
	return out, err
}

func ranking(ctx context.Context, tx *db.Tx, scope access.Scope, stageID int64) (Ranking, error) {
	var out Ranking
	st, err := getStage(ctx, tx, stageID)
	if err != nil {
		return out, err
	}
	c, err := getCall(ctx, tx, st.CallID)
	if err != nil {
		return out, err
	}
	if !scope.Contains(c.OrgPath) {
		return out, &NotFoundError{"stage", stageID}
	}
	out.Stage = st
	rows, err := tx.Query(ctx, `SELECT application_id, person_id, total, status FROM review_assignments
		WHERE stage_id = ? AND status <> 'declined' ORDER BY application_id, person_id`, stageID)
	if err != nil {
		return out, fmt.Errorf("review: ranking %d: %w", stageID, err)
	}
	var scores []Score
	seen := map[int64]bool{}
	for rows.Next() {
		var sc Score
		var status string
		if err := rows.Scan(&sc.App, &sc.Expert, &sc.Value, &status); err != nil {
			rows.Close()
			return out, fmt.Errorf("review: ranking %d: %w", stageID, err)
		}
		if !seen[sc.Expert] {
			seen[sc.Expert] = true
			out.Reviewers = append(out.Reviewers, sc.Expert)
		}
		if status != AssignDone {
			out.Open++
			continue
		}
		scores = append(scores, sc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, err
	}
	ranked, outliers := Rank(scores, st.Method, st.Zscore)
	apps := map[int64]Application{}
	list, err := tx.Query(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
		WHERE a.id IN (SELECT application_id FROM review_assignments WHERE stage_id = ?)`, stageID)
	if err != nil {
		return out, fmt.Errorf("review: ranking %d: %w", stageID, err)
	}
	for list.Next() {
		a, err := scanApp(list)
		if err != nil {
			list.Close()
			return out, err
		}
		apps[a.ID] = a
	}
	list.Close()
	byApp := map[int64]map[int64]float64{}
	for _, sc := range scores {
		if byApp[sc.App] == nil {
			byApp[sc.App] = map[int64]float64{}
		}
		byApp[sc.App][sc.Expert] = sc.Value
	}
	flag := map[int64]map[int64]bool{}
	for _, o := range outliers {
		if flag[o.App] == nil {
			flag[o.App] = map[int64]bool{}
		}
		flag[o.App][o.Expert] = true
	}
	for _, r := range ranked {
		out.Rows = append(out.Rows, Standing{Ranked: r, App: apps[r.App], Scores: byApp[r.App], Outliers: flag[r.App]})
	}
	return out, nil
}

// Select closes a review stage and decides from its ranking: the top n
// applications (or all scoring at least cutoff when n is 0) pass on, the
// others are not selected, each decision recording its score and rank.
// Every assignment must be scored first; the caller must not be one of the
// applicants.
func (s *Store) Select(ctx context.Context, stageID int64, scope access.Scope, by int64, n int, cutoff float64) error {
	if n < 0 || !(cutoff >= 0) || math.IsInf(cutoff, 0) { // NaN too
		return valid.New("cutoff", "review.err.select_cutoff")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOf(ctx, tx, "review_stages", stageID); err != nil {
			return err
		}
		r, err := ranking(ctx, tx, scope, stageID)
		if err != nil {
			return err
		}
		if r.Stage.Status != "open" {
			return valid.New("stage", "review.err.stage_closed")
		}
		if r.Open > 0 {
			return valid.New("stage", "review.err.scores_open", r.Open)
		}
		c, err := getCall(ctx, tx, r.Stage.CallID)
		if err != nil {
			return err
		}
		for _, row := range r.Rows {
			if row.App.UserID == by {
				return valid.New("form", "review.err.own")
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE review_stages SET status = 'closed' WHERE id = ?`, stageID); err != nil {
			return fmt.Errorf("review: close stage %d: %w", stageID, err)
		}
		for _, row := range r.Rows {
			if row.App.Status != AppInStage || row.App.StageSeq != r.Stage.Seq {
				continue
			}
			outcome, reason := Approve, ""
			if (n > 0 && row.Rank > n) || (n == 0 && row.Score < cutoff) {
				outcome, reason = Reject, "review.reason.ranking"
			}
			if err := decide(ctx, tx, c, row.App, r.Stage, by, outcome, reason, row.Score, row.Rank); err != nil {
				return err
			}
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.select", Target: target("stage", stageID)}, nil,
			map[string]any{"top": n, "cutoff": cutoff, "ranked": len(r.Rows)})
	})
}
