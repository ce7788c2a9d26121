package volunteer

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Entry is one row of the hours ledger.
type Entry struct {
	Seq         int64
	VolunteerID int64
	Day         string // YYYY-MM-DD
	Minutes     int    // negative for a correction
	Source      string // checkout, claim, correction
	RefID       int64
	ByUser      int64
	At          time.Time
	PrevHash    string
	Hash        string
	// Not part of the chain: for a correction, read from the correction
	// it carries out, the entry it corrects and why.
	Corrects int64
	Reason   string
}

// hasher computes entry hashes under one key, reusing its HMAC state.
type hasher struct {
	mac hash.Hash
	buf []byte
	sum []byte
}

func newHasher(key []byte) *hasher { return &hasher{mac: hmac.New(sha256.New, key)} }

// hash is HMAC-SHA-256 over a version tag and every field but Hash, each
// written as its decimal length, a colon and its bytes (as the audit chain
// does), so no two different entries share an encoding.
func (h *hasher) hash(e *Entry) string { return hex.EncodeToString(h.sum256(e)) }

// matches reports whether e.Hash is the hash of e, without allocating.
func (h *hasher) matches(e *Entry) bool {
	var buf [64]byte
	hex.Encode(buf[:], h.sum256(e))
	return len(e.Hash) == 64 && string(buf[:]) == e.Hash
}

func (h *hasher) sum256(e *Entry) []byte {
	b := append(h.buf[:0], "kexie-vhours-v1;"...)
	field := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 10)
		b = append(b, ':')
		b = append(b, s...)
	}
	num := func(n int64) {
		var tmp [20]byte
		d := strconv.AppendInt(tmp[:0], n, 10)
		b = strconv.AppendInt(b, int64(len(d)), 10)
		b = append(b, ':')
		b = append(b, d...)
	}
	num(e.Seq)
	num(e.VolunteerID)
	field(e.Day)
	num(int64(e.Minutes))
	field(e.Source)
	num(e.RefID)
	num(e.ByUser)
	num(db.Millis(e.At))
	field(e.PrevHash)
	h.buf = b
	h.mac.Reset()
	h.mac.Write(b)
	h.sum = h.mac.Sum(h.sum[:0])
	return h.sum
}

func ledgerHeadMAC(key []byte, seq int64, hash string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("kexie-vhours-head;" + strconv.FormatInt(seq, 10) + ":" + hash))
	return hex.EncodeToString(m.Sum(nil))
}

// ErrLedgerTampered is returned by an append over a head row that does not
// carry the MAC the last append gave it.
var ErrLedgerTampered = errors.New("volunteer: the head of the hours ledger does not match its MAC; run kexie volunteer verify")

// ErrNoLedgerKey is returned when the store was built without a ledger key.
var ErrNoLedgerKey = errors.New("volunteer: no ledger key")

