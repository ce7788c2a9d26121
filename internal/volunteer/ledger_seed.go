package volunteer

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/db"
)

// SeedLedger appends n synthetic entries to the hours ledger, correctly
// chained and with the head moved, in large batches — for the ledger
// benchmark (kexie bench volunteer-ledger) on a scratch database only. The
// entries are one minute each, spread over 10,000 volunteer IDs and over
// days, and skip the checks of credit (volunteers, the day's cap, stars).
func (s *Store) SeedLedger(ctx context.Context, n int, progress func(done int)) error {
	if len(s.ledger) == 0 {
		return ErrNoLedgerKey
	}
	const batch, perTx = 100, 50_000
	h := newHasher(s.ledger)
	var seq int64
	var prev string
	if err := s.db.QueryRow(ctx, `SELECT seq, hash FROM volunteer_hours_head WHERE id = 1`).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("volunteer: seed: %w", err)
	}
	base := time.Date(2020, 1, 1, 8, 0, 0, 0, beijing)
	stmt := `INSERT INTO volunteer_hours (seq, volunteer_id, day, minutes, source, ref_id, by_user, at, prev_hash, hash) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?),", batch), ",")
	for done := 0; done < n; {
		err := s.db.Tx(ctx, func(tx *db.Tx) error {
			for k := 0; k < perTx && done < n; k += batch {
				m := min(batch, n-done)
				args := make([]any, 0, 10*batch)
				for i := 0; i < m; i++ {
					seq++
					at := base.Add(time.Duration(seq) * time.Second)
					e := Entry{Seq: seq, VolunteerID: seq%10000 + 1, Day: Day(at), Minutes: 1, Source: SourceCheckout, RefID: seq, At: at, PrevHash: prev}
					e.Hash = h.hash(&e)
					prev = e.Hash
					args = append(args, e.Seq, e.VolunteerID, e.Day, e.Minutes, e.Source, e.RefID, e.ByUser, db.Millis(e.At), e.PrevHash, e.Hash)
				}
				q := stmt
				if m < batch {
					q = stmt[:strings.Index(stmt, "VALUES ")+7] + strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?),", m), ",")
				}
				if _, err := tx.Exec(ctx, q, args...); err != nil {
					return fmt.Errorf("volunteer: seed: %w", err)
				}
				done += m
			}
			_, err := tx.Exec(ctx, `UPDATE volunteer_hours_head SET seq = ?, hash = ?, mac = ? WHERE id = 1`, seq, prev, ledgerHeadMAC(s.ledger, seq, prev))
			return err
		})
		if err != nil {
			return err
		}
		if progress != nil {
			progress(done)
		}
	}
	return nil
}
