package youth

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Change is one field an edit changed, its value before and after as kept
// in the timeline: dates as "2006-01-02", the fee in 元, grades and places
// as numbers, the kind as its code.
type Change struct {
	Field string `json:"f"`
	Old   string `json:"o"`
	New   string `json:"n"`
}

// Changes are the fields an "edit" event changed (none for other events).
func (e Event) Changes() []Change {
	if e.Action != "edit" {
		return nil
	}
	var out []Change
	if err := json.Unmarshal([]byte(e.Detail), &out); err != nil {
		return nil
	}
	return out
}

// Edit phases: what may still change of a programme.
const (
	EditAll     = "all"     // not started: everything but the org
	EditRunning = "running" // started: title, description, places, the last day
	EditOver    = "over"    // ended or summarized: title and description
	EditNone    = "none"    // cancelled
)

// EditPhase is what may still change of p at now: everything before its
// first day; once it has started, only the title, the description, the
// places and the last day (the kind, the first day, the grades and the fee
// are what students applied and came for, and attendance is kept by day);
// once it has ended, only the title and the description (the record of
// what happened, on which certificates were issued); nothing once cancelled.
func EditPhase(p Programme, now time.Time) string {
	switch {
	case p.Status == Cancelled:
		return EditNone
	case p.Status == Ended || p.Status == Summarized:
		return EditOver
	case !now.Before(p.StartsOn):
		return EditRunning
	}
	return EditAll
}

// Editable reports whether field may change in phase.
func Editable(phase, field string) bool {
	switch phase {
	case EditAll:
		return true
	case EditRunning:
		return field == "title" || field == "description" || field == "places" || field == "ends_on"
	case EditOver:
		return field == "title" || field == "description"
	}
	return false
}

// EditInput is a programme as it is now, as the edit form shows it.
func (p Programme) EditInput() ProgrammeInput {
	fee := ""
	if p.Fee != 0 {
		fee = FormatYuan(p.Fee)
	}
	return ProgrammeInput{OrgID: p.OrgID, Title: p.Title, Kind: p.Kind, StartsOn: dayText(p.StartsOn), EndsOn: dayText(p.EndsOn),
		Places: strconv.Itoa(p.Places), GradeLo: strconv.Itoa(p.GradeLo), GradeHi: strconv.Itoa(p.GradeHi), Fee: fee, Description: p.Description}
}

func dayText(t time.Time) string { return t.In(zone).Format("2006-01-02") }

func feeText(n int64) string {
	if n == 0 {
		return "0"
	}
	return FormatYuan(n)
}

// EditProgramme changes a programme (never its org): what may change
// depends on EditPhase; the places never drop below those taken, the
// grades keep every application's grade, the fee never rises once someone
// has applied, a programme that has not started is not moved into the past
// and a running one does not end before today. Every change is kept in the
// programme's timeline (field, old → new) and audited; bad input, a locked
// field or no change at all saves nothing.
func (s *Store) EditProgramme(ctx context.Context, id int64, in ProgrammeInput, by Actor) error {
	var errs valid.Errors
	v := s.checkProgramme(in, &errs)
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		p, err := lockProgramme(ctx, tx, id)
		if err != nil {
			return err
		}
		phase := EditPhase(p, tx.Now)
		if phase == EditNone {
			return valid.New("", "youth.err.status")
		}
		y, m, d := tx.Now.In(zone).Date()
		today := time.Date(y, m, d, 0, 0, 0, 0, zone)
		var changes []Change
		var errs valid.Errors
		change := func(field, old, new string) bool {
			if old == new {
				return false
			}
			if !Editable(phase, field) {
				key := "youth.err.locked_started"
				if phase == EditOver {
					key = "youth.err.locked_over"
				}
				errs.Add(field, key)
				return false
			}
			changes = append(changes, Change{field, old, new})
			return true
		}
		change("title", p.Title, v.title)
		change("kind", p.Kind, v.kind)
		if change("starts_on", dayText(p.StartsOn), dayText(v.starts)) && p.Status != Draft && v.starts.Before(today) {
			errs.Add("starts_on", "youth.err.starts_past")
		}
		if change("ends_on", dayText(p.EndsOn), dayText(v.ends)) && phase == EditRunning && v.ends.Before(today) {
			errs.Add("ends_on", "youth.err.ends_past")
		}
		if change("places", strconv.Itoa(p.Places), strconv.Itoa(v.places)) && v.places < p.Accepted {
			errs.Add("places", "youth.err.places_taken", p.Accepted)
		}
		lo := change("grade_lo", strconv.Itoa(p.GradeLo), strconv.Itoa(v.lo))
		hi := change("grade_hi", strconv.Itoa(p.GradeHi), strconv.Itoa(v.hi))
		if lo || hi {
			var k int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_enrolments WHERE programme_id = ? AND status IN ('pending', 'waitlisted', 'accepted', 'completed')
				AND (grade < ? OR grade > ?)`, id, v.lo, v.hi).Scan(&k); err != nil {
				return fmt.Errorf("youth: edit programme %d: %w", id, err)
			}
			if k > 0 {
				errs.Add("grade_lo", "youth.err.grades_taken", k)
			}
		}
		if change("fee", feeText(p.Fee), feeText(v.fee)) && v.fee > p.Fee {
			var k int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_enrolments WHERE programme_id = ? AND status IN ('pending', 'waitlisted', 'accepted')`,
				id).Scan(&k); err != nil {
				return fmt.Errorf("youth: edit programme %d: %w", id, err)
			}
			if k > 0 {
				errs.Add("fee", "youth.err.fee_rise")
			}
		}
		change("description", p.Description, v.description)
		if err := errs.Err(); err != nil {
			return err
		}
		if len(changes) == 0 {
			return valid.New("", "youth.err.no_change")
		}
		if _, err := tx.Exec(ctx, `UPDATE youth_programmes SET title = ?, kind = ?, starts_on = ?, ends_on = ?, places = ?, grade_lo = ?, grade_hi = ?,
			fee = ?, description = ?, updated_at = ? WHERE id = ?`, v.title, v.kind, db.Millis(v.starts), db.Millis(v.ends), v.places, v.lo, v.hi,
			v.fee, v.description, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("youth: edit programme %d: %w", id, err)
		}
		detail, err := json.Marshal(changes)
		if err != nil {
			return fmt.Errorf("youth: edit programme %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, id, 0, by, "edit", "", string(detail)); err != nil {
			return err
		}
		before, after := map[string]any{}, map[string]any{}
		for _, c := range changes {
			before[c.Field], after[c.Field] = c.Old, c.New
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "youth.edit", Target: programmeTarget(id),
			Before: before, After: after})
	})
}