// credit appends minutes of service on day to the ledger in tx, refusing
// more than MaxDayMinutes credited to one volunteer on one day, keeps the
// volunteer's total, and starts the 公示 of any star level now reached.
func (s *Store) credit(ctx context.Context, tx *db.Tx, e Entry, orgID int64, orgPath string) (Entry, error) {
	if len(s.ledger) == 0 {
		return e, ErrNoLedgerKey
	}
	if e.Minutes == 0 {
		return e, valid.New("minutes", "volunteer.err.minutes")
	}
	// Lock the head first: appends are serialized, so the day's sum below
	// cannot race another credit of the same volunteer.
	lock := `SELECT seq, hash, mac FROM volunteer_hours_head WHERE id = 1`
	if tx.Dialect() == db.Postgres {
		lock += ` FOR UPDATE`
	}
	var headSeq int64
	var headHash, headMAC string
	if err := tx.QueryRow(ctx, lock).Scan(&headSeq, &headHash, &headMAC); err != nil {
		return e, fmt.Errorf("volunteer: lock ledger head: %w", err)
	}
	if headSeq > 0 && !hmac.Equal([]byte(headMAC), []byte(ledgerHeadMAC(s.ledger, headSeq, headHash))) {
		return e, ErrLedgerTampered
	}
	var day int64
	if err := tx.QueryRow(ctx, `SELECT COALESCE(SUM(minutes), 0) FROM volunteer_hours WHERE volunteer_id = ? AND day = ?`, e.VolunteerID, e.Day).Scan(&day); err != nil {
		return e, fmt.Errorf("volunteer: day total: %w", err)
	}
	if day+int64(e.Minutes) > MaxDayMinutes {
		return e, valid.New("minutes", "volunteer.err.day_over", e.Day, float64(day)/60)
	}
	e.Seq, e.PrevHash, e.At = headSeq+1, headHash, tx.Now.Truncate(time.Millisecond)
	e.Hash = newHasher(s.ledger).hash(&e)
	if _, err := tx.Exec(ctx, `INSERT INTO volunteer_hours (seq, volunteer_id, day, minutes, source, ref_id, by_user, at, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, e.VolunteerID, e.Day, e.Minutes, e.Source, e.RefID, e.ByUser, db.Millis(e.At), e.PrevHash, e.Hash); err != nil {
		return e, fmt.Errorf("volunteer: append hours: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE volunteer_hours_head SET seq = ?, hash = ?, mac = ? WHERE id = 1`, e.Seq, e.Hash, ledgerHeadMAC(s.ledger, e.Seq, e.Hash)); err != nil {
		return e, fmt.Errorf("volunteer: move ledger head: %w", err)
	}
	var total int64
	if err := tx.QueryRow(ctx, `UPDATE volunteers SET minutes = minutes + ?, updated_at = ? WHERE id = ? RETURNING minutes`, e.Minutes, db.Millis(tx.Now), e.VolunteerID).Scan(&total); err != nil {
		return e, fmt.Errorf("volunteer: total: %w", err)
	}
	if err := audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: orgPath, Action: "volunteer.hours_credit",
		Target: fmt.Sprintf("volunteer:%d", e.VolunteerID),
		After:  map[string]any{"seq": e.Seq, "day": e.Day, "minutes": e.Minutes, "source": e.Source}}); err != nil {
		return e, err
	}
	return e, s.reachStars(ctx, tx, e.VolunteerID, total, e.Minutes < 0, orgID, orgPath)
}

// Ledger returns a volunteer's entries, newest first (at most limit); a
// correction carries the entry it corrects and its reason.
func (s *Store) Ledger(ctx context.Context, volunteerID int64, limit int) ([]Entry, error) {
	rows, err := s.db.Query(ctx, `SELECT h.seq, h.volunteer_id, h.day, h.minutes, h.source, h.ref_id, h.by_user, h.at, h.prev_hash, h.hash,
		COALESCE(c.entry_seq, 0), COALESCE(c.reason, '')
		FROM volunteer_hours h LEFT JOIN volunteer_corrections c ON h.source = 'correction' AND c.id = h.ref_id
		WHERE h.volunteer_id = ? ORDER BY h.seq DESC LIMIT ?`, volunteerID, limit)
	if err != nil {
		return nil, fmt.Errorf("volunteer: ledger: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var at int64
		if err := rows.Scan(&e.Seq, &e.VolunteerID, &e.Day, &e.Minutes, &e.Source, &e.RefID, &e.ByUser, &at, &e.PrevHash, &e.Hash, &e.Corrects, &e.Reason); err != nil {
			return nil, err
		}
		e.At = db.Time(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

func scanEntry(row db.Scanner) (Entry, error) {
	var e Entry
	var at int64
	err := row.Scan(&e.Seq, &e.VolunteerID, &e.Day, &e.Minutes, &e.Source, &e.RefID, &e.ByUser, &at, &e.PrevHash, &e.Hash)
	e.At = db.Time(at)
	return e, err
}

// HoursText is the entry's minutes as hours for pages ("2.5", "-1").
func (e Entry) HoursText() string { return FormatHours(int64(e.Minutes)) }
