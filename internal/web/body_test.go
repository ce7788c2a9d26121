package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"kexie/internal/access"
)

// TestFormBodyBound: a body that is not a multipart upload is read into
// memory whole before authorization, so it is capped at MaxForm on every
// route — even one that takes a 100 MB upload — while the upload itself
// still passes there.
func TestFormBodyBound(t *testing.T) {
	staff := &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	s, writes := newTestSite(t, staff)
	s.AllowUpload("/t", 100<<20)
	h := s.Handler()
	get := httptest.NewRecorder()
	h.ServeHTTP(get, httptest.NewRequest("GET", "/t", nil))
	var cookie string
	for _, c := range get.Result().Cookies() {
		if c.Name == csrfCookie {
			cookie = c.Value
		}
	}
	token := s.sign(cookie)
	post := func(body []byte, contentType string, header bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/t", bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		if header {
			req.Header.Set("X-CSRF-Token", token)
		}
		req.AddCookie(&http.Cookie{Name: csrfCookie, Value: cookie})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	big := strings.Repeat("a", MaxForm+1)
	form := []byte("csrf_token=" + url.QueryEscape(token) + "&pad=" + big)
	for _, tt := range []struct {
		name   string
		body   []byte
		header bool
	}{
		{"url-encoded form", form, false},
		{"token in a header", []byte("pad=" + big), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := *writes
			rec := post(tt.body, "application/x-www-form-urlencoded", tt.header)
			if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "提交的表单内容过大（上限 10 MB）") {
				t.Errorf("%d MB form: status %d, want 413 with its message; %.300s", len(tt.body)>>20, rec.Code, rec.Body.String())
			}
			if *writes != before {
				t.Errorf("the handler ran on a refused form")
			}
		})
	}
	t.Run("upload on an upload route", func(t *testing.T) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField(CSRFField, token)
		fw, _ := mw.CreateFormFile("file", "big.bin")
		_, _ = fw.Write(bytes.Repeat([]byte("x"), 12<<20))
		_ = mw.Close()
		before := *writes
		if rec := post(buf.Bytes(), mw.FormDataContentType(), false); rec.Code != http.StatusSeeOther || *writes != before+1 {
			t.Errorf("12 MB upload: status %d, want 303; %.300s", rec.Code, rec.Body.String())
		}
	})
	t.Run("small form", func(t *testing.T) {
		before := *writes
		if rec := post([]byte("csrf_token="+url.QueryEscape(token)+"&x=1"), "application/x-www-form-urlencoded", false); rec.Code != http.StatusSeeOther || *writes != before+1 {
			t.Errorf("small form: status %d, want 303", rec.Code)
		}
	})
}

// An upload size registered for a route with a wildcard segment applies to
// the paths that route serves, as the mux matches them (it once applied to
// none: the map was looked up by the request's path, which never holds
// "{id}").
func TestUploadMaxPattern(t *testing.T) {
	staff := &access.Subject{UserID: 1, Username: "u", Grants: []access.Grant{{OrgPath: "/1/", Role: access.OrgStaff}}}
	s, _ := newTestSite(t, staff)
	for _, route := range []string{"POST /calls/{id}/apply", "POST /people/import"} {
		s.Handle(route, access.SignedIn(), func(w http.ResponseWriter, r *http.Request) error { return Redirect(w, r, "/t") })
	}
	s.AllowUpload("/calls/{id}/apply", 1<<20)
	s.AllowUpload("/people/import", 5<<20)
	for _, tt := range []struct {
		path string
		max  int64
		ok   bool
	}{
		{"/calls/7/apply", 1 << 20, true},
		{"/calls/abc/apply", 1 << 20, true},
		{"/people/import", 5 << 20, true},
		{"/calls//apply", 0, false},
		{"/calls/7/apply/x", 0, false},
		{"/calls/7", 0, false},
		{"/people/import/2", 0, false},
	} {
		if max, ok := s.uploadMax(httptest.NewRequest("POST", tt.path, nil)); max != tt.max || ok != tt.ok {
			t.Errorf("uploadMax(%q) = %d, %v; want %d, %v", tt.path, max, ok, tt.max, tt.ok)
		}
	}
	// The middleware answers a 3 MB upload to /calls/7/apply with its 413, as
	// the route's 1 MB (and its megabyte of fields) says.
	h := s.Handler()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "big.bin")
	_, _ = fw.Write(bytes.Repeat([]byte("x"), 3<<20))
	_ = mw.Close()
	req := httptest.NewRequest("POST", "/calls/7/apply", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("3 MB upload to /calls/7/apply: %d, want 413", rec.Code)
	}
}
