package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"kexie/internal/access"
	"kexie/internal/conference"
	"kexie/internal/org"
)

// conferenceFixture is an open conference of a society under the city and
// under the peer city (approved by the city above it), and one the city
// itself organises (approved by the root), with a paper and a public
// registration each, for the route matrix.
type conferenceFixture struct{ conf, peerConf, cityConf, paper, reg int64 }

// openConference files, approves and opens a conference of o.
func openConference(t *testing.T, ta *testApp, o org.Org, title string) int64 {
	t.Helper()
	ctx := context.Background()
	start := time.Now().AddDate(0, 0, 20).Format("2006-01-02")
	filer := conference.Actor{UserID: 1, Name: "学会秘书"}
	id, err := ta.Conf.Create(ctx, conference.Input{OrgID: o.ID, Title: title, Kind: "annual", StartsOn: start, EndsOn: start,
		City: "攀枝花", Expected: "100", Capacity: "50"}, access.Everywhere(), filer)
	must(t, err)
	must(t, ta.Conf.Submit(ctx, id, filer))
	must(t, ta.Conf.Approve(ctx, id, access.Everywhere(), conference.Actor{UserID: 2, Name: "学会部"}))
	must(t, ta.Conf.OpenRegistration(ctx, id, filer))
	return id
}

func newConferenceFixture(t *testing.T, ta *testApp) conferenceFixture {
	t.Helper()
	ctx := context.Background()
	var f conferenceFixture
	for i, c := range ta.cities() {
		soc, err := ta.Orgs.Create(ctx, org.Input{ParentID: c.ID, Code: fmt.Sprint("CFS", i), Name: fmt.Sprint("某某学会", i), Type: org.TypeSociety})
		must(t, err)
		id := openConference(t, ta, soc, "钒钛学术年会")
		p, err := ta.Conf.SubmitPaper(ctx, id, conference.PaperInput{Title: "高钛型高炉渣提钛", Authors: "张三",
			Abstract: "本文介绍高钛型高炉渣提钛工艺及其工业试验结果，供同行参考。"}, conference.Actor{UserID: 3, Name: "张三"})
		must(t, err)
		r, err := ta.Conf.Register(ctx, id, conference.RegInput{Name: "王公众", Contact: "13900000000", Source: fmt.Sprint("cf", i)})
		must(t, err)
		if i == 0 {
			f.conf, f.paper, f.reg = id, p, r.ID
		} else {
			f.peerConf = id
		}
	}
	f.cityConf = openConference(t, ta, ta.city, "市科协学术年会")
	return f
}

func (f conferenceFixture) fill(s string) string {
	return fillIDs(s, "{peerconf}", f.peerConf, "{cityconf}", f.cityConf, "{conf}", f.conf, "{cpaper}", f.paper, "{creg}", f.reg)
}

