package resource

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// Loan is one lending of a physical item to an org.
type Loan struct {
	ID           int64
	ResourceID   int64
	BorrowerID   int64
	BorrowerName string
	Out, Due     time.Time
	Returned     time.Time
	Note         string
}

// Overdue reports whether the loan is out past its due time at now.
func (l Loan) Overdue(now time.Time) bool { return l.Returned.IsZero() && now.After(l.Due) }

// LoanInput is a lending.
type LoanInput struct {
	ResourceID int64
	BorrowerID int64
	Due        time.Time
	Note       string
	By         int64
}

// Lend records that a physical item goes out to an org until in.Due. An
// item that is out cannot be lent again before it is returned.
func (s *Store) Lend(ctx context.Context, in LoanInput) (int64, error) {
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var physical int
		var ownerID int64
		err := tx.QueryRow(ctx, `SELECT physical, org_id FROM resources WHERE id = ?`, in.ResourceID).Scan(&physical, &ownerID)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		var es valid.Errors
		if physical == 0 {
			es.Add("", "resource.err.not_physical")
		}
		if in.BorrowerID == 0 {
			es.Add("borrower", "resource.err.borrower")
		}
		if !in.Due.After(tx.Now) {
			es.Add("due", "resource.err.due")
		}
		if err := es.Err(); err != nil {
			return err
		}
		var out int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM resource_loans WHERE resource_id = ? AND returned_at = 0`, in.ResourceID).Scan(&out); err != nil {
			return err
		}
		if out > 0 {
			return valid.New("", "resource.err.out")
		}
		owner, err := org.Lookup(ctx, tx, ownerID)
		if err != nil {
			return err
		}
		if _, err := org.Lookup(ctx, tx, in.BorrowerID); err != nil {
			return err
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO resource_loans (id, resource_id, borrower_id, out_at, due_at, note, created_by)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, in.ResourceID, in.BorrowerID, db.Millis(tx.Now), db.Millis(in.Due), strings.TrimSpace(in.Note), in.By); err != nil {
			if db.IsUniqueViolation(err) { // lent at the same moment by someone else
				return valid.New("", "resource.err.out")
			}
			return fmt.Errorf("resource: lend: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: ownerID, OrgPath: owner.Path, Action: "resource.lend",
			Target: "resource:" + strconv.FormatInt(in.ResourceID, 10),
			After:  map[string]any{"borrower": in.BorrowerID, "due": in.Due.Format("2006-01-02")}})
	})
	return id, err
}

// Return records that the open loan of an item came back.
func (s *Store) Return(ctx context.Context, resourceID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		var ownerID int64
		if err := tx.QueryRow(ctx, `SELECT org_id FROM resources WHERE id = ?`, resourceID).Scan(&ownerID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE resource_loans SET returned_at = ? WHERE resource_id = ? AND returned_at = 0`, db.Millis(tx.Now), resourceID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return valid.New("", "resource.err.not_out")
		}
		owner, err := org.Lookup(ctx, tx, ownerID)
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: ownerID, OrgPath: owner.Path, Action: "resource.return",
			Target: "resource:" + strconv.FormatInt(resourceID, 10)})
	})
}

// Loans lists an item's loans, newest first.
func (s *Store) Loans(ctx context.Context, resourceID int64) ([]Loan, error) {
	rows, err := s.db.Query(ctx, `SELECT l.id, l.borrower_id, o.name, l.out_at, l.due_at, l.returned_at, l.note
		FROM resource_loans l JOIN orgs o ON o.id = l.borrower_id WHERE l.resource_id = ? ORDER BY l.out_at DESC, l.id DESC`, resourceID)
	if err != nil {
		return nil, fmt.Errorf("resource: loans: %w", err)
	}
	defer rows.Close()
	var out []Loan
	for rows.Next() {
		l := Loan{ResourceID: resourceID}
		var o, d, r int64
		if err := rows.Scan(&l.ID, &l.BorrowerID, &l.BorrowerName, &o, &d, &r, &l.Note); err != nil {
			return nil, err
		}
		l.Out, l.Due = db.Time(o), db.Time(d)
		if r != 0 {
			l.Returned = db.Time(r)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
