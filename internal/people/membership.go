package people

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/std"
	"kexie/internal/valid"
)

// Membership grades, statuses and unit kinds.
var (
	Grades    = []string{"member", "senior", "fellow"}
	Statuses  = []string{"active", "suspended", "lapsed"}
	UnitKinds = []string{"company", "university", "institute", "other"}
)

// Membership is a person's membership of an org (a 科协 or a 学会).
type Membership struct {
	ID       int64
	PersonID int64
	OrgID    int64
	OrgName  string
	OrgPath  string
	MemberNo string
	Grade    string
	Roles    string
	JoinedOn string
	Status   string
}

// MembershipInput is what staff enter.
type MembershipInput struct {
	PersonID int64
	OrgID    int64
	MemberNo string
	Grade    string
	Roles    string
	JoinedOn string
	Status   string
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if s == v {
			return true
		}
	}
	return false
}

func checkDate(field, v string, errs *valid.Errors) {
	if v == "" {
		return
	}
	d, err := time.Parse("2006-01-02", v)
	if err != nil || d.Year() < 1900 || d.After(time.Now().AddDate(0, 0, 1)) {
		errs.Add(field, "people.err.date")
	}
}

// AddMembership records a membership; a person holds at most one per org.
func (s *Store) AddMembership(ctx context.Context, in MembershipInput) (Membership, error) {
	var errs valid.Errors
	in.MemberNo, in.Roles, in.JoinedOn = strings.TrimSpace(in.MemberNo), normalizeCategories(in.Roles), strings.TrimSpace(in.JoinedOn)
	if in.Status == "" {
		in.Status = "active"
	}
	if !oneOf(in.Grade, Grades) {
		errs.Add("grade", "people.err.grade")
	}
	if !oneOf(in.Status, Statuses) {
		errs.Add("status", "people.err.status")
	}
	if utf8.RuneCountInString(in.MemberNo) > 40 {
		errs.Add("member_no", "people.err.too_long", 40)
	}
	if utf8.RuneCountInString(in.Roles) > 100 {
		errs.Add("roles", "people.err.too_long", 100)
	}
	checkDate("joined_on", in.JoinedOn, &errs)
	if err := errs.Err(); err != nil {
		return Membership{}, err
	}
	m := Membership{PersonID: in.PersonID, OrgID: in.OrgID, MemberNo: in.MemberNo, Grade: in.Grade, Roles: in.Roles,
		JoinedOn: in.JoinedOn, Status: in.Status}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := lookupOrg(ctx, tx, "org_code", in.OrgID)
		if err != nil {
			return err
		}
		m.OrgName, m.OrgPath = o.Name, o.Path
		var n int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM memberships WHERE person_id = ? AND org_id = ?`, in.PersonID, in.OrgID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return valid.New("org_code", "people.err.member_twice")
		}
		m.ID = tx.NewID()
		now := db.Millis(tx.Now)
		if _, err := tx.Exec(ctx, `INSERT INTO memberships (id, person_id, org_id, member_no, grade, roles, joined_on, status,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.ID, m.PersonID, m.OrgID, m.MemberNo, m.Grade,
			m.Roles, m.JoinedOn, m.Status, now, now); err != nil {
			if db.IsForeignKeyViolation(err) {
				return valid.New("", "people.err.person")
			}
			if db.IsUniqueViolation(err) { // added at the same moment by someone else (race review 51)
				return valid.New("org_code", "people.err.member_twice")
			}
			return fmt.Errorf("people: add membership: %w", err)
		}
		// The grade shows in talent search (the membership facet).
		if err := logChange(ctx, tx, m.PersonID); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: m.OrgID, OrgPath: m.OrgPath, Action: "member.add", Target: target(m.PersonID),
			After: map[string]string{"grade": m.Grade, "member_no": m.MemberNo, "roles": m.Roles}})
	})
	return m, err
}

