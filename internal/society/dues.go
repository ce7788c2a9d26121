package society

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Invoice statuses.
const (
	InvoiceUnpaid   = "unpaid"
	InvoicePending  = "pending" // a transfer voucher waits for staff
	InvoicePaid     = "paid"
	InvoiceRefunded = "refunded"
)

// Invoice is the dues of one term.
type Invoice struct {
	ID           int64
	TermID       int64
	MemberID     int64
	MemberName   string
	MemberNumber string
	UserID       int64
	OrgID        int64
	OrgName      string
	OrgCode      string
	TierName     string
	StartsOn     time.Time
	EndsOn       time.Time
	Amount       int64 // cents
	Status       string
	Method       string
	VoucherName  string
	VoucherHash  string
	VoucherCents int64
	ReceiptNo    string
	PaidAt       time.Time
	RefundedAt   time.Time
}

// Yuan formats cents as yuan with two decimals.
func Yuan(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}

const invoiceCols = `i.id, i.term_id, i.member_id, m.name, COALESCE(m.number, ''), m.user_id, i.org_id, o.name, o.code, k.name, t.starts_on,
	t.ends_on, i.amount_cents, i.status, i.method, i.voucher_name, i.voucher_hash, i.voucher_cents, COALESCE(i.receipt_no, ''), i.paid_at, i.refunded_at`

const invoiceFrom = ` FROM member_invoices i JOIN member_terms t ON t.id = i.term_id JOIN members m ON m.id = i.member_id
	JOIN member_tiers k ON k.id = t.tier_id JOIN orgs o ON o.id = i.org_id`

func scanInvoice(row db.Scanner, extra ...any) (Invoice, error) {
	var v Invoice
	var starts, ends, paid, refunded int64
	err := row.Scan(append([]any{&v.ID, &v.TermID, &v.MemberID, &v.MemberName, &v.MemberNumber, &v.UserID, &v.OrgID, &v.OrgName, &v.OrgCode,
		&v.TierName, &starts, &ends, &v.Amount, &v.Status, &v.Method, &v.VoucherName, &v.VoucherHash, &v.VoucherCents, &v.ReceiptNo,
		&paid, &refunded}, extra...)...)
	v.StartsOn, v.EndsOn, v.PaidAt, v.RefundedAt = tm(starts), tm(ends), tm(paid), tm(refunded)
	return v, err
}

func getInvoice(ctx context.Context, q db.Q, id int64) (Invoice, error) {
	v, err := scanInvoice(q.QueryRow(ctx, `SELECT `+invoiceCols+invoiceFrom+` WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, &NotFoundError{"invoice", id}
	}
	if err != nil {
		return v, fmt.Errorf("society: invoice %d: %w", id, err)
	}
	return v, nil
}

// GetInvoice returns the invoice with id.
func (s *Store) GetInvoice(ctx context.Context, id int64) (Invoice, error) {
	return getInvoice(ctx, s.db, id)
}

// MaxVoucher is the largest voucher file: a scan or photo of a bank's
// receipt is a few hundred kilobytes.
const MaxVoucher = 10 << 20

// Voucher is a bank transfer's 转账凭证 as the member uploads it, with the
// amount they say they transferred.
type Voucher struct {
	Name  string
	Data  []byte
	Cents int64
}

// UploadVoucher keeps a transfer voucher on an unpaid invoice for staff to
// confirm. A voucher for another amount than the invoice's is refused with
// both amounts named, and nothing is kept.
func (s *Store) UploadVoucher(ctx context.Context, invoiceID, userID int64, v Voucher) (Invoice, error) {
	var out Invoice
	ext := strings.ToLower(filepath.Ext(v.Name))
	if len(v.Data) == 0 || (ext != ".pdf" && ext != ".jpg" && ext != ".jpeg" && ext != ".png") {
		return out, valid.New("voucher", "society.err.voucher_file")
	}
	if len(v.Data) > MaxVoucher {
		return out, valid.New("voucher", "society.err.voucher_big", MaxVoucher>>20)
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "member_invoices", invoiceID); err != nil {
			return notFound(err, "invoice", invoiceID)
		}
		inv, err := getInvoice(ctx, tx, invoiceID)
		if err != nil {
			return err
		}
		if inv.UserID != userID {
			return &NotFoundError{"invoice", invoiceID}
		}
		if inv.Status != InvoiceUnpaid && inv.Status != InvoicePending {
			return valid.New("voucher", "society.err.invoice_closed")
		}
		if v.Cents != inv.Amount {
			return valid.New("amount", "society.err.voucher_amount", Yuan(v.Cents), Yuan(inv.Amount))
		}
		sum := sha256.Sum256(v.Data)
		hash := hex.EncodeToString(sum[:])
		if s.cfg.Uploads != "" {
			if err := os.MkdirAll(s.cfg.Uploads, 0o700); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(s.cfg.Uploads, hash), v.Data, 0o600); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE member_invoices SET status = ?, method = 'transfer', voucher_name = ?, voucher_hash = ?,
			voucher_cents = ? WHERE id = ?`, InvoicePending, filepath.Base(v.Name), hash, v.Cents, inv.ID); err != nil {
			return err
		}
		soc, err := society(ctx, tx, inv.OrgID)
		if err != nil {
			return err
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.voucher", Target: tgt("member", inv.MemberID)}, nil,
			map[string]any{"invoice": inv.ID, "amount": Yuan(v.Cents)}); err != nil {
			return err
		}
		out, err = getInvoice(ctx, tx, inv.ID)
		return err
	})
	return out, err
}

