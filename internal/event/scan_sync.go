package event

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/shortcode"
)

// Sync stores one batch of scans a device sends, in one transaction, and
// says what each did. eventID is the event the check-in page is for (a
// ticket of another event is then answered as an unknown one); 0 lets each
// ticket name its event. The web endpoint comes here.
//
// It is idempotent: a scan already stored (same event, device and nonce)
// changes nothing and counts as a duplicate, or is rejected again with its
// stored reason; a ticket already in counts once, its later scans are kept
// as duplicates. The batch's tickets and kept scans are read up front, a
// query per 400 codes or nonces (readBatch), and its new check-ins and
// scans written together at the end (write). Two nodes syncing at once
// meet on the unique keys, as scans one at a time would: a ticket the
// other let in meanwhile makes this batch's scan of it a duplicate; a scan
// the other kept meanwhile (the same phone's batch sent twice at once,
// errRace) or a deadlock between them runs the batch again, which then
// reads that scan.
func (s *Store) Sync(ctx context.Context, eventID int64, scans []Scan) (SyncResult, error) {
	var res SyncResult
	var err error
	for try := 0; try < 8; try++ {
		err = s.db.Tx(ctx, func(tx *db.Tx) error {
			var e error
			res, e = syncTx(ctx, tx, eventID, scans)
			return e
		})
		if !retryable(err) {
			break
		}
		time.Sleep(time.Duration(try+1) * 7 * time.Millisecond)
	}
	return res, err
}

// retryable is a PostgreSQL deadlock or serialization failure, or
// errRace: the other transaction went through, so running this one again
// (reading what it wrote) is safe.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.Is(err, errRace) || errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// SyncDays is how many days after an event's last day its phones' scans
// are still taken — the same two days as conference.SyncDays (a module
// does not import another, DESIGN.md). A scan is judged at the time the
// phone says it was made, which the phone sets: without this bound an
// organiser's phone could add check-ins and walk-ins dated on the event's
// day weeks later, and the event's reach with them.
const SyncDays = 2

// late reports whether now is past the SyncDays days after e's last day
// (Beijing days).
func late(e Event, now time.Time) bool {
	end := e.EndsAt.In(beijing)
	return !now.Before(time.Date(end.Year(), end.Month(), end.Day()+SyncDays+1, 0, 0, 0, 0, beijing))
}

// early reports whether t is before the day before e starts (Beijing
// days): the door opens the day before, as a conference's does, so a
// phone cannot check people in weeks ahead.
func early(e Event, t time.Time) bool {
	s := e.StartsAt.In(beijing)
	return t.Before(time.Date(s.Year(), s.Month(), s.Day()-1, 0, 0, 0, 0, beijing))
}

// MaxScans is how many scans event e keeps: four a seat and a thousand
// more (as conference.MaxScans) — a door scans each ticket once or twice,
// on one phone or two, and takes walk-ins and mistypes. Past it a scan is
// still judged (a ticket still lets its holder in) but not kept, so a
// script sending batch after batch of made-up codes cannot fill the
// database; a walk-in, counted only by its kept scan, is then refused
// (ReasonFull).
func MaxScans(e Event) int { return 4*e.Capacity + 1000 }

