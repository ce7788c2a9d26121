package plan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/valid"
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

// ownKexie matches how a plan names the 科协 that issues it.
var ownKexie = regexp.MustCompile(`^[省市县区州盟旗]科协$`)

// UnitChoice is what staff decide for a unit name the document gives:
// link it to an existing org, create it under the plan's org with the type
// they choose, or leave it unlinked.
type UnitChoice struct {
	Name  string
	OrgID int64    // an existing org in the plan org's subtree
	New   bool     // create an org of this name
	Type  org.Type // of the new org (NewUnitTypes; empty: GuessUnitType)
}

// UnitName is a distinct unit name of a plan with its link and the orgs of
// the same name that it could be linked to.
type UnitName struct {
	Name       string
	OrgID      int64
	OrgName    string
	Sections   int
	Candidates []org.Org
	Guess      org.Type // the type proposed should it be created
}

// UnitNames lists the distinct unit names of a plan, with the orgs of the
// plan org's subtree whose name or short name equals them.
func (s *Store) UnitNames(ctx context.Context, planID int64) ([]UnitName, error) {
	var own org.Org
	if err := s.db.QueryRow(ctx, `SELECT o.id, o.name, o.short_name, o.path FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`,
		planID).Scan(&own.ID, &own.Name, &own.ShortName, &own.Path); err != nil {
		return nil, fmt.Errorf("plan %d: %w", planID, db.ErrNotFound)
	}
	orgPath := own.Path
	rows, err := s.db.Query(ctx, `SELECT u.name, COALESCE(MAX(u.org_id), 0), COALESCE(MAX(o.name), ''), COUNT(*), MIN(u.ord)
		FROM plan_units u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.plan_id = ? GROUP BY u.name ORDER BY MIN(u.ord)`, planID)
	if err != nil {
		return nil, fmt.Errorf("plan: unit names: %w", err)
	}
	var out []UnitName
	for rows.Next() {
		var u UnitName
		var ord int
		if err := rows.Scan(&u.Name, &u.OrgID, &u.OrgName, &u.Sections, &ord); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	// Orgs of the subtree with one of these names, in one query.
	names := make([]any, 0, 2*len(out)+1)
	marks := make([]string, len(out))
	for i, u := range out {
		names = append(names, u.Name)
		marks[i] = "?"
	}
	for _, u := range out {
		names = append(names, u.Name)
	}
	cond, args := db.ScopeCond(s.db, "path", access.Subtrees(orgPath))
	q := `SELECT id, name, short_name, path FROM orgs WHERE (name IN (` + strings.Join(marks, ",") + `) OR short_name IN (` +
		strings.Join(marks, ",") + `)) AND ` + cond + ` ORDER BY path`
	crow, err := s.db.Query(ctx, q, append(names, args...)...)
	if err != nil {
		return nil, fmt.Errorf("plan: unit candidates: %w", err)
	}
	defer crow.Close()
	at := map[string]int{}
	for i, u := range out {
		at[u.Name] = i
		out[i].Guess = GuessUnitType(u.Name)
	}
	// "省科协", "市科协", "县科协": the plan's own 科协.
	for i, u := range out {
		if ownKexie.MatchString(u.Name) {
			out[i].Candidates = append(out[i].Candidates, own)
		}
	}
	for crow.Next() {
		var o org.Org
		if err := crow.Scan(&o.ID, &o.Name, &o.ShortName, &o.Path); err != nil {
			return nil, err
		}
		for _, n := range []string{o.Name, o.ShortName} {
			if i, ok := at[n]; ok && n != "" && (len(out[i].Candidates) == 0 || out[i].Candidates[0].ID != o.ID) {
				out[i].Candidates = append(out[i].Candidates, o)
				break
			}
		}
	}
	return out, crow.Err()
}

// LinkUnits applies staff's choices for a plan's unit names in one
// transaction: new government departments are created under the plan's org,
// every unit row of a name gets its org, and each indicator not yet
// assigned goes to the first lead unit of its nearest section that has one.
// It returns how many orgs were created.
func (s *Store) LinkUnits(ctx context.Context, planID int64, choices []UnitChoice) (created int, err error) {
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		created = 0
		status, orgID, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status == "closed" {
			return valid.New("", "plan.err.closed")
		}
		for _, c := range choices {
			id := c.OrgID
			switch {
			case c.New:
				typ := c.Type
				if typ == "" {
					typ = GuessUnitType(c.Name)
				} else if !newUnitType(typ) {
					return valid.New("unit", "plan.err.unit_type", c.Name)
				}
				// No code: the org store makes a readable one (510100-BM-03).
				o, err := s.orgs.CreateTx(ctx, tx, org.Input{ParentID: orgID, Name: c.Name, Type: typ,
					Note: "plan " + strconv.FormatInt(planID, 10)})
				if err != nil {
					return err
				}
				id = o.ID
				created++
			case id != 0:
				if in, err := inSubtree(ctx, tx, id, path); err != nil {
					return err
				} else if !in {
					return valid.New("unit", "plan.err.unit_outside", c.Name)
				}
			}
			var link any
			if id != 0 {
				link = id
			}
			if _, err := tx.Exec(ctx, `UPDATE plan_units SET org_id = ? WHERE plan_id = ? AND name = ?`, link, planID, c.Name); err != nil {
				return fmt.Errorf("plan: link unit: %w", err)
			}
		}
		n, err := autoAssign(ctx, tx, planID)
		if err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.units_link", Target: target(planID),
			After: map[string]any{"choices": len(choices), "created": created, "assigned": n}})
	})
	return created, err
}

