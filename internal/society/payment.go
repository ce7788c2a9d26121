package society

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Provider takes dues online (a bank's or a payment company's gateway).
// Charge returns the provider's reference of the payment; Refund returns
// the money of a reference.
type Provider interface {
	Charge(ctx context.Context, invoiceID, cents int64) (ref string, err error)
	Refund(ctx context.Context, ref string, cents int64) error
}

// TestProvider is a Provider that keeps payments in memory, for tests and
// the demo. Decline makes the next Charge fail.
type TestProvider struct {
	mu      sync.Mutex
	Paid    map[string]int64
	Decline bool
	n       int
}

// Charge records a payment.
func (p *TestProvider) Charge(_ context.Context, invoiceID, cents int64) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.Decline {
		p.Decline = false
		return "", fmt.Errorf("test provider: declined")
	}
	if p.Paid == nil {
		p.Paid = map[string]int64{}
	}
	p.n++
	ref := fmt.Sprintf("TP%d-%d", invoiceID, p.n)
	p.Paid[ref] = cents
	return ref, nil
}

// Refund removes a payment.
func (p *TestProvider) Refund(_ context.Context, ref string, cents int64) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.Paid[ref] != cents {
		return fmt.Errorf("test provider: no payment %s of %d", ref, cents)
	}
	delete(p.Paid, ref)
	return nil
}

// PayOnline charges an unpaid invoice through the provider, as its member.
func (s *Store) PayOnline(ctx context.Context, invoiceID, userID int64) (Invoice, error) {
	var out Invoice
	if s.cfg.Provider == nil {
		return out, valid.New("form", "society.err.no_provider")
	}
	inv, err := s.GetInvoice(ctx, invoiceID)
	if err != nil {
		return out, err
	}
	if inv.UserID != userID {
		return out, &NotFoundError{"invoice", invoiceID}
	}
	if inv.Status != InvoiceUnpaid {
		return out, valid.New("form", "society.err.invoice_closed")
	}
	// Charging happens outside the transaction (it is a network call); the
	// invoice's row lock and the status read again under it keep one invoice
	// from being marked paid twice — a second payment at once is refunded.
	ref, err := s.cfg.Provider.Charge(ctx, inv.ID, inv.Amount)
	if err != nil {
		return out, valid.New("form", "society.err.declined")
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "member_invoices", invoiceID); err != nil {
			return notFound(err, "invoice", invoiceID)
		}
		cur, err := getInvoice(ctx, tx, invoiceID)
		if err != nil {
			return err
		}
		if cur.Status != InvoiceUnpaid {
			return valid.New("form", "society.err.invoice_closed")
		}
		return s.markPaid(ctx, tx, cur, userID, "provider", ref, &out)
	})
	if err != nil {
		_ = s.cfg.Provider.Refund(ctx, ref, inv.Amount)
	}
	return out, err
}

// Refund returns a paid invoice's money (through the provider when it was
// paid online) with a reason; the term it paid for is cancelled.
func (s *Store) Refund(ctx context.Context, invoiceID, by int64, reason string) (Invoice, error) {
	var out Invoice
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return out, valid.New("reason", "society.err.required")
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "member_invoices", invoiceID); err != nil {
			return notFound(err, "invoice", invoiceID)
		}
		inv, err := getInvoice(ctx, tx, invoiceID)
		if err != nil {
			return err
		}
		if inv.Status != InvoicePaid || inv.Amount == 0 {
			return valid.New("form", "society.err.not_paid")
		}
		var method, ref string
		if err := tx.QueryRow(ctx, `SELECT method, provider_ref FROM member_invoices WHERE id = ?`, inv.ID).Scan(&method, &ref); err != nil {
			return err
		}
		if method == "provider" && s.cfg.Provider != nil {
			if err := s.cfg.Provider.Refund(ctx, ref, inv.Amount); err != nil {
				return valid.New("form", "society.err.refund_failed")
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE member_invoices SET status = ?, refunded_at = ?, refund_reason = ? WHERE id = ?`,
			InvoiceRefunded, db.Millis(tx.Now), reason, inv.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE member_terms SET status = 'cancelled' WHERE id = ?`, inv.TermID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, inv.OrgID)
		if err != nil {
			return err
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.refund", Target: tgt("member", inv.MemberID)}, map[string]any{"status": inv.Status},
			map[string]any{"invoice": inv.ID, "reason": reason}); err != nil {
			return err
		}
		out, err = getInvoice(ctx, tx, inv.ID)
		return err
	})
	return out, err
}
