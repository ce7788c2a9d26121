package event

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/db"
)

// What a member's ticket is now, as /my/tickets filters and names it
// (event.mine.state.<state>): each ticket is in exactly one.
const (
	MineActive    = "active"     // 有效: confirmed or waiting, not in, the event not ended
	MineCheckedIn = "checked_in" // 已签到
	MineCancelled = "cancelled"  // 已取消
	MineEnded     = "ended"      // 已结束: the event ended and the holder never came in
)

// MineStates lists the states in the order the filter offers them.
func MineStates() []string { return []string{MineActive, MineCheckedIn, MineCancelled, MineEnded} }

// MineState is which of MineStates the ticket is in at now.
func (m MyTicket) MineState(now time.Time) string {
	switch {
	case m.Ticket.Status == Cancelled:
		return MineCancelled
	case m.Ticket.CheckedIn:
		return MineCheckedIn
	case now.After(m.Event.EndsAt):
		return MineEnded
	}
	return MineActive
}

// MyFilter picks tickets of one account for its own list.
type MyFilter struct {
	UserID int64     // the account; 0 (a forgotten one) lists nothing
	Now    time.Time // when "ended" is told
	Q      string    // words of the event's title
	State  string    // one of MineStates, "" for all
	From   time.Time // the event starts on or after From (zero: no bound)
	To     time.Time // … and before To (zero: no bound)
	Sort   string    // "" (coming events first, soonest first, then past ones, latest first), "event" or "taken"
	Desc   bool
	Limit  int // 0 for 50
	Offset int
}

// stateCond is the SQL of one of MineStates; a "?" in it is the time now.
var stateCond = map[string]string{
	MineActive:    `t.status <> 'cancelled' AND a.ticket_id IS NULL AND e.ends_at >= ?`,
	MineCheckedIn: `t.status <> 'cancelled' AND a.ticket_id IS NOT NULL`,
	MineCancelled: `t.status = 'cancelled'`,
	MineEnded:     `t.status <> 'cancelled' AND a.ticket_id IS NULL AND e.ends_at < ?`,
}

// MyTickets lists the tickets taken under account f.UserID that match f —
// never anyone else's, and none for 0 (tickets taken by name alone belong
// to nobody) — and how many match. An unknown state matches nothing.
func (s *Store) MyTickets(ctx context.Context, f MyFilter) ([]MyTicket, int, error) {
	if f.UserID == 0 {
		return nil, 0, nil
	}
	at := db.Millis(f.Now)
	where, args := []string{`t.user_id = ?`}, []any{f.UserID}
	if q := strings.TrimSpace(f.Q); q != "" {
		where = append(where, `e.title LIKE ? ESCAPE '\'`)
		args = append(args, "%"+db.LikeEscape(q)+"%")
	}
	if f.State != "" {
		c, ok := stateCond[f.State]
		if !ok {
			return nil, 0, nil
		}
		where = append(where, c)
		if strings.Contains(c, "?") {
			args = append(args, at)
		}
	}
	if !f.From.IsZero() {
		where = append(where, `e.starts_at >= ?`)
		args = append(args, db.Millis(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, `e.starts_at < ?`)
		args = append(args, db.Millis(f.To))
	}
	dir := " ASC"
	if f.Desc {
		dir = " DESC"
	}
	var order string
	var orderArgs []any
	switch f.Sort {
	case "event":
		order = `e.starts_at` + dir + `, t.id` + dir
	case "taken":
		order = `t.created_at` + dir + `, t.id` + dir
	default:
		order = `CASE WHEN e.ends_at >= ? THEN 0 ELSE 1 END, CASE WHEN e.ends_at >= ? THEN e.starts_at ELSE -e.starts_at END, t.id`
		orderArgs = []any{at, at}
	}
	// A count of its own, then the page (D266); the order's clock is not
	// the count's.
	from := ` FROM event_tickets t JOIN events e ON e.id = t.event_id JOIN orgs o ON o.id = e.org_id
		LEFT JOIN event_attendance a ON a.ticket_id = t.id
		WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*)` + from,
		Select: `SELECT ` + ticketCols + `,
		CASE WHEN t.status = 'waiting' THEN (SELECT COUNT(*) FROM event_tickets w WHERE w.event_id = t.event_id AND w.status = 'waiting' AND w.id <= t.id) ELSE 0 END,
		e.id, e.org_id, o.name, e.venue_id, e.title, e.kind, e.place, e.starts_at, e.ends_at` + from + `
		ORDER BY ` + order + ` LIMIT ? OFFSET ?`,
		Args: args, OrderArgs: orderArgs, Limit: f.Limit, Offset: f.Offset}, func(r db.Scanner) (MyTicket, error) {
		var m MyTicket
		var starts, ends int64
		e := &m.Event
		err := scanTicket(r, &m.Ticket, &m.Ticket.Position, &e.ID, &e.OrgID, &e.OrgName, &e.VenueID, &e.Title, &e.Kind, &e.Place, &starts, &ends)
		e.StartsAt, e.EndsAt = db.Time(starts), db.Time(ends)
		return m, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("event: tickets of user %d: %w", f.UserID, err)
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
