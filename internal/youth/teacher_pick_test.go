package youth_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web"
	"kexie/internal/web/webtest"
)

// account makes a user called username (display name shown) holding role at o.
func account(t testing.TB, s *site, username, name string, role access.Role, o org.Org) {
	t.Helper()
	ctx := context.Background()
	in := webtest.UserInput(username)
	in.DisplayName, in.Email = name, username+"@example.cn"
	u, err := s.Auth.CreateUser(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Auth.Grant(ctx, u.ID, o.ID, role, 0); err != nil {
		t.Fatal(err)
	}
}

// TestTeacherPick: the new teacher's account is chosen with the user
// picker over the staff's youth.handle scope — found by part of a name,
// with user name and org path and no e-mail, never a user of another
// city; the pick sends the user name, which the server checks as before,
// and the teacher is linked.
func TestTeacherPick(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		s := serve(t, d)
		staff, _ := s.User(t, "staff", access.OrgStaff, s.City)
		account(t, s, "zhaols", "赵老师", access.Member, s.City)
		account(t, s, "zhaowai", "赵外市", access.Member, s.Peer)

		res, body := staff.Get("/youth/admin/teachers/new")
		status(t, "form", res, body, 200, `data-lookup="/users/lookup?action=youth.handle"`, "输入姓名或用户名查找")
		if strings.Contains(body, `name="username" maxlength`) {
			t.Error("the form still asks for a typed user name")
		}
		res, body = staff.Get("/users/lookup?action=youth.handle&q=" + url.QueryEscape("赵"))
		var p web.PickPage
		if err := json.Unmarshal([]byte(body), &p); err != nil || res.StatusCode != 200 {
			t.Fatalf("lookup: %d %s", res.StatusCode, body)
		}
		if len(p.Hits) != 1 || p.Hits[0].Code != "zhaols" || p.Hits[0].Name != "赵老师" || !strings.HasSuffix(p.Hits[0].Path, s.City.Name) {
			t.Fatalf("staff look up 赵: %+v", p)
		}
		if strings.Contains(body, "@") || strings.Contains(body, "zhaowai") {
			t.Errorf("the answer tells more than it may: %s", body)
		}
		tf := url.Values{"org_id": {"PZH"}, "name": {"赵辅导员"}, "school": {"攀枝花市第三中学"}, "subject": {"物理"}, "region_code": {"510402"},
			"contact": {"13800001111"}, "username": {"赵老师"}}
		res, body = staff.Post("/youth/admin/teachers/new", tf)
		status(t, "a name, not a pick", res, body, http.StatusUnprocessableEntity, "没有这个用户名的账号")
		tf.Set("username", p.Hits[0].Code)
		res, body = staff.Post("/youth/admin/teachers/new", tf)
		status(t, "the pick", res, body, http.StatusSeeOther)
		res, body = staff.Get(res.Header.Get("Location"))
		status(t, "teacher", res, body, 200, "赵辅导员", "已关联")
	})
}
