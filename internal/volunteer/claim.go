package volunteer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Claim is extra service a volunteer reports for their team's admin to
// approve.
type Claim struct {
	ID          int64
	VolunteerID int64
	Name        string
	TeamID      int64
	Team        string
	Day         string
	Minutes     int
	Note        string
	Status      string
	FiledBy     int64
}

func validDay(s string) bool {
	_, err := time.ParseInLocation(time.DateOnly, s, beijing)
	return err == nil
}

// FileClaim records extra hours a volunteer served for one of their teams
// on a day not in the future.
func (s *Store) FileClaim(ctx context.Context, volunteerID, teamID int64, day string, minutes int, note string, by int64) (int64, error) {
	note = strings.TrimSpace(note)
	var errs valid.Errors
	if !validDay(day) {
		errs.Add("day", "volunteer.err.day")
	}
	if minutes < 1 {
		errs.Add("minutes", "volunteer.err.minutes")
	} else if minutes > MaxDayMinutes {
		errs.Add("minutes", "volunteer.err.day_over", day, 0.0)
	}
	if n := utf8.RuneCountInString(note); n == 0 || n > 500 {
		errs.Add("note", "volunteer.err.note")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if day > Day(tx.Now) {
			return valid.New("day", "volunteer.err.future")
		}
		// The volunteer's row lock, then the same claim once while it
		// waits: a second click or a resubmitted form filed it again, and
		// the team's admin could approve the hours twice (integrity review
		// 52).
		if err := tx.LockRow(ctx, "volunteers", volunteerID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		t, err := getTeam(ctx, tx, teamID)
		if err != nil {
			return valid.New("team_id", "volunteer.err.team")
		}
		var member int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_team_members WHERE team_id = ? AND volunteer_id = ?`, teamID, volunteerID).Scan(&member); err != nil {
			return fmt.Errorf("volunteer: claim: %w", err)
		}
		if member == 0 {
			return valid.New("team_id", "volunteer.err.not_member")
		}
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_claims WHERE volunteer_id = ? AND team_id = ? AND day = ? AND minutes = ? AND note = ? AND status = ?`,
			volunteerID, teamID, day, minutes, note, Pending).Scan(&same); err != nil {
			return fmt.Errorf("volunteer: claim: %w", err)
		}
		if same > 0 {
			return valid.New("day", "volunteer.err.claim_filed")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_claims (id, volunteer_id, team_id, day, minutes, note, status, filed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, volunteerID, teamID, day, minutes, note, Pending, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("volunteer: claim: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: t.OrgID, OrgPath: t.OrgPath, Action: "volunteer.claim_file",
			Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"day": day, "minutes": minutes, "team": t.Name}})
	})
	return id, err
}

// DecideClaim approves (crediting the ledger) or rejects a pending claim.
// Only the team's admin decides, and never on hours they filed or served.
func (s *Store) DecideClaim(ctx context.Context, claimID int64, approve bool, by int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		var c Claim
		var volUser int64
		err := tx.QueryRow(ctx, `SELECT c.id, c.volunteer_id, c.team_id, c.day, c.minutes, c.status, c.filed_by, v.user_id
			FROM volunteer_claims c JOIN volunteers v ON v.id = c.volunteer_id WHERE c.id = ?`, claimID).
			Scan(&c.ID, &c.VolunteerID, &c.TeamID, &c.Day, &c.Minutes, &c.Status, &c.FiledBy, &volUser)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("volunteer: claim %d: %w", claimID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("volunteer: claim %d: %w", claimID, err)
		}
		t, err := getTeam(ctx, tx, c.TeamID)
		if err != nil {
			return err
		}
		switch {
		case by == 0 || by == c.FiledBy || by == volUser:
			return valid.New("claim", "volunteer.err.own_claim")
		case by != t.AdminUserID:
			return valid.New("claim", "volunteer.err.not_team_admin")
		case c.Status != Pending:
			return valid.New("claim", "volunteer.err.decided")
		}
		status := Rejected
		if approve {
			status = Approved
		}
		res, err := tx.Exec(ctx, `UPDATE volunteer_claims SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = ?`,
			status, by, db.Millis(tx.Now), claimID, Pending)
		if err != nil {
			return fmt.Errorf("volunteer: decide claim: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return valid.New("claim", "volunteer.err.decided")
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: t.OrgID, OrgPath: t.OrgPath, Action: "volunteer.claim_decide",
			Target: fmt.Sprintf("volunteer:%d", c.VolunteerID), After: map[string]any{"claim": claimID, "status": status}}); err != nil {
			return err
		}
		if !approve {
			return nil
		}
		_, err = s.credit(ctx, tx, Entry{VolunteerID: c.VolunteerID, Day: c.Day, Minutes: c.Minutes, Source: SourceClaim, RefID: claimID, ByUser: by}, t.OrgID, t.OrgPath)
		return err
	})
}

// PendingClaims lists the claims awaiting a user as team admin.
func (s *Store) PendingClaims(ctx context.Context, adminUserID int64) ([]Claim, error) {
	return s.claims(ctx, `t.admin_user_id = ? AND c.status = 'pending' ORDER BY c.created_at`, adminUserID)
}

// ClaimsOf lists a volunteer's claims, newest first.
func (s *Store) ClaimsOf(ctx context.Context, volunteerID int64) ([]Claim, error) {
	return s.claims(ctx, `c.volunteer_id = ? ORDER BY c.created_at DESC LIMIT 200`, volunteerID)
}

func (s *Store) claims(ctx context.Context, where string, arg any) ([]Claim, error) {
	rows, err := s.db.Query(ctx, `SELECT c.id, c.volunteer_id, v.name, c.team_id, t.name, c.day, c.minutes, c.note, c.status, c.filed_by
		FROM volunteer_claims c JOIN volunteers v ON v.id = c.volunteer_id JOIN volunteer_teams t ON t.id = c.team_id WHERE `+where, arg)
	if err != nil {
		return nil, fmt.Errorf("volunteer: claims: %w", err)
	}
	defer rows.Close()
	var out []Claim
	for rows.Next() {
		var c Claim
		if err := rows.Scan(&c.ID, &c.VolunteerID, &c.Name, &c.TeamID, &c.Team, &c.Day, &c.Minutes, &c.Note, &c.Status, &c.FiledBy); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// HoursText is the claim's minutes as hours for pages.
func (c Claim) HoursText() string { return FormatHours(int64(c.Minutes)) }
