package society_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/society"
	"kexie/internal/web/webtest"
)

// societySite is the society module served on the platform: the city 科协
// of webtest.New with two societies under it, and one under the peer city.
type societySite struct {
	*webtest.Site
	S               *society.Store
	Soc, Soc2, Away org.Org
}

func serveSociety(t testing.TB, d *db.DB) societySite {
	t.Helper()
	ws := webtest.New(t, d)
	s := society.NewStore(d, society.Config{CardKey: []byte("site test card key"), Uploads: t.(interface{ TempDir() string }).TempDir(),
		Provider: &society.TestProvider{}})
	ws.Start(society.Module(s, ws.Orgs))
	mk := func(parent org.Org, code, name string) org.Org {
		o, err := ws.Orgs.Create(context.Background(), org.Input{ParentID: parent.ID, Code: code, Name: name, Type: org.TypeSociety})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	return societySite{Site: ws, S: s, Soc: mk(ws.City, "PZHES", "攀枝花市电子学会"), Soc2: mk(ws.City, "PZHMS", "攀枝花市机械工程学会"),
		Away: mk(ws.Peer, "CZCS", "滁州市化学会")}
}

func eachDB(t *testing.T, fn func(t *testing.T, ss societySite)) {
	t.Helper()
	dbtest.Run(t, nil, func(t *testing.T, d *db.DB) { fn(t, serveSociety(t, d)) })
}

func id(o org.Org) string { return fmtInt(o.ID) }

func fmtInt(v int64) string { return strconv.FormatInt(v, 10) }

// post posts and follows the redirect of a successful post.
func post(c *webtest.Client, path string, form url.Values) (*http.Response, string) {
	res, body := c.Post(path, form)
	if res.StatusCode == http.StatusSeeOther {
		return c.Get(res.Header.Get("Location"))
	}
	return res, body
}

func upload(c *webtest.Client, path string, fields url.Values, name string, data []byte) (*http.Response, string) {
	res, body := c.Upload(path, fields, "voucher", name, data)
	if res.StatusCode == http.StatusSeeOther {
		return c.Get(res.Header.Get("Location"))
	}
	return res, body
}

func want(t *testing.T, name string, res *http.Response, body string, status int, contains ...string) {
	t.Helper()
	if res.StatusCode != status {
		t.Errorf("%s: status %d, want %d", name, res.StatusCode, status)
	}
	for _, c := range contains {
		if !strings.Contains(body, c) {
			t.Errorf("%s: body lacks %q", name, c)
		}
	}
}

func TestSiteReportFlow(t *testing.T) {
	eachDB(t, func(t *testing.T, ss societySite) {
		kx, kxUser := ss.User(t, "kexie-staff", access.OrgStaff, ss.City)
		sec, secUser := ss.User(t, "secretary", access.OrgStaff, ss.Soc)
		peer, _ := ss.User(t, "peer-staff", access.OrgStaff, ss.Peer)
		year := time.Now().Year() - 1
		y := fmtInt(int64(year))
		rpath := "/societies/" + id(ss.Soc) + "/reports/" + y

		res, body := kx.Get("/societies?year=" + y)
		want(t, "board", res, body, 200, "攀枝花市电子学会", "攀枝花市机械工程学会", `id="stat-missing">2<`,
			// the grades as a bar chart: 5A, 4A, 3A, none
			`id="grade-chart"`, `&#34;data&#34;:[&#34;5A&#34;,&#34;4A&#34;,&#34;3A&#34;,&#34;未评级&#34;]`, `&#34;data&#34;:[0,0,0,2]`)
		if strings.Contains(body, "滁州市化学会") {
			t.Error("the city sees the peer's society")
		}
		res, body = peer.Get("/societies/" + id(ss.Soc))
		want(t, "peer on another city's society", res, body, 404) // out of scope: as if absent

		form := url.Values{"activities": {"12"}, "income_total": {"1000"}, "income_dues": {"5000"}, "action": {"file"},
			"change_legal_rep": {y + "-06-01"}}
		res, body = post(sec, rpath, form)
		want(t, "file with dues above income", res, body, 422, "会费、政府补助与服务收入之和超过了总收入")
		form.Set("income_dues", "400")
		form.Set("change_scope", "2001-01-01")
		res, body = post(sec, rpath, form)
		want(t, "file with a change outside the year", res, body, 422, "核准日期应在")
		form.Del("change_scope")
		res, body = post(sec, rpath, form)
		want(t, "file", res, body, 200, "已报送，待审核")
		res, body = post(sec, rpath+"/check", url.Values{"decision": {"accept"}})
		want(t, "the society checks itself", res, body, 404) // checked above it: out of scope
		res, body = post(kx, rpath+"/check", url.Values{"decision": {"return"}})
		want(t, "return without comment", res, body, 422, "退回时请写明")
		res, body = post(kx, rpath+"/check", url.Values{"decision": {"return"}, "comment": {"请补充学术会议明细"}})
		want(t, "return", res, body, 200, "已退回修改", "请补充学术会议明细")
		form.Set("academic_events", "3")
		res, body = post(sec, rpath, form)
		want(t, "refile", res, body, 200, "已报送，待审核")
		// The filed report waits for the 科协 above the society (its staff's
		// to-do), never for the secretary who filed it, the society itself,
		// a peer city or the zero Scope.
		ctx := context.Background()
		if got, err := ss.S.ReportsToCheck(ctx, access.Subtrees(ss.City.Path), kxUser.ID, 10); err != nil || len(got) != 1 || got[0].OrgID != ss.Soc.ID || got[0].Year != year {
			t.Errorf("reports to check for the city: %+v, %v", got, err)
		}
		for name, c := range map[string]struct {
			scope access.Scope
			user  int64
		}{"the filer": {access.Subtrees(ss.City.Path), secUser.ID}, "the society": {access.Subtrees(ss.Soc.Path), kxUser.ID},
			"a peer city": {access.Subtrees(ss.Peer.Path), kxUser.ID}, "the zero scope": {access.Scope{}, kxUser.ID}} {
			if got, err := ss.S.ReportsToCheck(ctx, c.scope, c.user, 10); err != nil || len(got) != 0 {
				t.Errorf("%s is asked to check %+v (%v)", name, got, err)
			}
		}
		res, body = post(kx, rpath+"/check", url.Values{"decision": {"accept"}})
		want(t, "accept", res, body, 200, "已通过")
		if got, _ := ss.S.ReportsToCheck(ctx, access.Subtrees(ss.City.Path), kxUser.ID, 10); len(got) != 0 {
			t.Errorf("an accepted report still waits: %+v", got)
		}
		res, body = kx.Get("/societies?year=" + y)
		want(t, "board after", res, body, 200, `id="stat-missing">1<`, `<span class="small muted nowrap">已通过</span>`) // a state never breaks mid-word on a phone (已通/过, ux48)
		// The board sorts by report state (missing first), filing date and grade.
		var other string
		for _, n := range []string{"攀枝花市电子学会", "攀枝花市机械工程学会"} {
			if n != ss.Soc.Name {
				other = n
			}
		}
		for _, tc := range []struct{ sort, first, second string }{{"state", other, ss.Soc.Name}, {"-state", ss.Soc.Name, other},
			{"filed", ss.Soc.Name, other}, {"-filed", ss.Soc.Name, other}} {
			res, body = kx.Get("/societies?year=" + y + "&sort=" + tc.sort)
			want(t, "sorted by "+tc.sort, res, body, 200, `<input type="hidden" name="sort" value="`+tc.sort+`">`)
			if i, j := strings.Index(body, ">"+tc.first+"</a>"), strings.Index(body, ">"+tc.second+"</a>"); i < 0 || j < 0 || i > j {
				t.Errorf("sorted by %s: %s does not come before %s", tc.sort, tc.first, tc.second)
			}
		}
		res, body = kx.Get("/societies?year=" + y + "&format=xlsx")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Errorf("board export: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		_ = body

		// A USCC with a wrong check character is refused with the right one.
		res, body = post(sec, "/societies/"+id(ss.Soc)+"/profile", url.Values{"uscc": {"51510400MJ00000001"}, "registrar": {"市民政局"}})
		want(t, "bad USCC", res, body, 422, "校验码不符", "市民政局")
	})
}

func TestSiteMembershipFlow(t *testing.T) {
	eachDB(t, func(t *testing.T, ss societySite) {
		ctx := context.Background()
		sec, _ := ss.User(t, "secretary", access.OrgStaff, ss.Soc)
		mem, _ := ss.User(t, "member-one", access.Member, ss.Soc)
		tier, err := ss.S.SaveTier(ctx, society.Tier{OrgID: ss.Soc.ID, Kind: society.KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 5000, Years: 1})
		if err != nil {
			t.Fatal(err)
		}
		res, body := post(mem, "/join/"+id(ss.Soc), url.Values{"name": {"王五"}, "tier_id": {fmtInt(tier.ID)}})
		want(t, "apply", res, body, 200, "入会申请已提交", "待审批")
		ms, _, _ := ss.S.Members(ctx, society.MemberFilter{Scope: access.Everywhere(), OrgID: ss.Soc.ID})
		res, body = post(mem, "/members/"+fmtInt(ms[0].ID)+"/approve", nil)
		want(t, "a member approves", res, body, 403)
		res, body = post(sec, "/members/"+fmtInt(ms[0].ID)+"/approve", nil)
		want(t, "approve", res, body, 200, "PZHES-00001")
		m, _ := ss.S.GetMember(ctx, ms[0].ID)
		terms, _ := ss.S.MemberTerms(ctx, m.ID)
		inv := fmtInt(terms[0].InvoiceID)
		res, body = upload(mem, "/invoices/"+inv+"/voucher", url.Values{"amount": {"500"}}, "回单.png", []byte("\x89PNG fake"))
		want(t, "wrong amount", res, body, 422, "转账金额 500.00 元与应缴会费 50.00 元不符")
		// A voucher over 10 MB is refused whole, never kept cut short.
		res, body = upload(mem, "/invoices/"+inv+"/voucher", url.Values{"amount": {"50"}}, "回单.png", append([]byte("\x89PNG"), make([]byte, 11<<20)...))
		want(t, "voucher over 10 MB", res, body, 422, "转账凭证文件超过 10 MB，未上传")
		if got, _ := ss.S.GetInvoice(ctx, terms[0].InvoiceID); got.VoucherHash != "" || got.Status != society.InvoiceUnpaid {
			t.Errorf("a refused voucher was kept: status %s, hash %q", got.Status, got.VoucherHash)
		}
		res, body = upload(mem, "/invoices/"+inv+"/voucher", url.Values{"amount": {"50"}}, "回单.png", []byte("\x89PNG fake"))
		want(t, "voucher", res, body, 200, "凭证已上传")
		res, body = post(sec, "/invoices/"+inv+"/confirm", url.Values{"amount": {"5"}})
		want(t, "confirm wrong amount", res, body, 422, "转账金额 5.00 元与应缴会费 50.00 元不符")
		res, body = post(sec, "/invoices/"+inv+"/confirm", url.Values{"amount": {"50.00"}})
		want(t, "confirm", res, body, 200, "已确认到账")
		res, body = ss.Client(t).Get("/card/" + m.CardCode)
		want(t, "verify", res, body, 200, "会员证有效", "攀枝花市电子学会", "普通会员")
		res, body = ss.Client(t).Get("/card/abcdefghijabcdefghij")
		want(t, "verify a guess", res, body, 200, "未能验证此会员证")
		res, body = mem.Get("/my/memberships/" + fmtInt(m.ID) + "/card")
		want(t, "card page", res, body, 200, "PZHES-00001", "data:image/png;base64,")
		res, body = sec.Get("/societies/" + id(ss.Soc) + "/dues")
		want(t, "dues ledger", res, body, 200, "合计 50.00 元")
		res, body = sec.Get("/societies/" + id(ss.Soc) + "/dues?format=xlsx")
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheet") {
			t.Errorf("dues export: %d", res.StatusCode)
		}
		if _, err := ss.S.GetInvoice(ctx, terms[0].InvoiceID); err != nil {
			t.Fatal(err)
		}
		if fontReady() {
			res, body = mem.Get("/invoices/" + inv + "/receipt.pdf")
			want(t, "receipt", res, body, 200, "%PDF")
			res, body = mem.Get("/my/memberships/" + fmtInt(m.ID) + "/card.pdf")
			want(t, "card pdf", res, body, 200, "%PDF")
		}
		other, _ := ss.User(t, "member-two", access.Member, ss.Soc)
		res, body = other.Get("/invoices/" + inv + "/receipt.pdf")
		want(t, "someone else's receipt", res, body, 404)
	})
}
