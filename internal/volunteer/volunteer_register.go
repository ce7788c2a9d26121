package volunteer

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Input is a registration, typed by the volunteer or by staff, or one row
// of an import.
type Input struct {
	OrgID    int64
	UserID   int64 // the volunteer's own account when self-registering
	Name     string
	IDNumber string
	Phone    string
	Skills   []string
}

var phoneRE = regexp.MustCompile(`^1[3-9][0-9]{9}$`)

// checked is an Input that passed check, with what follows from it.
type checked struct {
	Input
	id     std.CitizenID
	index  string
	skills []string
}

// check validates in (trimming it) and derives the ID number's parts.
func (s *Store) check(in Input, tx *db.Tx) (checked, valid.Errors) {
	var errs valid.Errors
	c := checked{Input: in}
	c.Name = strings.TrimSpace(in.Name)
	if n := utf8.RuneCountInString(c.Name); n == 0 || n > 50 {
		errs.Add("name", "volunteer.err.name")
	}
	id, err := std.ParseCitizenID(in.IDNumber, tx.Now)
	if ie := (*std.IDError)(nil); errors.As(err, &ie) {
		errs.Add("id_number", "volunteer.err.id_number")
	} else {
		c.id = id
		c.index = s.keys.Index("id_number", id.Number)
	}
	c.Phone = strings.TrimSpace(in.Phone)
	if c.Phone != "" && !phoneRE.MatchString(c.Phone) {
		errs.Add("phone", "volunteer.err.phone")
	}
	seen := map[string]bool{}
	for _, sk := range in.Skills {
		for _, part := range strings.FieldsFunc(sk, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' }) {
			part = strings.TrimSpace(part)
			if part == "" || seen[part] {
				continue
			}
			if utf8.RuneCountInString(part) > 20 {
				errs.Add("skills", "volunteer.err.skill")
				continue
			}
			seen[part] = true
			c.skills = append(c.skills, part)
		}
	}
	if len(c.skills) > 10 {
		errs.Add("skills", "volunteer.err.skills")
	}
	return c, errs
}

// ErrDuplicate is the code of a volunteer already registered with the ID
// number (found through its blind index).
const ErrDuplicate = "volunteer.err.duplicate"

// Register records a volunteer. A number already registered is refused
// (ErrDuplicate on id_number), wherever it was registered; a user account
// registers at most once.
func (s *Store) Register(ctx context.Context, in Input, by int64) (Volunteer, error) {
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		c, errs := s.check(in, tx)
		if err := errs.Err(); err != nil {
			return err
		}
		var err error
		id, err = s.insert(ctx, tx, c, by)
		return err
	})
	if err != nil {
		return Volunteer{}, err
	}
	return s.Volunteer(ctx, id)
}

func (s *Store) insert(ctx context.Context, tx *db.Tx, c checked, by int64) (int64, error) {
	ref, err := org.Lookup(ctx, tx, c.OrgID)
	if err != nil {
		if errors.As(err, new(*org.NotFoundError)) {
			return 0, valid.New("org_id", "volunteer.err.org")
		}
		return 0, err
	}
	if dup, err := duplicate(ctx, tx, c.index); err != nil || dup {
		if dup {
			return 0, valid.New("id_number", ErrDuplicate)
		}
		return 0, err
	}
	var n int
	if c.UserID != 0 {
		// One account's registrations at once wait for each other, so the
		// count sees them all (race review 51).
		if err := tx.LockKey(ctx, fmt.Sprintf("volunteer.register:%d", c.UserID)); err != nil {
			return 0, err
		}
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteers WHERE user_id = ?`, c.UserID).Scan(&n); err != nil {
			return 0, fmt.Errorf("volunteer: account check: %w", err)
		}
		if n > 0 {
			return 0, valid.New("name", "volunteer.err.already")
		}
	}
	idSealed, err := s.keys.Seal("id_number", c.id.Number)
	if err != nil {
		return 0, err
	}
	phone, err := s.keys.Seal("phone", c.Phone)
	if err != nil {
		return 0, err
	}
	gender := "f"
	if c.id.Male {
		gender = "m"
	}
	id := tx.NewID()
	now := db.Millis(tx.Now)
	_, err = tx.Exec(ctx, `INSERT INTO volunteers (id, org_id, user_id, name, gender, birth_year, id_sealed, id_index, phone_sealed, skills, minutes, created_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
		id, c.OrgID, c.UserID, c.Name, gender, c.id.Birth.Year(), idSealed, c.index, phone, strings.Join(c.skills, "、"), by, now, now)
	if db.IsUniqueViolation(err) {
		return 0, valid.New("id_number", ErrDuplicate)
	}
	if err != nil {
		return 0, fmt.Errorf("volunteer: insert: %w", err)
	}
	for _, sk := range c.skills {
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_skills (volunteer_id, skill) VALUES (?, ?)`, id, sk); err != nil {
			return 0, fmt.Errorf("volunteer: skill: %w", err)
		}
	}
	return id, audit.Append(ctx, tx, audit.Entry{OrgID: c.OrgID, OrgPath: ref.Path, Action: "volunteer.register",
		Target: fmt.Sprintf("volunteer:%d", id), After: map[string]any{"name": c.Name, "self": c.UserID != 0, "skills": strings.Join(c.skills, "、")}})
}

// duplicate reports whether a volunteer is registered with the ID number
// whose blind index is index.
func duplicate(ctx context.Context, tx *db.Tx, index string) (bool, error) {
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteers WHERE id_index = ?`, index).Scan(&n); err != nil {
		return false, fmt.Errorf("volunteer: duplicate check: %w", err)
	}
	return n > 0, nil
}
