package audit

import (
	"context"
	"crypto/hmac"
	"fmt"

	"kexie/internal/db"
)

// MaxProblems is how many problems a Report lists; further ones are only
// counted (Report.Omitted), so a wholesale rewrite cannot exhaust memory.
const MaxProblems = 100

// Problem is one break in the chain, naming the record concerned.
type Problem struct {
	Seq    int64
	Kind   string // "edited", "missing", "inserted", "head" or "rekeyed"
	Detail string
}

// Report is the result of Verify.
type Report struct {
	Checked  int   // records read
	HeadSeq  int64 // the head row as of the snapshot verified
	HeadHash string
	// Unkeyed counts the records hashed with plain SHA-256 before the
	// chain was keyed; KeyedFrom is the first keyed record (0: none).
	Unkeyed   int
	KeyedFrom int64
	Problems  []Problem // the first MaxProblems problems, in sequence order
	Omitted   int       // problems found beyond MaxProblems
}

// OK reports whether the chain is intact.
func (rep *Report) OK() bool { return len(rep.Problems) == 0 && rep.Omitted == 0 }

func (rep *Report) add(p Problem) {
	if len(rep.Problems) >= MaxProblems {
		rep.Omitted++
		return
	}
	rep.Problems = append(rep.Problems, p)
}

// Verify walks the log in sequence order, recomputing every hash and
// checking every link, in constant memory. An edited record fails its own
// hash; a deleted one leaves a gap in the sequence (and the record after
// the gap is still checked against its own hash); an inserted one either
// breaks a link or lies beyond the head row, which every Append moves.
//
// The head row and the log are read in one read-only snapshot (REPEATABLE
// READ on PostgreSQL, one read transaction on SQLite), so appends committed
// while Verify runs are neither half seen nor mistaken for insertions, and
// they are not blocked.
//
// Hashes are keyed (HMAC-SHA-256 under the database's audit key), so
// editing a record and recomputing its hash needs the key. Records from
// before the chain was keyed are plain SHA-256 and bound by the first keyed
// record. Someone holding the key, or able to replace the whole table and
// head with an unkeyed chain from before the upgrade, could still forge a
// history, so operators copy the head hash printed by `kexie audit verify`
// elsewhere (see docs/architecture.md, "Audit").
func Verify(ctx context.Context, d *db.DB) (Report, error) {
	key := d.AuditKey()
	if len(key) == 0 {
		return Report{}, ErrNoKey
	}
	var rep Report
	err := d.ReadTx(ctx, func(tx *db.Tx) error {
		rep = Report{}
		return verify(ctx, tx, key, &rep)
	})
	return rep, err
}

func verify(ctx context.Context, tx *db.Tx, key []byte, rep *Report) error {
	var mac string
	if err := tx.QueryRow(ctx, `SELECT seq, hash, mac FROM audit_head WHERE id = 1`).Scan(&rep.HeadSeq, &rep.HeadHash, &mac); err != nil {
		return fmt.Errorf("audit: read head: %w", err)
	}
	switch {
	case rep.HeadSeq == 0 && mac == "":
	case mac == "":
		rep.add(Problem{Seq: rep.HeadSeq, Kind: "head", Detail: "the head carries no MAC: the chain was rewritten without the key, or never keyed"})
	case !hmac.Equal([]byte(mac), []byte(headMAC(key, rep.HeadSeq, rep.HeadHash))):
		rep.add(Problem{Seq: rep.HeadSeq, Kind: "head", Detail: "the head does not match its MAC: it was moved by hand"})
	}
	rows, err := tx.Query(ctx, `SELECT `+columns+` FROM audit_log ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("audit: read log: %w", err)
	}
	defer rows.Close()
	want := int64(1)
	prev := GenesisHash
	var last Record
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return err
		}
		rep.Checked++
		if r.Seq < want { // only a record numbered 0 or below can come before the first
			rep.add(Problem{Seq: r.Seq, Kind: "inserted", Detail: "sequence number before the first record"})
			continue
		}
		if r.Seq > rep.HeadSeq {
			rep.add(Problem{Seq: r.Seq, Kind: "inserted",
				Detail: fmt.Sprintf("record lies beyond the head (last appended record is %d)", rep.HeadSeq)})
		}
		gap := r.Seq > want
		if gap {
			detail := "record deleted"
			if r.Seq > want+1 {
				detail = fmt.Sprintf("records %d–%d deleted", want, r.Seq-1)
			}
			rep.add(Problem{Seq: want, Kind: "missing", Detail: detail})
		}
		switch {
		case r.Chain == ChainPlain && rep.KeyedFrom > 0:
			rep.add(Problem{Seq: r.Seq, Kind: "edited", Detail: "unkeyed record after the chain was keyed"})
		case r.Chain != ChainPlain && r.Chain != ChainKeyed:
			rep.add(Problem{Seq: r.Seq, Kind: "edited", Detail: fmt.Sprintf("unknown chain version %d", r.Chain)})
		case r.Hash != r.computeHash(key):
			detail := "content does not match its hash"
			if gap {
				detail += " (it follows a deleted record, so its link cannot be checked)"
			}
			rep.add(Problem{Seq: r.Seq, Kind: "edited", Detail: detail})
		case gap:
			// The record it links to is gone; its own hash holds.
		case r.PrevHash != prev:
			rep.add(Problem{Seq: r.Seq, Kind: "inserted", Detail: "does not chain to the record before it"})
		}
		if r.Chain == ChainKeyed && r.Action == KeyedAction && rep.KeyedFrom > 0 {
			rep.add(Problem{Seq: r.Seq, Kind: "rekeyed", Detail: "the chain was keyed again: its head had lost its MAC"})
		}
		if r.Chain == ChainPlain {
			rep.Unkeyed++
		} else if rep.KeyedFrom == 0 {
			rep.KeyedFrom = r.Seq
		}
		want = r.Seq + 1
		prev = r.Hash
		last = r
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("audit: read log: %w", err)
	}
	switch {
	case last.Seq < rep.HeadSeq:
		detail := fmt.Sprintf("records %d–%d at the end are missing", last.Seq+1, rep.HeadSeq)
		if last.Seq+1 == rep.HeadSeq {
			detail = "the last record is missing"
		}
		rep.add(Problem{Seq: last.Seq + 1, Kind: "head", Detail: detail})
	case last.Seq == rep.HeadSeq && last.Seq > 0 && last.Hash != rep.HeadHash:
		rep.add(Problem{Seq: last.Seq, Kind: "head", Detail: "last record differs from the one appended"})
	}
	return nil
}
