package innovation

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// StationKinds are the kinds of station (labels "innovation.kind.<kind>"):
// 院士专家工作站, 专家服务站, 科技服务站.
var StationKinds = []string{"academician", "expert", "service"}

// Grades of a yearly assessment: 优秀, 合格, 不合格.
var Grades = []string{"excellent", "qualified", "unqualified"}

// Outcomes of 动态管理 after an assessment: 保留, 限期整改, 撤销.
var Outcomes = []string{"keep", "rectify", "revoke"}

// Station statuses.
const (
	Active  = "active"  // 运行中
	Revoked = "revoked" // 已撤销
)

// Station is one 专家工作站 an org recognises at an enterprise.
type Station struct {
	ID               int64
	OrgID            int64
	OrgPath, OrgName string
	Kind             string
	Name             string
	Host             string // the host enterprise
	HostUSCC         string
	RegionCode       string
	ExpertPerson     int64
	ExpertName       string
	ExpertEmployer   string
	Founded          time.Time
	Status           string
	Grade            string // the newest assessment's grade, "" when none
	GradeYear        int
}

// Assessment is one row of a station's yearly assessments.
type Assessment struct {
	ID      int64
	Year    int
	Grade   string
	Outcome string
	Note    string
	ByName  string
	At      time.Time
	Current bool // the newest row of its year; older rows were corrected
}

// StationInput is a station as registered: Founded is a date.
type StationInput struct {
	OrgID      int64
	Kind       string
	Name       string
	Host       string
	HostUSCC   string
	RegionCode string
	PersonID   int64
	Founded    string
}