// Memberships lists a person's memberships in orgs inside scope.
func (s *Store) Memberships(ctx context.Context, personID int64, scope access.Scope) ([]Membership, error) {
	if scope.None() {
		return nil, nil
	}
	q := `SELECT m.id, m.person_id, m.org_id, o.name, o.path, m.member_no, m.grade, m.roles, m.joined_on, m.status
		FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = ?`
	c, a := db.ScopeCond(s.db, "o.path", scope)
	q, args := q+" AND "+c, append([]any{personID}, a...)
	rows, err := s.db.Query(ctx, q+" ORDER BY o.depth, o.name_key, o.id", args...)
	if err != nil {
		return nil, fmt.Errorf("people: memberships: %w", err)
	}
	defer rows.Close()
	var out []Membership
	for rows.Next() {
		var m Membership
		if err := rows.Scan(&m.ID, &m.PersonID, &m.OrgID, &m.OrgName, &m.OrgPath, &m.MemberNo, &m.Grade, &m.Roles, &m.JoinedOn, &m.Status); err != nil {
			return nil, fmt.Errorf("people: memberships: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Unit is a unit (团体) member of an org.
type Unit struct {
	ID       int64
	OrgID    int64
	OrgName  string
	Name     string
	USCC     string
	Kind     string
	JoinedOn string
	Status   string
}

// AddUnit records a unit member; its credit code is checked (GB 32100).
func (s *Store) AddUnit(ctx context.Context, u Unit) (Unit, error) {
	var errs valid.Errors
	u.Name = strings.TrimSpace(u.Name)
	if n := utf8.RuneCountInString(u.Name); n == 0 || n > 100 {
		errs.Add("name", "people.err.unit_name")
	}
	code, err := std.CheckUSCC(u.USCC)
	var ue *std.USCCError
	if errors.As(err, &ue) {
		errs.Add("uscc", "people.err."+strings.ReplaceAll(ue.Code, ".", "_"))
	}
	u.USCC = code
	if !oneOf(u.Kind, UnitKinds) {
		errs.Add("kind", "people.err.unit_kind")
	}
	if u.Status == "" {
		u.Status = "active"
	}
	checkDate("joined_on", strings.TrimSpace(u.JoinedOn), &errs)
	if err := errs.Err(); err != nil {
		return u, err
	}
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		o, err := lookupOrg(ctx, tx, "org_id", u.OrgID)
		if err != nil {
			return err
		}
		u.OrgName = o.Name
		u.ID = tx.NewID()
		_, err = tx.Exec(ctx, `INSERT INTO unit_members (id, org_id, name, uscc, kind, joined_on, status, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, u.ID, u.OrgID, u.Name, u.USCC, u.Kind, strings.TrimSpace(u.JoinedOn), u.Status, db.Millis(tx.Now))
		if db.IsUniqueViolation(err) {
			return valid.New("uscc", "people.err.unit_twice")
		}
		if err != nil {
			return fmt.Errorf("people: add unit: %w", err)
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: u.OrgID, OrgPath: o.Path, Action: "member.unit_add",
			Target: "unit:" + strconv.FormatInt(u.ID, 10), After: map[string]string{"name": u.Name, "uscc": u.USCC}})
	})
	return u, err
}

// Units lists unit members inside scope, one page, with the total.
func (s *Store) Units(ctx context.Context, scope access.Scope, q string, limit, offset int) ([]Unit, int, error) {
	if scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", scope)
	where := []string{c}
	if q = strings.TrimSpace(q); q != "" {
		where, args = append(where, `(u.name LIKE ? ESCAPE '\' OR u.uscc = ?)`), append(args, "%"+db.LikeEscape(q)+"%", strings.ToUpper(q))
	}
	// A count of its own, then the page (D266).
	from := ` FROM unit_members u JOIN orgs o ON o.id = u.org_id WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT u.id, u.org_id, o.name, u.name, u.uscc, u.kind, u.joined_on, u.status` + from + ` ORDER BY u.name_key, u.id LIMIT ? OFFSET ?`,
		Args:   args, Limit: limit, Offset: offset,
	}, func(r db.Scanner) (Unit, error) {
		var u Unit
		return u, r.Scan(&u.ID, &u.OrgID, &u.OrgName, &u.Name, &u.USCC, &u.Kind, &u.JoinedOn, &u.Status)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("people: units: %w", err)
	}
	return out, total, nil
}
