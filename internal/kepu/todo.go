package kepu

import (
	"context"
	"fmt"

	"kexie/internal/access"
	"kexie/internal/db"
)

// ToPublish counts the items inside scope an expert has passed and an
// editor may now publish (the staff dashboard's 待办事项); never one userID
// wrote or reviewed, which Publish refuses them.
func (s *Store) ToPublish(ctx context.Context, scope access.Scope, userID int64) (int, error) {
	if scope.None() {
		return 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM kepu_items i JOIN orgs o ON o.id = i.org_id
		WHERE i.status = ? AND i.author_id <> ? AND (i.reviewer_user <> ? OR i.kind = ?) AND `+cond,
		append([]any{string(Reviewed), userID, userID, string(Debunk)}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("kepu: items to publish: %w", err)
	}
	return n, nil
}

// NewLeads counts the rumour leads inside scope that nobody has triaged yet.
func (s *Store) NewLeads(ctx context.Context, scope access.Scope) (int, error) {
	if scope.None() {
		return 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM kepu_leads l JOIN orgs o ON o.id = l.org_id WHERE l.status = ? AND `+cond,
		append([]any{string(LeadNew)}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("kepu: new leads: %w", err)
	}
	return n, nil
}

// LateLeads counts the rumour leads inside scope whose expert is past the
// due date (the staff dashboard's 待办事项: chase the expert or reassign).
func (s *Store) LateLeads(ctx context.Context, scope access.Scope) (int, error) {
	if scope.None() {
		return 0, nil
	}
	cond, args := db.ScopeCond(s.db, "o.path", scope)
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM kepu_leads l JOIN orgs o ON o.id = l.org_id
		WHERE l.status = ? AND l.due_at > 0 AND l.due_at < ? AND `+cond,
		append([]any{string(LeadAssigned), db.Millis(s.db.Now())}, args...)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("kepu: late leads: %w", err)
	}
	return n, nil
}
