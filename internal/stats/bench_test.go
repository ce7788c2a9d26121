package stats_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/stats"
)

// insertRows inserts rows (each with cols values) into table in batches,
// inside tx.
func insertRows(ctx context.Context, tx *db.Tx, table, cols string, n int, row func(i int) []any) error {
	k := len(strings.Split(cols, ","))
	batch := 800 / k
	ph := "(" + strings.TrimSuffix(strings.Repeat("?, ", k), ", ") + ")"
	for i := 0; i < n; i += batch {
		var q strings.Builder
		q.WriteString(`INSERT INTO ` + table + ` (` + cols + `) VALUES `)
		var args []any
		for j := i; j < min(i+batch, n); j++ {
			if j > i {
				q.WriteString(", ")
			}
			q.WriteString(ph)
			args = append(args, row(j)...)
		}
		if _, err := tx.Exec(ctx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// seedOrgs adds n orgs that file (counties and societies), half under each
// of the two parents, and returns their IDs.
func seedOrgs(b *testing.B, d *db.DB, parents []org.Org, n int) []int64 {
	b.Helper()
	ids := make([]int64, n)
	now := db.Millis(time.Now())
	err := d.Tx(context.Background(), func(tx *db.Tx) error {
		return insertRows(context.Background(), tx, "orgs", "id, parent_id, path, depth, code, name, type, created_at, updated_at", n, func(i int) []any {
			p := parents[i%len(parents)]
			ids[i] = tx.NewID()
			typ := org.TypeCounty
			if i%3 == 0 {
				typ = org.TypeSociety
			}
			return []any{ids[i], p.ID, fmt.Sprintf("%s%d/", p.Path, ids[i]), p.Depth + 1, fmt.Sprintf("B%06d", i), fmt.Sprintf("基准%d号科协", i), string(typ), now, now}
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	return ids
}

// seedForms files a form of year for each org of ids, its status chosen
// by status(i); with values, every form carries the 42 figures.
func seedForms(b *testing.B, d *db.DB, ids []int64, year int, status func(i int) stats.Status, values bool) {
	b.Helper()
	raw := full().Raw
	vals, _ := stats.Current.Parse(raw, stats.ForAll)
	js, _ := json.Marshal(vals)
	codes := make([]string, 0, len(vals))
	for _, in := range stats.Current.Indicators() {
		codes = append(codes, in.Code)
	}
	ctx := context.Background()
	formIDs := make([]int64, len(ids))
	var kept []int
	err := d.Tx(ctx, func(tx *db.Tx) error {
		now := db.Millis(time.Now())
		err := insertRows(ctx, tx, "stats_forms", "id, org_id, year, version, status, vals, filed_at, updated_at", len(ids), func(i int) []any {
			formIDs[i] = tx.NewID()
			st := status(i)
			if st == stats.None {
				st = stats.Draft
			}
			return []any{formIDs[i], ids[i], year, 1, string(st), string(js), now - int64(i), now}
		})
		if err != nil || !values {
			return err
		}
		for i := range ids {
			kept = append(kept, i)
		}
		return insertRows(ctx, tx, "stats_values", "form_id, code, value", len(kept)*len(codes), func(j int) []any {
			f, c := kept[j/len(codes)], codes[j%len(codes)]
			return []any{formIDs[f], c, vals[c] + int64(f%7)}
		})
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStatsSummary is the summary of a year over 2,000 orgs' approved
// forms (and last year's), 42 figures each: the province's whole tree and
// one city's half, and the year's XLSX tables.
func BenchmarkStatsSummary(b *testing.B) {
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		ids := seedOrgs(b, d, []org.Org{f.city, f.peer}, 2000)
		approved := func(int) stats.Status { return stats.Approved }
		seedForms(b, d, ids, 2026, approved, true)
		seedForms(b, d, ids, 2025, approved, true)
		dbtest.Analyze(b, d)
		ctx := context.Background()
		for _, c := range []struct {
			name  string
			scope access.Scope
			want  int
		}{{"province", access.Subtrees(f.root.Path), 2000}, {"city", access.Subtrees(f.city.Path), 1000}} {
			b.Run(c.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					sum, err := f.s.Summarize(ctx, c.scope, "", 2026)
					if err != nil || sum.Included != c.want || sum.LastIncl != c.want {
						b.Fatal(sum.Included, err)
					}
				}
			})
		}
		b.Run("export", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				tabs, err := f.s.Export(ctx, access.Subtrees(f.root.Path), "", 2026, "zh-CN", func(k string, a ...any) string { return k })
				if err != nil || len(tabs[0].Rows) != 2001 {
					b.Fatal(err)
				}
			}
		})
	})
}

// benchOrgs is how many orgs (and forms) the progress list benchmark holds.
const benchOrgs = 100_000

// BenchmarkStatsList is the progress list over 100,000 orgs that file and
// their forms of the year, a city's staff reading a page of their half: the
// first page, by status, a search, sorted by submit time, the last page,
// the shares of the chart and the home page's count.
func BenchmarkStatsList(b *testing.B) {
	dbtest.Bench(b, sets, func(b *testing.B, d *db.DB) {
		f := setup(b, d)
		ids := seedOrgs(b, d, []org.Org{f.city, f.peer}, benchOrgs)
		sts := []stats.Status{stats.Draft, stats.Submitted, stats.Returned, stats.Approved, stats.Approved}
		// Nine in ten have a form.
		seedForms(b, d, ids[:benchOrgs*9/10], 2026, func(i int) stats.Status { return sts[i%len(sts)] }, false)
		dbtest.Analyze(b, d)
		ctx := context.Background()
		scope := access.Subtrees(f.city.Path)
		for _, c := range []struct {
			name string
			f    stats.Filter
		}{
			{"page", stats.Filter{}},
			{"status", stats.Filter{Status: stats.Submitted}},
			{"not_started", stats.Filter{Status: stats.None}},
			{"search", stats.Filter{Q: "基准4242"}},
			{"sort_filed", stats.Filter{Sort: "-filed"}},
			{"last_page", stats.Filter{Offset: benchOrgs/2 - 50}},
		} {
			b.Run(c.name, func(b *testing.B) {
				c.f.Scope, c.f.Year, c.f.Limit = scope, 2026, 50
				for i := 0; i < b.N; i++ {
					rows, total, err := f.s.List(ctx, c.f)
					if err != nil || total == 0 || len(rows) == 0 {
						b.Fatal(total, err)
					}
				}
			})
		}
		b.Run("shares", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := f.s.Shares(ctx, stats.Filter{Scope: scope, Year: 2026}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("todo_count", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := f.s.ToReview(ctx, access.Subtrees(f.root.Path), stats.Actor{UserID: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
