package innovation

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/money"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// FileInput is a need as filed. Staff entering one for an enterprise give
// UserID and Name; the public gives Source, the keyed hash of their address
// (package botcheck), which bounds how often they file. Amounts are text as
// typed, in 万元 ("12.5"); WantedBy is a date ("2026-09-30") or "".
type FileInput struct {
	OrgID      int64
	Enterprise string
	USCC       string
	RegionCode string
	Field      string
	Title      string
	Body       string
	BudgetLo   string
	BudgetHi   string
	WantedBy   string
	Contact    string
	UserID     int64
	Name       string
	Source     string
}

// ParseWan reads an amount in 万元 with at most two decimals ("12", "12.5",
// "1,200.05") into hundredths; ok is false for anything else, a negative
// number or more than MaxAmount.
func ParseWan(s string) (int64, bool) { return money.Parse(s, "万元", MaxAmount) }

// FormatWan writes hundredths of 万元 as a number ("12.5").
func FormatWan(n int64) string { return money.Format(n) }

// validContact accepts a mobile number, a landline (digits and dashes) or
// an email address.
func validContact(c string) bool {
	if _, ok := std.NormalizeMobile(c); ok {
		return true
	}
	if strings.Contains(c, "@") {
		return valid.Email(c)
	}
	digits := strings.ReplaceAll(c, "-", "")
	return len(digits) >= 7 && len(digits) <= 16 && strings.Trim(digits, "0123456789") == ""
}

func runes(errs *valid.Errors, field, v string, lo, hi int, short string) {
	switch n := utf8.RuneCountInString(v); {
	case n < lo:
		errs.Add(field, short, lo)
	case n > hi:
		errs.Add(field, "innovation.err.too_long", hi)
	}
}

type checkedNeed struct {
	lo, hi int64
	wanted int64
}

func (s *Store) check(in *FileInput) (checkedNeed, error) {
	var c checkedNeed
	for _, p := range []*string{&in.Enterprise, &in.USCC, &in.RegionCode, &in.Field, &in.Title, &in.Body, &in.BudgetLo, &in.BudgetHi, &in.WantedBy} {
		*p = strings.TrimSpace(*p)
	}
	in.Contact = strings.ReplaceAll(strings.TrimSpace(in.Contact), " ", "")
	var errs valid.Errors
	runes(&errs, "enterprise", in.Enterprise, 2, MaxEnterprise, "innovation.err.enterprise")
	if code, err := std.CheckUSCC(in.USCC); err != nil {
		errs.Add("uscc", "innovation.err.uscc")
	} else {
		in.USCC = code
	}
	if !std.Regions().ValidCode(in.RegionCode) {
		errs.Add("region_code", "innovation.err.region")
	}
	if !knownField(in.Field) {
		errs.Add("field", "innovation.err.field")
	}
	runes(&errs, "title", in.Title, MinTitle, MaxTitle, "innovation.err.title_short")
	runes(&errs, "body", in.Body, MinBody, MaxBody, "innovation.err.body_short")
	var ok bool
	if in.BudgetLo != "" {
		if c.lo, ok = ParseWan(in.BudgetLo); !ok {
			errs.Add("budget_lo", "innovation.err.amount", FormatWan(MaxAmount))
		}
	}
	if in.BudgetHi != "" {
		if c.hi, ok = ParseWan(in.BudgetHi); !ok {
			errs.Add("budget_hi", "innovation.err.amount", FormatWan(MaxAmount))
		} else if c.hi < c.lo {
			errs.Add("budget_hi", "innovation.err.budget_order")
		}
	}
	if in.WantedBy != "" {
		d, err := time.ParseInLocation("2006-01-02", in.WantedBy, zone)
		now := s.db.Now()
		switch {
		case err != nil:
			errs.Add("wanted_by", "innovation.err.date")
		case d.Before(now.AddDate(0, 0, -1)) || d.After(now.AddDate(10, 0, 0)):
			errs.Add("wanted_by", "innovation.err.wanted_by")
		default:
			c.wanted = db.Millis(d)
		}
	}
	switch {
	case utf8.RuneCountInString(in.Contact) > MaxContact:
		errs.Add("contact", "innovation.err.too_long", MaxContact)
	case in.Contact == "":
		errs.Add("contact", "innovation.err.contact_required")
	case !validContact(in.Contact):
		errs.Add("contact", "innovation.err.contact")
	}
	if in.OrgID == 0 {
		errs.Add("org_id", "innovation.err.org")
	}
	return c, errs.Err()
}

// File records a new need, 待审核. The org must be one that takes needs
// (org.PublicTypes).
func (s *Store) File(ctx context.Context, in FileInput) (Need, error) {
	c, err := s.check(&in)
	if err != nil {
		return Need{}, err
	}
	if s.cfg.Keys == nil {
		return Need{}, ErrNoKeys
	}
	sealed, err := s.cfg.Keys.Seal(contactField, in.Contact)
	if err != nil {
		return Need{}, err
	}
	var n Need
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		path, ok, err := org.PublicPath(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		if !ok {
			return valid.New("org_id", "innovation.err.org")
		}
		if in.UserID == 0 && in.Source != "" {
			// Filings at once from one address wait for each other, so the
			// count sees them all (race review 51).
			if err := tx.LockKey(ctx, "innovation.file:"+in.Source); err != nil {
				return err
			}
			var k int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM innovation_needs WHERE source = ? AND filed_at > ?`, in.Source,
				db.Millis(tx.Now.Add(-time.Hour))).Scan(&k); err != nil {
				return fmt.Errorf("innovation: file rate: %w", err)
			}
			if k >= MaxPerHour {
				return valid.New("", "innovation.err.rate")
			}
		}
		id := tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO innovation_needs (id, org_id, enterprise, uscc, region_code, field, title, body, budget_lo, budget_hi,
			wanted_by, status, filer_user, filer_name, contact, source, filed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
			id, in.OrgID, in.Enterprise, in.USCC, in.RegionCode, in.Field, in.Title, in.Body, c.lo, c.hi, c.wanted,
			in.UserID, in.Name, sealed, in.Source, now, now); err != nil {
			return fmt.Errorf("innovation: file: %w", err)
		}
		if err := addEvent(ctx, tx, id, Actor{UserID: in.UserID, Name: in.Name}, "file", "", in.Enterprise); err != nil {
			return err
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "innovation.file", Target: needTarget(id),
			After: map[string]any{"enterprise": in.Enterprise, "title": in.Title}}); err != nil {
			return err
		}
		n, err = getNeed(ctx, tx, id)
		return err
	})
	if err != nil {
		return Need{}, err
	}
	s.mask(&n)
	return n, nil
}

// addEvent appends one step to a need's timeline.
func addEvent(ctx context.Context, tx *db.Tx, needID int64, by Actor, action, note, detail string) error {
	if _, err := tx.Exec(ctx, `INSERT INTO innovation_events (id, need_id, at, actor_user, actor_name, action, note, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), needID, db.Millis(tx.Now), by.UserID, by.Name, action, note, detail); err != nil {
		return fmt.Errorf("innovation: event %s of %d: %w", action, needID, err)
	}
	return nil
}