// conferenceMatrix lists the 学术会议 module's routes for the access matrix.
func conferenceMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /conferences", "/conferences", nil, public},
		{"GET /conferences/{id}", "/conferences/{conf}", nil, public},
		{"POST /conferences/{id}/register", "/conferences/{conf}/register", url.Values{"name": {""}}, public},
		{"GET /conferences/{id}/paper", "/conferences/{conf}/paper", nil, signedIn},
		{"POST /conferences/{id}/paper", "/conferences/{conf}/paper", url.Values{"title": {""}}, signedIn},
		{"GET /conference/mine", "/conference/mine", nil, signedIn},
		{"GET /conference/review/{id}", "/conference/review/{conf}", nil, signedIn},
		{"POST /conference/review/{id}/papers/{paper}", "/conference/review/{conf}/papers/{cpaper}", url.Values{"decision": {"x"}}, signedIn},
		{"POST /conference/admin/{id}/programme", "/conference/admin/{conf}/programme", url.Values{"username": {"nobody"}}, staff},
		{"POST /conference/admin/{id}/programme", "/conference/admin/{peerconf}/programme", url.Values{"username": {"nobody"}}, sys},
		{"POST /conference/admin/{id}/programme/{user}/remove", "/conference/admin/{conf}/programme/1/remove", nil, staff},
		{"GET /conference/admin", "/conference/admin", nil, staff},
		{"GET /conference/admin/new", "/conference/admin/new", nil, staff},
		{"POST /conference/admin/new", "/conference/admin/new", url.Values{"title": {""}}, staff},
		{"GET /conference/admin/stats", "/conference/admin/stats", nil, staff},
		{"GET /conference/admin/checkin.js", "/conference/admin/checkin.js", nil, public},
		{"GET /conference/admin/checkin-sw.js", "/conference/admin/checkin-sw.js", nil, public},
		{"GET /conference/admin/{id}", "/conference/admin/{conf}", nil, staff},
		{"GET /conference/admin/{id}", "/conference/admin/{peerconf}", nil, sys},
		{"GET /conference/admin/{id}/papers", "/conference/admin/{conf}/papers", nil, staff},
		{"GET /conference/admin/{id}/papers", "/conference/admin/{peerconf}/papers", nil, sys},
		{"GET /conference/admin/{id}/regs", "/conference/admin/{conf}/regs", nil, staff},
		{"GET /conference/admin/{id}/regs", "/conference/admin/{peerconf}/regs", nil, sys},
		{"GET /conference/admin/{id}/edit", "/conference/admin/{conf}/edit", nil, staff},
		{"POST /conference/admin/{id}/edit", "/conference/admin/{conf}/edit", url.Values{"title": {""}}, staff},
		{"POST /conference/admin/{id}/submit", "/conference/admin/{conf}/submit", nil, staff},
		{"POST /conference/admin/{id}/open", "/conference/admin/{conf}/open", nil, staff},
		{"POST /conference/admin/{id}/hold", "/conference/admin/{conf}/hold", nil, staff},
		{"POST /conference/admin/{id}/hold", "/conference/admin/{peerconf}/hold", nil, sys},
		{"POST /conference/admin/{id}/cancel", "/conference/admin/{conf}/cancel", url.Values{"reason": {""}}, staff},
		{"POST /conference/admin/{id}/summary", "/conference/admin/{conf}/summary", url.Values{"attendance": {"x"}}, staff},
		{"POST /conference/admin/{id}/papers/{paper}", "/conference/admin/{conf}/papers/{cpaper}", url.Values{"decision": {"x"}}, staff},
		{"POST /conference/admin/{id}/papers/{paper}", "/conference/admin/{peerconf}/papers/{cpaper}", url.Values{"decision": {"x"}}, sys},
		{"GET /conference/admin/{id}/checkin", "/conference/admin/{conf}/checkin", nil, staff},
		{"POST /conference/admin/{id}/checkin", "/conference/admin/{conf}/checkin", url.Values{"code": {"x"}}, staff},
		{"POST /conference/admin/{id}/checkin", "/conference/admin/{peerconf}/checkin", url.Values{"code": {"x"}}, sys},
		{"POST /conference/admin/{id}/sync", "/conference/admin/{conf}/sync", nil, staff},
		{"POST /conference/admin/{id}/sync", "/conference/admin/{peerconf}/sync", nil, sys},
		{"POST /conference/admin/{id}/regs/{reg}/reveal", "/conference/admin/{conf}/regs/{creg}/reveal", nil, admins},
		{"POST /conference/admin/{id}/regs/{reg}/reveal", "/conference/admin/{peerconf}/regs/{creg}/reveal", nil, sys},
		// The org above approves: the city for its society's, the root
		// (only the system administrator here) for the city's own.
		{"POST /conference/admin/{id}/approve", "/conference/admin/{conf}/approve", nil, staff},
		{"POST /conference/admin/{id}/approve", "/conference/admin/{cityconf}/approve", nil, sys},
		{"POST /conference/admin/{id}/approve", "/conference/admin/{peerconf}/approve", nil, sys},
		{"POST /conference/admin/{id}/return", "/conference/admin/{conf}/return", url.Values{"reason": {""}}, staff},
		{"POST /conference/admin/{id}/return", "/conference/admin/{cityconf}/return", url.Values{"reason": {""}}, sys},
		{"POST /conference/admin/{id}/confirm", "/conference/admin/{conf}/confirm", nil, staff},
		{"POST /conference/admin/{id}/confirm", "/conference/admin/{cityconf}/confirm", nil, sys},
	}
}
