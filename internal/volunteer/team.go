package volunteer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// CreateTeam creates a 志愿服务队 in an org; adminUserID approves its
// members' reported hours.
func (s *Store) CreateTeam(ctx context.Context, orgID int64, name string, adminUserID, by int64) (Team, error) {
	name = strings.TrimSpace(name)
	if n := utf8.RuneCountInString(name); n == 0 || n > 100 {
		return Team{}, valid.New("name", "volunteer.err.team_name")
	}
	var t Team
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		ref, err := org.Lookup(ctx, tx, orgID)
		if err != nil {
			return err
		}
		t = Team{ID: tx.NewID(), OrgID: orgID, OrgPath: ref.Path, Name: name, AdminUserID: adminUserID}
		_, err = tx.Exec(ctx, `INSERT INTO volunteer_teams (id, org_id, name, admin_user_id, created_at) VALUES (?, ?, ?, ?, ?)`,
			t.ID, orgID, name, adminUserID, db.Millis(tx.Now))
		if db.IsUniqueViolation(err) {
			return valid.New("name", "volunteer.err.team_taken")
		}
		if err != nil {
			return fmt.Errorf("volunteer: create team: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: ref.Path, Action: "volunteer.team_create",
			Target: fmt.Sprintf("volunteer_team:%d", t.ID), After: map[string]any{"name": name, "admin_user_id": adminUserID}})
	})
	return t, err
}

func getTeam(ctx context.Context, q db.Q, id int64) (Team, error) {
	var t Team
	err := q.QueryRow(ctx, `SELECT t.id, t.org_id, o.path, t.name, t.admin_user_id,
		(SELECT COUNT(*) FROM volunteer_team_members m WHERE m.team_id = t.id)
		FROM volunteer_teams t JOIN orgs o ON o.id = t.org_id WHERE t.id = ?`, id).Scan(&t.ID, &t.OrgID, &t.OrgPath, &t.Name, &t.AdminUserID, &t.Members)
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("volunteer: team %d: %w", id, ErrNotFound)
	}
	return t, err
}

// Team returns the team with id.
func (s *Store) Team(ctx context.Context, id int64) (Team, error) { return getTeam(ctx, s.db, id) }

// Teams lists the teams of orgs in scope, by name.
func (s *Store) Teams(ctx context.Context, scope access.Scope) ([]Team, error) {
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	return s.teams(ctx, `WHERE `+cond, args...)
}

// TeamsOf lists a volunteer's teams.
func (s *Store) TeamsOf(ctx context.Context, volunteerID int64) ([]Team, error) {
	return s.teams(ctx, `WHERE t.id IN (SELECT team_id FROM volunteer_team_members WHERE volunteer_id = ?)`, volunteerID)
}

func (s *Store) teams(ctx context.Context, where string, args ...any) ([]Team, error) {
	rows, err := s.db.Query(ctx, `SELECT t.id, t.org_id, o.path, t.name, t.admin_user_id,
		(SELECT COUNT(*) FROM volunteer_team_members m WHERE m.team_id = t.id)
		FROM volunteer_teams t JOIN orgs o ON o.id = t.org_id `+where+` ORDER BY pinyin(t.name), t.id LIMIT 1000`, args...)
	if err != nil {
		return nil, fmt.Errorf("volunteer: teams: %w", err)
	}
	defer rows.Close()
	var out []Team
	for rows.Next() {
		var t Team
		if err := rows.Scan(&t.ID, &t.OrgID, &t.OrgPath, &t.Name, &t.AdminUserID, &t.Members); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Join puts a volunteer in a team; a volunteer belongs to at most MaxTeams.
func (s *Store) Join(ctx context.Context, teamID, volunteerID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		t, err := getTeam(ctx, tx, teamID)
		if err != nil {
			return err
		}
		// Joins of one volunteer at once wait on the volunteer's row, so
		// the count of their teams sees them all (race review 51).
		if err := tx.LockRow(ctx, "volunteers", volunteerID); err != nil {
			return err
		}
		var n, in int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN team_id = ? THEN 1 ELSE 0 END), 0) FROM volunteer_team_members WHERE volunteer_id = ?`,
			teamID, volunteerID).Scan(&n, &in); err != nil {
			return fmt.Errorf("volunteer: join: %w", err)
		}
		if in > 0 {
			return valid.New("team_id", "volunteer.err.in_team")
		}
		if n >= MaxTeams {
			return valid.New("team_id", "volunteer.err.max_teams", MaxTeams)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_team_members (team_id, volunteer_id, joined_at) VALUES (?, ?, ?)`, teamID, volunteerID, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("volunteer: join: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: t.OrgID, OrgPath: t.OrgPath, Action: "volunteer.team_join",
			Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"team": t.Name}})
	})
}

// AddTraining records a training a volunteer took.
func (s *Store) AddTraining(ctx context.Context, volunteerID int64, tr Training, by int64) error {
	tr.Title, tr.Provider = strings.TrimSpace(tr.Title), strings.TrimSpace(tr.Provider)
	var errs valid.Errors
	if n := utf8.RuneCountInString(tr.Title); n == 0 || n > 200 {
		errs.Add("title", "volunteer.err.training_title")
	}
	if !validDay(tr.HeldOn) {
		errs.Add("held_on", "volunteer.err.day")
	}
	if tr.Minutes < 0 || tr.Minutes > MaxDayMinutes*30 {
		errs.Add("minutes", "volunteer.err.minutes")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// One record of a training (title and day) per volunteer: a second
		// click recorded it twice. The volunteer's row lock makes two
		// recordings at once see each other (integrity review 52).
		if err := tx.LockRow(ctx, "volunteers", volunteerID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		v, err := s.getVolunteer(ctx, tx, "v.id = ?", volunteerID)
		if err != nil {
			return err
		}
		if tr.HeldOn > Day(tx.Now) { // a training taken, not one planned
			return valid.New("held_on", "volunteer.err.training_future")
		}
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM volunteer_trainings WHERE volunteer_id = ? AND title = ? AND held_on = ?`,
			volunteerID, tr.Title, tr.HeldOn).Scan(&same); err != nil {
			return fmt.Errorf("volunteer: training: %w", err)
		}
		if same > 0 {
			return valid.New("title", "volunteer.err.training_recorded")
		}
		id := tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO volunteer_trainings (id, volunteer_id, title, provider, held_on, minutes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, volunteerID, tr.Title, tr.Provider, tr.HeldOn, tr.Minutes, by, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("volunteer: training: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "volunteer.training_add",
			Target: fmt.Sprintf("volunteer:%d", volunteerID), After: map[string]any{"title": tr.Title, "held_on": tr.HeldOn}})
	})
}

// Trainings lists a volunteer's training records, newest first.
func (s *Store) Trainings(ctx context.Context, volunteerID int64) ([]Training, error) {
	rows, err := s.db.Query(ctx, `SELECT id, title, provider, held_on, minutes FROM volunteer_trainings WHERE volunteer_id = ? ORDER BY held_on DESC, id DESC`, volunteerID)
	if err != nil {
		return nil, fmt.Errorf("volunteer: trainings: %w", err)
	}
	defer rows.Close()
	var out []Training
	for rows.Next() {
		var t Training
		if err := rows.Scan(&t.ID, &t.Title, &t.Provider, &t.HeldOn, &t.Minutes); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
