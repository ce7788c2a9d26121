package society

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// MemberTerm is one term of a membership, its own record so renewal and
// attrition can be reported over time; each has one invoice.
type MemberTerm struct {
	ID        int64
	MemberID  int64
	TierID    int64
	TierName  string
	StartsOn  time.Time
	EndsOn    time.Time // exclusive; zero for lifetime
	Status    string
	InvoiceID int64
	Amount    int64
	Paid      string // the invoice's status
}

// Lifetime reports whether the term never ends.
func (t MemberTerm) Lifetime() bool { return t.EndsOn.IsZero() }

// addTerm opens a term of tier from start with its invoice (paid at once
// for a free tier). A term overlapping an active one is refused.
func addTerm(ctx context.Context, tx *db.Tx, loc *time.Location, m Member, tierID int64, start time.Time) (int64, error) {
	t, err := getTier(ctx, tx, tierID)
	if err != nil || t.OrgID != m.OrgID {
		return 0, valid.New("tier_id", "society.err.tier")
	}
	var end int64
	if t.Years > 0 {
		end = db.Millis(start.In(loc).AddDate(t.Years, 0, 0))
	}
	var n int
	// Two terms overlap when each starts before the other ends (0: never).
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM member_terms WHERE member_id = ? AND status = 'active'
		AND (ends_on = 0 OR ends_on > ?) AND (CAST(? AS BIGINT) = 0 OR starts_on < ?)`, m.ID, db.Millis(start), end, end).Scan(&n); err != nil {
		return 0, fmt.Errorf("society: term overlap: %w", err)
	}
	if n > 0 {
		return 0, valid.New("starts_on", "society.err.member_term_overlap")
	}
	id := tx.NewID()
	now := db.Millis(tx.Now)
	if _, err := tx.Exec(ctx, `INSERT INTO member_terms (id, member_id, org_id, tier_id, starts_on, ends_on, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, 'active', ?)`, id, m.ID, m.OrgID, tierID, db.Millis(start), end, now); err != nil {
		return 0, fmt.Errorf("society: add term: %w", err)
	}
	status, paid := InvoiceUnpaid, int64(0)
	if t.TermFee() == 0 {
		status, paid = InvoicePaid, now
	}
	if _, err := tx.Exec(ctx, `INSERT INTO member_invoices (id, term_id, member_id, org_id, amount_cents, due_on, status, paid_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), id, m.ID, m.OrgID, t.TermFee(), db.Millis(start), status, paid, now); err != nil {
		return 0, fmt.Errorf("society: invoice: %w", err)
	}
	return id, nil
}

// Renew opens the member's next term of tier from start (zero: when the
// latest term ends).
func (s *Store) Renew(ctx context.Context, memberID, tierID int64, start time.Time) (MemberTerm, error) {
	var out MemberTerm
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "members", memberID); err != nil {
			return notFound(err, "member", memberID)
		}
		m, err := getMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		soc, err := society(ctx, tx, m.OrgID)
		if err != nil {
			return err
		}
		if m.Status != MemberActive {
			return valid.New("form", "society.err.not_active")
		}
		if start.IsZero() {
			var last int64
			if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(ends_on), 0) FROM member_terms WHERE member_id = ? AND status = 'active'`, m.ID).Scan(&last); err != nil {
				return err
			}
			start = tx.Now
			if last > 0 && db.Time(last).After(start) {
				start = db.Time(last)
			}
		}
		id, err := addTerm(ctx, tx, s.cfg.Loc, m, tierID, s.dayOf(start))
		if err != nil {
			return err
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.member_renew", Target: tgt("member", m.ID)}, nil, map[string]any{"term": id}); err != nil {
			return err
		}
		terms, err := memberTerms(ctx, tx, m.ID)
		for _, t := range terms {
			if t.ID == id {
				out = t
			}
		}
		return err
	})
	return out, err
}

// MemberTerms lists a member's terms, newest first, with their invoices.
func (s *Store) MemberTerms(ctx context.Context, memberID int64) ([]MemberTerm, error) {
	return memberTerms(ctx, s.db, memberID)
}

func memberTerms(ctx context.Context, q db.Q, memberID int64) ([]MemberTerm, error) {
	rows, err := q.Query(ctx, `SELECT t.id, t.member_id, t.tier_id, k.name, t.starts_on, t.ends_on, t.status, i.id, i.amount_cents, i.status
		FROM member_terms t JOIN member_tiers k ON k.id = t.tier_id JOIN member_invoices i ON i.term_id = t.id
		WHERE t.member_id = ? ORDER BY t.starts_on DESC`, memberID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MemberTerm
	for rows.Next() {
		var t MemberTerm
		var starts, ends int64
		if err := rows.Scan(&t.ID, &t.MemberID, &t.TierID, &t.TierName, &starts, &ends, &t.Status, &t.InvoiceID, &t.Amount, &t.Paid); err != nil {
			return nil, err
		}
		t.StartsOn, t.EndsOn = tm(starts), tm(ends)
		out = append(out, t)
	}
	return out, rows.Err()
}

// dayOf is the start of t's day in the store's time zone: terms run from
// midnight to midnight.
func (s *Store) dayOf(t time.Time) time.Time {
	l := t.In(s.cfg.Loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, s.cfg.Loc).UTC()
}

// AmountYuan is the term's dues in yuan.
func (t MemberTerm) AmountYuan() string { return Yuan(t.Amount) }

// LastDay is the term's last day (its end is exclusive); zero for lifetime.
func (t MemberTerm) LastDay() time.Time {
	if t.EndsOn.IsZero() {
		return t.EndsOn
	}
	return t.EndsOn.Add(-time.Second)
}