// autoAssign gives each unassigned indicator of a plan the first linked lead
// unit of its section or the nearest enclosing section.
func autoAssign(ctx context.Context, tx *db.Tx, planID int64) (int, error) {
	lead := map[string]int64{}
	rows, err := tx.Query(ctx, `SELECT section_path, org_id FROM plan_units WHERE plan_id = ? AND role = 'lead' AND org_id IS NOT NULL
		ORDER BY ord`, planID)
	if err != nil {
		return 0, fmt.Errorf("plan: leads: %w", err)
	}
	for rows.Next() {
		var p string
		var id int64
		if err := rows.Scan(&p, &id); err != nil {
			rows.Close()
			return 0, err
		}
		if _, ok := lead[p]; !ok {
			lead[p] = id
		}
	}
	rows.Close()
	type row struct {
		id   int64
		path string
	}
	var todo []row
	rows, err = tx.Query(ctx, `SELECT id, section_path FROM plan_indicators WHERE plan_id = ? AND org_id IS NULL`, planID)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.path); err != nil {
			rows.Close()
			return 0, err
		}
		todo = append(todo, r)
	}
	rows.Close()
	n := 0
	for _, r := range todo {
		p := r.path
		for {
			if id, ok := lead[p]; ok {
				if _, err := tx.Exec(ctx, `UPDATE plan_indicators SET org_id = ? WHERE id = ?`, id, r.id); err != nil {
					return n, err
				}
				n++
				break
			}
			i := strings.LastIndex(p, "/")
			if i < 0 {
				break
			}
			p = p[:i]
		}
	}
	return n, nil
}

// Assign makes org the responsible unit of an indicator; it must be the
// plan's org or inside its subtree.
func (s *Store) Assign(ctx context.Context, planID, indicatorID, orgID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		status, pOrg, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status == "closed" {
			return valid.New("", "plan.err.closed")
		}
		if in, err := inSubtree(ctx, tx, orgID, path); err != nil {
			return err
		} else if !in {
			return valid.New("org_id", "plan.err.assign_outside")
		}
		res, err := tx.Exec(ctx, `UPDATE plan_indicators SET org_id = ? WHERE id = ? AND plan_id = ?`, orgID, indicatorID, planID)
		if err != nil {
			return fmt.Errorf("plan: assign: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("plan indicator %d: %w", indicatorID, db.ErrNotFound)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: pOrg, OrgPath: path, Action: "plan.assign", Target: target(planID),
			After: map[string]int64{"indicator": indicatorID, "org": orgID}})
	})
}

// Close ends a plan: no more progress is filed or accepted.
func (s *Store) Close(ctx context.Context, planID int64) error {
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		status, orgID, path, _, _, err := planState(ctx, tx, planID)
		if err != nil {
			return err
		}
		if status != "published" {
			return valid.New("", "plan.err.not_published")
		}
		if _, err := tx.Exec(ctx, `UPDATE plans SET status = 'closed', updated_at = ? WHERE id = ?`, db.Millis(tx.Now), planID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: orgID, OrgPath: path, Action: "plan.close", Target: target(planID)})
	})
}

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

// Task is an indicator a unit reports on, for its to-do list.
type Task struct {
	StoredIndicator
	PlanID    int64
	PlanTitle string
	StartYear int
	EndYear   int
	Pending   int  // entries waiting for review
	DueNow    bool // nothing filed for the current quarter or year
}

