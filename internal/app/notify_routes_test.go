package app

import (
	"context"
	"net/url"
	"testing"

	"kexie/internal/resource"
)

// notifyMatrix is the access matrix of the push module's routes.
func notifyMatrix() []matrixCase {
	return []matrixCase{
		{"GET /notify", "/notify", nil, public},
		{"POST /notify/code", "/notify/code", url.Values{"addr": {"x"}}, public},
		{"POST /notify/verify", "/notify/verify", url.Values{"addr": {"x"}}, public},
		{"GET /notify/me", "/notify/me", nil, public},
		{"POST /notify/me", "/notify/me", nil, public},
		{"GET /notify/me/m/{id}", "/notify/me/m/1", nil, public},
		{"POST /notify/me/signout", "/notify/me/signout", nil, public},
		{"GET /notify/unsubscribe", "/notify/unsubscribe?t=x.y", nil, public},
		{"POST /notify/unsubscribe", "/notify/unsubscribe", url.Values{"t": {"x.y"}}, public},
		{"GET /notify/o/{token}", "/notify/o/x.y.gif", nil, public},
		{"GET /notify/admin/messages", "/notify/admin/messages", nil, staff},
		{"GET /notify/admin/messages/new", "/notify/admin/messages/new", nil, admins},
		{"POST /notify/admin/messages", "/notify/admin/messages", url.Values{"org_id": {"{city}"}}, admins},
		{"POST /notify/admin/messages", "/notify/admin/messages", url.Values{"org_id": {"{peer}"}}, []string{"sysadmin"}},
		{"GET /notify/admin/subscribers", "/notify/admin/subscribers", nil, staff},
		{"GET /catalogue", "/catalogue", nil, public},
		{"GET /catalogue/{id}/files/{file}", "/catalogue/1/files/1", nil, public},
		{"GET /resources", "/resources", nil, staff},
		{"GET /resources/new", "/resources/new", nil, staff},
		{"POST /resources", "/resources", url.Values{"org_id": {"{city}"}}, staff},
		{"POST /resources", "/resources", url.Values{"org_id": {"{peer}"}}, []string{"sysadmin"}},
		{"GET /resources/{id}", "/resources/{res}", nil, staff},
		{"GET /resources/{id}", "/resources/{peerres}", nil, []string{"sysadmin"}},
		{"GET /resources/{id}/files/{file}", "/resources/{res}/files/1", nil, staff},
		{"POST /resources/{id}/files", "/resources/{res}/files", nil, staff},
		{"POST /resources/{id}/lend", "/resources/{res}/lend", nil, staff},
		{"POST /resources/{id}/lend", "/resources/{peerres}/lend", nil, []string{"sysadmin"}},
		{"POST /resources/{id}/return", "/resources/{res}/return", nil, staff},
	}
}

// notifyPages are the push module's pages for TestEveryPageRenders.
var notifyPages = []string{"/notify", "/notify/admin/messages", "/notify/admin/messages?state=sent&sort=-sent",
	"/notify/admin/messages/new", "/notify/admin/subscribers",
	"/catalogue", "/resources", "/resources?out=overdue&sort=-due", "/resources/new"}

// resourceIDs makes one physical resource in the city and one in the peer
// city for the matrix's {res} and {peerres}.
func resourceIDs(t *testing.T, ta *testApp) (int64, int64) {
	t.Helper()
	st := resource.NewStore(ta.DB)
	var ids [2]int64
	for i, o := range ta.cities() {
		id, err := st.Create(context.Background(), resource.Input{OrgID: o.ID, Kind: "exhibit", Title: "展品", Licence: "own", Physical: true})
		must(t, err)
		ids[i] = id
	}
	return ids[0], ids[1]
}
