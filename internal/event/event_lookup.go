package event

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Find suggests the events inside scope whose title, place or org holds q
// for a picker (a volunteer post's event): those not yet over first, the
// soonest first, then past ones, the latest first; one page and the number
// of all, so a picker can page through every match.
func (s *Store) Find(ctx context.Context, scope access.Scope, q string, now time.Time, limit, offset int) ([]Event, int, error) {
	if scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", scope)
	where := c
	if q = strings.TrimSpace(q); q != "" {
		where += ` AND (e.title LIKE ? ESCAPE '\' OR e.place LIKE ? ESCAPE '\' OR o.name LIKE ? ESCAPE '\')`
		like := "%" + db.LikeEscape(q) + "%"
		args = append(args, like, like, like)
	}
	at := db.Millis(now)
	// A count of its own, then the page (D266); the order's clock is not
	// the count's.
	from := ` FROM events e JOIN orgs o ON o.id = e.org_id WHERE ` + where
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*)` + from,
		Select: `SELECT ` + eventCols + from + ` ORDER BY CASE WHEN e.ends_at >= ? THEN 0 ELSE 1 END,
			CASE WHEN e.ends_at >= ? THEN e.starts_at ELSE -e.starts_at END, e.id LIMIT ? OFFSET ?`,
		Args: args, OrderArgs: []any{at, at}, Limit: limit, Offset: offset}, scanEvent)
	if err != nil {
		return nil, 0, fmt.Errorf("event: find: %w", err)
	}
	return out, total, nil
}

// Named returns the one event inside scope titled exactly title (what a
// picker's field holds when typed without scripts); a *NotFoundError when
// none or several are.
func (s *Store) Named(ctx context.Context, scope access.Scope, title string) (int64, error) {
	title = strings.TrimSpace(title)
	if scope.None() || title == "" {
		return 0, &NotFoundError{What: "event"}
	}
	c, args := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT e.id FROM events e JOIN orgs o ON o.id = e.org_id WHERE `+c+` AND e.title = ? LIMIT 2`,
		append(args, title)...)
	if err != nil {
		return 0, fmt.Errorf("event: named: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, fmt.Errorf("event: named: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("event: named: %w", err)
	}
	if len(ids) != 1 {
		return 0, &NotFoundError{What: "event"}
	}
	return ids[0], nil
}

// venueFromForm reads the venue field of the event form: an ID (what the
// picker puts there), or without scripts the exact name of one venue in
// service; "" is no venue. A name that names none or several is a field
// error (an ID is checked by checkVenue).
func (s *Store) venueFromForm(ctx context.Context, v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	if s.venues != nil {
		id, err := s.venues.InServiceNamed(ctx, v)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, db.ErrNotFound) {
			return 0, err
		}
	}
	return 0, valid.New("venue_id", "event.err.venue_name", v)
}

// VenueLabel is what the venue picker shows beside the field's value v: the
// name of the venue with that ID if it is in service or is keep (the
// event's own, which stays on offer even if removed since, D189); "" else,
// so that a removed venue's name is never told.
func (s *Store) VenueLabel(ctx context.Context, v string, keep int64) (string, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id <= 0 || s.venues == nil {
		return "", nil
	}
	if id != keep {
		ok, err := s.venues.InService(ctx, id)
		if err != nil || !ok {
			return "", err
		}
	}
	names, err := s.venues.VenueNames(ctx, []int64{id})
	return names[id], err
}
