package innovation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/db"
	"kexie/internal/pii"
	"kexie/internal/sheet"
)

// zone is the calendar dates are read in (Beijing).
var zone = sheet.Zone

const needCols = `n.id, n.org_id, o.path, o.name, n.enterprise, n.uscc, n.region_code, n.field, n.title, n.body, n.budget_lo, n.budget_hi,
	n.wanted_by, n.status, n.filer_user, n.filer_name, n.contact, n.result, n.amount, n.filed_at, n.published_at, n.matched_at,
	n.result_at, n.closed_at, n.updated_at`

func scanNeed(row db.Scanner) (Need, error) {
	var n Need
	var status string
	var wanted, filed, published, matched, resultAt, closed, updated int64
	err := row.Scan(&n.ID, &n.OrgID, &n.OrgPath, &n.OrgName, &n.Enterprise, &n.USCC, &n.RegionCode, &n.Field, &n.Title, &n.Body,
		&n.BudgetLo, &n.BudgetHi, &wanted, &status, &n.FilerUser, &n.FilerName, &n.Contact, &n.Result, &n.Amount,
		&filed, &published, &matched, &resultAt, &closed, &updated)
	n.Status = Status(status)
	n.WantedBy, n.FiledAt, n.PublishedAt, n.MatchedAt = optTime(wanted), db.Time(filed), optTime(published), optTime(matched)
	n.ResultAt, n.ClosedAt, n.UpdatedAt = optTime(resultAt), optTime(closed), db.Time(updated)
	return n, err
}

func getNeed(ctx context.Context, q db.Q, id int64) (Need, error) {
	n, err := scanNeed(q.QueryRow(ctx, `SELECT `+needCols+` FROM innovation_needs n JOIN orgs o ON o.id = n.org_id WHERE n.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return n, &NotFoundError{"need", id}
	}
	if err != nil {
		return n, fmt.Errorf("innovation: need %d: %w", id, err)
	}
	return n, nil
}

// mask replaces the sealed contact by its mask.
func (s *Store) mask(n *Need) {
	if n.Contact == "" {
		return
	}
	c := ""
	if s.cfg.Keys != nil {
		c, _ = s.cfg.Keys.Open(contactField, n.Contact)
	}
	if c == "" {
		n.Contact = "***"
	} else {
		n.Contact = pii.MaskContact(c)
	}
}

// Need returns one need, its contact masked. Callers check access by the
// need's org (the routes' resolver does).
func (s *Store) Need(ctx context.Context, id int64) (Need, error) {
	n, err := getNeed(ctx, s.db, id)
	if err != nil {
		return n, err
	}
	s.mask(&n)
	return n, nil
}

// PublicNeed returns a need the public may read (published, in 对接 or
// solved), without its contact; a NotFoundError for any other.
func (s *Store) PublicNeed(ctx context.Context, id int64) (Need, error) {
	n, err := getNeed(ctx, s.db, id)
	if err != nil {
		return Need{}, err
	}
	if !n.Status.Public() {
		return Need{}, &NotFoundError{"need", id}
	}
	n.Contact, n.FilerName, n.USCC = "", "", ""
	return n, nil
}

// ResultCode is the result an event "result" recorded (intent, signed);
// ResultAmount its contract amount in 万元, "" for an intent.
func (e Event) ResultCode() string {
	code, _, _ := strings.Cut(e.Detail, " ")
	return code
}

// ResultAmount is the contract amount an event "result" recorded.
func (e Event) ResultAmount() string {
	_, amount, _ := strings.Cut(e.Detail, " ")
	return amount
}

// Events returns a need's timeline, oldest first.
func (s *Store) Events(ctx context.Context, needID int64) ([]Event, error) {
	rows, err := s.db.Query(ctx, `SELECT id, at, actor_user, actor_name, action, note, detail FROM innovation_events
		WHERE need_id = ? ORDER BY at, id`, needID)
	if err != nil {
		return nil, fmt.Errorf("innovation: events of %d: %w", needID, err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.ActorUser, &e.ActorName, &e.Action, &e.Note, &e.Detail); err != nil {
			return nil, fmt.Errorf("innovation: events of %d: %w", needID, err)
		}
		e.At = db.Time(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ProposedExperts lists the experts proposed to a need, in order.
func (s *Store) ProposedExperts(ctx context.Context, needID int64) ([]Expert, error) {
	rows, err := s.db.Query(ctx, `SELECT person_id, name, employer, field FROM innovation_experts WHERE need_id = ? ORDER BY proposed_at, id`, needID)
	if err != nil {
		return nil, fmt.Errorf("innovation: experts of %d: %w", needID, err)
	}
	defer rows.Close()
	var out []Expert
	for rows.Next() {
		var e Expert
		if err := rows.Scan(&e.PersonID, &e.Name, &e.Employer, &e.Field); err != nil {
			return nil, fmt.Errorf("innovation: experts of %d: %w", needID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Meetings lists a need's 对接, earliest first.
func (s *Store) Meetings(ctx context.Context, needID int64) ([]Meeting, error) {
	rows, err := s.db.Query(ctx, `SELECT id, held_on, form, participants, note FROM innovation_meetings WHERE need_id = ? ORDER BY held_on, id`, needID)
	if err != nil {
		return nil, fmt.Errorf("innovation: meetings of %d: %w", needID, err)
	}
	defer rows.Close()
	var out []Meeting
	for rows.Next() {
		var m Meeting
		var held int64
		if err := rows.Scan(&m.ID, &held, &m.Form, &m.Participants, &m.Note); err != nil {
			return nil, fmt.Errorf("innovation: meetings of %d: %w", needID, err)
		}
		m.HeldOn = db.Time(held)
		out = append(out, m)
	}
	return out, rows.Err()
}

func optTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return db.Time(ms)
}
