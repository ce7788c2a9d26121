package review

import (
	"context"
	"fmt"
	"kexie/internal/audit"
	"math"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Assignment statuses.
const (
	AssignOpen     = "open"
	AssignDone     = "done"
	AssignDeclined = "declined"
)

// Assignment is one reviewer's task on one application.
type Assignment struct {
	ID        int64
	StageID   int64
	AppID     int64
	PersonID  int64
	UserID    int64
	Status    string
	Scores    map[string]float64
	Total     float64
	Comment   string
	DueAt     time.Time
	DoneAt    time.Time
	CallID    int64
	CallTitle string
	StageName string
	AppTitle  string
}

// Points is the total score as a page shows it: at most two decimals.
func (a Assignment) Points() string {
	return strconv.FormatFloat(math.Round(a.Total*100)/100, 'f', -1, 64)
}

// AssignStage opens a review stage: it draws reviewers for every
// application at the stage from the stage's expert pool with the engine's
// conflict rules and records the seed, so the draw can be replayed.
func (s *Store) AssignStage(ctx context.Context, stageID int64, scope access.Scope, by, seed int64) (Plan, error) {
	st, err := getStage(ctx, s.db, stageID)
	if err != nil {
		return Plan{}, err
	}
	experts, err := s.people.Experts(ctx, st.PoolID)
	if err != nil {
		return Plan{}, fmt.Errorf("review: experts of pool %d: %w", st.PoolID, err)
	}
	var plan Plan
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		// Read the stage again under the call's lock: two openings at once
		// would otherwise both find it pending and both draw reviewers.
		if err := lockCall(ctx, tx, st.CallID); err != nil {
			return err
		}
		st, err := getStage(ctx, tx, stageID)
		if err != nil {
			return err
		}
		c, err := getCall(ctx, tx, st.CallID)
		if err != nil {
			return err
		}
		if !scope.Contains(c.OrgPath) {
			return &NotFoundError{"stage", stageID}
		}
		if st.Kind != StageReview || st.Status != "pending" {
			return valid.New("stage", "review.err.stage_not_pending")
		}
		apps, err := appsAt(ctx, tx, c.ID, st.Seq)
		if err != nil {
			return err
		}
		cands := make([]Candidate, len(experts))
		users := map[int64]int64{}
		for i, e := range experts {
			cands[i] = Candidate{ID: e.PersonID, Employer: e.Employer, OrgPath: e.OrgPath, Disciplines: e.Disciplines}
			users[e.PersonID] = e.UserID
		}
		entries := make([]Entry, len(apps))
		for i, a := range apps {
			entries[i] = Entry{ID: a.ID, ApplicantID: a.PersonID, Employer: a.Employer, OrgPath: a.OrgPath,
				Discipline: a.Discipline, Conflicts: a.Conflicts}
		}
		plan = Assign(cands, entries, AssignRules{Per: st.PerApp, MaxLoad: st.MaxLoad, Seed: seed})
		now := db.Millis(tx.Now)
		for _, a := range apps {
			for _, e := range plan.Experts[a.ID] {
				if _, err := tx.Exec(ctx, `INSERT INTO review_assignments (id, stage_id, application_id, person_id, user_id, status,
					assigned_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), st.ID, a.ID, e, users[e], AssignOpen, now,
					ms(st.DueAt)); err != nil {
					return fmt.Errorf("review: assign %d: %w", a.ID, err)
				}
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE review_stages SET status = 'open', seed = ? WHERE id = ?`, seed, st.ID); err != nil {
			return fmt.Errorf("review: open stage %d: %w", st.ID, err)
		}
		if err := s.enqueueReminder(ctx, tx, c, st); err != nil {
			return err
		}
		ref := "assign:stage:" + strconv.FormatInt(st.ID, 10)
		for _, e := range experts {
			if err := notify(ctx, tx, e.UserID, ref, "review.notice.assigned", "/review/assignments", c.Title, st.Name); err != nil {
				return err
			}
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.assign", Target: target("stage", st.ID)}, nil, map[string]any{
			"seed": seed, "applications": len(apps), "experts": len(experts), "unfilled": len(plan.Unfilled),
			"min_load": plan.MinLoad, "max_load": plan.MaxLoad})
	})
	return plan, err
}

