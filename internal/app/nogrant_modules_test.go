package app

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/conference"
	"kexie/internal/event"
	"kexie/internal/innovation"
	"kexie/internal/kepu"
	"kexie/internal/org"
	"kexie/internal/people"
	"kexie/internal/society"
	"kexie/internal/std"
	"kexie/internal/venue"
	"kexie/internal/voice"
	"kexie/internal/volunteer"
	"kexie/internal/web"
)

// moduleSeeds is what the no-grant walk seeds in the modules that came with
// the 科普, event, society and volunteer work: names no user without a grant
// may see on a staff page, secrets no such user may see anywhere (public
// pages included), and the IDs and codes the detail routes are walked with.
type moduleSeeds struct {
	names   []string
	secrets []string
	ids     []string
	codes   []string
	years   []string
	tickets []string // registrants' names: shown on their own ticket (/t/{code}) only
	orgs    []string // the seeded counties and societies, asked for by ?org_id= on list pages
}

// publishedByDesign are the routes of the new modules that show published
// content to anyone by design, with what they show; the walk checks them
// for secrets only (no phone, ID number, draft, lead, member or report).
var publishedByDesign = map[string]string{
	"/e":                           "the coming events with their organiser",
	"/venues/lookup":               "the venues in service with their kind, region and org, as /v shows them (the event form's venue picker)",
	"/volunteer/opportunities":     "the open volunteer posts with their org and event (a recruitment list; signing up needs a registration)",
	"/voice/orgs":                  "the associations anyone may send a suggestion or request to, by name (the public form's org picker)",
	"/innovation/orgs":             "the associations that take technology needs, by name (the public form's org picker)",
	"/youth":                       "the programmes open to the public with their organiser and counts (never a student's name)",
	"/youth/programmes/{id}/apply": "an open programme's title, dates and grades, as its public page shows them (the form to apply for a student)",
}

