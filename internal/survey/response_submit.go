package survey

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"kexie/internal/db"
)

// Refusal is why a response was not taken, with its catalog key; nothing
// of the response is stored.
type Refusal struct{ Key string }

func (e *Refusal) Error() string { return "survey: refused: " + e.Key }

// Refusals.
var (
	ErrClosed   = &Refusal{"survey.err.closed"}
	ErrFull     = &Refusal{"survey.err.full"}
	ErrCellFull = &Refusal{"survey.err.cell_full"}
	ErrAnswered = &Refusal{"survey.err.answered"}
	ErrCode     = &Refusal{"survey.err.code"}
	ErrCodeUsed = &Refusal{"survey.err.code_used"}
	ErrSignIn   = &Refusal{"survey.err.signin"}
	ErrVersion  = &Refusal{"survey.err.version"}
)

// Submission is one respondent's complete answers.
type Submission struct {
	SurveyID   int64
	Version    int
	StationID  int64
	Respondent string // the person's key: "u:<user>", "c:<code>" or "b:<browser cookie>"
	UserID     int64
	Code       string // an answer code, when the survey or station uses them
	Device     string // keyed hash of address and browser
	Answers    Answers
	StartedAt  time.Time
	Partial    string // the resume token whose partial answers this completes
	// Loaded, when set, is the survey (and station) the caller has just
	// read, so Submit need not read them again.
	Loaded *Loaded
}

// Loaded is a survey with the station a link named, as a handler read them.
type Loaded struct {
	Survey  Survey
	Station Station
	Cells   bool // the survey has cell quotas
}

