package conference

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/db"
	"kexie/internal/pii"
	"kexie/internal/shortcode"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Reg is one registration (报名) and its check-in.
type Reg struct {
	ID          int64
	ConfID      int64
	UserID      int64 // 0 for the public
	Name        string
	Employer    string
	Contact     string // masked (pii.MaskContact); sealed in the database
	Code        string // the check-in code, XXXX-XXXX-XXXX
	CreatedAt   time.Time
	CheckedInAt time.Time
	CheckedBy   string
}

// RegInput is who registers: a member gives UserID and Name (from their
// account); the public gives Name and Contact, and Source, the keyed hash
// of their address (package botcheck), which bounds how often they register.
type RegInput struct {
	UserID   int64
	Name     string
	Employer string
	Contact  string
	Source   string
}

// codeLen is 12 symbols (shortcode), about 59 random bits: never guessed.
const codeLen = 12

// ShowCode writes a stored code in groups of four.
func ShowCode(c string) string {
	if len(c) != codeLen {
		return c
	}
	return c[:4] + "-" + c[4:8] + "-" + c[8:]
}

// validContact accepts a mobile number or an email address.
func validContact(c string) bool {
	if _, ok := std.NormalizeMobile(c); ok {
		return true
	}
	return strings.Contains(c, "@") && valid.Email(c)
}

// ErrRegistered is a member's second registration: Register returns their
// registration with it and takes no place.
var ErrRegistered = errors.New("conference: already registered")

// Register takes a place at an open conference that has not ended: one
// conditional UPDATE of the count in the same transaction as the row, so
// two registrations at once never take the same last place.
func (s *Store) Register(ctx context.Context, confID int64, in RegInput) (Reg, error) {
	in.Name, in.Employer = strings.TrimSpace(in.Name), strings.TrimSpace(in.Employer)
	in.Contact = strings.ReplaceAll(strings.TrimSpace(in.Contact), " ", "")
	var errs valid.Errors
	runes(&errs, "name", in.Name, 2, MaxName, "conference.err.name")
	runes(&errs, "employer", in.Employer, 0, MaxEmployer, "conference.err.employer")
	switch {
	case utf8.RuneCountInString(in.Contact) > MaxContact:
		errs.Add("contact", "conference.err.too_long", MaxContact)
	case in.Contact == "" && in.UserID == 0:
		errs.Add("contact", "conference.err.contact_required")
	case in.Contact != "" && !validContact(in.Contact):
		errs.Add("contact", "conference.err.contact")
	}
	if err := errs.Err(); err != nil {
		return Reg{}, err
	}
	sealed := ""
	if in.Contact != "" {
		if s.cfg.Keys == nil {
			return Reg{}, ErrNoKeys
		}
		var err error
		if sealed, err = s.cfg.Keys.Seal(contactField, in.Contact); err != nil {
			return Reg{}, err
		}
	}
	code := shortcode.New(codeLen)
	var r Reg
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		// Registrations at once to one conference wait for each other.
		if err := lockConf(ctx, tx, confID); err != nil {
			return err
		}
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		if c.Status != Open || today(tx.Now) > c.EndsOn {
			return valid.New("", "conference.err.closed")
		}
		if in.UserID != 0 {
			if _, err := userReg(ctx, tx, confID, in.UserID); err == nil {
				return ErrRegistered
			} else if !errors.Is(err, db.ErrNotFound) {
				return err
			}
		} else if in.Source != "" {
			// The bound counts one address's registrations to every
			// conference: registrations from it to two conferences at once
			// each held only their own conference's lock and both passed
			// the bound (integrity review 52). The conference's lock first,
			// always, as review's objections take theirs.
			if err := tx.LockKey(ctx, "conference.register:"+in.Source); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM conference_regs WHERE source = ? AND created_at > ?`, in.Source,
				db.Millis(tx.Now.Add(-time.Hour))).Scan(&n); err != nil {
				return fmt.Errorf("conference: registration rate: %w", err)
			}
			if n >= MaxPerHour {
				return valid.New("", "conference.err.rate")
			}
		}
		res, err := tx.Exec(ctx, `UPDATE conference_confs SET registered = registered + 1 WHERE id = ? AND registered < capacity`, confID)
		if err != nil {
			return fmt.Errorf("conference: take a place: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return valid.New("", "conference.err.full")
		}
		var user any // NULL for the public: the unique index holds members to one each
		if in.UserID != 0 {
			user = in.UserID
		}
		r = Reg{ID: tx.NewID(), ConfID: confID, UserID: in.UserID, Name: in.Name, Employer: in.Employer, Code: code, CreatedAt: tx.Now}
		if _, err := tx.Exec(ctx, `INSERT INTO conference_regs (id, conf_id, user_id, name, employer, contact, code, source, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, confID, user, in.Name, in.Employer, sealed, code, in.Source, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("conference: register: %w", err)
		}
		return auditAppend(ctx, tx, c, "conference.register", nil, map[string]any{"registration": r.ID})
	})
	if errors.Is(err, ErrRegistered) || (in.UserID != 0 && db.IsUniqueViolation(err)) {
		mine, rerr := userReg(ctx, s.db, confID, in.UserID)
		if rerr != nil {
			return Reg{}, rerr
		}
		s.mask(&mine)
		return mine, ErrRegistered
	}
	if err != nil {
		return Reg{}, err
	}
	r.Code = ShowCode(r.Code)
	if in.Contact != "" {
		r.Contact = pii.MaskContact(in.Contact)
	}
	return r, nil
}

const regCols = `id, conf_id, COALESCE(user_id, 0), name, employer, contact, code, created_at, checked_in_at, checked_by`