// seedModulesForNoGrant fills county and society (of seed n) with one of
// everything the new modules own: a 科普 draft, a rumour lead with a contact
// and an emergency; a venue and an event with a registration; a society's
// tier, member with an invoice and annual report; a volunteer with a phone
// and an ID number, a post with hours and a certificate; a funding budget.
func seedModulesForNoGrant(t *testing.T, ta *testApp, n string, county, soc org.Org, s *moduleSeeds) {
	t.Helper()
	ctx := context.Background()
	id := func(v int64) { s.ids = append(s.ids, fmt.Sprint(v)) }
	s.orgs = append(s.orgs, fmt.Sprint(county.ID), fmt.Sprint(soc.ID))
	by := kepu.Actor{UserID: 1, Name: marker + n + "作者"}

	// 科普: a draft, a lead with a contact, an emergency.
	it, err := ta.Kepu.CreateDraft(ctx, kepu.DraftInput{OrgID: county.ID, Title: marker + n + "科普草稿", Audience: "public",
		Body: "雷雨天气不要在大树下避雨，应尽快进入有防雷设施的建筑物。" + marker + "草稿正文"}, by)
	must(t, err)
	lead, err := ta.Kepu.FileLead(ctx, kepu.LeadInput{OrgID: county.ID, Claim: marker + n + "谣言线索内容", Contact: "1390000000" + n, Source: "ng" + n})
	must(t, err)
	em, err := ta.Kepu.OpenEmergency(ctx, county.ID, marker+n+"暴雨", marker+n+"受灾区域", []int64{1}, by)
	must(t, err)
	id(it.ID)
	id(lead)
	id(em)
	s.names = append(s.names, marker+n+"科普草稿", marker+n+"暴雨")
	s.secrets = append(s.secrets, marker+n+"科普草稿", marker+"草稿正文", marker+n+"谣言线索内容", "1390000000"+n, "139****000"+n,
		marker+n+"暴雨", marker+n+"受灾区域") // an emergency with nothing published is staff's

	// A venue and an event there with a registration.
	v, err := ta.Venues.Create(ctx, venue.Input{OrgID: county.ID, Kind: venue.KindEStation, Name: marker + n + "科普e站",
		RegionCode: "510402", Township: "炳草岗街道", Contact: "0812-333000" + n})
	must(t, err)
	start := time.Now().Add(72 * time.Hour).Truncate(time.Minute)
	e, err := ta.Events.Create(ctx, event.Input{OrgID: county.ID, VenueID: v.ID, Title: marker + n + "科普讲座", Kind: event.KindLecture,
		Capacity: 10, StartsAt: start, EndsAt: start.Add(2 * time.Hour)})
	must(t, err)
	tk, err := ta.Events.Register(ctx, e.ID, marker+n+"报名人")
	must(t, err)
	id(v.ID)
	id(e.ID)
	id(tk.ID)
	s.codes = append(s.codes, tk.Code)
	s.names = append(s.names, marker+n+"科普e站", marker+n+"科普讲座", marker+n+"报名人")
	s.tickets = append(s.tickets, marker+n+"报名人")

	// The society: a tier, a member with an open invoice, an annual report.
	tier, err := ta.Society.SaveTier(ctx, society.Tier{OrgID: soc.ID, Kind: society.KindIndividual, Code: "regular", Name: marker + n + "会员等级",
		FeeCents: 10000, Years: 1})
	must(t, err)
	m, err := ta.Society.Apply(ctx, society.Application{OrgID: soc.ID, TierID: tier.ID, Name: marker + n + "学会会员"})
	must(t, err)
	m, err = ta.Society.Approve(ctx, m.ID, 0, "", time.Time{})
	must(t, err)
	terms, err := ta.Society.MemberTerms(ctx, m.ID)
	must(t, err)
	year := time.Now().Year() - 1
	_, err = ta.Society.SaveReport(ctx, soc.ID, year, society.Form{Activities: 3, Summary: marker + n + "年报摘要"}, 0)
	must(t, err)
	id(tier.ID)
	id(m.ID)
	for _, tm := range terms {
		id(tm.InvoiceID)
	}
	s.codes = append(s.codes, m.CardCode)
	s.years = append(s.years, fmt.Sprint(year))
	s.names = append(s.names, marker+n+"学会会员", marker+n+"年报摘要")
	s.secrets = append(s.secrets, marker+n+"学会会员", marker+n+"年报摘要")

	// A volunteer with a phone and an ID number, hours on a post, a certificate.
	first := "51040219900101" + fmt.Sprintf("%03d", 100+len(s.ids))
	idn := first + string(std.CitizenIDCheckDigit(first))
	vol, err := ta.Vols.Register(ctx, volunteer.Input{OrgID: county.ID, Name: marker + n + "志愿者", IDNumber: idn, Phone: "1350000000" + n}, 0)
	must(t, err)
	opp, err := ta.Vols.CreateOpportunity(ctx, volunteer.OpportunityInput{OrgID: county.ID, EventID: e.ID, Title: marker + n + "志愿岗位",
		StartsAt: time.Now(), EndsAt: time.Now().Add(time.Hour), Slots: 3, Scope: access.Subtrees(county.Path)}, 0)
	must(t, err)
	must(t, ta.Vols.SignUp(ctx, opp.ID, vol.ID))
	must(t, ta.Vols.CheckIn(ctx, opp.ID, vol.ID, access.Everywhere())) // seeding, as the CLI would
	now := ta.DB.Now
	ta.DB.Now = func() time.Time { return now().Add(90 * time.Minute) }
	_, err = ta.Vols.CheckOut(ctx, opp.ID, vol.ID, access.Everywhere(), 0)
	ta.DB.Now = now
	must(t, err)
	cert, err := ta.Vols.IssueCertificate(ctx, vol.ID, 0)
	must(t, err)
	// A pending hour correction of it, for the staff's queue.
	entries, err := ta.Vols.Ledger(ctx, vol.ID, 10)
	must(t, err)
	_, err = ta.Vols.FileCorrection(ctx, volunteer.CorrectionInput{VolunteerID: vol.ID, EntrySeq: entries[0].Seq, Minutes: -30,
		Reason: marker + n + "更正原因"}, access.Everywhere(), 1)
	must(t, err)
	id(vol.ID)
	id(opp.ID)
	s.codes = append(s.codes, cert.Code)
	s.names = append(s.names, marker+n+"志愿者", marker+n+"志愿岗位", marker+n+"更正原因")
	s.secrets = append(s.secrets, idn, idn[:6]+"*", "1350000000"+n, "135****000"+n)

	// 建言与诉求: a request from the public with a contact, accepted.
	vi, _, err := ta.Voice.File(ctx, voice.FileInput{OrgID: county.ID, Kind: voice.Request, Topic: "rights", Title: marker + n + "诉求标题",
		Body: marker + "诉求内容：单位拖欠科研人员绩效工资。", Contact: "1370000000" + n, Source: "ng" + n})
	must(t, err)
	must(t, ta.Voice.Accept(ctx, vi.ID, voice.Actor{UserID: 1, Name: "受理人"}))
	id(vi.ID)
	s.names = append(s.names, marker+n+"诉求标题")
	s.secrets = append(s.secrets, marker+n+"诉求标题", marker+"诉求内容", "1370000000"+n, "137****000"+n)

	// 创新服务: a published need and one waiting for review, both with a
	// contact, and a station whose lead expert is a person of the county.
	for i, title := range []string{marker + n + "技术需求标题", marker + n + "待审核需求"} {
		nd, err := ta.Innov.File(ctx, innovation.FileInput{OrgID: county.ID, Enterprise: marker + n + "需求企业", USCC: "91110000802100433B",
			RegionCode: "510402", Field: "materials", Title: title, Body: marker + "需求描述：尾矿综合利用，需要经济可行的技术方案。",
			Contact: fmt.Sprint("138000000", i) + n, Source: fmt.Sprint("ngi", i, n)})
		must(t, err)
		if i == 0 {
			must(t, ta.Innov.Publish(ctx, nd.ID, innovation.Actor{UserID: 1, Name: "审核人"}))
		}
		id(nd.ID)
	}
	ip, err := ta.People.Create(ctx, people.Input{OrgID: county.ID, Name: marker + n + "站长专家", Employer: "研究院"})
	must(t, err)
	stID, err := ta.Innov.Register(ctx, innovation.StationInput{OrgID: county.ID, Kind: "expert", Name: marker + n + "专家服务站", Host: "某公司",
		HostUSCC: "91110000802100433B", RegionCode: "510402", PersonID: ip.ID, Founded: "2022-01-01"}, access.Everywhere(), innovation.Actor{UserID: 1})
	must(t, err)
	id(stID)
	s.names = append(s.names, marker+n+"技术需求标题", marker+n+"专家服务站", marker+n+"站长专家")
	s.secrets = append(s.secrets, marker+n+"待审核需求", "1380000000"+n, "138****000"+n, "1380000001"+n, "138****001"+n)

	// 学术会议: an open conference of a society with a public registration
	// (a contact) and a paper, and a draft nobody but its org sees.
	csoc, err := ta.Orgs.Create(ctx, org.Input{ParentID: county.ID, Code: "NGCS" + n, Name: marker + n + "会议学会", Type: org.TypeSociety})
	must(t, err)
	cid := openConference(t, ta, csoc, marker+n+"学术年会")
	_, err = ta.Conf.Register(ctx, cid, conference.RegInput{Name: marker + n + "参会人", Contact: "1360000000" + n, Source: "ngc" + n})
	must(t, err)
	_, err = ta.Conf.SubmitPaper(ctx, cid, conference.PaperInput{Title: marker + n + "会议论文", Authors: "作者",
		Abstract: marker + "论文摘要：高钛型高炉渣提钛工艺的工业试验。"}, conference.Actor{UserID: 1, Name: "作者"})
	must(t, err)
	draft, err := ta.Conf.Create(ctx, conference.Input{OrgID: csoc.ID, Title: marker + n + "草稿会议", Kind: "forum",
		StartsOn: time.Now().AddDate(0, 1, 0).Format("2006-01-02"), EndsOn: time.Now().AddDate(0, 1, 0).Format("2006-01-02"), City: "攀枝花",
		Expected: "10", Capacity: "10"}, access.Everywhere(), conference.Actor{UserID: 1})
	must(t, err)
	id(cid)
	id(draft)
	s.names = append(s.names, marker+n+"参会人", marker+n+"会议论文")
	s.secrets = append(s.secrets, marker+n+"草稿会议", "1360000000"+n, "136****000"+n, marker+"论文摘要")
	// 青少年科技教育: an open programme with a student (a guardian's phone),
	// a mentoring pair and a teacher with a phone.
	yp, ye, ys, ypair, yt := seedYouth(t, ta, county, marker+n, "1360000009"+n)
	for _, v := range []int64{yp, ye, ys, ypair, yt} {
		id(v)
	}
	s.names = append(s.names, marker+n+"导师", marker+n+"辅导员")
	s.secrets = append(s.secrets, marker+n+"学生", marker+n+"家长", "1360000009"+n, "136****009"+n)
	// 统计年报: the county's form, with an explanation.
	seedStatsForNoGrant(t, ta, n, county, year, s)

	// 科普经费: a budget entry.
	must(t, ta.Funds.AddBudget(ctx, county.ID, year, marker+n+"科普经费项目", "12345.67", 0))
	s.names = append(s.names, marker+n+"科普经费项目")
}

