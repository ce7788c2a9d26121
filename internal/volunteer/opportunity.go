package volunteer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// OpportunityInput is a new service post.
type OpportunityInput struct {
	OrgID    int64
	TeamID   int64
	EventID  int64
	Title    string
	Place    string
	StartsAt time.Time
	EndsAt   time.Time
	Slots    int
	// Scope is the caller's volunteer.manage scope: the team and the event
	// must lie inside it (another city's are refused as unknown ones).
	Scope access.Scope
}

// EventFromForm reads the post form's event field: an event's ID (what the
// picker puts there; CreateOpportunity checks it), or without scripts the
// exact title of one event inside scope; "" is none. A title naming none or
// several is volunteer.err.event, as an unknown ID is.
func (s *Store) EventFromForm(ctx context.Context, scope access.Scope, v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	if s.events != nil {
		id, err := s.events.EventNamed(ctx, scope, v)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, db.ErrNotFound) {
			return 0, err
		}
	}
	return 0, valid.New("event_id", "volunteer.err.event")
}

// CreateOpportunity publishes a service post volunteers may sign up for,
// for a team and an event inside in.Scope if it names them.
func (s *Store) CreateOpportunity(ctx context.Context, in OpportunityInput, by int64) (Opportunity, error) {
	in.Title, in.Place = strings.TrimSpace(in.Title), strings.TrimSpace(in.Place)
	var errs valid.Errors
	if n := utf8.RuneCountInString(in.Title); n == 0 || n > 200 {
		errs.Add("title", "volunteer.err.title")
	}
	if utf8.RuneCountInString(in.Place) > 200 {
		errs.Add("place", "volunteer.err.place")
	}
	if in.StartsAt.IsZero() || !in.EndsAt.After(in.StartsAt) || in.EndsAt.Sub(in.StartsAt) > 24*time.Hour {
		errs.Add("ends_at", "volunteer.err.span")
	}
	if in.Slots < 1 || in.Slots > 10000 {
		errs.Add("slots", "volunteer.err.slots")
	}
	if err := errs.Err(); err != nil {
		return Opportunity{}, err
	}
	if in.EventID != 0 {
		// Read before the transaction: the event module reads its own.
		path, err := "", db.ErrNotFound
		if s.events != nil {
			path, err = s.events.EventOrg(ctx, in.EventID)
		}
		if err != nil && !errors.Is(err, db.ErrNotFound) {
			return Opportunity{}, err
		}
		if err != nil || !in.Scope.Contains(path) {
			return Opportunity{}, valid.New("event_id", "volunteer.err.event")
		}
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		ref, err := org.Lookup(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		if in.TeamID != 0 {
			t, err := getTeam(ctx, tx, in.TeamID)
			if err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			if err != nil || !in.Scope.Contains(t.OrgPath) {
				return valid.New("team_id", "volunteer.err.team")
			}
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_opportunities (id, org_id, team_id, event_id, title, place, starts_at, ends_at, slots, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, in.OrgID, in.TeamID, in.EventID, in.Title, in.Place,
			db.Millis(in.StartsAt), db.Millis(in.EndsAt), in.Slots, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("volunteer: create opportunity: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: ref.Path, Action: "volunteer.opportunity_create",
			Target: fmt.Sprintf("volunteer_opportunity:%d", id), After: map[string]any{"name": in.Title, "slots": in.Slots, "event_id": in.EventID}})
	})
	if err != nil {
		return Opportunity{}, err
	}
	return s.Opportunity(ctx, id)
}

const oppCols = `p.id, p.org_id, o.path, o.name, p.team_id, p.event_id, p.title, p.place, p.starts_at, p.ends_at, p.slots,
	(SELECT COUNT(*) FROM volunteer_signups g WHERE g.opportunity_id = p.id)`

func scanOpp(row db.Scanner) (Opportunity, error) {
	var p Opportunity
	var starts, ends int64
	err := row.Scan(&p.ID, &p.OrgID, &p.OrgPath, &p.OrgName, &p.TeamID, &p.EventID, &p.Title, &p.Place, &starts, &ends, &p.Slots, &p.Taken)
	p.StartsAt, p.EndsAt = db.Time(starts), db.Time(ends)
	return p, err
}

func getOpp(ctx context.Context, q db.Q, id int64) (Opportunity, error) {
	p, err := scanOpp(q.QueryRow(ctx, `SELECT `+oppCols+` FROM volunteer_opportunities p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("volunteer: opportunity %d: %w", id, ErrNotFound)
	}
	return p, err
}

// Opportunity returns the service post with id, its event named.
func (s *Store) Opportunity(ctx context.Context, id int64) (Opportunity, error) {
	p, err := getOpp(ctx, s.db, id)
	if err != nil {
		return p, err
	}
	ps := []Opportunity{p}
	s.nameEvents(ctx, ps)
	return ps[0], nil
}

// Opportunities lists posts ending after `after` of orgs in scope, soonest
// first. Volunteers see every org's posts (access.Everywhere).
func (s *Store) Opportunities(ctx context.Context, scope access.Scope, after time.Time, limit int) ([]Opportunity, error) {
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	rows, err := s.db.Query(ctx, `SELECT `+oppCols+` FROM volunteer_opportunities p JOIN orgs o ON o.id = p.org_id
		WHERE `+cond+` AND p.ends_at > ? ORDER BY p.starts_at, p.id LIMIT ?`, append(args, db.Millis(after), limit)...)
	if err != nil {
		return nil, fmt.Errorf("volunteer: opportunities: %w", err)
	}
	defer rows.Close()
	var out []Opportunity
	for rows.Next() {
		p, err := scanOpp(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	s.nameEvents(ctx, out)
	return out, nil
}

// nameEvents fills the event titles; a failure leaves them blank.
func (s *Store) nameEvents(ctx context.Context, ps []Opportunity) {
	if s.events == nil {
		return
	}
	var ids []int64
	for _, p := range ps {
		if p.EventID != 0 {
			ids = append(ids, p.EventID)
		}
	}
	if len(ids) == 0 {
		return
	}
	names, err := s.events.EventTitles(ctx, ids)
	if err != nil {
		return
	}
	for i := range ps {
		ps[i].Event = names[ps[i].EventID]
	}
}
