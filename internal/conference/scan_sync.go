package conference

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"kexie/internal/checkin"
	"kexie/internal/db"
	"kexie/internal/shortcode"
)

// Sync stores one batch of the scans a door's phone sends for conference
// confID (package checkin's shape), in one transaction, and says what each
// did: checked in, in already (a duplicate), or rejected with the reason
// CheckIn would give — the same rules (door), judged at the time of the
// scan, so a phone that was offline on the last day still counts its
// scans the next morning.
//
// It is idempotent: each scan is kept once by (device, nonce), and a scan
// sent again is answered from what was kept — the same outcome, reason
// and name — and changes nothing. It locks the conference as CheckIn
// does, so phones (and the form) at once check a person in once.
func (s *Store) Sync(ctx context.Context, confID int64, scans []checkin.Scan, by Actor) (checkin.Result, error) {
	res := checkin.Result{Rejected: []checkin.Rejection{}}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		res = checkin.Result{Rejected: []checkin.Rejection{}}
		if err := lockConf(ctx, tx, confID); err != nil {
			return err
		}
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		stored := 0
		for i, sc := range scans {
			n, err := syncScan(ctx, tx, c, i+1, sc, by, &res)
			if err != nil {
				return err
			}
			stored += n
		}
		if stored == 0 {
			return nil
		}
		return auditAppend(ctx, tx, c, "conference.checkin_sync", nil, map[string]any{"accepted": res.Accepted,
			"duplicates": res.Duplicates, "rejected": len(res.Rejected), "stored": stored})
	})
	return res, err
}

// syncScan answers one scan into res, and returns 1 when it was stored
// now (0 for a scan sent before, or one not fit to keep).
func syncScan(ctx context.Context, tx *db.Tx, c Conference, line int, sc checkin.Scan, by Actor, res *checkin.Result) (int, error) {
	code := shortcode.Norm(sc.Ticket)
	if !sc.Sound(code) || sc.WalkIn {
		res.Rejected = append(res.Rejected, checkin.Rejection{Line: line, Reason: ReasonBad})
		return 0, nil
	}
	// A scan sent before (the phone never heard the answer): answered as
	// it was, from what was kept.
	var outcome, reason, name string
	err := tx.QueryRow(ctx, `SELECT s.outcome, s.reason, COALESCE(r.name, '') FROM conference_scans s
		LEFT JOIN conference_regs r ON r.id = s.reg_id WHERE s.conf_id = ? AND s.device = ? AND s.nonce = ?`, c.ID, sc.Device, sc.Nonce).
		Scan(&outcome, &reason, &name)
	if err == nil {
		answer(res, line, outcome, reason, name)
		return 0, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("conference: replayed scan: %w", err)
	}
	var r Reg
	outcome = checkin.Accepted
	if sc.Future(tx.Now) {
		reason = ReasonFuture
	} else if r, reason, err = door(ctx, tx, c, code, sc.At); err != nil {
		return 0, err
	}
	switch reason {
	case "":
		in, err := admit(ctx, tx, c.ID, &r, sc.At, by.Name)
		if err != nil {
			return 0, err
		}
		if !in {
			outcome = checkin.Duplicate
		}
	case ReasonIn:
		outcome, reason = checkin.Duplicate, ""
	default:
		outcome = checkin.Rejected
	}
	if _, err := tx.Exec(ctx, `INSERT INTO conference_scans (id, conf_id, reg_id, code, device, nonce, scanned_at, received_at, outcome, reason, by_name)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), c.ID, r.ID, code, sc.Device, sc.Nonce, db.Millis(sc.At), db.Millis(tx.Now),
		outcome, reason, by.Name); err != nil {
		return 0, fmt.Errorf("conference: store scan: %w", err)
	}
	answer(res, line, outcome, reason, r.Name)
	return 1, nil
}

// answer adds one scan's outcome to res.
func answer(res *checkin.Result, line int, outcome, reason, name string) {
	switch outcome {
	case checkin.Rejected:
		res.Rejected = append(res.Rejected, checkin.Rejection{Line: line, Reason: reason})
		return
	case checkin.Accepted:
		res.Accepted++
	default:
		res.Duplicates++
	}
	res.Seen = append(res.Seen, checkin.Seen{Line: line, Outcome: outcome, Name: name})
}

// Door is what the door's page counts: registrations and check-ins (kept
// on the conference's row, so reading them does not grow with the
// registrations) and the scans that did not count.
type Door struct {
	Registered, CheckedIn, Duplicates, Rejected int
}

// DoorCounts returns the counts of conference id's door.
func (s *Store) DoorCounts(ctx context.Context, id int64) (Door, error) {
	var d Door
	err := s.db.QueryRow(ctx, `SELECT c.registered, c.checked_in,
		(SELECT COUNT(*) FROM conference_scans WHERE conf_id = c.id AND outcome = 'duplicate'),
		(SELECT COUNT(*) FROM conference_scans WHERE conf_id = c.id AND outcome = 'rejected')
		FROM conference_confs c WHERE c.id = ?`, id).Scan(&d.Registered, &d.CheckedIn, &d.Duplicates, &d.Rejected)
	if errors.Is(err, sql.ErrNoRows) {
		return d, &NotFoundError{"conference", id}
	}
	if err != nil {
		return d, fmt.Errorf("conference: door counts %d: %w", id, err)
	}
	return d, nil
}
