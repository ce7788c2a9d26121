package event

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"kexie/internal/db"
	"kexie/internal/shortcode"
)

// scanKey is what keeps a scan once: its event, device and nonce.
type scanKey struct {
	event         int64
	device, nonce string
}

// kept is a scan stored before: its outcome and reason.
type kept struct{ outcome, reason string }

// doorTicket is what the door needs of a ticket.
type doorTicket struct {
	ID, EventID int64
	Status      string
}

// scanRow is a scan to keep; attendRow a ticket let in.
type (
	scanRow struct {
		id      int64
		key     scanKey
		code    string
		at      int64
		outcome string
		reason  string
	}
	attendRow struct {
		ticket, event, scan int64
		device              string
		at                  int64
		row                 int // the scan's in rows, -1 if not kept
	}
)

// batch is what a batch's scans need from the database, read up front (a
// query per chunk of codes or nonces, not per scan, as a conference's door
// reads): the tickets its codes name, which of them are in already, and
// the scans kept before. The loop keeps all three current as it lets
// people in and keeps scans, and write stores its rows together at the end.
type batch struct {
	tickets map[string]doorTicket // by code
	in      map[int64]bool        // tickets checked in, by id
	kept    map[scanKey]kept
	rows    []scanRow
	attend  []attendRow
}

// chunk is how many values one IN list of readBatch, or one INSERT of
// write, holds.
const chunk = 400

// errRace is a scan another sync kept between this one's reads and its
// writes, under the same event, device and nonce (the same phone's batch
// sent twice at once): the batch is read and answered again (Sync retries
// it), and that scan then answered from the kept row, as it would have
// been one scan at a time.
var errRace = errors.New("event: a scan kept at once by another sync")

// readBatch reads what scans need: the tickets of eventID their codes name
// (of any event when eventID is 0) and the scans kept before under
// eventID by their devices and nonces (under any event when 0; the loop
// looks each up by the event it keeps it under).
func readBatch(ctx context.Context, tx *db.Tx, eventID int64, scans []Scan) (*batch, error) {
	b := &batch{tickets: map[string]doorTicket{}, in: map[int64]bool{}, kept: map[scanKey]kept{}}
	codes, nonces := map[string]bool{}, map[string]map[string]bool{} // nonces by device
	for _, sc := range scans {
		code := shortcode.Norm(sc.Ticket)
		if !sc.Sound(code) {
			continue
		}
		if !sc.WalkIn {
			codes[code] = true
		}
		if nonces[sc.Device] == nil {
			nonces[sc.Device] = map[string]bool{}
		}
		nonces[sc.Device][sc.Nonce] = true
	}
	where, head := `t.code IN (`, []any{}
	if eventID != 0 {
		where, head = `t.event_id = ? AND t.code IN (`, []any{eventID}
	}
	err := db.InChunks(codes, chunk, func(marks string, args []any) error {
		rows, err := tx.Query(ctx, `SELECT t.code, t.id, t.event_id, t.status, CASE WHEN a.ticket_id IS NULL THEN 0 ELSE 1 END
			FROM event_tickets t LEFT JOIN event_attendance a ON a.ticket_id = t.id WHERE `+where+marks+`)`,
			append(head, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var code string
			var t doorTicket
			var in int
			if err := rows.Scan(&code, &t.ID, &t.EventID, &t.Status, &in); err != nil {
				return err
			}
			b.tickets[code], b.in[t.ID] = t, in == 1
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("event: a batch's tickets: %w", err)
	}
	where, head = `device = ? AND nonce IN (`, nil
	if eventID != 0 {
		where, head = `event_id = ? AND device = ? AND nonce IN (`, []any{eventID}
	}
	devices := make([]string, 0, len(nonces))
	for d := range nonces {
		devices = append(devices, d)
	}
	slices.Sort(devices)
	for _, device := range devices { // a phone sends its own scans: one device a batch
		err = db.InChunks(nonces[device], chunk, func(marks string, args []any) error {
			rows, err := tx.Query(ctx, `SELECT event_id, nonce, outcome, reason FROM event_scans WHERE `+where+marks+`)`,
				append(append(head[:len(head):len(head)], device), args...)...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				key := scanKey{device: device}
				var k kept
				if err := rows.Scan(&key.event, &key.nonce, &k.outcome, &k.reason); err != nil {
					return err
				}
				b.kept[key] = k
			}
			return rows.Err()
		})
		if err != nil {
			return nil, fmt.Errorf("event: a batch's scans kept: %w", err)
		}
	}
	return b, nil
}

// write stores the batch's new check-ins and then its scans, a few
// hundred rows to a statement, each in key order (so two nodes writing at
// once take their row locks in one order). A ticket another sync let in
// since readBatch is not let in again: the scan that was to let it in is
// a duplicate, in res and as kept, as it is when scans come one at a time.
// A scan another sync kept meanwhile is errRace.
func (b *batch) write(ctx context.Context, tx *db.Tx, now int64, res *SyncResult) error {
	slices.SortFunc(b.attend, func(x, y attendRow) int { return cmp.Compare(x.ticket, y.ticket) })
	for rows := b.attend; len(rows) > 0; {
		part := rows[:min(len(rows), chunk)]
		rows = rows[len(part):]
		args := make([]any, 0, 5*len(part))
		for _, r := range part {
			args = append(args, r.ticket, r.event, r.scan, r.device, r.at)
		}
		in, err := insertIn(ctx, tx, `INSERT INTO event_attendance (ticket_id, event_id, scan_id, device, checked_at)
			VALUES `+db.Marks(len(part), "(?, ?, ?, ?, ?)")+` ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`, args)
		if err != nil {
			return fmt.Errorf("event: check in: %w", err)
		}
		for _, r := range part {
			if in[r.ticket] {
				continue
			}
			res.Accepted--
			res.Duplicates++
			if r.row >= 0 {
				b.rows[r.row].outcome = Duplicate
			}
		}
	}
	slices.SortFunc(b.rows, func(x, y scanRow) int {
		return cmp.Or(cmp.Compare(x.key.event, y.key.event), cmp.Compare(x.key.device, y.key.device), cmp.Compare(x.key.nonce, y.key.nonce))
	})
	for rows := b.rows; len(rows) > 0; {
		part := rows[:min(len(rows), chunk)]
		rows = rows[len(part):]
		args := make([]any, 0, 9*len(part))
		for _, r := range part {
			args = append(args, r.id, r.key.event, r.code, r.key.device, r.key.nonce, r.at, now, r.outcome, r.reason)
		}
		r, err := tx.Exec(ctx, `INSERT INTO event_scans (id, event_id, ticket_code, device, nonce, scanned_at, received_at, outcome, reason)
			VALUES `+db.Marks(len(part), "(?, ?, ?, ?, ?, ?, ?, ?, ?)")+` ON CONFLICT (event_id, device, nonce) DO NOTHING`, args...)
		if err != nil {
			return fmt.Errorf("event: store scans: %w", err)
		}
		if n, err := r.RowsAffected(); err != nil || n != int64(len(part)) {
			return cmp.Or(err, errRace)
		}
	}
	return nil
}

// insertIn runs an INSERT … RETURNING ticket_id and says which tickets
// went in.
func insertIn(ctx context.Context, tx *db.Tx, q string, args []any) (map[int64]bool, error) {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	in := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		in[id] = true
	}
	return in, rows.Err()
}
