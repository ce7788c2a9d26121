// Package funding keeps the money side of 科普: yearly 科普经费 entered as
// budget entries per org, the resident population of each region per year
// (imported from the statistics bureau's table), and from them 人均科普经费
// per region — published as a live measure (seed 000's “达到1元”). 科普项目
// 资助 calls are not built here: they are calls of kind "funding" on the
// review engine, configured by FundingCall.
//
// It must never copy the review engine, never count an org's budget twice
// (a region's figure sums the budgets of the orgs whose region it is, each
// entry once: a corrected entry no longer counts) and never delete or edit
// a recorded amount: a correction is an entry of its own that names the one
// it supersedes and why.
package funding

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

//go:embed locales/*.json
var localeFS embed.FS

// Migrations returns the module's migrations.
func Migrations() db.Migrations {
	sub, _ := fs.Sub(migrationFS, "migrations")
	return db.Migrations{Module: "funding", FS: sub}
}

// Store reads and writes budgets and populations; exported methods are
// transaction boundaries and every change is audited.
type Store struct{ db *db.DB }

// NewStore returns a store on d.
func NewStore(d *db.DB) *Store { return &Store{db: d} }

// ParseYuan reads an amount in yuan with at most two decimals ("1234.5",
// "1,234.50") as cents.
func ParseYuan(s string) (int64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 {
		return 0, false
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 || w > 1e12 {
		return 0, false
	}
	f := int64(0)
	if frac != "" {
		f, err = strconv.ParseInt((frac + "0")[:2], 10, 64)
		if err != nil {
			return 0, false
		}
	}
	return w*100 + f, true
}

// AddBudget records an amount of 科普经费 of an org for a year.
func (s *Store) AddBudget(ctx context.Context, orgID int64, year int, item, amount string, by int64) error {
	item = strings.TrimSpace(item)
	var errs valid.Errors
	if year < 2000 || year > 2100 {
		errs.Add("year", "funding.err.year")
	}
	if n := utf8.RuneCountInString(item); n == 0 || n > 200 {
		errs.Add("item", "funding.err.item")
	}
	cents, ok := ParseYuan(amount)
	if !ok || cents == 0 {
		errs.Add("amount", "funding.err.amount")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		ref, err := org.Lookup(ctx, tx, orgID)
		if err != nil {
			if errors.As(err, new(*org.NotFoundError)) {
				return valid.New("org_id", "funding.err.org")
			}
			return err
		}
		// One live entry of an item per org and year: a second click, a
		// resubmitted form or a colleague adding the same line would count
		// the money twice in 人均科普经费. A change is a correction of the
		// entry (kept with its history), not another entry. The key makes
		// two additions at once see each other (integrity review 52).
		if err := tx.LockKey(ctx, fmt.Sprintf("funding.budget:%d:%d", orgID, year)); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM funding_budgets WHERE org_id = ? AND year = ? AND item = ? AND superseded_by = 0 AND amount_cents <> 0`,
			orgID, year, item).Scan(&n); err != nil {
			return fmt.Errorf("funding: add budget: %w", err)
		}
		if n > 0 {
			return valid.New("item", "funding.err.item_exists", year)
		}
		id := tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO funding_budgets (id, org_id, year, item, amount_cents, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, orgID, year, item, cents, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("funding: add budget: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: ref.Path, Action: "funding.budget_add",
			Target: fmt.Sprintf("org:%d", orgID), After: map[string]any{"year": year, "item": item, "amount": float64(cents) / 100}})
	})
}
