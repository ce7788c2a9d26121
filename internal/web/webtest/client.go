package webtest

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/org"
)

// Client is a browser-like HTTP client: it keeps cookies, does not follow
// redirects (a test checks where it is sent), and puts the CSRF token into
// every form it posts.
type Client struct {
	T    testing.TB
	HTTP *http.Client
	Base string // the server's URL
}

// NewClient returns a client of the server at base with an empty cookie jar.
func NewClient(t testing.TB, base string) *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{T: t, Base: base, HTTP: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Client returns a client of the site that is not signed in.
func (s *Site) Client(t testing.TB) *Client { return NewClient(t, s.URL) }

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// Get fetches path and returns the response and its body.
func (c *Client) Get(path string) (*http.Response, string) {
	c.T.Helper()
	res, err := c.HTTP.Get(c.Base + path)
	if err != nil {
		c.T.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// Token fetches a page with a form to obtain the CSRF cookie and token.
func (c *Client) Token() string {
	c.T.Helper()
	for _, p := range []string{"/login", "/account"} {
		_, body := c.Get(p)
		if m := csrfRE.FindStringSubmatch(body); m != nil {
			return m[1]
		}
	}
	c.T.Errorf("no CSRF token on /login or /account")
	return ""
}

// Post posts form to path, with a fresh CSRF token unless the form holds
// one, and returns the response and its body.
func (c *Client) Post(path string, form url.Values) (*http.Response, string) {
	c.T.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("csrf_token") == "" {
		form.Set("csrf_token", c.Token())
	}
	res, err := c.HTTP.PostForm(c.Base+path, form)
	if err != nil {
		c.T.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// Upload posts a multipart form to path: the fields, a CSRF token and one
// file named name with content under the field file.
func (c *Client) Upload(path string, fields url.Values, file, name string, content []byte) (*http.Response, string) {
	c.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf_token", c.Token())
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile(file, name)
	fw.Write(content)
	mw.Close()
	res, err := c.HTTP.Post(c.Base+path, mw.FormDataContentType(), &buf)
	if err != nil {
		c.T.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

// UserInput is an account named name with the test password.
func UserInput(name string) auth.UserInput {
	return auth.UserInput{Username: name, DisplayName: name, Password: Password}
}

// CreateUser creates an account holding role on o, without signing in.
func (s *Site) CreateUser(t testing.TB, name string, role access.Role, o org.Org) auth.User {
	t.Helper()
	ctx := context.Background()
	u, err := s.Auth.CreateUser(ctx, UserInput(name))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Auth.Grant(ctx, u.ID, o.ID, role, 0); err != nil {
		t.Fatal(err)
	}
	return u
}

// User creates an account holding role on o and returns a client signed in
// as it; see SignIn.
func (s *Site) User(t testing.TB, name string, role access.Role, o org.Org) (*Client, auth.User) {
	t.Helper()
	return SignIn(t, s.URL, s.Auth, s.Clock, name, role, o)
}

// SignIn creates an account holding role on o through svc, whose clock is
// clock, and signs a new client of the server at base in as it. Administrators
// get a second factor enrolled first and give its code at sign-in, as they
// must.
func SignIn(t testing.TB, base string, svc *auth.Service, clock *Clock, name string, role access.Role, o org.Org) (*Client, auth.User) {
	t.Helper()
	ctx := context.Background()
	u, err := svc.CreateUser(ctx, UserInput(name))
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Grant(ctx, u.ID, o.ID, role, 0); err != nil {
		t.Fatal(err)
	}
	var secret string
	if role == access.SysAdmin || role == access.OrgAdmin {
		if secret, _, err = svc.BeginTOTP(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		code, _ := totp.GenerateCode(secret, clock.Now())
		if _, err := svc.EnableTOTP(ctx, u.ID, code); err != nil {
			t.Fatal(err)
		}
		clock.Tick()
	}
	c := NewClient(t, base)
	res, _ := c.Post("/login", url.Values{"username": {name}, "password": {Password}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: %d", name, res.StatusCode)
	}
	if secret != "" {
		code, _ := totp.GenerateCode(secret, clock.Now())
		res, body := c.Post("/login/2fa", url.Values{"code": {code}})
		if res.StatusCode != http.StatusSeeOther || strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Fatalf("2fa %s: %d %s", name, res.StatusCode, body)
		}
		clock.Tick()
	}
	return c, u
}
