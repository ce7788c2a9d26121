package app

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"kexie/internal/voice"
)

// voiceFixture is a request from the public in the city and in the peer
// city, for the route matrix.
type voiceFixture struct{ item, peerItem int64 }

func newVoiceFixture(t *testing.T, ta *testApp) voiceFixture {
	t.Helper()
	var f voiceFixture
	for i, o := range ta.cities() {
		it, _, err := ta.Voice.File(context.Background(), voice.FileInput{OrgID: o.ID, Kind: voice.Request, Topic: "rights", Title: "拖欠绩效工资",
			Body: "单位拖欠科研人员绩效工资半年，请协调解决。", Contact: "13700000000", Source: fmt.Sprint("m", i)})
		must(t, err)
		if i == 0 {
			f.item = it.ID
		} else {
			f.peerItem = it.ID
		}
	}
	return f
}

func (f voiceFixture) fill(s string) string {
	return fillIDs(s, "{vitem}", f.item, "{peervitem}", f.peerItem)
}

// voiceMatrix lists the 建言诉求 module's routes for the access matrix.
func voiceMatrix() []matrixCase {
	sys := []string{"sysadmin"}
	return []matrixCase{
		{"GET /voice", "/voice", nil, public},
		{"POST /voice", "/voice", url.Values{"title": {""}}, public},
		{"GET /voice/orgs", "/voice/orgs?q=PZH", nil, public},
		{"GET /voice/track", "/voice/track", nil, public},
		{"POST /voice/track", "/voice/track", url.Values{"code": {"2222-2222-2222"}}, public},
		{"POST /voice/track/rate", "/voice/track/rate", url.Values{"code": {"2222-2222-2222"}, "rating": {"satisfied"}}, public},
		{"POST /voice/track/reopen", "/voice/track/reopen", url.Values{"code": {"2222-2222-2222"}, "reason": {"x"}}, public},
		{"GET /voice/mine", "/voice/mine", nil, signedIn},
		{"GET /voice/mine/{id}", "/voice/mine/{vitem}", nil, signedIn},
		{"POST /voice/mine/{id}/rate", "/voice/mine/{vitem}/rate", url.Values{"rating": {"satisfied"}}, signedIn},
		{"POST /voice/mine/{id}/reopen", "/voice/mine/{vitem}/reopen", url.Values{"reason": {"x"}}, signedIn},
		{"GET /voice/admin", "/voice/admin", nil, staff},
		{"GET /voice/admin/stats", "/voice/admin/stats", nil, staff},
		{"GET /voice/admin/{id}", "/voice/admin/{vitem}", nil, staff},
		{"GET /voice/admin/{id}", "/voice/admin/{peervitem}", nil, sys},
		{"POST /voice/admin/{id}/accept", "/voice/admin/{peervitem}/accept", nil, sys},
		{"POST /voice/admin/{id}/accept", "/voice/admin/{vitem}/accept", nil, staff},
		{"POST /voice/admin/{id}/decline", "/voice/admin/{vitem}/decline", url.Values{"reason": {""}}, staff},
		{"POST /voice/admin/{id}/assign", "/voice/admin/{vitem}/assign", url.Values{"handler": {"nobody"}}, staff},
		{"POST /voice/admin/{id}/assign", "/voice/admin/{peervitem}/assign", url.Values{"handler": {"nobody"}}, sys},
		{"POST /voice/admin/{id}/transfer", "/voice/admin/{vitem}/transfer", url.Values{"org_id": {"NOPE"}, "reason": {"x"}}, staff},
		{"POST /voice/admin/{id}/answer", "/voice/admin/{vitem}/answer", url.Values{"answer": {""}}, staff},
		{"POST /voice/admin/{id}/correct", "/voice/admin/{vitem}/correct", url.Values{"answer": {""}}, staff},
		{"POST /voice/admin/{id}/note", "/voice/admin/{vitem}/note", url.Values{"note": {""}}, staff},
		{"POST /voice/admin/{id}/note", "/voice/admin/{peervitem}/note", url.Values{"note": {""}}, sys},
		{"POST /voice/admin/{id}/reveal", "/voice/admin/{vitem}/reveal", nil, admins},
		{"POST /voice/admin/{id}/reveal", "/voice/admin/{peervitem}/reveal", nil, sys},
	}
}
