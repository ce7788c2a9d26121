package society

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

const memberCols = `m.id, m.org_id, o.name, COALESCE(m.number, ''), m.name, m.person_id, m.user_id, m.tier_id, k.name, m.status,
	COALESCE(m.card_code, ''), m.created_at`

const memberFrom = ` FROM members m JOIN orgs o ON o.id = m.org_id JOIN member_tiers k ON k.id = m.tier_id`

func scanMember(row db.Scanner, extra ...any) (Member, error) {
	var m Member
	var created int64
	err := row.Scan(append([]any{&m.ID, &m.OrgID, &m.OrgName, &m.Number, &m.Name, &m.PersonID, &m.UserID, &m.TierID, &m.TierName,
		&m.Status, &m.CardCode, &created}, extra...)...)
	m.CreatedAt = tm(created)
	return m, err
}

func getMember(ctx context.Context, q db.Q, id int64) (Member, error) {
	m, err := scanMember(q.QueryRow(ctx, `SELECT `+memberCols+memberFrom+` WHERE m.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, &NotFoundError{"member", id}
	}
	if err != nil {
		return m, fmt.Errorf("society: member %d: %w", id, err)
	}
	return m, nil
}

// GetMember returns the member with id.
func (s *Store) GetMember(ctx context.Context, id int64) (Member, error) {
	return getMember(ctx, s.db, id)
}

// Application is what a person (or a unit's contact) sends to join.
type Application struct {
	OrgID    int64
	TierID   int64
	Name     string
	UserID   int64
	PersonID int64 // the people module's person, when the applicant has one
}

// Apply records an application for membership, waiting for approval. One
// person holds one membership per society.
func (s *Store) Apply(ctx context.Context, a Application) (Member, error) {
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" || utf8.RuneCountInString(a.Name) > 100 {
		return Member{}, valid.New("name", "society.err.required")
	}
	var out Member
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		soc, err := society(ctx, tx, a.OrgID)
		if err != nil {
			return err
		}
		t, err := getTier(ctx, tx, a.TierID)
		if err != nil || t.OrgID != a.OrgID {
			return valid.New("tier_id", "society.err.tier")
		}
		if a.UserID != 0 {
			// One person's applications at once wait for each other, so
			// the count sees them all (race review 51).
			if err := tx.LockKey(ctx, fmt.Sprintf("society.apply:%d:%d", a.OrgID, a.UserID)); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM members WHERE org_id = ? AND user_id = ? AND status IN ('applied', 'active')`,
				a.OrgID, a.UserID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return valid.New("form", "society.err.already_member")
			}
		}
		id := tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO members (id, org_id, name, person_id, user_id, tier_id, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, a.OrgID, a.Name, a.PersonID, a.UserID, a.TierID, MemberApplied, now, now); err != nil {
			return fmt.Errorf("society: apply: %w", err)
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.member_apply", Target: tgt("member", id)}, nil, map[string]any{"name": a.Name, "tier": t.Name}); err != nil {
			return err
		}
		out, err = getMember(ctx, tx, id)
		return err
	})
	return out, err
}

// Approve admits an applicant: a member number (the one given, or the
// next from the society's pattern; unique per society), a card code, the
// first term from start and its invoice. Whoever applied never approves.
func (s *Store) Approve(ctx context.Context, memberID, by int64, number string, start time.Time) (Member, error) {
	var out Member
	number = strings.TrimSpace(number)
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
		if m.Status != MemberApplied {
			return valid.New("form", "society.err.not_applied")
		}
		if m.UserID != 0 && m.UserID == by {
			return valid.New("form", "society.err.own_application")
		}
		if number == "" {
			if number, err = nextNumber(ctx, tx, soc, tx.Now.In(s.cfg.Loc)); err != nil {
				return err
			}
		} else if utf8.RuneCountInString(number) > 40 {
			return valid.New("number", "society.err.long", 40)
		}
		var other int64
		switch err := tx.QueryRow(ctx, `SELECT id FROM members WHERE org_id = ? AND number = ?`, m.OrgID, number).Scan(&other); {
		case err == nil:
			return valid.New("number", "society.err.number_taken", number)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE members SET number = ?, status = ?, card_code = ?, decided_by = ?, updated_at = ? WHERE id = ?`,
			number, MemberActive, s.cardCode(m.ID), by, db.Millis(tx.Now), m.ID); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("number", "society.err.number_taken", number)
			}
			return fmt.Errorf("society: approve %d: %w", m.ID, err)
		}
		if start.IsZero() {
			start = tx.Now
		}
		if _, err := addTerm(ctx, tx, s.cfg.Loc, m, m.TierID, s.dayOf(start)); err != nil {
			return err
		}
		if err := record(ctx, tx, soc, audit.Entry{Action: "society.member_approve", Target: tgt("member", m.ID)}, map[string]any{"status": m.Status},
			map[string]any{"status": MemberActive, "number": number}); err != nil {
			return err
		}
		out, err = getMember(ctx, tx, m.ID)
		return err
	})
	return out, err
}

// Reject turns an application down with a reason.
func (s *Store) Reject(ctx context.Context, memberID, by int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return valid.New("reason", "society.err.required")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
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
		if m.Status != MemberApplied {
			return valid.New("form", "society.err.not_applied")
		}
		if _, err := tx.Exec(ctx, `UPDATE members SET status = ?, note = ?, decided_by = ?, updated_at = ? WHERE id = ?`,
			MemberRejected, reason, by, db.Millis(tx.Now), m.ID); err != nil {
			return err
		}
		return record(ctx, tx, soc, audit.Entry{Action: "society.member_reject", Target: tgt("member", m.ID)}, nil, map[string]any{"reason": reason})
	})
}