// Register adds a station of an org inside scope, its lead expert a person
// of the talent database visible in scope.
func (s *Store) Register(ctx context.Context, in StationInput, scope access.Scope, by Actor) (int64, error) {
	var errs valid.Errors
	in.Name, in.Host, in.RegionCode = strings.TrimSpace(in.Name), strings.TrimSpace(in.Host), strings.TrimSpace(in.RegionCode)
	if !inList(StationKinds, in.Kind) {
		errs.Add("kind", "innovation.err.station_kind")
	}
	runes(&errs, "name", in.Name, 4, MaxEnterprise, "innovation.err.station_name")
	runes(&errs, "host", in.Host, 2, MaxEnterprise, "innovation.err.enterprise")
	code, err := std.CheckUSCC(in.HostUSCC)
	if err != nil {
		errs.Add("host_uscc", "innovation.err.uscc")
	}
	if !std.Regions().ValidCode(in.RegionCode) {
		errs.Add("region_code", "innovation.err.region")
	}
	founded, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(in.Founded), zone)
	switch {
	case err != nil:
		errs.Add("founded", "innovation.err.date")
	case founded.After(s.db.Now()) || founded.Year() < 1990:
		errs.Add("founded", "innovation.err.founded")
	}
	var e Expert
	if in.PersonID == 0 || s.cfg.Experts == nil {
		errs.Add("person_id", "innovation.err.expert")
	} else if e, err = s.cfg.Experts.Get(ctx, scope, in.PersonID); errors.Is(err, db.ErrNotFound) {
		errs.Add("person_id", "innovation.err.expert")
	} else if err != nil {
		return 0, err
	}
	if in.OrgID == 0 {
		errs.Add("org_id", "innovation.err.org")
	}
	if err := errs.Err(); err != nil {
		return 0, err
	}
	var id int64
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		var path string
		err := tx.QueryRow(ctx, `SELECT path FROM orgs WHERE id = ? AND disabled_at = 0`, in.OrgID).Scan(&path)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !scope.Contains(path)) {
			return valid.New("org_id", "innovation.err.org")
		}
		if err != nil {
			return fmt.Errorf("innovation: register: %w", err)
		}
		// One active station of a kind per host enterprise in an org: a
		// second click registered it twice, counted twice in the figures
		// (integrity review 52). The key makes registrations at once see
		// each other.
		if err := tx.LockKey(ctx, fmt.Sprintf("innovation.station:%d:%s", in.OrgID, code)); err != nil {
			return err
		}
		var same int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM innovation_stations WHERE org_id = ? AND kind = ? AND host_uscc = ? AND status = ?`,
			in.OrgID, in.Kind, code, Active).Scan(&same); err != nil {
			return fmt.Errorf("innovation: register: %w", err)
		}
		if same > 0 {
			return valid.New("host_uscc", "innovation.err.station_exists")
		}
		id = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO innovation_stations (id, org_id, kind, name, host, host_uscc, region_code, expert_person, expert_name,
			expert_employer, founded, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
			id, in.OrgID, in.Kind, in.Name, in.Host, code, in.RegionCode, e.PersonID, e.Name, e.Employer, db.Millis(founded), now, now); err != nil {
			return fmt.Errorf("innovation: register: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: in.OrgID, OrgPath: path, Action: "innovation.station", Target: stationTarget(id),
			After: map[string]any{"name": in.Name, "host": in.Host, "expert": e.Name, "kind": in.Kind}})
	})
	return id, err
}

// Assess records a station's assessment of a year, or corrects it (the
// earlier row is kept); an outcome of 撤销 revokes the station, and a later
// correction to another outcome restores it.
func (s *Store) Assess(ctx context.Context, stationID int64, year int, grade, outcome, note string, by Actor) error {
	var errs valid.Errors
	now := s.db.Now().In(zone).Year()
	if year < 1990 || year > now {
		errs.Add("year", "innovation.err.year")
	}
	if !inList(Grades, grade) {
		errs.Add("grade", "innovation.err.grade")
	}
	if !inList(Outcomes, outcome) {
		errs.Add("outcome", "innovation.err.outcome")
	}
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > MaxReason {
		errs.Add("note", "innovation.err.too_long", MaxReason)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		// The station's row lock: assessments at once are written one after
		// the other, so the station's status is the newest row's outcome
		// (race review 51).
		if err := tx.LockRow(ctx, "innovation_stations", stationID); err != nil {
			return err
		}
		st, err := getStation(ctx, tx, stationID)
		if err != nil {
			return err
		}
		if year < st.Founded.In(zone).Year() {
			return valid.New("year", "innovation.err.year")
		}
		var before string
		_ = tx.QueryRow(ctx, `SELECT grade FROM innovation_assessments WHERE station_id = ? AND year = ? ORDER BY at DESC, id DESC LIMIT 1`,
			stationID, year).Scan(&before)
		if _, err := tx.Exec(ctx, `INSERT INTO innovation_assessments (id, station_id, year, grade, outcome, note, by_user, by_name, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, tx.NewID(), stationID, year, grade, outcome, note, by.UserID, by.Name, db.Millis(tx.Now)); err != nil {
			return fmt.Errorf("innovation: assess %d: %w", stationID, err)
		}
		status := Active
		if outcome == "revoke" {
			status = Revoked
		}
		if _, err := tx.Exec(ctx, `UPDATE innovation_stations SET status = ?, updated_at = ? WHERE id = ?`, status, db.Millis(tx.Now), stationID); err != nil {
			return fmt.Errorf("innovation: assess %d: %w", stationID, err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: st.OrgID, OrgPath: st.OrgPath, Action: "innovation.assess", Target: stationTarget(stationID),
			Before: map[string]any{"grade": before}, After: map[string]any{"year": year, "grade": grade, "outcome": outcome}})
	})
}

const stationCols = `t.id, t.org_id, o.path, o.name, t.kind, t.name, t.host, t.host_uscc, t.region_code, t.expert_person, t.expert_name,
	t.expert_employer, t.founded, t.status,
	COALESCE((SELECT a.grade FROM innovation_assessments a WHERE a.station_id = t.id ORDER BY a.year DESC, a.at DESC, a.id DESC LIMIT 1), ''),
	COALESCE((SELECT a.year FROM innovation_assessments a WHERE a.station_id = t.id ORDER BY a.year DESC, a.at DESC, a.id DESC LIMIT 1), 0)`

func scanStation(row db.Scanner) (Station, error) {
	var st Station
	var founded int64
	err := row.Scan(&st.ID, &st.OrgID, &st.OrgPath, &st.OrgName, &st.Kind, &st.Name, &st.Host, &st.HostUSCC, &st.RegionCode,
		&st.ExpertPerson, &st.ExpertName, &st.ExpertEmployer, &founded, &st.Status, &st.Grade, &st.GradeYear)
	st.Founded = db.Time(founded)
	return st, err
}