// appsAt lists the applications at a call's stage.
func appsAt(ctx context.Context, q db.Q, callID int64, seq int) ([]Application, error) {
	rows, err := q.Query(ctx, `SELECT `+appCols+` FROM review_applications a JOIN orgs o ON o.id = a.org_id
		WHERE a.call_id = ? AND a.stage_seq = ? AND a.status = ? ORDER BY a.id`, callID, seq, AppInStage)
	if err != nil {
		return nil, fmt.Errorf("review: applications at %d/%d: %w", callID, seq, err)
	}
	defer rows.Close()
	var out []Application
	for rows.Next() {
		a, err := scanApp(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

const asgCols = `g.id, g.stage_id, g.application_id, g.person_id, g.user_id, g.status, g.scores, g.total, g.comment, g.due_at,
	g.done_at, c.id, c.title, t.name, a.title`

const asgFrom = ` FROM review_assignments g JOIN review_stages t ON t.id = g.stage_id JOIN review_calls c ON c.id = t.call_id
	JOIN review_applications a ON a.id = g.application_id`

func scanAsg(row db.Scanner) (Assignment, error) {
	var g Assignment
	var scores string
	var due, done int64
	if err := row.Scan(&g.ID, &g.StageID, &g.AppID, &g.PersonID, &g.UserID, &g.Status, &scores, &g.Total, &g.Comment,
		&due, &done, &g.CallID, &g.CallTitle, &g.StageName, &g.AppTitle); err != nil {
		return g, err
	}
	g.DueAt, g.DoneAt = tm(due), tm(done)
	return g, unmarshal(scores, &g.Scores)
}

func queryAsg(ctx context.Context, q db.Q, where string, args ...any) ([]Assignment, error) {
	rows, err := q.Query(ctx, `SELECT `+asgCols+asgFrom+` WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("review: assignments: %w", err)
	}
	defer rows.Close()
	var out []Assignment
	for rows.Next() {
		g, err := scanAsg(rows)
		if err != nil {
			return nil, fmt.Errorf("review: assignments: %w", err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// MyAssignments lists a reviewer's own assignments, open ones first: a
// reviewer sees no one else's.
func (s *Store) MyAssignments(ctx context.Context, userID int64) ([]Assignment, error) {
	if userID == 0 {
		return nil, nil
	}
	return queryAsg(ctx, s.db, `g.user_id = ? AND g.status <> 'declined' ORDER BY CASE g.status WHEN 'open' THEN 0 ELSE 1 END, g.due_at, g.id`, userID)
}

// StageAssignments lists a stage's assignments for the call's owner.
func (s *Store) StageAssignments(ctx context.Context, stageID int64, scope access.Scope) ([]Assignment, error) {
	st, err := getStage(ctx, s.db, stageID)
	if err != nil {
		return nil, err
	}
	c, err := getCall(ctx, s.db, st.CallID)
	if err != nil {
		return nil, err
	}
	if !scope.Contains(c.OrgPath) {
		return nil, &NotFoundError{"stage", stageID}
	}
	return queryAsg(ctx, s.db, `g.stage_id = ? ORDER BY g.application_id, g.person_id`, stageID)
}

// Reviewing is what a reviewer sees of an assigned application: the form
// and answers (without identifying fields in blind mode), the rubric and
// their own scores, never another reviewer's.
type Reviewing struct {
	Assignment Assignment
	Stage      Stage
	Form       Schema
	Answers    Answers
	Applicant  string // empty in blind mode
}

// Review returns an assignment for its reviewer (userID), or NotFound for
// anyone else.
func (s *Store) Review(ctx context.Context, assignmentID, userID int64) (Reviewing, error) {
	var r Reviewing
	list, err := queryAsg(ctx, s.db, `g.id = ? AND g.user_id = ? AND g.status <> 'declined'`, assignmentID, userID)
	if err != nil {
		return r, err
	}
	if len(list) == 0 || userID == 0 {
		return r, &NotFoundError{"assignment", assignmentID}
	}
	r.Assignment = list[0]
	if r.Stage, err = getStage(ctx, s.db, r.Assignment.StageID); err != nil {
		return r, err
	}
	a, err := getApp(ctx, s.db, r.Assignment.AppID)
	if err != nil {
		return r, err
	}
	if r.Form, _, err = form(ctx, s.db, a.CallID, a.FormVersion); err != nil {
		return r, err
	}
	r.Answers, r.Applicant = a.Answers, a.Name
	if r.Stage.Blind {
		r.Answers, r.Applicant = r.Form.Redact(a.Answers), ""
		r.Assignment.AppTitle = strings.TrimSpace(r.Assignment.AppTitle)
	}
	return r, nil
}
