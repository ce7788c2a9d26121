package event

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"kexie/internal/db"
	"kexie/internal/shortcode"
)

const ticketCols = `t.id, t.event_id, t.code, t.name, t.status, t.created_at,
	CASE WHEN a.ticket_id IS NULL THEN 0 ELSE 1 END, COALESCE(t.user_id, 0)`

func scanTicket(sc interface{ Scan(...any) error }, t *Ticket, extra ...any) error {
	var created, in int64
	if err := sc.Scan(append([]any{&t.ID, &t.EventID, &t.Code, &t.Name, &t.Status, &created, &in, &t.UserID}, extra...)...); err != nil {
		return err
	}
	t.CreatedAt, t.CheckedIn = db.Time(created), in == 1
	return nil
}

func ticketByCode(ctx context.Context, q db.Q, code string) (Ticket, error) {
	return ticketOf(ctx, q, 0, code)
}

// ticketOf is ticketByCode within event eventID (0: any event): a code of
// another event is not found, as a code that does not exist — the door's
// sync reads only its own event's tickets.
func ticketOf(ctx context.Context, q db.Q, eventID int64, code string) (Ticket, error) {
	var t Ticket
	where, args := `t.code = ?`, []any{code}
	if eventID != 0 {
		where, args = `t.event_id = ? AND t.code = ?`, []any{eventID, code}
	}
	err := scanTicket(q.QueryRow(ctx, `SELECT `+ticketCols+` FROM event_tickets t LEFT JOIN event_attendance a ON a.ticket_id = t.id
		WHERE `+where, args...), &t)
	if errors.Is(err, sql.ErrNoRows) {
		return Ticket{}, &NotFoundError{What: "ticket"}
	}
	if err != nil {
		return Ticket{}, fmt.Errorf("event: ticket: %w", err)
	}
	if t.Status == Waiting {
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM event_tickets WHERE event_id = ? AND status = 'waiting' AND id <= ?`,
			t.EventID, t.ID).Scan(&t.Position); err != nil {
			return Ticket{}, fmt.Errorf("event: ticket: %w", err)
		}
	}
	return t, nil
}

// Ticket returns the ticket with code (as typed or scanned); the code is
// the holder's proof, so anyone holding it may see it.
func (s *Store) Ticket(ctx context.Context, code string) (Ticket, error) {
	return ticketByCode(ctx, s.db, shortcode.Norm(code))
}

// TicketFilter picks tickets of one event.
type TicketFilter struct {
	Status string // "" for every status
	Q      string // a name or a code
	Limit  int    // 0 for all
	Offset int
}

// Tickets lists the tickets of event id in the order they were taken, and
// how many match. The caller has checked access to the event.
func (s *Store) Tickets(ctx context.Context, id int64, f TicketFilter) ([]Ticket, int, error) {
	where, args := `t.event_id = ?`, []any{id}
	if f.Status != "" {
		where += ` AND t.status = ?`
		args = append(args, f.Status)
	}
	if f.Q != "" {
		where += ` AND (t.name LIKE ? ESCAPE '\' OR t.code = ?)`
		args = append(args, "%"+db.LikeEscape(f.Q)+"%", shortcode.Norm(f.Q))
	}
	from := ` FROM event_tickets t LEFT JOIN event_attendance a ON a.ticket_id = t.id WHERE ` + where
	scan := func(sc db.Scanner) (Ticket, error) {
		var t Ticket
		return t, scanTicket(sc, &t)
	}
	if f.Limit > 0 {
		// a page: the total is a count of its own (an event of thousands
		// of registrations reads no row whole to count them; D266)
		out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*)` + from,
			Select: `SELECT ` + ticketCols + from + ` ORDER BY t.id LIMIT ? OFFSET ?`, Args: args, Limit: f.Limit, Offset: f.Offset}, scan)
		if err != nil {
			return nil, 0, fmt.Errorf("event: tickets: %w", err)
		}
		return out, total, nil
	}
	rows, err := s.db.Query(ctx, `SELECT `+ticketCols+from+` ORDER BY t.id`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("event: tickets: %w", err)
	}
	defer rows.Close()
	var out []Ticket
	for rows.Next() {
		t, err := scan(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("event: tickets: %w", err)
		}
		out = append(out, t)
	}
	return out, len(out), rows.Err()
}
