package auth_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/std"
	"kexie/internal/valid"
	"kexie/internal/web"
)

var sets = []db.Migrations{audit.Migrations(), org.Migrations(), auth.Migrations()}

const goodPassword = "Kexie-2026-secret"

// clock is a controllable time source.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

type fixture struct {
	svc   *auth.Service
	orgs  *org.Store
	clock *clock
	root  org.Org
	city  org.Org
	d     *db.DB
}

func setup(t testing.TB, d *db.DB) *fixture {
	t.Helper()
	return setupLockout(t, d, 5)
}

// setupLockout is setup with attempts failures before the account locks.
func setupLockout(t testing.TB, d *db.DB, attempts int) *fixture {
	t.Helper()
	ctx := context.Background()
	c := &clock{t: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	d.Now = c.now
	orgs := org.NewStore(d, std.Regions())
	root, err := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "省科协", Type: org.TypeProvince})
	if err != nil {
		t.Fatal(err)
	}
	city, err := orgs.Create(ctx, org.Input{ParentID: root.ID, Code: "CITY", Name: "市科协", Type: org.TypeCity})
	if err != nil {
		t.Fatal(err)
	}
	policy := access.NewPolicy(auth.Permissions()...)
	svc := auth.NewService(d, orgs, policy, auth.Config{Idle: 30 * time.Minute, Max: 12 * time.Hour, LockoutAttempts: attempts,
		LockoutFor: 15 * time.Minute, SecretKey: []byte(strings.Repeat("s", 32)), Issuer: "Kexie"})
	svc.Now = c.now
	return &fixture{svc: svc, orgs: orgs, clock: c, root: root, city: city, d: d}
}

func (f *fixture) user(t *testing.T, name string, role access.Role, o org.Org) auth.User {
	t.Helper()
	u, err := f.svc.CreateUser(context.Background(), auth.UserInput{Username: name, DisplayName: name, Password: goodPassword})
	if err != nil {
		t.Fatal(err)
	}
	if role != "" {
		if err := f.svc.Grant(context.Background(), u.ID, o.ID, role, 0); err != nil {
			t.Fatal(err)
		}
	}
	return u
}

// identity authenticates a request carrying token.
func (f *fixture) identity(t *testing.T, token string) *web.Identity {
	t.Helper()
	r := httptest.NewRequest("GET", "/", nil)
	r.AddCookie(&http.Cookie{Name: "kexie_session", Value: token})
	id, err := f.svc.Authenticate(httptest.NewRecorder(), r)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestAccounts(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.user(t, "zhangsan", access.OrgStaff, f.city)
		tests := []struct {
			name string
			in   auth.UserInput
			want string
		}{
			{"taken", auth.UserInput{Username: "ZhangSan", DisplayName: "张三", Password: goodPassword}, "username:auth.err.username_taken"},
			{"bad name", auth.UserInput{Username: "张三", DisplayName: "张三", Password: goodPassword}, "username:auth.err.username_format"},
			{"short", auth.UserInput{Username: "lisi", DisplayName: "李四", Password: "Ab1!"}, "password:password.too_short"},
			{"classes", auth.UserInput{Username: "lisi", DisplayName: "李四", Password: "abcdefghijkl"}, "password:password.classes"},
			{"contains name", auth.UserInput{Username: "lisi", DisplayName: "李四", Password: "Lisi-2026-abc"}, "password:password.contains_username"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := f.svc.CreateUser(ctx, tt.in)
				list, ok := valid.As(err)
				if !ok || list[0].Field+":"+list[0].Key != tt.want {
					t.Errorf("err = %v, want %s", err, tt.want)
				}
			})
		}
		var n int
		if err := d.QueryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil || n != 1 {
			t.Errorf("users = %d, want 1", n)
		}
	})
}

