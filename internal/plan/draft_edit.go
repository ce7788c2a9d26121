package plan

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// IndicatorEdit is what staff correct in an extracted indicator.
type IndicatorEdit struct {
	Metric     string
	Comparator string
	Value      string
	Low, High  string
	Unit       string
	Deadline   string
	// Baseline and BaselineYear: the starting point ("" when the document gives none).
	Baseline, BaselineYear string
}

var comparators = []string{"=", "approx", ">=", "<=", "range"}

// draft locks a plan for a change and checks it is still a draft.
func draft(ctx context.Context, tx *db.Tx, planID int64) (orgID int64, path string, err error) {
	var status string
	err = tx.QueryRow(ctx, `SELECT p.status, o.id, o.path FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, planID).Scan(&status, &orgID, &path)
	if err != nil {
		return 0, "", fmt.Errorf("plan %d: %w", planID, db.ErrNotFound)
	}
	if status != "draft" {
		return 0, "", valid.New("", "plan.err.not_draft")
	}
	return orgID, path, nil
}

// editValues checks an edit and returns its values for the columns.
func editValues(e *IndicatorEdit) (value, low, high any, deadline int, err error) {
	var errs valid.Errors
	e.Metric, e.Unit = strings.TrimSpace(e.Metric), strings.TrimSpace(e.Unit)
	if n := utf8.RuneCountInString(e.Metric); n == 0 || n > 100 {
		errs.Add("metric", "plan.err.metric")
	}
	ok := false
	for _, c := range comparators {
		ok = ok || c == e.Comparator
	}
	if !ok {
		errs.Add("comparator", "plan.err.comparator")
	}
	num := func(field, v string) any {
		v = strings.TrimSpace(v)
		if v == "" {
			return nil
		}
		f, ok := valid.Number(v)
		if !ok {
			errs.Add(field, "plan.err.number")
			return nil
		}
		return f
	}
	value, low, high = num("value", e.Value), num("low", e.Low), num("high", e.High)
	if e.Comparator == "range" {
		if low == nil || high == nil || low.(float64) >= high.(float64) {
			errs.Add("low", "plan.err.range")
		}
		value = nil
	} else if value == nil && ok {
		errs.Add("value", "plan.err.number")
	}
	if d := strings.TrimSpace(e.Deadline); d != "" {
		n, err := strconv.Atoi(d)
		if err != nil || n < 2000 || n > 2100 {
			errs.Add("deadline", "plan.err.year")
		}
		deadline = n
	}
	return value, low, high, deadline, errs.Err()
}

// UpdateIndicator corrects an indicator of a draft plan.
func (s *Store) UpdateIndicator(ctx context.Context, planID, id int64, e IndicatorEdit) error {
	value, low, high, deadline, err := editValues(&e)
	if err != nil {
		return err
	}
	var baseValue any
	baseYear := 0
	if b := strings.TrimSpace(e.Baseline); b != "" {
		f, good := valid.Number(b)
		y, yerr := strconv.Atoi(strings.TrimSpace(e.BaselineYear))
		if !good {
			return valid.New("baseline", "plan.err.number")
		}
		if yerr != nil || y < 1990 || y > 2100 {
			return valid.New("baseline_year", "plan.err.year")
		}
		baseValue, baseYear = f, y
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, path, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		res, err := tx.Exec(ctx, `UPDATE plan_indicators SET metric = ?, comparator = ?, value = ?, low = ?, high = ?, unit = ?, deadline_year = ?,
			baseline_value = ?, baseline_year = ? WHERE id = ? AND plan_id = ?`, e.Metric, e.Comparator, value, low, high, e.Unit, deadline,
			baseValue, baseYear, id, planID)
		if err != nil {
			return fmt.Errorf("plan: update indicator: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("plan indicator %d: %w", id, db.ErrNotFound)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.indicator_update",
			Target: "plan:" + strconv.FormatInt(planID, 10), After: map[string]any{"indicator": id, "comparator": e.Comparator, "value": value, "low": low, "high": high}})
	})
}

// DeleteIndicator removes a wrongly extracted indicator from a draft plan.
func (s *Store) DeleteIndicator(ctx context.Context, planID, id int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, path, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM plan_indicators WHERE id = ? AND plan_id = ?`, id, planID); err != nil {
			return fmt.Errorf("plan: delete indicator: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.indicator_delete",
			Target: "plan:" + strconv.FormatInt(planID, 10), Before: map[string]int64{"indicator": id}})
	})
}

