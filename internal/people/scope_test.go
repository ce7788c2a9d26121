package people_test

import (
	"context"
	"errors"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/valid"
)

// TestScopes checks every people list against the three kinds of scope: the
// zero Scope lists nothing, Everywhere lists both cities, a subtree its own.
func TestScopes(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		var first people.Person
		for i, o := range []org.Org{f.city, f.peer} {
			user := int64(500 + i)
			p, err := f.s.CreateOwn(ctx, user, people.Input{OrgID: o.ID, Name: []string{"张伟", "李娜"}[i], Expertise: "钒钛"}, true)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = p
			}
			// The first person is a member in both cities.
			if _, err := f.s.AddMembership(ctx, people.MembershipInput{PersonID: first.ID, OrgID: o.ID, Grade: "member"}); err != nil {
				t.Fatal(err)
			}
			code := uscc([]string{"91510400MA62X5L8T", "91341100MA2N0XY7Q"}[i])
			if _, err := f.s.AddUnit(ctx, people.Unit{OrgID: o.ID, Name: "单位" + o.Code, USCC: code, Kind: "company"}); err != nil {
				t.Fatal(err)
			}
			if _, err := f.s.CreatePool(ctx, o.ID, "专家库", ""); err != nil {
				t.Fatal(err)
			}
			if err := f.s.RequestDeletion(ctx, user, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.s.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name  string
			scope access.Scope
			want  int
		}{
			{"zero", access.Scope{}, 0},
			{"everywhere", access.Everywhere(), 2},
			{"city", access.Subtrees(f.city.Path), 1},
		} {
			t.Run(tt.name, func(t *testing.T) {
				count := func(what string, n int, err error) {
					t.Helper()
					if err != nil || n != tt.want {
						t.Errorf("%s: %d, %v; want %d", what, n, err, tt.want)
					}
				}
				_, n, err := f.s.List(ctx, people.Filter{Scope: tt.scope})
				count("List", n, err)
				for _, useDB := range []bool{false, true} {
					res, err := f.s.Search(ctx, people.SearchQuery{Q: "钒钛", Scope: tt.scope, Limit: 10, UseDatabase: useDB})
					count("Search (database "+map[bool]string{false: "no", true: "yes"}[useDB]+")", res.Total, err)
				}
				pools, err := f.s.Pools(ctx, tt.scope)
				count("Pools", len(pools), err)
				ms, err := f.s.Memberships(ctx, first.ID, tt.scope)
				count("Memberships", len(ms), err)
				_, n, err = f.s.Units(ctx, tt.scope, "", 10, 0)
				count("Units", n, err)
				reqs, err := f.s.DeletionRequests(ctx, tt.scope)
				count("DeletionRequests", len(reqs), err)
			})
		}
	})
}

// TestOrgLookupFailure: a database failure while reading an org is an error
// the site logs and answers with 500, never the user-facing "no such org".
func TestOrgLookupFailure(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		if _, err := f.s.CreatePool(ctx, 42, "专家库", ""); fieldKey(err) != "org_id:people.err.org" {
			t.Errorf("missing org: %v; want org_id:people.err.org", fieldKey(err))
		}
		if _, err := d.Exec(ctx, `ALTER TABLE orgs RENAME TO orgs_gone`); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.CreatePool(ctx, f.city.ID, "专家库", "")
		if _, isValid := valid.As(err); err == nil || isValid || errors.Is(err, db.ErrNotFound) {
			t.Errorf("CreatePool with the orgs table gone: %v; want a database error", err)
		}
		_, err = f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "王芳"})
		if _, isValid := valid.As(err); err == nil || isValid || errors.Is(err, db.ErrNotFound) {
			t.Errorf("Create with the orgs table gone: %v; want a database error", err)
		}
	})
}