// Tasks lists the indicators of published plans assigned to orgs inside
// scope, with what is due at the current quarter. Targets bound to a live
// source are left out: the platform computes them.
func (s *Store) Tasks(ctx context.Context, scope access.Scope, limit int) ([]Task, error) {
	if scope.None() {
		return nil, nil
	}
	now := s.now()
	y, q := now.Year(), int(now.Month()-1)/3+1
	sqlq := `SELECT i.id, i.section_path, i.text, i.metric, i.comparator, i.value, i.low, i.high, i.unit, i.per, i.deadline_year,
		i.baseline_value, i.baseline_year, i.org_id, o.name, i.latest_value, i.latest_year, i.latest_quarter,
		i.plan_id, p.title, p.start_year, p.end_year,
		(SELECT COUNT(*) FROM plan_progress e WHERE e.indicator_id = i.id AND e.state = 'submitted'),
		(SELECT COUNT(*) FROM plan_progress e WHERE e.indicator_id = i.id AND e.state IN ('submitted', 'accepted') AND e.year = ? AND (e.quarter = ? OR e.quarter = 0))
		FROM plan_indicators i JOIN plans p ON p.id = i.plan_id JOIN orgs o ON o.id = i.org_id WHERE p.status = 'published'
		AND NOT EXISTS (SELECT 1 FROM plan_indicator_sources b WHERE b.indicator_id = i.id)`
	c, a := db.ScopeCond(s.db, "o.path", scope)
	sqlq += " AND " + c
	args := append([]any{y, q}, a...)
	sqlq += " ORDER BY p.created_at DESC, i.ord LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.Query(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("plan: tasks: %w", err)
	}
	defer rows.Close()
	var out []Task
	for rows.Next() {
		var t Task
		var filed int
		if err := scanIndicator(rows, &t.StoredIndicator, &t.PlanID, &t.PlanTitle, &t.StartYear, &t.EndYear, &t.Pending, &filed); err != nil {
			return nil, err
		}
		t.Assessment = t.Indicator.Assess(t.Latest, t.StartYear, t.EndYear, now)
		t.DueNow = filed == 0 && y >= t.StartYear && y <= t.EndYear
		out = append(out, t)
	}
	return out, rows.Err()
}

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

// Comparison is one plan's indicator matching a metric, for comparing the
// plans of a subtree side by side.
type Comparison struct {
	Task
	PlanOrg string
}

// Compare finds the indicators of published or closed plans inside scope
// whose metric contains metric (e.g. 科学素质), one row per indicator.
func (s *Store) Compare(ctx context.Context, scope access.Scope, metric string, limit int) ([]Comparison, error) {
	metric = strings.TrimSpace(metric)
	if scope.None() || metric == "" {
		return nil, nil
	}
	sqlq := `SELECT i.id, i.section_path, i.text, i.metric, i.comparator, i.value, i.low, i.high, i.unit, i.per, i.deadline_year,
		i.baseline_value, i.baseline_year, COALESCE(i.org_id, 0), COALESCE(u.name, ''), i.latest_value, i.latest_year, i.latest_quarter,
		i.plan_id, p.title, p.start_year, p.end_year, po.name
		FROM plan_indicators i JOIN plans p ON p.id = i.plan_id JOIN orgs po ON po.id = p.org_id LEFT JOIN orgs u ON u.id = i.org_id
		WHERE p.status <> 'draft' AND i.metric LIKE ? ESCAPE '\'`
	c, a := db.ScopeCond(s.db, "po.path", scope)
	sqlq += " AND " + c
	args := append([]any{"%" + db.LikeEscape(metric) + "%"}, a...)
	sqlq += " ORDER BY po.path, p.created_at LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.Query(ctx, sqlq, args...)
	if err != nil {
		return nil, fmt.Errorf("plan: compare: %w", err)
	}
	defer rows.Close()
	var out []Comparison
	now := s.now()
	for rows.Next() {
		var c Comparison
		if err := scanIndicator(rows, &c.StoredIndicator, &c.PlanID, &c.PlanTitle, &c.StartYear, &c.EndYear, &c.PlanOrg); err != nil {
			return nil, err
		}
		c.Assessment = c.Indicator.Assess(c.Latest, c.StartYear, c.EndYear, now)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	targets := make([]boundTarget, len(out))
	for i := range out {
		targets[i] = boundTarget{&out[i].StoredIndicator, out[i].StartYear, out[i].EndYear}
	}
	if err := s.measureBound(ctx, targets); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PlanOrg < out[j].PlanOrg })
	return out, rows.Err()
}

// IndicatorOrg finds the org an indicator route touches: its responsible
// unit, or the plan's org while it has none.
func (s *Store) indicatorOrg(ctx context.Context, planID, indicatorID int64) (id int64, path string, err error) {
	err = s.db.QueryRow(ctx, `SELECT o.id, o.path FROM plan_indicators i JOIN plans p ON p.id = i.plan_id
		JOIN orgs o ON o.id = COALESCE(i.org_id, p.org_id) WHERE i.id = ? AND i.plan_id = ?`, indicatorID, planID).Scan(&id, &path)
	return id, path, err
}
