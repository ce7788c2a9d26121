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
	joinOrg := true
	if f.OrgID != 0 {
		// One society: its path is checked against the scope once, so
		// the count needs no join to orgs.
		soc, err := society(ctx, s.db, f.OrgID)
		if err != nil {
			return nil, 0, 0, err
		}
		if !f.Scope.Contains(soc.Path) {
			return nil, 0, 0, nil
		}
		where, args, joinOrg = []string{"i.org_id = ?"}, []any{f.OrgID}, false
	}
	switch f.Status {
	case InvoiceUnpaid, InvoicePending, InvoicePaid, InvoiceRefunded:
		where, args = append(where, "i.status = ?"), append(args, f.Status)
	case "arrears":
		where, args = append(where, "i.status IN ('unpaid', 'pending') AND i.due_on <= ?"), append(args, db.Millis(s.db.Now()))
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
	// The total and sum come from the invoices (and terms for arrears)
	// alone; the page joins the rest for its fifty rows only, walking the
	// (org_id, id) index newest first.
	from := ` FROM member_invoices i`
	if joinOrg {
		from += ` JOIN orgs o ON o.id = i.org_id`
	}
	if strings.TrimSpace(f.Q) != "" {
		from += ` JOIN members m ON m.id = i.member_id`
	}
	w := strings.Join(where, " AND ")
	var total int
	var sum int64
	if f.AfterID == 0 && f.OrgID != 0 && strings.TrimSpace(f.Q) == "" && f.Status != "arrears" {
		// One society's count and sum by status are kept by triggers
		// (migration 003): a few rows, however many members it has.
		tq, targs := `SELECT COALESCE(SUM(n), 0), COALESCE(SUM(cents), 0) FROM member_invoice_totals WHERE org_id = ?`, []any{f.OrgID}
		if f.Status != "" {
			tq, targs = tq+` AND status = ?`, append(targs, f.Status)
		}
		if err := s.db.QueryRow(ctx, tq, targs...).Scan(&total, &sum); err != nil {
			return nil, 0, 0, fmt.Errorf("society: ledger totals: %w", err)
		}
		if total == 0 {
			return nil, 0, 0, nil
		}
	} else if f.AfterID == 0 {
		if err := s.db.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(i.amount_cents), 0)`+from+` WHERE `+w, args...).Scan(&total, &sum); err != nil {
			return nil, 0, 0, fmt.Errorf("society: ledger totals: %w", err)
		}
		if total == 0 {
			return nil, 0, 0, nil
		}
	}
	rows, err := s.db.Query(ctx, `SELECT `+invoiceCols+invoiceFrom+` WHERE `+w+` ORDER BY i.id DESC LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("society: ledger: %w", err)
	}
	defer rows.Close()
	var out []Invoice
	for rows.Next() {
		v, err := scanInvoice(rows)
		if err != nil {
			return nil, 0, 0, err
		}
		out = append(out, v)
	}
	return out, total, sum, rows.Err()
}