func TestSessionsAndGrants(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		u := f.user(t, "zhangsan", access.OrgStaff, f.city)
		if err := f.svc.Grant(ctx, u.ID, f.city.ID, access.OrgStaff, 0); err != nil {
			t.Errorf("duplicate grant: %v", err)
		}
		if err := f.svc.Grant(ctx, u.ID, f.root.ID, "emperor", 0); err == nil {
			t.Error("unknown role granted")
		}
		res, err := f.svc.Login(ctx, "ZhangSan ", goodPassword, "10.0.0.9", "test")
		if err != nil {
			t.Fatal(err)
		}
		id := f.identity(t, res.Token)
		if id == nil || id.Subject.Username != "zhangsan" || len(id.Subject.Grants) != 1 ||
			id.Subject.Grants[0].OrgPath != f.city.Path || id.CurrentOrgID != f.city.ID || id.MFAPending || id.MustEnroll2FA {
			t.Fatalf("identity = %+v", id)
		}
		// Scoped user lists.
		f.user(t, "wangwu", access.OrgAdmin, f.root)
		if _, total, _ := f.svc.ListUsers(ctx, auth.UserFilter{Scope: access.Subtrees(f.city.Path)}); total != 1 {
			t.Errorf("users in city scope = %d, want 1", total)
		}
		if _, total, _ := f.svc.ListUsers(ctx, auth.UserFilter{Scope: access.Everywhere()}); total != 2 {
			t.Errorf("all users = %d, want 2", total)
		}
		if _, total, _ := f.svc.ListUsers(ctx, auth.UserFilter{}); total != 0 {
			t.Errorf("zero scope = %d", total)
		}
		if n, _ := f.svc.CountUsers(ctx, access.Scope{}); n != 0 {
			t.Errorf("zero scope count = %d", n)
		}
		for _, tt := range []struct {
			name  string
			scope access.Scope
			want  bool
		}{{"zero", access.Scope{}, false}, {"everywhere", access.Everywhere(), true},
			{"city", access.Subtrees(f.city.Path), true}, {"elsewhere", access.Subtrees(f.city.Path + "999/"), false}} {
			if in, err := f.svc.InScope(ctx, u.ID, tt.scope); err != nil || in != tt.want {
				t.Errorf("InScope %s = %v, %v; want %v", tt.name, in, err, tt.want)
			}
		}
		grants, _ := f.svc.Grants(ctx, u.ID)
		if _, err := f.svc.Revoke(ctx, grants[0].ID); err != nil {
			t.Fatal(err)
		}
		if id := f.identity(t, res.Token); len(id.Subject.Grants) != 0 {
			t.Errorf("revoked grant still loaded")
		}
		// Logout ends the session.
		if err := f.svc.Logout(ctx, auth.HashToken(res.Token)); err != nil {
			t.Fatal(err)
		}
		if id := f.identity(t, res.Token); id != nil {
			t.Error("session valid after logout")
		}
	})
}

func TestLockout(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.user(t, "zhangsan", access.OrgStaff, f.city)
		for i := range 5 {
			if _, err := f.svc.Login(ctx, "zhangsan", "wrong-Password-1", "", ""); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatalf("attempt %d: %v", i+1, err)
			}
		}
		// Locked: the right password fails with the same message.
		if _, err := f.svc.Login(ctx, "zhangsan", goodPassword, "", ""); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("login while locked: %v", err)
		}
		f.clock.advance(14 * time.Minute)
		if _, err := f.svc.Login(ctx, "zhangsan", goodPassword, "", ""); !errors.Is(err, auth.ErrBadCredentials) {
			t.Fatalf("login after 14 min: %v", err)
		}
		f.clock.advance(2 * time.Minute)
		if _, err := f.svc.Login(ctx, "zhangsan", goodPassword, "", ""); err != nil {
			t.Fatalf("login after 16 min: %v", err)
		}
		// Unknown users get the same answer.
		if _, err := f.svc.Login(ctx, "nobody", goodPassword, "", ""); !errors.Is(err, auth.ErrBadCredentials) {
			t.Errorf("unknown user: %v", err)
		}
		recs, _, _ := audit.List(ctx, d, audit.Filter{Scope: access.Everywhere(), Action: "user.lock"})
		if len(recs) != 1 {
			t.Errorf("lock audit records = %d, want 1", len(recs))
		}
	})
}

func TestSessionLifetimes(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		f.user(t, "zhangsan", access.OrgStaff, f.city)
		t.Run("idle", func(t *testing.T) {
			res, err := f.svc.Login(ctx, "zhangsan", goodPassword, "", "")
			if err != nil {
				t.Fatal(err)
			}
			f.clock.advance(29 * time.Minute)
			if f.identity(t, res.Token) == nil {
				t.Fatal("session ended after 29 idle minutes")
			}
			f.clock.advance(31 * time.Minute)
			if f.identity(t, res.Token) != nil {
				t.Fatal("session alive after 31 idle minutes")
			}
		})
		t.Run("absolute", func(t *testing.T) {
			res, err := f.svc.Login(ctx, "zhangsan", goodPassword, "", "")
			if err != nil {
				t.Fatal(err)
			}
			for elapsed := time.Duration(0); elapsed < 12*time.Hour-10*time.Minute; elapsed += 10 * time.Minute {
				f.clock.advance(10 * time.Minute)
				if f.identity(t, res.Token) == nil {
					t.Fatalf("active session ended after %v", elapsed+10*time.Minute)
				}
			}
			f.clock.advance(11 * time.Minute)
			if f.identity(t, res.Token) != nil {
				t.Fatal("session alive past its absolute lifetime")
			}
		})
	})
}

