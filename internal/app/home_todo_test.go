package app

import (
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
)

// The staff dashboard reads its to-do kinds through the modules' stores on
// the whole schema: staff with nothing waiting see the card and 暂无待办事项;
// a member sees no staff work.
func TestStaffHomeReadsTodos(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	staff, _ := ta.user(t, "todostaff", access.OrgStaff, ta.city)
	res, body := staff.get("/")
	if res.StatusCode != 200 || !strings.Contains(body, `id="todo"`) || !strings.Contains(body, "暂无待办事项。") {
		t.Errorf("staff home: %d, to-do card %v", res.StatusCode, strings.Contains(body, `id="todo"`))
	}
	member, _ := ta.user(t, "todomember", access.Member, ta.city)
	if _, body := member.get("/"); strings.Contains(body, `id="todo"`) {
		t.Error("a member's home shows staff work")
	}
}