func getStation(ctx context.Context, q db.Q, id int64) (Station, error) {
	st, err := scanStation(q.QueryRow(ctx, `SELECT `+stationCols+` FROM innovation_stations t JOIN orgs o ON o.id = t.org_id WHERE t.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return st, &NotFoundError{"station", id}
	}
	if err != nil {
		return st, fmt.Errorf("innovation: station %d: %w", id, err)
	}
	return st, nil
}

// Station returns one station. Callers check access by its org.
func (s *Store) Station(ctx context.Context, id int64) (Station, error) {
	return getStation(ctx, s.db, id)
}

// Assessments lists a station's assessments, newest year first, each
// year's corrections after its current row.
func (s *Store) Assessments(ctx context.Context, stationID int64) ([]Assessment, error) {
	rows, err := s.db.Query(ctx, `SELECT id, year, grade, outcome, note, by_name, at FROM innovation_assessments WHERE station_id = ?
		ORDER BY year DESC, at DESC, id DESC`, stationID)
	if err != nil {
		return nil, fmt.Errorf("innovation: assessments of %d: %w", stationID, err)
	}
	defer rows.Close()
	var out []Assessment
	seen := map[int]bool{}
	for rows.Next() {
		var a Assessment
		var at int64
		if err := rows.Scan(&a.ID, &a.Year, &a.Grade, &a.Outcome, &a.Note, &a.ByName, &at); err != nil {
			return nil, fmt.Errorf("innovation: assessments of %d: %w", stationID, err)
		}
		a.At, a.Current = db.Time(at), !seen[a.Year]
		seen[a.Year] = true
		out = append(out, a)
	}
	return out, rows.Err()
}

// StationFilter selects stations: always within Scope.
type StationFilter struct {
	Scope   access.Scope
	Q       string // the station's, host's or expert's name
	Kind    string
	Status  string
	OrgPath string
	Region  string
	Sort    string // "founded", "name"
	Limit   int
	Offset  int
}

// Stations lists one page of the stations in the filter and how many match.
func (s *Store) Stations(ctx context.Context, f StationFilter) ([]Station, int, error) {
	cond, args, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
	if !ok {
		return nil, 0, nil
	}
	where := []string{cond}
	if f.Kind != "" {
		where, args = append(where, "t.kind = ?"), append(args, f.Kind)
	}
	if f.Status != "" {
		where, args = append(where, "t.status = ?"), append(args, f.Status)
	}
	if f.Region != "" {
		where, args = append(where, `t.region_code LIKE ? ESCAPE '\'`), append(args, db.LikeEscape(std.RegionPrefix(f.Region))+"%")
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(t.name LIKE ? ESCAPE '\' OR t.host LIKE ? ESCAPE '\' OR t.expert_name LIKE ? ESCAPE '\')`), append(args, like, like, like)
	}
	if f.Limit <= 0 || f.Limit > 10000 {
		f.Limit = 50
	}
	order := db.Order(f.Sort, map[string]string{"founded": "t.founded", "name": "pinyin(t.name)"}, "t.founded DESC")
	rows, err := s.db.Query(ctx, `SELECT `+stationCols+`, COUNT(*) OVER() FROM innovation_stations t JOIN orgs o ON o.id = t.org_id WHERE `+
		strings.Join(where, " AND ")+` ORDER BY `+order+`, t.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("innovation: stations: %w", err)
	}
	defer rows.Close()
	var out []Station
	total := 0
	for rows.Next() {
		var st Station
		var founded int64
		if err := rows.Scan(&st.ID, &st.OrgID, &st.OrgPath, &st.OrgName, &st.Kind, &st.Name, &st.Host, &st.HostUSCC, &st.RegionCode,
			&st.ExpertPerson, &st.ExpertName, &st.ExpertEmployer, &founded, &st.Status, &st.Grade, &st.GradeYear, &total); err != nil {
			return nil, 0, fmt.Errorf("innovation: stations: %w", err)
		}
		st.Founded = db.Time(founded)
		out = append(out, st)
	}
	return out, total, rows.Err()
}

func regionName(code string) string { return std.Regions().FullName(code) }

// RegionName is the station's region in full, for templates.
func (st Station) RegionName() string { return regionName(st.RegionCode) }

// RegionName is the need's region in full, for templates.
func (n Need) RegionName() string { return regionName(n.RegionCode) }
