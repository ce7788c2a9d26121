package people_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
)

// Staff and a worker set secondary disciplines in their forms; errors come
// back on the field with the input kept, and the person's page shows every
// discipline with its name.
func TestDisciplineForms(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		loadWebDisciplines(t, ps.People)
		staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
		form := url.Values{"name": {"张伟"}, "org_id": {fmt.Sprint(ps.City.ID)}, "discipline": {"11021"}, "disciplines2": {"1101410；11021"}}
		res, body := staff.Post("/people", form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "次要学科 11021 与主学科相同") ||
			!strings.Contains(body, `value="1101410；11021"`) {
			t.Fatalf("the primary again: %d %.2000s", res.StatusCode, body)
		}
		form.Set("disciplines2", "1101410；120；")
		res, _ = staff.Post("/people", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d", res.StatusCode)
		}
		_, body = staff.Get(res.Header.Get("Location"))
		for _, want := range []string{"主学科", "<code>11021</code> 几何学", "次要学科", "<code>1101410</code> 线性代数；<code>120</code> 信息科学与系统科学"} {
			if !strings.Contains(body, want) {
				t.Errorf("person page lacks %q", want)
			}
		}

		// The search page's discipline facet names the first levels of the
		// primary and secondary disciplines from the table.
		_, body = staff.Get("/people?q=" + url.QueryEscape("张伟"))
		for _, want := range []string{`<h3>学科</h3>`, `>数学</a> <span class="muted">1</span>`, `>信息科学与系统科学</a> <span class="muted">1</span>`} {
			if !strings.Contains(body, want) {
				t.Errorf("search page lacks %q", want)
			}
		}

		worker, _ := ps.User(t, "worker", access.Member, ps.City)
		me := url.Values{"name": {"赵敏"}, "org_id": {fmt.Sprint(ps.City.ID)}, "id_number": {idNumber("51040219900101202")}, "phone": {"13812345678"},
			"consent": {"yes"}, "discipline": {"120"}, "disciplines2": {"11014 代数"}}
		res, body = worker.Post("/me", me)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "次要学科“代数”不是学科代码") {
			t.Fatalf("a name among the codes: %d %.2000s", res.StatusCode, body)
		}
		me.Set("disciplines2", "11014, 1101410")
		if res, _ := worker.Post("/me", me); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save profile: %d", res.StatusCode)
		}
		_, body = worker.Get("/me")
		if !strings.Contains(body, `name="disciplines2" value="11014；1101410"`) {
			t.Errorf("profile form does not show the secondary disciplines: %.3000s", body)
		}
		me.Del("id_number")
		me.Set("disciplines2", "")
		if res, _ := worker.Post("/me", me); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("clear: %d", res.StatusCode)
		}
		if p, _ := ps.People.FindByIDNumber(context.Background(), idNumber("51040219900101202")); p.Discipline != "120" || len(p.Disciplines2) != 0 {
			t.Errorf("after clearing: %q %q", p.Discipline, p.Disciplines2)
		}
		// The holder edits education and degree; the talent categories the
		// office gave are not on their form and stay as they were.
		p, _ := ps.People.FindByIDNumber(context.Background(), idNumber("51040219900101202"))
		if _, err := ps.DB.Exec(context.Background(), `UPDATE people SET categories = '高层次人才' WHERE id = ?`, p.ID); err != nil {
			t.Fatal(err)
		}
		me.Set("education", "研究生")
		me.Set("degree", "博士")
		if res, _ := worker.Post("/me", me); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save education: %d", res.StatusCode)
		}
		if p, _ := ps.People.Get(context.Background(), p.ID); p.Education != "研究生" || p.Degree != "博士" || p.Categories != "高层次人才" {
			t.Errorf("after the holder's save: education %q degree %q categories %q", p.Education, p.Degree, p.Categories)
		}
		if _, body := worker.Get("/me"); !strings.Contains(body, `name="education" value="研究生"`) {
			t.Errorf("profile form does not show the education")
		}
	})
}
