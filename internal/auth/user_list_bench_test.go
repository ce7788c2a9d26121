package auth_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
)

// BenchmarkListUsers reads page 1 of the user list sorted by name over
// 100,000 accounts, each a member of one city, on both databases: every
// account (a system administrator's list), the city's (through the
// grants) and a society's 60 staff among them, as a user pages it (its
// scope, its count).
func BenchmarkListUsers(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		r := rand.New(rand.NewPCG(54, 54))
		var ids []int64
		dbtest.Insert(b, d, `INSERT INTO users (id, username, display_name, password_hash, password_changed_at, created_at, updated_at) VALUES `,
			`(?, ?, ?, 'x', 0, 0, 0)`, n, func(tx *db.Tx, j int) []any {
				id := tx.NewID()
				ids = append(ids, id)
				return []any{id, fmt.Sprintf("user%06d", j), dbtest.PersonName(r)}
			})
		dbtest.Insert(b, d, `INSERT INTO role_grants (id, user_id, org_id, role, created_at) VALUES `, `(?, ?, ?, 'member', 0)`, n,
			func(tx *db.Tx, j int) []any { return []any{tx.NewID(), ids[j], f.city.ID} })
		// 60 of them also hold a role in a small society: a scope that holds few.
		small, err := f.orgs.Create(ctx, org.Input{ParentID: f.root.ID, Code: "SOC", Name: "某学会", Type: org.TypeSociety})
		if err != nil {
			b.Fatal(err)
		}
		dbtest.Insert(b, d, `INSERT INTO role_grants (id, user_id, org_id, role, created_at) VALUES `, `(?, ?, ?, 'org_staff', 0)`, 60,
			func(tx *db.Tx, j int) []any { return []any{tx.NewID(), ids[j*1000], small.ID} })
		// A province's tree holds thousands of orgs, and the planner reads a
		// scope's share of the grants from the share of orgs under its path:
		// with the four above alone, any subtree looked like a third of all.
		dbtest.Insert(b, d, `INSERT INTO orgs (id, parent_id, path, depth, code, name, type, created_at, updated_at) VALUES `,
			`(?, ?, ?, 1, ?, '某协会', 'society', 0, 0)`, 2000, func(tx *db.Tx, j int) []any {
				id := tx.NewID()
				return []any{id, f.root.ID, fmt.Sprintf("%s%d/", f.root.Path, id), fmt.Sprintf("X%04d", j)}
			})
		dbtest.Analyze(b, d)
		for _, bc := range []struct {
			name  string
			scope access.Scope
			total int
		}{{"everyone", access.Everywhere(), n}, {"city", access.Subtrees(f.city.Path), n}, {"society", access.Subtrees(small.Path), 60}} {
			b.Run(bc.name, func(b *testing.B) {
				for b.Loop() {
					list, total, err := f.svc.ListUsers(ctx, auth.UserFilter{Scope: bc.scope, Sort: "name", Limit: 50})
					if err != nil || len(list) != 50 || total != bc.total {
						b.Fatalf("read %d of %d: %v", len(list), total, err)
					}
				}
			})
		}
	})
}
