package review

import (
	"context"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// Aggregation methods of a review stage.
const (
	Mean    = "mean"
	Trimmed = "trimmed" // drop the highest and lowest when there are ≥ 5 scores
	Median  = "median"
)

// Criterion is one line of a scoring rubric.
type Criterion struct {
	Key             string  `json:"key"`
	Label           string  `json:"label"`
	Weight          float64 `json:"weight"`
	Min             float64 `json:"min"`
	Max             float64 `json:"max"`
	CommentRequired bool    `json:"comment_required,omitempty"`
}

// StageInput is one stage as staff configure it.
type StageInput struct {
	Kind     string
	Name     string
	PerApp   int
	MaxLoad  int
	PoolID   int64
	Method   string
	Zscore   bool
	Blind    bool
	Rubric   []Criterion
	TopN     int
	OpensAt  time.Time // the review window (zero: from the assignment)
	ClosesAt time.Time // its end (zero: until the stage closes)
	DueAt    time.Time // the deadline reminders count from
}

func checkStages(st []StageInput) valid.Errors {
	var errs valid.Errors
	if len(st) > 20 {
		errs.Add("stages", "review.err.stages_many")
	}
	for i, s := range st {
		at := "stages." + strconv.Itoa(i)
		if !oneOf(s.Kind, []string{StageFormal, StageReview, StagePublicity, StageResult}) {
			errs.Add(at, "review.err.stage_kind")
		}
		if n := utf8.RuneCountInString(s.Name); n == 0 || n > 60 {
			errs.Add(at, "review.err.stage_name")
		}
		if s.Kind != StageReview {
			continue
		}
		if s.PerApp < 1 || s.PerApp > 50 {
			errs.Add(at, "review.err.per_app")
		}
		if s.Method == "" {
			st[i].Method = Mean
		} else if !oneOf(s.Method, []string{Mean, Trimmed, Median}) {
			errs.Add(at, "review.err.method")
		}
		if len(s.Rubric) == 0 {
			errs.Add(at, "review.err.rubric")
		}
		keys := map[string]bool{}
		for _, c := range s.Rubric {
			if !keyRE.MatchString(c.Key) || keys[c.Key] || c.Weight <= 0 || c.Min >= c.Max || c.Label == "" {
				errs.Add(at, "review.err.rubric")
				break
			}
			keys[c.Key] = true
		}
	}
	return errs
}

func insertStages(ctx context.Context, tx *db.Tx, callID int64, st []StageInput) error {
	for i, s := range st {
		_, err := tx.Exec(ctx, `INSERT INTO review_stages (id, call_id, seq, kind, name, per_app, max_load, pool_id, method,
			normalize, blind, rubric, top_n, status, opens_at, closes_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
			tx.NewID(), callID, i+1, s.Kind, s.Name, s.PerApp, s.MaxLoad, s.PoolID, s.Method, boolInt(s.Zscore),
			boolInt(s.Blind), toJSON(nonNilRubric(s.Rubric)), s.TopN, ms(s.OpensAt), ms(s.ClosesAt), ms(s.DueAt))
		if err != nil {
			return fmt.Errorf("review: add stage %d: %w", i+1, err)
		}
	}
	return nil
}

func nonNilRubric(r []Criterion) []Criterion {
	if r == nil {
		return []Criterion{}
	}
	return r
}

const stageCols = `id, call_id, seq, kind, name, per_app, max_load, pool_id, method, normalize, blind, rubric, top_n, seed, status, opens_at, closes_at, due_at`

func scanStage(row db.Scanner) (Stage, error) {
	var s Stage
	var z, b int
	var rubric string
	var opens, closes, due int64
	if err := row.Scan(&s.ID, &s.CallID, &s.Seq, &s.Kind, &s.Name, &s.PerApp, &s.MaxLoad, &s.PoolID, &s.Method, &z, &b,
		&rubric, &s.TopN, &s.Seed, &s.Status, &opens, &closes, &due); err != nil {
		return s, err
	}
	s.Zscore, s.Blind, s.OpensAt, s.ClosesAt, s.DueAt = z == 1, b == 1, tm(opens), tm(closes), tm(due)
	return s, unmarshal(rubric, &s.Rubric)
}

// Stages lists a call's stages in order.
func (s *Store) Stages(ctx context.Context, callID int64) ([]Stage, error) {
	return stages(ctx, s.db, callID)
}

func stages(ctx context.Context, q db.Q, callID int64) ([]Stage, error) {
	rows, err := q.Query(ctx, `SELECT `+stageCols+` FROM review_stages WHERE call_id = ? ORDER BY seq`, callID)
	if err != nil {
		return nil, fmt.Errorf("review: stages of %d: %w", callID, err)
	}
	defer rows.Close()
	var out []Stage
	for rows.Next() {
		st, err := scanStage(rows)
		if err != nil {
			return nil, fmt.Errorf("review: stages of %d: %w", callID, err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

func getStage(ctx context.Context, q db.Q, id int64) (Stage, error) {
	st, err := scanStage(q.QueryRow(ctx, `SELECT `+stageCols+` FROM review_stages WHERE id = ?`, id))
	if err != nil {
		return st, &NotFoundError{"stage", id}
	}
	return st, nil
}

// Stage returns the stage with id.
func (s *Store) Stage(ctx context.Context, id int64) (Stage, error) { return getStage(ctx, s.db, id) }
