package plan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Evaluation kinds (seed plans call for a mid-term 督查评估 and a final one).
var evalKinds = []string{"midterm", "final"}

// Evaluation is a mid-term or final evaluation of a plan: one scoring row
// per task and responsible unit.
type Evaluation struct {
	ID, PlanID int64
	Kind       string
	Year       int
	Rows       []ScoreRow
}

// ScoreRow is the score of one unit on one task.
type ScoreRow struct {
	ID           int64
	SectionPath  string
	SectionTitle string
	OrgID        int64
	OrgName      string
	Role         string
	Score        *float64
	Comments     string
	Evidence     string
	Rollup       Rollup // the unit's indicators in this task
}

// UnitTotal is a unit's result in an evaluation.
type UnitTotal struct {
	Rank    int
	OrgID   int64
	OrgName string
	Tasks   int     // rows of the sheet
	Scored  int     // rows with a score
	Total   float64 // sum of scores
	Average float64 // mean of the scored rows
}

// CreateEvaluation opens an evaluation of a published or closed plan, with a
// row for every task and linked unit (lead before cooperating).
func (s *Store) CreateEvaluation(ctx context.Context, planID int64, kind, year string, userID int64) (int64, error) {
	ok := false
	for _, k := range evalKinds {
		ok = ok || k == kind
	}
	if !ok {
		return 0, valid.New("kind", "plan.err.eval_kind")
	}
	y, err := strconv.Atoi(strings.TrimSpace(year))
	if err != nil || y < 2000 || y > 2100 {
		return 0, valid.New("year", "plan.err.year")
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		status, orgID, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status == "draft" {
			return valid.New("", "plan.err.not_published")
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM plan_evaluations WHERE plan_id = ? AND kind = ?`, planID, kind).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return valid.New("kind", "plan.err.eval_exists")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO plan_evaluations (id, plan_id, kind, year, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, planID, kind, y, userID, db.Millis(tx.Now)); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("kind", "plan.err.eval_exists")
			}
			return fmt.Errorf("plan: create evaluation: %w", err)
		}
		rows, err := tx.Query(ctx, `SELECT section_path, org_id, role FROM plan_units WHERE plan_id = ? AND org_id IS NOT NULL
			ORDER BY ord`, planID)
		if err != nil {
			return err
		}
		type key struct {
			path string
			org  int64
		}
		seen := map[key]bool{}
		var list []struct {
			key
			role string
		}
		for rows.Next() {
			var k key
			var role string
			if err := rows.Scan(&k.path, &k.org, &role); err != nil {
				rows.Close()
				return err
			}
			if role == "cooperate" {
				// Cooperation is scored once per unit, over all tasks.
				k.path = CooperationRow
			}
			if !seen[k] {
				seen[k] = true
				list = append(list, struct {
					key
					role string
				}{k, role})
			}
		}
		rows.Close()
		if len(list) == 0 {
			return valid.New("", "plan.err.eval_no_units")
		}
		for _, r := range list {
			if _, err := tx.Exec(ctx, `INSERT INTO plan_scores (id, evaluation_id, section_path, org_id, role) VALUES (?, ?, ?, ?, ?)`,
				tx.NewID(), id, r.path, r.org, r.role); err != nil {
				return fmt.Errorf("plan: score row: %w", err)
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.eval_create", Target: target(planID),
			After: map[string]any{"evaluation": id, "kind": kind, "year": y, "rows": len(list)}})
	})
	return id, err
}

// Evaluations lists a plan's evaluations.
func (s *Store) Evaluations(ctx context.Context, planID int64) ([]Evaluation, error) {
	rows, err := s.db.Query(ctx, `SELECT id, plan_id, kind, year FROM plan_evaluations WHERE plan_id = ? ORDER BY created_at`, planID)
	if err != nil {
		return nil, fmt.Errorf("plan: evaluations: %w", err)
	}
	defer rows.Close()
	var out []Evaluation
	for rows.Next() {
		var e Evaluation
		if err := rows.Scan(&e.ID, &e.PlanID, &e.Kind, &e.Year); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Evaluation returns an evaluation sheet of plan p, each row with the
// status of the unit's indicators in that task.
func (s *Store) Evaluation(ctx context.Context, p Plan, id int64) (Evaluation, error) {
	e := Evaluation{ID: id, PlanID: p.ID}
	err := s.db.QueryRow(ctx, `SELECT kind, year FROM plan_evaluations WHERE id = ? AND plan_id = ?`, id, p.ID).Scan(&e.Kind, &e.Year)
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("plan evaluation %d: %w", id, db.ErrNotFound)
	} else if err != nil {
		return e, err
	}
	rows, err := s.db.Query(ctx, `SELECT sc.id, sc.section_path, sc.org_id, o.name, sc.role, sc.score, sc.comments, sc.evidence
		FROM plan_scores sc JOIN orgs o ON o.id = sc.org_id WHERE sc.evaluation_id = ?`, id)
	if err != nil {
		return e, fmt.Errorf("plan: scores: %w", err)
	}
	defer rows.Close()
	order := map[string]int{}
	titles := map[string]string{}
	for i, sec := range p.Sections {
		order[sec.Path] = i
		titles[sec.Path] = sec.Number + " " + sec.Title
	}
	for rows.Next() {
		var r ScoreRow
		var score sql.NullFloat64
		if err := rows.Scan(&r.ID, &r.SectionPath, &r.OrgID, &r.OrgName, &r.Role, &score, &r.Comments, &r.Evidence); err != nil {
			return e, err
		}
		if score.Valid {
			r.Score = &score.Float64
		}
		r.SectionTitle = titles[r.SectionPath]
		for _, ind := range p.Indicators {
			if ind.OrgID == r.OrgID && (r.SectionPath == CooperationRow || ind.SectionPath == r.SectionPath ||
				strings.HasPrefix(ind.SectionPath, r.SectionPath+"/")) {
				r.Rollup.Add(ind.Assessment)
			}
		}
		e.Rows = append(e.Rows, r)
	}
	order[CooperationRow] = len(p.Sections)
	sort.SliceStable(e.Rows, func(i, j int) bool {
		a, b := e.Rows[i], e.Rows[j]
		if order[a.SectionPath] != order[b.SectionPath] {
			return order[a.SectionPath] < order[b.SectionPath]
		}
		return a.Role == "lead" && b.Role != "lead"
	})
	return e, rows.Err()
}
