package society

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// LedgerFilter narrows the dues ledger.
type LedgerFilter struct {
	Scope   access.Scope
	OrgID   int64  // one society; 0: every society in scope
	Status  string // unpaid, pending, paid, refunded, arrears (unpaid with the term begun)
	Q       string // member name or number
	Limit   int
	Offset  int
	AfterID int64 // keyset paging for exports: rows with a smaller id
}

// Ledger lists invoices in scope, newest first, with the total count and
// the sum of their amounts.
func (s *Store) Ledger(ctx context.Context, f LedgerFilter) ([]Invoice, int, int64, error) {
	if f.Scope.None() {
		return nil, 0, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{cond}
	if f.OrgID != 0 {
		where, args = append(where, "i.org_id = ?"), append(args, f.OrgID)
	}
	switch f.Status {
	case InvoiceUnpaid, InvoicePending, InvoicePaid, InvoiceRefunded:
		where, args = append(where, "i.status = ?"), append(args, f.Status)
	case "arrears":
		where, args = append(where, "i.status IN ('unpaid', 'pending') AND t.starts_on <= ?"), append(args, db.Millis(s.db.Now()))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		where, args = append(where, `(m.name LIKE ? ESCAPE '\' OR m.number = ?)`), append(args, "%"+db.LikeEscape(q)+"%", q)
	}
	if f.AfterID > 0 {
		where, args = append(where, "i.id < ?"), append(args, f.AfterID)
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	rows, err := s.db.Query(ctx, `SELECT `+invoiceCols+`, COUNT(*) OVER (), SUM(i.amount_cents) OVER ()`+invoiceFrom+`
		WHERE `+strings.Join(where, " AND ")+` ORDER BY i.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("society: ledger: %w", err)
	}
	defer rows.Close()
	var out []Invoice
	var total int
	var sum int64
	for rows.Next() {
		v, err := scanInvoice(rows, &total, &sum)
		if err != nil {
			return nil, 0, 0, err
		}
		out = append(out, v)
	}
	return out, total, sum, rows.Err()
}
