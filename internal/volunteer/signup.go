package volunteer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Signup is a volunteer's place on an opportunity.
type Signup struct {
	ID            int64
	OpportunityID int64
	Opportunity   string
	VolunteerID   int64
	Name          string
	Status        string
	CheckedInAt   time.Time
	CheckedOutAt  time.Time
	StartsAt      time.Time
}

// SignUp gives a volunteer a place on an opportunity that has one left and
// has not ended.
func (s *Store) SignUp(ctx context.Context, oppID, volunteerID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		p, err := getOpp(ctx, tx, oppID)
		if err != nil {
			return err
		}
		if !tx.Now.Before(p.EndsAt) {
			return valid.New("opportunity", "volunteer.err.ended")
		}
		// Serialize sign-ups of one post so the last place goes once.
		if _, err := tx.Exec(ctx, `UPDATE volunteer_opportunities SET slots = slots WHERE id = ?`, oppID); err != nil {
			return fmt.Errorf("volunteer: sign up: %w", err)
		}
		var taken int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_signups WHERE opportunity_id = ?`, oppID).Scan(&taken); err != nil {
			return fmt.Errorf("volunteer: sign up: %w", err)
		}
		if taken >= p.Slots {
			return valid.New("opportunity", "volunteer.err.full")
		}
		v, err := s.getVolunteer(ctx, tx, "v.id = ?", volunteerID)
		if err != nil {
			return err
		}
		id := tx.NewID()
		_, err = tx.Exec(ctx, `INSERT INTO volunteer_signups (id, opportunity_id, volunteer_id, status, created_at) VALUES (?, ?, ?, ?, ?)`,
			id, oppID, volunteerID, Signed, db.Millis(tx.Now))
		if db.IsUniqueViolation(err) {
			return valid.New("opportunity", "volunteer.err.signed_up")
		}
		if err != nil {
			return fmt.Errorf("volunteer: sign up: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "volunteer.signup",
			Target: fmt.Sprintf("volunteer_opportunity:%d", oppID), After: map[string]any{"volunteer": v.Name}})
	})
}

func getSignup(ctx context.Context, q db.Q, oppID, volunteerID int64) (Signup, error) {
	var g Signup
	var in, out int64
	err := q.QueryRow(ctx, `SELECT id, status, checked_in_at, checked_out_at FROM volunteer_signups WHERE opportunity_id = ? AND volunteer_id = ?`,
		oppID, volunteerID).Scan(&g.ID, &g.Status, &in, &out)
	if errors.Is(err, sql.ErrNoRows) {
		return g, fmt.Errorf("volunteer: no sign-up: %w", ErrNotFound)
	}
	g.OpportunityID, g.VolunteerID, g.CheckedInAt, g.CheckedOutAt = oppID, volunteerID, db.Time(in), db.Time(out)
	return g, err
}

// CheckIn marks a signed-up volunteer present; scope is the caller's for
// volunteer.manage.
func (s *Store) CheckIn(ctx context.Context, oppID, volunteerID int64, scope access.Scope) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		p, g, err := s.signupIn(ctx, tx, oppID, volunteerID, scope)
		if err != nil {
			return err
		}
		if g.Status != Signed {
			return valid.New("volunteer", "volunteer.err.checked_in")
		}
		// Conditional: of two check-ins at once on PostgreSQL the second
		// finds the status changed and changes nothing (race review 51).
		res, err := tx.Exec(ctx, `UPDATE volunteer_signups SET status = ?, checked_in_at = ? WHERE id = ? AND status = ?`, CheckedIn, db.Millis(tx.Now), g.ID, Signed)
		if err != nil {
			return fmt.Errorf("volunteer: check in: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return valid.New("volunteer", "volunteer.err.checked_in")
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: p.OrgID, OrgPath: p.OrgPath, Action: "volunteer.checkin",
			Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"opportunity": p.Title}})
	})
}

// CheckOut ends a volunteer's service on an opportunity and credits the
// minutes since check-in to the ledger (on the day of check-in).
func (s *Store) CheckOut(ctx context.Context, oppID, volunteerID int64, scope access.Scope, by int64) (Entry, error) {
	var e Entry
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		p, g, err := s.signupIn(ctx, tx, oppID, volunteerID, scope)
		if err != nil {
			return err
		}
		if g.Status != CheckedIn {
			return valid.New("volunteer", "volunteer.err.not_checked_in")
		}
		minutes := int(tx.Now.Sub(g.CheckedInAt) / time.Minute)
		if minutes < 1 {
			return valid.New("volunteer", "volunteer.err.too_short")
		}
		// Conditional: of two check-outs at once on PostgreSQL the second
		// finds the status changed and credits nothing — both credited the
		// hours before (race review 51).
		res, err := tx.Exec(ctx, `UPDATE volunteer_signups SET status = ?, checked_out_at = ? WHERE id = ? AND status = ?`, Done, db.Millis(tx.Now), g.ID, CheckedIn)
		if err != nil {
			return fmt.Errorf("volunteer: check out: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return valid.New("volunteer", "volunteer.err.not_checked_in")
		}
		e, err = s.credit(ctx, tx, Entry{VolunteerID: volunteerID, Day: Day(g.CheckedInAt), Minutes: minutes, Source: SourceCheckout, RefID: g.ID, ByUser: by}, p.OrgID, p.OrgPath)
		return err
	})
	return e, err
}

func (s *Store) signupIn(ctx context.Context, tx *db.Tx, oppID, volunteerID int64, scope access.Scope) (Opportunity, Signup, error) {
	p, err := getOpp(ctx, tx, oppID)
	if err != nil {
		return p, Signup{}, err
	}
	if !scope.Contains(p.OrgPath) {
		return p, Signup{}, fmt.Errorf("volunteer: opportunity %d: %w", oppID, access.ErrDenied)
	}
	g, err := getSignup(ctx, tx, oppID, volunteerID)
	return p, g, err
}

// Signups lists an opportunity's volunteers in sign-up order.
func (s *Store) Signups(ctx context.Context, oppID int64) ([]Signup, error) {
	return s.signups(ctx, `g.opportunity_id = ? ORDER BY g.created_at, g.id`, oppID)
}

// SignupsOf lists a volunteer's sign-ups, latest post first.
func (s *Store) SignupsOf(ctx context.Context, volunteerID int64) ([]Signup, error) {
	return s.signups(ctx, `g.volunteer_id = ? ORDER BY p.starts_at DESC LIMIT 200`, volunteerID)
}

func (s *Store) signups(ctx context.Context, where string, arg any) ([]Signup, error) {
	rows, err := s.db.Query(ctx, `SELECT g.id, g.opportunity_id, p.title, g.volunteer_id, v.name, g.status, g.checked_in_at, g.checked_out_at, p.starts_at
		FROM volunteer_signups g JOIN volunteer_opportunities p ON p.id = g.opportunity_id JOIN volunteers v ON v.id = g.volunteer_id WHERE `+where, arg)
	if err != nil {
		return nil, fmt.Errorf("volunteer: sign-ups: %w", err)
	}
	defer rows.Close()
	var out []Signup
	for rows.Next() {
		var g Signup
		var in, o, st int64
		if err := rows.Scan(&g.ID, &g.OpportunityID, &g.Opportunity, &g.VolunteerID, &g.Name, &g.Status, &in, &o, &st); err != nil {
			return nil, err
		}
		g.CheckedInAt, g.CheckedOutAt, g.StartsAt = db.Time(in), db.Time(o), db.Time(st)
		out = append(out, g)
	}
	return out, rows.Err()
}
