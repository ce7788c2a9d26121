package event

import (
	"context"
	"fmt"

	"kexie/internal/audit"
	"kexie/internal/db"
)

// Update corrects an event's details (not its org or capacity, which has
// its own rule); the audit record keeps what it said before. A new venue is
// checked as Create checks it.
func (s *Store) Update(ctx context.Context, id int64, in Input) error {
	in.Capacity = 1 // checked by SetCapacity
	if err := in.check(); err != nil {
		return err
	}
	// The venue the event already has may stay (its name is on the event
	// already, even if it has been removed since); another must be in
	// service.
	cur, _, err := getEvent(ctx, s.db, id)
	if err != nil {
		return err
	}
	if in.VenueID != cur.VenueID {
		if err := s.checkVenue(ctx, in); err != nil {
			return err
		}
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := tx.LockRow(ctx, "events", id); err != nil {
			return err
		}
		e, path, err := getEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET venue_id = ?, title = ?, kind = ?, audience = ?, place = ?, starts_at = ?, ends_at = ?,
			updated_at = ? WHERE id = ?`, in.VenueID, in.Title, in.Kind, in.Audience, in.Place, db.Millis(in.StartsAt), db.Millis(in.EndsAt),
			db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("event: update: %w", err)
		}
		sum := func(venue int64, title, kind, audience, place string, starts, ends int64) map[string]any {
			return map[string]any{"venue_id": venue, "title": title, "kind": kind, "audience": audience, "place": place, "starts_at": starts, "ends_at": ends}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: e.OrgID, OrgPath: path, Action: "event.update", Target: fmt.Sprintf("event:%d", id),
			Before: sum(e.VenueID, e.Title, e.Kind, e.Audience, e.Place, db.Millis(e.StartsAt), db.Millis(e.EndsAt)),
			After:  sum(in.VenueID, in.Title, in.Kind, in.Audience, in.Place, db.Millis(in.StartsAt), db.Millis(in.EndsAt))})
	})
}
