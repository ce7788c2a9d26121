package survey

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/sheet"
	"kexie/internal/shortcode"
	"kexie/internal/valid"
)

// AddStation makes an org a station (调查站点) of the survey with its own
// link; the org must lie in the survey owner's subtree.
func (s *Store) AddStation(ctx context.Context, surveyID, orgID int64, quota int) (Station, error) {
	defer s.gen.Add(1)
	if quota < 0 || quota > 10_000_000 {
		return Station{}, valid.New("quota", "survey.err.quota")
	}
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		v, err := getSurvey(ctx, tx, "s.id = ?", surveyID)
		if err != nil {
			return err
		}
		o, err := org.Lookup(ctx, tx, orgID)
		if err != nil {
			var nf *org.NotFoundError
			if errors.As(err, &nf) {
				return valid.New("org_id", "survey.err.station_org")
			}
			return err
		}
		if !strings.HasPrefix(o.Path, v.OrgPath) {
			return valid.New("org_id", "survey.err.station_outside")
		}
		if o.Disabled {
			return valid.New("org_id", "org.err.disabled")
		}
		id = tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO survey_stations (id, survey_id, org_id, token, quota, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, surveyID, orgID, newToken(), quota, db.Millis(tx.Now)); err != nil {
			if db.IsUniqueViolation(err) {
				return valid.New("org_id", "survey.err.station_dup")
			}
			return fmt.Errorf("survey: add station: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.station_add", Target: target("survey", surveyID),
			After: map[string]any{"station": o.Name, "quota": quota}})
	})
	if err != nil {
		return Station{}, err
	}
	return s.Station(ctx, id)
}

