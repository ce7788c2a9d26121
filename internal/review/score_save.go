package review

import (
	"context"
	"fmt"
	"kexie/internal/audit"
	"unicode/utf8"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// SaveScore records a reviewer's scores on their assignment while the
// stage is open: every criterion within its range, a comment where the
// rubric requires one. The total is the weighted mean of the criteria.
// A reviewer may correct their scores until the stage closes (the audit
// log keeps each version).
func (s *Store) SaveScore(ctx context.Context, assignmentID, userID int64, values map[string]float64, comment string) (float64, error) {
	comment = clean(comment)
	var total float64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockCallOfAssignment(ctx, tx, assignmentID); err != nil {
			return err
		}
		list, err := queryAsg(ctx, tx, `g.id = ? AND g.user_id = ?`, assignmentID, userID)
		if err != nil {
			return err
		}
		if len(list) == 0 || userID == 0 {
			return &NotFoundError{"assignment", assignmentID}
		}
		g := list[0]
		st, err := getStage(ctx, tx, g.StageID)
		if err != nil {
			return err
		}
		if st.Status != "open" || g.Status == AssignDeclined {
			return valid.New("form", "review.err.stage_closed")
		}
		if err := windowErr(st, tx.Now); err != nil {
			return err
		}
		var errs valid.Errors
		needComment := false
		var sum, weights float64
		for _, c := range st.Rubric {
			v, ok := values[c.Key]
			switch {
			case !ok:
				errs.Add("s."+c.Key, "review.err.required")
			case v != v || v < c.Min || v > c.Max:
				errs.Add("s."+c.Key, "review.err.score_range", fmtNum(c.Min), fmtNum(c.Max))
			}
			needComment = needComment || c.CommentRequired
			sum += v * c.Weight
			weights += c.Weight
		}
		for k := range values {
			if !hasCriterion(st.Rubric, k) {
				errs.Add("s."+k, "review.err.field_unknown")
			}
		}
		if needComment && comment == "" {
			errs.Add("comment", "review.err.comment_required")
		}
		if utf8.RuneCountInString(comment) > 5000 {
			errs.Add("comment", "review.err.text_long", 5000)
		}
		if len(errs) > 0 {
			return errs
		}
		total = round(sum / weights)
		if _, err := tx.Exec(ctx, `UPDATE review_assignments SET scores = ?, total = ?, comment = ?, status = ?, done_at = ? WHERE id = ?`,
			toJSON(values), total, comment, AssignDone, db.Millis(tx.Now), g.ID); err != nil {
			return fmt.Errorf("review: score %d: %w", g.ID, err)
		}
		c, err := getCall(ctx, tx, g.CallID)
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.score", Target: target("assignment", g.ID)},
			map[string]any{"total": g.Total, "status": g.Status}, map[string]any{"total": total})
	})
	return total, err
}

func hasCriterion(r []Criterion, k string) bool {
	for _, c := range r {
		if c.Key == k {
			return true
		}
	}
	return false
}

// Decline records that a reviewer declines an assignment (a conflict they
// declare, 回避) and gives the application to another expert of the pool
// who is free of conflicts and not yet on it, if there is one.
func (s *Store) Decline(ctx context.Context, assignmentID, userID int64, reason string) error {
	reason = clean(reason)
	if reason == "" || utf8.RuneCountInString(reason) > 1000 {
		return valid.New("reason", "review.err.reason")
	}
	list, err := queryAsg(ctx, s.db, `g.id = ? AND g.user_id = ?`, assignmentID, userID)
	if err != nil {
		return err
	}
	if len(list) == 0 || userID == 0 {
		return &NotFoundError{"assignment", assignmentID}
	}
	st, err := getStage(ctx, s.db, list[0].StageID)
	if err != nil {
		return err
	}
	experts, err := s.people.Experts(ctx, st.PoolID)
	if err != nil {
		return fmt.Errorf("review: experts of pool %d: %w", st.PoolID, err)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// Read the assignment and its stage again under the call's lock: two
		// refusals at once would otherwise each draw a replacement, and one
		// could land on a stage just closed.
		if err := lockCallOfAssignment(ctx, tx, assignmentID); err != nil {
			return err
		}
		list, err := queryAsg(ctx, tx, `g.id = ? AND g.user_id = ?`, assignmentID, userID)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return &NotFoundError{"assignment", assignmentID}
		}
		g := list[0]
		st, err := getStage(ctx, tx, g.StageID)
		if err != nil {
			return err
		}
		if st.Status != "open" || g.Status != AssignOpen {
			return valid.New("form", "review.err.stage_closed")
		}
		if err := windowErr(st, tx.Now); err != nil {
			return err
		}
		a, err := getApp(ctx, tx, g.AppID)
		if err != nil {
			return err
		}
		taken := map[int64]bool{}
		rows, err := queryAsg(ctx, tx, `g.stage_id = ? AND g.application_id = ?`, st.ID, a.ID)
		if err != nil {
			return err
		}
		for _, r := range rows {
			taken[r.PersonID] = true
		}
		var cands []Candidate
		users := map[int64]int64{}
		for _, e := range experts {
			if !taken[e.PersonID] {
				cands = append(cands, Candidate{ID: e.PersonID, Employer: e.Employer, OrgPath: e.OrgPath, Disciplines: e.Disciplines})
				users[e.PersonID] = e.UserID
			}
		}
		entry := Entry{ID: a.ID, ApplicantID: a.PersonID, Employer: a.Employer, OrgPath: a.OrgPath, Discipline: a.Discipline,
			Conflicts: append(a.Conflicts, g.PersonID)}
		plan := Assign(cands, []Entry{entry}, AssignRules{Per: 1, Seed: st.Seed + g.ID})
		if _, err := tx.Exec(ctx, `UPDATE review_assignments SET status = ?, comment = ? WHERE id = ?`, AssignDeclined, reason, g.ID); err != nil {
			return fmt.Errorf("review: decline %d: %w", g.ID, err)
		}
		var replacement int64
		for _, e := range plan.Experts[a.ID] {
			replacement = e
			if _, err := tx.Exec(ctx, `INSERT INTO review_assignments (id, stage_id, application_id, person_id, user_id, status,
				assigned_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), st.ID, a.ID, e, users[e], AssignOpen,
				db.Millis(tx.Now), ms(st.DueAt)); err != nil {
				return fmt.Errorf("review: replace %d: %w", g.ID, err)
			}
		}
		c, err := getCall(ctx, tx, st.CallID)
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, c, audit.Entry{Action: "review.decline", Target: target("assignment", g.ID)}, nil,
			map[string]any{"reason": reason, "replacement": replacement})
	})
}
