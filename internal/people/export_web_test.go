package people_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kexie/internal/access"
	"kexie/internal/people"
)

// A city's staff export only their city's people, with phone numbers
// masked, and their list shows no one of another city.
func TestPeopleExportIsScoped(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := context.Background()
		for _, in := range []people.Input{{OrgID: ps.City.ID, Name: "张伟", Phone: "13812345678"}, {OrgID: ps.Peer.ID, Name: "李娜", Phone: "13912345678"}} {
			if _, err := ps.People.Create(ctx, in); err != nil {
				t.Fatal(err)
			}
		}
		staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
		res, body := staff.Get("/people?format=xlsx")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("export: %d", res.StatusCode)
		}
		f, err := excelize.OpenReader(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetName(0))
		if len(rows) != 2 || rows[1][0] != "张伟" || rows[1][4] != "138****5678" {
			t.Errorf("exported rows = %q; want only the city's person, masked", rows)
		}
		if _, body := staff.Get("/people"); strings.Contains(body, "李娜") {
			t.Error("the list shows another city's person")
		}
	})
}

// The 学科代码 column of a people export holds all of a person's
// disciplines as the import reads them: importing the cell, under the
// exported header, gives a person the same primary and secondary ones.
func TestPeopleExportDisciplines(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		ctx := context.Background()
		loadWebDisciplines(t, ps.People)
		if _, err := ps.People.Create(ctx, people.Input{OrgID: ps.City.ID, Name: "张伟", Expertise: "矩阵计算",
			Discipline: "1101410", Disciplines2: []string{"11021", "120"}}); err != nil {
			t.Fatal(err)
		}
		staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
		for _, path := range []string{"/people?format=xlsx", "/people?format=xlsx&q=" + url.QueryEscape("矩阵") + "&discipline=11021"} {
			res, body := staff.Get(path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: %d", path, res.StatusCode)
			}
			f, err := excelize.OpenReader(strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows(f.GetSheetName(0))
			col := slices.Index(rows[0], "学科代码")
			if len(rows) != 2 || col < 0 || col >= len(rows[1]) || rows[1][col] != "1101410；11021；120" {
				t.Fatalf("%s: exported %q", path, rows)
			}
			// Read back by the import, as a new person.
			id := idNumber(fmt.Sprintf("5104021985031220%d", len(path)%10))
			file := "姓名,身份证号,手机号,工作单位,地区代码," + rows[0][col] + "\n李娜," + id + ",13912345678,攀枝花学院,510402," + rows[1][col] + "\n"
			r, err := ps.People.Import(ctx, strings.NewReader(file), "back.csv", ps.City.ID, false)
			if err != nil || r.Created != 1 {
				t.Fatalf("import of the export: %+v %v", r, err)
			}
			p, _ := ps.People.FindByIDNumber(ctx, id)
			if p.Discipline != "1101410" || !slices.Equal(p.Disciplines2, []string{"11021", "120"}) {
				t.Errorf("read back as %q %q", p.Discipline, p.Disciplines2)
			}
			if _, err := ps.DB.Exec(ctx, `DELETE FROM people WHERE id = ?`, p.ID); err != nil {
				t.Fatal(err)
			}
		}
	})
}
