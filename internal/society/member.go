package society

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Member kinds.
const (
	KindIndividual = "individual"
	KindUnit       = "unit"
)

// Member statuses.
const (
	MemberApplied  = "applied"
	MemberActive   = "active"
	MemberRejected = "rejected"
)

// Tier is a membership tier of a society (学生会员, 普通会员, 高级会员, 会士,
// 名誉会员, 外籍会员; 单位会员, 理事单位 …) with its yearly fee.
type Tier struct {
	ID       int64
	OrgID    int64
	Kind     string
	Code     string
	Name     string
	FeeCents int64 // per year; 0: free
	Years    int   // years per term; 0: lifetime
}

// TermFee is what one term of the tier costs: a lifetime term costs its
// fee once.
func (t Tier) TermFee() int64 {
	if t.Years == 0 {
		return t.FeeCents
	}
	return t.FeeCents * int64(t.Years)
}

// Member is one person's or unit's membership of a society.
type Member struct {
	ID        int64
	OrgID     int64
	OrgName   string
	Number    string
	Name      string
	PersonID  int64
	UserID    int64
	TierID    int64
	TierName  string
	Status    string
	CardCode  string
	CreatedAt time.Time
}

var tierCodeRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,29}$`)

// SaveTier adds a tier to a society.
func (s *Store) SaveTier(ctx context.Context, t Tier) (Tier, error) {
	var errs valid.Errors
	t.Name, t.Code = strings.TrimSpace(t.Name), strings.TrimSpace(t.Code)
	if t.Kind != KindIndividual && t.Kind != KindUnit {
		errs.Add("kind", "society.err.kind")
	}
	if !tierCodeRE.MatchString(t.Code) {
		errs.Add("code", "society.err.tier_code")
	}
	if t.Name == "" || utf8.RuneCountInString(t.Name) > 40 {
		errs.Add("name", "society.err.required")
	}
	if t.FeeCents < 0 || t.Years < 0 || t.Years > 10 {
		errs.Add("fee", "society.err.negative")
	}
	if len(errs) > 0 {
		return t, errs
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		soc, err := society(ctx, tx, t.OrgID)
		if err != nil {
			return err
		}
		t.ID = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO member_tiers (id, org_id, kind, code, name, fee_cents, years) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			t.ID, t.OrgID, t.Kind, t.Code, t.Name, t.FeeCents, t.Years); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("code", "society.err.tier_taken", t.Code)
			}
			return fmt.Errorf("society: save tier: %w", err)
		}
		return record(ctx, tx, soc, audit.Entry{Action: "society.tier_add", Target: tgt("society", soc.ID)}, nil, map[string]any{"name": t.Name, "fee": t.FeeCents})
	})
	return t, err
}

// Tiers lists a society's tiers.
func (s *Store) Tiers(ctx context.Context, orgID int64) ([]Tier, error) {
	rows, err := s.db.Query(ctx, `SELECT id, org_id, kind, code, name, fee_cents, years FROM member_tiers WHERE org_id = ? ORDER BY kind, fee_cents, id`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Tier
	for rows.Next() {
		var t Tier
		if err := rows.Scan(&t.ID, &t.OrgID, &t.Kind, &t.Code, &t.Name, &t.FeeCents, &t.Years); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func getTier(ctx context.Context, q db.Q, id int64) (Tier, error) {
	var t Tier
	err := q.QueryRow(ctx, `SELECT id, org_id, kind, code, name, fee_cents, years FROM member_tiers WHERE id = ?`, id).
		Scan(&t.ID, &t.OrgID, &t.Kind, &t.Code, &t.Name, &t.FeeCents, &t.Years)
	if errors.Is(err, sql.ErrNoRows) {
		return t, &NotFoundError{"tier", id}
	}
	return t, err
}

// DefaultPattern numbers members by society code and a five-digit sequence.
const DefaultPattern = "{CODE}-{SEQ5}"

var patternRE = regexp.MustCompile(`\{(CODE|YYYY|SEQ[3-9])\}`)

// SetPattern sets how the society numbers its members: literal text with
// {CODE}, {YYYY} and {SEQn} (n digits, 3–9); it must hold a {SEQn}.
func (s *Store) SetPattern(ctx context.Context, orgID int64, pattern string) error {
	pattern = strings.TrimSpace(pattern)
	rest := patternRE.ReplaceAllString(pattern, "")
	if !regexp.MustCompile(`\{SEQ[3-9]\}`).MatchString(pattern) || strings.ContainsAny(rest, "{}") || len(pattern) > 40 {
		return valid.New("pattern", "society.err.pattern")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		soc, err := society(ctx, tx, orgID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO member_settings (org_id, pattern) VALUES (?, ?) ON CONFLICT (org_id) DO UPDATE SET pattern = excluded.pattern`,
			orgID, pattern); err != nil {
			return err
		}
		return record(ctx, tx, soc, audit.Entry{Action: "society.pattern", Target: tgt("society", soc.ID)}, nil, map[string]any{"pattern": pattern})
	})
}

// nextNumber takes the society's next member number from its pattern.
func nextNumber(ctx context.Context, tx *db.Tx, soc Ref, now time.Time) (string, error) {
	if _, err := tx.Exec(ctx, `INSERT INTO member_settings (org_id, pattern) VALUES (?, ?) ON CONFLICT (org_id) DO NOTHING`, soc.ID, DefaultPattern); err != nil {
		return "", err
	}
	if _, err := tx.Exec(ctx, `UPDATE member_settings SET next_seq = next_seq + 1 WHERE org_id = ?`, soc.ID); err != nil {
		return "", err
	}
	var pattern string
	var seq int64
	if err := tx.QueryRow(ctx, `SELECT pattern, next_seq - 1 FROM member_settings WHERE org_id = ?`, soc.ID).Scan(&pattern, &seq); err != nil {
		return "", err
	}
	return patternRE.ReplaceAllStringFunc(pattern, func(tok string) string {
		switch tok {
		case "{CODE}":
			return soc.Code
		case "{YYYY}":
			return strconv.Itoa(now.Year())
		}
		n, _ := strconv.Atoi(tok[4:5])
		return fmt.Sprintf("%0*d", n, seq)
	}), nil
}

// Pattern returns the society's member number pattern.
func (s *Store) Pattern(ctx context.Context, orgID int64) (string, error) {
	var p string
	err := s.db.QueryRow(ctx, `SELECT pattern FROM member_settings WHERE org_id = ?`, orgID).Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultPattern, nil
	}
	return p, err
}

var timeZero time.Time

// cents reads an amount of yuan with at most two decimals ("120", "120.5").
func cents(v string) (int64, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	whole, frac, _ := strings.Cut(v, ".")
	if len(frac) > 2 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w < 0 || w > 1e9 || strings.HasPrefix(frac, "-") {
		return 0, false
	}
	return w*100 + f, true
}

// FeeYuan is the yearly fee in yuan.
func (t Tier) FeeYuan() string { return Yuan(t.FeeCents) }