func scanReg(row db.Scanner) (Reg, error) {
	var r Reg
	var created, checked int64
	err := row.Scan(&r.ID, &r.ConfID, &r.UserID, &r.Name, &r.Employer, &r.Contact, &r.Code, &created, &checked, &r.CheckedBy)
	r.CreatedAt, r.CheckedInAt = db.Time(created), optTime(checked)
	return r, err
}

func userReg(ctx context.Context, q db.Q, confID, userID int64) (Reg, error) {
	r, err := scanReg(q.QueryRow(ctx, `SELECT `+regCols+` FROM conference_regs WHERE conf_id = ? AND user_id = ?`, confID, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return r, &NotFoundError{"registration", 0}
	}
	if err != nil {
		return r, fmt.Errorf("conference: registration: %w", err)
	}
	return r, nil
}

// mask replaces a sealed contact by its mask and shows the code grouped.
func (s *Store) mask(r *Reg) {
	if r.Contact != "" {
		c := ""
		if s.cfg.Keys != nil {
			c, _ = s.cfg.Keys.Open(contactField, r.Contact)
		}
		if c == "" {
			r.Contact = "***"
		} else {
			r.Contact = pii.MaskContact(c)
		}
	}
	r.Code = ShowCode(r.Code)
}

// MyReg returns userID's registration for a conference (db.ErrNotFound
// for none).
func (s *Store) MyReg(ctx context.Context, confID, userID int64) (Reg, error) {
	if userID == 0 {
		return Reg{}, &NotFoundError{"registration", 0}
	}
	r, err := userReg(ctx, s.db, confID, userID)
	if err == nil {
		s.mask(&r)
	}
	return r, err
}

// RegFilter selects a conference's registrations.
type RegFilter struct {
	Q         string // words of the name or employer
	CheckedIn string // "yes", "no" or "" for all
	Limit     int
	Offset    int
}

// Regs lists one page of a conference's registrations, oldest first, with
// contacts masked, and how many match.
func (s *Store) Regs(ctx context.Context, confID int64, f RegFilter) ([]Reg, int, error) {
	where, args := "conf_id = ?", []any{confID}
	switch f.CheckedIn {
	case "yes":
		where += " AND checked_in_at > 0"
	case "no":
		where += " AND checked_in_at = 0"
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = where+` AND (name LIKE ? ESCAPE '\' OR employer LIKE ? ESCAPE '\')`, append(args, like, like)
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*) FROM conference_regs WHERE ` + where,
		Select: `SELECT ` + regCols + ` FROM conference_regs WHERE ` + where + ` ORDER BY created_at, id LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset}, func(r db.Scanner) (Reg, error) {
		reg, err := scanReg(r)
		s.mask(&reg)
		return reg, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("conference: registrations: %w", err)
	}
	return out, total, nil
}

// exportPage is how many rows an export reads at a time: it reads every
// row of its filter, never only db.MaxPage of them.
const exportPage = 1000

// AllRegs reads every registration of the filter, for an export, a page
// at a time, contacts masked.
func (s *Store) AllRegs(ctx context.Context, confID int64, f RegFilter) ([]Reg, error) {
	return db.Every(exportPage, func(limit, offset int) ([]Reg, error) {
		f.Limit, f.Offset = limit, offset
		page, _, err := s.Regs(ctx, confID, f)
		return page, err
	})
}

// RevealContact opens one registrant's contact for a permitted user and
// records who saw it; "" when they left none.
func (s *Store) RevealContact(ctx context.Context, confID, regID int64) (string, error) {
	var sealed string
	err := s.db.QueryRow(ctx, `SELECT contact FROM conference_regs WHERE id = ? AND conf_id = ?`, regID, confID).Scan(&sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return "", &NotFoundError{"registration", regID}
	}
	if err != nil || sealed == "" {
		return "", err
	}
	if s.cfg.Keys == nil {
		return "", ErrNoKeys
	}
	plain, err := s.cfg.Keys.Open(contactField, sealed)
	if err != nil {
		return "", fmt.Errorf("conference: reveal %d: %w", regID, err)
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		return auditAppend(ctx, tx, c, "conference.reveal", nil, map[string]any{"registration": regID})
	})
	return plain, err
}

// MyReg is a member's registration with its conference's title and dates.
type MyReg struct {
	Reg
	Title, StartsOn, EndsOn, City string
	Status                        Status
}

// MyRegs lists the registrations of userID, the latest conferences first.
func (s *Store) MyRegs(ctx context.Context, userID int64) ([]MyReg, error) {
	if userID == 0 {
		return nil, nil
	}
	rows, err := s.db.Query(ctx, `SELECT r.id, r.conf_id, COALESCE(r.user_id, 0), r.name, r.employer, r.contact, r.code, r.created_at,
		r.checked_in_at, r.checked_by, c.title, c.starts_on, c.ends_on, c.city, c.status FROM conference_regs r
		JOIN conference_confs c ON c.id = r.conf_id WHERE r.user_id = ? ORDER BY c.starts_on DESC, r.id DESC LIMIT 200`, userID)
	if err != nil {
		return nil, fmt.Errorf("conference: my registrations: %w", err)
	}
	defer rows.Close()
	var out []MyReg
	for rows.Next() {
		var m MyReg
		var created, checked int64
		var st string
		if err := rows.Scan(&m.ID, &m.ConfID, &m.UserID, &m.Name, &m.Employer, &m.Contact, &m.Code, &created, &checked, &m.CheckedBy,
			&m.Title, &m.StartsOn, &m.EndsOn, &m.City, &st); err != nil {
			return nil, fmt.Errorf("conference: my registrations: %w", err)
		}
		m.CreatedAt, m.CheckedInAt, m.Status = db.Time(created), optTime(checked), Status(st)
		s.mask(&m.Reg)
		out = append(out, m)
	}
	return out, rows.Err()
}
