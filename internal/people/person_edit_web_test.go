package people_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/people"
)

// The edit and delete pages: who may open them, what a bad entry answers,
// and what a saved one changes.
func TestPersonEditPages(t *testing.T) {
	eachDB(t, testPersonEditPages)
}

func testPersonEditPages(t *testing.T, ps peopleSite) {
	ctx := context.Background()
	staff, _ := ps.User(t, "cityclerk", access.OrgStaff, ps.City)
	peerStaff, _ := ps.User(t, "peerclerk", access.OrgStaff, ps.Peer)
	p, err := ps.People.Create(ctx, people.Input{OrgID: ps.City.ID, Name: "张伟", IDNumber: idNumber("51040219850312201"), Phone: "13812345678", Title: "讲师"})
	if err != nil {
		t.Fatal(err)
	}
	bare, err := ps.People.Create(ctx, people.Input{OrgID: ps.City.ID, Name: "李娜"})
	if err != nil {
		t.Fatal(err)
	}
	// The pages are at /people/edit/{id} (GET /people/{id}/edit would
	// clash with GET /people/pools/{id}); the forms post to /people/{id}/….
	editPage, delPage := fmt.Sprintf("/people/edit/%d", p.ID), fmt.Sprintf("/people/delete/%d", p.ID)
	edit, del := fmt.Sprintf("/people/%d/edit", p.ID), fmt.Sprintf("/people/%d/delete", p.ID)
	pages := []struct {
		name, path string
		c          interface {
			Get(string) (*http.Response, string)
		}
		status int
		want   string
	}{
		{"edit form", editPage, staff, 200, `value="讲师"`},
		{"masked ID, no field", editPage, staff, 200, "身份证号已登记，不能修改"},
		{"phone kept masked", editPage, staff, 200, `placeholder="138****5678"`},
		{"ID field while unset", fmt.Sprintf("/people/edit/%d", bare.ID), staff, 200, `name="id_number"`},
		{"other city", editPage, peerStaff, 404, ""}, // out of scope: as if absent
		{"delete form", delPage, staff, 200, "此操作不能撤销"},
		{"delete other city", delPage, peerStaff, 404, ""},
		{"show links", fmt.Sprintf("/people/%d", p.ID), staff, 200, `id="edit-person"`},
	}
	for _, tt := range pages {
		t.Run(tt.name, func(t *testing.T) {
			res, body := tt.c.Get(tt.path)
			if res.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%d, want %d with %q", res.StatusCode, tt.status, tt.want)
			}
			if strings.Contains(body, "13812345678") {
				t.Error("the full phone is on the page")
			}
		})
	}

	form := url.Values{"name": {"张伟"}, "org_id": {fmt.Sprint(ps.City.ID)}, "title": {"教授"}, "title_level": {"senior"}}
	posts := []struct {
		name   string
		set    map[string]string
		status int
		want   string
	}{
		{"empty name", map[string]string{"name": " "}, 422, "请填写姓名"},
		{"move outside scope", map[string]string{"org_id": fmt.Sprint(ps.Peer.ID)}, 422, "您无权把人员调到该组织"},
		{"bad level", map[string]string{"title_level": "x"}, 422, `class="err"`},
	}
	for _, tt := range posts {
		t.Run(tt.name, func(t *testing.T) {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			for k, v := range tt.set {
				f.Set(k, v)
			}
			res, body := staff.Post(edit, f)
			if res.StatusCode != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%d, want %d with %q: %.2000s", res.StatusCode, tt.status, tt.want, body)
			}
			if got, _ := ps.People.Get(ctx, p.ID); got.Title != "讲师" {
				t.Errorf("a refused edit changed the title to %q", got.Title)
			}
		})
	}
	if res, _ := peerStaff.Post(edit, url.Values{"name": {"王五"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("edit from the other city: %d", res.StatusCode)
	}
	res, body := staff.Post(edit, form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d %.3000s", res.StatusCode, body)
	}
	got, _ := ps.People.Get(ctx, p.ID)
	if got.Title != "教授" || got.PhoneMasked != "138****5678" {
		t.Errorf("after save: title %q, phone %q (an empty phone field keeps the phone)", got.Title, got.PhoneMasked)
	}

	// Deleting needs a reason and the confirmation.
	for _, tt := range []struct {
		name string
		f    url.Values
		want string
	}{
		{"no confirmation", url.Values{"reason": {"重复录入"}}, "请勾选"},
		{"no reason", url.Values{"confirm": {"yes"}}, "请填写删除原因"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, body := staff.Post(del, tt.f)
			if res.StatusCode != 422 || !strings.Contains(body, tt.want) {
				t.Errorf("%d, want %q", res.StatusCode, tt.want)
			}
		})
	}
	if res, _ := staff.Post(del, url.Values{"reason": {"重复录入"}, "confirm": {"yes"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	for _, path := range []string{fmt.Sprintf("/people/%d", p.ID), editPage, delPage} {
		if res, _ := staff.Get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s after delete: %d", path, res.StatusCode)
		}
	}
	if _, body := staff.Get("/people"); strings.Contains(body, "已删除") || !strings.Contains(body, "李娜") {
		t.Error("the list shows the deleted person, or lost the other")
	}
	if _, body := staff.Get("/people?q=已"); strings.Contains(body, "已删除") {
		t.Error("search finds the tombstone")
	}
}
