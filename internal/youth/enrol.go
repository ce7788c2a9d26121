package youth

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Enrolment is one student's application to a programme and its outcome.
type Enrolment struct {
	ID               int64
	ProgrammeID      int64
	ProgrammeTitle   string
	ProgrammeKind    string
	ProgrammeStatus  string
	ProgrammeStarts  time.Time
	StudentID        int64
	OrgID            int64
	OrgPath, OrgName string
	StudentName      string
	School           string
	Grade            int
	Gender           string
	Status           string
	AppliedAs        string // "teacher" or "guardian"
	ApplicantUser    int64
	ApplicantName    string
	Reason           string
	DecidedAt        time.Time
	Certificate      string
	CompletedAt      time.Time
	AppliedAt        time.Time
	Present          int // days present
}

// ApplyInput is an application for a student to a programme.
type ApplyInput struct {
	ProgrammeID int64
	Student     StudentInput
}

// lockProgramme reads a programme for a change that counts its places:
// on PostgreSQL the row is locked so two transactions cannot both take the
// last place; SQLite's one writer already serializes them.
func lockProgramme(ctx context.Context, tx *db.Tx, id int64) (Programme, error) {
	// A missing programme is getProgramme's to report, as the module's own
	// not-found error.
	if err := tx.LockRow(ctx, "youth_programmes", id); err != nil && !errors.Is(err, db.ErrNotFound) {
		return Programme{}, fmt.Errorf("youth: lock programme %d: %w", id, err)
	}
	return getProgramme(ctx, tx, id)
}

// Apply records an application for a student to an open programme: the
// student (with the guardian's consent, required) and the application,
// 待审核. A signed-in user registered as a 科技辅导员 applies as the teacher;
// anyone else as the guardian. The grade must be one the programme takes
// and a place still free.
func (s *Store) Apply(ctx context.Context, in ApplyInput, by Actor) (int64, error) {
	if by.UserID == 0 {
		return 0, valid.New("", "youth.err.sign_in")
	}
	c, err := s.checkStudent(in.Student)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		p, err := lockProgramme(ctx, tx, in.ProgrammeID)
		if err != nil {
			return err
		}
		if p.Status == Draft || p.Status == Cancelled {
			// Not public: answered as a programme that does not exist.
			return &NotFoundError{"programme", in.ProgrammeID}
		}
		if p.Status != Open {
			return valid.New("", "youth.err.not_open")
		}
		if p.Started(tx.Now) {
			// Staff may not have closed it yet; the first day closes it.
			return valid.New("", "youth.err.apply_started")
		}
		if c.grade < p.GradeLo || c.grade > p.GradeHi {
			return valid.New("grade", "youth.err.grade_range")
		}
		if p.Accepted >= p.Places {
			return valid.New("", "youth.err.full")
		}
		var k int
		// Only the applicant's own applications are compared: refusing a
		// name someone else applied with would tell any signed-in user
		// which child of which school is in the programme. Staff see
		// another applicant's same name and school on the application.
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_enrolments WHERE programme_id = ? AND applicant_user = ? AND student_name = ? AND school = ?
			AND status NOT IN ('withdrawn', 'cancelled')`, p.ID, by.UserID, c.in.Name, c.in.School).Scan(&k); err != nil {
			return fmt.Errorf("youth: apply: %w", err)
		}
		if k > 0 {
			return valid.New("name", "youth.err.duplicate")
		}
		as := "guardian"
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM youth_teachers WHERE user_id = ?`, by.UserID).Scan(&k); err != nil {
			return fmt.Errorf("youth: apply: %w", err)
		}
		if k > 0 {
			as = "teacher"
		}
		sid, err := insertStudent(ctx, tx, p.OrgID, c, by)
		if err != nil {
			return err
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO youth_enrolments (id, programme_id, student_id, org_id, student_name, school, grade, gender, status,
			applied_as, applicant_user, applicant_name, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
			id, p.ID, sid, p.OrgID, c.in.Name, c.in.School, c.grade, c.in.Gender, as, by.UserID, by.Name, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("youth: apply: %w", err)
		}
		if err := addEvent(ctx, tx, p.ID, id, by, "apply", "", as); err != nil {
			return err
		}
		// The audit record names the programme and the student's id, never
		// the minor's name or the guardian's contact.
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "youth.apply", Target: enrolmentTarget(id),
			After: map[string]any{"programme": p.ID, "student": sid, "as": as, "consent": c.in.ConsentHow}})
	})
	return id, err
}

