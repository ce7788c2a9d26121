package society

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"kexie/internal/db"
	"kexie/internal/jobs"
)

// RemindKind is the job that reminds a society of a term ending.
const RemindKind = "society.remind"

// ReportsKind is the yearly job that reminds every society without a
// filed annual report, a month before the deadline; each run schedules
// the next year's.
const ReportsKind = "society.remind_reports"

type reportsArgs struct {
	Year int `json:"year"`
}

type remindArgs struct {
	Term   int64 `json:"term"`
	Months int   `json:"months"`
}

// UseJobs has reminders run as jobs of r; call it while wiring.
func (s *Store) UseJobs(r *jobs.Runner) {
	s.jobs = true
	r.Register(RemindKind, jobs.Kind{Handle: func(ctx context.Context, run *jobs.Run) error {
		var a remindArgs
		if err := run.Decode(&a); err != nil {
			return jobs.Fail("society.job.bad_args")
		}
		left, err := s.RemindTerm(ctx, a.Term, a.Months)
		if err != nil {
			return err
		}
		run.SetProgress(1, 1, "society.job.reminded", boolInt(left))
		return nil
	}, PerNode: 1})
	r.Register(ReportsKind, jobs.Kind{Handle: func(ctx context.Context, run *jobs.Run) error {
		var a reportsArgs
		if err := run.Decode(&a); err != nil {
			return jobs.Fail("society.job.bad_args")
		}
		n, err := s.RemindReports(ctx, a.Year)
		if err != nil {
			return err
		}
		if err := s.db.Tx(ctx, func(tx *db.Tx) error { return s.enqueueReports(ctx, tx, a.Year+1) }); err != nil {
			return err
		}
		run.SetProgress(int64(n), int64(n), "society.job.reminded", n)
		return nil
	}, PerNode: 1})
}

// enqueueReports schedules the report reminder of year a month before
// its deadline.
func (s *Store) enqueueReports(ctx context.Context, tx *db.Tx, year int) error {
	_, err := jobs.Enqueue(ctx, tx, jobs.Spec{Kind: ReportsKind, Args: reportsArgs{Year: year}, RunAfter: s.Deadline(year).AddDate(0, -1, 0)})
	return err
}

// ScheduleReports makes sure a report reminder is queued (call it when a
// node starts its jobs): for the year whose reports are due next.
func (s *Store) ScheduleReports(ctx context.Context) error {
	if !s.jobs {
		return nil
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// Nodes starting at once wait for each other, so one reminder is
		// queued (race review 51).
		if err := tx.LockKey(ctx, "jobs:"+ReportsKind); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM jobs WHERE kind = ? AND state IN ('queued', 'running')`, ReportsKind).Scan(&n); err != nil {
			return fmt.Errorf("society: schedule reminders: %w", err)
		}
		if n > 0 {
			return nil
		}
		year := tx.Now.In(s.cfg.Loc).Year() - 1
		if !tx.Now.Before(s.Deadline(year)) {
			year++
		}
		return s.enqueueReports(ctx, tx, year)
	})
}

// RemindTerm leaves the society a reminder that its term ends in months,
// once (running it again adds nothing), unless the 换届 is done. It
// reports whether it left one.
func (s *Store) RemindTerm(ctx context.Context, termID int64, months int) (bool, error) {
	left := false
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		t, err := getTerm(ctx, tx, termID)
		if err != nil {
			return err
		}
		if !t.ElectedOn.IsZero() {
			return nil
		}
		left, err = remind(ctx, tx, t.OrgID, fmt.Sprintf("term:%d:%d", t.ID, months), "society.remind.term",
			"society.body."+t.Body, t.Seq, t.EndsOn.In(s.cfg.Loc).Format("2006-01-02"), months)
		return err
	})
	return left, err
}

// RemindReports leaves each society in scope without a filed report on
// year a reminder (once per society and year); run it before the deadline.
func (s *Store) RemindReports(ctx context.Context, year int) (int, error) {
	n := 0
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		rows, err := tx.Query(ctx, `SELECT o.id FROM orgs o LEFT JOIN society_reports r ON r.org_id = o.id AND r.year = ?
			WHERE o.type = 'society' AND o.disabled_at = 0 AND (r.id IS NULL OR r.first_filed = 0)`, year)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		due := s.Deadline(year).Add(-time.Second).In(s.cfg.Loc).Format("2006-01-02")
		for _, id := range ids {
			ok, err := remind(ctx, tx, id, fmt.Sprintf("report:%d", year), "society.remind.report", year, due)
			if err != nil {
				return err
			}
			if ok {
				n++
			}
		}
		return nil
	})
	return n, err
}

func remind(ctx context.Context, tx *db.Tx, orgID int64, ref, msg string, args ...any) (bool, error) {
	raw, _ := json.Marshal(args)
	res, err := tx.Exec(ctx, `INSERT INTO society_reminders (org_id, ref, message, args, created_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (org_id, ref) DO NOTHING`, orgID, ref, msg, string(raw), db.Millis(tx.Now))
	if err != nil {
		return false, fmt.Errorf("society: remind %d %s: %w", orgID, ref, err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Reminder is a note left for a society.
type Reminder struct {
	Message string
	Args    []any
	At      time.Time
}

// Reminders lists the society's reminders, newest first.
func (s *Store) Reminders(ctx context.Context, orgID int64) ([]Reminder, error) {
	rows, err := s.db.Query(ctx, `SELECT message, args, created_at FROM society_reminders WHERE org_id = ? ORDER BY created_at DESC LIMIT 20`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Reminder
	for rows.Next() {
		var r Reminder
		var raw string
		var at int64
		if err := rows.Scan(&r.Message, &raw, &at); err != nil {
			return nil, err
		}
		_ = json.Unmarshal([]byte(raw), &r.Args)
		r.At = tm(at)
		out = append(out, r)
	}
	return out, rows.Err()
}
