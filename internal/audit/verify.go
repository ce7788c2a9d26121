package audit

import (
	"context"
	"fmt"

	"kexie/internal/db"
)

// Problem is one break in the chain, naming the record concerned.
type Problem struct {
	Seq    int64
	Kind   string // "edited", "missing", "inserted" or "head"
	Detail string
}

// Report is the result of Verify.
type Report struct {
	Checked  int
	HeadSeq  int64
	HeadHash string
	Problems []Problem
}

// Verify walks the log in sequence order, recomputing every hash and
// checking every link, in constant memory. An edited record fails its own
// hash; a deleted one leaves a gap in the sequence; an inserted one either
// breaks a link or lies beyond the head row, which every Append moves.
//
// The chain proves that records were not changed one by one. Someone able
// to rewrite the whole table and the head row could forge a new chain, so
// operators keep the head hash printed by `kexie audit verify` elsewhere.
func Verify(ctx context.Context, d *db.DB) (Report, error) {
	var rep Report
	if err := d.QueryRow(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&rep.HeadSeq, &rep.HeadHash); err != nil {
		return rep, fmt.Errorf("audit: read head: %w", err)
	}
	rows, err := d.Query(ctx, `SELECT `+columns+` FROM audit_log ORDER BY seq`)
	if err != nil {
		return rep, fmt.Errorf("audit: read log: %w", err)
	}
	defer rows.Close()
	want := int64(1)
	prev := GenesisHash
	var last Record
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return rep, err
		}
		rep.Checked++
		if r.Seq > rep.HeadSeq {
			rep.Problems = append(rep.Problems, Problem{Seq: r.Seq, Kind: "inserted",
				Detail: fmt.Sprintf("record lies beyond the head (last appended record is %d)", rep.HeadSeq)})
		}
		switch {
		case r.Seq > want:
			detail := "record deleted"
			if r.Seq > want+1 {
				detail = fmt.Sprintf("records %d–%d deleted", want, r.Seq-1)
			}
			rep.Problems = append(rep.Problems, Problem{Seq: want, Kind: "missing", Detail: detail})
		case r.Hash != r.computeHash():
			rep.Problems = append(rep.Problems, Problem{Seq: r.Seq, Kind: "edited", Detail: "content does not match its hash"})
		case r.PrevHash != prev:
			rep.Problems = append(rep.Problems, Problem{Seq: r.Seq, Kind: "inserted",
				Detail: "does not chain to the record before it"})
		}
		want = r.Seq + 1
		prev = r.Hash
		last = r
	}
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("audit: read log: %w", err)
	}
	switch {
	case last.Seq < rep.HeadSeq:
		rep.Problems = append(rep.Problems, Problem{Seq: last.Seq + 1, Kind: "head",
			Detail: fmt.Sprintf("records %d–%d at the end are missing", last.Seq+1, rep.HeadSeq)})
	case last.Seq == rep.HeadSeq && last.Seq > 0 && last.Hash != rep.HeadHash:
		rep.Problems = append(rep.Problems, Problem{Seq: last.Seq, Kind: "head", Detail: "last record differs from the one appended"})
	}
	return rep, nil
}
