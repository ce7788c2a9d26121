package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// NoticeVersion names the personal-information notice a consent refers to;
// change it when the notice's text changes.
const NoticeVersion = "2026-11"

// ConsentPurpose is what the holder agrees to.
const ConsentPurpose = "talent_database"

// OwnProfile returns the person record a user account owns.
func (s *Store) OwnProfile(ctx context.Context, userID int64) (Person, error) {
	p, err := scan(s.db.QueryRow(ctx, `SELECT `+cols+` FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.user_id = ?`, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("people: profile of user %d: %w", userID, db.ErrNotFound)
	}
	return p, err
}

// CreateOwn creates the profile of a registered user, with their consent.
// Without consent nothing is stored. An ID number another record already
// holds is not refused: the profile keeps it without its blind index and a
// claim goes to the staff of the org owning that record (self_claim.go), so
// the answer is the same whether the number was held or not.
func (s *Store) CreateOwn(ctx context.Context, userID int64, in Input, consent bool) (Person, error) {
	if !consent {
		return Person{}, valid.New("consent", "people.err.consent")
	}
	return s.create(ctx, in, func(tx *db.Tx, id, held int64) error {
		if _, err := tx.Exec(ctx, `UPDATE people SET user_id = ? WHERE id = ?`, userID, id); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("", "people.err.profile_exists")
			}
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO consents (id, person_id, purpose, notice_version, given_at) VALUES (?, ?, ?, ?, ?)`,
			tx.NewID(), id, ConsentPurpose, NoticeVersion, db.Millis(tx.Now)); err != nil {
			return err
		}
		var orgID int64
		var path string
		if err := tx.QueryRow(ctx, `SELECT o.id, o.path FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, id).Scan(&orgID, &path); err != nil {
			return err
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "person.consent", Target: target(id),
			After: map[string]string{"purpose": ConsentPurpose, "notice": NoticeVersion}}); err != nil {
			return err
		}
		if held != 0 {
			return fileClaim(ctx, tx, held, id, userID)
		}
		return nil
	})
}

// Consent is one recorded consent.
type Consent struct {
	Purpose       string    `json:"purpose"`
	NoticeVersion string    `json:"notice_version"`
	GivenAt       time.Time `json:"given_at"`
	WithdrawnAt   time.Time `json:"withdrawn_at,omitzero"`
}

// Consents lists a person's consents.
func (s *Store) Consents(ctx context.Context, personID int64) ([]Consent, error) {
	rows, err := s.db.Query(ctx, `SELECT purpose, notice_version, given_at, withdrawn_at FROM consents WHERE person_id = ? ORDER BY given_at`, personID)
	if err != nil {
		return nil, fmt.Errorf("people: consents: %w", err)
	}
	defer rows.Close()
	var out []Consent
	for rows.Next() {
		var c Consent
		var g, w int64
		if err := rows.Scan(&c.Purpose, &c.NoticeVersion, &g, &w); err != nil {
			return nil, err
		}
		c.GivenAt, c.WithdrawnAt = db.Time(g), db.Time(w)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Export is everything Kexie holds about a person, for the holder's PIPL
// right of access.
type Export struct {
	Name         string       `json:"name"`
	Gender       string       `json:"gender"`
	BirthDate    string       `json:"birth_date"`
	IDNumber     string       `json:"id_number"`
	Phone        string       `json:"phone"`
	Email        string       `json:"email"`
	Employer     string       `json:"employer"`
	EmployerUSCC string       `json:"employer_uscc,omitempty"`
	Title        string       `json:"title"`
	TitleLevel   string       `json:"title_level"`
	Education    string       `json:"education"`
	Degree       string       `json:"degree"`
	Discipline   string       `json:"discipline"`
	Disciplines2 []string     `json:"secondary_disciplines"`
	Expertise    string       `json:"expertise"`
	RegionCode   string       `json:"region_code"`
	Categories   string       `json:"categories"`
	Org          string       `json:"organization"`
	Memberships  []Membership `json:"memberships"`
	Consents     []Consent    `json:"consents"`
	ExportedAt   time.Time    `json:"exported_at"`
}

// ExportOwn decrypts and gathers a user's own data; the read is audited.
func (s *Store) ExportOwn(ctx context.Context, userID int64) (Export, error) {
	p, err := s.OwnProfile(ctx, userID)
	if err != nil {
		return Export{}, err
	}
	idn, err := s.keys.Open("id_number", p.IDSealed)
	if err != nil {
		return Export{}, err
	}
	phone, err := s.keys.Open("phone", p.PhoneSealed)
	if err != nil {
		return Export{}, err
	}
	ms, err := s.Memberships(ctx, p.ID, access.Everywhere()) // the holder's own, wherever in the tree
	if err != nil {
		return Export{}, err
	}
	cs, err := s.Consents(ctx, p.ID)
	if err != nil {
		return Export{}, err
	}
	e := Export{Name: p.Name, Gender: p.Gender, BirthDate: birthDate(idn), IDNumber: idn, Phone: phone, Email: p.Email,
		Employer: p.Employer, EmployerUSCC: p.EmployerUSCC, Title: p.Title, TitleLevel: p.TitleLevel, Education: p.Education, Degree: p.Degree,
		Discipline: p.Discipline, Disciplines2: p.Disciplines2, Expertise: p.Expertise, RegionCode: p.RegionCode, Categories: p.Categories, Org: p.OrgName,
		Memberships: ms, Consents: cs, ExportedAt: s.db.Now().UTC()}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "person.export_self", Target: target(p.ID)})
	})
	return e, err
}