// Submit checks and stores a complete response in one transaction: the
// survey open, the answers valid for the version answered, the code unused,
// the quotas (survey, station, demographic cell) not full, the person not
// yet answered. Any failure stores nothing. It returns the response's ID.
func (s *Store) Submit(ctx context.Context, in Submission) (int64, error) {
	var v Survey
	var err error
	if in.Loaded != nil && in.Loaded.Survey.ID == in.SurveyID {
		v = in.Loaded.Survey
	} else if v, err = s.Get(ctx, in.SurveyID); err != nil {
		return 0, err
	}
	now := s.db.Now()
	if !v.Open(now) {
		return 0, ErrClosed
	}
	if in.Version < 1 || in.Version > v.Version {
		return 0, ErrVersion
	}
	def, err := s.Definition(ctx, v.ID, in.Version)
	if err != nil {
		return 0, err
	}
	answers, err := def.Check(in.Answers, nil)
	if err != nil {
		return 0, err
	}
	if v.SignedIn && in.UserID == 0 {
		return 0, ErrSignIn
	}
	if v.CodesOnly && in.Code == "" {
		return 0, ErrCode
	}
	var st Station
	if in.Loaded != nil && in.Loaded.Station.ID == in.StationID && in.StationID != 0 {
		st = in.Loaded.Station
	} else if in.StationID != 0 {
		if st, err = s.Station(ctx, in.StationID); err != nil || st.SurveyID != v.ID {
			return 0, ErrVersion
		}
	}
	switch {
	case in.UserID != 0:
		in.Respondent = fmt.Sprintf("u:%d", in.UserID)
	case in.Code != "":
		in.Respondent = "c:" + in.Code
	}
	if in.Respondent == "" {
		return 0, ErrVersion
	}
	cell := CellOf(def, answers)
	flags := qualityFlags(v, def, answers, in, now)
	// The duplicate-device flag is set by the insert itself.
	device := "device"
	if flags != "" {
		device = ",device"
	}
	sc := score(def, answers)
	raw, _ := json.Marshal(answers)
	orgID := v.OrgID
	if st.ID != 0 {
		orgID = st.OrgID
	}
	insert := `INSERT INTO survey_responses (id, survey_id, version, station_id, org_id, respondent, user_id, device, answers,
			cell, flags, score, literate, grade, started_at, submitted_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
			? || CASE WHEN ? <> '' AND EXISTS (SELECT 1 FROM survey_responses d WHERE d.survey_id = ? AND d.device = ?) THEN ? ELSE '' END,
			?, ?, ?, ?, ? ON CONFLICT (survey_id, respondent) DO NOTHING`
	args := func(id, at int64) []any {
		started := db.Millis(in.StartedAt)
		if in.StartedAt.IsZero() || started > at {
			started = at
		}
		return []any{id, v.ID, in.Version, st.ID, orgID, in.Respondent, in.UserID, in.Device, string(raw), cell,
			flags, in.Device, v.ID, in.Device, device, sc.Total, b2i(sc.Literate), sc.Grade, started, at}
	}
	// The common case — no code, quota, literacy aggregate or partial to
	// settle — is one statement, atomic by itself.
	if in.Code == "" && v.Quota == 0 && st.Quota == 0 && in.Partial == "" && !(v.Kind == KindLiteracy && def.Scored()) && !s.cellsOf(ctx, in.Loaded, v.ID) {
		id := s.db.NewID()
		res, err := s.db.Exec(ctx, insert, args(id, db.Millis(now))...)
		if err != nil {
			return 0, fmt.Errorf("survey: submit: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return 0, ErrAnswered
		}
		return id, nil
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		id = tx.NewID()
		at := db.Millis(tx.Now)
		if in.Code != "" {
			if err := useCode(ctx, tx, v.ID, &in, id, at); err != nil {
				return err
			}
			if in.StationID != st.ID {
				if st, err = station(ctx, tx, "st.id = ?", in.StationID); err != nil {
					return err
				}
				orgID = st.OrgID
			}
		}
		if v.Quota > 0 {
			if err := take(ctx, tx, `UPDATE surveys SET filled = filled + 1 WHERE id = ? AND filled < quota`, v.ID, ErrFull); err != nil {
				return err
			}
		}
		if st.Quota > 0 {
			if err := take(ctx, tx, `UPDATE survey_stations SET filled = filled + 1 WHERE id = ? AND filled < quota`, st.ID, ErrFull); err != nil {
				return err
			}
		}
		if cell != "" {
			if err := takeCell(ctx, tx, v.ID, st.ID, cell); err != nil {
				return err
			}
		}
		res, err := tx.Exec(ctx, insert, args(id, at)...)
		if err != nil {
			return fmt.Errorf("survey: submit: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrAnswered
		}
		if v.Kind == KindLiteracy && def.Scored() {
			if err := addLiteracy(ctx, tx, v, orgID, literacyYear(v, tx.Now), def, answers, sc.Literate, 1); err != nil {
				return err
			}
		}
		if in.Partial != "" {
			if _, err := tx.Exec(ctx, `DELETE FROM survey_partials WHERE token = ? AND survey_id = ?`, in.Partial, v.ID); err != nil {
				return fmt.Errorf("survey: submit: %w", err)
			}
		}
		return nil
	})
	return id, err
}

func take(ctx context.Context, tx *db.Tx, q string, id int64, full error) error {
	res, err := tx.Exec(ctx, q, id)
	if err != nil {
		return fmt.Errorf("survey: quota: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return full
	}
	return nil
}

// useCode marks an answer code used by response id; the code decides the
// station.
func useCode(ctx context.Context, tx *db.Tx, surveyID int64, in *Submission, id, at int64) error {
	in.Code = strings.ToUpper(strings.TrimSpace(in.Code))
	var stationID, used int64
	err := tx.QueryRow(ctx, `SELECT station_id, used_at FROM survey_codes WHERE code = ? AND survey_id = ?`, in.Code, surveyID).Scan(&stationID, &used)
	if err != nil {
		if errors.Is(err, errNoRows) {
			return ErrCode
		}
		return fmt.Errorf("survey: code: %w", err)
	}
	res, err := tx.Exec(ctx, `UPDATE survey_codes SET used_at = ?, response_id = ? WHERE code = ? AND used_at = 0`, at, id, in.Code)
	if err != nil {
		return fmt.Errorf("survey: code: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 || used != 0 {
		return ErrCodeUsed
	}
	in.StationID = stationID
	return nil
}

// qualityFlags marks a response's quality problems: answered faster than
// the survey's minimum (by default two seconds a question), or the same
// answer down a matrix or a run of ratings (straight-lining). (A device that
// already answered is flagged by the insert.)
func qualityFlags(v Survey, d Definition, a Answers, in Submission, now time.Time) string {
	var out []string
	min := time.Duration(v.MinSeconds) * time.Second
	if v.MinSeconds == 0 {
		min = time.Duration(len(d.Questions())) * 2 * time.Second
	}
	if !in.StartedAt.IsZero() && now.Sub(in.StartedAt) < min {
		out = append(out, "fast")
	}
	if straight(d, a) {
		out = append(out, "straight")
	}
	return strings.Join(out, ",")
}

// straight: a matrix of three rows or more answered in one column, or five
// ratings or more all the same.
func straight(d Definition, a Answers) bool {
	var ratings []string
	for _, q := range d.Questions() {
		switch q.Type {
		case Matrix:
			if len(q.Rows) < 3 {
				continue
			}
			first, same := "", true
			for i, r := range q.Rows {
				v := a[q.ID+"."+r.Code]
				if len(v) == 0 {
					same = false
					break
				}
				if i == 0 {
					first = v[0]
				} else if v[0] != first {
					same = false
				}
			}
			if same {
				return true
			}
		case Rating:
			if v := a[q.ID]; len(v) == 1 {
				ratings = append(ratings, v[0])
			}
		}
	}
	if len(ratings) < 5 {
		return false
	}
	for _, r := range ratings[1:] {
		if r != ratings[0] {
			return false
		}
	}
	return true
}

func (s *Store) cellsOf(ctx context.Context, l *Loaded, surveyID int64) bool {
	if l != nil && l.Survey.ID == surveyID {
		return l.Cells
	}
	return s.hasCells(ctx, surveyID)
}
