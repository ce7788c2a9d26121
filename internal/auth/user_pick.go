package auth

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/web"
)

// The user picker: a form that names a person (a conference's 程序委员会,
// a 科技辅导员's account) lets the office type part of a name and pick,
// instead of typing a user name. It lives here because the accounts and
// the roles that place a user in an org live here; a module never reads
// these tables.

// UserHit is a user as a picker shows them: name, user name and the org
// they hold a role in — never their e-mail or phone.
type UserHit struct {
	ID       int64
	Username string
	Name     string
	Trail    []string // the names on the path of an org they hold a role in, inside the scope
}

// PickUsers finds the enabled users holding a role in an org inside scope
// whose name or user name holds q, an exact user name first, then by name
// (pinyin order);
// one page from offset and the number of all matches. A user known only
// outside scope is never found; the zero scope finds nobody.
func (s *Service) PickUsers(ctx context.Context, scope access.Scope, q string, limit, offset int) ([]UserHit, int, error) {
	if scope.None() {
		return nil, 0, nil
	}
	limit = min(max(limit, 1), web.MaxPickLimit)
	offset = max(offset, 0)
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	where := []string{cond, "u.disabled = 0"}
	q = strings.ToLower(strings.TrimSpace(q))
	if q != "" {
		like := "%" + db.LikeEscape(q) + "%"
		where = append(where, `(u.username LIKE ? ESCAPE '\' OR LOWER(u.display_name) LIKE ? ESCAPE '\')`)
		args = append(args, like, like)
	}
	// The total is a count of its own (D266), then the page, in pinyin order.
	from := ` FROM users u JOIN role_grants g ON g.user_id = u.id JOIN orgs o ON o.id = g.org_id
		WHERE ` + strings.Join(where, " AND ")
	total := 0
	if err := s.db.QueryRow(ctx, `SELECT COUNT(DISTINCT u.id)`+from, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("auth: pick users: count: %w", err)
	}
	if total == 0 || offset >= total {
		return nil, total, nil
	}
	args = append(args, q, limit, offset)
	rows, err := s.db.Query(ctx, `SELECT u.id, u.username, u.display_name, MIN(o.path)`+from+`
		GROUP BY u.id, u.username, u.display_name, u.name_key
		ORDER BY CASE WHEN u.username = ? THEN 0 ELSE 1 END, u.name_key, u.username, u.id LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("auth: pick users: %w", err)
	}
	defer rows.Close()
	var out []UserHit
	var paths []string
	for rows.Next() {
		var h UserHit
		var path string
		if err := rows.Scan(&h.ID, &h.Username, &h.Name, &path); err != nil {
			return nil, 0, fmt.Errorf("auth: pick users: %w", err)
		}
		out = append(out, h)
		paths = append(paths, path)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("auth: pick users: %w", err)
	}
	rows.Close()
	if err := s.trails(ctx, out, paths); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// trails fills in each hit's org path (an ancestor by its short name, the
// org itself by its full name) with one query.
func (s *Service) trails(ctx context.Context, hits []UserHit, paths []string) error {
	var ids []any
	seen := map[int64]bool{}
	for _, p := range paths {
		for _, id := range org.PathIDs(p) {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	type name struct{ full, short string }
	names := make(map[int64]name, len(ids))
	rows, err := s.db.Query(ctx, `SELECT id, name, short_name FROM orgs WHERE id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, ids...)
	if err != nil {
		return fmt.Errorf("auth: pick users' orgs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n name
		if err := rows.Scan(&id, &n.full, &n.short); err != nil {
			return fmt.Errorf("auth: pick users' orgs: %w", err)
		}
		names[id] = n
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("auth: pick users' orgs: %w", err)
	}
	for i, p := range paths {
		ids := org.PathIDs(p)
		for j, id := range ids {
			n := names[id]
			if j < len(ids)-1 && n.short != "" {
				n.full = n.short
			}
			hits[i].Trail = append(hits[i].Trail, n.full)
		}
	}
	return nil
}

// pickable reports whether the user picker answers for action: a
// back-office action, one neither members nor reviewers hold — a member
// must not learn the users of their org through an action of their own.
func (s *Service) pickable(a access.Action) bool {
	return s.policy.Known(a) && !s.policy.RoleHas(access.Member, a) && !s.policy.RoleHas(access.Reviewer, a)
}

// userLookup answers the user picker: GET /users/lookup?q=…&action=…&offset=…
// lists the users holding a role inside the caller's scope for action (the
// form's; user.view unless said) whose name or user name holds q, twenty at
// a time, as web.PickPage: a pick puts the user name in the field, which
// the form's server checks again as before.
func (h *handler) userLookup(w http.ResponseWriter, r *http.Request) error {
	pq, err := web.ParsePick(r, "user.view")
	if err != nil {
		return err
	}
	var scope access.Scope // nothing, unless the action may name users
	if h.svc.pickable(pq.Action) {
		scope = h.site.Scope(r, pq.Action)
	}
	found, total, err := h.svc.PickUsers(r.Context(), scope, pq.Q, pq.Limit, pq.Offset)
	if err != nil {
		return err
	}
	hits := make([]web.PickHit, 0, len(found))
	for _, u := range found {
		name := u.Name
		if name == "" {
			name = u.Username
		}
		// The user name stands for the ID too: the answer tells nothing
		// beyond name, user name and org path.
		hits = append(hits, web.PickHit{ID: u.Username, Code: u.Username, Name: name, Tag: u.Username,
			Path: strings.Join(u.Trail, " › ")})
	}
	return web.WritePick(w, hits, total, pq.Offset)
}
