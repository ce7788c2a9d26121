package survey

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"kexie/internal/db"
)

// Partial is a respondent's unfinished answers (save and resume), kept
// apart from responses until submitted.
type Partial struct {
	Token     string
	SurveyID  int64
	Version   int
	StationID int64
	Answers   Answers
	Page      int
	StartedAt time.Time
}

// SavePartial keeps the answers of the pages done so far under the resume
// token (the browser's cookie), replacing what the token held.
func (s *Store) SavePartial(ctx context.Context, p Partial) error {
	raw, _ := json.Marshal(p.Answers)
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		now := db.Millis(tx.Now)
		started := db.Millis(p.StartedAt)
		if p.StartedAt.IsZero() {
			started = now
		}
		_, err := tx.Exec(ctx, `INSERT INTO survey_partials (token, survey_id, version, station_id, answers, page, started_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token) DO UPDATE SET answers = excluded.answers, page = excluded.page,
			version = excluded.version, station_id = excluded.station_id, updated_at = excluded.updated_at
			WHERE survey_partials.survey_id = excluded.survey_id`,
			p.Token, p.SurveyID, p.Version, p.StationID, string(raw), p.Page, started, now)
		if err != nil {
			return fmt.Errorf("survey: save partial: %w", err)
		}
		return nil
	})
}

// LoadPartial reads the partial answers under token for a survey; none is
// a zero Partial and no error.
func (s *Store) LoadPartial(ctx context.Context, surveyID int64, token string) (Partial, error) {
	p := Partial{Token: token, SurveyID: surveyID}
	if token == "" {
		return Partial{}, nil
	}
	var raw string
	var started int64
	err := s.db.QueryRow(ctx, `SELECT version, station_id, answers, page, started_at FROM survey_partials WHERE token = ? AND survey_id = ?`,
		token, surveyID).Scan(&p.Version, &p.StationID, &raw, &p.Page, &started)
	if errors.Is(err, errNoRows) {
		return Partial{}, nil
	}
	if err != nil {
		return Partial{}, fmt.Errorf("survey: load partial: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &p.Answers); err != nil {
		return Partial{}, fmt.Errorf("survey: load partial: %w", err)
	}
	p.StartedAt = db.Time(started)
	return p, nil
}

// Answered reports whether the respondent key already answered the survey.
func (s *Store) Answered(ctx context.Context, surveyID int64, respondent string) (bool, error) {
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM survey_responses WHERE survey_id = ? AND respondent = ?`, surveyID, respondent).Scan(&n); err != nil {
		return false, fmt.Errorf("survey: answered: %w", err)
	}
	return n > 0, nil
}
