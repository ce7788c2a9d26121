package notify

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/pii"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Limits of the one-time code.
const (
	CodeTTL      = 10 * time.Minute // a code is good for this long
	CodeAttempts = 5                // wrong tries before a code is dead
	CodeGap      = time.Minute      // least time between two codes to one address
	CodesPerHour = 5                // most codes to one address in an hour
)

const addrField = "notify_addr"

// Address is a normalized phone number or email address and its channel.
type Address struct {
	Channel, Value string
}

// ParseAddress reads what a person typed: a mainland mobile number or an
// email address.
func ParseAddress(s string) (Address, error) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "@") {
		e := strings.ToLower(s)
		if !valid.Email(e) {
			return Address{}, valid.New("addr", "notify.err.addr")
		}
		return Address{Channel: Email, Value: e}, nil
	}
	if m, ok := std.NormalizeMobile(s); ok {
		return Address{Channel: SMS, Value: m}, nil
	}
	return Address{}, valid.New("addr", "notify.err.addr")
}

// Masked shows the address for screens: 138****5678, w***@example.cn.
func (a Address) Masked() string {
	if a.Channel == SMS {
		return pii.MaskPhone(a.Value)
	}
	local, domain, _ := strings.Cut(a.Value, "@")
	if len(local) > 1 {
		local = local[:1] + "***"
	}
	return local + "@" + domain
}

func (s *Store) index(a Address) string { return s.keys.Index(addrField, a.Channel+":"+a.Value) }

func (s *Store) codeHash(index, code string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("notify code:" + index + ":" + code))
	return hex.EncodeToString(m.Sum(nil))
}

// StartVerify sends a one-time code to the address typed, limited per
// address: one a minute and CodesPerHour an hour.
func (s *Store) StartVerify(ctx context.Context, typed string) (Address, error) {
	a, err := ParseAddress(typed)
	if err != nil {
		return a, err
	}
	snd, _ := s.out.sender(a.Channel)
	if snd == nil {
		return a, valid.New("addr", "notify.err.channel_off")
	}
	idx := s.index(a)
	n, _ := rand.Int(rand.Reader, big.NewInt(1000000))
	code := fmt.Sprintf("%06d", n.Int64())
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		// The address's lock: requests at once (a double click, a script)
		// each counted the codes before any other was written, and each
		// sent a text message (integrity review 52).
		if err := tx.LockKey(ctx, "notify.code:"+idx); err != nil {
			return err
		}
		now := db.Millis(tx.Now)
		var recent int
		var last int64
		if err := tx.QueryRow(ctx, `SELECT COUNT(*), COALESCE(MAX(created_at), 0) FROM notify_codes
			WHERE addr_index = ? AND created_at > ?`, idx, now-int64(time.Hour/time.Millisecond)).Scan(&recent, &last); err != nil {
			return fmt.Errorf("notify: count codes: %w", err)
		}
		if last > now-int64(CodeGap/time.Millisecond) {
			return valid.New("addr", "notify.err.code_wait")
		}
		if recent >= CodesPerHour {
			return valid.New("addr", "notify.err.code_hourly")
		}
		_, err := tx.Exec(ctx, `INSERT INTO notify_codes (id, addr_index, code_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?)`,
			tx.NewID(), idx, s.codeHash(idx, code), db.Millis(tx.Now.Add(CodeTTL)), now)
		return err
	})
	if err != nil {
		return a, err
	}
	// The code goes out at once, not through a job: a job's arguments
	// would keep it in clear.
	o := Out{Key: "code:" + idx[:8], To: a.Value, Title: "验证码 Verification code",
		Body: "您的科普订阅验证码是 " + code + "，10 分钟内有效。Your code: " + code}
	if err := snd.Send(ctx, o); err != nil {
		return a, valid.New("addr", "notify.err.send_failed")
	}
	return a, nil
}

