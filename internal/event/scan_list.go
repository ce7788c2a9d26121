package event

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/db"
)

// ScanRecord is one stored scan.
type ScanRecord struct {
	Ticket     string
	Device     string
	Nonce      string
	ScannedAt  time.Time
	ReceivedAt time.Time
	Outcome    string
	Reason     string
}

// Scans lists the scans of event id with outcome ("" for all), latest
// first, and how many there are. The caller has checked access.
func (s *Store) Scans(ctx context.Context, id int64, outcome string, limit, offset int) ([]ScanRecord, int, error) {
	where, args := `event_id = ?`, []any{id}
	if outcome != "" {
		where += ` AND outcome = ?`
		args = append(args, outcome)
	}
	rows, err := s.db.Query(ctx, `SELECT ticket_code, device, nonce, scanned_at, received_at, outcome, reason, COUNT(*) OVER()
		FROM event_scans WHERE `+where+` ORDER BY scanned_at DESC, id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("event: scans: %w", err)
	}
	defer rows.Close()
	var out []ScanRecord
	total := 0
	for rows.Next() {
		var x ScanRecord
		var at, got int64
		if err := rows.Scan(&x.Ticket, &x.Device, &x.Nonce, &at, &got, &x.Outcome, &x.Reason, &total); err != nil {
			return nil, 0, fmt.Errorf("event: scans: %w", err)
		}
		x.ScannedAt, x.ReceivedAt = db.Time(at), db.Time(got)
		out = append(out, x)
	}
	return out, total, rows.Err()
}
