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
	return s.MyTickets(ctx, MyFilter{UserID: userID, Now: now, Limit: limit, Offset: offset})
}
