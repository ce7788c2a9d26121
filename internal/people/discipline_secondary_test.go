package people_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

// A small table of our own in the shape of GB/T 13745 (names made up).
const disciplineTable = "代码,名称\n110,数学\n11014,代数学\n1101410,线性代数\n11021,几何学\n120,信息科学\n12010,信息论\n130,力学\n13010,基础力学\n140,物理学\n150,化学\n160,天文学\n"

func TestSecondaryDisciplines(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		// The embedded GB/T 13745-2009 table checks codes from the start.
		p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "甲", Discipline: "110", Disciplines2: []string{" 430 ", "120", ""}})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := f.s.Get(ctx, p.ID); got.Discipline != "110" || !slices.Equal(got.Disciplines2, []string{"430", "120"}) {
			t.Errorf("stored %q %q, want 110 [430 120] in the order given", got.Discipline, got.Disciplines2)
		}
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "乙", Discipline: "110", Disciplines2: []string{"9990000"}}); fieldKey(err) != "disciplines2:people.err.discipline" {
			t.Errorf("a secondary code not in the table: %v", err)
		}
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "乙", Discipline: "110", Disciplines2: []string{"12"}}); fieldKey(err) != "disciplines2:people.err.disciplines2_code" {
			t.Errorf("a secondary that is no code: %v", err)
		}
		if _, errs, err := f.s.ImportDisciplines(ctx, strings.NewReader(disciplineTable)); err != nil || len(errs) != 0 {
			t.Fatalf("import table: %+v %v", errs, err)
		}
		for _, c := range []struct {
			name      string
			primary   string
			secondary []string
			want      string
		}{
			{"without a primary", "", []string{"120"}, "discipline:people.err.discipline_primary"},
			{"the primary again", "110", []string{"120", "110"}, "disciplines2:people.err.disciplines2_primary"},
			{"twice", "110", []string{"120", "130", "120"}, "disciplines2:people.err.disciplines2_duplicate"},
			{"too many", "110", []string{"11014", "11021", "120", "130", "140", "150"}, "disciplines2:people.err.disciplines2_max"},
			{"not a code", "110", []string{"代数"}, "disciplines2:people.err.disciplines2_code"},
			{"not in the table", "110", []string{"170"}, "disciplines2:people.err.discipline"},
			{"a primary holding a separator", "数学 物理", []string{"120"}, "discipline:people.err.discipline_unknown"},
			{"a primary the import would read as two", "110 数学", nil, "discipline:people.err.discipline_unknown"},
			{"a name with a space, alone", "信息 科学", nil, "discipline:people.err.discipline_unknown"},
			{"free text", "cl", nil, "discipline:people.err.discipline_unknown"},
			{"five", "110", []string{"11014", "11021", "120", "130", "140"}, ""},
			{"a descendant of the primary", "110", []string{"1101410"}, ""},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "丙", Discipline: c.primary, Disciplines2: c.secondary})
				if got := fieldKey(err); got != c.want {
					t.Errorf("got %q, want %q", got, c.want)
				}
			})
		}
		// Update checks them as Create does (against the table too), and
		// may clear them.
		if _, err := f.s.Update(ctx, p.ID, people.Input{Name: "甲", Discipline: "110", Disciplines2: []string{"9990000"}}); fieldKey(err) != "disciplines2:people.err.discipline" {
			t.Errorf("update with an unknown code: %v", err)
		}
		if _, err := f.s.Update(ctx, p.ID, people.Input{Name: "甲", Discipline: "110", Disciplines2: []string{"13010", "120"}}); err != nil {
			t.Fatal(err)
		}
		// Secondary codes are search terms, like the primary.
		if r, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "13010", UseDatabase: true}); r.Total != 1 || r.Hits[0].ID != p.ID {
			t.Errorf("search by a secondary code: %v", names(r))
		}
		if got, _ := f.s.Update(ctx, p.ID, people.Input{Name: "甲", Discipline: "110"}); len(got.Disciplines2) != 0 {
			t.Errorf("not cleared: %q", got.Disciplines2)
		}
		if r, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "13010", UseDatabase: true}); r.Total != 0 {
			t.Errorf("a cleared code is still a search term: %v", names(r))
		}
		names, err := f.s.DisciplineNames(ctx, []string{"1101410", "120", "999"})
		if err != nil || len(names) != 2 || names["1101410"] != "线性代数" {
			t.Errorf("names %v %v", names, err)
		}
	})
}

