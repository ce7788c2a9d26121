package plan

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// ScoreInput is one row of a filled-in sheet.
type ScoreInput struct {
	RowID    int64
	Score    string // empty: not scored yet
	Comments string
	Evidence string
}

// CooperationRow is the section path of a unit's one row for its
// cooperation (配合) across the plan; lead units get a row per task.
const CooperationRow = "*"

// MaxScore is the top score of a row.
const MaxScore = 100

// SaveScores stores a sheet's rows in one transaction; any bad row rejects
// the whole sheet, naming the row.
func (s *Store) SaveScores(ctx context.Context, planID, evalID int64, in []ScoreInput, userID int64) error {
	var errs valid.Errors
	scores := make([]any, len(in))
	for i, r := range in {
		field := "score_" + strconv.FormatInt(r.RowID, 10)
		if v := strings.TrimSpace(r.Score); v != "" {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || math.IsNaN(f) || f < 0 || f > MaxScore {
				errs.Add(field, "plan.err.score", MaxScore)
				continue
			}
			scores[i] = f
		}
		if utf8.RuneCountInString(r.Comments) > 2000 || utf8.RuneCountInString(r.Evidence) > 2000 {
			errs.Add(field, "plan.err.narrative_long", 2000)
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		_, orgID, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM plan_evaluations WHERE id = ? AND plan_id = ?`, evalID, planID).Scan(&n); err != nil || n == 0 {
			return fmt.Errorf("plan evaluation %d: %w", evalID, db.ErrNotFound)
		}
		changed := 0
		for i, r := range in {
			res, err := tx.Exec(ctx, `UPDATE plan_scores SET score = ?, comments = ?, evidence = ?, scored_by = ?, scored_at = ?
				WHERE id = ? AND evaluation_id = ?`, scores[i], strings.TrimSpace(r.Comments), strings.TrimSpace(r.Evidence), userID,
				db.Millis(tx.Now), r.RowID, evalID)
			if err != nil {
				return fmt.Errorf("plan: save score: %w", err)
			}
			if k, _ := res.RowsAffected(); k == 0 {
				return fmt.Errorf("plan score row %d: %w", r.RowID, db.ErrNotFound)
			}
			changed++
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.eval_score", Target: target(planID),
			After: map[string]any{"evaluation": evalID, "rows": changed}})
	})
}

// Totals ranks the units of an evaluation by their average score (units
// without any score last), ties by total.
func (e Evaluation) Totals() []UnitTotal {
	at := map[int64]int{}
	var out []UnitTotal
	for _, r := range e.Rows {
		i, ok := at[r.OrgID]
		if !ok {
			i = len(out)
			at[r.OrgID] = i
			out = append(out, UnitTotal{OrgID: r.OrgID, OrgName: r.OrgName})
		}
		out[i].Tasks++
		if r.Score != nil {
			out[i].Scored++
			out[i].Total += *r.Score
		}
	}
	for i := range out {
		if out[i].Scored > 0 {
			out[i].Average = math.Round(out[i].Total/float64(out[i].Scored)*10) / 10
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Scored > 0) != (b.Scored > 0) {
			return a.Scored > 0
		}
		if a.Average != b.Average {
			return a.Average > b.Average
		}
		return a.Total > b.Total
	})
	for i := range out {
		switch {
		case out[i].Scored == 0:
			out[i].Rank = 0 // not ranked: shown as "—"
		case i > 0 && out[i].Average == out[i-1].Average && out[i].Total == out[i-1].Total:
			out[i].Rank = out[i-1].Rank
		default:
			out[i].Rank = i + 1
		}
	}
	return out
}

// RankRows are the lines of the ranking sheet: a unit without any score has
// no rank and no average ("—"), as on the page.
func RankRows(totals []UnitTotal) [][]string {
	var rows [][]string
	for _, u := range totals {
		rank, avg := "—", "—"
		if u.Scored > 0 {
			rank, avg = strconv.Itoa(u.Rank), strconv.FormatFloat(u.Average, 'f', 1, 64)
		}
		rows = append(rows, []string{rank, u.OrgName, strconv.Itoa(u.Tasks), strconv.Itoa(u.Scored),
			strconv.FormatFloat(u.Total, 'f', -1, 64), avg})
	}
	return rows
}
