package survey

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Response is a stored response with its exclusion, if any.
type Response struct {
	ID          int64
	SurveyID    int64
	Version     int
	StationID   int64
	OrgID       int64
	OrgName     string
	OrgPath     string
	UserID      int64
	Answers     Answers
	Cell        string
	Flags       []string
	Score       float64
	Literate    bool
	Grade       string
	StartedAt   time.Time
	SubmittedAt time.Time
	Excluded    bool
	Reason      string
}

// Seconds is how long the respondent took.
func (r Response) Seconds() int { return int(r.SubmittedAt.Sub(r.StartedAt) / time.Second) }

// RespFilter narrows a survey's responses. Scope limits them to the
// stations (orgs) the caller may see; Within to one org's subtree.
type RespFilter struct {
	Scope         access.Scope
	Within        string // an org path
	StationID     int64
	Flag          string // fast, straight, device, excluded, included
	Limit, Offset int
}

// Responses lists a survey's responses within the filter's scope, newest
// first, with the count of all matches.
func (s *Store) Responses(ctx context.Context, surveyID int64, f RespFilter) ([]Response, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	where, args := respWhere(s.db, surveyID, f)
	// The total is a count of its own (D266): a window COUNT(*) OVER()
	// read every matching response whole, answers and all, before the
	// first page. An exclusion is one a response at most, so the count
	// needs no join to it.
	from := ` FROM survey_responses r JOIN orgs o ON o.id = r.org_id`
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count: `SELECT COUNT(*)` + from + ` WHERE ` + where,
		Select: `SELECT r.id, r.survey_id, r.version, r.station_id, r.org_id, o.name, o.path, r.user_id, r.answers, r.cell, r.flags,
		r.score, r.literate, r.grade, r.started_at, r.submitted_at, COALESCE(x.reason, ''), x.response_id IS NOT NULL` + from + `
		LEFT JOIN survey_exclusions x ON x.response_id = r.id WHERE ` + where + ` ORDER BY r.id DESC LIMIT ? OFFSET ?`,
		Args: args, Limit: f.Limit, Offset: f.Offset,
	}, func(r db.Scanner) (Response, error) { return scanResponse(r) })
	if err != nil {
		return nil, 0, fmt.Errorf("survey: responses: %w", err)
	}
	return out, total, nil
}

func respWhere(q db.Q, surveyID int64, f RespFilter) (string, []any) {
	cond, args := db.ScopeCond(q, "o.path", f.Scope)
	where := []string{"r.survey_id = ?", cond}
	args = append([]any{surveyID}, args...)
	if f.Within != "" {
		c, a := db.PrefixMatch(q, "o.path", f.Within)
		where = append(where, c)
		args = append(args, a)
	}
	if f.StationID != 0 {
		where = append(where, "r.station_id = ?")
		args = append(args, f.StationID)
	}
	switch f.Flag {
	case "fast", "straight", "device":
		where = append(where, "r.flags LIKE ?")
		args = append(args, "%"+f.Flag+"%")
	case "excluded":
		where = append(where, "EXISTS (SELECT 1 FROM survey_exclusions e WHERE e.response_id = r.id)")
	case "included":
		where = append(where, "NOT EXISTS (SELECT 1 FROM survey_exclusions e WHERE e.response_id = r.id)")
	}
	return strings.Join(where, " AND "), args
}

func scanResponse(rows interface{ Scan(...any) error }, extra ...any) (Response, error) {
	var r Response
	var raw, flags string
	var lit int
	var started, submitted int64
	if err := rows.Scan(append([]any{&r.ID, &r.SurveyID, &r.Version, &r.StationID, &r.OrgID, &r.OrgName, &r.OrgPath, &r.UserID, &raw, &r.Cell,
		&flags, &r.Score, &lit, &r.Grade, &started, &submitted, &r.Reason, &r.Excluded}, extra...)...); err != nil {
		return r, fmt.Errorf("survey: responses: %w", err)
	}
	if err := json.Unmarshal([]byte(raw), &r.Answers); err != nil {
		return r, fmt.Errorf("survey: response %d: %w", r.ID, err)
	}
	if flags != "" {
		r.Flags = strings.Split(flags, ",")
	}
	r.Literate = lit != 0
	r.StartedAt, r.SubmittedAt = db.Time(started), db.Time(submitted)
	return r, nil
}

// Exclude sets a response aside from the analysis with a reason (audited);
// the response itself is kept unchanged. The literacy aggregates lose it.
func (s *Store) Exclude(ctx context.Context, responseID, userID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" || len([]rune(reason)) > 500 {
		return valid.New("reason", "survey.err.reason")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		var surveyID, orgID int64
		var version int
		var raw string
		var lit int
		var at int64
		err := tx.QueryRow(ctx, `SELECT survey_id, org_id, version, answers, literate, submitted_at FROM survey_responses WHERE id = ?`, responseID).
			Scan(&surveyID, &orgID, &version, &raw, &lit, &at)
		if errors.Is(err, errNoRows) {
			return &NotFoundError{"response", responseID}
		}
		if err != nil {
			return fmt.Errorf("survey: exclude %d: %w", responseID, err)
		}
		v, err := getSurvey(ctx, tx, "s.id = ?", surveyID)
		if err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `INSERT INTO survey_exclusions (response_id, survey_id, reason, by_user, at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (response_id) DO NOTHING`, responseID, surveyID, reason, userID, db.Millis(tx.Now))
		if err != nil {
			return fmt.Errorf("survey: exclude %d: %w", responseID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return valid.New("reason", "survey.err.excluded")
		}
		if v.Kind == KindLiteracy {
			def, err := s.Definition(ctx, surveyID, version)
			if err != nil {
				return err
			}
			var a Answers
			if err := json.Unmarshal([]byte(raw), &a); err != nil {
				return fmt.Errorf("survey: exclude %d: %w", responseID, err)
			}
			if def.Scored() {
				if err := addLiteracy(ctx, tx, v, orgID, literacyYear(v, db.Time(at)), def, a, lit != 0, -1); err != nil {
					return err
				}
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.exclude", Target: target("survey", surveyID),
			After: map[string]any{"response": responseID, "reason": reason}})
	})
}

// ResponseSurvey is the survey a response answered.
func (s *Store) ResponseSurvey(ctx context.Context, responseID int64) (int64, error) {
	var id int64
	err := s.db.QueryRow(ctx, `SELECT survey_id FROM survey_responses WHERE id = ?`, responseID).Scan(&id)
	if errors.Is(err, errNoRows) {
		return 0, &NotFoundError{"response", responseID}
	}
	if err != nil {
		return 0, fmt.Errorf("survey: response %d: %w", responseID, err)
	}
	return id, nil
}
