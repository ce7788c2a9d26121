package plan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"kexie/internal/db"
)

// Entry is a progress entry with who filed it.
type Entry struct {
	ID, PlanID, IndicatorID, OrgID int64
	OrgName                        string
	Reading
	Narrative, State, ReviewNote string
	SubmittedBy                  string
	SubmittedByID                int64
	SubmittedAt                  int64
	Files                        []EvidenceFile
	Metric                       string // of the indicator, in pending lists
	Unit                         string // of the indicator
	Corrects                     int64  // the entry this one corrects, 0: none
	SupersededBy                 int64  // the accepted correction of this entry, 0: current
}

// Current reports whether the entry counts: accepted and not superseded.
func (e Entry) Current() bool { return e.State == "accepted" && e.SupersededBy == 0 }

// Period is "2024" or "2024Q3", for sorting and charts.
func (e Entry) Period() string {
	if e.Quarter == 0 {
		return strconv.Itoa(e.Year)
	}
	return fmt.Sprintf("%dQ%d", e.Year, e.Quarter)
}

// EvidenceFile is the listing of an evidence file.
type EvidenceFile struct {
	ID   int64
	Name string
	Size int64
}

// Entries lists the progress entries of an indicator (indicatorID > 0) or the
// submitted entries of a plan waiting for review (indicatorID == 0), by period.
func (s *Store) Entries(ctx context.Context, planID, indicatorID int64) ([]Entry, error) {
	q := `SELECT e.id, e.plan_id, e.indicator_id, e.org_id, o.name, e.year, e.quarter, e.value, e.narrative, e.state, e.review_note,
		COALESCE(u.display_name, ''), e.submitted_by, e.submitted_at, i.metric, i.unit,
		COALESCE(e.corrects, 0), COALESCE(e.superseded_by, 0) FROM plan_progress e JOIN orgs o ON o.id = e.org_id
		JOIN plan_indicators i ON i.id = e.indicator_id LEFT JOIN users u ON u.id = e.submitted_by WHERE e.plan_id = ?`
	args := []any{planID}
	if indicatorID > 0 {
		q += ` AND e.indicator_id = ? ORDER BY e.year, e.quarter = 0, e.quarter, e.submitted_at`
		args = append(args, indicatorID)
	} else {
		q += ` AND e.state = 'submitted' ORDER BY e.submitted_at`
	}
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("plan: entries: %w", err)
	}
	var out []Entry
	at := map[int64]int{}
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.ID, &e.PlanID, &e.IndicatorID, &e.OrgID, &e.OrgName, &e.Year, &e.Quarter, &e.Value, &e.Narrative,
			&e.State, &e.ReviewNote, &e.SubmittedBy, &e.SubmittedByID, &e.SubmittedAt, &e.Metric, &e.Unit, &e.Corrects, &e.SupersededBy); err != nil {
			rows.Close()
			return nil, err
		}
		at[e.ID] = len(out)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	fq := `SELECT f.id, f.progress_id, f.name, f.size FROM plan_evidence f JOIN plan_progress e ON e.id = f.progress_id WHERE e.plan_id = ?`
	fargs := []any{planID}
	if indicatorID > 0 {
		fq += ` AND e.indicator_id = ?`
		fargs = append(fargs, indicatorID)
	} else {
		fq += ` AND e.state = 'submitted'`
	}
	frows, err := s.db.Query(ctx, fq+` ORDER BY f.id`, fargs...)
	if err != nil {
		return nil, fmt.Errorf("plan: evidence list: %w", err)
	}
	defer frows.Close()
	for frows.Next() {
		var f EvidenceFile
		var pid int64
		if err := frows.Scan(&f.ID, &pid, &f.Name, &f.Size); err != nil {
			return nil, err
		}
		if i, ok := at[pid]; ok {
			out[i].Files = append(out[i].Files, f)
		}
	}
	return out, frows.Err()
}

// Evidence returns an evidence file of a plan.
func (s *Store) Evidence(ctx context.Context, planID, fileID int64) (name, contentType string, data []byte, err error) {
	err = s.db.QueryRow(ctx, `SELECT f.name, f.content_type, f.data FROM plan_evidence f JOIN plan_progress e ON e.id = f.progress_id
		WHERE f.id = ? AND e.plan_id = ?`, fileID, planID).Scan(&name, &contentType, &data)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("plan evidence %d: %w", fileID, db.ErrNotFound)
	}
	return name, contentType, data, err
}
