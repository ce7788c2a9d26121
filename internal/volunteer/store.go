package volunteer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/db"
	"kexie/internal/pdfdoc"
	"kexie/internal/pii"
)

// Store reads and writes volunteers. Its exported methods are transaction
// boundaries; every change appends an audit record in the same transaction.
type Store struct {
	db     *db.DB
	keys   *pii.Keyring
	ledger []byte // keys the hours chain (derived like the audit key)
	cal    Calendar
	events Events
	font   pdfdoc.Lazy // the certificates' fonts, loaded on the first PDF
}

// Config is what the store needs besides the database.
type Config struct {
	Keys      *pii.Keyring // seals ID numbers and phones, indexes ID numbers
	LedgerKey []byte       // HMAC key of the hours ledger
	Calendar  Calendar     // working days for 公示
	Events    Events       // may be nil
	// Font loads the certificates' CJK font; nil uses pdfdoc.SystemFont.
	Font func() (*pdfdoc.Font, error)
}

// NewStore returns a store on d.
func NewStore(d *db.DB, cfg Config) *Store {
	s := &Store{db: d, keys: cfg.Keys, ledger: append([]byte(nil), cfg.LedgerKey...), cal: cfg.Calendar, events: cfg.Events, font: pdfdoc.Lazy{Load: cfg.Font}}
	return s
}

// SetEvents names events through e (wired after both modules exist).
func (s *Store) SetEvents(e Events) { s.events = e }

// DB is the store's database (the CLI's verify uses it).
func (s *Store) DB() *db.DB { return s.db }

const volCols = `v.id, v.org_id, o.name, o.path, v.user_id, v.name, v.gender, v.birth_year, v.id_sealed, v.skills, v.minutes, v.created_at`

func (s *Store) scanVolunteer(row db.Scanner) (Volunteer, error) {
	var v Volunteer
	var sealed, skills string
	var created int64
	if err := row.Scan(&v.ID, &v.OrgID, &v.OrgName, &v.OrgPath, &v.UserID, &v.Name, &v.Gender, &v.BirthYear, &sealed, &skills, &v.Minutes, &created); err != nil {
		return v, err
	}
	if id, err := s.keys.Open("id_number", sealed); err == nil {
		v.IDMasked = pii.MaskID(id)
	} else {
		v.IDMasked = "******"
	}
	if skills != "" {
		v.Skills = strings.Split(skills, "、")
	}
	v.CreatedAt = db.Time(created)
	return v, nil
}

func (s *Store) getVolunteer(ctx context.Context, q db.Q, where string, arg any) (Volunteer, error) {
	v, err := s.scanVolunteer(q.QueryRow(ctx, `SELECT `+volCols+` FROM volunteers v JOIN orgs o ON o.id = v.org_id WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return v, fmt.Errorf("volunteer: %s %v: %w", where, arg, ErrNotFound)
	}
	if err != nil {
		return v, fmt.Errorf("volunteer: %s %v: %w", where, arg, err)
	}
	return v, nil
}

// Volunteer returns the volunteer with id.
func (s *Store) Volunteer(ctx context.Context, id int64) (Volunteer, error) {
	return s.getVolunteer(ctx, s.db, "v.id = ?", id)
}

// ByUser returns the volunteer registered by a user account, or
// ErrNotVolunteer.
func (s *Store) ByUser(ctx context.Context, userID int64) (Volunteer, error) {
	v, err := s.getVolunteer(ctx, s.db, "v.user_id = ?", userID)
	if errors.Is(err, ErrNotFound) || userID == 0 {
		return v, ErrNotVolunteer
	}
	return v, err
}

// pdfFont loads the certificate font once per store.
func (s *Store) pdfFont() (*pdfdoc.Font, error) { return s.font.Font() }
