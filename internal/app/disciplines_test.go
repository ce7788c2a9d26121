package app

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
	"kexie/internal/db/dbtest"
	"kexie/internal/people"
	"kexie/internal/std"
)

// A small table of our own in the shape of GB/T 13745.
const testDisciplines = "代码,名称\n110,数学\n11014,代数学\n1101410,线性代数\n11021,几何学\n120,信息科学与系统科学\n"

func loadDisciplines(t *testing.T, ta *testApp) {
	t.Helper()
	if _, errs, err := ta.People.ImportDisciplines(context.Background(), strings.NewReader(testDisciplines)); err != nil || len(errs) > 0 {
		t.Fatalf("import disciplines: %v %v", errs, err)
	}
}

func testID(first17 string) string { return first17 + string(std.CitizenIDCheckDigit(first17)) }

// The 学科代码 column of a people export holds all of a person's
// disciplines as the import reads them: importing the cell, under the
// exported header, gives a person the same primary and secondary ones.
func TestPeopleExportDisciplines(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	loadDisciplines(t, ta)
	if _, err := ta.People.Create(ctx, people.Input{OrgID: ta.city.ID, Name: "张伟", Expertise: "矩阵计算",
		Discipline: "1101410", Disciplines2: []string{"11021", "120"}}); err != nil {
		t.Fatal(err)
	}
	staff, _ := ta.user(t, "cityclerk", access.OrgStaff, ta.city)
	for _, path := range []string{"/people?format=xlsx", "/people?format=xlsx&q=" + url.QueryEscape("矩阵") + "&discipline=11021"} {
		res, body := staff.get(path)
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
		id := testID(fmt.Sprintf("5104021985031220%d", len(path)%10))
		file := "姓名,身份证号,手机号,工作单位,地区代码," + rows[0][col] + "\n李娜," + id + ",13912345678,攀枝花学院,510402," + rows[1][col] + "\n"
		r, err := ta.People.Import(ctx, strings.NewReader(file), "back.csv", ta.city.ID, false)
		if err != nil || r.Created != 1 {
			t.Fatalf("import of the export: %+v %v", r, err)
		}
		p, _ := ta.People.FindByIDNumber(ctx, id)
		if p.Discipline != "1101410" || !slices.Equal(p.Disciplines2, []string{"11021", "120"}) {
			t.Errorf("read back as %q %q", p.Discipline, p.Disciplines2)
		}
		if _, err := ta.DB.Exec(ctx, `DELETE FROM people WHERE id = ?`, p.ID); err != nil {
			t.Fatal(err)
		}
	}
}

// Staff and a worker set secondary disciplines in their forms; errors come
// back on the field with the input kept, and the person's page shows every
// discipline with its name.
func TestDisciplineForms(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	loadDisciplines(t, ta)
	staff, _ := ta.user(t, "cityclerk", access.OrgStaff, ta.city)
	form := url.Values{"name": {"张伟"}, "org_id": {fmt.Sprint(ta.city.ID)}, "discipline": {"11021"}, "disciplines2": {"1101410；11021"}}
	res, body := staff.post("/people", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "次要学科 11021 与主学科相同") ||
		!strings.Contains(body, `value="1101410；11021"`) {
		t.Fatalf("the primary again: %d %.2000s", res.StatusCode, body)
	}
	form.Set("disciplines2", "1101410；120；")
	res, _ = staff.post("/people", form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: %d", res.StatusCode)
	}
	_, body = staff.get(res.Header.Get("Location"))
	for _, want := range []string{"主学科", "<code>11021</code> 几何学", "次要学科", "<code>1101410</code> 线性代数；<code>120</code> 信息科学与系统科学"} {
		if !strings.Contains(body, want) {
			t.Errorf("person page lacks %q", want)
		}
	}

	// The search page's discipline facet names the first levels of the
	// primary and secondary disciplines from the table.
	_, body = staff.get("/people?q=" + url.QueryEscape("张伟"))
	for _, want := range []string{`<h3>学科</h3>`, `>数学</a> <span class="muted">1</span>`, `>信息科学与系统科学</a> <span class="muted">1</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %q", want)
		}
	}

	worker, _ := ta.user(t, "worker", access.Member, ta.city)
	me := url.Values{"name": {"赵敏"}, "org_id": {fmt.Sprint(ta.city.ID)}, "id_number": {testID("51040219900101202")}, "phone": {"13812345678"},
		"consent": {"yes"}, "discipline": {"120"}, "disciplines2": {"11014 代数"}}
	res, body = worker.post("/me", me)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "次要学科“代数”不是学科代码") {
		t.Fatalf("a name among the codes: %d %.2000s", res.StatusCode, body)
	}
	me.Set("disciplines2", "11014, 1101410")
	if res, _ := worker.post("/me", me); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save profile: %d", res.StatusCode)
	}
	_, body = worker.get("/me")
	if !strings.Contains(body, `name="disciplines2" value="11014；1101410"`) {
		t.Errorf("profile form does not show the secondary disciplines: %.3000s", body)
	}
	me.Del("id_number")
	me.Set("disciplines2", "")
	if res, _ := worker.post("/me", me); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("clear: %d", res.StatusCode)
	}
	if p, _ := ta.People.FindByIDNumber(context.Background(), testID("51040219900101202")); p.Discipline != "120" || len(p.Disciplines2) != 0 {
		t.Errorf("after clearing: %q %q", p.Discipline, p.Disciplines2)
	}
	// The holder edits education and degree; the talent categories the
	// office gave are not on their form and stay as they were.
	p, _ := ta.People.FindByIDNumber(context.Background(), testID("51040219900101202"))
	if _, err := ta.DB.Exec(context.Background(), `UPDATE people SET categories = '高层次人才' WHERE id = ?`, p.ID); err != nil {
		t.Fatal(err)
	}
	me.Set("education", "研究生")
	me.Set("degree", "博士")
	if res, _ := worker.post("/me", me); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save education: %d", res.StatusCode)
	}
	if p, _ := ta.People.Get(context.Background(), p.ID); p.Education != "研究生" || p.Degree != "博士" || p.Categories != "高层次人才" {
		t.Errorf("after the holder's save: education %q degree %q categories %q", p.Education, p.Degree, p.Categories)
	}
	if _, body := worker.get("/me"); !strings.Contains(body, `name="education" value="研究生"`) {
		t.Errorf("profile form does not show the education")
	}
}
