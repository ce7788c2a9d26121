package people

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Self-registration must not tell anyone whether an ID number is recorded
// somewhere in the province (issue 17 §5.3). A registrant whose number
// another record holds gets the same answer as any other: their profile is
// saved, keeping the number sealed and masked but without its blind index,
// and a claim (认领申请) asks the staff of the org owning the held record
// to confirm — the account is then linked to that record — or refuse.
// Attempts to give an ID number are rate-limited per account and address.

// The rate limit of ID numbers given on one's own profile.
const (
	IDAttemptsPerUser = 5
	IDAttemptsPerAddr = 20
	IDAttemptWindow   = time.Hour
)

// CountIDAttempt records that userID, from addr, gives an ID number on
// their own profile, and refuses the attempt beyond IDAttemptsPerUser per
// account or IDAttemptsPerAddr per address within IDAttemptWindow.
func (s *Store) CountIDAttempt(ctx context.Context, userID int64, addr string) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// Attempts at once by one account or from one address wait for each
		// other, so the counts below see them all (race review 51); the
		// account's lock first, always, so two never wait on each other.
		if err := tx.LockKey(ctx, "people.id_attempt:user:"+strconv.FormatInt(userID, 10)); err != nil {
			return err
		}
		if err := tx.LockKey(ctx, "people.id_attempt:addr:"+addr); err != nil {
			return err
		}
		since := db.Millis(tx.Now.Add(-IDAttemptWindow))
		if _, err := tx.Exec(ctx, `DELETE FROM id_attempts WHERE at < ?`, since); err != nil {
			return fmt.Errorf("people: prune id attempts: %w", err)
		}
		var byUser, byAddr int
		if err := tx.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM id_attempts WHERE user_id = ? AND at >= ?),
			(SELECT COUNT(*) FROM id_attempts WHERE addr = ? AND at >= ?)`, userID, since, addr, since).Scan(&byUser, &byAddr); err != nil {
			return fmt.Errorf("people: count id attempts: %w", err)
		}
		if byUser >= IDAttemptsPerUser || byAddr >= IDAttemptsPerAddr {
			return valid.New("id_number", "people.err.id_attempts", int(IDAttemptWindow/time.Minute))
		}
		if _, err := tx.Exec(ctx, `INSERT INTO id_attempts (user_id, addr, at) VALUES (?, ?, ?)`, userID, addr, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("people: record id attempt: %w", err)
		}
		return nil
	})
}

// fileClaim records in tx that user, whose profile is claimant, claims the
// held record; the claim is audited under the held record's org. A claim
// the same as one still pending (record, profile, account) is not filed
// again, and not refused either: the registrant's answer must not depend
// on whether the number is held, and staff would decide the same claim
// twice — refusing one cleared the number while its copy stayed pending.
// The caller holds the claimant's row lock.
func fileClaim(ctx context.Context, tx *db.Tx, held, claimant, user int64) error {
	var pending int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM person_claims WHERE person_id = ? AND claimant_id = ? AND user_id = ? AND status = 'pending'`,
		held, claimant, user).Scan(&pending); err != nil {
		return fmt.Errorf("people: claim of %d: %w", held, err)
	}
	if pending > 0 {
		return nil
	}
	var orgID int64
	var path string
	if err := tx.QueryRow(ctx, `SELECT o.id, o.path FROM people p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, held).Scan(&orgID, &path); err != nil {
		return fmt.Errorf("people: claim of %d: %w", held, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO person_claims (id, person_id, claimant_id, user_id, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)`,
		tx.NewID(), held, claimant, user, db.Millis(tx.Now)); err != nil {
		return fmt.Errorf("people: claim of %d: %w", held, err)
	}
	return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "person.claim", Target: target(held),
		After: map[string]string{"claimant": target(claimant), "user": idText(user)}})
}

// Claim is a registrant's claim to a held record, as staff see it.
type Claim struct {
	ID         int64
	PersonID   int64 // the held record
	PersonName string
	IDMasked   string
	OrgName    string
	ClaimantID int64 // the registrant's own profile (0: gone)
	Claimant   string
	Phone      string // the registrant's phone, masked
	Employer   string
	ChosenOrg  string // the org the registrant chose
	Status     string // pending, confirmed, refused
	CreatedAt  time.Time
}

// ClaimsShown is how many claims the claims page lists (pending first):
// when there are more, the page says so.
const ClaimsShown = 500

