package plan

// Helpers the store methods share inside their transactions.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
)

// inSubtree reports whether the org with id lies in the subtree at path; a
// missing org does not, a database failure is an error.
func inSubtree(ctx context.Context, tx *db.Tx, id int64, path string) (bool, error) {
	o, err := org.Lookup(ctx, tx, id)
	if errors.Is(err, db.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("plan: %w", err)
	}
	return access.Subtrees(path).Contains(o.Path), nil
}

// planState reads a plan's status and org for a change inside tx.
func planState(ctx context.Context, tx *db.Tx, planID int64) (status string, orgID int64, path string, start, end int, err error) {
	err = tx.QueryRow(ctx, `SELECT p.status, o.id, o.path, p.start_year, p.end_year FROM plans p JOIN orgs o ON o.id = p.org_id
		WHERE p.id = ?`, planID).Scan(&status, &orgID, &path, &start, &end)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, "", 0, 0, fmt.Errorf("plan %d: %w", planID, db.ErrNotFound)
	}
	return status, orgID, path, start, end, err
}

func target(planID int64) string { return "plan:" + strconv.FormatInt(planID, 10) }

// scanIndicator scans a row that starts with the indicator columns of
// Get, Tasks and Compare, in this order:
//
//	i.id, i.section_path, i.text, i.metric, i.comparator, i.value, i.low, i.high, i.unit, i.per,
//	i.deadline_year, i.baseline_value, i.baseline_year, org id (0: none), org name ('' : none),
//	i.latest_value, i.latest_year, i.latest_quarter
//
// and scans any further columns into rest, in query order.
func scanIndicator(rows *sql.Rows, x *StoredIndicator, rest ...any) error {
	var v, lo, hi, bv, lv sql.NullFloat64
	var per string
	var dl, by, ly, lq int
	dest := []any{&x.ID, &x.SectionPath, &x.Text, &x.Metric, &x.Comparator, &v, &lo, &hi, &x.Unit, &per,
		&dl, &bv, &by, &x.OrgID, &x.OrgName, &lv, &ly, &lq}
	if err := rows.Scan(append(dest, rest...)...); err != nil {
		return err
	}
	if v.Valid {
		x.Value = &v.Float64
	}
	if lo.Valid {
		x.Low = &lo.Float64
	}
	if hi.Valid {
		x.High = &hi.Float64
	}
	if per != "" {
		x.Per = &per
	}
	if dl != 0 {
		x.DeadlineYear = &dl
	}
	if bv.Valid {
		x.Baseline = &Baseline{Value: bv.Float64, Year: by}
	}
	if lv.Valid {
		x.Latest = &Reading{Value: lv.Float64, Year: ly, Quarter: lq}
	}
	return nil
}
