package youth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/pii"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Student is a minor's record: a name, a school and a grade, the birth
// year (no date), the guardian and their consent. GuardianContact and
// IDNumber are masked when read; they are sealed in the database.
type Student struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Name             string
	Gender           string
	BirthYear        int
	School           string
	Grade            int
	GuardianName     string
	GuardianContact  string
	IDNumber         string
	ConsentBy        string
	ConsentAt        time.Time
	ConsentHow       string
	RecordedName     string
}

// StudentInput is a student as entered, with the guardian's consent: the
// box ticked (Consent), how it was given, by the guardian named.
type StudentInput struct {
	Name            string
	Gender          string
	BirthYear       string
	School          string
	Grade           string
	GuardianName    string
	GuardianContact string
	IDNumber        string
	Consent         bool
	ConsentHow      string
}

// checkedStudent is a student input validated and sealed.
type checkedStudent struct {
	in          StudentInput
	birthYear   int
	grade       int
	contact, id string // sealed
}

// validContact accepts a mobile number or a landline (digits and dashes).
func validContact(c string) (string, bool) {
	if m, ok := std.NormalizeMobile(c); ok {
		return m, true
	}
	digits := strings.ReplaceAll(c, "-", "")
	return c, len(digits) >= 7 && len(digits) <= 16 && strings.Trim(digits, "0123456789") == ""
}

// checkStudent validates a student and seals the guardian's contact and
// the ID number. Consent is required first: without it nothing else of a
// minor is kept.
func (s *Store) checkStudent(in StudentInput) (checkedStudent, error) {
	for _, p := range []*string{&in.Name, &in.Gender, &in.BirthYear, &in.School, &in.Grade, &in.GuardianName, &in.IDNumber, &in.ConsentHow} {
		*p = strings.TrimSpace(*p)
	}
	in.GuardianContact = strings.ReplaceAll(strings.TrimSpace(in.GuardianContact), " ", "")
	c := checkedStudent{in: in}
	var errs valid.Errors
	if !in.Consent {
		errs.Add("consent", "youth.err.consent")
	}
	if !inList(ConsentWays, in.ConsentHow) {
		errs.Add("consent_how", "youth.err.consent_how")
	}
	runes(&errs, "name", in.Name, 2, MaxName, "youth.err.name")
	if in.Gender != "" && !inList(Genders, in.Gender) {
		errs.Add("gender", "youth.err.gender")
	}
	now := s.db.Now().In(zone).Year()
	if in.BirthYear != "" {
		c.birthYear = number(&errs, "birth_year", in.BirthYear, now-20, now-4, "youth.err.birth_year")
	}
	runes(&errs, "school", in.School, 2, MaxSchool, "youth.err.school")
	c.grade = number(&errs, "grade", in.Grade, MinGrade, MaxGrade, "youth.err.grade")
	runes(&errs, "guardian_name", in.GuardianName, 2, MaxName, "youth.err.guardian_name")
	switch contact, ok := validContact(in.GuardianContact); {
	case in.GuardianContact == "":
		errs.Add("guardian_contact", "youth.err.contact_required")
	case len(in.GuardianContact) > MaxContact || !ok:
		errs.Add("guardian_contact", "youth.err.contact")
	default:
		in.GuardianContact = contact
	}
	var idn std.CitizenID
	if in.IDNumber != "" {
		var err error
		if idn, err = std.ParseCitizenID(in.IDNumber, s.db.Now()); err != nil {
			errs.Add("id_number", "youth.err.id_number")
		} else if c.birthYear != 0 && idn.Birth.Year() != c.birthYear {
			errs.Add("birth_year", "youth.err.birth_mismatch")
		}
	}
	if err := errs.Err(); err != nil {
		return c, err
	}
	if idn.Number != "" && c.birthYear == 0 {
		c.birthYear = idn.Birth.Year() // the year only; the number itself is sealed
	}
	if s.cfg.Keys == nil {
		return c, ErrNoKeys
	}
	var err error
	if c.contact, err = s.cfg.Keys.Seal(guardianField, in.GuardianContact); err != nil {
		return c, err
	}
	if idn.Number != "" {
		if c.id, err = s.cfg.Keys.Seal(idField, idn.Number); err != nil {
			return c, err
		}
	}
	c.in = in
	return c, nil
}

