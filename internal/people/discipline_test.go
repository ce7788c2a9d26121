package people_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/std"
	"kexie/internal/valid"
)

func TestDisciplines(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		// A fresh install checks against the embedded GB/T 13745-2009 table:
		// its codes are accepted, anything else refused, naming the value.
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "甲", Discipline: "430"}); err != nil {
			t.Fatalf("430 材料科学 refused: %v", err)
		}
		if _, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "甲", Discipline: "9990000"}); fieldKey(err) != "discipline:people.err.discipline" {
			t.Fatalf("a code not in the table: %v", err)
		}
		var ve valid.Errors
		_, err := f.s.Create(ctx, people.Input{OrgID: f.city.ID, Name: "甲", Discipline: "cl"})
		if !errors.As(err, &ve) || len(ve) != 1 || ve[0].Key != "people.err.discipline_unknown" || fmt.Sprint(ve[0].Args) != "[cl]" {
			t.Fatalf("free text %q stored as a discipline: %v", "cl", err)
		}
		if table, err := f.s.Disciplines(ctx); err != nil || len(table) != 3552 || table["430"].Name != "材料科学" || table["43070"].Parent != "430" {
			t.Fatalf("embedded table: %d entries, %v", len(table), err)
		}
		if hits, err := f.s.SearchDisciplines(ctx, "材料", 5); err != nil || !slices.ContainsFunc(hits, func(h people.DisciplineHit) bool { return h.Name == "材料科学" }) {
			t.Fatalf("the picker finds nothing on a fresh install: %v %v", hits, err)
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
			"x.csv", f.city.ID, true)
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

// Latin letters find entries by the pinyin initials of their names, on
// both databases alike: a name holding the letters first, then initials
// starting with them, then initials holding them; any reading of a
// polyphonic character (重 zhòng/chóng) matches.
func TestSearchDisciplinesPinyin(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		table := "代码,名称\n110,数学\n11014,代数学\n1101410,线性代数\n11021,几何学\n" +
			"120,信息科学与系统科学\n12010,信息论\n12020,SX方法\n170,地球科学\n17015,重力学\n"
		if _, errs, err := f.s.ImportDisciplines(ctx, strings.NewReader(table)); err != nil || len(errs) != 0 {
			t.Fatalf("import: %+v %v", errs, err)
		}
		codes := func(q string, limit int) string {
			t.Helper()
			hits, err := f.s.SearchDisciplines(ctx, q, limit)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, h := range hits {
				out = append(out, h.Code)
			}
			return strings.Join(out, " ")
		}
		cases := []struct{ q, want string }{
			// SX方法 by name; 数学, and 信息… since 信 is also read shēn, by
			// prefix; 代数学 inside.
			{"sx", "12020 110 120 12010 11014"},
			{"SX", "12020 110 120 12010 11014"},
			{" Sx ", "12020 110 120 12010 11014"},
			{"jhx", "11021"},
			{"xx", "1101410 120 12010"},
			{"xxds", "1101410"},
			{"cl", "17015"}, // 重 read chóng
			{"zl", "17015"}, // or zhòng
			{"dqkx", "170"},
			{"kx", "120 170"},   // inside only: by code
			{"s1", ""},          // not only letters: searched as text
			{"s x", ""},         // a space is not a letter
			{"qqqq", ""},        // no name
			{"数学", "110 11014"}, // Chinese as before
		}
		for _, c := range cases {
			if got := codes(c.q, 10); got != c.want {
				t.Errorf("%q: got %q, want %q", c.q, got, c.want)
			}
		}
		if got := codes("sx", 2); got != "12020 110" {
			t.Errorf("limit: %q", got)
		}
		hits, err := f.s.SearchDisciplines(ctx, "cl", 10)
		if err != nil || len(hits) != 1 || strings.Join(hits[0].Path, "/") != "地球科学/重力学" {
			t.Errorf("path: %+v %v", hits, err)
		}
		// A table imported before initials were stored is searched by
		// initials computed from the names.
		if _, err := d.Exec(ctx, `UPDATE disciplines SET initials = ''`); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if got := codes(c.q, 10); got != c.want {
				t.Errorf("without stored initials, %q: got %q, want %q", c.q, got, c.want)
			}
		}
	})
}

// regionDisciplines is a CSV table the size of GB/T 13745 (about 3,300
// entries, three levels), named after the GB/T 2260 regions so the names
// are real Chinese with the usual polyphonic characters.
func regionDisciplines() string {
	rt := std.Regions()
	var b strings.Builder
	b.WriteString("代码,名称\n")
	for i, p := range rt.Children("") {
		pc := fmt.Sprintf("%03d", 100+i)
		fmt.Fprintf(&b, "%s,%s\n", pc, p.Name)
		for j, c := range rt.Children(p.Code) {
			cc := fmt.Sprintf("%s%02d", pc, 10+j)
			fmt.Fprintf(&b, "%s,%s\n", cc, c.Name)
			for k, n := range rt.Children(c.Code) {
				if k < 89 {
					fmt.Fprintf(&b, "%s%02d,%s\n", cc, 10+k, n.Name)
				}
			}
		}
	}
	return b.String()
}

// BenchmarkSearchDisciplinesPinyin is one keystroke of the picker with a
// Latin query over a table of GB/T 13745's size: "sx" (many matches, most
// rows pass the SQL filter) and "pzh" (few); "攀枝花" is the text search,
// for comparison.
func BenchmarkSearchDisciplinesPinyin(b *testing.B) {
	ctx := context.Background()
	for _, open := range []struct {
		name string
		open func(testing.TB, ...db.Migrations) *db.DB
	}{{"sqlite", dbtest.OpenSQLite}, {"postgres", dbtest.OpenPostgres}} {
		b.Run(open.name, func(b *testing.B) {
			f := setup(b, open.open(b, sets...))
			n, errs, err := f.s.ImportDisciplines(ctx, strings.NewReader(regionDisciplines()))
			if err != nil || len(errs) > 0 {
				b.Fatalf("import: %v %v", errs, err)
			}
			for _, q := range []string{"sx", "pzh", "攀枝花"} {
				b.Run(q, func(b *testing.B) {
					for b.Loop() {
						if _, err := f.s.SearchDisciplines(ctx, q, 15); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(n), "entries")
				})
			}
		})
	}
}
