package society

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// CardCheck is what the public verification page and `kexie member card
// verify` say of a code: valid, and when valid the society, tier and the
// end of the paid term (empty for lifetime).
type CardCheck struct {
	Valid   bool   `json:"valid"`
	Society string `json:"society,omitempty"`
	Tier    string `json:"tier,omitempty"`
	Until   string `json:"until,omitempty"`
	Member  string `json:"-"`
	Number  string `json:"-"`
}

// VerifyCard checks a card code at now: the member is active and holds a
// term covering now whose dues are paid.
func (s *Store) VerifyCard(ctx context.Context, code string) (CardCheck, error) {
	code = strings.ToLower(strings.TrimSpace(code))
	var c CardCheck
	if len(code) != 20 {
		return c, nil
	}
	now := db.Millis(s.db.Now())
	var ends int64
	err := s.db.QueryRow(ctx, `SELECT o.name, k.name, t.ends_on, m.name, m.number FROM members m
		JOIN orgs o ON o.id = m.org_id JOIN member_terms t ON t.member_id = m.id AND t.status = 'active'
		JOIN member_tiers k ON k.id = t.tier_id JOIN member_invoices i ON i.term_id = t.id AND i.status = 'paid'
		WHERE m.card_code = ? AND m.status = 'active' AND t.starts_on <= ? AND (t.ends_on = 0 OR t.ends_on > ?)
		ORDER BY t.ends_on DESC LIMIT 1`, code, now, now).Scan(&c.Society, &c.Tier, &ends, &c.Member, &c.Number)
	if errors.Is(err, sql.ErrNoRows) {
		return CardCheck{}, nil
	}
	if err != nil {
		return c, fmt.Errorf("society: verify card: %w", err)
	}
	c.Valid = true
	if ends != 0 {
		c.Until = db.Time(ends).Add(-time.Second).In(s.cfg.Loc).Format("2006-01-02")
	}
	return c, nil
}

// Card is one member's card as listed for a society.
type Card struct {
	Code         string `json:"code"`
	MemberNumber string `json:"member_number"`
}

// Cards lists the cards of a society's active members, by number.
func (s *Store) Cards(ctx context.Context, scope access.Scope, orgID int64) ([]Card, error) {
	out := []Card{}
	if scope.None() {
		return out, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT m.card_code, m.number FROM members m JOIN orgs o ON o.id = m.org_id
		WHERE m.org_id = ? AND m.status = 'active' AND `+cond+` ORDER BY m.number`, append([]any{orgID}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("society: cards %d: %w", orgID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c Card
		if err := rows.Scan(&c.Code, &c.MemberNumber); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// IsMember reports whether the user holds a paid, current membership of
// the society at now — what event and conference modules read to give
// member prices.
func (s *Store) IsMember(ctx context.Context, userID, orgID int64) (bool, error) {
	now := db.Millis(s.db.Now())
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM members m JOIN member_terms t ON t.member_id = m.id AND t.status = 'active'
		JOIN member_invoices i ON i.term_id = t.id AND i.status = 'paid'
		WHERE m.user_id = ? AND m.org_id = ? AND m.status = 'active' AND t.starts_on <= ? AND (t.ends_on = 0 OR t.ends_on > ?)`,
		userID, orgID, now, now).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("society: is member %d/%d: %w", userID, orgID, err)
	}
	return n > 0, nil
}