// RequestDeletion records the holder's request to delete their data; an
// org administrator resolves it.
func (s *Store) RequestDeletion(ctx context.Context, userID int64, reason string) error {
	p, err := s.OwnProfile(ctx, userID)
	if err != nil {
		return err
	}
	if utf8.RuneCountInString(reason) > 500 {
		return valid.New("reason", "people.err.too_long", 500)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The holder's row lock: two requests at once cannot both find none
		// pending (race review 51).
		if err := tx.LockRow(ctx, "people", p.ID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM deletion_requests WHERE person_id = ? AND status = 'pending'`, p.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return valid.New("", "people.err.deletion_pending")
		}
		if _, err := tx.Exec(ctx, `INSERT INTO deletion_requests (id, person_id, requested_at, reason, status) VALUES (?, ?, ?, ?, 'pending')`,
			tx.NewID(), p.ID, db.Millis(tx.Now), strings.TrimSpace(reason)); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "person.deletion_request", Target: target(p.ID)})
	})
}

// DeletionRequest is a pending or resolved request.
type DeletionRequest struct {
	ID          int64
	PersonID    int64
	Name        string
	OrgName     string
	OrgPath     string
	RequestedAt time.Time
	Reason      string
	Status      string
}

// DeletionRequests lists requests for people inside scope, pending first.
func (s *Store) DeletionRequests(ctx context.Context, scope access.Scope) ([]DeletionRequest, error) {
	if scope.None() {
		return nil, nil
	}
	q := `SELECT r.id, r.person_id, p.name, o.name, o.path, r.requested_at, r.reason, r.status FROM deletion_requests r
		JOIN people p ON p.id = r.person_id JOIN orgs o ON o.id = p.org_id`
	c, args := db.ScopeCond(s.db, "o.path", scope)
	q += " WHERE " + c
	rows, err := s.db.Query(ctx, q+` ORDER BY r.status DESC, r.requested_at`, args...)
	if err != nil {
		return nil, fmt.Errorf("people: deletion requests: %w", err)
	}
	defer rows.Close()
	var out []DeletionRequest
	for rows.Next() {
		var d DeletionRequest
		var at int64
		if err := rows.Scan(&d.ID, &d.PersonID, &d.Name, &d.OrgName, &d.OrgPath, &at, &d.Reason, &d.Status); err != nil {
			return nil, err
		}
		d.RequestedAt = db.Time(at)
		out = append(out, d)
	}
	return out, rows.Err()
}

// ResolveDeletion carries out a request: every personal field of the
// person is erased (the sealed values, their indexes and masks included),
// memberships and consents are deleted, and the record stays only as
// "已删除" so that counts and the audit trail remain consistent.
func (s *Store) ResolveDeletion(ctx context.Context, requestID, by int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		var personID int64
		var status, path string
		var orgID int64
		err := tx.QueryRow(ctx, `SELECT r.person_id, r.status, o.id, o.path FROM deletion_requests r JOIN people p ON p.id = r.person_id
			JOIN orgs o ON o.id = p.org_id WHERE r.id = ?`, requestID).Scan(&personID, &status, &orgID, &path)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("people: deletion request %d: %w", requestID, db.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if status != "pending" {
			return valid.New("", "people.err.deletion_done")
		}
		if err := erase(ctx, tx, personID, "本人申请删除"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE deletion_requests SET status = 'done', resolved_by = ?, resolved_at = ? WHERE id = ?`,
			by, db.Millis(tx.Now), requestID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "person.erase", Target: target(personID)})
	})
}