func TestTwoFactor(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		admin := f.user(t, "admin", access.OrgAdmin, f.root)
		res, err := f.svc.Login(ctx, "admin", goodPassword, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if id := f.identity(t, res.Token); !id.MustEnroll2FA {
			t.Fatal("administrator without 2FA not sent to enrolment")
		}
		secret, _, err := f.svc.BeginTOTP(ctx, admin.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.EnableTOTP(ctx, admin.ID, "000000"); err == nil {
			t.Fatal("wrong code enabled 2FA")
		}
		code, _ := totp.GenerateCode(secret, f.clock.now())
		recovery, err := f.svc.EnableTOTP(ctx, admin.ID, code)
		if err != nil || len(recovery) != 10 {
			t.Fatalf("enable: %v, %d codes", err, len(recovery))
		}
		if id := f.identity(t, res.Token); id.MustEnroll2FA {
			t.Error("still must enrol after enabling")
		}

		// A new sign-in now waits for the second factor.
		f.clock.advance(time.Minute)
		res, err = f.svc.Login(ctx, "admin", goodPassword, "", "")
		if err != nil || !res.MFAPending {
			t.Fatalf("login: %v pending=%v", err, res.MFAPending)
		}
		if id := f.identity(t, res.Token); !id.MFAPending {
			t.Fatal("identity not pending")
		}
		if _, err := f.svc.VerifySecondFactor(ctx, res.SessionID, "123456"); !errors.Is(err, auth.ErrBadCode) {
			t.Fatalf("wrong code: %v", err)
		}
		code, _ = totp.GenerateCode(secret, f.clock.now())
		token, err := f.svc.VerifySecondFactor(ctx, res.SessionID, code)
		if err != nil {
			t.Fatal(err)
		}
		if f.identity(t, res.Token) != nil {
			t.Error("pre-2FA session id still valid after rotation")
		}
		if id := f.identity(t, token); id == nil || id.MFAPending {
			t.Fatalf("rotated session = %+v", id)
		}
		// Replaying the same code on a new sign-in is refused.
		res2, _ := f.svc.Login(ctx, "admin", goodPassword, "", "")
		if _, err := f.svc.VerifySecondFactor(ctx, res2.SessionID, code); !errors.Is(err, auth.ErrBadCode) {
			t.Errorf("replayed TOTP code accepted: %v", err)
		}
		// A recovery code works once.
		if _, err := f.svc.VerifySecondFactor(ctx, res2.SessionID, strings.ToUpper(recovery[0])); err != nil {
			t.Fatalf("recovery code: %v", err)
		}
		res3, _ := f.svc.Login(ctx, "admin", goodPassword, "", "")
		if _, err := f.svc.VerifySecondFactor(ctx, res3.SessionID, recovery[0]); !errors.Is(err, auth.ErrBadCode) {
			t.Errorf("recovery code reused: %v", err)
		}
		// Wrong codes count toward the lockout.
		for range 4 {
			_, _ = f.svc.VerifySecondFactor(ctx, res3.SessionID, "999999")
		}
		code, _ = totp.GenerateCode(secret, f.clock.now().Add(30*time.Second))
		f.clock.advance(30 * time.Second)
		if _, err := f.svc.VerifySecondFactor(ctx, res3.SessionID, code); !errors.Is(err, auth.ErrBadCode) {
			t.Errorf("second factor accepted while locked: %v", err)
		}
		// Administrators cannot turn 2FA off.
		sub := f.identity(t, token).Subject
		if err := f.svc.DisableTOTP(ctx, sub, goodPassword); err == nil {
			t.Error("administrator disabled 2FA")
		}
	})
}

func BenchmarkAuthenticate(b *testing.B) {
	ctx := context.Background()
	d := dbtest.OpenSQLite(b, sets...)
	orgs := org.NewStore(d, std.Regions())
	root, _ := orgs.Create(ctx, org.Input{Code: "ROOT", Name: "root", Type: org.TypeProvince})
	svc := auth.NewService(d, orgs, access.NewPolicy(), auth.Config{Idle: time.Hour, Max: time.Hour, LockoutAttempts: 5,
		LockoutFor: time.Minute, SecretKey: make([]byte, 32)})
	u, _ := svc.CreateUser(ctx, auth.UserInput{Username: "bench", DisplayName: "b", Password: goodPassword})
	_ = svc.Grant(ctx, u.ID, root.ID, access.OrgStaff, 0)
	res, err := svc.Login(ctx, "bench", goodPassword, "", "")
	if err != nil {
		b.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.AddCookie(&http.Cookie{Name: "kexie_session", Value: res.Token})
	w := httptest.NewRecorder()
	for b.Loop() {
		if id, err := svc.Authenticate(w, r); err != nil || id == nil {
			b.Fatal(err)
		}
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	l := auth.NewLimiterForTest(3, time.Minute)
	for i := range 3 {
		if !l(now, "a") {
			t.Fatalf("attempt %d refused", i+1)
		}
	}
	if l(now, "a") {
		t.Error("fourth attempt in a minute allowed")
	}
	if !l(now, "b") {
		t.Error("another key was limited")
	}
	if !l(now.Add(61*time.Second), "a") {
		t.Error("not allowed again after the window")
	}
}
