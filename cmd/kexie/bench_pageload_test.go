package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A page that does not answer 200 fails the run before wrk is started,
// naming the page as the command wrote it, after the table's header; the
// check sends the page's own cookie.
func TestMeasurePagesChecksEachPage(t *testing.T) {
	var cookies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cookies = append(cookies, r.Header.Get("Cookie"))
		http.NotFound(w, r)
	}))
	defer srv.Close()
	for _, tc := range []struct {
		name, base, path, want string
	}{
		{"path below base", srv.URL, "/missing", "/missing answered 404"},
		{"whole URL, empty base", "", srv.URL + "/missing", srv.URL + "/missing answered 404"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cookies = nil
			var out strings.Builder
			err := measurePages(context.Background(), &out, tc.base, 2, time.Second, []benchPage{{"missing page", tc.path, "kexie_session=x"}})
			if err == nil || err.Error() != tc.want {
				t.Errorf("got error %v, want %q", err, tc.want)
			}
			if got, want := out.String(), "| page | requests/s | p50 | p99 |\n|---|---|---|---|\n"; got != want {
				t.Errorf("got output %q, want %q", got, want)
			}
			if len(cookies) != 1 || cookies[0] != "kexie_session=x" {
				t.Errorf("got cookies %q, want one kexie_session=x", cookies)
			}
		})
	}
}
