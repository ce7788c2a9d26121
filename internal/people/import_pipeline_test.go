package people_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// manyRows returns n valid CSV rows of distinct people (row i+1 is index i).
func manyRows(n int) []string {
	out := make([]string, n)
	for i := range out {
		first := fmt.Sprintf("5104021%03d%02d%02d%03d", 960+i/336%40, 1+i/28%12, 1+i%28, i%1000)
		out[i] = fmt.Sprintf("张伟%d,%s,138%08d,攀枝花学院,510402,,", i, idNumber(first), i)
	}
	return out
}

// The pipeline checks rows on several workers but reports them in file
// order, across chunk boundaries, and reports progress as it goes.
func TestImportOrderAndProgress(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		rows := manyRows(1500)
		rows[699] = strings.Replace(rows[699], "510402,", "999999,", 1) // row 700: unknown region
		rows[1299] = rows[3]                                            // row 1300 repeats row 4
		rows[9] = strings.Replace(rows[9], ",138", ",1", 1)             // row 10: bad phone
		var seen []int
		res, err := f.s.ImportWith(ctx, csvFile(rows...), "many.csv", f.city.ID, people.ImportOptions{
			Progress: func(n int) { seen = append(seen, n) }})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range res.Errors {
			got = append(got, fmt.Sprintf("%d/%s/%s", e.Row, e.Column, e.Code))
		}
		// Sheet rows: data row n is row n+1 under the header.
		want := []string{"11/手机号/people.err.phone", "701/地区代码/people.err.region", "1301/身份证号/people.err.duplicate_in_file"}
		if strings.Join(got, " ") != strings.Join(want, " ") || res.Rows != 1500 || res.Created != 0 {
			t.Errorf("errors %v, rows %d, created %d; want %v", got, res.Rows, res.Created, want)
		}
		if a := res.Errors[2].Args; len(a) != 1 || a[0] != 5 || res.Errors[2].Text(tr) != "people.err.duplicate_in_file5" {
			t.Errorf("duplicate should name the first row, 5: %+v", res.Errors[2])
		}
		if len(seen) < 3 || seen[len(seen)-1] != 1500 {
			t.Errorf("progress %v", seen)
		}
		for i := 1; i < len(seen); i++ {
			if seen[i] <= seen[i-1] {
				t.Errorf("progress not increasing: %v", seen)
			}
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 0 {
			t.Errorf("a failed import wrote %d people", n)
		}
		// The good file is written whole, in one go, and a rerun adds nothing.
		good := manyRows(1500)
		res, err = f.s.Import(ctx, csvFile(good...), "many.csv", f.city.ID, false)
		if err != nil || res.Created != 1500 || len(res.Errors) != 0 {
			t.Fatalf("import: %+v %v", res.Errors, err)
		}
		res, _ = f.s.Import(ctx, csvFile(good...), "many.csv", f.city.ID, false)
		if res.Unchanged != 1500 || res.Created != 0 {
			t.Errorf("rerun: created %d unchanged %d", res.Created, res.Unchanged)
		}
		if _, n, _ := f.s.List(ctx, people.Filter{Scope: access.Everywhere()}); n != 1500 {
			t.Errorf("%d people, want 1500", n)
		}
		// The search index follows: every person is found by name.
		hits, err := f.s.Search(ctx, people.SearchQuery{Q: "张伟1499", Scope: access.Everywhere(), Limit: 5, UseDatabase: true})
		if err != nil || len(hits.Hits) == 0 {
			t.Errorf("search after import: %+v %v", hits, err)
		}
	})
}
