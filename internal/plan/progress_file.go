package plan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// Evidence limits: a few files per entry, each a document, sheet, image or archive.
const (
	MaxEvidenceFiles = 5
	MaxEvidenceSize  = 20 << 20
)

var evidenceExt = map[string]bool{".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".jpg": true,
	".jpeg": true, ".png": true, ".txt": true, ".zip": true, ".ppt": true, ".pptx": true, ".wps": true, ".ofd": true}

// File is an uploaded evidence file. ContentType is the type the handler
// sniffed from the bytes (the store does not look at HTTP); an empty one is
// stored as application/octet-stream.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// ProgressInput is a progress entry as a responsible unit files it.
type ProgressInput struct {
	PlanID, IndicatorID int64
	Year, Quarter       string
	Value               string
	Narrative           string
	Files               []File
	UserID              int64
	// Corrects is an accepted entry of the same target and period that this
	// one corrects (0: a first report). Once the correction is accepted it
	// supersedes that entry; both stay in the ledger.
	Corrects int64
	// Scope is where the user may report (the zero Scope: nowhere).
	Scope access.Scope
}

// File records a progress entry. The plan must be published, the indicator
// assigned to a unit inside the user's scope, the period within the plan
// and not already reported (unless the earlier entry was returned or
// withdrawn, or this entry corrects it). The value must suit the target
// (see valueKind.check) and the narrative says what was done. Every field
// error is reported at once, and nothing is saved.
func (s *Store) File(ctx context.Context, in ProgressInput) (int64, error) {
	var errs valid.Errors
	year, err := strconv.Atoi(strings.TrimSpace(in.Year))
	if err != nil {
		errs.Add("year", "plan.err.year")
	}
	quarter, err := strconv.Atoi(strings.TrimSpace(in.Quarter))
	if err != nil || quarter < 0 || quarter > 4 {
		errs.Add("quarter", "plan.err.quarter")
	}
	value, numeric := parseValue(in.Value)
	if !numeric {
		errs.Add("value", "plan.err.number")
	}
	in.Narrative = strings.TrimSpace(in.Narrative)
	switch n := utf8.RuneCountInString(in.Narrative); {
	case n == 0:
		errs.Add("narrative", "plan.err.narrative_required")
	case n > 4000:
		errs.Add("narrative", "plan.err.narrative_long", 4000)
	}
	if len(in.Files) > MaxEvidenceFiles {
		errs.Add("files", "plan.err.too_many_files", MaxEvidenceFiles)
	}
	for _, f := range in.Files {
		switch {
		case len(f.Data) > MaxEvidenceSize:
			errs.Add("files", "plan.err.file_large", f.Name, MaxEvidenceSize>>20)
		case !evidenceExt[strings.ToLower(filepath.Ext(f.Name))]:
			errs.Add("files", "plan.err.file_type", f.Name)
		case len(f.Data) == 0:
			errs.Add("files", "plan.err.file_empty", f.Name)
		}
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		// The plan's row lock: two entries at once for one period cannot
		// both find it free, nor one land on a plan just closed (race
		// review 51).
		if err := tx.LockRow(ctx, "plans", in.PlanID); err != nil {
			return err
		}
		status, pOrg, pPath, start, end, err := planState(ctx, tx, in.PlanID)
		if err != nil {
			return err
		}
		switch status {
		case "closed":
			return valid.New("", "plan.err.closed")
		case "draft":
			return valid.New("", "plan.err.not_published")
		}
		var orgID int64
		var orgPath string
		var kind valueKind
		var tv, th sql.NullFloat64
		err = tx.QueryRow(ctx, `SELECT COALESCE(i.org_id, 0), COALESCE(o.path, ''), i.unit, i.value, i.high FROM plan_indicators i
			LEFT JOIN orgs o ON o.id = i.org_id WHERE i.id = ? AND i.plan_id = ?`, in.IndicatorID, in.PlanID).Scan(&orgID, &orgPath, &kind.Unit, &tv, &th)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("plan indicator %d: %w", in.IndicatorID, db.ErrNotFound)
		} else if err != nil {
			return err
		}
		kind.Max = max(tv.Float64, th.Float64)
		if orgID == 0 {
			return valid.New("", "plan.err.unassigned")
		}
		if bound, err := isBound(ctx, tx, in.IndicatorID); err != nil {
			return err
		} else if bound {
			return valid.New("", "plan.err.source_bound")
		}
		if !in.Scope.Contains(orgPath) {
			return valid.New("", "plan.err.not_responsible")
		}
		if numeric {
			kind.check(&errs, value)
		}
		if err := errs.Err(); err != nil {
			return err
		}
		if start > 0 && (year < start || year > end) {
			return valid.New("year", "plan.err.year_outside", start, end)
		}
		if in.Corrects != 0 {
			if err := correctable(ctx, tx, in, year, quarter); err != nil {
				return err
			}
		}
		// An entry holds its period unless returned, withdrawn or
		// superseded; the one being corrected does not block its correction.
		var taken int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM plan_progress WHERE indicator_id = ? AND year = ? AND quarter = ?
			AND state IN ('submitted', 'accepted') AND superseded_by IS NULL AND id <> ?`, in.IndicatorID, year, quarter, in.Corrects).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return valid.New("quarter", "plan.err.period_taken")
		}
		id = tx.NewID()
		var corrects any
		if in.Corrects != 0 {
			corrects = in.Corrects
		}
		if _, err := tx.Exec(ctx, `INSERT INTO plan_progress (id, plan_id, indicator_id, org_id, year, quarter, value, narrative, state,
			submitted_by, submitted_at, corrects) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?)`, id, in.PlanID, in.IndicatorID, orgID, year,
			quarter, value, in.Narrative, in.UserID, db.Millis(tx.Now), corrects); err != nil {
			return fmt.Errorf("plan: file progress: %w", err)
		}
		for _, f := range in.Files {
			if _, err := tx.Exec(ctx, `INSERT INTO plan_evidence (id, progress_id, name, content_type, size, data) VALUES (?, ?, ?, ?, ?, ?)`,
				tx.NewID(), id, cleanName(f.Name), contentType(f), len(f.Data), f.Data); err != nil {
				return fmt.Errorf("plan: save evidence: %w", err)
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: pOrg, OrgPath: pPath, Action: "plan.progress_file", Target: target(in.PlanID),
			After: map[string]any{"progress": id, "indicator": in.IndicatorID, "org": orgID, "year": year, "quarter": quarter, "value": value,
				"files": len(in.Files), "corrects": in.Corrects}})
	})
	return id, err
}

// correctable checks that in.Corrects is an accepted, current entry of the
// same target and period.
func correctable(ctx context.Context, tx *db.Tx, in ProgressInput, year, quarter int) error {
	var ind int64
	var y, q int
	var state string
	var by sql.NullInt64
	err := tx.QueryRow(ctx, `SELECT indicator_id, year, quarter, state, superseded_by FROM plan_progress WHERE id = ? AND plan_id = ?`,
		in.Corrects, in.PlanID).Scan(&ind, &y, &q, &state, &by)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && ind != in.IndicatorID) {
		return fmt.Errorf("plan progress %d: %w", in.Corrects, db.ErrNotFound)
	} else if err != nil {
		return err
	}
	if state != "accepted" || by.Valid {
		return valid.New("", "plan.err.not_correctable")
	}
	if y != year || q != quarter {
		return valid.New("quarter", "plan.err.correct_period")
	}
	return nil
}

// cleanName keeps a file's base name, without path or control characters.
func cleanName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 32 || r == 127 {
			return -1
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > 120 {
		name = string([]rune(name)[:120])
	}
	return name
}

// contentType is the type stored with an evidence file.
func contentType(f File) string {
	if f.ContentType == "" {
		return "application/octet-stream"
	}
	return f.ContentType
}
