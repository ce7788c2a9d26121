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
	rows, err := s.db.Query(ctx, `SELECT `+eventCols+`, COUNT(*) OVER() FROM events e JOIN orgs o ON o.id = e.org_id
		WHERE `+where+` ORDER BY e.starts_at, e.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("event: upcoming: %w", err)
	}
	out, total, err := scanPage(rows)
	if err != nil {
		return nil, 0, fmt.Errorf("event: upcoming: %w", err)
	}
	return out, total, s.nameVenues(ctx, out)
}