// Decisions staff take on an application.
var Decisions = []string{"accept", "waitlist", "decline"}

// Decide accepts (录取), waitlists (候补) or declines (不录取, with the reason)
// an application. Whoever applied never decides it; an acceptance takes a
// place, and none is taken beyond the programme's places.
func (s *Store) Decide(ctx context.Context, id int64, decision, reason string, by Actor) error {
	reason = strings.TrimSpace(reason)
	var to string
	var from []string
	switch decision {
	case "accept":
		to, from = Accepted, []string{Pending, Waitlisted}
	case "waitlist":
		to, from = Waitlisted, []string{Pending}
	case "decline":
		to, from = Declined, []string{Pending, Waitlisted}
		var errs valid.Errors
		runes(&errs, "reason", reason, 2, MaxReason, "youth.err.reason")
		if err := errs.Err(); err != nil {
			return err
		}
	default:
		return valid.New("decision", "youth.err.decision")
	}
	if len([]rune(reason)) > MaxReason {
		return valid.New("reason", "youth.err.too_long", MaxReason)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		e, err := getEnrolment(ctx, tx, id)
		if err != nil {
			return err
		}
		if by.UserID != 0 && by.UserID == e.ApplicantUser {
			return valid.New("", "youth.err.own")
		}
		p, err := lockProgramme(ctx, tx, e.ProgrammeID)
		if err != nil {
			return err
		}
		// Read again under the programme's lock: a withdrawal may have
		// come in between.
		if e, err = getEnrolment(ctx, tx, id); err != nil {
			return err
		}
		if e.Status == Withdrawn {
			return valid.New("", "youth.err.withdrawn")
		}
		if !inList(from, e.Status) || (p.Status != Open && p.Status != Closed) {
			return valid.New("", "youth.err.status")
		}
		if to == Accepted && p.Accepted >= p.Places {
			return valid.New("", "youth.err.full")
		}
		if _, err := tx.Exec(ctx, `UPDATE youth_enrolments SET status = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?`,
			to, reason, by.UserID, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("youth: decide %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, e.ProgrammeID, id, by, decision, reason, ""); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: e.OrgPath, Action: "youth." + decision, Target: enrolmentTarget(id),
			// The reason stays in the timeline: staff may name the child in it.
			Before: map[string]any{"status": e.Status}, After: map[string]any{"status": to}})
	})
}

