package app

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/kepu"
	"kexie/internal/review"
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

// Applications waiting for 推荐 and then for 形式审查 reach the city staff's
// to-do card, each linked where it is decided; the peer city's do not.
func TestStaffHomeTodoApplications(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	f := newReviewFixture(t, ta)
	staff, u := ta.user(t, "todoreview", access.OrgStaff, ta.city)
	_, body := staff.get("/")
	for _, want := range []string{"申报待推荐（份）", `href="/review/recommend"`} {
		if !strings.Contains(body, want) {
			t.Errorf("staff home lacks %s", want)
		}
	}
	if strings.Contains(body, "申报待形式审查") || strings.Count(body, ">青年科技奖<") != 1 {
		t.Errorf("to-do card: formal check listed %v, calls listed %d (want the city's one)",
			strings.Contains(body, "申报待形式审查"), strings.Count(body, ">青年科技奖<"))
	}
	must(t, ta.Review.Recommend(context.Background(), f.app, access.Subtrees(ta.city.Path), u.ID, review.Approve, ""))
	_, body = staff.get("/")
	call := `href="/review/calls/` + strconv.FormatInt(f.call, 10) + `"`
	if !strings.Contains(body, "申报待形式审查（份）") || !strings.Contains(body, call) || strings.Contains(body, "申报待推荐") {
		t.Errorf("after 推荐: formal check %v, linked to its call %v, still to recommend %v",
			strings.Contains(body, "申报待形式审查"), strings.Contains(body, call), strings.Contains(body, "申报待推荐"))
	}
}

// A rumour lead filed with the city reaches its administrator's to-do card,
// linked to the untriaged leads; the peer city's administrator sees none.
func TestStaffHomeTodoLeads(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	_, err := ta.Kepu.FileLead(context.Background(), kepu.LeadInput{OrgID: ta.city.ID, Claim: "5G 基站辐射会导致癌症", Source: "h1"})
	must(t, err)
	admin, _ := ta.user(t, "todoadmin", access.OrgAdmin, ta.city)
	if _, body := admin.get("/"); !strings.Contains(body, "谣言线索待处理（条）") || !strings.Contains(body, `href="/kepu/admin/leads?status=new"`) {
		t.Error("the city's administrator is not shown the new lead")
	}
	peer, _ := ta.user(t, "todopeer", access.OrgAdmin, ta.peer)
	if _, body := peer.get("/"); strings.Contains(body, "谣言线索待处理") {
		t.Error("the peer city's administrator is shown the city's lead")
	}
}
