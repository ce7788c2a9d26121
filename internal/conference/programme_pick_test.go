package conference_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/conference"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/web"
	"kexie/internal/web/webtest"
)

// person makes an account named name (display name shown) holding role at o.
func person(t testing.TB, cs *confSite, username, name string, role access.Role, o org.Org) auth.User {
	t.Helper()
	ctx := context.Background()
	in := webtest.UserInput(username)
	in.DisplayName, in.Email = name, username+"@example.cn"
	u, err := cs.Auth.CreateUser(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if err := cs.Auth.Grant(ctx, u.ID, o.ID, role, 0); err != nil {
		t.Fatal(err)
	}
	return u
}

// TestProgrammePick: the 程序委员会 form is the user picker over the
// conference staff's scope — the society's staff find a member of the
// society by part of their name (name, user name and org path, no
// e-mail), never someone of another city; the pick sends the user name,
// which the server checks as before, and the member appears.
func TestProgrammePick(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		cs := serveConf(t, d)
		ctx := context.Background()
		sec, _ := cs.User(t, "xiehui", access.OrgStaff, cs.soc)
		person(t, cs, "wangjs", "王建设", access.Member, cs.soc)
		person(t, cs, "wangwai", "王外市", access.Member, cs.Peer)
		person(t, cs, "wangshi", "王市里", access.Member, cs.City) // above the society: not in its staff's scope
		now := *cs.now
		res, body := sec.Post("/conference/admin/new", url.Values{"org_id": {"PZHJS"}, "title": {"第十届钒钛学术年会"}, "kind": {"annual"},
			"starts_on": {day(now, 10)}, "ends_on": {day(now, 11)}, "city": {"攀枝花"}, "venue": {"国际会展中心"}, "expected": {"200"},
			"capacity": {"20"}, "budget": {"8.5"}, "topics": {"钒钛"}})
		status(t, "create", res, body, http.StatusSeeOther)
		list, _, _ := cs.Store.List(ctx, conference.Filter{Scope: access.Everywhere()})
		base := "/conference/admin/" + strconv.FormatInt(list[0].ID, 10)

		res, body = sec.Get(base)
		status(t, "show", res, body, 200, `data-lookup="/users/lookup?action=conference.file"`, "输入姓名或用户名查找")
		if !strings.Contains(body, `id="programme-form"`) || strings.Contains(body, `name="username" maxlength`) {
			t.Error("the programme form still asks for a typed user name")
		}

		res, body = sec.Get("/users/lookup?action=conference.file&q=" + url.QueryEscape("王"))
		var p web.PickPage
		if err := json.Unmarshal([]byte(body), &p); err != nil || res.StatusCode != 200 {
			t.Fatalf("lookup: %d %s", res.StatusCode, body)
		}
		if len(p.Hits) != 1 || p.Total != 1 || p.Hits[0].Code != "wangjs" || p.Hits[0].Name != "王建设" || !strings.HasSuffix(p.Hits[0].Path, "攀枝花市金属学会") {
			t.Fatalf("the society's staff look up 王: %+v", p)
		}
		if strings.Contains(body, "@") || strings.Contains(body, "wangwai") || strings.Contains(body, "wangshi") {
			t.Errorf("the answer tells more than it may: %s", body)
		}

		res, body = sec.Post(base+"/programme", url.Values{"username": {p.Hits[0].Code}})
		status(t, "add the pick", res, body, http.StatusSeeOther)
		res, body = sec.Get(base)
		status(t, "named", res, body, 200, `id="programme-list"`, "王建设")
		// The server checks a value as before: a name that is no account
		// is refused with its message, the form kept.
		res, body = sec.Post(base+"/programme", url.Values{"username": {"王建设"}})
		status(t, "a name, not a pick", res, body, 422, "没有这个用户名的账号")
	})
}
