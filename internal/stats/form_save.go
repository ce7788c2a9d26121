package stats

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Input is a form as posted: the typed figures and the explanations of
// warnings, by indicator code.
type Input struct {
	Raw   map[string]string
	Notes map[string]string
	// Source says where the figures came from when not the web form
	// ("xlsx": an imported workbook), for the timeline and the audit.
	Source string
}

// SaveResult is what a save or a submit came to: the form as stored and
// the findings of the edit checks on it.
type SaveResult struct {
	Form      Form
	Issues    []Issue
	Submitted bool
}

// Save keeps the org's form of year as a draft (a returned form stays
// returned while it is fixed). Figures that cannot be read (not a number,
// too many decimals, negative, above the row's maximum) are issues and
// nothing is saved: the error is a valid error and the issues say why.
// Other findings (a part above its total, a sum off) are kept with the
// draft and block only the submit.
func (s *Store) Save(ctx context.Context, orgID int64, year int, in Input, by Actor) (SaveResult, error) {
	return s.save(ctx, orgID, year, in, by, false)
}

// Submit saves the form and, when no finding blocks (every row filled,
// every error fixed, every warning explained), sends it to the org above
// (已上报). A blocked submit still keeps the draft; its error says so and
// the issues say why.
func (s *Store) Submit(ctx context.Context, orgID int64, year int, in Input, by Actor) (SaveResult, error) {
	return s.save(ctx, orgID, year, in, by, true)
}

func (s *Store) save(ctx context.Context, orgID int64, year int, in Input, by Actor, submit bool) (SaveResult, error) {
	var res SaveResult
	o, err := filer(ctx, s.db, orgID)
	if err != nil {
		return res, err
	}
	kind := KindOf(o.Type)
	if ny := s.db.Now().In(zone).Year(); year < 2000 || year > ny {
		return res, valid.New("year", "stats.err.year", ny)
	}
	vals, notes, issues := s.read(in, kind)
	if len(issues) > 0 {
		res.Issues = issues
		return res, valid.New("", "stats.err.unreadable", len(issues))
	}
	// What the live measures suggest is kept with a new form, so the page
	// can say which figures the filer took and which they changed.
	prefill := Values{}
	if cur, err := getForm(ctx, s.db, o, year); err != nil {
		return res, err
	} else if cur.Status == None {
		if prefill, err = s.suggest(ctx, o, year); err != nil {
			return res, err
		}
	}
	blocked := false
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		f, err := getForm(ctx, tx, o, year)
		if err != nil {
			return err
		}
		if !f.Status.Editable() {
			return valid.New("", "stats.err.locked")
		}
		last, err := lastYear(ctx, tx, o.ID, year)
		if err != nil {
			return err
		}
		res.Issues = s.schema.Check(vals, last, notes, kind, submit)
		rawVals, _ := json.Marshal(vals)
		rawNotes, _ := json.Marshal(notes)
		now := db.Millis(tx.Now)
		before := f.Status
		if f.Status == None {
			rawPre, _ := json.Marshal(prefill)
			f.ID, f.Status = tx.NewID(), Draft
			if _, err := tx.Exec(ctx, `INSERT INTO stats_forms (id, org_id, year, version, status, rev, vals, notes, prefill, updated_at)
				VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`, f.ID, o.ID, year, s.schema.Version, string(Draft), string(rawVals), string(rawNotes), string(rawPre), now); err != nil {
				if db.IsUniqueViolation(err) { // a colleague's first save came first
					return valid.New("", "stats.err.concurrent")
				}
				return fmt.Errorf("stats: new form %d/%d: %w", o.ID, year, err)
			}
		} else {
			// Only while still editable: a save racing a colleague's submit
			// must not change the figures after they were sent.
			res, err := tx.Exec(ctx, `UPDATE stats_forms SET vals = ?, notes = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'returned')`,
				string(rawVals), string(rawNotes), now, f.ID)
			if err != nil {
				return fmt.Errorf("stats: save form %d: %w", f.ID, err)
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				return valid.New("", "stats.err.locked")
			}
		}
		if err := writeValues(ctx, tx, f.ID, vals); err != nil {
			return err
		}
		if err := addEvent(ctx, tx, f, by, "save", strings.ToUpper(in.Source), nil); err != nil {
			return err
		}
		after := map[string]any{"year": year, "filled": len(vals)}
		if in.Source != "" {
			after["source"] = in.Source
		}
		if err := audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "stats.save", Target: formTarget(f.ID),
			After: after}); err != nil {
			return err
		}
		if submit && Blocking(res.Issues) {
			blocked = true
		} else if submit {
			first := db.Millis(f.FirstFiled)
			if first == 0 {
				first = now
			}
			if _, err := tx.Exec(ctx, `UPDATE stats_forms SET status = 'submitted', filed_by = ?, filed_name = ?, filed_at = ?, first_filed = ?,
				updated_at = ? WHERE id = ?`, by.UserID, by.Name, now, first, now, f.ID); err != nil {
				return fmt.Errorf("stats: submit form %d: %w", f.ID, err)
			}
			if err := addEvent(ctx, tx, f, by, "submit", "", vals); err != nil {
				return err
			}
			if err := audit.Append(ctx, tx, audit.Entry{OrgID: o.ID, OrgPath: o.Path, Action: "stats.submit", Target: formTarget(f.ID),
				Before: map[string]any{"status": string(before)}, After: map[string]any{"status": string(Submitted), "year": year}}); err != nil {
				return err
			}
			res.Submitted = true
		}
		res.Form, err = getForm(ctx, tx, o, year)
		return err
	})
	if err != nil {
		return res, err
	}
	if blocked {
		return res, valid.New("", "stats.err.blocked")
	}
	return res, nil
}

// read reads the typed figures and explanations of a form of kind: the
// issues are what cannot be read (such a form is never saved).
func (s *Store) read(in Input, kind Applies) (Values, map[string]string, []Issue) {
	vals, issues := s.schema.Parse(in.Raw, kind)
	notes := map[string]string{}
	for _, ind := range s.schema.Indicators() { // in form order, for the messages
		n := strings.TrimSpace(in.Notes[ind.Code])
		if !ind.Applies(kind) || n == "" {
			continue
		}
		if utf8.RuneCountInString(n) > MaxNote {
			issues = append(issues, Issue{Code: ind.Code, Rule: "note_long", Args: []string{fmt.Sprint(MaxNote)}})
			continue
		}
		notes[ind.Code] = n
	}
	return vals, notes, issues
}

// writeValues replaces the per-indicator rows of form id with vals.
func writeValues(ctx context.Context, tx *db.Tx, id int64, vals Values) error {
	if _, err := tx.Exec(ctx, `DELETE FROM stats_values WHERE form_id = ?`, id); err != nil {
		return fmt.Errorf("stats: values %d: %w", id, err)
	}
	if len(vals) == 0 {
		return nil
	}
	var q strings.Builder
	q.WriteString(`INSERT INTO stats_values (form_id, code, value) VALUES `)
	args := make([]any, 0, 3*len(vals))
	i := 0
	for _, ind := range Current.Indicators() {
		v, ok := vals[ind.Code]
		if !ok {
			continue
		}
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString("(?, ?, ?)")
		args = append(args, id, ind.Code, v)
		i++
	}
	if _, err := tx.Exec(ctx, q.String(), args...); err != nil {
		return fmt.Errorf("stats: values %d: %w", id, err)
	}
	return nil
}