// The discipline facet counts a person once under each distinct first
// level of their primary and secondary disciplines, and its filter matches
// either — the same on the database path and in memory, also for changes
// the index catches up with.
func TestSecondaryDisciplineFacet(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		mk := func(name, primary string, secondary ...string) people.Person {
			p, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: name, Expertise: "学科测试", Discipline: primary, Disciplines2: secondary})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		mk("甲", "1101410", "11021", "120") // 110 (twice, counted once) and 120
		mk("乙", "120")
		bing := mk("丙", "130", "1101410") // 130 and 110
		mk("丁", "")
		mk("戊", "140") // 物理学
		check := func(label string, want map[string]int, filters map[string]string) {
			t.Helper()
			for _, useDB := range []bool{true, false} {
				r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "学科测试", UseDatabase: useDB})
				if err != nil {
					t.Fatal(err)
				}
				if got := fmt.Sprint(r.Facets["discipline"]); got != fmt.Sprint(want) {
					t.Errorf("%s (database %v): facet %s, want %v", label, useDB, got, want)
				}
				for v, hits := range filters {
					r, err := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "学科测试", UseDatabase: useDB, Facets: map[string]string{"discipline": v}})
					if err != nil {
						t.Fatal(err)
					}
					got := names(r)
					slices.Sort(got)
					if strings.Join(got, "") != hits {
						t.Errorf("%s (database %v): discipline %q finds %v, want %s", label, useDB, v, got, hits)
					}
				}
			}
		}
		filters := map[string]string{"110": "丙甲", "1101410": "丙甲", "11021": "甲", "120": "乙甲", "130": "丙", "13": "丙",
			"14": "戊", "1101410,": "", "110%": "", "9": ""}
		if err := f.s.BuildIndex(ctx); err != nil {
			t.Fatal(err)
		}
		check("built", map[string]int{"110": 2, "120": 2, "130": 1, "140": 1}, filters)
		if _, err := f.s.Update(ctx, bing.ID, people.Input{Name: "丙", Expertise: "学科测试", Discipline: "130", Disciplines2: []string{"12010", "160"}}); err != nil {
			t.Fatal(err)
		}
		filters["110"], filters["1101410"], filters["120"], filters["160"] = "甲", "甲", "丙乙甲", "丙"
		check("after an update", map[string]int{"110": 1, "120": 3, "130": 1, "160": 1, "140": 1}, filters)
	})
}

// The import's 学科代码 column holds the primary discipline and then the
// secondary ones, at any of the accepted separators; a bad code fails its
// row, naming the code, and the file writes nothing; a re-run changes
// nothing, and a changed secondary code alone updates the person.
func TestImportSecondaryDisciplines(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		if _, errs, err := f.s.ImportDisciplines(ctx, strings.NewReader(disciplineTable)); err != nil || len(errs) != 0 {
			t.Fatalf("import table: %+v %v", errs, err)
		}
		ids := []string{idNumber("51040219850312201"), idNumber("51040219900101202"), idNumber("51040219781224003"), idNumber("51040219781224004")}
		file := func(cells ...string) *strings.Reader {
			var b strings.Builder
			b.WriteString("姓名,身份证号,手机号,工作单位,地区代码,学科代码\n")
			for i, c := range cells {
				fmt.Fprintf(&b, "人员%d,%s,1381234567%d,攀枝花学院,510402,\"%s\"\n", i, ids[i], i, c)
			}
			return strings.NewReader(b.String())
		}
		cells := []string{"1101410；11021、120", "120 1101410,13010", " 130 ", "110;"}
		want := []string{"1101410 [11021 120]", "120 [1101410 13010]", "130 []", "110 []"}
		res, err := f.s.Import(ctx, file(cells...), "a.csv", f.city.ID, false)
		if err != nil || res.Created != 4 || len(res.Errors) != 0 {
			t.Fatalf("import: %+v %v", res, err)
		}
		got := func() []string {
			var out []string
			for _, id := range ids {
				p, err := f.s.FindByIDNumber(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprintf("%s %v", p.Discipline, p.Disciplines2))
			}
			return out
		}
		if g := got(); !slices.Equal(g, want) {
			t.Errorf("stored %q, want %q", g, want)
		}
		// Written otherwise, the same codes are the same person.
		if res, _ := f.s.Import(ctx, file("1101410;11021;120", "120，1101410，13010", "130", "110"), "a.csv", f.city.ID, false); res.Unchanged != 4 {
			t.Errorf("re-run: %+v", res)
		}
		if res, _ := f.s.Import(ctx, file(cells[0], "120 13010", cells[2], cells[3]), "b.csv", f.city.ID, false); res.Updated != 1 || res.Unchanged != 3 {
			t.Errorf("a changed secondary code: %+v", res)
		}
		want[1] = "120 [13010]"
		if g := got(); !slices.Equal(g, want) {
			t.Errorf("after the update %q, want %q", g, want)
		}
		if r, _ := f.s.Search(ctx, people.SearchQuery{Scope: access.Everywhere(), Q: "攀枝花学院", Facets: map[string]string{"discipline": "11021"}}); r.Total != 1 {
			t.Errorf("an imported secondary code is not found by the facet: %d", r.Total)
		}
		// Bad codes: each error names its row, the column and the code.
		res, err = f.s.Import(ctx, file("1101410；9990000", "120；abc", "130；130", "；120"), "bad.csv", f.city.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		var errs []string
		for _, e := range res.Errors {
			errs = append(errs, fmt.Sprintf("%d/%s/%s", e.Row, e.Column, e.Text(tr)))
		}
		// (A leading separator leaves 120 the first code: the primary.)
		wantErrs := []string{"2/学科代码/people.err.discipline9990000", "3/学科代码/people.err.disciplines2_codeabc",
			"4/学科代码/people.err.disciplines2_primary130"}
		if !slices.Equal(errs, wantErrs) {
			t.Errorf("errors %q, want %q", errs, wantErrs)
		}
		if g := got(); !slices.Equal(g, want) {
			t.Errorf("a failed import wrote: %q", g)
		}
		// A primary written as a name is refused, the error naming it whole.
		if res, _ := f.s.Import(ctx, file(cells[0], cells[1], cells[2], "信息 科学"), "c.csv", f.city.ID, true); len(res.Errors) != 1 ||
			res.Errors[0].Row != 5 || res.Errors[0].Text(tr) != "people.err.discipline_unknown信息 科学" {
			t.Errorf("a name with a space: %+v", res.Errors)
		}
	})
}
