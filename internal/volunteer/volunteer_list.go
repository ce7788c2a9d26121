package volunteer

import (
	"context"
	"fmt"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/sheet"
)

// Filter selects volunteers for a list or an export.
type Filter struct {
	Scope  access.Scope
	Query  string // part of the name, or a skill
	TeamID int64
	Sort   string // name, hours, created
	Desc   bool
	Limit  int
	Offset int
}

// Volunteers lists the volunteers of orgs in the filter's scope with the
// total matched.
func (s *Store) Volunteers(ctx context.Context, f Filter) ([]Volunteer, int, error) {
	cond, args := db.ScopeCond(s.db, "o.path", f.Scope)
	where := []string{cond}
	if q := strings.TrimSpace(f.Query); q != "" {
		where = append(where, `(v.name LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM volunteer_skills k WHERE k.volunteer_id = v.id AND k.skill = ?))`)
		args = append(args, "%"+db.LikeEscape(q)+"%", q)
	}
	if f.TeamID != 0 {
		where = append(where, `v.id IN (SELECT volunteer_id FROM volunteer_team_members WHERE team_id = ?)`)
		args = append(args, f.TeamID)
	}
	order := map[string]string{"name": "v.name_key", "hours": "v.minutes", "created": "v.created_at"}[f.Sort]
	if order == "" {
		order = "v.name_key"
	}
	if f.Desc {
		order += " DESC"
	}
	// The total is a count of its own (D266): a window COUNT(*) OVER()
	// read every volunteer in scope whole before the first page.
	from := ` FROM volunteers v JOIN orgs o ON o.id = v.org_id WHERE ` + strings.Join(where, " AND ")
	out, total, err := db.Page(ctx, s.db, db.PageQuery{
		Count:  `SELECT COUNT(*)` + from,
		Select: `SELECT ` + volCols + from + ` ORDER BY ` + order + `, v.id LIMIT ? OFFSET ?`,
		Args:   args, Limit: f.Limit, Offset: f.Offset,
	}, s.scanVolunteer)
	if err != nil {
		return nil, 0, fmt.Errorf("volunteer: list: %w", err)
	}
	return out, total, nil
}

// scanPlus scans a row with one extra trailing column into extra.
type scanPlus struct {
	row   interface{ Scan(...any) error }
	extra any
}

func (p scanPlus) Scan(dest ...any) error { return p.row.Scan(append(dest, p.extra)...) }

// PlatformHeaders is the column layout of the export for the 全国科技志愿服务
// platform. Its real import template is served only to the platform's
// signed-in administrators: two searches of public pages, code, docs and
// issues found no copy (docs/decisions.md, D65 and the later decision on
// the export layout), so this is the layout of its registration fields.
// Adopting the real template is changing this list.
var PlatformHeaders = []string{"序号", "姓名", "证件类型", "证件号码", "性别", "出生年份", "手机号码", "所属组织", "所属志愿服务队", "专业特长", "注册时间", "累计服务时长（小时）", "星级"}

// Export writes the volunteers of the filter's scope (every page) in the
// platform's layout. ID numbers and phones stay masked.
func (s *Store) Export(ctx context.Context, f Filter) (sheet.Table, error) {
	t := sheet.Table{Sheet: "科普志愿者", Headers: PlatformHeaders}
	f.Limit, f.Offset = 500, 0
	for {
		vs, _, err := s.Volunteers(ctx, f)
		if err != nil {
			return t, err
		}
		teams, stars, err := s.pageExtras(ctx, vs)
		if err != nil {
			return t, err
		}
		for _, v := range vs {
			gender := map[string]string{"m": "男", "f": "女"}[v.Gender]
			t.Rows = append(t.Rows, []string{fmt.Sprint(len(t.Rows) + 1), v.Name, "居民身份证", v.IDMasked, gender, fmt.Sprint(v.BirthYear), "",
				v.OrgName, strings.Join(teams[v.ID], "、"), strings.Join(v.Skills, "、"), sheet.Date(v.CreatedAt), FormatHours(v.Minutes), fmt.Sprint(stars[v.ID])})
		}
		if len(vs) < f.Limit {
			return t, nil
		}
		f.Offset += f.Limit
	}
}

// pageExtras reads the team names and the stars held now of a page of
// volunteers, two queries for the page.
func (s *Store) pageExtras(ctx context.Context, vs []Volunteer) (map[int64][]string, map[int64]int, error) {
	teams, stars := map[int64][]string{}, map[int64]int{}
	if len(vs) == 0 {
		return teams, stars, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(vs)), ",")
	ids := make([]any, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	rows, err := s.db.Query(ctx, `SELECT m.volunteer_id, t.name FROM volunteer_team_members m JOIN volunteer_teams t ON t.id = m.team_id
		WHERE m.volunteer_id IN (`+marks+`) ORDER BY pinyin(t.name), t.id`, ids...)
	if err != nil {
		return nil, nil, fmt.Errorf("volunteer: export teams: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, nil, err
		}
		teams[id] = append(teams[id], name)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	now := db.Millis(s.db.Now())
	srows, err := s.db.Query(ctx, `SELECT volunteer_id, MAX(level) FROM volunteer_stars WHERE withheld_at = 0 AND publicity_to <= ?
		AND volunteer_id IN (`+marks+`) GROUP BY volunteer_id`, append([]any{now}, ids...)...)
	if err != nil {
		return nil, nil, fmt.Errorf("volunteer: export stars: %w", err)
	}
	defer srows.Close()
	for srows.Next() {
		var id int64
		var n int
		if err := srows.Scan(&id, &n); err != nil {
			return nil, nil, err
		}
		stars[id] = n
	}
	return teams, stars, srows.Err()
}
