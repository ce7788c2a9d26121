package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db/dbtest"
	"kexie/internal/innovation"
	"kexie/internal/kepu"
	"kexie/internal/review"
	"kexie/internal/stats"
	"kexie/internal/voice"
)

// The staff dashboard reads its to-do kinds through the modules' stores on
// the whole schema: staff with nothing waiting see the card and 暂无待办事项;
// a member sees no staff work.
func TestStaffHomeReadsTodos(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	// The city's 统计年报 is a 待办 near its deadline: put it far off, so the
	// card is empty whatever the season.
	y := ta.Stats.CurrentYear()
	must(t, ta.Stats.SetDeadline(context.Background(), ta.root.ID, y, fmt.Sprintf("%d-12-31", y+2), stats.Actor{UserID: 1}))
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

// A request filed with the city reaches its staff's to-do card as waiting to
// be accepted, then, accepted and past its time limit, as overdue; the peer
// city's staff see neither.
func TestStaffHomeTodoVoice(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	staff, _ := ta.user(t, "todovoice", access.OrgStaff, ta.city)
	peer, _ := ta.user(t, "todovpeer", access.OrgStaff, ta.peer)
	it, _, err := ta.Voice.File(ctx, voice.FileInput{OrgID: ta.city.ID, Kind: voice.Request, Topic: "rights", Title: "拖欠绩效工资",
		Body: "单位拖欠科研人员绩效工资半年，请协调解决。", Contact: "13700000001", Source: "todo"})
	must(t, err)
	if _, body := staff.get("/"); !strings.Contains(body, "建言诉求待受理（件）") || !strings.Contains(body, `href="/voice/admin?status=submitted"`) {
		t.Error("the city's staff are not shown the request to accept")
	}
	if _, body := peer.get("/"); strings.Contains(body, "建言诉求待受理") {
		t.Error("the peer city's staff are shown the city's request")
	}
	must(t, ta.Voice.Accept(ctx, it.ID, voice.Actor{UserID: 1, Name: "受理人"}))
	now := ta.DB.Now
	ta.DB.Now = func() time.Time { return now().AddDate(0, 2, 0) }
	defer func() { ta.DB.Now = now }()
	if _, body := staff.get("/"); !strings.Contains(body, "建言诉求已逾期（件）") || !strings.Contains(body, `href="/voice/admin?overdue=1"`) {
		t.Error("the city's staff are not shown the overdue request")
	}
}

// A technology need filed with the city reaches its staff's to-do card as
// waiting for review, then, published and waiting past the configured days
// without a 对接, as waiting; the peer city's staff see neither.
func TestStaffHomeTodoInnovation(t *testing.T) {
	ta := newTestApp(t, dbtest.OpenSQLite(t).DSN())
	ctx := context.Background()
	staff, _ := ta.user(t, "todoinnov", access.OrgStaff, ta.city)
	peer, _ := ta.user(t, "todoipeer", access.OrgStaff, ta.peer)
	n, err := ta.Innov.File(ctx, innovation.FileInput{OrgID: ta.city.ID, Enterprise: "某新材料有限公司", USCC: "91110000802100433B",
		RegionCode: "510402", Field: "materials", Title: "尾矿综合利用技术", Body: "企业每年产生尾矿约五十万吨，需要经济可行的综合利用技术方案。",
		Contact: "13700000002", Source: "todo"})
	must(t, err)
	if _, body := staff.get("/"); !strings.Contains(body, "技术需求待审核（项）") || !strings.Contains(body, `href="/innovation/admin?status=pending"`) {
		t.Error("the city's staff are not shown the need to review")
	}
	if _, body := peer.get("/"); strings.Contains(body, "技术需求待审核") {
		t.Error("the peer city's staff are shown the city's need")
	}
	must(t, ta.Innov.Publish(ctx, n.ID, innovation.Actor{UserID: 1, Name: "审核人"}))
	if _, body := staff.get("/"); strings.Contains(body, "技术需求久未对接") {
		t.Error("a need published today is shown as waiting")
	}
	now := ta.DB.Now
	ta.DB.Now = func() time.Time { return now().AddDate(0, 0, 15) }
	defer func() { ta.DB.Now = now }()
	if _, body := staff.get("/"); !strings.Contains(body, "技术需求久未对接（项）") || !strings.Contains(body, `href="/innovation/admin?waiting=1"`) {
		t.Error("the city's staff are not shown the need waiting for a meeting")
	}
}
