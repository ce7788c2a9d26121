package survey

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
)

// Input creates a survey.
type Input struct {
	OrgID  int64
	Kind   string
	Title  string
	Year   int
	UserID int64
	// Definition starts the draft; empty: the kind's template (literacy,
	// status) or one empty page.
	Definition *Definition
}

// Create adds a survey in draft.
func (s *Store) Create(ctx context.Context, in Input) (Survey, error) {
	var errs valid.Errors
	in.Title = strings.TrimSpace(in.Title)
	if in.Title == "" || utf8.RuneCountInString(in.Title) > 200 {
		errs.Add("title", "survey.err.title")
	}
	if in.Kind == "" {
		in.Kind = KindGeneral
	}
	if !oneOf(in.Kind, []string{KindGeneral, KindLiteracy, KindStatus}) {
		errs.Add("kind", "survey.err.kind")
	}
	if in.Year != 0 && (in.Year < 2000 || in.Year > 2100) {
		errs.Add("year", "survey.err.year")
	}
	if err := errs.Err(); err != nil {
		return Survey{}, err
	}
	def := Definition{Title: Text{ZH: in.Title}, Pages: []Page{{}}}
	switch {
	case in.Definition != nil:
		def = *in.Definition
		if err := def.Validate(); err != nil {
			return Survey{}, err
		}
	case in.Kind == KindLiteracy:
		def = LiteracyInstrument()
	case in.Kind == KindStatus:
		def = StatusTemplate()
	}
	def.Title.ZH = in.Title
	raw, _ := json.Marshal(def)
	var id int64
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := org.Lookup(ctx, tx, in.OrgID)
		if err != nil {
			return err
		}
		if o.Disabled {
			return valid.New("org_id", "org.err.disabled")
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO surveys (id, org_id, kind, title, token, draft, year, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, in.OrgID, in.Kind, in.Title, newToken(), string(raw), in.Year, in.UserID, now, now); err != nil {
			return fmt.Errorf("survey: create: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "survey.create", Target: target("survey", id),
			After: map[string]any{"title": in.Title, "kind": in.Kind}})
	})
	if err != nil {
		return Survey{}, err
	}
	return s.Get(ctx, id)
}

func target(kind string, id int64) string { return fmt.Sprintf("%s:%d", kind, id) }

// SaveDraft replaces a survey's draft definition (the builder and the JSON
// import). A published version is never touched: the next Publish makes a
// new version from the draft.
func (s *Store) SaveDraft(ctx context.Context, id int64, d Definition) error {
	if err := d.Validate(); err != nil && !onlyEmpty(err) {
		return err
	}
	raw, _ := json.Marshal(d)
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		v, err := getSurvey(ctx, tx, "s.id = ?", id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE surveys SET draft = ?, title = ?, updated_at = ? WHERE id = ?`,
			string(raw), strings.TrimSpace(d.Title.ZH), db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("survey: save draft %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.edit", Target: target("survey", id),
			After: map[string]any{"title": d.Title.ZH, "questions": len(d.Questions())}})
	})
}

// onlyEmpty: a draft may be saved while it has no question yet.
func onlyEmpty(err error) bool {
	list, ok := valid.As(err)
	return ok && len(list) == 1 && list[0].Key == "survey.err.empty"
}

// Publish freezes the draft as the next version, which new respondents
// answer from now on; responses already given keep theirs.
func (s *Store) Publish(ctx context.Context, id, userID int64) (int, error) {
	defer s.gen.Add(1)
	var version int
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		// The survey's row lock: two publications at once both read the
		// same version, and the second failed on the next one's key with
		// a raw database error (integrity review 52).
		if err := tx.LockRow(ctx, "surveys", id); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		v, err := getSurvey(ctx, tx, "s.id = ?", id)
		if err != nil {
			return err
		}
		if err := v.Draft.Validate(); err != nil {
			return err
		}
		raw, _ := json.Marshal(v.Draft)
		if v.Version > 0 {
			var last string
			if err := tx.QueryRow(ctx, `SELECT definition FROM survey_versions WHERE survey_id = ? AND version = ?`, id, v.Version).Scan(&last); err != nil {
				return fmt.Errorf("survey: publish %d: %w", id, err)
			}
			if last == string(raw) {
				return valid.New("definition", "survey.err.unchanged", v.Version)
			}
		}
		version = v.Version + 1
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO survey_versions (survey_id, version, definition, published_by, published_at) VALUES (?, ?, ?, ?, ?)`,
			id, version, string(raw), userID, now); err != nil {
			return fmt.Errorf("survey: publish %d: %w", id, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE surveys SET version = ?, updated_at = ? WHERE id = ?`, version, now, id); err != nil {
			return fmt.Errorf("survey: publish %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.publish", Target: target("survey", id),
			After: map[string]any{"version": version}})
	})
	return version, err
}

// Settings are a survey's distribution settings.
type Settings struct {
	Year       int
	OpensAt    time.Time
	ClosesAt   time.Time
	Closed     bool
	SignedIn   bool
	CodesOnly  bool
	Quota      int
	MinSeconds int
}

// SetSettings changes the distribution settings. Setting a quota counts
// the responses already in so the quota holds from there.
func (s *Store) SetSettings(ctx context.Context, id int64, in Settings) error {
	defer s.gen.Add(1)
	var errs valid.Errors
	if in.Year != 0 && (in.Year < 2000 || in.Year > 2100) {
		errs.Add("year", "survey.err.year")
	}
	if !in.OpensAt.IsZero() && !in.ClosesAt.IsZero() && !in.ClosesAt.After(in.OpensAt) {
		errs.Add("closes_at", "survey.err.closes")
	}
	if in.Quota < 0 || in.Quota > 100_000_000 {
		errs.Add("quota", "survey.err.quota")
	}
	if in.MinSeconds < 0 || in.MinSeconds > 86400 {
		errs.Add("min_seconds", "survey.err.min_seconds")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	ms := func(t time.Time) int64 {
		if t.IsZero() {
			return 0
		}
		return db.Millis(t)
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		v, err := getSurvey(ctx, tx, "s.id = ?", id)
		if err != nil {
			return err
		}
		filled := 0
		if in.Quota > 0 {
			if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?`, id).Scan(&filled); err != nil {
				return fmt.Errorf("survey: settings %d: %w", id, err)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE surveys SET year = ?, opens_at = ?, closes_at = ?, closed = ?, signed_in = ?, codes_only = ?,
			quota = ?, filled = ?, min_seconds = ?, updated_at = ? WHERE id = ?`, in.Year, ms(in.OpensAt), ms(in.ClosesAt), b2i(in.Closed),
			b2i(in.SignedIn), b2i(in.CodesOnly), in.Quota, filled, in.MinSeconds, db.Millis(tx.Now), id); err != nil {
			return fmt.Errorf("survey: settings %d: %w", id, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.settings", Target: target("survey", id),
			Before: map[string]any{"closed": v.Closed, "quota": v.Quota, "signed_in": v.SignedIn, "codes_only": v.CodesOnly},
			After:  map[string]any{"closed": in.Closed, "quota": in.Quota, "signed_in": in.SignedIn, "codes_only": in.CodesOnly}})
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
