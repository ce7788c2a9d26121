package volunteer

import (
	"context"
	"crypto/hmac"
	"fmt"

	"kexie/internal/db"
)

// Break is the first fault found in the ledger.
type Break struct {
	Seq  int64
	Kind string // edited, missing, relinked, head
}

func (b *Break) String() string {
	switch b.Kind {
	case "edited":
		return fmt.Sprintf("entry %d: its hash does not match its fields (edited)", b.Seq)
	case "missing":
		return fmt.Sprintf("entry %d: missing (the sequence jumps over it)", b.Seq)
	case "relinked":
		return fmt.Sprintf("entry %d: does not link to the entry before it (inserted or reordered)", b.Seq)
	default:
		return fmt.Sprintf("entry %d: the ledger head does not match (entries removed from the end or the head edited)", b.Seq)
	}
}

// LedgerReport is the result of VerifyLedger.
type LedgerReport struct {
	Checked  int64
	HeadSeq  int64
	HeadHash string
	First    *Break // nil when intact
}

// OK reports whether the ledger is intact.
func (r LedgerReport) OK() bool { return r.First == nil }

// chain checks entries one by one in sequence order, in constant memory.
type chain struct {
	h    *hasher
	prev string
	seq  int64
	n    int64
}

// next checks e after the entries already seen; it returns the first fault.
func (c *chain) next(e *Entry) *Break {
	c.n++
	switch {
	case e.Seq != c.seq+1:
		return &Break{Seq: c.seq + 1, Kind: "missing"}
	case !c.h.matches(e):
		return &Break{Seq: e.Seq, Kind: "edited"}
	case e.PrevHash != c.prev:
		return &Break{Seq: e.Seq, Kind: "relinked"}
	}
	c.seq, c.prev = e.Seq, e.Hash
	return nil
}

// VerifyLedger walks the hours ledger in sequence order, recomputing every
// hash and link, and checks the head row's MAC and position, in one
// read-only snapshot. It stops at the first fault and names it.
func (s *Store) VerifyLedger(ctx context.Context) (LedgerReport, error) {
	return VerifyLedger(ctx, s.db, s.ledger)
}

// VerifyLedger is Store.VerifyLedger on a database and key (the CLI).
func VerifyLedger(ctx context.Context, d *db.DB, key []byte) (LedgerReport, error) {
	if len(key) == 0 {
		return LedgerReport{}, ErrNoLedgerKey
	}
	var rep LedgerReport
	err := d.ReadTx(ctx, func(tx *db.Tx) error {
		rep = LedgerReport{}
		var mac string
		if err := tx.QueryRow(ctx, `SELECT seq, hash, mac FROM volunteer_hours_head WHERE id = 1`).Scan(&rep.HeadSeq, &rep.HeadHash, &mac); err != nil {
			return fmt.Errorf("volunteer: read ledger head: %w", err)
		}
		rows, err := tx.Query(ctx, `SELECT seq, volunteer_id, day, minutes, source, ref_id, by_user, at, prev_hash, hash FROM volunteer_hours ORDER BY seq`)
		if err != nil {
			return fmt.Errorf("volunteer: read ledger: %w", err)
		}
		defer rows.Close()
		c := chain{h: newHasher(key)}
		for rows.Next() {
			e, err := scanEntry(rows)
			if err != nil {
				return fmt.Errorf("volunteer: read ledger: %w", err)
			}
			if b := c.next(&e); b != nil {
				rep.Checked, rep.First = c.n, b
				return nil
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("volunteer: read ledger: %w", err)
		}
		rep.Checked = c.n
		headOK := rep.HeadSeq == c.seq && rep.HeadHash == c.prev &&
			(rep.HeadSeq == 0 && mac == "" || hmac.Equal([]byte(mac), []byte(ledgerHeadMAC(key, rep.HeadSeq, rep.HeadHash))))
		if !headOK {
			rep.First = &Break{Seq: c.seq + 1, Kind: "head"}
			if rep.HeadSeq < c.seq {
				rep.First.Seq = rep.HeadSeq + 1
			}
		}
		return nil
	})
	return rep, err
}
