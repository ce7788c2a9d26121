package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"kexie/internal/access"
	"kexie/internal/innovation"
	"kexie/internal/people"
)

// innovationFixture is a published need and a station with an expert of
// the talent database in the city and in the peer city, for the route
// matrix.
type innovationFixture struct{ need, peerNeed, station, peerStation, expert int64 }

func newInnovationFixture(t *testing.T, ta *testApp) innovationFixture {
	t.Helper()
	ctx := context.Background()
	var f innovationFixture
	for i, o := range ta.cities() {
		n, err := ta.Innov.File(ctx, innovation.FileInput{OrgID: o.ID, Enterprise: "某新材料有限公司", USCC: "91110000802100433B", RegionCode: "510402",
			Field: "materials", Title: "尾矿综合利用技术", Body: "企业每年产生尾矿约五十万吨，需要经济可行的综合利用技术方案。", Contact: "13700000000",
			Source: fmt.Sprint("im", i)})
		must(t, err)
		must(t, ta.Innov.Publish(ctx, n.ID, innovation.Actor{UserID: 1, Name: "审核人"}))
		p, err := ta.People.Create(ctx, people.Input{OrgID: o.ID, Name: fmt.Sprint("专家", i), Employer: "研究院"})
		must(t, err)
		st, err := ta.Innov.Register(ctx, innovation.StationInput{OrgID: o.ID, Kind: "expert", Name: "某某专家服务站", Host: "某新材料有限公司",
			HostUSCC: "91110000802100433B", RegionCode: "510402", PersonID: p.ID, Founded: "2022-01-01"}, access.Everywhere(), innovation.Actor{UserID: 1})
		must(t, err)
		if i == 0 {
			f.need, f.station, f.expert = n.ID, st, p.ID
		} else {
			f.peerNeed, f.peerStation = n.ID, st
		}
	}
	return f
}

func (f innovationFixture) fill(s string) string {
	return fillIDs(s, "{ineed}", f.need, "{peerineed}", f.peerNeed, "{istation}", f.station, "{peeristation}", f.peerStation)
}

// innovationMatrix lists the 创新服务 module's routes for the access matrix.
func innovationMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /innovation", "/innovation", nil, public},
		{"POST /innovation", "/innovation", url.Values{"title": {""}}, public},
		{"GET /innovation/orgs", "/innovation/orgs?q=PZH", nil, public},
		{"GET /innovation/needs", "/innovation/needs", nil, public},
		{"GET /innovation/needs/{id}", "/innovation/needs/{ineed}", nil, public},
		{"GET /innovation/admin", "/innovation/admin", nil, staff},
		{"GET /innovation/admin/new", "/innovation/admin/new", nil, staff},
		{"POST /innovation/admin/new", "/innovation/admin/new", url.Values{"title": {""}}, staff},
		{"GET /innovation/admin/stats", "/innovation/admin/stats", nil, staff},
		{"GET /innovation/admin/stations", "/innovation/admin/stations", nil, staff},
		{"GET /innovation/admin/stations/new", "/innovation/admin/stations/new", nil, staff},
		{"POST /innovation/admin/stations/new", "/innovation/admin/stations/new", url.Values{"name": {""}}, staff},
		{"GET /innovation/admin/stations/{id}", "/innovation/admin/stations/{istation}", nil, staff},
		{"GET /innovation/admin/stations/{id}", "/innovation/admin/stations/{peeristation}", nil, sys},
		{"POST /innovation/admin/stations/{id}/assess", "/innovation/admin/stations/{istation}/assess", url.Values{"grade": {"x"}}, staff},
		{"POST /innovation/admin/stations/{id}/assess", "/innovation/admin/stations/{peeristation}/assess", url.Values{"grade": {"x"}}, sys},
		{"GET /innovation/admin/{id}", "/innovation/admin/{ineed}", nil, staff},
		{"GET /innovation/admin/{id}", "/innovation/admin/{peerineed}", nil, sys},
		{"POST /innovation/admin/{id}/publish", "/innovation/admin/{ineed}/publish", nil, staff},
		{"POST /innovation/admin/{id}/publish", "/innovation/admin/{peerineed}/publish", nil, sys},
		{"POST /innovation/admin/{id}/reject", "/innovation/admin/{ineed}/reject", url.Values{"reason": {""}}, staff},
		{"POST /innovation/admin/{id}/withdraw", "/innovation/admin/{ineed}/withdraw", url.Values{"reason": {""}}, staff},
		{"POST /innovation/admin/{id}/propose", "/innovation/admin/{ineed}/propose", url.Values{"person_id": {"0"}}, staff},
		{"POST /innovation/admin/{id}/propose", "/innovation/admin/{peerineed}/propose", url.Values{"person_id": {"0"}}, sys},
		{"POST /innovation/admin/{id}/meet", "/innovation/admin/{ineed}/meet", url.Values{"held_on": {"x"}}, staff},
		{"POST /innovation/admin/{id}/result", "/innovation/admin/{ineed}/result", url.Values{"result": {"x"}}, staff},
		{"POST /innovation/admin/{id}/result", "/innovation/admin/{peerineed}/result", url.Values{"result": {"x"}}, sys},
		{"POST /innovation/admin/{id}/close", "/innovation/admin/{ineed}/close", url.Values{"outcome": {"x"}}, staff},
		{"POST /innovation/admin/{id}/reveal", "/innovation/admin/{ineed}/reveal", nil, admins},
		{"POST /innovation/admin/{id}/reveal", "/innovation/admin/{peerineed}/reveal", nil, sys},
	}
}
