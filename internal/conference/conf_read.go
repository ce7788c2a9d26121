package conference

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/db"
)

// confFrom joins a conference to its organiser o and the org above it u
// (the root's own), which approves it and confirms its summary.
const confFrom = ` FROM conference_confs c JOIN orgs o ON o.id = c.org_id JOIN orgs u ON u.id = COALESCE(NULLIF(o.parent_id, 0), o.id)`

const confCols = `c.id, c.org_id, o.path, o.name, u.path, c.title, c.kind, c.co_organisers, c.starts_on, c.ends_on, c.year, c.city, c.venue,
	c.expected, c.capacity, c.international, c.countries, c.budget, c.topics, c.status, c.filer_user, c.filer_name, c.registered,
	c.checked_in, c.accepted, c.summary_at, c.summary_user, c.attendance, c.papers, c.intl_people, c.outcome, c.confirmed_at,
	c.filed_at, c.updated_at`

func scanConf(row db.Scanner) (Conference, error) {
	var c Conference
	var co, status string
	var intl int
	var sumAt, confAt, filed, updated int64
	err := row.Scan(&c.ID, &c.OrgID, &c.OrgPath, &c.OrgName, &c.UpperPath, &c.Title, &c.Kind, &co, &c.StartsOn, &c.EndsOn, &c.Year,
		&c.City, &c.Venue, &c.Expected, &c.Capacity, &intl, &c.Countries, &c.Budget, &c.Topics, &status, &c.FilerUser, &c.FilerName,
		&c.Registered, &c.CheckedIn, &c.Accepted, &sumAt, &c.Summary.User, &c.Summary.Attendance, &c.Summary.Papers,
		&c.Summary.IntlPeople, &c.Summary.Outcome, &confAt, &filed, &updated)
	if co != "" {
		c.CoOrganisers = strings.Split(co, "\n")
	}
	c.Status, c.International = Status(status), intl > 0
	c.Summary.At, c.Summary.ConfirmedAt = optTime(sumAt), optTime(confAt)
	c.FiledAt, c.UpdatedAt = db.Time(filed), db.Time(updated)
	return c, err
}

func getConf(ctx context.Context, q db.Q, id int64) (Conference, error) {
	c, err := scanConf(q.QueryRow(ctx, `SELECT `+confCols+confFrom+` WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, &NotFoundError{"conference", id}
	}
	if err != nil {
		return c, fmt.Errorf("conference: get %d: %w", id, err)
	}
	return c, nil
}

// lockConf takes conference id's row lock on PostgreSQL for the rest of
// tx, so a bound counted before an insert (papers of a member, the
// programme committee) holds for requests at once; SQLite's one writer
// already serializes them.
func lockConf(ctx context.Context, tx *db.Tx, id int64) error {
	// A missing conference is the caller's read to report, as the module's
	// own not-found error.
	if err := tx.LockRow(ctx, "conference_confs", id); err != nil && !errors.Is(err, db.ErrNotFound) {
		return fmt.Errorf("conference: lock %d: %w", id, err)
	}
	return nil
}

// Get returns one conference. Callers check access by its org (the routes'
// resolvers do).
func (s *Store) Get(ctx context.Context, id int64) (Conference, error) { return getConf(ctx, s.db, id) }

// Events returns a conference's timeline, oldest first.
func (s *Store) Events(ctx context.Context, id int64) ([]Event, error) {
	rows, err := s.db.Query(ctx, `SELECT id, at, actor_user, actor_name, action, note, detail FROM conference_events WHERE conf_id = ?
		ORDER BY at, id`, id)
	if err != nil {
		return nil, fmt.Errorf("conference: events of %d: %w", id, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.ActorUser, &e.ActorName, &e.Action, &e.Note, &e.Detail); err != nil {
			return nil, fmt.Errorf("conference: events of %d: %w", id, err)
		}
		e.At = db.Time(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *Store) query(ctx context.Context, q string, args ...any) ([]Conference, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("conference: list: %w", err)
	}
	defer rows.Close()
	var out []Conference
	for rows.Next() {
		c, err := scanConf(rows)
		if err != nil {
			return nil, fmt.Errorf("conference: list: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func optTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return db.Time(ms)
}