// insertStudent keeps a checked student at an org, consent recorded now.
func insertStudent(ctx context.Context, tx *db.Tx, orgID int64, c checkedStudent, by Actor) (int64, error) {
	id := tx.NewID()
	in := c.in
	if _, err := tx.Exec(ctx, `INSERT INTO youth_students (id, org_id, name, gender, birth_year, school, grade, guardian_name, guardian_contact,
		id_number, consent_by, consent_at, consent_how, recorded_by, recorded_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, orgID, in.Name, in.Gender, c.birthYear, in.School, c.grade, in.GuardianName, c.contact, c.id, in.GuardianName,
		db.Millis(tx.Now), in.ConsentHow, by.UserID, by.Name, db.Millis(tx.Now)); err != nil {
		return 0, fmt.Errorf("youth: student: %w", err)
	}
	return id, nil
}

const studentCols = `s.id, s.org_id, o.path, o.name, s.name, s.gender, s.birth_year, s.school, s.grade, s.guardian_name, s.guardian_contact,
	s.id_number, s.consent_by, s.consent_at, s.consent_how, s.recorded_name`

func getStudent(ctx context.Context, q db.Q, id int64) (Student, error) {
	var st Student
	var consent int64
	err := q.QueryRow(ctx, `SELECT `+studentCols+` FROM youth_students s JOIN orgs o ON o.id = s.org_id WHERE s.id = ?`, id).Scan(
		&st.ID, &st.OrgID, &st.OrgPath, &st.OrgName, &st.Name, &st.Gender, &st.BirthYear, &st.School, &st.Grade, &st.GuardianName,
		&st.GuardianContact, &st.IDNumber, &st.ConsentBy, &consent, &st.ConsentHow, &st.RecordedName)
	if errors.Is(err, sql.ErrNoRows) {
		return st, &NotFoundError{"student", id}
	}
	if err != nil {
		return st, fmt.Errorf("youth: student %d: %w", id, err)
	}
	st.ConsentAt = db.Time(consent)
	return st, nil
}

// open reads a sealed value; "" when it cannot.
func (s *Store) open(field, sealed string) string {
	if sealed == "" || s.cfg.Keys == nil {
		return ""
	}
	plain, _ := s.cfg.Keys.Open(field, sealed)
	return plain
}

// Student returns a student, the contact and ID number masked. Callers
// check access by the student's org.
func (s *Store) Student(ctx context.Context, id int64) (Student, error) {
	st, err := getStudent(ctx, s.db, id)
	if err != nil {
		return st, err
	}
	if st.GuardianContact != "" {
		st.GuardianContact = pii.MaskPhone(s.open(guardianField, st.GuardianContact))
		if st.GuardianContact == "" {
			st.GuardianContact = "***"
		}
	}
	if st.IDNumber != "" {
		st.IDNumber = pii.MaskID(s.open(idField, st.IDNumber))
	}
	return st, nil
}

// RevealStudent opens a student's guardian contact and ID number for a
// permitted user and records who saw them.
func (s *Store) RevealStudent(ctx context.Context, id int64) (contact, idNumber string, err error) {
	st, err := getStudent(ctx, s.db, id)
	if err != nil {
		return "", "", err
	}
	if s.cfg.Keys == nil {
		return "", "", ErrNoKeys
	}
	contact, idNumber = s.open(guardianField, st.GuardianContact), s.open(idField, st.IDNumber)
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{OrgID: st.OrgID, OrgPath: st.OrgPath, Action: "youth.reveal", Target: studentTarget(id),
			After: map[string]any{"field": "guardian_contact"}})
	})
	return contact, idNumber, err
}

// GradeLabel is the grade's label key ("youth.grade.7").
func GradeLabel(g int) string { return "youth.grade." + strconv.Itoa(g) }
