package people_test

import (
	"context"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
)

func TestDisciplines(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		// Before a table is imported, codes are not checked.
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "甲", Discipline: "9990000"}); err != nil {
			t.Fatalf("unchecked code refused: %v", err)
		}
		// A test table of our own (codes shaped like GB/T 13745, names made up).
		bad := "代码,名称\n100,甲学科\n10010,甲一\n2001015,孤儿\n10010,重复\n12,短\n"
		n, errs, err := f.s.ImportDisciplines(ctx, strings.NewReader(bad))
		if err != nil || n != 0 || len(errs) != 3 {
			t.Fatalf("bad table: %d %+v %v", n, errs, err)
		}
		good := "code,name\n100,甲学科\n10010,甲一\n1001010,甲一一\n200,乙学科\n"
		if n, errs, err := f.s.ImportDisciplines(ctx, strings.NewReader(good)); err != nil || n != 4 || len(errs) != 0 {
			t.Fatalf("good table: %d %+v %v", n, errs, err)
		}
		table, _ := f.s.Disciplines(ctx)
		if table["1001010"].Parent != "10010" || table["10010"].Level != 2 {
			t.Errorf("table %+v", table)
		}
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "乙", Discipline: "9990000"}); fieldKey(err) != "discipline:people.err.discipline" {
			t.Errorf("unknown code: %v", err)
		}
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "丙", Discipline: "1001010"}); err != nil {
			t.Errorf("known code: %v", err)
		}
		res, _ := f.s.Import(ctx, strings.NewReader("姓名,身份证号,手机号,工作单位,地区代码,学科代码\n丁,"+idNumber("51040219850312201")+",13812345678,某单位,510402,3000000\n"),
			"x.csv", f.city.ID, true, tr)
		if len(res.Errors) != 1 || res.Errors[0].Column != "学科代码" {
			t.Errorf("import with an unknown code: %+v", res.Errors)
		}
	})
}

// The picker finds entries by code (dots ignored) or by name, the exact
// code first, with the names above each entry.
func TestSearchDisciplines(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		if hits, err := f.s.SearchDisciplines(ctx, "100", 10); err != nil || len(hits) != 0 {
			t.Fatalf("empty table: %v %v", hits, err)
		}
		table := "代码,名称\n100,甲学科\n10010,甲一\n1001010,甲一一\n1001020,甲一二\n10020,丁下有乙\n200,乙学科\n20010,乙一_%\n"
		if _, errs, err := f.s.ImportDisciplines(ctx, strings.NewReader(table)); err != nil || len(errs) != 0 {
			t.Fatalf("import: %+v %v", errs, err)
		}
		codes := func(q string, limit int) string {
			hits, err := f.s.SearchDisciplines(ctx, q, limit)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, h := range hits {
				out = append(out, h.Code+"="+strings.Join(h.Path, "/"))
			}
			return strings.Join(out, " ")
		}
		for _, c := range []struct{ q, want string }{
			{"10010", "10010=甲学科/甲一 1001010=甲学科/甲一/甲一一 1001020=甲学科/甲一/甲一二"},
			{"100.1010", "1001010=甲学科/甲一/甲一一"},
			{"乙", "200=乙学科 20010=乙学科/乙一_% 10020=甲学科/丁下有乙"},
			{"一二", "1001020=甲学科/甲一/甲一二"},
			{"_%", "20010=乙学科/乙一_%"},
			{"  ", ""},
			{"丙", ""},
		} {
			if got := codes(c.q, 10); got != c.want {
				t.Errorf("%q: got %q, want %q", c.q, got, c.want)
			}
		}
		if got := codes("1", 2); got != "100=甲学科 10010=甲学科/甲一" {
			t.Errorf("limit: %q", got)
		}
	})
}