// moduleRoutePrefixes are the paths of the modules seedModulesForNoGrant
// fills; their detail routes are walked with every seeded ID and code.
var moduleRoutePrefixes = []string{"/kepu", "/e/", "/events", "/t/", "/v/", "/venues", "/card/", "/invoices/", "/my/memberships", "/my/tickets",
	"/join/", "/societies", "/cert/", "/volunteer", "/funding", "/voice", "/innovation", "/dashboard", "/conference", "/youth", "/stats"}

// moduleDetailURLs lists every GET route of those modules with a path
// parameter, filled with each seeded ID and code (a {year} with the seeded
// report's year).
func moduleDetailURLs(routes []web.Route, s *moduleSeeds) []walkURL {
	var out []walkURL
	for _, rt := range routes {
		if rt.Method != http.MethodGet {
			continue
		}
		ok := false
		for _, p := range moduleRoutePrefixes {
			ok = ok || strings.HasPrefix(rt.Pattern, p)
		}
		if !ok {
			continue
		}
		if !strings.Contains(strings.ReplaceAll(rt.Pattern, "{$}", ""), "{") {
			// A list, board or roll-up asked for another org's numbers.
			for _, o := range s.orgs {
				out = append(out, walkURL{url: strings.ReplaceAll(rt.Pattern, "{$}", "") + "?org_id=" + o + "&org=" + o + "&society=" + o +
					"&year=" + s.years[0], route: rt})
			}
			continue
		}
		for _, v := range append(append([]string(nil), s.ids...), s.codes...) {
			path := rt.Pattern
			for strings.Contains(path, "{") {
				i, j := strings.Index(path, "{"), strings.Index(path, "}")
				val := v
				if path[i:j+1] == "{year}" {
					val = s.years[0]
				} else if path[i:j+1] == "{via}" {
					val = "link"
				}
				path = path[:i] + val + path[j+1:]
			}
			out = append(out, walkURL{url: path, route: rt})
		}
	}
	return out
}

