package jobs_test

import (
	"context"
	"io/fs"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/jobs"
	"kexie/internal/web"
)

// The list is scoped: a zero scope lists nothing, an org admin's subtree
// only its jobs (never the system's), everywhere all; filters, sort and
// pages work on both databases.
func TestListScopedAndFiltered(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		freeze(d)
		s := jobs.NewStore(d)
		city1 := enqueue(t, d, jobs.Spec{Kind: "test.a", OrgID: 2, UserID: 7})
		city2 := enqueue(t, d, jobs.Spec{Kind: "test.b", OrgID: 2, UserID: 8})
		peer := enqueue(t, d, jobs.Spec{Kind: "test.a", OrgID: 3, UserID: 7})
		system := enqueue(t, d, jobs.Spec{Kind: "test.a"})
		if _, err := d.Exec(ctx, `UPDATE jobs SET state = 'failed' WHERE id = ?`, city2); err != nil {
			t.Fatal(err)
		}
		ids := func(f jobs.Filter) ([]int64, int) {
			t.Helper()
			list, total, err := s.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, j := range list {
				out = append(out, j.ID)
			}
			return out, total
		}
		tests := []struct {
			name  string
			f     jobs.Filter
			want  []int64
			total int
		}{
			{"zero scope", jobs.Filter{}, nil, 0},
			{"city subtree", jobs.Filter{Scope: access.Subtrees("/1/2/")}, []int64{city2, city1}, 2},
			{"province subtree (no system jobs)", jobs.Filter{Scope: access.Subtrees("/1/"), Sort: "created"}, []int64{city1, city2, peer}, 3},
			{"everywhere", jobs.Filter{Scope: access.Everywhere(), Sort: "created"}, []int64{city1, city2, peer, system}, 4},
			{"by kind", jobs.Filter{Scope: access.Everywhere(), Kind: "test.b"}, []int64{city2}, 1},
			{"by state", jobs.Filter{Scope: access.Everywhere(), State: jobs.Failed}, []int64{city2}, 1},
			{"by user", jobs.Filter{Scope: access.Everywhere(), UserID: 7, Sort: "created"}, []int64{city1, peer}, 2},
			{"a page", jobs.Filter{Scope: access.Everywhere(), Sort: "created", Limit: 2, Offset: 2}, []int64{peer, system}, 4},
			// The total is counted apart from the page, under the same conditions.
			{"the city's second page", jobs.Filter{Scope: access.Subtrees("/1/2/"), Limit: 1, Offset: 1}, []int64{city1}, 2},
			{"the province by kind", jobs.Filter{Scope: access.Subtrees("/1/"), Kind: "test.a", Sort: "created"}, []int64{city1, peer}, 2},
			{"past the end", jobs.Filter{Scope: access.Everywhere(), Limit: 2, Offset: 10}, nil, 4},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, total := ids(tt.f)
				if len(got) != len(tt.want) || total != tt.total {
					t.Fatalf("got %v (total %d), want %v (total %d)", got, total, tt.want, tt.total)
				}
				for i := range got {
					if got[i] != tt.want[i] {
						t.Fatalf("got %v, want %v", got, tt.want)
					}
				}
			})
		}
	})
}

// Every key of the jobs catalogs is in both languages.
func TestCatalogsComplete(t *testing.T) {
	loc, err := fs.Sub(jobs.Files(), "locales")
	if err != nil {
		t.Fatal(err)
	}
	c, err := web.NewCatalogs(loc)
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Missing(); len(m) > 0 {
		t.Errorf("keys missing: %v", m)
	}
}
