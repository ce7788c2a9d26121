package youth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/money"
	"kexie/internal/valid"
)

// Programme is one 科学营 or other activity an org runs for students.
type Programme struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Title            string
	Kind             string
	StartsOn, EndsOn time.Time
	Places           int
	GradeLo, GradeHi int
	Fee              int64 // fen; 0 is free
	Description      string
	Status           string
	Reason           string // why it was cancelled
	Summary          string
	CreatedBy        int64
	Accepted         int // places taken (录取 and 结业)
	Applied          int // applications of any status
}

// Started reports whether the programme's first day has come at now (its
// days are 北京 calendar days): an open programme then takes no more
// applications, whether or not staff have closed it.
func (p Programme) Started(now time.Time) bool { return !now.Before(p.StartsOn) }

// Left is how many places are still free.
func (p Programme) Left() int { return max(p.Places-p.Accepted, 0) }

// FeeText is the fee in 元 ("" when free).
func (p Programme) FeeText() string {
	if p.Fee == 0 {
		return ""
	}
	return FormatYuan(p.Fee)
}

// Days lists the programme's days, for attendance.
func (p Programme) Days() []time.Time {
	var out []time.Time
	for d := p.StartsOn.In(zone); !d.After(p.EndsOn.In(zone)) && len(out) <= MaxDays; d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// ParseYuan reads an amount in 元 with at most two decimals into fen; ok is
// false for anything else, a negative amount or more than MaxFee.
func ParseYuan(s string) (int64, bool) { return money.Parse(s, "元", MaxFee) }

// FormatYuan writes fen as 元 ("1280", "99.5").
func FormatYuan(n int64) string { return money.Format(n) }

// ProgrammeInput is a programme as entered: dates as typed, places and
// grades as numbers, the fee in 元 ("" or "0" when free).
type ProgrammeInput struct {
	OrgID       int64
	Title       string
	Kind        string
	StartsOn    string
	EndsOn      string
	Places      string
	GradeLo     string
	GradeHi     string
	Fee         string
	Description string
}

func runes(errs *valid.Errors, field, v string, lo, hi int, short string) {
	switch n := utf8.RuneCountInString(v); {
	case n < lo:
		errs.Add(field, short, lo)
	case n > hi:
		errs.Add(field, "youth.err.too_long", hi)
	}
}

func number(errs *valid.Errors, field, v string, lo, hi int, key string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < lo || n > hi {
		errs.Add(field, key, lo, hi)
	}
	return n
}

// programmeValues are a programme's input once read.
type programmeValues struct {
	title, kind, description string
	starts, ends             time.Time
	places, lo, hi           int
	fee                      int64
}

// checkProgramme reads and checks a programme's input (all but the org);
// starts is checked against [now-1y, now+2y].
func (s *Store) checkProgramme(in ProgrammeInput, errs *valid.Errors) programmeValues {
	var v programmeValues
	v.title, v.description = strings.TrimSpace(in.Title), strings.TrimSpace(in.Description)
	v.kind = in.Kind
	runes(errs, "title", v.title, 4, MaxTitle, "youth.err.title")
	if !inList(Kinds, in.Kind) {
		errs.Add("kind", "youth.err.kind")
	}
	starts, ok1 := day(strings.TrimSpace(in.StartsOn))
	ends, ok2 := day(strings.TrimSpace(in.EndsOn))
	v.starts, v.ends = starts, ends
	now := s.db.Now()
	switch {
	case !ok1:
		errs.Add("starts_on", "youth.err.date")
	case starts.Before(now.AddDate(-1, 0, 0)) || starts.After(now.AddDate(2, 0, 0)):
		errs.Add("starts_on", "youth.err.starts")
	}
	switch {
	case !ok2:
		errs.Add("ends_on", "youth.err.date")
	case ok1 && (ends.Before(starts) || ends.After(starts.AddDate(0, 0, MaxDays-1))):
		errs.Add("ends_on", "youth.err.ends", MaxDays)
	}
	v.places = number(errs, "places", in.Places, 1, MaxPlaces, "youth.err.places")
	v.lo = number(errs, "grade_lo", in.GradeLo, MinGrade, MaxGrade, "youth.err.grade")
	v.hi = number(errs, "grade_hi", in.GradeHi, MinGrade, MaxGrade, "youth.err.grade")
	if v.lo > v.hi && v.hi >= MinGrade {
		errs.Add("grade_hi", "youth.err.grade_order")
	}
	if f := strings.TrimSpace(in.Fee); f != "" {
		var ok bool
		if v.fee, ok = ParseYuan(f); !ok {
			errs.Add("fee", "youth.err.fee", FormatYuan(MaxFee))
		}
	}
	if utf8.RuneCountInString(v.description) > MaxText {
		errs.Add("description", "youth.err.too_long", MaxText)
	}
	return v
}

// CreateProgramme adds a programme of an org, as a 草稿. Callers check the
// org is in the creator's scope (the handler does).
func (s *Store) CreateProgramme(ctx context.Context, in ProgrammeInput, by Actor) (int64, error) {
	var errs valid.Errors
	v := s.checkProgramme(in, &errs)
	if in.OrgID == 0 {
		errs.Add("org_id", "youth.err.org")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	in.Title, in.Kind, in.Description = v.title, v.kind, v.description
	starts, ends, places, lo, hi, fee := v.starts, v.ends, v.places, v.lo, v.hi, v.fee
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var path string
		err := tx.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ? AND disabled_at = 0`, in.OrgID).Scan(&path)
		if errors.Is(err, sql.ErrNoRows) {
			return valid.New("org_id", "youth.err.org")
		}
		if err != nil {
			return fmt.Errorf("youth: create programme: %w", err)
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO youth_programmes (id, org_id, title, kind, starts_on, ends_on, places, grade_lo, grade_hi, fee,
			description, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
			id, in.OrgID, in.Title, in.Kind, db.Millis(starts), db.Millis(ends), places, lo, hi, fee, in.Description, by.UserID, now, now); err != nil {
			return fmt.Errorf("youth: create programme: %w", err)
		}
		if err := addEvent(ctx, tx, id, 0, by, "create", "", in.Title); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "youth.programme", Target: programmeTarget(id),
			After: map[string]any{"title": in.Title, "kind": in.Kind, "places": places, "fee": fee}})
	})
	return id, err
}

// moves are the programme steps: from which statuses each goes, and to.
var moves = map[string]struct {
	from []string
	to   string
}{
	"open":      {[]string{Draft}, Open},
	"close":     {[]string{Open}, Closed},
	"end":       {[]string{Open, Closed}, Ended},
	"summarize": {[]string{Ended}, Summarized},
	"cancel":    {[]string{Draft, Open, Closed}, Cancelled},
}

// Move takes a programme one step: open (报名), close (截止), end (结束),
// summarize (总结, with the summary as note) or cancel (取消, with the
// reason as note).
func (s *Store) Move(ctx context.Context, id int64, step, note string, by Actor) error {
	m, ok := moves[step]
	if !ok {
		return valid.New("", "youth.err.status")
	}
	note = strings.TrimSpace(note)
	switch step {
	case "summarize":
		var errs valid.Errors
		runes(&errs, "summary", note, 10, MaxText, "youth.err.summary")
		if err := errs.Err(); err != nil {
			return err
		}
	case "cancel":
		var errs valid.Errors
		runes(&errs, "reason", note, 2, MaxReason, "youth.err.reason")
		if err := errs.Err(); err != nil {
			return err
		}
	default:
		note = ""
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		p, err := getProgramme(ctx, tx, id)
		if err != nil {
			return err
		}
		if !inList(m.from, p.Status) {
			return valid.New("", "youth.err.status")
		}
		if step == "end" && tx.Now.Before(p.EndsOn) {
			return valid.New("", "youth.err.not_over")
		}
		set := ""
		switch step {
		case "summarize":
			set = ", summary = ?"
		case "cancel":
			set = ", reason = ?"
		}
		args := []any{m.to, db.Millis(tx.Now)}
		if set != "" {
			args = append(args, note)
		}
		if _, err := tx.Exec(ctx, `UPDATE youth_programmes SET status = ?, updated_at = ?`+set+` WHERE id = ?`, append(args, id)...); err != nil {
			return fmt.Errorf("youth: %s programme %d: %w", step, id, err)
		}
		if err := addEvent(ctx, tx, id, 0, by, step, note, ""); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "youth." + step, Target: programmeTarget(id),
			Before: map[string]any{"status": p.Status}, After: map[string]any{"status": m.to}})
	})
}

const programmeCols = `p.id, p.org_id, o.path, o.name, p.title, p.kind, p.starts_on, p.ends_on, p.places, p.grade_lo, p.grade_hi, p.fee,
	p.description, p.status, p.reason, p.summary, p.created_by,
	(SELECT COUNT(*) FROM youth_enrolments e WHERE e.programme_id = p.id AND e.status IN ('accepted', 'completed')),
	(SELECT COUNT(*) FROM youth_enrolments e WHERE e.programme_id = p.id)`

func scanProgramme(row db.Scanner, extra ...any) (Programme, error) {
	var p Programme
	var starts, ends int64
	err := row.Scan(append([]any{&p.ID, &p.OrgID, &p.OrgPath, &p.OrgName, &p.Title, &p.Kind, &starts, &ends, &p.Places, &p.GradeLo, &p.GradeHi,
		&p.Fee, &p.Description, &p.Status, &p.Reason, &p.Summary, &p.CreatedBy, &p.Accepted, &p.Applied}, extra...)...)
	p.StartsOn, p.EndsOn = db.Time(starts), db.Time(ends)
	return p, err
}

func getProgramme(ctx context.Context, q db.Q, id int64) (Programme, error) {
	p, err := scanProgramme(q.QueryRow(ctx, `SELECT `+programmeCols+` FROM youth_programmes p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, &NotFoundError{"programme", id}
	}
	if err != nil {
		return p, fmt.Errorf("youth: programme %d: %w", id, err)
	}
	return p, nil
}

// Programme returns one programme. Callers check access by its org.
func (s *Store) Programme(ctx context.Context, id int64) (Programme, error) {
	return getProgramme(ctx, s.db, id)
}

// PublicProgramme returns a programme the public may read (open, closed,
// ended or summarized): its counts, never a student.
func (s *Store) PublicProgramme(ctx context.Context, id int64) (Programme, error) {
	p, err := getProgramme(ctx, s.db, id)
	if err != nil {
		return Programme{}, err
	}
	if p.Status == Draft || p.Status == Cancelled {
		return Programme{}, &NotFoundError{"programme", id}
	}
	return p, nil
}

// addEvent appends one step to a programme's (and an enrolment's) timeline.
func addEvent(ctx context.Context, tx *db.Tx, programmeID, enrolmentID int64, by Actor, action, note, detail string) error {
	if _, err := tx.Exec(ctx, `INSERT INTO youth_events (id, programme_id, enrolment_id, at, actor_user, actor_name, action, note, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), programmeID, enrolmentID, db.Millis(tx.Now), by.UserID, by.Name, action, note, detail); err != nil {
		return fmt.Errorf("youth: event %s of %d: %w", action, programmeID, err)
	}
	return nil
}

// Event is one step of a programme's or an enrolment's timeline.
type Event struct {
	At        time.Time
	ActorName string
	Action    string
	Note      string
	Detail    string
	Lines     []ChangeLine // an edit's changes, labelled for the page
}

// Events returns a programme's own steps (enrolmentID 0) or an enrolment's
// steps, oldest first.
func (s *Store) Events(ctx context.Context, programmeID, enrolmentID int64) ([]Event, error) {
	rows, err := s.db.Query(ctx, `SELECT at, actor_name, action, note, detail FROM youth_events WHERE programme_id = ? AND enrolment_id = ?
		ORDER BY at, id`, programmeID, enrolmentID)
	if err != nil {
		return nil, fmt.Errorf("youth: events of %d: %w", programmeID, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at int64
		if err := rows.Scan(&at, &e.ActorName, &e.Action, &e.Note, &e.Detail); err != nil {
			return nil, fmt.Errorf("youth: events of %d: %w", programmeID, err)
		}
		e.At = db.Time(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
