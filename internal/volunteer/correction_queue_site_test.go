package volunteer_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/volunteer"
)

// queueEntry registers a volunteer of org and credits them 3 hours.
func queueEntry(t *testing.T, vs volSite, orgID int64, serial int, name string) (volunteer.Volunteer, volunteer.Entry) {
	t.Helper()
	ctx := context.Background()
	v, err := vs.Store.Register(ctx, volunteer.Input{OrgID: orgID, Name: name, IDNumber: idNumber(serial)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	p, err := vs.Store.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: orgID, Title: "科技馆讲解", StartsAt: now, EndsAt: now.Add(5 * time.Hour), Slots: 2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	vs.Store.SignUp(ctx, p.ID, v.ID)
	vs.Store.CheckIn(ctx, p.ID, v.ID, access.Everywhere())
	vs.DB.Exec(ctx, `UPDATE volunteer_signups SET checked_in_at = checked_in_at - ? WHERE volunteer_id = ?`, int64(3*time.Hour/time.Millisecond), v.ID)
	e, err := vs.Store.CheckOut(ctx, p.ID, v.ID, access.Everywhere(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return v, e
}

// TestSiteCorrectionQueue: staff see the pending corrections of their scope
// in one queue (with a badge on the volunteer list), filter, export and
// decide them there, returning to the queue; the filer sees no buttons on
// their own filing; a bad filter is a 422 listing nothing; a member is
// refused and a peer city sees only its own.
func TestSiteCorrectionQueue(t *testing.T) {
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		vs := serveVolunteers(t, d)
		staff, su := vs.User(t, "staff", access.OrgStaff, vs.City)
		second, _ := vs.User(t, "second", access.OrgAdmin, vs.City)
		peer, pu := vs.User(t, "peer", access.OrgStaff, vs.Peer)
		member, _ := vs.User(t, "member", access.Member, vs.City)
		zhang, ze := queueEntry(t, vs, vs.City.ID, 21, "张三")
		wang, we := queueEntry(t, vs, vs.Peer.ID, 22, "王五")
		cid, err := vs.Store.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: zhang.ID, EntrySeq: ze.Seq, Minutes: -60, Reason: "签退晚点了一小时"},
			access.Everywhere(), su.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := vs.Store.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: wang.ID, EntrySeq: we.Seq, Minutes: 30, Reason: "漏记半小时"},
			access.Everywhere(), pu.ID); err != nil {
			t.Fatal(err)
		}
		const q = "/volunteers/corrections"
		decide := "/volunteers/" + strconv.FormatInt(zhang.ID, 10) + "/corrections/" + strconv.FormatInt(cid, 10) + "/decide"

		res, body := staff.Get("/volunteers")
		must(t, "list links the queue", res, body, 200, `href="/volunteers/corrections" id="queue-link"`, `<span class="badge red">1</span>`)
		res, body = staff.Get(q)
		must(t, "filer's queue", res, body, 200, "张三", "签退晚点了一小时", "-1", "由你提交，待他人审核", ">staff<")
		if strings.Contains(body, "王五") || strings.Contains(body, `action="`+decide+`"`) {
			t.Fatal("the filer sees the peer city's row or buttons on their own filing")
		}
		res, body = second.Get(q)
		must(t, "approver's queue", res, body, 200, `action="`+decide+`"`, `name="back" value="/volunteers/corrections"`)
		res, body = peer.Get(q)
		must(t, "peer's queue", res, body, 200, "王五", "漏记半小时")
		if strings.Contains(body, "张三") {
			t.Fatal("the peer city sees the city's correction")
		}
		res, body = member.Get(q)
		must(t, "member", res, body, 403)
		res, body = member.Get(q + "?format=xlsx")
		must(t, "member's export", res, body, 403)

		// Filters: a name, an org (its subtree; another city's shows nothing),
		// a status; a bad org or status is a 422 that lists nothing.
		for _, c := range []struct {
			query  string
			status int
			want   string
			not    string
		}{
			{"?q=" + url.QueryEscape("张"), 200, "张三", ""},
			{"?q=" + url.QueryEscape("李"), 200, "没有符合条件的时长更正", "张三"},
			{"?org=PZH", 200, "张三", ""},
			{"?org=CZ", 200, "没有符合条件的时长更正", "王五"},
			{"?org=NOPE", 422, "找不到组织“NOPE”", "张三"},
			{"?status=done", 422, "没有这种审核状态", "张三"},
			{"?status=approved", 200, "没有符合条件的时长更正", "张三"},
			{"?status=all&sort=-hours", 200, "张三", ""},
		} {
			res, body = second.Get(q + c.query)
			must(t, c.query, res, body, c.status, c.want)
			if c.not != "" && strings.Contains(body, c.not) {
				t.Errorf("%s shows %q", c.query, c.not)
			}
		}
		res, body = second.Get(q + "?org=NOPE&format=xlsx")
		must(t, "export with a bad org", res, body, 422, "找不到组织")

		// The export: the filter's rows, the ID number masked.
		rows := staff.XLSX(q + "?format=xlsx")
		if len(rows) != 2 || rows[0][0] != "姓名" || rows[1][0] != "张三" || rows[1][5] != "-1" || rows[1][7] != "staff" || rows[1][9] != "待审核" {
			t.Fatalf("export = %q", rows)
		}
		if id := rows[1][1]; !strings.Contains(id, "*") || strings.Contains(strings.Join(rows[1], ","), idNumber(21)) {
			t.Fatalf("the export shows the ID number %q", id)
		}
		if rows := staff.XLSX(q + "?format=xlsx&status=rejected"); len(rows) != 1 {
			t.Fatalf("rejected export = %q", rows)
		}

		// Decided from the queue: back to the queue with its filters; a back
		// elsewhere is ignored.
		back := q + "?q=" + url.QueryEscape("张")
		res, _ = second.Post(decide, url.Values{"decision": {"approve"}, "back": {back}})
		if res.StatusCode != 303 || res.Header.Get("Location") != back {
			t.Fatalf("decide: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		res, body = second.Get(back)
		must(t, "after approval", res, body, 200, "已处理该更正", "没有符合条件的时长更正")
		res, body = second.Get(q + "?status=approved")
		must(t, "approved", res, body, 200, "张三", "已通过", "审核人：second")
		res, _ = second.Post(decide, url.Values{"decision": {"approve"}, "back": {"https://evil.example" + q}})
		if loc := res.Header.Get("Location"); res.StatusCode != 303 || strings.Contains(loc, "evil") {
			t.Fatalf("a foreign back: %d → %q", res.StatusCode, loc)
		}
		if got, _ := vs.Store.Volunteer(ctx, zhang.ID); got.Minutes != 120 {
			t.Fatalf("minutes = %d", got.Minutes)
		}

		// A star a correction flagged: in the queue's second section, reviewed there.
		if _, err := d.Exec(ctx, `INSERT INTO volunteer_stars (volunteer_id, level, reached_at, publicity_to, review_since) VALUES (?, 1, ?, ?, ?)`,
			zhang.ID, time.Now().Add(-30*24*time.Hour).UnixMilli(), time.Now().Add(-20*24*time.Hour).UnixMilli(), time.Now().UnixMilli()); err != nil {
			t.Fatal(err)
		}
		res, body = staff.Get("/volunteers")
		must(t, "badge counts the star", res, body, 200, `<span class="badge red">1</span>`)
		res, body = staff.Get(q)
		must(t, "flagged star", res, body, 200, `id="queue-stars"`, "一星级志愿者", "需满 100 小时", "保留星级")
		res, body = peer.Get(q)
		if strings.Contains(body, `id="queue-stars"`) {
			t.Fatal("the peer city sees the city's flagged star")
		}
		res, _ = staff.Post("/volunteers/"+strconv.FormatInt(zhang.ID, 10)+"/stars/1/review", url.Values{"decision": {"keep"}, "back": {q}})
		if res.StatusCode != 303 || res.Header.Get("Location") != q {
			t.Fatalf("review: %d → %q", res.StatusCode, res.Header.Get("Location"))
		}
		res, body = staff.Get(q)
		must(t, "reviewed", res, body, 200, "已复核该星级", "没有待复核的星级")
	})
}
