package event

import (
	"context"
	"fmt"
	"strings"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Upcoming lists the events in scope that have not ended at now, soonest
// first, whose title or place holds q; and how many there are.
func (s *Store) Upcoming(ctx context.Context, scope access.Scope, now time.Time, q string, limit, offset int) ([]Event, int, error) {
	if scope.None() {
		return nil, 0, nil
	}
	c, args := db.ScopeCond(s.db, "o.path", scope)
	where := c + ` AND e.ends_at >= ?`
	args = append(args, db.Millis(now))
	if q = strings.TrimSpace(q); q != "" {
		where += ` AND (e.title LIKE ? ESCAPE '\' OR e.place LIKE ? ESCAPE '\')`
		like := "%" + db.LikeEscape(q) + "%"
		args = append(args, like, like)
	}
	// A count of its own, then the page (D266): the public list holds every
	// org's coming events, and the window numbered every one.
	from := ` FROM events e JOIN orgs o ON o.id = e.org_id WHERE ` + where
	out, total, err := db.Page(ctx, s.db, db.PageQuery{Count: `SELECT COUNT(*)` + from,
		Select: `SELECT ` + eventCols + from + ` ORDER BY e.starts_at, e.id LIMIT ? OFFSET ?`,
		Args:   args, Limit: limit, Offset: offset}, scanEvent)
	if err != nil {
		return nil, 0, fmt.Errorf("event: upcoming: %w", err)
	}
	return out, total, s.nameVenues(ctx, out)
}
