package event

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/shortcode"
	"kexie/internal/valid"
)

func checkName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", valid.New("name", "event.err.name")
	}
	if utf8.RuneCountInString(name) > 50 {
		return "", valid.New("name", "event.err.too_long", 50)
	}
	return name, nil
}

// Register takes a seat at event id for name: a confirmed ticket while
// seats are left, a place on the waiting list (候补) after that.
func (s *Store) Register(ctx context.Context, id int64, name string) (Ticket, error) {
	return s.RegisterFrom(ctx, id, name, "")
}

// MaxRegistrationsPerHour bounds the public registrations one address may
// make in an hour (a family or a class registers a few; a script, not all
// the seats).
const MaxRegistrationsPerHour = 10

// RegisterFrom is Register for the public form: source is the keyed hash of
// the sender's address (package botcheck), counted for the rate limit and
// kept with the ticket; "" (staff) is not limited.
func (s *Store) RegisterFrom(ctx context.Context, id int64, name, source string) (Ticket, error) {
	return s.RegisterAs(ctx, id, Registrant{Name: name, Source: source})
}

// Registrant is who takes a ticket on the public form.
type Registrant struct {
	Name   string
	Source string // the keyed hash of the sender's address; "" is not rate-limited
	UserID int64  // the signed-in account, 0 for a ticket taken by name alone
}

// ErrRegistered is a signed-in registrant's second registration for an
// event: RegisterAs returns their live ticket with it and takes no seat.
var ErrRegistered = errors.New("event: already registered for this event")

// RegisterAs is RegisterFrom for r. When r.UserID is set the ticket records
// the account, and an account holding a live (not cancelled) ticket for the
// event gets that ticket back with ErrRegistered instead of a second seat.
func (s *Store) RegisterAs(ctx context.Context, id int64, r Registrant) (Ticket, error) {
	name, err := checkName(r.Name)
	if err != nil {
		return Ticket{}, err
	}
	var t Ticket
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		e, path, err := getEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if tx.Now.After(e.EndsAt) {
			return valid.New("", "event.err.ended")
		}
		if r.UserID != 0 {
			if _, ok, err := userTicket(ctx, tx, e.ID, r.UserID); err != nil {
				return err
			} else if ok {
				return ErrRegistered
			}
		}
		if r.Source != "" {
			// Registrations at once from one address wait for each other,
			// so the count sees them all (race review 51).
			if err := tx.LockKey(ctx, "event.register:"+r.Source); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM event_tickets WHERE source = ? AND created_at > ?`, r.Source,
				db.Millis(tx.Now.Add(-time.Hour))).Scan(&n); err != nil {
				return fmt.Errorf("event: registration rate: %w", err)
			}
			if n >= MaxRegistrationsPerHour {
				return valid.New("name", "event.err.rate")
			}
		}
		if t, err = register(ctx, tx, e.ID, name, r.Source, r.UserID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: path, Action: "event.register", Target: fmt.Sprintf("event:%d", e.ID),
			After: map[string]any{"ticket": t.ID, "status": t.Status}})
	})
	if errors.Is(err, ErrRegistered) || (r.UserID != 0 && db.IsUniqueViolation(err)) {
		// A second registration, or two at once from one account: the
		// unique index let one through; show that one.
		mine, ok, rerr := s.UserTicket(ctx, id, r.UserID)
		if rerr != nil {
			return Ticket{}, rerr
		}
		if ok {
			return mine, ErrRegistered
		}
	}
	return t, err
}

// RegisterAll registers every name at event id in one transaction (a
// list a school or a community hands in), in order.
func (s *Store) RegisterAll(ctx context.Context, id int64, names []string) ([]Ticket, error) {
	for i := range names {
		n, err := checkName(names[i])
		if err != nil {
			return nil, err
		}
		names[i] = n
	}
	var out []Ticket
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		e, path, err := getEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		confirmed := 0
		for _, n := range names {
			t, err := register(ctx, tx, e.ID, n, "", 0)
			if err != nil {
				return err
			}
			if t.Status == Confirmed {
				confirmed++
			}
			out = append(out, t)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: path, Action: "event.register_all", Target: fmt.Sprintf("event:%d", e.ID),
			After: map[string]any{"tickets": len(out), "confirmed": confirmed}})
	})
	return out, err
}

// register takes a seat if one is left — one conditional UPDATE, so two
// nodes registering at once never sell the same last seat — and writes the
// ticket.
func register(ctx context.Context, tx *db.Tx, eventID int64, name, source string, userID int64) (Ticket, error) {
	res, err := tx.Exec(ctx, `UPDATE events SET confirmed = confirmed + 1 WHERE id = ? AND confirmed < capacity`, eventID)
	if err != nil {
		return Ticket{}, fmt.Errorf("event: take a seat: %w", err)
	}
	n, _ := res.RowsAffected()
	t := Ticket{ID: tx.NewID(), EventID: eventID, Code: shortcode.New(12), Name: name, Status: Confirmed, CreatedAt: tx.Now, UserID: userID}
	if n == 0 {
		t.Status = Waiting
	}
	var user any // NULL for a ticket taken by name alone
	if userID != 0 {
		user = userID
	}
	if _, err := tx.Exec(ctx, `INSERT INTO event_tickets (id, event_id, code, name, status, created_at, source, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		t.ID, t.EventID, t.Code, t.Name, t.Status, db.Millis(tx.Now), source, user); err != nil {
		return Ticket{}, fmt.Errorf("event: register: %w", err)
	}
	return t, nil
}

// Cancel gives up the ticket with code; a seat it held goes to the first
// on the waiting list.
func (s *Store) Cancel(ctx context.Context, code string) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		t, err := ticketByCode(ctx, tx, shortcode.Norm(code))
		if err != nil {
			return err
		}
		if t.Status == Cancelled {
			return valid.New("code", "event.err.cancelled")
		}
		if t.CheckedIn {
			return valid.New("code", "event.err.checked_in")
		}
		e, path, err := getEvent(ctx, tx, t.EventID)
		if err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE event_tickets SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status = ?`, db.Millis(tx.Now), t.ID, t.Status)
		if err != nil {
			return fmt.Errorf("event: cancel: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return valid.New("code", "event.err.cancelled")
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: path, Action: "event.cancel", Target: fmt.Sprintf("event:%d", e.ID),
			Before: map[string]any{"ticket": t.ID, "status": t.Status}, After: map[string]any{"ticket": t.ID, "status": Cancelled}}); err != nil {
			return err
		}
		if t.Status != Confirmed {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET confirmed = confirmed - 1 WHERE id = ?`, e.ID); err != nil {
			return fmt.Errorf("event: free a seat: %w", err)
		}
		_, err = promoteNext(ctx, tx, e.ID, path, e.OrgID)
		return err
	})
}

