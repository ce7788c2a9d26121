package conference

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

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
		b, err := readBatch(ctx, tx, c.ID, scans)
		if err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM conference_scans WHERE conf_id = ?`, c.ID).Scan(&b.room); err != nil {
			return fmt.Errorf("conference: count scans: %w", err)
		}
		b.room = MaxScans(c) - b.room
		for i, sc := range scans {
			if err := b.scan(ctx, tx, c, i+1, sc, by, &res); err != nil {
				return err
			}
		}
		stored := len(b.rows)
		if stored == 0 && b.in == 0 { // all sent before, or nothing fit to keep
			return nil
		}
		if err := b.keep(ctx, tx); err != nil {
			return err
		}
		if err := countIn(ctx, tx, c.ID, b.in); err != nil {
			return err
		}
		return auditAppend(ctx, tx, c, "conference.checkin_sync", nil, map[string]any{"accepted": res.Accepted,
			"duplicates": res.Duplicates, "rejected": len(res.Rejected), "stored": stored})
	})
	return res, err
}

// SyncDays is how many days after a conference's last day its phones'
// scans are still taken. A scan is judged at the time the phone says it
// was made, which the phone sets: without this bound an organiser's phone
// could add check-ins dated on the conference's days weeks later, until
// the summary — the padding the form's rule on days (review 51, F4)
// refuses.
const SyncDays = 2

// late reports whether now is more than SyncDays after c's last day.
func late(c Conference, now time.Time) bool {
	end, err := time.ParseInLocation("2006-01-02", c.EndsOn, zone)
	if err != nil {
		return true
	}
	return today(now) > today(end.AddDate(0, 0, SyncDays))
}

// kept is a scan stored before: its outcome, reason and holder's name.
type kept struct{ outcome, reason, name string }

// batch is what a batch's scans need from the database, read up front (a
// query per chunk of codes or nonces, not per scan): the registrations
// their codes name and the scans kept before, by device and nonce. The
// loop keeps both current as it checks people in and keeps scans.
type batch struct {
	regs map[string]Reg
	kept map[[2]string]kept
	rows [][]any // the scans to keep, written together at the end (keep)
	in   int     // people let in, counted together at the end
	room int     // how many more scans the conference keeps (MaxScans)
}

// MaxScans is how many scans conference c keeps: four a place and a
// thousand more — a door scans each person once or twice, on one phone or
// two, and mistypes some. Past it a scan is still judged (a code still
// lets its holder in) but not kept, so a script sending batch after batch
// of made-up codes cannot fill the database.
func MaxScans(c Conference) int { return 4*c.Capacity + 1000 }

// chunk is how many values one IN list of readBatch holds.
const chunk = 400

func readBatch(ctx context.Context, tx *db.Tx, confID int64, scans []checkin.Scan) (*batch, error) {
	b := &batch{regs: map[string]Reg{}, kept: map[[2]string]kept{}}
	codes, nonces := map[string]bool{}, map[string]map[string]bool{} // nonces by device
	for _, sc := range scans {
		if code := shortcode.Norm(sc.Ticket); sc.Sound(code) && !sc.WalkIn {
			codes[code] = true
			if nonces[sc.Device] == nil {
				nonces[sc.Device] = map[string]bool{}
			}
			nonces[sc.Device][sc.Nonce] = true
		}
	}
	// Only this conference's registrations are read: another's code is a
	// code that does not exist here (as the form answers it), so the door
	// learns nothing of other conferences — not even that the code is one.
	err := db.InChunks(codes, chunk, func(marks string, args []any) error {
		rows, err := tx.Query(ctx, `SELECT `+regCols+` FROM conference_regs WHERE conf_id = ? AND code IN (`+marks+`)`,
			append([]any{confID}, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanReg(rows)
			if err != nil {
				return err
			}
			b.regs[r.Code] = r
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("conference: a batch's registrations: %w", err)
	}
	for device, set := range nonces { // a phone sends its own scans: one device a batch
		err = db.InChunks(set, chunk, func(marks string, args []any) error {
			rows, err := tx.Query(ctx, `SELECT s.nonce, s.outcome, s.reason, COALESCE(r.name, '') FROM conference_scans s
				LEFT JOIN conference_regs r ON r.id = s.reg_id WHERE s.conf_id = ? AND s.device = ? AND s.nonce IN (`+marks+`)`,
				append([]any{confID, device}, args...)...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var nonce string
				var k kept
				if err := rows.Scan(&nonce, &k.outcome, &k.reason, &k.name); err != nil {
					return err
				}
				b.kept[[2]string{device, nonce}] = k
			}
			return rows.Err()
		})
		if err != nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("conference: a batch's scans kept: %w", err)
	}
	return b, nil
}

// scan answers one scan into res, and adds it to the scans to keep
// unless it was sent before or is not fit to keep.
func (b *batch) scan(ctx context.Context, tx *db.Tx, c Conference, line int, sc checkin.Scan, by Actor, res *checkin.Result) error {
	code := shortcode.Norm(sc.Ticket)
	if !sc.Sound(code) || sc.WalkIn {
		res.Rejected = append(res.Rejected, checkin.Rejection{Line: line, Reason: ReasonBad})
		return nil
	}
	// A scan sent before (the phone never heard the answer): answered as
	// it was, from what was kept.
	key := [2]string{sc.Device, sc.Nonce}
	if k, ok := b.kept[key]; ok {
		answer(res, line, k.outcome, k.reason, k.name)
		return nil
	}
	// The rules are door's (CheckIn's), on the registration read up front.
	outcome, reason := checkin.Accepted, ""
	r, found := b.regs[code]
	switch {
	case sc.Future(tx.Now):
		reason = ReasonFuture
	case doorOpen(c, sc.At) != "":
		reason = doorOpen(c, sc.At)
	case late(c, tx.Now):
		reason = ReasonDays
	case !found:
		reason = ReasonUnknown
	default:
		reason = doorReg(c, r)
	}
	switch reason {
	case "":
		in, err := admit(ctx, tx, &r, sc.At, by.Name)
		if err != nil {
			return err
		}
		if in {
			b.in++
		} else {
			outcome = checkin.Duplicate
		}
		b.regs[code] = r
	case ReasonIn:
		outcome, reason = checkin.Duplicate, ""
	default:
		outcome = checkin.Rejected
	}
	if reason != "" && reason != ReasonIn {
		r = Reg{} // a rejected scan names nobody
	}
	if len(b.rows) < b.room {
		b.rows = append(b.rows, []any{tx.NewID(), c.ID, r.ID, code, sc.Device, sc.Nonce, db.Millis(sc.At), db.Millis(tx.Now), outcome, reason, by.Name})
	}
	b.kept[key] = kept{outcome, reason, r.Name}
	answer(res, line, outcome, reason, r.Name)
	return nil
}

// keep writes the batch's new scans, a few hundred rows to a statement.
func (b *batch) keep(ctx context.Context, tx *db.Tx) error {
	const cols = 11
	for rows := b.rows; len(rows) > 0; {
		part := rows[:min(len(rows), chunk)]
		rows = rows[len(part):]
		args := make([]any, 0, cols*len(part))
		for _, r := range part {
			args = append(args, r...)
		}
		marks := strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), ", len(part)), ", ")
		if _, err := tx.Exec(ctx, `INSERT INTO conference_scans (id, conf_id, reg_id, code, device, nonce, scanned_at, received_at,
			outcome, reason, by_name) VALUES `+marks, args...); err != nil {
			return fmt.Errorf("conference: keep scans: %w", err)
		}
	}
	return nil
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
