package society

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kexie/internal/db"
	"kexie/internal/valid"
)

// ChangeKinds are the nine 变更事项 a report declares, each with the date
// the registrar approved it.
var ChangeKinds = []string{"name", "address", "legal_rep", "scope", "capital", "supervisor", "charter", "leaders", "branches"}

// Change is one 变更事项 of the year.
type Change struct {
	Kind       string `json:"kind"`
	ApprovedOn string `json:"approved_on"` // yyyy-mm-dd
	Note       string `json:"note,omitempty"`
}

// Form is the annual report (年度工作报告) as the society fills it in.
// Members is prefilled from the platform's membership records.
type Form struct {
	Activities     int      `json:"activities"`      // 开展活动
	AcademicEvents int      `json:"academic_events"` // 学术会议
	Members        int      `json:"members"`         // 个人会员
	UnitMembers    int      `json:"unit_members"`    // 单位会员
	IncomeTotal    int64    `json:"income_total"`    // 元
	IncomeDues     int64    `json:"income_dues"`     // 会费
	IncomeGov      int64    `json:"income_gov"`      // 政府购买服务、补助
	IncomeService  int64    `json:"income_service"`  // 提供服务收入
	Expense        int64    `json:"expense"`
	StaffFull      int      `json:"staff_full"`
	StaffPart      int      `json:"staff_part"`
	Branches       int      `json:"branches"`
	Meetings       int      `json:"meetings"`  // 会员（代表）大会、理事会
	Elections      int      `json:"elections"` // 换届选举
	Changes        []Change `json:"changes"`
	Summary        string   `json:"summary"`
}

// Check validates the form for year.
func (f *Form) Check(year int) valid.Errors {
	var errs valid.Errors
	for k, v := range map[string]int64{"activities": int64(f.Activities), "academic_events": int64(f.AcademicEvents),
		"members": int64(f.Members), "unit_members": int64(f.UnitMembers), "income_total": f.IncomeTotal,
		"income_dues": f.IncomeDues, "income_gov": f.IncomeGov, "income_service": f.IncomeService, "expense": f.Expense,
		"staff_full": int64(f.StaffFull), "staff_part": int64(f.StaffPart), "branches": int64(f.Branches),
		"meetings": int64(f.Meetings), "elections": int64(f.Elections)} {
		if v < 0 {
			errs.Add(k, "society.err.negative")
		}
	}
	if f.IncomeDues+f.IncomeGov+f.IncomeService > f.IncomeTotal {
		errs.Add("income_total", "society.err.income_sum")
	}
	f.Summary = strings.TrimSpace(f.Summary)
	if utf8.RuneCountInString(f.Summary) > 5000 {
		errs.Add("summary", "society.err.long", 5000)
	}
	seen := map[string]bool{}
	for i, c := range f.Changes {
		field := fmt.Sprintf("changes.%d", i)
		if !oneOf(c.Kind, ChangeKinds) {
			errs.Add(field, "society.err.change_kind")
			continue
		}
		if seen[c.Kind] {
			errs.Add(field, "society.err.change_twice")
		}
		seen[c.Kind] = true
		t, err := time.Parse("2006-01-02", c.ApprovedOn)
		switch {
		case c.ApprovedOn == "" || err != nil:
			errs.Add(field, "society.err.change_date")
		case t.Year() != year:
			errs.Add(field, "society.err.change_year", year)
		}
	}
	return errs
}

// Report is one society's annual report for one year.
type Report struct {
	ID         int64
	OrgID      int64
	OrgName    string
	Year       int
	Status     string
	Form       Form
	Deadline   time.Time
	FirstFiled time.Time
	FiledAt    time.Time
	Late       bool
	FiledBy    int64
	CheckedBy  int64
	CheckedAt  time.Time
	Comment    string
	UpdatedAt  time.Time
}

// Editable reports whether the society may still change the report.
func (r Report) Editable() bool { return r.Status == ReportDraft || r.Status == ReportReturned }

const reportCols = `r.id, r.org_id, o.name, r.year, r.status, r.form, r.deadline, r.first_filed, r.filed_at, r.late, r.filed_by,
	r.checked_by, r.checked_at, r.comment, r.updated_at`

