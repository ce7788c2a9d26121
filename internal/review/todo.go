package review

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
)

// Waiting is a call with applications waiting for someone's decision: the
// staff dashboard's 待办事项 lists them by call.
type Waiting struct {
	CallID int64
	Title  string
	Count  int
}

// FormalChecks lists the calls managed inside scope whose applications wait
// at a 形式审查 stage, most first, at most limit. An application userID
// filed is never counted: its applicant never decides on it.
func (s *Store) FormalChecks(ctx context.Context, scope access.Scope, userID int64, limit int) ([]Waiting, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	q := `SELECT c.id, c.title, COUNT(*) FROM review_applications a JOIN review_calls c ON c.id = a.call_id
		JOIN orgs o ON o.id = c.org_id JOIN review_stages st ON st.call_id = c.id AND st.seq = a.stage_seq
		WHERE a.status = ? AND st.kind = ? AND a.user_id <> ? AND ` + cond + `
		GROUP BY c.id, c.title ORDER BY COUNT(*) DESC, c.id LIMIT ?`
	return s.waiting(ctx, "formal checks", q, append(append([]any{AppInStage, StageFormal, userID}, args...), limit))
}

// ToRecommend lists the calls whose applications wait for a recommending
// unit inside scope (推荐), most first, at most limit; never counting one
// userID filed.
func (s *Store) ToRecommend(ctx context.Context, scope access.Scope, userID int64, limit int) ([]Waiting, error) {
	if scope.None() {
		return nil, nil
	}
	cond, args := db.ScopeCond(s.db, "u.path", scope)
	q := `SELECT c.id, c.title, COUNT(*) FROM review_applications a JOIN review_calls c ON c.id = a.call_id
		JOIN orgs u ON u.id = a.recommender_id
		WHERE a.status = ? AND a.user_id <> ? AND ` + cond + `
		GROUP BY c.id, c.title ORDER BY COUNT(*) DESC, c.id LIMIT ?`
	return s.waiting(ctx, "to recommend", q, append(append([]any{AppRecommending, userID}, args...), limit))
}

func (s *Store) waiting(ctx context.Context, what, q string, args []any) ([]Waiting, error) {
	rows, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("review: %s: %w", what, err)
	}
	defer rows.Close()
	var out []Waiting
	for rows.Next() {
		var w Waiting
		if err := rows.Scan(&w.CallID, &w.Title, &w.Count); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