// Verify checks a code for the address and returns the account, opening
// it (under orgID, the portal's org) at the first success. A wrong code
// counts against the code's attempts.
func (s *Store) Verify(ctx context.Context, typed, code string, orgID int64) (Account, error) {
	a, err := ParseAddress(typed)
	if err != nil {
		return Account{}, err
	}
	idx := s.index(a)
	code = strings.TrimSpace(code)
	var wrong bool
	var acc Account
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		now := db.Millis(tx.Now)
		var id int64
		var hash string
		var attempts int
		var expires int64
		err := tx.QueryRow(ctx, `SELECT id, code_hash, attempts, expires_at FROM notify_codes
			WHERE addr_index = ? AND used_at = 0 ORDER BY created_at DESC LIMIT 1`, idx).Scan(&id, &hash, &attempts, &expires)
		if errors.Is(err, sql.ErrNoRows) {
			return valid.New("code", "notify.err.code_none")
		}
		if err != nil {
			return fmt.Errorf("notify: read code: %w", err)
		}
		switch {
		case expires <= now:
			return valid.New("code", "notify.err.code_expired")
		case attempts >= CodeAttempts:
			return valid.New("code", "notify.err.code_attempts")
		}
		if !hmac.Equal([]byte(hash), []byte(s.codeHash(idx, code))) {
			wrong = true // counted below, in a transaction that commits
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE notify_codes SET used_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
		acc, err = s.openAccount(ctx, tx, a, idx, orgID)
		return err
	})
	if err != nil || !wrong {
		return acc, err
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE notify_codes SET attempts = attempts + 1 WHERE addr_index = ? AND used_at = 0`, idx)
		return err
	})
	if err != nil {
		return Account{}, err
	}
	return Account{}, valid.New("code", "notify.err.code_wrong")
}

func (s *Store) openAccount(ctx context.Context, tx *db.Tx, a Address, idx string, orgID int64) (Account, error) {
	now := db.Millis(tx.Now)
	acc := Account{Channel: a.Channel, Masked: a.Masked(), Status: "active", VerifiedAt: tx.Now}
	err := tx.QueryRow(ctx, `SELECT id, org_id, region, created_at FROM notify_accounts WHERE addr_index = ?`, idx).
		Scan(&acc.ID, &acc.OrgID, &acc.RegionCode, new(int64))
	opened := false
	switch {
	case errors.Is(err, sql.ErrNoRows):
		sealed, err := s.keys.Seal(addrField, a.Value)
		if err != nil {
			return acc, err
		}
		acc.ID, acc.OrgID, acc.CreatedAt = tx.NewID(), orgID, tx.Now
		if _, err := tx.Exec(ctx, `INSERT INTO notify_accounts (id, org_id, channel, addr_sealed, addr_index, addr_masked, status, verified_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`, acc.ID, orgID, a.Channel, sealed, idx, acc.Masked, now, now, now); err != nil {
			return acc, fmt.Errorf("notify: open account: %w", err)
		}
		opened = true
	case err != nil:
		return acc, fmt.Errorf("notify: read account: %w", err)
	default:
		if _, err := tx.Exec(ctx, `UPDATE notify_accounts SET status = 'active', verified_at = ?, updated_at = ? WHERE id = ?`, now, now, acc.ID); err != nil {
			return acc, err
		}
	}
	ref, err := org.Lookup(ctx, tx, acc.OrgID)
	if err != nil {
		return acc, err
	}
	target, after := "notify_account:"+strconv.FormatInt(acc.ID, 10), map[string]any{"name": acc.Masked, "channel": acc.Channel}
	if opened {
		return acc, audit.Append(ctx, tx, audit.Entry{OrgID: acc.OrgID, OrgPath: ref.Path, Action: "notify.account.open", Target: target, After: after})
	}
	return acc, audit.Append(ctx, tx, audit.Entry{OrgID: acc.OrgID, OrgPath: ref.Path, Action: "notify.account.verify", Target: target, After: after})
}
