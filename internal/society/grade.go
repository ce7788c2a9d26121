package society

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/measure"
	"kexie/internal/valid"
)

// Indicator is one leaf of the grading indicator tree (学会等级评估指标):
// its group, key and weight (points out of 100).
type Indicator struct {
	Group  string // governance (内部治理), performance (工作绩效), reputation (社会评价)
	Key    string
	Weight float64
}

// Indicators is the indicator tree; the weights add up to 100.
var Indicators = []Indicator{
	{"governance", "charter", 8}, {"governance", "democracy", 8}, {"governance", "finance", 8},
	{"governance", "party", 6}, {"governance", "secretariat", 5},
	{"performance", "academic", 15}, {"performance", "kepu", 10}, {"performance", "service", 10},
	{"performance", "functions", 10},
	{"reputation", "members", 10}, {"reputation", "awards", 10},
}

// GradeFor is the grade a total score (0–100) earns: 5A from 90, 4A from
// 80, 3A from 70, none below.
func GradeFor(score float64) string {
	switch {
	case score >= 90:
		return "5A"
	case score >= 80:
		return "4A"
	case score >= 70:
		return "3A"
	}
	return ""
}

// GradeYears is how long a grade holds.
const GradeYears = 5

// Assessment is a society's self-assessment (自评) for a year: a score per
// indicator as a fraction 0–1 of its weight, with evidence.
type Assessment struct {
	OrgID    int64
	Year     int
	Scores   map[string]float64
	Evidence map[string]string
	Total    float64
	Status   string
	AppID    int64
}

// Total weighs fractions by the indicator tree.
func Total(scores map[string]float64) float64 {
	t := 0.0
	for _, in := range Indicators {
		t += in.Weight * scores[in.Key]
	}
	return math.Round(t*100) / 100
}

// SaveAssessment keeps the self-assessment; submit freezes it for the
// experts. Each indicator must be scored between 0 and 1, and with evidence
// when submitted.
func (s *Store) SaveAssessment(ctx context.Context, a Assessment, submit bool) (Assessment, error) {
	var errs valid.Errors
	for _, in := range Indicators {
		v, ok := a.Scores[in.Key]
		if !(v >= 0 && v <= 1) { // NaN too
			errs.Add("score_"+in.Key, "society.err.fraction")
		}
		if submit && (!ok || a.Evidence[in.Key] == "") {
			errs.Add("evidence_"+in.Key, "society.err.evidence")
		}
	}
	if len(errs) > 0 {
		return a, errs
	}
	a.Total = Total(a.Scores)
	a.Status = "draft"
	if submit {
		a.Status = "submitted"
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockSociety(ctx, tx, a.OrgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, a.OrgID)
		if err != nil {
			return err
		}
		old, err := getAssessment(ctx, tx, a.OrgID, a.Year)
		if err == nil && old.Status == "submitted" {
			return valid.New("form", "society.err.assessment_locked")
		}
		sc, _ := json.Marshal(a.Scores)
		ev, _ := json.Marshal(a.Evidence)
		if _, err := tx.Exec(ctx, `DELETE FROM society_assessments WHERE org_id = ? AND year = ?`, a.OrgID, a.Year); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO society_assessments (id, org_id, year, scores, evidence, total, status, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), a.OrgID, a.Year, string(sc), string(ev), a.Total, a.Status, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("society: save assessment: %w", err)
		}
		return record(ctx, tx, soc, audit.Entry{Action: "society.assess", Target: tgt("society", soc.ID)}, nil, map[string]any{"year": a.Year, "total": a.Total, "status": a.Status})
	})
	return a, err
}

func getAssessment(ctx context.Context, q db.Q, orgID int64, year int) (Assessment, error) {
	a := Assessment{OrgID: orgID, Year: year, Scores: map[string]float64{}, Evidence: map[string]string{}}
	var sc, ev string
	err := q.QueryRow(ctx, `SELECT scores, evidence, total, status, review_app_id FROM society_assessments WHERE org_id = ? AND year = ?`,
		orgID, year).Scan(&sc, &ev, &a.Total, &a.Status, &a.AppID)
	if errors.Is(err, sql.ErrNoRows) {
		return a, &NotFoundError{"assessment", orgID}
	}
	if err != nil {
		return a, err
	}
	_ = json.Unmarshal([]byte(sc), &a.Scores)
	_ = json.Unmarshal([]byte(ev), &a.Evidence)
	return a, nil
}

// GetAssessment returns the society's self-assessment for year.
func (s *Store) GetAssessment(ctx context.Context, orgID int64, year int) (Assessment, error) {
	return getAssessment(ctx, s.db, orgID, year)
}

