package notify

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/db"
)

// SeedAccounts opens n verified SMS accounts under orgID with the numbers
// prefix followed by a running number (e.g. "1990000" + 4 digits), in
// batches, for the demo and the push benchmark. It writes no audit record
// per account: it stands for sign-ups that happened elsewhere. Numbers
// already present are skipped.
func (s *Store) SeedAccounts(ctx context.Context, orgID int64, prefix string, n int, region string, progress func(done int)) error {
	digits := 11 - len(prefix)
	const batch = 500
	for start := 0; start < n; start += batch {
		end := min(n, start+batch)
		var b strings.Builder
		b.WriteString(`INSERT INTO notify_accounts (id, org_id, channel, addr_sealed, addr_index, addr_masked, region, status, verified_at, created_at, updated_at) VALUES `)
		args := make([]any, 0, (end-start)*11)
		err := s.db.Tx(ctx, func(tx *db.Tx) error {
			now := db.Millis(tx.Now)
			for i := start; i < end; i++ {
				a := Address{Channel: SMS, Value: fmt.Sprintf("%s%0*d", prefix, digits, i)}
				sealed, err := s.keys.Seal(addrField, a.Value)
				if err != nil {
					return err
				}
				if i > start {
					b.WriteString(",")
				}
				b.WriteString("(?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)")
				args = append(args, tx.NewID(), orgID, SMS, sealed, s.index(a), a.Masked(), region, now, now, now)
			}
			b.WriteString(" ON CONFLICT DO NOTHING")
			_, err := tx.Exec(ctx, b.String(), args...)
			return err
		})
		if err != nil {
			return fmt.Errorf("notify: seed accounts: %w", err)
		}
		if progress != nil {
			progress(end)
		}
	}
	return nil
}