// Claims lists the claims to records inside scope, pending first.
func (s *Store) Claims(ctx context.Context, scope access.Scope) ([]Claim, error) {
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT c.id, p.id, p.name, p.id_masked, o.name, COALESCE(c.claimant_id, 0), COALESCE(q.name, ''),
		COALESCE(q.phone_masked, ''), COALESCE(q.employer, ''), COALESCE(qo.name, ''), c.status, c.created_at
		FROM person_claims c JOIN people p ON p.id = c.person_id JOIN orgs o ON o.id = p.org_id
		LEFT JOIN people q ON q.id = c.claimant_id LEFT JOIN orgs qo ON qo.id = q.org_id
		WHERE `+cond+` ORDER BY CASE c.status WHEN 'pending' THEN 0 ELSE 1 END, c.created_at DESC LIMIT `+strconv.Itoa(ClaimsShown), args...)
	if err != nil {
		return nil, fmt.Errorf("people: claims: %w", err)
	}
	defer rows.Close()
	var out []Claim
	for rows.Next() {
		var c Claim
		var at int64
		if err := rows.Scan(&c.ID, &c.PersonID, &c.PersonName, &c.IDMasked, &c.OrgName, &c.ClaimantID, &c.Claimant, &c.Phone,
			&c.Employer, &c.ChosenOrg, &c.Status, &at); err != nil {
			return nil, fmt.Errorf("people: claims: %w", err)
		}
		c.CreatedAt = db.Time(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// pendingClaim is a claim being resolved.
type pendingClaim struct {
	held, claimant, user, orgID int64
	path                        string
}

// lockClaimed locks the held record claim id is about, so that the steps on
// its claims at once see each other: on PostgreSQL two confirmations (or a
// confirmation and a refusal) of claims to one record both found it
// unlinked and both went through (race review 51). A missing claim locks
// nothing; loadPending reports it.
func lockClaimed(ctx context.Context, tx *db.Tx, id int64) error {
	if tx.Dialect() != db.Postgres {
		return nil // SQLite's one writer already serializes
	}
	var held int64
	err := tx.QueryRow(ctx, `SELECT person_id FROM person_claims WHERE id = ?`, id).Scan(&held)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("people: claim %d: %w", id, err)
	}
	if err := tx.LockRow(ctx, "people", held); err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	return nil
}

// loadPending reads a pending claim in tx, or refuses one already resolved
// or whose registrant's profile is gone.
func loadPending(ctx context.Context, tx *db.Tx, id int64) (pendingClaim, error) {
	var c pendingClaim
	var status string
	var claimant, owner sql.NullInt64
	err := tx.QueryRow(ctx, `SELECT c.person_id, c.claimant_id, c.user_id, c.status, o.id, o.path, q.user_id
		FROM person_claims c JOIN people p ON p.id = c.person_id JOIN orgs o ON o.id = p.org_id
		LEFT JOIN people q ON q.id = c.claimant_id WHERE c.id = ?`, id).Scan(&c.held, &claimant, &c.user, &status, &c.orgID, &c.path, &owner)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("people: claim %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("people: claim %d: %w", id, err)
	}
	if status != "pending" || !claimant.Valid || owner.Int64 != c.user {
		return c, valid.New("", "people.err.claim_done")
	}
	c.claimant = claimant.Int64
	return c, nil
}

// ConfirmClaim links the registrant's account to the held record: their
// consents move to it and their own profile is removed. A record already
// linked to an account is refused.
func (s *Store) ConfirmClaim(ctx context.Context, id, by int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockClaimed(ctx, tx, id); err != nil {
			return err
		}
		c, err := loadPending(ctx, tx, id)
		if err != nil {
			return err
		}
		// The registrant never confirms their own claim to a record: a
		// staff member who registered would link any record holding the
		// number they typed (integrity review 52).
		if by == 0 || by == c.user {
			return valid.New("", "people.err.own_claim")
		}
		var linked sql.NullInt64
		var index sql.NullString
		if err := tx.QueryRow(ctx, `SELECT user_id, id_index FROM people WHERE id = ?`, c.held).Scan(&linked, &index); err != nil {
			return fmt.Errorf("people: claim %d: %w", id, err)
		}
		if linked.Valid {
			return valid.New("", "people.err.claim_linked")
		}
		if !index.Valid {
			return valid.New("", "people.err.claim_done") // the record was erased meanwhile
		}
		if _, err := tx.Exec(ctx, `UPDATE person_claims SET status = 'confirmed', resolved_by = ?, resolved_at = ? WHERE id = ?`,
			by, db.Millis(tx.Now), id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE consents SET person_id = ? WHERE person_id = ?`, c.held, c.claimant); err != nil {
			return err
		}
		var terms string
		if err := tx.QueryRow(ctx, `SELECT search_text FROM people WHERE id = ?`, c.claimant).Scan(&terms); err != nil {
			return err
		}
		if err := reindex(ctx, tx, c.claimant, terms, ""); err != nil {
			return err
		}
		// Its memberships, items and requests go with it (ON DELETE CASCADE).
		if _, err := tx.Exec(ctx, `DELETE FROM people WHERE id = ?`, c.claimant); err != nil {
			return fmt.Errorf("people: claim %d: remove profile: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE people SET user_id = ?, updated_at = ? WHERE id = ?`, c.user, db.Millis(tx.Now), c.held); err != nil {
			return fmt.Errorf("people: claim %d: link: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: c.orgID, OrgPath: c.path, Action: "person.claim_confirm", Target: target(c.held),
			After: map[string]string{"claimant": target(c.claimant), "user": idText(c.user)}})
	})
}

// RefuseClaim turns a claim down: the registrant's profile loses the
// unindexed ID number it was filed with.
func (s *Store) RefuseClaim(ctx context.Context, id, by int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockClaimed(ctx, tx, id); err != nil {
			return err
		}
		c, err := loadPending(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE person_claims SET status = 'refused', resolved_by = ?, resolved_at = ? WHERE id = ?`,
			by, db.Millis(tx.Now), id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE people SET id_enc = '', id_masked = '', gender = '', birth_year = 0, updated_at = ?
			WHERE id = ? AND id_index IS NULL`, db.Millis(tx.Now), c.claimant); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: c.orgID, OrgPath: c.path, Action: "person.claim_refuse", Target: target(c.held),
			After: map[string]string{"claimant": target(c.claimant), "user": idText(c.user)}})
	})
}
