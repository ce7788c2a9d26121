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

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Pair is 导师结对: a student and a mentor of the talent database.
type Pair struct {
	ID             int64
	OrgID          int64
	OrgPath        string
	StudentID      int64
	StudentName    string
	MentorPerson   int64
	MentorName     string
	MentorEmployer string
	StartedOn      time.Time
	EndedOn        time.Time
	Outcome        string
	Meetings       int
	Minutes        int
}

// Active reports whether the pair has not ended.
func (p Pair) Active() bool { return p.EndedOn.IsZero() }

// HoursText is the meetings' hours ("3.5").
func (p Pair) HoursText() string { return hoursText(p.Minutes) }

func hoursText(min int) string { return tenths((min*10 + 30) / 60) }

// PairMeeting is one meeting of a pair.
type PairMeeting struct {
	HeldOn  time.Time
	Minutes int
	Note    string
}

// HoursText is the meeting's length in hours.
func (m PairMeeting) HoursText() string { return hoursText(m.Minutes) }

// FindMentors searches the talent database, within scope, by name,
// employer or expertise (two to fifty characters; never a phone or an ID).
func (s *Store) FindMentors(ctx context.Context, scope access.Scope, q string) ([]Mentor, error) {
	q = strings.TrimSpace(q)
	if s.cfg.Mentors == nil || scope.None() || utf8.RuneCountInString(q) < 2 || utf8.RuneCountInString(q) > 50 {
		return nil, nil
	}
	if _, ok := std.NormalizeMobile(q); ok || (len(q) == 18 && strings.Trim(q[:17], "0123456789") == "") {
		return nil, nil
	}
	return s.cfg.Mentors.Find(ctx, scope, q, 20)
}

// CreatePair pairs a student with a mentor visible in scope from a start
// date; a mentor has at most MaxMentees students at once, a student one
// active mentor.
func (s *Store) CreatePair(ctx context.Context, studentID, personID int64, startedOn string, scope access.Scope, by Actor) (int64, error) {
	var errs valid.Errors
	start, ok := day(strings.TrimSpace(startedOn))
	if !ok || start.After(s.db.Now().AddDate(0, 3, 0)) || start.Before(s.db.Now().AddDate(-1, 0, 0)) {
		errs.Add("started_on", "youth.err.started_on")
	}
	var m Mentor
	if s.cfg.Mentors == nil || personID == 0 {
		errs.Add("person_id", "youth.err.mentor")
	} else if got, err := s.cfg.Mentors.Get(ctx, scope, personID); errors.Is(err, db.ErrNotFound) {
		errs.Add("person_id", "youth.err.mentor")
	} else if err != nil {
		return 0, err
	} else {
		m = got
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		// The student's row lock first: "one active pair per student" is
		// counted below, and two pairings of one student with two mentors
		// at once (two colleagues, a resubmitted form) must not both see
		// none (integrity review 52).
		if err := tx.LockRow(ctx, "youth_students", studentID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		st, err := getStudent(ctx, tx, studentID)
		if err != nil {
			return err
		}
		if !scope.Contains(st.OrgPath) {
			return &NotFoundError{"student", studentID}
		}
		// Pairings of one mentor wait for each other: the count below must
		// not race another pairing of the same person. A named key, not
		// the person's id as a raw advisory lock, which shared its number
		// with every other raw lock (the migrations', the job claimer's).
		if err := tx.LockKey(ctx, "youth.mentor:"+strconv.FormatInt(personID, 10)); err != nil {
			return err
		}
		var k int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_pairs WHERE mentor_person = ? AND ended_on = 0`, personID).Scan(&k); err != nil {
			return fmt.Errorf("youth: pair: %w", err)
		}
		if k >= s.cfg.MaxMentees {
			return valid.New("person_id", "youth.err.mentor_full", s.cfg.MaxMentees)
		}
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_pairs WHERE student_id = ? AND ended_on = 0`, studentID).Scan(&k); err != nil {
			return fmt.Errorf("youth: pair: %w", err)
		}
		if k > 0 {
			return valid.New("person_id", "youth.err.paired")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO youth_pairs (id, org_id, student_id, mentor_person, mentor_name, mentor_employer, started_on, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, st.OrgID, studentID, personID, m.Name, m.Employer, db.Millis(start), by.UserID, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("youth: pair: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: st.OrgID, OrgPath: st.OrgPath, Action: "youth.pair", Target: pairTarget(id),
			After: map[string]any{"student": studentID, "mentor": m.Name, "person": personID}})
	})
	return id, err
}

