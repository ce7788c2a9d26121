package app

import "net/url"

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
	}
}

// notifyPages are the push module's pages for TestEveryPageRenders.
var notifyPages = []string{"/notify", "/notify/admin/messages", "/notify/admin/messages?state=sent&sort=-sent",
	"/notify/admin/messages/new", "/notify/admin/subscribers"}
