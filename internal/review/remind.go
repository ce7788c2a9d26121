package review

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"kexie/internal/db"
	"kexie/internal/jobs"
)

// RemindKind is the job that reminds reviewers with open assignments as a
// stage's deadline nears.
const RemindKind = "review.remind"

// RemindBefore is how long before a stage's deadline reviewers are reminded.
const RemindBefore = 48 * time.Hour

type remindArgs struct {
	Stage int64 `json:"stage"`
}

// UseJobs has reminders run as jobs of r. Call it while the app is wired,
// before r runs; without it no reminder is enqueued.
func (s *Store) UseJobs(r *jobs.Runner) {
	s.jobs = true
	r.Register(RemindKind, jobs.Kind{Handle: func(ctx context.Context, run *jobs.Run) error {
		var a remindArgs
		if err := run.Decode(&a); err != nil {
			return jobs.Fail("review.job.bad_args")
		}
		n, err := s.Remind(ctx, a.Stage)
		if err != nil {
			return err
		}
		run.SetProgress(int64(n), int64(n), "review.job.reminded", n)
		return nil
	}, PerNode: 1})
}

// enqueueReminder schedules the reminder of a stage with a deadline, in
// the caller's transaction.
func (s *Store) enqueueReminder(ctx context.Context, tx *db.Tx, c Call, st Stage) error {
	if !s.jobs || st.DueAt.IsZero() {
		return nil
	}
	_, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: RemindKind, OrgID: c.OrgID, Args: remindArgs{Stage: st.ID},
		RunAfter: st.DueAt.Add(-RemindBefore)})
	return err
}

// Remind leaves a notice for each reviewer who still has open assignments
// at a stage, once per reviewer and stage (running it again adds nothing),
// and returns how many were left now.
func (s *Store) Remind(ctx context.Context, stageID int64) (int, error) {
	n := 0
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		st, err := getStage(ctx, tx, stageID)
		if err != nil {
			return err
		}
		if st.Status != "open" {
			return nil
		}
		rows, err := tx.Query(ctx, `SELECT user_id, COUNT(*) FROM review_assignments WHERE stage_id = ? AND status = 'open' AND user_id <> 0
			GROUP BY user_id ORDER BY user_id`, stageID)
		if err != nil {
			return fmt.Errorf("review: remind %d: %w", stageID, err)
		}
		type due struct {
			user int64
			open int
		}
		var list []due
		for rows.Next() {
			var d due
			if err := rows.Scan(&d.user, &d.open); err != nil {
				rows.Close()
				return fmt.Errorf("review: remind %d: %w", stageID, err)
			}
			list = append(list, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		ref := "remind:stage:" + strconv.FormatInt(stageID, 10)
		for _, d := range list {
			args, _ := json.Marshal([]any{d.open, st.Name, st.DueAt.Format("2006-01-02")})
			res, err := tx.Exec(ctx, `INSERT INTO review_notices (id, user_id, ref, msg, args, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (user_id, ref) DO NOTHING`, tx.NewID(), d.user, ref, "review.notice.remind", string(args), "/review/assignments",
				db.Millis(tx.Now))
			if err != nil {
				return fmt.Errorf("review: remind %d: %w", stageID, err)
			}
			if k, _ := res.RowsAffected(); k > 0 {
				n++
			}
		}
		return nil
	})
	return n, err
}

// Notice is one message of a user's inbox.
type Notice struct {
	ID   int64
	Msg  string
	Args []any
	Link string
	At   time.Time
}

// Notices returns a user's latest notices.
func (s *Store) Notices(ctx context.Context, userID int64, limit int) ([]Notice, error) {
	rows, err := s.db.Query(ctx, `SELECT id, msg, args, link, created_at FROM review_notices WHERE user_id = ?
		ORDER BY created_at DESC, id DESC LIMIT ?`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("review: notices: %w", err)
	}
	defer rows.Close()
	var out []Notice
	for rows.Next() {
		var x Notice
		var args string
		var at int64
		if err := rows.Scan(&x.ID, &x.Msg, &args, &x.Link, &at); err != nil {
			return nil, fmt.Errorf("review: notices: %w", err)
		}
		x.At = db.Time(at)
		if err := json.Unmarshal([]byte(args), &x.Args); err != nil {
			return nil, fmt.Errorf("review: notice %d: %w", x.ID, err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// notify leaves a notice in a user's inbox in the caller's transaction.
// ref names what it is about; a second notice with the same ref is dropped.
func notify(ctx context.Context, tx *db.Tx, userID int64, ref, msg, link string, args ...any) error {
	if userID == 0 {
		return nil
	}
	for len(args) < 3 { // every notice message takes three arguments (indexed verbs)
		args = append(args, "")
	}
	b, err := json.Marshal(args)
	if err != nil {
		return fmt.Errorf("review: notice %s: %w", ref, err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO review_notices (id, user_id, ref, msg, args, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (user_id, ref) DO NOTHING`, tx.NewID(), userID, ref, msg, string(b), link, db.Millis(tx.Now))
	if err != nil {
		return fmt.Errorf("review: notice %s: %w", ref, err)
	}
	return nil
}
