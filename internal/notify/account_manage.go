package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// ErrNoAccount is returned for an account that does not exist.
var ErrNoAccount = errors.New("notify: no such account")

// Account reads one account with what it follows.
func (s *Store) Account(ctx context.Context, id int64) (Account, error) {
	a := Account{ID: id}
	var verified, created int64
	err := s.db.QueryRow(ctx, `SELECT org_id, channel, addr_masked, region, status, verified_at, created_at
		FROM notify_accounts WHERE id = ?`, id).Scan(&a.OrgID, &a.Channel, &a.Masked, &a.RegionCode, &a.Status, &verified, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNoAccount
	}
	if err != nil {
		return a, fmt.Errorf("notify: read account %d: %w", id, err)
	}
	a.VerifiedAt, a.CreatedAt = db.Time(verified), db.Time(created)
	rows, err := s.db.Query(ctx, `SELECT kind, value FROM notify_subscriptions WHERE account_id = ? ORDER BY kind, value`, id)
	if err != nil {
		return a, fmt.Errorf("notify: read subscriptions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return a, err
		}
		if k == "audience" {
			a.Audiences = append(a.Audiences, v)
		} else {
			a.Topics = append(a.Topics, v)
		}
	}
	return a, rows.Err()
}

// Follow is what an account chooses to receive.
type Follow struct {
	Audiences  []string
	Topics     []string
	RegionCode string
}

// SetFollow replaces what an account follows and (re)activates it.
func (s *Store) SetFollow(ctx context.Context, id int64, f Follow) error {
	var es valid.Errors
	for _, a := range f.Audiences {
		if !known(Audiences, a) {
			es.Add("audience", "notify.err.audience")
		}
	}
	for _, t := range f.Topics {
		if !known(Topics, t) {
			es.Add("topic", "notify.err.topic")
		}
	}
	if f.RegionCode != "" && !std.Regions().ValidCode(f.RegionCode) {
		es.Add("region", "notify.err.region")
	}
	if err := es.Err(); err != nil {
		return err
	}
	sort.Strings(f.Audiences)
	sort.Strings(f.Topics)
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		var orgID int64
		var before Follow
		if err := tx.QueryRow(ctx, `SELECT org_id, region FROM notify_accounts WHERE id = ?`, id).Scan(&orgID, &before.RegionCode); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNoAccount
			}
			return err
		}
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `UPDATE notify_accounts SET region = ?, status = 'active', updated_at = ? WHERE id = ?`, f.RegionCode, now, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM notify_subscriptions WHERE account_id = ?`, id); err != nil {
			return err
		}
		for kind, list := range map[string][]string{"audience": f.Audiences, "topic": f.Topics} {
			for _, v := range list {
				if _, err := tx.Exec(ctx, `INSERT INTO notify_subscriptions (account_id, kind, value) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING`, id, kind, v); err != nil {
					return err
				}
			}
		}
		ref, err := org.Lookup(ctx, tx, orgID)
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: ref.Path, Action: "notify.account.follow",
			Target: "notify_account:" + strconv.FormatInt(id, 10), Before: map[string]any{"region": before.RegionCode},
			After: map[string]any{"region": f.RegionCode, "audiences": f.Audiences, "topics": f.Topics}})
	})
}

// Unsubscribe stops all messages to an account; it keeps the account so
// that its deliveries still count. Unsubscribing twice is fine.
func (s *Store) Unsubscribe(ctx context.Context, id int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		var orgID int64
		var status string
		if err := tx.QueryRow(ctx, `SELECT org_id, status FROM notify_accounts WHERE id = ?`, id).Scan(&orgID, &status); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNoAccount
			}
			return err
		}
		if status == "unsubscribed" {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE notify_accounts SET status = 'unsubscribed', updated_at = ? WHERE id = ?`, db.Millis(tx.Now), id); err != nil {
			return err
		}
		// What is still pending for it is not sent.
		if _, err := tx.Exec(ctx, `UPDATE notify_deliveries SET state = 'skipped' WHERE account_id = ? AND state = 'pending'`, id); err != nil {
			return err
		}
		ref, err := org.Lookup(ctx, tx, orgID)
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: ref.Path, Action: "notify.account.unsubscribe",
			Target: "notify_account:" + strconv.FormatInt(id, 10)})
	})
}

// PortalOrg is the org a subscription made on the portal goes to: the org
// of the given code (an org's own portal section), else the root.
func (s *Store) PortalOrg(ctx context.Context, code string) (int64, error) {
	var id int64
	if code != "" {
		err := s.db.QueryRow(ctx, `SELECT id FROM orgs WHERE code = ? AND disabled_at = 0`, code).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	if err := s.db.QueryRow(ctx, `SELECT id FROM orgs WHERE parent_id IS NULL`).Scan(&id); err != nil {
		return 0, fmt.Errorf("notify: root org: %w", err)
	}
	return id, nil
}