// Publish ends the review of a draft: the plan's structure is fixed and it
// can be tracked.
func (s *Store) Publish(ctx context.Context, planID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, path, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE plans SET status = 'published', updated_at = ? WHERE id = ?`, db.Millis(tx.Now), planID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.publish", Target: "plan:" + strconv.FormatInt(planID, 10)})
	})
}

// sectionExists reports whether a draft plan has a section at path.
func sectionExists(ctx context.Context, tx *db.Tx, planID int64, path string) (id int64, level int, err error) {
	err = tx.QueryRow(ctx, `SELECT id, level FROM plan_sections WHERE plan_id = ? AND path = ?`, planID, path).Scan(&id, &level)
	if err != nil {
		return 0, 0, valid.New("section", "plan.err.section")
	}
	return id, level, nil
}

// AddSection adds a section the reading missed, as the last child of
// parentPath ("" for a top-level section).
func (s *Store) AddSection(ctx context.Context, planID int64, parentPath, number, title string) error {
	number, title, parentPath = strings.TrimSpace(number), strings.TrimSpace(title), strings.TrimSpace(parentPath)
	var errs valid.Errors
	if n := utf8.RuneCountInString(number); n == 0 || n > 10 || strings.Contains(number, "/") {
		errs.Add("number", "plan.err.section_number")
	}
	if n := utf8.RuneCountInString(title); n == 0 || n > 200 {
		errs.Add("title", "plan.err.section_title")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, orgPath, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		var parent any
		level, path := 1, number
		if parentPath != "" {
			pid, plevel, err := sectionExists(ctx, tx, planID, parentPath)
			if err != nil {
				return err
			}
			parent, level, path = pid, plevel+1, parentPath+"/"+number
		}
		if _, _, err := sectionExists(ctx, tx, planID, path); err == nil {
			return valid.New("number", "plan.err.section_taken", path)
		}
		// Place it after the last section of the parent's subtree.
		var ord int
		q := `SELECT COALESCE(MAX(ord), 0) FROM plan_sections WHERE plan_id = ?`
		args := []any{planID}
		if parentPath != "" {
			q += ` AND (path = ? OR path LIKE ? ESCAPE '\')`
			args = append(args, parentPath, db.LikeEscape(parentPath)+"/%")
		}
		if err := tx.QueryRow(ctx, q, args...).Scan(&ord); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE plan_sections SET ord = ord + 1 WHERE plan_id = ? AND ord > ?`, planID, ord); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO plan_sections (id, plan_id, parent_id, path, number, title, level, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			tx.NewID(), planID, parent, path, number, title, level, ord+1); err != nil {
			return fmt.Errorf("plan: add section: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: orgPath, Action: "plan.section_add",
			Target: "plan:" + strconv.FormatInt(planID, 10), After: map[string]string{"path": path, "title": title}})
	})
}

// AddIndicator adds a target the reading missed to a section of a draft plan.
func (s *Store) AddIndicator(ctx context.Context, planID int64, sectionPath, text string, e IndicatorEdit) error {
	value, low, high, deadline, err := editValues(&e)
	text = strings.TrimSpace(text)
	if text == "" {
		text = e.Metric
	}
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, orgPath, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		if _, _, err := sectionExists(ctx, tx, planID, sectionPath); err != nil {
			return err
		}
		ord, err := nextOrd(ctx, tx, "plan_indicators", planID)
		if err != nil {
			return err
		}
		id := tx.NewID()
		if _, err := tx.Exec(ctx, `INSERT INTO plan_indicators (id, plan_id, section_path, text, metric, comparator, value, low, high,
			unit, per, deadline_year, baseline_year, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, 0, ?)`, id, planID, sectionPath,
			text, e.Metric, e.Comparator, value, low, high, e.Unit, deadline, ord); err != nil {
			return fmt.Errorf("plan: add indicator: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: orgPath, Action: "plan.indicator_add",
			Target: "plan:" + strconv.FormatInt(planID, 10), After: map[string]any{"indicator": id, "section": sectionPath, "metric": e.Metric}})
	})
}

// AddUnit names a lead or cooperating unit of a section the reading missed.
func (s *Store) AddUnit(ctx context.Context, planID int64, sectionPath, role, name string) error {
	name = strings.TrimSpace(name)
	if n := utf8.RuneCountInString(name); n < 2 || n > 60 {
		return valid.New("name", "plan.err.unit_name")
	}
	if role != "lead" && role != "cooperate" {
		return valid.New("role", "plan.err.unit_role")
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		orgID, orgPath, err := draft(ctx, tx, planID)
		if err != nil {
			return err
		}
		if _, _, err := sectionExists(ctx, tx, planID, sectionPath); err != nil {
			return err
		}
		ord, err := nextOrd(ctx, tx, "plan_units", planID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO plan_units (id, plan_id, section_path, role, name, ord) VALUES (?, ?, ?, ?, ?, ?)`,
			tx.NewID(), planID, sectionPath, role, name, ord); err != nil {
			return fmt.Errorf("plan: add unit: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: orgPath, Action: "plan.unit_add",
			Target: "plan:" + strconv.FormatInt(planID, 10), After: map[string]string{"section": sectionPath, "role": role, "name": name}})
	})
}

// nextOrd is the position after the last row of table (plan_indicators or
// plan_units) in plan planID.
func nextOrd(ctx context.Context, tx *db.Tx, table string, planID int64) (int, error) {
	var ord int
	err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(ord), 0) + 1 FROM `+table+` WHERE plan_id = ?`, planID).Scan(&ord)
	return ord, err
}
