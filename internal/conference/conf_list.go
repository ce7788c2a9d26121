package conference

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
)

// Filter selects conferences for staff: always within Scope.
type Filter struct {
	Scope   access.Scope
	Q       string // words of the title
	Kind    string // "" for every kind
	Status  Status // "" for every status
	OrgPath string // "" for the whole scope; else this org's subtree (inside Scope)
	Year    int    // 0 for every year; else the start date's year
	Intl    string // "yes", "no" or "" for both
	Overdue bool   // only those whose summary is OverdueDays past their end
	Sort    string // "start", "status", "filed"; a leading "-" for descending
	Limit   int
	Offset  int
}

var sorts = map[string]string{"start": "c.starts_on", "status": "c.status", "filed": "c.filed_at"}

// where builds the filter's conditions on conference_confs c alone (the
// scope and the org filter as a subquery of the orgs in them, so the count
// needs no join); ok is false when nothing can match.
func (s *Store) where(f Filter) (string, []any, bool) {
	var where []string
	var args []any
	// With every org in scope and no org filter the list needs no condition.
	if !f.Scope.All() || f.OrgPath != "" {
		cond, a, ok := db.ScopeIn(s.db, "o.path", f.Scope, f.OrgPath)
		if !ok {
			return "", nil, false
		}
		where, args = append(where, "c.org_id IN (SELECT o.id FROM orgs o WHERE "+cond+")"), a
	}
	if f.Kind != "" {
		where, args = append(where, "c.kind = ?"), append(args, f.Kind)
	}
	if f.Status != "" {
		where, args = append(where, "c.status = ?"), append(args, string(f.Status))
	}
	if f.Year != 0 {
		where, args = append(where, "c.year = ?"), append(args, f.Year)
	}
	switch f.Intl {
	case "yes":
		where = append(where, "c.international = 1")
	case "no":
		where = append(where, "c.international = 0")
	}
	if f.Overdue {
		where = append(where, "c.status IN ('approved', 'open', 'held') AND c.summary_at = 0 AND c.ends_on < ?")
		args = append(args, today(s.db.Now().AddDate(0, 0, -OverdueDays)))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		where, args = append(where, `c.title LIKE ? ESCAPE '\'`), append(args, "%"+db.LikeEscape(q)+"%")
	}
	if len(where) == 0 {
		return "1=1", args, true
	}
	return strings.Join(where, " AND "), args, true
}

// List lists one page of the conferences in the filter and how many match:
// a count, then the page in the list's order (two statements, as voice's
// list does: D240.10).
func (s *Store) List(ctx context.Context, f Filter) ([]Conference, int, error) {
	where, args, ok := s.where(f)
	if !ok {
		return nil, 0, nil
	}
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*) FROM conference_confs c WHERE ` + where,
		Select: `SELECT ` + confCols + confFrom + ` WHERE ` + where + ` ORDER BY ` + db.Order(f.Sort, sorts, "c.starts_on DESC") + `, c.id DESC LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset}, scanConf)
	if err != nil {
		return nil, 0, fmt.Errorf("conference: list: %w", err)
	}
	return out, total, nil
}

// ExportHeaders are the columns of the XLSX export.
var ExportHeaders = []string{"序号", "会议名称", "类别", "主办单位", "协办单位", "开始日期", "结束日期", "城市", "地点", "预计人数", "名额",
	"国际会议", "国家和地区数", "经费（万元）", "状态", "报名人数", "签到人数", "录用论文", "实际参会人数", "交流论文数", "境外参会人数"}

// Export writes every conference of the filter (not one page), labelled by t.
func (s *Store) Export(ctx context.Context, f Filter, t func(string, ...any) string) (sheet.Table, error) {
	tab := sheet.Table{Sheet: t("conference.title.list"), Headers: ExportHeaders}
	f.Limit, f.Offset = 1000, 0
	for {
		list, _, err := s.List(ctx, f)
		if err != nil {
			return tab, err
		}
		for _, c := range list {
			intl := t("conference.no")
			if c.International {
				intl = t("conference.yes")
			}
			sum := []string{"", "", ""}
			if c.Summary.Filed() {
				sum = []string{strconv.Itoa(c.Summary.Attendance), strconv.Itoa(c.Summary.Papers), strconv.Itoa(c.Summary.IntlPeople)}
			}
			tab.Rows = append(tab.Rows, append([]string{strconv.Itoa(len(tab.Rows) + 1), c.Title, t("conference.kind." + c.Kind), c.OrgName,
				strings.Join(c.CoOrganisers, "、"), c.StartsOn, c.EndsOn, c.City, c.Venue, strconv.Itoa(c.Expected), strconv.Itoa(c.Capacity),
				intl, strconv.Itoa(c.Countries), c.BudgetText(), t("conference.status." + string(c.Status)), strconv.Itoa(c.Registered),
				strconv.Itoa(c.CheckedIn), strconv.Itoa(c.Accepted)}, sum...))
		}
		if len(list) < f.Limit {
			return tab, nil
		}
		f.Offset += f.Limit
	}
}

// Upcoming lists the approved conferences not yet ended, soonest first,
// for the public page: anywhere (they are published by their approval).
func (s *Store) Upcoming(ctx context.Context, limit, offset int) ([]Conference, int, error) {
	if limit <= 0 || limit > 200 {
		limit = 20
	}
	day := today(s.db.Now())
	where := `c.status IN ('approved', 'open') AND c.ends_on >= ?`
	var total int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM conference_confs c WHERE `+where, day).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("conference: upcoming: %w", err)
	}
	out, err := s.query(ctx, `SELECT `+confCols+confFrom+` WHERE `+where+` ORDER BY c.starts_on, c.id LIMIT ? OFFSET ?`, day, limit, offset)
	return out, total, err
}
