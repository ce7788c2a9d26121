package event

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
)

// NotFoundError is an event or ticket that does not exist.
type NotFoundError struct{ What string }

func (e *NotFoundError) Error() string { return "event: no such " + e.What }

// Unwrap makes it a db.ErrNotFound.
func (e *NotFoundError) Unwrap() error { return db.ErrNotFound }

const eventCols = `e.id, e.org_id, o.name, e.venue_id, e.title, e.kind, e.audience, e.place, e.capacity, e.confirmed,
	(SELECT COUNT(*) FROM event_tickets w WHERE w.event_id = e.id AND w.status = 'waiting'),
	e.starts_at, e.ends_at, e.created_at`

// getEvent reads one event and its org's path.
func getEvent(ctx context.Context, q db.Q, id int64) (Event, string, error) {
	var e Event
	var path string
	row := q.QueryRow(ctx, `SELECT `+eventCols+`, o.path FROM events e JOIN orgs o ON o.id = e.org_id WHERE e.id = ?`, id)
	var starts, ends, created int64
	err := row.Scan(&e.ID, &e.OrgID, &e.OrgName, &e.VenueID, &e.Title, &e.Kind, &e.Audience, &e.Place, &e.Capacity, &e.Confirmed,
		&e.Waiting, &starts, &ends, &created, &path)
	if errors.Is(err, sql.ErrNoRows) {
		return Event{}, "", &NotFoundError{What: "event"}
	}
	if err != nil {
		return Event{}, "", fmt.Errorf("event: get %d: %w", id, err)
	}
	e.StartsAt, e.EndsAt, e.CreatedAt = db.Time(starts), db.Time(ends), db.Time(created)
	return e, path, nil
}

// OrgPath returns the path of the org that holds event id (a
// *NotFoundError for none), so that another module may check it against
// its caller's scope.
func (s *Store) OrgPath(ctx context.Context, id int64) (string, error) {
	_, path, err := getEvent(ctx, s.db, id)
	return path, err
}

// Get returns one event with its venue's name. It is public: an event's
// page and registration are open to anyone.
func (s *Store) Get(ctx context.Context, id int64) (Event, error) {
	e, _, err := getEvent(ctx, s.db, id)
	if err != nil {
		return e, err
	}
	list := []Event{e}
	err = s.nameVenues(ctx, list)
	return list[0], err
}

// Filter picks events for a list.
type Filter struct {
	Scope  access.Scope
	Q      string
	Kind   string
	Year   int
	Sort   string // "starts" (default, newest first), "title", "org", "capacity"
	Desc   bool
	Limit  int
	Offset int
}

// List returns a page of the events inside f.Scope, and how many match.
func (s *Store) List(ctx context.Context, f Filter) ([]Event, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{c}
	if q := strings.TrimSpace(f.Q); q != "" {
		where = append(where, `(e.title LIKE ? ESCAPE '\' OR e.place LIKE ? ESCAPE '\')`)
		like := "%" + db.LikeEscape(q) + "%"
		args = append(args, like, like)
	}
	if f.Kind != "" {
		where = append(where, `e.kind = ?`)
		args = append(args, f.Kind)
	}
	if f.Year > 0 {
		from, to := yearSpan(f.Year)
		where = append(where, `e.starts_at >= ? AND e.starts_at < ?`)
		args = append(args, db.Millis(from), db.Millis(to))
	}
	// Titles by the key event migration 006 keeps, organisers by the orgs'.
	order := map[string]string{"title": "e.title_key", "org": "o.name_key", "capacity": "e.capacity"}[f.Sort]
	dir := " ASC"
	if order == "" {
		order, dir = "e.starts_at", " DESC"
		if f.Sort == "starts" && !f.Desc {
			dir = " ASC"
		}
	} else if f.Desc {
		dir = " DESC"
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	// A count of its own, then the page (D266): a province's events run to
	// tens of thousands, and the window numbered every one in scope.
	from := ` FROM events e JOIN orgs o ON o.id = e.org_id WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*)` + from,
		Select: `SELECT ` + eventCols + from + ` ORDER BY ` + order + dir + `, e.id DESC LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset}, scanEvent)
	if err != nil {
		return nil, 0, fmt.Errorf("event: list: %w", err)
	}
	return out, total, s.nameVenues(ctx, out)
}

// scanEvent reads an event selected as eventCols.
func scanEvent(r db.Scanner) (Event, error) {
	var e Event
	var starts, ends, created int64
	err := r.Scan(&e.ID, &e.OrgID, &e.OrgName, &e.VenueID, &e.Title, &e.Kind, &e.Audience, &e.Place, &e.Capacity, &e.Confirmed,
		&e.Waiting, &starts, &ends, &created)
	e.StartsAt, e.EndsAt, e.CreatedAt = db.Time(starts), db.Time(ends), db.Time(created)
	return e, err
}

func (s *Store) nameVenues(ctx context.Context, list []Event) error {
	if s.venues == nil {
		return nil
	}
	var ids []int64
	for _, e := range list {
		if e.VenueID != 0 {
			ids = append(ids, e.VenueID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	names, err := s.venues.VenueNames(ctx, ids)
	if err != nil {
		return err
	}
	for i := range list {
		list[i].VenueName = names[list[i].VenueID]
	}
	return nil
}