// AttendDay records a day's attendance of a programme's accepted students:
// present lists the enrolments there, every other accepted one is absent.
// A day marked again replaces its marks, the change kept in the timeline.
func (s *Store) AttendDay(ctx context.Context, programmeID int64, dayText string, present map[int64]bool, by Actor) error {
	d, ok := day(strings.TrimSpace(dayText))
	if !ok {
		return valid.New("day", "youth.err.date")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The programme's row lock: two saves of a day at once (a double
		// click, two staff at the door) each deleted nothing and inserted,
		// and all but one failed on the key with a raw database error
		// (integrity review 52).
		p, err := lockProgramme(ctx, tx, programmeID)
		if err != nil {
			return err
		}
		if p.Status != Open && p.Status != Closed && p.Status != Ended {
			return valid.New("", "youth.err.status")
		}
		if d.Before(p.StartsOn) || d.After(p.EndsOn) || d.After(tx.Now) {
			return valid.New("day", "youth.err.day")
		}
		rows, err := tx.Query(ctx, `SELECT id FROM youth_enrolments WHERE programme_id = ? AND status = 'accepted'`, programmeID)
		if err != nil {
			return fmt.Errorf("youth: attend %d: %w", programmeID, err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("youth: attend %d: %w", programmeID, err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("youth: attend %d: %w", programmeID, err)
		}
		if len(ids) == 0 {
			return valid.New("", "youth.err.nobody")
		}
		n := 0
		for _, id := range ids {
			mark := 0
			if present[id] {
				mark, n = 1, n+1
			}
			if _, err := tx.Exec(ctx, `DELETE FROM youth_attendance WHERE enrolment_id = ? AND day = ?`, id, db.Millis(d)); err != nil {
				return fmt.Errorf("youth: attend %d: %w", programmeID, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO youth_attendance (enrolment_id, day, present, by_user, at) VALUES (?, ?, ?, ?, ?)`,
				id, db.Millis(d), mark, by.UserID, db.Millis(tx.Now)); err != nil {
				return fmt.Errorf("youth: attend %d: %w", programmeID, err)
			}
		}
		detail := fmt.Sprintf("%s %d/%d", d.Format("2006-01-02"), n, len(ids))
		if err := addEvent(ctx, tx, programmeID, 0, by, "attend", "", detail); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "youth.attend", Target: programmeTarget(programmeID),
			After: map[string]any{"day": d.Format("2006-01-02"), "present": n, "of": len(ids)}})
	})
}

// certificate is a certificate number nobody can guess: the year and 60
// random bits ("QS2026-7KQ2M-XW4PD-H3").
func certificate(now time.Time) (string, error) {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("youth: certificate: %w", err)
	}
	c := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)[:12]
	return fmt.Sprintf("QS%d-%s-%s-%s", now.In(zone).Year(), c[:5], c[5:10], c[10:]), nil
}

// Complete marks an accepted student who attended at least one day as
// 结业 once the programme's last day has come, and issues a certificate
// number. Whoever applied for the student never completes them.
func (s *Store) Complete(ctx context.Context, id int64, by Actor) (string, error) {
	var cert string
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		e, err := getEnrolment(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err := lockProgramme(ctx, tx, e.ProgrammeID)
		if err != nil {
			return err
		}
		// Read again under the lock: a cancellation may have come in between.
		if e, err = getEnrolment(ctx, tx, id); err != nil {
			return err
		}
		if by.UserID != 0 && by.UserID == e.ApplicantUser {
			return valid.New("", "youth.err.own")
		}
		if e.Status != Accepted || (p.Status != Closed && p.Status != Ended && p.Status != Open) {
			return valid.New("", "youth.err.status")
		}
		if tx.Now.Before(p.EndsOn) {
			return valid.New("", "youth.err.not_over")
		}
		if e.Present == 0 {
			return valid.New("", "youth.err.no_attendance")
		}
		if cert, err = certificate(tx.Now); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE youth_enrolments SET status = 'completed', certificate = ?, completed_at = ? WHERE id = ?`,
			cert, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("youth: complete %d: %w", id, err)
		}
		if err := addEvent(ctx, tx, e.ProgrammeID, id, by, "complete", "", cert); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: e.OrgPath, Action: "youth.complete", Target: enrolmentTarget(id),
			After: map[string]any{"certificate": cert}})
	})
	return cert, err
}

const enrolmentCols = `e.id, e.programme_id, p.title, p.kind, p.status, p.starts_on, e.student_id, e.org_id, o.path, o.name, e.student_name, e.school, e.grade, e.gender,
	e.status, e.applied_as, e.applicant_user, e.applicant_name, e.reason, e.decided_at, COALESCE(e.certificate, ''), e.completed_at, e.applied_at,
	(SELECT COUNT(*) FROM youth_attendance a WHERE a.enrolment_id = e.id AND a.present = 1)`

const enrolmentFrom = ` FROM youth_enrolments e JOIN youth_programmes p ON p.id = e.programme_id JOIN orgs o ON o.id = e.org_id`

func scanEnrolment(row db.Scanner) (Enrolment, error) {
	var e Enrolment
	var decided, completed, applied, starts int64
	err := row.Scan(&e.ID, &e.ProgrammeID, &e.ProgrammeTitle, &e.ProgrammeKind, &e.ProgrammeStatus, &starts, &e.StudentID, &e.OrgID, &e.OrgPath, &e.OrgName, &e.StudentName,
		&e.School, &e.Grade, &e.Gender, &e.Status, &e.AppliedAs, &e.ApplicantUser, &e.ApplicantName, &e.Reason, &decided, &e.Certificate,
		&completed, &applied, &e.Present)
	e.DecidedAt, e.CompletedAt, e.AppliedAt, e.ProgrammeStarts = optTime(decided), optTime(completed), db.Time(applied), db.Time(starts)
	return e, err
}

func getEnrolment(ctx context.Context, q db.Q, id int64) (Enrolment, error) {
	e, err := scanEnrolment(q.QueryRow(ctx, `SELECT `+enrolmentCols+enrolmentFrom+` WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, &NotFoundError{"enrolment", id}
	}
	if err != nil {
		return e, fmt.Errorf("youth: enrolment %d: %w", id, err)
	}
	return e, nil
}

// Twins counts the other live applications to e's programme with e's
// student name and school, filed by someone else: staff check them before
// deciding (Apply refuses a duplicate only among the applicant's own).
func (s *Store) Twins(ctx context.Context, e Enrolment) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM youth_enrolments WHERE programme_id = ? AND id <> ? AND student_name = ? AND school = ?
		AND status NOT IN ('withdrawn', 'cancelled')`, e.ProgrammeID, e.ID, e.StudentName, e.School).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("youth: twins of %d: %w", e.ID, err)
	}
	return n, nil
}

// Enrolment returns one enrolment. Callers check access by its org.
func (s *Store) Enrolment(ctx context.Context, id int64) (Enrolment, error) {
	return getEnrolment(ctx, s.db, id)
}

// Attendance maps a programme's accepted or completed enrolments to the
// days they were marked present, for the roster.
func (s *Store) Attendance(ctx context.Context, programmeID int64) (map[int64]map[string]bool, error) {
	rows, err := s.db.Query(ctx, `SELECT a.enrolment_id, a.day, a.present FROM youth_attendance a JOIN youth_enrolments e ON e.id = a.enrolment_id
		WHERE e.programme_id = ?`, programmeID)
	if err != nil {
		return nil, fmt.Errorf("youth: attendance of %d: %w", programmeID, err)
	}
	defer rows.Close()
	out := map[int64]map[string]bool{}
	for rows.Next() {
		var id, d int64
		var present int
		if err := rows.Scan(&id, &d, &present); err != nil {
			return nil, fmt.Errorf("youth: attendance of %d: %w", programmeID, err)
		}
		if out[id] == nil {
			out[id] = map[string]bool{}
		}
		out[id][db.Time(d).In(zone).Format("2006-01-02")] = present == 1
	}
	return out, rows.Err()
}

// StudentEnrolments lists a student's applications, newest first. Callers
// check access by the student's org.
func (s *Store) StudentEnrolments(ctx context.Context, studentID int64) ([]Enrolment, error) {
	rows, err := s.db.Query(ctx, `SELECT `+enrolmentCols+enrolmentFrom+` WHERE e.student_id = ? ORDER BY e.applied_at DESC, e.id DESC`, studentID)
	if err != nil {
		return nil, fmt.Errorf("youth: enrolments of student %d: %w", studentID, err)
	}
	defer rows.Close()
	var out []Enrolment
	for rows.Next() {
		e, err := scanEnrolment(rows)
		if err != nil {
			return nil, fmt.Errorf("youth: enrolments of student %d: %w", studentID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
