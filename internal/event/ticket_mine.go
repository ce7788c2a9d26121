package event

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"kexie/internal/db"
)

// userTicket is the live (not cancelled) ticket account userID holds for
// event eventID, if any.
func userTicket(ctx context.Context, q db.Q, eventID, userID int64) (Ticket, bool, error) {
	var code string
	err := q.QueryRow(ctx, `SELECT code FROM event_tickets WHERE event_id = ? AND user_id = ? AND status <> 'cancelled'`, eventID, userID).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return Ticket{}, false, nil
	}
	if err != nil {
		return Ticket{}, false, fmt.Errorf("event: ticket of user %d: %w", userID, err)
	}
	t, err := ticketByCode(ctx, q, code)
	return t, err == nil, err
}

// UserTicket is the live ticket the account userID holds for event
// eventID; ok is false when it holds none (or userID is 0).
func (s *Store) UserTicket(ctx context.Context, eventID, userID int64) (t Ticket, ok bool, err error) {
	if userID == 0 {
		return Ticket{}, false, nil
	}
	return userTicket(ctx, s.db, eventID, userID)
}

// MyTicket is a ticket of the account's with its event.
type MyTicket struct {
	Ticket Ticket
	Event  Event
}

// Upcoming reports whether the ticket's event has not ended at now.
func (m MyTicket) Upcoming(now time.Time) bool { return !now.After(m.Event.EndsAt) }

// TicketsOf lists the tickets taken under account userID — never anyone
// else's, and none for 0 (tickets taken by name alone belong to nobody) —
// events not ended at now first, soonest first, then past ones, latest
// first; and how many there are.
func (s *Store) TicketsOf(ctx context.Context, userID int64, now time.Time, limit, offset int) ([]MyTicket, int, error) {
	if userID == 0 {
		return nil, 0, nil
	}
	if limit <= 0 {
		limit = 50
	}
	at := db.Millis(now)
	rows, err := s.db.Query(ctx, `SELECT `+ticketCols+`,
		CASE WHEN t.status = 'waiting' THEN (SELECT COUNT(*) FROM event_tickets w WHERE w.event_id = t.event_id AND w.status = 'waiting' AND w.id <= t.id) ELSE 0 END,
		e.id, e.org_id, o.name, e.venue_id, e.title, e.kind, e.place, e.starts_at, e.ends_at, COUNT(*) OVER()
		FROM event_tickets t JOIN events e ON e.id = t.event_id JOIN orgs o ON o.id = e.org_id
		LEFT JOIN event_attendance a ON a.ticket_id = t.id
		WHERE t.user_id = ?
		ORDER BY CASE WHEN e.ends_at >= ? THEN 0 ELSE 1 END, CASE WHEN e.ends_at >= ? THEN e.starts_at ELSE -e.starts_at END, t.id
		LIMIT ? OFFSET ?`, userID, at, at, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("event: tickets of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []MyTicket
	total := 0
	for rows.Next() {
		var m MyTicket
		var starts, ends int64
		e := &m.Event
		if err := scanTicket(rows, &m.Ticket, &m.Ticket.Position, &e.ID, &e.OrgID, &e.OrgName, &e.VenueID, &e.Title, &e.Kind, &e.Place,
			&starts, &ends, &total); err != nil {
			return nil, 0, fmt.Errorf("event: tickets of user %d: %w", userID, err)
		}
		e.StartsAt, e.EndsAt = db.Time(starts), db.Time(ends)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("event: tickets of user %d: %w", userID, err)
	}
	events := make([]Event, len(out))
	for i := range out {
		events[i] = out[i].Event
	}
	if err := s.nameVenues(ctx, events); err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Event.VenueName = events[i].VenueName
	}
	return out, total, nil
}
