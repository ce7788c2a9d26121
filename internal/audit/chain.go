package audit

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"

	"kexie/internal/db"
)

// How a record's hash was computed.
const (
	// ChainPlain is plain SHA-256, used before the chain was keyed. Such
	// records are bound by the first keyed record, which links to them.
	ChainPlain = 0
	// ChainKeyed is HMAC-SHA-256 under the server's audit key: without the
	// key nobody can compute a hash that verifies.
	ChainKeyed = 1
)

// KeyedAction is the action of the record that keys an existing chain.
const KeyedAction = "audit.chain_keyed"

// ErrNoKey is returned when the database carries no audit key.
var ErrNoKey = errors.New("audit: no audit key set on the database")

// ErrHeadTampered is returned by Append when the head row does not carry
// the MAC the last append gave it.
var ErrHeadTampered = errors.New("audit: the head of the audit chain does not match its MAC; run kexie audit verify")

// computeHash hashes every field but Hash itself — with SHA-256 for a
// plain record, with HMAC-SHA-256 under key (and the chain version first)
// for a keyed one. Each field is written as its decimal length, a colon and
// its bytes, so no two different records share an encoding.
func (r Record) computeHash(key []byte) string {
	var h hash.Hash
	if r.Chain == ChainPlain {
		h = sha256.New()
	} else {
		h = hmac.New(sha256.New, key)
		h.Write([]byte("kexie-audit-v" + strconv.Itoa(r.Chain) + ";"))
	}
	for _, f := range []string{
		strconv.FormatInt(r.Seq, 10), strconv.FormatInt(r.ID, 10), strconv.FormatInt(db.Millis(r.At), 10),
		strconv.FormatInt(r.ActorID, 10), r.ActorName, strconv.FormatInt(r.OrgID, 10), r.OrgPath,
		r.Action, r.Target, r.Summary, r.IP, r.RequestID, r.PrevHash,
	} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// headMAC authenticates the head row, so that it cannot be moved back over
// a truncated tail nor blanked to pass off a rewritten, unkeyed chain.
func headMAC(key []byte, seq int64, hash string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("kexie-audit-head;" + strconv.FormatInt(seq, 10) + ":" + hash))
	return hex.EncodeToString(m.Sum(nil))
}

type head struct {
	seq  int64
	hash string
	mac  string
}

func lockHead(ctx context.Context, tx *db.Tx) (head, error) {
	lock := `SELECT seq, hash, mac FROM audit_head WHERE id = 1`
	if tx.Dialect() == db.Postgres {
		lock += ` FOR UPDATE`
	}
	var h head
	if err := tx.QueryRow(ctx, lock).Scan(&h.seq, &h.hash, &h.mac); err != nil {
		return h, fmt.Errorf("audit: lock head: %w", err)
	}
	return h, nil
}

// check refuses to append over a head that is not what the last append
// left. An unkeyed head of a non-empty log is accepted only by KeyChain.
func (h head) check(key []byte, keying bool) error {
	switch {
	case h.mac == "" && (h.seq == 0 || keying):
		return nil
	case h.mac == "":
		return fmt.Errorf("%w (the head carries no MAC: start the server or run kexie migrate to key the chain)", ErrHeadTampered)
	case !hmac.Equal([]byte(h.mac), []byte(headMAC(key, h.seq, h.hash))):
		return ErrHeadTampered
	}
	return nil
}

// KeyChain keys the chain of a database upgraded from a version whose
// chain was plain SHA-256: when the head carries no MAC but records exist,
// it appends a KeyedAction record (naming the unkeyed head) whose HMAC binds
// every earlier record, and MACs the head. It reports whether it did so;
// the caller logs it. A second KeyedAction record in a chain means the head
// lost its MAC after keying, and Verify reports it.
func KeyChain(ctx context.Context, d *db.DB) (bool, error) {
	keyed := false
	err := d.Tx(ctx, func(tx *db.Tx) error {
		h, err := lockHead(ctx, tx)
		if err != nil || h.mac != "" || h.seq == 0 {
			return err
		}
		keyed = true
		return appendEntry(ctx, tx, Entry{Action: "audit.chain_keyed", Target: "audit", // KeyedAction
			Before: map[string]any{"head_seq": h.seq, "head_hash": h.hash}}, true)
	})
	return keyed, err
}