// promoteNext gives a free seat, if there is one, to the first ticket on
// the waiting list. It reports whether it moved one.
func promoteNext(ctx context.Context, tx *db.Tx, eventID int64, path string, orgID int64) (bool, error) {
	for {
		res, err := tx.Exec(ctx, `UPDATE events SET confirmed = confirmed + 1 WHERE id = ? AND confirmed < capacity`, eventID)
		if err != nil {
			return false, fmt.Errorf("event: promote: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return false, nil
		}
		var id int64
		err = tx.QueryRow(ctx, `SELECT id FROM event_tickets WHERE event_id = ? AND status = 'waiting' ORDER BY id LIMIT 1`, eventID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			_, err = tx.Exec(ctx, `UPDATE events SET confirmed = confirmed - 1 WHERE id = ?`, eventID)
			return false, err
		}
		if err != nil {
			return false, fmt.Errorf("event: promote: %w", err)
		}
		res, err = tx.Exec(ctx, `UPDATE event_tickets SET status = 'confirmed', promoted_at = ? WHERE id = ? AND status = 'waiting'`, db.Millis(tx.Now), id)
		if err != nil {
			return false, fmt.Errorf("event: promote: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// Another node promoted or cancelled it in between: give the
			// seat back and look again.
			if _, err := tx.Exec(ctx, `UPDATE events SET confirmed = confirmed - 1 WHERE id = ?`, eventID); err != nil {
				return false, err
			}
			continue
		}
		return true, audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "event.promote", Target: fmt.Sprintf("event:%d", eventID),
			After: map[string]any{"ticket": id, "status": Confirmed}})
	}
}
