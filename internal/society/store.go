package society

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/pdfdoc"
	"kexie/internal/valid"
)

// Config is what the store needs besides the database.
type Config struct {
	// DueMonth and DueDay are the annual report's deadline in the year
	// after the one it reports on (民政's 年检: by 31 May).
	DueMonth time.Month
	DueDay   int
	// CardKey keys member card codes: a code cannot be guessed from a
	// member's number or ID.
	CardKey []byte
	// Uploads is where transfer vouchers are kept, by SHA-256.
	Uploads string
	// Provider takes online payments; nil means transfers only.
	Provider Provider
	// Font loads the receipts' and cards' fonts (package pdfdoc); nil uses
	// pdfdoc.SystemFont.
	Font func() (*pdfdoc.Font, error)
	// People finds the people module's person a user account owns (0
	// and an error when none), to link a membership to it; nil: no link.
	People func(ctx context.Context, userID int64) (int64, error)
	// Grading reads and writes grading calls of the review engine.
	Grading Grading
	// Loc is the time zone dates are judged in (Asia/Shanghai).
	Loc *time.Location
}

// Store reads and writes societies and their members. Its exported methods
// are transaction boundaries; every change appends an audit record in the
// same transaction.
type Store struct {
	db   *db.DB
	cfg  Config
	jobs bool

	font pdfdoc.Lazy // the receipts' and cards' fonts, loaded on the first PDF
}

// NewStore returns a store on d.
func NewStore(d *db.DB, cfg Config) *Store {
	if cfg.DueMonth == 0 {
		cfg.DueMonth, cfg.DueDay = time.May, 31
	}
	if cfg.Loc == nil {
		cfg.Loc = shanghai()
	}
	return &Store{db: d, cfg: cfg, font: pdfdoc.Lazy{Load: cfg.Font}}
}

func shanghai() *time.Location {
	if l, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return l
	}
	return time.FixedZone("CST", 8*3600)
}

// DB returns the store's database (commands and benchmarks).
func (s *Store) DB() *db.DB { return s.db }

// Deadline is when the report on year is due: the end of DueMonth/DueDay
// of the next year, in the store's time zone.
func (s *Store) Deadline(year int) time.Time {
	return time.Date(year+1, s.cfg.DueMonth, s.cfg.DueDay+1, 0, 0, 0, 0, s.cfg.Loc).UTC()
}

// Ref is what the module keeps of a society's org.
type Ref struct {
	ID       int64
	Code     string
	Name     string
	Path     string
	ParentID int64
}

// NotFoundError says a society, report, term, member or invoice does not
// exist (or is not a society). It unwraps to db.ErrNotFound.
type NotFoundError struct {
	What string
	ID   int64
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("society: %s %d: not found", e.What, e.ID) }

// Unwrap makes errors.Is(err, db.ErrNotFound) hold.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

// society reads the society org with id; another org type is not found.
func society(ctx context.Context, q db.Q, id int64) (Ref, error) {
	r := Ref{ID: id}
	var typ string
	var parent sql.NullInt64
	err := q.QueryRow(ctx, `SELECT code, name, path, type, parent_id FROM orgs WHERE id = ?`, id).Scan(&r.Code, &r.Name, &r.Path, &typ, &parent)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && typ != string(org.TypeSociety)) {
		return Ref{}, &NotFoundError{"society", id}
	}
	if err != nil {
		return Ref{}, fmt.Errorf("society: look up %d: %w", id, err)
	}
	r.ParentID = parent.Int64
	return r, nil
}

// Society returns the society org with id.
func (s *Store) Society(ctx context.Context, id int64) (Ref, error) { return society(ctx, s.db, id) }

// SocietyByCode returns the society org with code.
func (s *Store) SocietyByCode(ctx context.Context, code string) (Ref, error) {
	var id int64
	err := s.db.QueryRow(ctx, `SELECT id FROM orgs WHERE code = ?`, strings.ToUpper(strings.TrimSpace(code))).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Ref{}, &NotFoundError{"society", 0}
	}
	if err != nil {
		return Ref{}, fmt.Errorf("society: code %s: %w", code, err)
	}
	return society(ctx, s.db, id)
}

func record(ctx context.Context, tx *db.Tx, soc Ref, e audit.Entry, before, after any) error {
	e.OrgID, e.OrgPath, e.Before, e.After = soc.ID, soc.Path, before, after
	return audit.Append(ctx, tx, e)
}

func tgt(kind string, id int64) string { return kind + ":" + strconv.FormatInt(id, 10) }

// ms and tm convert dates; 0 is the zero time.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return db.Millis(t)
}

func tm(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return db.Time(v)
}

// cardCode is the keyed code of a member's card: base32 of an HMAC of the
// member's ID, 20 characters (100 bits).
func (s *Store) cardCode(memberID int64) string {
	m := hmac.New(sha256.New, s.cfg.CardKey)
	fmt.Fprintf(m, "member-card:%d", memberID)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(m.Sum(nil))[:20])
}

// errIf returns errs as an error when it holds any.
func errIf(errs valid.Errors) error { return errs.Err() }