// LogMeeting records a meeting of an active pair: the date, its length in
// hours (one decimal) and a short note.
func (s *Store) LogMeeting(ctx context.Context, pairID int64, heldOn, hours, note string, by Actor) error {
	var errs valid.Errors
	d, ok := day(strings.TrimSpace(heldOn))
	if !ok || d.After(s.db.Now()) {
		errs.Add("held_on", "youth.err.held_on")
	}
	h, err := strconv.ParseFloat(strings.TrimSpace(hours), 64)
	mins := int(h*60 + 0.5)
	if err != nil || mins < 6 || mins > MaxMeetingMins {
		errs.Add("hours", "youth.err.meeting_hours", MaxMeetingMins/60)
	}
	note = strings.TrimSpace(note)
	runes(&errs, "note", note, 2, MaxNote, "youth.err.note")
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The pair's row lock: a meeting and the pair's end (or two of
		// either) at once see each other — no meeting recorded twice, none
		// on a pair just ended, one end (integrity review 52).
		if err := tx.LockRow(ctx, "youth_pairs", pairID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		p, err := getPair(ctx, tx, pairID)
		if err != nil {
			return err
		}
		if !p.Active() {
			return valid.New("", "youth.err.status")
		}
		if d.Before(p.StartedOn) {
			return valid.New("held_on", "youth.err.held_on")
		}
		// One record of a meeting (day, length, note) per pair: a second
		// click added its hours again (integrity review 52).
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_meetings WHERE pair_id = ? AND held_on = ? AND hours = ? AND note = ?`,
			pairID, db.Millis(d), mins, note).Scan(&same); err != nil {
			return fmt.Errorf("youth: meeting of %d: %w", pairID, err)
		}
		if same > 0 {
			return valid.New("held_on", "youth.err.met")
		}
		if _, err := tx.Exec(ctx, `INSERT INTO youth_meetings (id, pair_id, held_on, hours, note, at) VALUES (?, ?, ?, ?, ?, ?)`,
			tx.NewID(), pairID, db.Millis(d), mins, note, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("youth: meeting of %d: %w", pairID, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "youth.meeting", Target: pairTarget(pairID),
			After: map[string]any{"held_on": d.Format("2006-01-02"), "minutes": mins}})
	})
}

// EndPair ends an active pair on a date with an outcome.
func (s *Store) EndPair(ctx context.Context, pairID int64, endedOn, outcome string, by Actor) error {
	var errs valid.Errors
	d, ok := day(strings.TrimSpace(endedOn))
	if !ok || d.After(s.db.Now()) {
		errs.Add("ended_on", "youth.err.ended_on")
	}
	if !inList(Outcomes, outcome) {
		errs.Add("outcome", "youth.err.outcome")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The pair's row lock: a meeting and the pair's end (or two of
		// either) at once see each other — no meeting recorded twice, none
		// on a pair just ended, one end (integrity review 52).
		if err := tx.LockRow(ctx, "youth_pairs", pairID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		p, err := getPair(ctx, tx, pairID)
		if err != nil {
			return err
		}
		if !p.Active() {
			return valid.New("", "youth.err.status")
		}
		if d.Before(p.StartedOn) {
			return valid.New("ended_on", "youth.err.ended_on")
		}
		if _, err := tx.Exec(ctx, `UPDATE youth_pairs SET ended_on = ?, outcome = ? WHERE id = ?`, db.Millis(d), outcome, pairID); err != nil {
			return fmt.Errorf("youth: end pair %d: %w", pairID, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "youth.pair_end", Target: pairTarget(pairID),
			After: map[string]any{"ended_on": d.Format("2006-01-02"), "outcome": outcome}})
	})
}

const pairCols = `p.id, p.org_id, o.path, p.student_id, s.name, p.mentor_person, p.mentor_name, p.mentor_employer, p.started_on, p.ended_on, p.outcome,
	(SELECT COUNT(*) FROM youth_meetings m WHERE m.pair_id = p.id), COALESCE((SELECT SUM(m.hours) FROM youth_meetings m WHERE m.pair_id = p.id), 0)`

const pairFrom = ` FROM youth_pairs p JOIN orgs o ON o.id = p.org_id JOIN youth_students s ON s.id = p.student_id`

func scanPair(row db.Scanner, extra ...any) (Pair, error) {
	var p Pair
	var start, end int64
	err := row.Scan(append([]any{&p.ID, &p.OrgID, &p.OrgPath, &p.StudentID, &p.StudentName, &p.MentorPerson, &p.MentorName, &p.MentorEmployer,
		&start, &end, &p.Outcome, &p.Meetings, &p.Minutes}, extra...)...)
	p.StartedOn, p.EndedOn = db.Time(start), optTime(end)
	return p, err
}

func getPair(ctx context.Context, q db.Q, id int64) (Pair, error) {
	p, err := scanPair(q.QueryRow(ctx, `SELECT `+pairCols+pairFrom+` WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, &NotFoundError{"pair", id}
	}
	if err != nil {
		return p, fmt.Errorf("youth: pair %d: %w", id, err)
	}
	return p, nil
}

// Pair returns one pair. Callers check access by its org.
func (s *Store) Pair(ctx context.Context, id int64) (Pair, error) { return getPair(ctx, s.db, id) }

// PairMeetings lists a pair's meetings, newest first.
func (s *Store) PairMeetings(ctx context.Context, pairID int64) ([]PairMeeting, error) {
	rows, err := s.db.Query(ctx, `SELECT held_on, hours, note FROM youth_meetings WHERE pair_id = ? ORDER BY held_on DESC, id DESC`, pairID)
	if err != nil {
		return nil, fmt.Errorf("youth: meetings of %d: %w", pairID, err)
	}
	defer rows.Close()
	var out []PairMeeting
	for rows.Next() {
		var m PairMeeting
		var d int64
		if err := rows.Scan(&d, &m.Minutes, &m.Note); err != nil {
			return nil, fmt.Errorf("youth: meetings of %d: %w", pairID, err)
		}
		m.HeldOn = db.Time(d)
		out = append(out, m)
	}
	return out, rows.Err()
}

// PairFilter selects pairs: always within Scope.
type PairFilter struct {
	Scope     access.Scope
	Q         string // the mentor's name or employer
	Active    bool
	StudentID int64
	OrgPath   string
	Limit     int
	Offset    int
}

// Pairs lists one page of the pairs in the filter and how many match.
func (s *Store) Pairs(ctx context.Context, f PairFilter) ([]Pair, int, error) {
	cond, args, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
	if !ok {
		return nil, 0, nil
	}
	where := []string{cond}
	if f.Active {
		where = append(where, "p.ended_on = 0")
	}
	if f.StudentID != 0 {
		where, args = append(where, "p.student_id = ?"), append(args, f.StudentID)
	}
	if q := strings.TrimSpace(f.Q); utf8.RuneCountInString(q) > MaxSearch {
		where = append(where, "1 = 0") // no name, school or title is that long
	} else if q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(p.mentor_name LIKE ? ESCAPE '\' OR p.mentor_employer LIKE ? ESCAPE '\')`), append(args, like, like)
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 50
	}
	// A count of its own, then the page (D266).
	from := pairFrom + ` WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT ` + pairCols + from + ` ORDER BY p.started_on DESC, p.id DESC LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset,
	}, func(r db.Scanner) (Pair, error) { return scanPair(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("youth: pairs: %w", err)
	}
	return out, total, nil
}
