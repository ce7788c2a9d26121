package youth

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
)

// Filter selects enrolments: always within Scope (the programme's org).
type Filter struct {
	Scope       access.Scope
	Q           string // the student's name or school, or a certificate number
	Status      string
	Kind        string // the programme's kind
	ProgrammeID int64
	Band        string // a grade band
	OrgPath     string
	Applicant   int64  // only what this user applied for (their own list; no scope needed)
	Sort        string // "applied", "name", "grade"
	Limit       int
	Offset      int
}

var enrolSorts = map[string]string{"applied": "e.applied_at", "name": "e.student_name", "grade": "e.grade"}

// where builds the filter's conditions on youth_enrolments e alone; ok is
// false when nothing can match.
func (s *Store) where(f Filter) (string, []any, bool) {
	if f.Applicant != 0 {
		f.Scope = access.Everywhere()
	}
	var where []string
	var args []any
	// With every org in scope and no org filter the list needs no condition.
	if !f.Scope.All() || f.OrgPath != "" {
		cond, a, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
		if !ok {
			return "", nil, false
		}
		where, args = append(where, "e.org_id IN (SELECT o.id FROM orgs o WHERE "+cond+")"), a
	}
	if f.Applicant != 0 {
		where, args = append(where, "e.applicant_user = ?"), append(args, f.Applicant)
	}
	if f.Status != "" {
		where, args = append(where, "e.status = ?"), append(args, f.Status)
	}
	if f.ProgrammeID != 0 {
		where, args = append(where, "e.programme_id = ?"), append(args, f.ProgrammeID)
	}
	if f.Kind != "" {
		where, args = append(where, "e.programme_id IN (SELECT p.id FROM youth_programmes p WHERE p.kind = ?)"), append(args, f.Kind)
	}
	switch f.Band {
	case "primary":
		where = append(where, "e.grade BETWEEN 1 AND 6")
	case "junior":
		where = append(where, "e.grade BETWEEN 7 AND 9")
	case "senior":
		where = append(where, "e.grade BETWEEN 10 AND 12")
	}
	if q := strings.TrimSpace(f.Q); utf8.RuneCountInString(q) > MaxSearch {
		where = append(where, "1 = 0") // no name, school or title is that long
	} else if q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where, args = append(where, `(e.student_name LIKE ? ESCAPE '\' OR e.school LIKE ? ESCAPE '\' OR e.certificate = ?)`), append(args, like, like, strings.ToUpper(q))
	}
	if len(where) == 0 {
		return "1=1", args, true
	}
	return strings.Join(where, " AND "), args, true
}

// List lists one page of the enrolments in the filter and how many match:
// a count, then the page (as voice does). No contact is ever read here.
func (s *Store) List(ctx context.Context, f Filter) ([]Enrolment, int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return nil, 0, nil
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*) FROM youth_enrolments e WHERE ` + where,
		Select: `SELECT ` + enrolmentCols + enrolmentFrom + ` WHERE ` + where + ` ORDER BY ` + db.Order(f.Sort, enrolSorts, "e.applied_at DESC") + `, e.id DESC LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset}, scanEnrolment)
	if err != nil {
		return nil, 0, fmt.Errorf("youth: enrolments: %w", err)
	}
	return out, total, nil
}

// ToDecide counts the applications inside scope waiting for a decision
// (the home page's 待办).
func (s *Store) ToDecide(ctx context.Context, scope access.Scope) (int, error) {
	where, args, ok := s.where(Filter{Scope: scope, Status: Pending})
	if !ok {
		return 0, nil
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM youth_enrolments e WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("youth: to decide: %w", err)
	}
	return n, nil
}

// ExportHeaders are the columns of the enrolments' export: never a
// guardian, a contact or an ID number.
var ExportHeaders = []string{"序号", "学生姓名", "学校", "年级", "活动", "活动类型", "主办单位", "状态", "申请人身份", "申请时间", "出勤天数", "证书编号"}

// Export writes every enrolment of the filter (not one page), labelled by t.
func (s *Store) Export(ctx context.Context, f Filter, t func(string, ...any) string) (sheet.Table, error) {
	tab := sheet.Table{Sheet: t("youth.title.enrolments"), Headers: ExportHeaders}
	f.Limit, f.Offset = 1000, 0
	for {
		list, _, err := s.List(ctx, f)
		if err != nil {
			return tab, err
		}
		for _, e := range list {
			tab.Rows = append(tab.Rows, []string{strconv.Itoa(len(tab.Rows) + 1), e.StudentName, e.School, t(GradeLabel(e.Grade)), e.ProgrammeTitle,
				t("youth.kind." + e.ProgrammeKind), e.OrgName, t("youth.enrol." + e.Status), t("youth.as." + e.AppliedAs), sheet.DateTime(e.AppliedAt),
				strconv.Itoa(e.Present), e.Certificate})
		}
		if len(list) < f.Limit {
			return tab, nil
		}
		f.Offset += f.Limit
	}
}
