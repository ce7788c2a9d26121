package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/calendar"
	"kexie/internal/db"
)

// LibraryFilter selects final results (成果库) for staff: always within Scope
// (the calls' orgs).
type LibraryFilter struct {
	Scope  access.Scope
	Q      string // in the title, the applicant's name or the call's title
	Kind   string
	Year   int // the year the results became final
	Sort   string
	Limit  int
	Offset int
}

// LibraryRow is one final result in the library.
type LibraryRow struct {
	AppID        int64
	Title        string
	Name         string
	Employer     string
	CallID       int64
	CallTitle    string
	Kind         string
	OrgName      string
	FinalAt      time.Time
	Score        float64 // at the last expert-review stage; 0 if none
	Reports      int     // 报送
	Instructions int     // 批示
}

var librarySorts = map[string]string{"final": "c.updated_at", "title": "pinyin(a.title)", "score": "score", "reports": "reports"}

// Library lists one page of the awarded applications of final calls in
// f.Scope, and the total.
func (s *Store) Library(ctx context.Context, f LibraryFilter) ([]LibraryRow, int, error) {
	if f.Scope.None() {
		return nil, 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{cond, "c.status = 'final'", "a.status = 'awarded'"}
	if q := strings.TrimSpace(f.Q); q != "" {
		where = append(where, "(a.title LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\')")
		like := "%" + db.LikeEscape(q) + "%"
		args = append(args, like, like, like)
	}
	if f.Kind != "" {
		where = append(where, "c.kind = ?")
		args = append(args, f.Kind)
	}
	if f.Year > 0 {
		from := time.Date(f.Year, 1, 1, 0, 0, 0, 0, calendar.Beijing)
		where = append(where, "c.updated_at >= ? AND c.updated_at < ?")
		args = append(args, db.Millis(from), db.Millis(from.AddDate(1, 0, 0)))
	}
	order := db.Order(f.Sort, librarySorts, "c.updated_at DESC")
	// A count of its own, then the page (D266): the window made every
	// awarded application in scope compute its score and reports before
	// the first page.
	from := ` FROM review_applications a JOIN review_calls c ON c.id = a.call_id JOIN orgs o ON o.id = c.org_id
		WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count: `SELECT COUNT(*)` + from,
		Select: `SELECT a.id, a.title, a.name, a.employer, c.id, c.title, c.kind, o.name, c.updated_at,
		COALESCE((SELECT d.score FROM review_decisions d JOIN review_stages st ON st.id = d.stage_id
			WHERE d.application_id = a.id AND st.kind = 'review' ORDER BY st.seq DESC LIMIT 1), 0) AS score,
		(SELECT COUNT(*) FROM review_reports r WHERE r.application_id = a.id) AS reports,
		(SELECT COUNT(*) FROM review_instructions i JOIN review_reports r ON r.id = i.report_id WHERE r.application_id = a.id)` +
			from + ` ORDER BY ` + order + `, a.id LIMIT ? OFFSET ?`,
		Args: args, Limit: f.Limit, Offset: f.Offset,
	}, func(sc db.Scanner) (LibraryRow, error) {
		var r LibraryRow
		var at int64
		err := sc.Scan(&r.AppID, &r.Title, &r.Name, &r.Employer, &r.CallID, &r.CallTitle, &r.Kind, &r.OrgName, &at,
			&r.Score, &r.Reports, &r.Instructions)
		r.FinalAt = tm(at)
		return r, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("review: library: %w", err)
	}
	return out, total, nil
}

// Report is one submission (报送) of a final result with the instructions
// (批示) it received, newest first.
type Report struct {
	ID           int64
	AppID        int64
	ToOrgID      int64
	ToName       string
	SentOn       string
	Note         string
	CreatedBy    int64
	CreatedAt    time.Time
	Instructions []Instruction
}

// Instruction is one 批示 on a report.
type Instruction struct {
	ID        int64
	ReportID  int64
	Leader    string
	Body      string
	GivenOn   string
	CreatedBy int64
	CreatedAt time.Time
}

// Reports lists an application's submissions with their instructions,
// newest first, for staff whose scope holds the call's org.
func (s *Store) Reports(ctx context.Context, appID int64, scope access.Scope) ([]Report, error) {
	a, err := getApp(ctx, s.db, appID)
	if err != nil {
		return nil, err
	}
	c, err := getCall(ctx, s.db, a.CallID)
	if err != nil {
		return nil, err
	}
	if !scope.Contains(c.OrgPath) {
		return nil, &NotFoundError{"application", appID}
	}
	rows, err := s.db.Query(ctx, `SELECT id, application_id, to_org_id, to_name, sent_on, note, created_by, created_at
		FROM review_reports WHERE application_id = ? ORDER BY sent_on DESC, created_at DESC, id DESC`, appID)
	if err != nil {
		return nil, fmt.Errorf("review: reports of %d: %w", appID, err)
	}
	var out []Report
	idx := map[int64]int{}
	for rows.Next() {
		var r Report
		var at int64
		if err := rows.Scan(&r.ID, &r.AppID, &r.ToOrgID, &r.ToName, &r.SentOn, &r.Note, &r.CreatedBy, &at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("review: reports of %d: %w", appID, err)
		}
		r.CreatedAt = tm(at)
		idx[r.ID] = len(out)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.db.Query(ctx, `SELECT i.id, i.report_id, i.leader, i.body, i.given_on, i.created_by, i.created_at
		FROM review_instructions i JOIN review_reports r ON r.id = i.report_id WHERE r.application_id = ?
		ORDER BY i.given_on DESC, i.created_at DESC, i.id DESC`, appID)
	if err != nil {
		return nil, fmt.Errorf("review: instructions of %d: %w", appID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var x Instruction
		var at int64
		if err := rows.Scan(&x.ID, &x.ReportID, &x.Leader, &x.Body, &x.GivenOn, &x.CreatedBy, &at); err != nil {
			return nil, fmt.Errorf("review: instructions of %d: %w", appID, err)
		}
		x.CreatedAt = tm(at)
		if i, ok := idx[x.ReportID]; ok {
			out[i].Instructions = append(out[i].Instructions, x)
		}
	}
	return out, rows.Err()
}
