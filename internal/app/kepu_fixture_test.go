package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"kexie/internal/kepu"
)

// kepuFixture is a draft, a lead and an open emergency in the city and in
// the peer city, for the route matrix.
type kepuFixture struct {
	item, peerItem, lead, peerLead, em, peerEm int64
}

func newKepuFixture(t *testing.T, ta *testApp) kepuFixture {
	t.Helper()
	ctx := context.Background()
	var f kepuFixture
	for i, o := range ta.cities() {
		it, err := ta.Kepu.CreateDraft(ctx, kepu.DraftInput{OrgID: o.ID, Title: "防雷常识", Audience: "public",
			Body: "雷雨天气不要在大树下避雨，应尽快进入有防雷设施的建筑物。"}, kepu.Actor{UserID: 1, Name: "作者"})
		must(t, err)
		l, err := ta.Kepu.FileLead(ctx, kepu.LeadInput{OrgID: o.ID, Claim: "喝醋能软化血管", Source: fmt.Sprint("s", i)})
		must(t, err)
		em, err := ta.Kepu.OpenEmergency(ctx, o.ID, "暴雨", "某市", []int64{1}, kepu.Actor{UserID: 1})
		must(t, err)
		if i == 0 {
			f.item, f.lead, f.em = it.ID, l, em
		} else {
			f.peerItem, f.peerLead, f.peerEm = it.ID, l, em
		}
	}
	return f
}

func (f kepuFixture) fill(s string) string {
	return fillIDs(s, "{kitem}", f.item, "{peerkitem}", f.peerItem, "{klead}", f.lead, "{peerklead}", f.peerLead,
		"{kem}", f.em, "{peerkem}", f.peerEm)
}

// kepuMatrix lists the 科普 module's routes for the access matrix.
func kepuMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /kepu", "/kepu", nil, public},
		{"GET /kepu/list", "/kepu/list?audience=youth", nil, public},
		{"GET /kepu/a/{id}", "/kepu/a/{kitem}", nil, public},
		{"GET /kepu/a/{id}/share/{via}", "/kepu/a/{kitem}/share/link", nil, public},
		{"GET /kepu/o/{code}", "/kepu/o/PZH", nil, public},
		{"GET /kepu/e/{id}", "/kepu/e/{kem}", nil, public},
		{"GET /kepu/feed.atom", "/kepu/feed.atom", nil, public},
		{"GET /kepu/o/{code}/feed.atom", "/kepu/o/PZH/feed.atom", nil, public},
		{"GET /kepu/media/{id}", "/kepu/media/1", nil, public},
		{"GET /kepu/rumours", "/kepu/rumours", nil, public},
		{"POST /kepu/rumours", "/kepu/rumours", url.Values{"claim": {"x"}}, public},
		{"GET /kepu/admin", "/kepu/admin", nil, staff},
		{"GET /kepu/admin/new", "/kepu/admin/new", nil, staff},
		{"POST /kepu/admin/items", "/kepu/admin/items", url.Values{"org_id": {"{city}"}, "title": {""}}, staff},
		{"POST /kepu/admin/items", "/kepu/admin/items", url.Values{"org_id": {"{peer}"}, "title": {""}}, sys},
		{"GET /kepu/admin/items/{id}", "/kepu/admin/items/{kitem}", nil, staff},
		{"GET /kepu/admin/items/{id}", "/kepu/admin/items/{peerkitem}", nil, sys},
		{"POST /kepu/admin/items/{id}", "/kepu/admin/items/{kitem}", url.Values{"title": {""}}, staff},
		{"POST /kepu/admin/items/{id}", "/kepu/admin/items/{peerkitem}", url.Values{"title": {""}}, sys},
		{"POST /kepu/admin/items/{id}/submit", "/kepu/admin/items/{kitem}/submit", url.Values{"pool_id": {"0"}}, staff},
		{"POST /kepu/admin/items/{id}/translate", "/kepu/admin/items/{kitem}/translate", url.Values{"lang": {"xx"}}, staff},
		{"POST /kepu/admin/items/{id}/publish", "/kepu/admin/items/{kitem}/publish", nil, admins},
		{"POST /kepu/admin/items/{id}/publish", "/kepu/admin/items/{peerkitem}/publish", nil, sys},
		{"POST /kepu/admin/items/{id}/correct", "/kepu/admin/items/{kitem}/correct", url.Values{"note": {""}}, admins},
		{"POST /kepu/admin/items/{id}/withdraw", "/kepu/admin/items/{kitem}/withdraw", url.Values{"reason": {""}}, admins},
		{"POST /kepu/admin/media", "/kepu/admin/media", url.Values{"org_id": {"{city}"}}, staff},
		{"GET /kepu/reviews", "/kepu/reviews", nil, signedIn},
		{"GET /kepu/reviews/{id}", "/kepu/reviews/{kitem}", nil, signedIn},
		{"POST /kepu/reviews/{id}", "/kepu/reviews/{kitem}", url.Values{"verdict": {"pass"}}, signedIn},
		{"GET /kepu/answers/{id}", "/kepu/answers/{klead}", nil, signedIn},
		{"POST /kepu/answers/{id}", "/kepu/answers/{klead}", url.Values{"title": {""}}, signedIn},
		{"GET /kepu/admin/leads", "/kepu/admin/leads", nil, staff},
		{"GET /kepu/admin/leads/{id}", "/kepu/admin/leads/{klead}", nil, staff},
		{"GET /kepu/admin/leads/{id}", "/kepu/admin/leads/{peerklead}", nil, sys},
		{"POST /kepu/admin/leads/{id}/reject", "/kepu/admin/leads/{klead}/reject", url.Values{"reason": {""}}, staff},
		{"POST /kepu/admin/leads/{id}/assign", "/kepu/admin/leads/{klead}/assign", url.Values{"days": {"0"}}, staff},
		{"POST /kepu/admin/leads/{id}/assign", "/kepu/admin/leads/{peerklead}/assign", url.Values{"days": {"0"}}, sys},
		{"GET /kepu/admin/emergencies", "/kepu/admin/emergencies", nil, admins},
		{"POST /kepu/admin/emergencies", "/kepu/admin/emergencies", url.Values{"org_id": {"{city}"}, "topic": {""}}, admins},
		{"POST /kepu/admin/emergencies", "/kepu/admin/emergencies", url.Values{"org_id": {"{peer}"}, "topic": {""}}, sys},
		{"POST /kepu/admin/emergencies/{id}/close", "/kepu/admin/emergencies/{peerkem}/close", nil, sys},
		{"GET /kepu/admin/emergencies/{id}/publish", "/kepu/admin/emergencies/{kem}/publish", nil, signedIn},
		{"POST /kepu/admin/emergencies/{id}/publish", "/kepu/admin/emergencies/{kem}/publish", url.Values{"title": {""}}, signedIn},
		{"GET /kepu/admin/reach", "/kepu/admin/reach", nil, staff},
		{"GET /kepu/s/{id}", "/kepu/s/1", nil, public},
		{"GET /kepu/admin/series", "/kepu/admin/series", nil, staff},
		{"POST /kepu/admin/series", "/kepu/admin/series", url.Values{"org_id": {"{city}"}, "title": {""}}, staff},
		{"POST /kepu/admin/series", "/kepu/admin/series", url.Values{"org_id": {"{peer}"}, "title": {""}}, sys},
	}
}
