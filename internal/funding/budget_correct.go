package funding

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// CorrectBudget replaces entry id, inside scope, by a new entry of amount
// (0 withdraws it) with the reason; the entry corrected stays, superseded,
// and sums read the new one. It returns the new entry's ID.
func (s *Store) CorrectBudget(ctx context.Context, scope access.Scope, id int64, amount, reason string, by int64) (int64, error) {
	reason = strings.TrimSpace(reason)
	var errs valid.Errors
	cents, ok := ParseYuan(amount)
	if !ok {
		errs.Add("amount", "funding.err.amount_correct")
	}
	if n := utf8.RuneCountInString(reason); n == 0 || n > 200 {
		errs.Add("reason", "funding.err.reason")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	var newID int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var b Budget
		err := tx.QueryRow(ctx, `SELECT b.org_id, o.path, b.year, b.item, b.amount_cents, b.superseded_by FROM funding_budgets b
			JOIN orgs o ON o.id = b.org_id WHERE b.id = ?`, id).Scan(&b.OrgID, &b.OrgPath, &b.Year, &b.Item, &b.Cents, &b.SupersededBy)
		if errors.Is(err, sql.ErrNoRows) || err == nil && !scope.Contains(b.OrgPath) {
			return fmt.Errorf("funding: budget %d: %w", id, db.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("funding: budget %d: %w", id, err)
		}
		switch {
		case b.SupersededBy != 0:
			return valid.New("", "funding.err.superseded")
		case b.Cents == cents:
			return valid.New("amount", "funding.err.same_amount")
		}
		newID = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO funding_budgets (id, org_id, year, item, amount_cents, corrects_id, reason, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, newID, b.OrgID, b.Year, b.Item, cents, id, reason, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("funding: correct budget %d: %w", id, err)
		}
		res, err := tx.Exec(ctx, `UPDATE funding_budgets SET superseded_by = ? WHERE id = ? AND superseded_by = 0`, newID, id)
		if err != nil {
			return fmt.Errorf("funding: correct budget %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 { // corrected meanwhile by someone else
			return valid.New("", "funding.err.superseded")
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: b.OrgID, OrgPath: b.OrgPath, Action: "funding.budget_correct",
			Target: fmt.Sprintf("org:%d", b.OrgID),
			Before: map[string]any{"year": b.Year, "item": b.Item, "amount": float64(b.Cents) / 100},
			After:  map[string]any{"amount": float64(cents) / 100, "reason": reason}})
	})
	return newID, err
}