func scanReport(row db.Scanner) (Report, error) {
	var r Report
	var form string
	var deadline, first, filed, checked, updated int64
	var late int
	if err := row.Scan(&r.ID, &r.OrgID, &r.OrgName, &r.Year, &r.Status, &form, &deadline, &first, &filed, &late, &r.FiledBy,
		&r.CheckedBy, &checked, &r.Comment, &updated); err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(form), &r.Form); err != nil {
		return r, fmt.Errorf("society: report %d form: %w", r.ID, err)
	}
	r.Deadline, r.FirstFiled, r.FiledAt, r.CheckedAt, r.UpdatedAt = tm(deadline), tm(first), tm(filed), tm(checked), tm(updated)
	r.Late = late == 1
	return r, nil
}

// GetReport returns the society's report for year; a report not started
// yet is a *NotFoundError.
func (s *Store) GetReport(ctx context.Context, orgID int64, year int) (Report, error) {
	return getReport(ctx, s.db, orgID, year)
}

func getReport(ctx context.Context, q db.Q, orgID int64, year int) (Report, error) {
	r, err := scanReport(q.QueryRow(ctx, `SELECT `+reportCols+` FROM society_reports r JOIN orgs o ON o.id = r.org_id
		WHERE r.org_id = ? AND r.year = ?`, orgID, year))
	if errors.Is(err, sql.ErrNoRows) {
		return r, &NotFoundError{"report", orgID}
	}
	if err != nil {
		return r, fmt.Errorf("society: report %d/%d: %w", orgID, year, err)
	}
	return r, nil
}

// NewForm is a blank report for year with what the platform knows filled
// in: members on record, dues received, staff and branches from the profile.
func (s *Store) NewForm(ctx context.Context, orgID int64, year int) (Form, error) {
	var f Form
	end := time.Date(year+1, 1, 1, 0, 0, 0, 0, s.cfg.Loc).UTC()
	start := time.Date(year, 1, 1, 0, 0, 0, 0, s.cfg.Loc).UTC()
	err := s.db.QueryRow(ctx, `SELECT
		(SELECT COUNT(DISTINCT t.member_id) FROM member_terms t JOIN member_tiers k ON k.id = t.tier_id
		  WHERE t.org_id = ? AND t.status = 'active' AND k.kind = 'individual' AND t.starts_on < ? AND (t.ends_on = 0 OR t.ends_on >= ?)),
		(SELECT COUNT(DISTINCT t.member_id) FROM member_terms t JOIN member_tiers k ON k.id = t.tier_id
		  WHERE t.org_id = ? AND t.status = 'active' AND k.kind = 'unit' AND t.starts_on < ? AND (t.ends_on = 0 OR t.ends_on >= ?)),
		(SELECT COALESCE(SUM(amount_cents), 0) FROM member_invoices WHERE org_id = ? AND status = 'paid' AND paid_at >= ? AND paid_at < ?),
		(SELECT COUNT(*) FROM society_facts WHERE org_id = ? AND kind IN ('branch', 'office'))`,
		orgID, db.Millis(end), db.Millis(end), orgID, db.Millis(end), db.Millis(end), orgID, db.Millis(start), db.Millis(end), orgID).
		Scan(&f.Members, &f.UnitMembers, &f.IncomeDues, &f.Branches)
	if err != nil {
		return f, fmt.Errorf("society: prefill %d/%d: %w", orgID, year, err)
	}
	f.IncomeDues /= 100
	f.IncomeTotal = f.IncomeDues
	p, err := s.GetProfile(ctx, orgID)
	if err != nil {
		return f, err
	}
	f.StaffFull, f.StaffPart = p.StaffFull, p.StaffPart
	f.Changes = []Change{}
	return f, nil
}

// Reports lists a society's reports, newest year first.
func (s *Store) Reports(ctx context.Context, orgID int64) ([]Report, error) {
	rows, err := s.db.Query(ctx, `SELECT `+reportCols+` FROM society_reports r JOIN orgs o ON o.id = r.org_id
		WHERE r.org_id = ? ORDER BY r.year DESC`, orgID)
	if err != nil {
		return nil, fmt.Errorf("society: reports %d: %w", orgID, err)
	}
	defer rows.Close()
	var out []Report
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// LastDay is the last day to file the report on time.
func (r Report) LastDay() time.Time { return r.Deadline.Add(-time.Second) }
