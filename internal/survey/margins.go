package survey

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/survey/estimate"
	"kexie/internal/valid"
)

// SetMargins replaces the population margins a survey's weights are raked
// to. Each variable must be a demographic role or a choice question of the
// published version and each category one of its option codes; the shares
// of a variable sum to 1 (estimate.Margins.Validate). Nothing is stored
// when any of it is wrong.
func (s *Store) SetMargins(ctx context.Context, surveyID int64, m estimate.Margins) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The survey's row lock: two saves at once each deleted nothing
		// and inserted, and all but one failed on the key with a raw
		// database error (integrity review 52).
		if err := tx.LockRow(ctx, "surveys", surveyID); err != nil && !errors.Is(err, db.ErrNotFound) {
			return err
		}
		v, err := getSurvey(ctx, tx, "s.id = ?", surveyID)
		if err != nil {
			return err
		}
		def := v.Draft
		if v.Version > 0 {
			if def, err = s.Definition(ctx, v.ID, v.Version); err != nil {
				return err
			}
		}
		vars := m.Variables()
		sort.Strings(vars)
		for _, name := range vars {
			q, ok := def.ByRole(name)
			if !ok {
				q, ok = def.Question(name)
			}
			if !ok || (q.Type != Single && q.Type != Rating) {
				return valid.New("margins", "survey.err.margin_var", name)
			}
			for c := range m[name] {
				if !hasCode(q.Options, c) && !(q.Type == Rating && oneOf(c, scaleCodes(q))) {
					return valid.New("margins", "survey.err.margin_cat", name, c)
				}
			}
		}
		if _, err := tx.Exec(ctx, `DELETE FROM survey_margins WHERE survey_id = ?`, surveyID); err != nil {
			return fmt.Errorf("survey: margins: %w", err)
		}
		for _, name := range vars {
			for c, share := range m[name] {
				if _, err := tx.Exec(ctx, `INSERT INTO survey_margins (survey_id, variable, category, share) VALUES (?, ?, ?, ?)`,
					surveyID, name, c, share); err != nil {
					return fmt.Errorf("survey: margins: %w", err)
				}
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.margins", Target: target("survey", surveyID),
			After: map[string]any{"variables": vars}})
	})
}

func scaleCodes(q Question) []string {
	var out []string
	for _, p := range q.Scale() {
		out = append(out, fmt.Sprint(p))
	}
	return out
}