func syncTx(ctx context.Context, tx *db.Tx, eventID int64, scans []Scan) (SyncResult, error) {
	res := SyncResult{Rejected: []Rejection{}}
	var ev Event
	var path string
	room, tooLate := -1, false // the command line (no event) keeps every scan
	if eventID != 0 {
		var err error
		if ev, path, err = getEvent(ctx, tx, eventID); err != nil {
			return res, err
		}
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM event_scans WHERE event_id = ?`, eventID).Scan(&room); err != nil {
			return res, fmt.Errorf("event: count scans: %w", err)
		}
		room, tooLate = max(MaxScans(ev)-room, 0), late(ev, tx.Now)
	}
	b, err := readBatch(ctx, tx, eventID, scans)
	if err != nil {
		return res, err
	}
	for i, sc := range scans {
		line := i + 1
		code := shortcode.Norm(sc.Ticket)
		if !sc.Sound(code) || (sc.WalkIn && eventID == 0) {
			res.Rejected = append(res.Rejected, Rejection{Line: line, Reason: ReasonBad})
			continue
		}
		keep := room != 0
		if k, ok := b.kept[scanKey{eventID, sc.Device, sc.Nonce}]; !keep && ok {
			// Full: a scan sent before is answered as it was; a new one
			// is judged and not kept.
			replayed(&res, line, k.outcome, k.reason)
			continue
		}
		outcome, reason, evID := Accepted, "", eventID
		var ticketID int64
		switch {
		case tooLate:
			outcome, reason = Rejected, ReasonLate
		case eventID != 0 && (early(ev, tx.Now) || early(ev, sc.At)):
			outcome, reason = Rejected, ReasonEarly
		case sc.WalkIn && !keep:
			outcome, reason, code = Rejected, ReasonFull, ""
		case sc.WalkIn:
			outcome, code = WalkIn, ""
		case sc.Future(tx.Now):
			outcome, reason = Rejected, ReasonFuture
		default:
			// Only this event's tickets were read: another event's code is
			// answered as one that does not exist.
			t, ok := b.tickets[code]
			switch {
			case !ok:
				outcome, reason = Rejected, ReasonUnknown
			case t.Status != Confirmed:
				outcome, reason, evID = Rejected, ReasonWaiting, t.EventID
			default:
				ticketID, evID = t.ID, t.EventID
			}
		}
		key := scanKey{evID, sc.Device, sc.Nonce}
		if k, ok := b.kept[key]; keep && ok {
			// A replay: the device sent this scan before.
			replayed(&res, line, k.outcome, k.reason)
			continue
		}
		scanID := tx.NewID()
		if outcome == Accepted {
			// A ticket in already (read, or let in earlier in the batch)
			// counts once; the scan is kept as a duplicate.
			if b.in[ticketID] {
				outcome = Duplicate
			} else {
				b.in[ticketID] = true
				row := -1
				if keep {
					row = len(b.rows)
				}
				b.attend = append(b.attend, attendRow{ticketID, evID, scanID, sc.Device, db.Millis(sc.At), row})
			}
		}
		if keep {
			b.kept[key] = kept{outcome, reason}
			b.rows = append(b.rows, scanRow{scanID, key, code, db.Millis(sc.At), outcome, reason})
			if room > 0 {
				room--
			}
		}
		switch outcome {
		case WalkIn:
			res.WalkIns++
		case Rejected:
			res.Rejected = append(res.Rejected, Rejection{Line: line, Reason: reason})
		case Duplicate:
			res.Duplicates++
		default:
			res.Accepted++
		}
	}
	if len(b.rows) == 0 && res.Accepted == 0 { // all sent before, or nothing fit to keep
		return res, nil
	}
	if err := b.write(ctx, tx, db.Millis(tx.Now), &res); err != nil {
		return res, err
	}
	if len(b.rows) == 0 && res.Accepted == 0 { // every ticket let in meanwhile by another sync
		return res, nil
	}
	e := audit.Entry{Action: "event.sync", After: map[string]any{"accepted": res.Accepted, "duplicates": res.Duplicates,
		"walk_ins": res.WalkIns, "rejected": len(res.Rejected)}}
	if eventID != 0 {
		e.OrgID, e.OrgPath, e.Target = ev.OrgID, path, fmt.Sprintf("event:%d", eventID)
	}
	return res, audit.Append(ctx, tx, e)
}

// replayed answers a scan the device sent before as it was answered.
func replayed(res *SyncResult, line int, was, why string) {
	if was == Rejected {
		res.Rejected = append(res.Rejected, Rejection{Line: line, Reason: why})
	} else {
		res.Duplicates++
	}
}

// Attendance counts who came to event id.
func (s *Store) Attendance(ctx context.Context, id int64) (Attendance, error) {
	var a Attendance
	err := s.db.QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM event_attendance WHERE event_id = ?),
		(SELECT COUNT(*) FROM event_scans WHERE event_id = ? AND outcome = 'walk_in'),
		(SELECT COUNT(*) FROM event_scans WHERE event_id = ? AND outcome = 'duplicate'),
		(SELECT COUNT(*) FROM event_scans WHERE event_id = ? AND outcome = 'rejected')`, id, id, id, id).
		Scan(&a.CheckedIn, &a.WalkIns, &a.Duplicates, &a.Rejected)
	if errors.Is(err, sql.ErrNoRows) {
		return a, &NotFoundError{What: "event"}
	}
	if err != nil {
		return a, fmt.Errorf("event: attendance: %w", err)
	}
	return a, nil
}