// Voucher returns the file of an invoice's voucher.
func (s *Store) Voucher(inv Invoice) ([]byte, error) {
	if inv.VoucherHash == "" || s.cfg.Uploads == "" {
		return nil, &NotFoundError{"voucher", inv.ID}
	}
	return os.ReadFile(filepath.Join(s.cfg.Uploads, inv.VoucherHash))
}

// ConfirmPayment is staff confirming a transfer: the amount they read on
// the voucher must be the invoice's. The invoice is paid and gets the next
// receipt number. The payer never confirms their own payment.
func (s *Store) ConfirmPayment(ctx context.Context, invoiceID, by int64, cents int64) (Invoice, error) {
	var out Invoice
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "member_invoices", invoiceID); err != nil {
			return notFound(err, "invoice", invoiceID)
		}
		inv, err := getInvoice(ctx, tx, invoiceID)
		if err != nil {
			return err
		}
		if inv.Status != InvoicePending {
			return valid.New("form", "society.err.no_voucher")
		}
		if inv.UserID == by {
			return valid.New("form", "society.err.own_payment")
		}
		if cents != inv.Amount {
			return valid.New("amount", "society.err.voucher_amount", Yuan(cents), Yuan(inv.Amount))
		}
		return s.markPaid(ctx, tx, inv, by, "transfer", "", &out)
	})
	return out, err
}

func (s *Store) markPaid(ctx context.Context, tx *db.Tx, inv Invoice, by int64, method, ref string, out *Invoice) error {
	soc, err := society(ctx, tx, inv.OrgID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO member_settings (org_id, pattern) VALUES (?, ?) ON CONFLICT (org_id) DO NOTHING`, soc.ID, DefaultPattern); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE member_settings SET receipt_seq = receipt_seq + 1 WHERE org_id = ?`, soc.ID); err != nil {
		return err
	}
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT receipt_seq FROM member_settings WHERE org_id = ?`, soc.ID).Scan(&seq); err != nil {
		return err
	}
	no := fmt.Sprintf("%s-%d-%06d", soc.Code, tx.Now.In(s.cfg.Loc).Year(), seq)
	if _, err := tx.Exec(ctx, `UPDATE member_invoices SET status = ?, method = ?, provider_ref = ?, receipt_no = ?, paid_at = ?, confirmed_by = ?
		WHERE id = ?`, InvoicePaid, method, ref, no, db.Millis(tx.Now), by, inv.ID); err != nil {
		return fmt.Errorf("society: mark paid %d: %w", inv.ID, err)
	}
	if err := record(ctx, tx, soc, audit.Entry{Action: "society.paid", Target: tgt("member", inv.MemberID)}, map[string]any{"status": inv.Status},
		map[string]any{"invoice": inv.ID, "receipt": no, "method": method}); err != nil {
		return err
	}
	v, err := getInvoice(ctx, tx, inv.ID)
	*out = v
	return err
}

// errAmount says an amount could not be read as yuan.
var errAmount = valid.New("amount", "society.err.amount")

// AmountYuan is the invoice's amount in yuan.
func (v Invoice) AmountYuan() string { return Yuan(v.Amount) }

// LastDay is the last day the invoice pays for; zero for lifetime.
func (v Invoice) LastDay() time.Time {
	if v.EndsOn.IsZero() {
		return v.EndsOn
	}
	return v.EndsOn.Add(-time.Second)
}
