package conference

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// SummaryInput is a 会议总结 as typed. Note explains an attendance above
// the checked-in count (people who came without registering); Reason is
// required to correct a summary already filed.
type SummaryInput struct {
	Attendance string
	Papers     string
	IntlPeople string
	Outcome    string
	Note       string
	Reason     string
}

// FileSummary files the summary of a held conference after its end date,
// or corrects the one filed (with a reason; the figures it replaces stay in
// the timeline, and a confirmation given is taken back). The attendance is
// never below the people checked in, and above them only with a note; the
// papers exchanged are never fewer than the papers accepted.
func (s *Store) FileSummary(ctx context.Context, id int64, in SummaryInput, by Actor) error {
	var errs valid.Errors
	att := count(&errs, "attendance", in.Attendance, 0, MaxPeople, true)
	papers := count(&errs, "papers", in.Papers, 0, MaxPeople, true)
	intl := count(&errs, "intl_people", in.IntlPeople, 0, MaxPeople, false)
	in.Outcome, in.Note, in.Reason = strings.TrimSpace(in.Outcome), strings.TrimSpace(in.Note), strings.TrimSpace(in.Reason)
	runes(&errs, "outcome", in.Outcome, 20, MaxOutcome, "conference.err.outcome")
	runes(&errs, "note", in.Note, 0, MaxReason, "conference.err.note")
	runes(&errs, "reason", in.Reason, 0, MaxReason, "conference.err.reason")
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockConf(ctx, tx, id); err != nil {
			return err
		}
		c, err := getConf(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != Held && c.Status != Done {
			return valid.New("", "conference.err.status")
		}
		if today(tx.Now) <= c.EndsOn {
			return valid.New("", "conference.err.not_ended")
		}
		var errs valid.Errors
		switch {
		case att < c.CheckedIn:
			errs.Add("attendance", "conference.err.below_checkins", c.CheckedIn)
		case att > c.CheckedIn && in.Note == "":
			errs.Add("note", "conference.err.above_checkins", c.CheckedIn)
		}
		if papers < c.Accepted {
			errs.Add("papers", "conference.err.below_accepted", c.Accepted)
		}
		if intl > att {
			errs.Add("intl_people", "conference.err.intl_above")
		}
		correcting := c.Summary.Filed()
		if correcting && in.Reason == "" {
			errs.Add("reason", "conference.err.reason")
		}
		if err := errs.Err(); err != nil {
			return err
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE conference_confs SET status = 'held', summary_at = ?, summary_user = ?, attendance = ?, papers = ?,
			intl_people = ?, outcome = ?, confirmed_at = 0, updated_at = ? WHERE id = ?`, now, by.UserID, att, papers, intl, in.Outcome, now, id); err != nil {
			return fmt.Errorf("conference: summary %d: %w", id, err)
		}
		figures := fmt.Sprintf("%d / %d / %d", att, papers, intl)
		action, note, detail := "summary", in.Note, figures
		before := map[string]any{}
		if correcting {
			// The reason, and the note on people who came without
			// checking in, which the corrected attendance may need again.
			action, note = "correct", in.Reason
			if in.Note != "" {
				note += "；" + in.Note
			}
			old := fmt.Sprintf("%d / %d / %d", c.Summary.Attendance, c.Summary.Papers, c.Summary.IntlPeople)
			detail = old + " → " + figures
			before = map[string]any{"attendance": c.Summary.Attendance, "papers": c.Summary.Papers, "intl_people": c.Summary.IntlPeople,
				"outcome": short(c.Summary.Outcome, 80)}
		}
		if err := addEvent(ctx, tx, id, by, action, note, detail); err != nil {
			return err
		}
		after := map[string]any{"attendance": att, "papers": papers, "intl_people": intl, "outcome": short(in.Outcome, 80)}
		if in.Note != "" {
			after["note"] = short(in.Note, 80)
		}
		if correcting {
			after["reason"] = short(in.Reason, 80)
		}
		return auditAppend(ctx, tx, c, "conference."+action, before, after)
	})
}

// Confirm confirms a filed summary: by staff of the org above, never the
// person who filed the summary or the conference; the conference is then
// 已总结.
func (s *Store) Confirm(ctx context.Context, id int64, scope access.Scope, by Actor) error {
	return s.step(ctx, id, by, "confirm", []Status{Held}, func(tx *db.Tx, c Conference) (Status, string, string, error) {
		if !c.Summary.Filed() {
			return "", "", "", valid.New("", "conference.err.no_summary")
		}
		if err := upper(ctx, tx, c, scope, by, append(append([]string{}, planSteps...), summarySteps...)); err != nil {
			return "", "", "", err
		}
		if by.UserID != 0 && by.UserID == c.Summary.User {
			return "", "", "", valid.New("", "conference.err.own")
		}
		if _, err := tx.Exec(ctx, `UPDATE conference_confs SET confirmed_at = ? WHERE id = ?`, db.Millis(tx.Now), id); err != nil {
			return "", "", "", fmt.Errorf("conference: confirm %d: %w", id, err)
		}
		return Done, "", "", nil
	})
}