// walkDetails gets every URL as c: a staff route must not answer with a
// seeded name; a public one (published content by design: an event's page,
// a venue's page, a ticket, a card or certificate check, 科普 articles) must
// not show a secret — no phone, ID number, draft, lead or report — and no
// answer may be a server error or a PDF of another's document.
func walkDetails(t *testing.T, c *client, walk []walkURL, names, secrets, tickets []string) {
	for _, w := range walk {
		t.Run(w.url, func(t *testing.T) {
			res, body := c.get(w.url)
			switch res.StatusCode {
			case http.StatusOK, http.StatusForbidden, http.StatusNotFound, http.StatusSeeOther, http.StatusBadRequest:
			default:
				t.Errorf("status %d: %.300s", res.StatusCode, body)
			}
			if res.StatusCode == http.StatusOK && strings.HasPrefix(res.Header.Get("Content-Type"), "application/pdf") {
				t.Errorf("a PDF of another's document")
			}
			text := body
			if isXLSX([]byte(body)) {
				text = xlsxText(t, []byte(body))
			}
			check := append([]string(nil), secrets...)
			if w.route.Pattern != "/t/{code}" {
				// A ticket shows its holder's name to whoever holds its code
				// (12 random characters); no other page may.
				check = append(check, tickets...)
			}
			if _, shown := publishedByDesign[w.route.Pattern]; !shown && w.route.Rule.Kind != access.PublicRule {
				check = append(check, names...)
			}
			for _, n := range check {
				if holdsSeed(text, n) {
					t.Errorf("the answer (%d) holds %q", res.StatusCode, n)
				}
			}
		})
	}
}
