package conference

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"kexie/internal/checkin"
	"kexie/internal/db"
	"kexie/internal/shortcode"
	"kexie/internal/valid"
)

// Reasons a code does not get its holder in at the door
// (conference.reason.<code> in the catalogs). The form (CheckIn) and the
// phones' batches (Sync) apply the same rules, in door.
const (
	ReasonBad        = checkin.ReasonBad    // a field missing or too long, or a walk-in (the door has none)
	ReasonFuture     = checkin.ReasonFuture // the phone's clock is far ahead
	ReasonUnknown    = "unknown_code"       // no registration has the code
	ReasonOtherConf  = "other_conference"   // a registration of another conference
	ReasonClosed     = "not_open"           // the conference is neither open nor held (not yet open, cancelled, summarized)
	ReasonSummarized = "summary_filed"      // the summary has fixed the attendance
	ReasonDays       = "outside_days"       // not between the day before it starts and its last day
	ReasonIn         = "already_in"         // the holder checked in before: a duplicate, counted once
)

// CheckIn checks in the registration with code at conference confID, at
// the door, while the conference is open or held, from the day before it
// starts to its last day. A code of another conference, or none, is
// refused; a second scan says when the first was.
func (s *Store) CheckIn(ctx context.Context, confID int64, code string, by Actor) (Reg, error) {
	code = shortcode.Norm(code)
	if len(code) != codeLen {
		return Reg{}, valid.New("code", "conference.err.code")
	}
	var r Reg
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := lockConf(ctx, tx, confID); err != nil { // the order Sync takes its locks in
			return err
		}
		c, err := getConf(ctx, tx, confID)
		if err != nil {
			return err
		}
		var why string
		if r, why, err = door(ctx, tx, c, code, tx.Now); err != nil {
			return err
		}
		switch why {
		case "":
		case ReasonClosed, ReasonSummarized:
			return valid.New("", "conference.err.status")
		case ReasonDays:
			return valid.New("", "conference.err.checkin_days", checkinFrom(c), c.EndsOn)
		case ReasonIn:
			return valid.New("code", "conference.err.checked_in", r.Name, r.CheckedInAt.In(zone).Format("15:04"))
		default:
			return valid.New("code", "conference.err.code")
		}
		if in, err := admit(ctx, tx, &r, tx.Now, by.Name); err != nil {
			return err
		} else if !in {
			return valid.New("code", "conference.err.checked_in", r.Name, "")
		}
		if err := countIn(ctx, tx, confID, 1); err != nil {
			return err
		}
		return auditAppend(ctx, tx, c, "conference.checkin", nil, map[string]any{"registration": r.ID})
	})
	if err != nil {
		return Reg{}, err
	}
	s.mask(&r)
	return r, nil
}

// door is the door's rule for code (normalized) at conference c, scanned
// at at: the registration, and "" when its holder may come in now or the
// reason they may not — ReasonIn with the registration when they are in
// already. It is doorOpen, then the code's registration, then doorReg.
func door(ctx context.Context, tx *db.Tx, c Conference, code string, at time.Time) (Reg, string, error) {
	if why := doorOpen(c, at); why != "" {
		return Reg{}, why, nil
	}
	if len(code) != codeLen {
		return Reg{}, ReasonUnknown, nil
	}
	r, err := scanReg(tx.QueryRow(ctx, `SELECT `+regCols+` FROM conference_regs WHERE code = ?`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return Reg{}, ReasonUnknown, nil
	} else if err != nil {
		return Reg{}, "", fmt.Errorf("conference: check in: %w", err)
	}
	return r, doorReg(c, r), nil
}

// doorOpen is the door's rule for conference c at time at: open or held,
// and only on the conference's days (and the day before, when people
// arrive and 报到) — a check-in weeks before, or after the end, is not
// attendance, and once the summary is filed it has fixed the count.
func doorOpen(c Conference, at time.Time) string {
	switch {
	case c.Status != Open && c.Status != Held:
		return ReasonClosed
	case c.Summary.Filed():
		return ReasonSummarized
	}
	if first := checkinFrom(c); today(at) < first || today(at) > c.EndsOn {
		return ReasonDays
	}
	return ""
}

// doorReg is the door's rule for the registration r a code named at
// conference c: of this conference, and not in already (ReasonIn).
func doorReg(c Conference, r Reg) string {
	switch {
	case r.ConfID != c.ID:
		return ReasonOtherConf
	case !r.CheckedInAt.IsZero():
		return ReasonIn
	}
	return ""
}

// admit marks r in at at, by by; false when it was in already. The
// caller counts those it let in on the conference's row (countIn).
func admit(ctx context.Context, tx *db.Tx, r *Reg, at time.Time, by string) (bool, error) {
	res, err := tx.Exec(ctx, `UPDATE conference_regs SET checked_in_at = ?, checked_by = ? WHERE id = ? AND checked_in_at = 0`,
		db.Millis(at), by, r.ID)
	if err != nil {
		return false, fmt.Errorf("conference: check in: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	r.CheckedInAt, r.CheckedBy = at, by
	return true, nil
}

// countIn adds n people let in to conference confID's count.
func countIn(ctx context.Context, tx *db.Tx, confID int64, n int) error {
	if n == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE conference_confs SET checked_in = checked_in + ? WHERE id = ?`, n, confID); err != nil {
		return fmt.Errorf("conference: count check-ins: %w", err)
	}
	return nil
}

// checkinFrom is the first day of c's check-in: the day before it starts.
func checkinFrom(c Conference) string {
	start, err := time.ParseInLocation("2006-01-02", c.StartsOn, zone)
	if err != nil {
		return c.StartsOn
	}
	return today(start.AddDate(0, 0, -1))
}