// SetStationQuota changes a station's quota (0: no limit), counting the
// responses already in.
func (s *Store) SetStationQuota(ctx context.Context, stationID int64, quota int) error {
	defer s.gen.Add(1)
	if quota < 0 || quota > 10_000_000 {
		return valid.New("quota", "survey.err.quota")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		st, err := station(ctx, tx, "st.id = ?", stationID)
		if err != nil {
			return err
		}
		v, err := getSurvey(ctx, tx, "s.id = ?", st.SurveyID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE survey_stations SET quota = ?, filled = (SELECT COUNT(*) FROM survey_responses r WHERE r.station_id = ?) WHERE id = ?`,
			quota, stationID, stationID); err != nil {
			return fmt.Errorf("survey: station quota: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.station_quota", Target: target("survey", v.ID),
			Before: map[string]any{"station": st.OrgName, "quota": st.Quota}, After: map[string]any{"station": st.OrgName, "quota": quota}})
	})
}

const stationCols = `st.id, st.survey_id, st.org_id, o.name, o.path, st.token, st.quota, st.filled`

func station(ctx context.Context, q db.Q, where string, arg any) (Station, error) {
	var st Station
	err := q.QueryRow(ctx, `SELECT `+stationCols+` FROM survey_stations st JOIN orgs o ON o.id = st.org_id WHERE `+where, arg).
		Scan(&st.ID, &st.SurveyID, &st.OrgID, &st.OrgName, &st.OrgPath, &st.Token, &st.Quota, &st.Filled)
	if errors.Is(err, sql.ErrNoRows) {
		id, _ := arg.(int64)
		return Station{}, &NotFoundError{"station", id}
	}
	if err != nil {
		return Station{}, fmt.Errorf("survey: station: %w", err)
	}
	return st, nil
}

// Station reads a station by ID.
func (s *Store) Station(ctx context.Context, id int64) (Station, error) {
	return station(ctx, s.db, "st.id = ?", id)
}

// StationByToken reads a station by its link token.
func (s *Store) StationByToken(ctx context.Context, token string) (Station, error) {
	return station(ctx, s.db, "st.token = ?", token)
}

// Stations lists a survey's stations with their completions: in all, today
// (Beijing time, at now) and answer codes issued and used.
func (s *Store) Stations(ctx context.Context, surveyID int64, now time.Time) ([]Station, error) {
	y, m, d := now.In(sheet.Zone).Date()
	today := db.Millis(time.Date(y, m, d, 0, 0, 0, 0, sheet.Zone))
	rows, err := s.db.Query(ctx, `SELECT `+stationCols+`,
		(SELECT COUNT(*) FROM survey_responses r WHERE r.station_id = st.id),
		(SELECT COUNT(*) FROM survey_responses r WHERE r.station_id = st.id AND r.submitted_at >= ?),
		(SELECT COUNT(*) FROM survey_codes c WHERE c.station_id = st.id),
		(SELECT COUNT(*) FROM survey_codes c WHERE c.station_id = st.id AND c.used_at > 0)
		FROM survey_stations st JOIN orgs o ON o.id = st.org_id WHERE st.survey_id = ? ORDER BY o.path`, today, surveyID)
	if err != nil {
		return nil, fmt.Errorf("survey: stations: %w", err)
	}
	defer rows.Close()
	var out []Station
	for rows.Next() {
		var st Station
		if err := rows.Scan(&st.ID, &st.SurveyID, &st.OrgID, &st.OrgName, &st.OrgPath, &st.Token, &st.Quota, &st.Filled,
			&st.Responses, &st.Today, &st.Codes, &st.Used); err != nil {
			return nil, fmt.Errorf("survey: stations: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Daily is one day's completions at a station.
type Daily struct {
	Day   string // YYYY-MM-DD, Beijing time
	Count int
}

// StationDaily counts a station's completions per day (Beijing time),
// newest first, over the last days.
func (s *Store) StationDaily(ctx context.Context, stationID int64, now time.Time, days int) ([]Daily, error) {
	from := db.Millis(now.AddDate(0, 0, -days))
	rows, err := s.db.Query(ctx, `SELECT submitted_at FROM survey_responses WHERE station_id = ? AND submitted_at >= ?`, stationID, from)
	if err != nil {
		return nil, fmt.Errorf("survey: daily: %w", err)
	}
	defer rows.Close()
	count := map[string]int{}
	for rows.Next() {
		var at int64
		if err := rows.Scan(&at); err != nil {
			return nil, fmt.Errorf("survey: daily: %w", err)
		}
		count[sheet.Date(db.Time(at))]++
	}
	var out []Daily
	for i := 0; i <= days; i++ {
		day := sheet.Date(now.AddDate(0, 0, -i))
		out = append(out, Daily{Day: day, Count: count[day]})
	}
	return out, rows.Err()
}

// IssueCodes makes n single-use answer codes (填答码) for a station as a new
// batch and returns the batch number.
func (s *Store) IssueCodes(ctx context.Context, stationID int64, n int) (int, error) {
	if n < 1 || n > 5000 {
		return 0, valid.New("n", "survey.err.codes_n", 5000)
	}
	var batch int
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		st, err := station(ctx, tx, "st.id = ?", stationID)
		if err != nil {
			return err
		}
		v, err := getSurvey(ctx, tx, "s.id = ?", st.SurveyID)
		if err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(batch), 0) + 1 FROM survey_codes WHERE station_id = ?`, stationID).Scan(&batch); err != nil {
			return fmt.Errorf("survey: codes: %w", err)
		}
		now := db.Millis(tx.Now)
		for i := 0; i < n; i++ {
			for try := 0; ; try++ {
				res, err := tx.Exec(ctx, `INSERT INTO survey_codes (code, survey_id, station_id, batch, created_at) VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (code) DO NOTHING`, shortcode.New(8), st.SurveyID, stationID, batch, now)
				if err != nil {
					return fmt.Errorf("survey: codes: %w", err)
				}
				if n, _ := res.RowsAffected(); n == 1 {
					break
				}
				if try > 10 {
					return fmt.Errorf("survey: codes: no free code after %d draws", try)
				}
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.codes_issue", Target: target("survey", v.ID),
			After: map[string]any{"station": st.OrgName, "batch": batch, "n": n}})
	})
	return batch, err
}

// Code is an answer code and whether it was used.
type Code struct {
	Code   string
	Batch  int
	UsedAt time.Time
}

// Codes lists a station's codes of one batch (0: every batch).
func (s *Store) Codes(ctx context.Context, stationID int64, batch int) ([]Code, error) {
	rows, err := s.db.Query(ctx, `SELECT code, batch, used_at FROM survey_codes WHERE station_id = ? AND (? = 0 OR batch = ?) ORDER BY batch, code`,
		stationID, batch, batch)
	if err != nil {
		return nil, fmt.Errorf("survey: codes: %w", err)
	}
	defer rows.Close()
	var out []Code
	for rows.Next() {
		var c Code
		var used int64
		if err := rows.Scan(&c.Code, &c.Batch, &used); err != nil {
			return nil, fmt.Errorf("survey: codes: %w", err)
		}
		if used > 0 {
			c.UsedAt = db.Time(used)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
