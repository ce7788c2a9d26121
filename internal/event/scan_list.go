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
	// A count of its own, then the page (D266), each from an index of
	// event migration 005: an event's door keeps up to MaxScans scans.
	from := ` FROM event_scans WHERE ` + where
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*)` + from,
		Select: `SELECT ticket_code, device, nonce, scanned_at, received_at, outcome, reason` + from +
			` ORDER BY scanned_at DESC, id DESC LIMIT ? OFFSET ?`,
		Args: args, Limit: limit, Offset: offset}, func(r db.Scanner) (ScanRecord, error) {
		var x ScanRecord
		var at, got int64
		err := r.Scan(&x.Ticket, &x.Device, &x.Nonce, &at, &got, &x.Outcome, &x.Reason)
		x.ScannedAt, x.ReceivedAt = db.Time(at), db.Time(got)
		return x, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("event: scans: %w", err)
	}
	return out, total, nil
}
