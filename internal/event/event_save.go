package event

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// Input is an event as a form gives it.
type Input struct {
	OrgID    int64
	VenueID  int64
	Title    string
	Kind     string
	Audience string
	Place    string
	Capacity int
	StartsAt time.Time
	EndsAt   time.Time
}

func (in *Input) check() error {
	var es valid.Errors
	in.Title = strings.TrimSpace(in.Title)
	in.Audience, in.Place = strings.TrimSpace(in.Audience), strings.TrimSpace(in.Place)
	if in.Title == "" {
		es.Add("title", "event.err.title")
	} else if utf8.RuneCountInString(in.Title) > 200 {
		es.Add("title", "event.err.too_long", 200)
	}
	if utf8.RuneCountInString(in.Audience) > 200 {
		es.Add("audience", "event.err.too_long", 200)
	}
	if utf8.RuneCountInString(in.Place) > 200 {
		es.Add("place", "event.err.too_long", 200)
	}
	ok := false
	for _, k := range Kinds() {
		ok = ok || k == in.Kind
	}
	if !ok {
		es.Add("kind", "event.err.kind")
	}
	if in.Capacity < 1 || in.Capacity > 1000000 {
		es.Add("capacity", "event.err.capacity")
	}
	if in.StartsAt.IsZero() {
		es.Add("starts_at", "event.err.starts")
	}
	if in.EndsAt.IsZero() {
		in.EndsAt = in.StartsAt
	}
	if !in.StartsAt.IsZero() && in.EndsAt.Before(in.StartsAt) {
		es.Add("ends_at", "event.err.ends")
	}
	return es.Err()
}

// checkVenue refuses in.VenueID (if not 0) unless the venue is in service:
// those are public, anyone's to name; a removed one (another city's
// included, whose name and existence staff may not learn) is answered as
// an unknown one.
func (s *Store) checkVenue(ctx context.Context, in Input) error {
	if in.VenueID == 0 {
		return nil
	}
	ok := false
	if s.venues != nil {
		var err error
		if ok, err = s.venues.InService(ctx, in.VenueID); err != nil {
			return err
		}
	}
	if !ok {
		return valid.New("venue_id", "event.err.venue")
	}
	return nil
}

// Create adds an event of in.OrgID, at in.VenueID if it is not 0 (a
// venue in service).
func (s *Store) Create(ctx context.Context, in Input) (Event, error) {
	if err := in.check(); err != nil {
		return Event{}, err
	}
	if err := s.checkVenue(ctx, in); err != nil {
		return Event{}, err
	}
	var e Event
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := org.Lookup(ctx, tx, in.OrgID)
		var nf *org.NotFoundError
		if errors.As(err, &nf) {
			return valid.New("org_id", "event.err.org")
		} else if err != nil {
			return err
		}
		e = Event{ID: tx.NewID(), OrgID: o.ID, OrgName: o.Name, VenueID: in.VenueID, Title: in.Title, Kind: in.Kind,
			Audience: in.Audience, Place: in.Place, Capacity: in.Capacity, StartsAt: in.StartsAt.UTC(), EndsAt: in.EndsAt.UTC(), CreatedAt: tx.Now}
		if _, err := tx.Exec(ctx, `INSERT INTO events (id, org_id, venue_id, title, kind, audience, place, capacity, confirmed, starts_at, ends_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`, e.ID, e.OrgID, e.VenueID, e.Title, e.Kind, e.Audience, e.Place, e.Capacity,
			db.Millis(e.StartsAt), db.Millis(e.EndsAt), db.Millis(tx.Now), db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("event: create: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "event.create", Target: fmt.Sprintf("event:%d", e.ID),
			After: map[string]any{"title": e.Title, "kind": e.Kind, "capacity": e.Capacity}})
	})
	return e, err
}

// SetCapacity changes an event's capacity; a larger one promotes tickets
// from the waiting list into the new seats at once.
func (s *Store) SetCapacity(ctx context.Context, id int64, capacity int) error {
	if capacity < 1 || capacity > 1000000 {
		return valid.New("capacity", "event.err.capacity")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The event's row lock: a registration at once waits, then finds the
		// new capacity (race review 51).
		if err := tx.LockRow(ctx, "events", id); err != nil {
			return err
		}
		e, path, err := getEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if capacity < e.Confirmed {
			return valid.New("capacity", "event.err.capacity_below", e.Confirmed)
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET capacity = ?, updated_at = ? WHERE id = ?`, capacity, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("event: capacity: %w", err)
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: path, Action: "event.capacity", Target: fmt.Sprintf("event:%d", id),
			Before: map[string]any{"capacity": e.Capacity}, After: map[string]any{"capacity": capacity}}); err != nil {
			return err
		}
		for i := e.Confirmed; i < capacity; i++ {
			moved, err := promoteNext(ctx, tx, e.ID, path, e.OrgID)
			if err != nil || !moved {
				return err
			}
		}
		return nil
	})
}