// AwardGrade records the grade a society earned with score, valid for
// GradeYears from on; callID/appID name the grading call's application.
func (s *Store) AwardGrade(ctx context.Context, orgID int64, score float64, on time.Time, callID, appID int64) (Grade, error) {
	g := Grade{OrgID: orgID, Grade: GradeFor(score), Score: score, AwardedOn: on, ValidUntil: on.AddDate(GradeYears, 0, 0), CallID: callID, AppID: appID}
	if g.Grade == "" {
		return g, valid.New("score", "society.err.no_grade", score)
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockSociety(ctx, tx, orgID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if appID != 0 {
			// One grade per grading application: a second click, or a
			// colleague recording the same result, records nothing.
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM society_grades WHERE org_id = ? AND review_app_id = ?`, orgID, appID).Scan(&n); err != nil {
				return fmt.Errorf("society: award grade: %w", err)
			}
			if n > 0 {
				return valid.New("call_id", "society.err.grade_recorded")
			}
		}
		g.ID = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO society_grades (id, org_id, grade, score, awarded_on, valid_until, review_call_id, review_app_id, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, g.ID, orgID, g.Grade, score, db.Millis(on), db.Millis(g.ValidUntil), callID, appID, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("society: award grade: %w", err)
		}
		return record(ctx, tx, soc, audit.Entry{Action: "society.grade", Target: tgt("society", soc.ID)}, nil, map[string]any{"grade": g.Grade, "score": score})
	})
	return g, err
}

// Grades lists a society's grades, newest first.
func (s *Store) Grades(ctx context.Context, orgID int64) ([]Grade, error) {
	rows, err := s.db.Query(ctx, `SELECT id, org_id, grade, score, awarded_on, valid_until, review_call_id, review_app_id
		FROM society_grades WHERE org_id = ? ORDER BY awarded_on DESC`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Grade
	for rows.Next() {
		var g Grade
		var on, until int64
		if err := rows.Scan(&g.ID, &g.OrgID, &g.Grade, &g.Score, &on, &until, &g.CallID, &g.AppID); err != nil {
			return nil, err
		}
		g.AwardedOn, g.ValidUntil = tm(on), tm(until)
		out = append(out, g)
	}
	return out, rows.Err()
}

// Sources are the quantities the module publishes for plan targets:
// 3A以上学会占比 and the number of societies graded 3A or above.
func (s *Store) Sources() []measure.Source {
	share := func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
		if scope.None() {
			return 0, nil
		}
		n, graded, err := s.graded(ctx, scope, p)
		if err != nil || n == 0 {
			return measure.NoBase, err
		}
		return math.Round(float64(graded)*10000/float64(n)) / 100, nil
	}
	count := func(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
		_, graded, err := s.graded(ctx, scope, p)
		return float64(graded), err
	}
	return []measure.Source{
		{Key: "society.graded3a.share", Label: "society.measure.share", Unit: "%", Kind: measure.Share, AsOf: true, Value: share},
		{Key: "society.graded3a.count", Label: "society.measure.count", Unit: "个", Kind: measure.Count, AsOf: true, Value: count},
		{Key: "society.functions.count", Label: "society.measure.functions", Unit: "个", Kind: measure.Count, AsOf: true, Value: s.withFunctions},
	}
}

// withFunctions counts the societies in scope holding a government
// function (承接政府转移职能) at p's end.
func (s *Store) withFunctions(ctx context.Context, scope access.Scope, p measure.Period) (float64, error) {
	if scope.None() {
		return 0, nil
	}
	at := p.To
	if at.IsZero() {
		at = s.db.Now()
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM orgs o WHERE o.type = 'society' AND o.disabled_at = 0 AND `+cond+`
		AND EXISTS (SELECT 1 FROM society_facts f WHERE f.org_id = o.id AND f.kind = 'function' AND f.from_on <= ?
		AND (f.to_on = 0 OR f.to_on > ?))`, append(args, db.Millis(at), db.Millis(at))...).Scan(&n)
	return float64(n), err
}

// graded counts the societies in scope and those holding a grade at p's end.
func (s *Store) graded(ctx context.Context, scope access.Scope, p measure.Period) (int, int, error) {
	if scope.None() {
		return 0, 0, nil
	}
	at := p.To
	if at.IsZero() {
		at = s.db.Now()
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	var n, graded int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM society_grades g WHERE g.org_id = o.id
		AND g.awarded_on <= ? AND g.valid_until > ?) THEN 1 ELSE 0 END), 0) FROM orgs o
		WHERE o.type = 'society' AND o.disabled_at = 0 AND `+cond, append([]any{db.Millis(at), db.Millis(at)}, args...)...).Scan(&n, &graded)
	return n, graded, err
}
