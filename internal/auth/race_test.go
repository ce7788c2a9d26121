package auth_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
)

// parallel runs fn n times at once (released together) and returns the
// errors in index order.
func parallel(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var ready, wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		ready.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			ready.Done()
			<-start
			errs[i] = fn(i)
		}()
	}
	ready.Wait()
	close(start)
	wg.Wait()
	return errs
}

// enrol turns TOTP on for userID and returns the secret and recovery codes;
// the clock then moves past the step used to enrol.
func (f *fixture) enrol(t *testing.T, userID int64) (string, []string) {
	t.Helper()
	ctx := context.Background()
	secret, _, err := f.svc.BeginTOTP(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := totp.GenerateCode(secret, f.clock.now())
	codes, err := f.svc.EnableTOTP(ctx, userID, code)
	if err != nil {
		t.Fatal(err)
	}
	f.clock.advance(time.Minute)
	return secret, codes
}

// pending signs in n times and returns the sessions waiting for 2FA.
func (f *fixture) pending(t *testing.T, name string, n int) []string {
	t.Helper()
	var ids []string
	for range n {
		res, err := f.svc.Login(context.Background(), name, goodPassword, "", "")
		if err != nil || !res.MFAPending {
			t.Fatalf("login: %v, pending %v", err, res.MFAPending)
		}
		ids = append(ids, res.SessionID)
	}
	return ids
}

func (f *fixture) failures(t *testing.T, userID int64) (n int, lockedUntil int64) {
	t.Helper()
	if err := f.d.QueryRow(context.Background(), `SELECT failed_logins, locked_until FROM users WHERE id = ?`, userID).Scan(&n, &lockedUntil); err != nil {
		t.Fatal(err)
	}
	return n, lockedUntil
}

func countAudit(t *testing.T, d *db.DB, action string) int {
	t.Helper()
	_, total, err := audit.List(context.Background(), d, audit.Filter{Scope: access.Everywhere(), Action: action, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return total
}

// Failed sign-ins at the same moment must all count: the counter moves in
// one UPDATE, not a read and a write.
func TestParallelFailuresCount(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setupLockout(t, d, 1000)
		u := f.user(t, "zhangsan", access.Member, f.city)
		f.enrol(t, u.ID)
		sessions := f.pending(t, "zhangsan", 1)
		const codes = 24 // wrong second-factor codes: cheap, so many run at once
		for i, err := range parallel(codes, func(int) error { return nilIfBad(f.svc.VerifySecondFactor(ctx, sessions[0], "000000")) }) {
			if err != nil {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		if n, _ := f.failures(t, u.ID); n != codes {
			t.Errorf("failed_logins = %d after %d parallel wrong codes", n, codes)
		}
		const passwords = 6 // argon2id costs 19 MiB each
		for i, err := range parallel(passwords, func(int) error {
			_, err := f.svc.Login(ctx, "zhangsan", "Wrong-Password-9", "", "")
			if errors.Is(err, auth.ErrBadCredentials) {
				return nil
			}
			return fmt.Errorf("want bad credentials, got %v", err)
		}) {
			if err != nil {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		if n, _ := f.failures(t, u.ID); n != codes+passwords {
			t.Errorf("failed_logins = %d after %d more parallel wrong passwords, want %d", n, passwords, codes+passwords)
		}
	})
}

func nilIfBad(_ string, err error) error {
	if errors.Is(err, auth.ErrBadCode) {
		return nil
	}
	return fmt.Errorf("want bad code, got %v", err)
}

// Many failures at once lock the account once, for LockoutFor from then;
// failures while the lock runs neither count nor extend it.
func TestLockNotExtended(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d) // 5 attempts, 15 minutes
		u := f.user(t, "zhangsan", access.Member, f.city)
		f.enrol(t, u.ID)
		sessions := f.pending(t, "zhangsan", 1)
		lockedAt := f.clock.now()
		parallel(16, func(int) error { _, err := f.svc.VerifySecondFactor(ctx, sessions[0], "000000"); return err })
		n, until := f.failures(t, u.ID)
		if want := lockedAt.Add(15 * time.Minute).UnixMilli(); until != want || n != 0 {
			t.Fatalf("after 16 failures at once: failed_logins %d, locked until %d; want 0, %d", n, until, want)
		}
		if got := countAudit(t, d, "user.lock"); got != 1 {
			t.Errorf("user.lock records = %d, want 1", got)
		}
		// Requests that read the lock before checking the code stop there
		// without a record; the others record their failure.
		if got := countAudit(t, d, "session.login_failed"); got < 5 || got > 16 {
			t.Errorf("session.login_failed records = %d, want 5–16", got)
		}
		// Ten minutes in, more wrong passwords: the lock keeps its end.
		f.clock.advance(10 * time.Minute)
		for range 3 {
			if _, err := f.svc.Login(ctx, "zhangsan", "Wrong-Password-9", "", ""); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatal(err)
			}
		}
		if n2, until2 := f.failures(t, u.ID); until2 != until || n2 != 0 {
			t.Errorf("failures during the lock moved it: failed_logins %d, locked until %d (was %d)", n2, until2, until)
		}
		f.clock.advance(5*time.Minute + time.Second)
		if _, err := f.svc.Login(ctx, "zhangsan", goodPassword, "", ""); err != nil {
			t.Errorf("sign-in after the original lock ended: %v", err)
		}
	})
}

// One TOTP code or one recovery code used by two requests at once signs in
// only one of them.
func TestSecondFactorClaimedOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		u := f.user(t, "zhangsan", access.Member, f.city)
		secret, recovery := f.enrol(t, u.ID)
		const n = 4 // below the lockout, so the losers' failures lock nothing
		for round, code := range []string{"totp", "recovery"} {
			sessions := f.pending(t, "zhangsan", n)
			value := recovery[round]
			if code == "totp" {
				value, _ = totp.GenerateCode(secret, f.clock.now())
			}
			tokens := make([]string, n)
			errs := parallel(n, func(i int) error {
				var err error
				tokens[i], err = f.svc.VerifySecondFactor(ctx, sessions[i], value)
				return err
			})
			won := 0
			for i, err := range errs {
				switch {
				case err == nil:
					won++
					if id := f.identity(t, tokens[i]); id == nil || id.MFAPending {
						t.Errorf("%s: winner's session = %+v", code, id)
					}
				case !errors.Is(err, auth.ErrBadCode):
					t.Errorf("%s: attempt %d: %v", code, i, err)
				}
			}
			if won != 1 {
				t.Errorf("%s code used by %d requests at once: %d succeeded, want 1", code, n, won)
			}
			f.clock.advance(time.Minute)
		}
		if got := countAudit(t, d, "session.2fa"); got != 2 {
			t.Errorf("session.2fa records = %d, want 2", got)
		}
		if left, _ := f.svc.RecoveryCodesLeft(ctx, u.ID); left != 9 {
			t.Errorf("recovery codes left = %d, want 9", left)
		}
	})
}

// Granting a role the user holds already succeeds and changes nothing,
// also when several requests grant it at once.
func TestGrantTwiceAtOnce(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		u := f.user(t, "zhangsan", "", f.city)
		for i, err := range parallel(8, func(int) error { return f.svc.Grant(ctx, u.ID, f.city.ID, access.OrgStaff, 0) }) {
			if err != nil {
				t.Errorf("grant %d: %v", i, err)
			}
		}
		if err := f.svc.Grant(ctx, u.ID, f.city.ID, access.OrgStaff, 0); err != nil {
			t.Errorf("grant again: %v", err)
		}
		if g, _ := f.svc.Grants(ctx, u.ID); len(g) != 1 {
			t.Errorf("grants = %+v, want one", g)
		}
		if got := countAudit(t, d, "role.grant"); got != 1 {
			t.Errorf("role.grant records = %d, want 1", got)
		}
		if err := f.svc.Grant(ctx, u.ID, 424242, access.OrgStaff, 0); err == nil {
			t.Error("grant on an unknown org accepted")
		}
	})
}

func TestGrantsOfUsers(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		a := f.user(t, "zhangsan", access.OrgStaff, f.city)
		if err := f.svc.Grant(ctx, a.ID, f.root.ID, access.Reviewer, 0); err != nil {
			t.Fatal(err)
		}
		b := f.user(t, "lisi", access.OrgAdmin, f.root)
		c := f.user(t, "wangwu", "", f.root)
		got, err := f.svc.GrantsOfUsers(ctx, []int64{a.ID, b.ID, c.ID})
		if err != nil {
			t.Fatal(err)
		}
		line := func(id int64) string {
			var s string
			for _, g := range got[id] {
				s += string(g.Role) + "@" + g.OrgName + ";"
			}
			return s
		}
		// Broadest org first, as on the user page.
		if line(a.ID) != "reviewer@省科协;org_staff@市科协;" || line(b.ID) != "org_admin@省科协;" || len(got[c.ID]) != 0 {
			t.Errorf("grants: a %q, b %q, c %+v", line(a.ID), line(b.ID), got[c.ID])
		}
		for _, id := range []int64{a.ID, b.ID} {
			one, _ := f.svc.Grants(ctx, id)
			if fmt.Sprint(one) != fmt.Sprint(got[id]) {
				t.Errorf("user %d: batch %+v differs from Grants %+v", id, got[id], one)
			}
		}
		if got, err := f.svc.GrantsOfUsers(ctx, nil); err != nil || len(got) != 0 {
			t.Errorf("no users: %v, %v", got, err)
		}
	})
}

func TestResetTOTP(t *testing.T) {
	ctx := context.Background()
	dbtest.Run(t, sets, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		u, err := f.svc.CreateUser(ctx, auth.UserInput{Username: "zhangsan", DisplayName: "张三", Email: "Zhang@Example.org", Password: goodPassword})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.svc.Grant(ctx, u.ID, f.city.ID, access.Member, 0); err != nil {
			t.Fatal(err)
		}
		secret, recovery := f.enrol(t, u.ID)
		code, _ := totp.GenerateCode(secret, f.clock.now())
		token, err := f.svc.VerifySecondFactor(ctx, f.pending(t, "zhangsan", 1)[0], code)
		if err != nil {
			t.Fatal(err)
		}
		byMail, err := f.svc.UserByEmail(ctx, " zhang@example.ORG")
		if err != nil || byMail.ID != u.ID {
			t.Fatalf("UserByEmail = %+v, %v", byMail, err)
		}
		if err := f.svc.ResetTOTP(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if f.identity(t, token) != nil {
			t.Error("session survived the reset")
		}
		var sealed string
		var enabled, codes int
		if err := d.QueryRow(ctx, `SELECT totp_secret, totp_enabled, (SELECT COUNT(*) FROM recovery_codes WHERE user_id = users.id)
			FROM users WHERE id = ?`, u.ID).Scan(&sealed, &enabled, &codes); err != nil {
			t.Fatal(err)
		}
		if sealed != "" || enabled != 0 || codes != 0 {
			t.Errorf("after reset: secret %q, enabled %d, %d recovery codes", sealed, enabled, codes)
		}
		if got := countAudit(t, d, "user.2fa_reset"); got != 1 {
			t.Errorf("user.2fa_reset records = %d, want 1", got)
		}
		// The next sign-in skips the old factor and must enrol, even though
		// the user is no administrator.
		res, err := f.svc.Login(ctx, "zhangsan", goodPassword, "", "")
		if err != nil || res.MFAPending {
			t.Fatalf("login after reset: %v, pending %v", err, res.MFAPending)
		}
		if id := f.identity(t, res.Token); id == nil || !id.MustEnroll2FA {
			t.Fatalf("identity after reset = %+v, want enrolment required", id)
		}
		if _, err := f.svc.VerifySecondFactor(ctx, res.SessionID, recovery[1]); err == nil {
			t.Error("old recovery code accepted after reset")
		}
		f.enrol(t, u.ID)
		if id := f.identity(t, res.Token); id == nil || id.MustEnroll2FA {
			t.Errorf("identity after re-enrolment = %+v", id)
		}
		if err := f.svc.ResetTOTP(ctx, 424242); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("reset of an unknown user: %v", err)
		}
		// An email two accounts share names nobody.
		if _, err := f.svc.CreateUser(ctx, auth.UserInput{Username: "zhangsan2", DisplayName: "张三", Email: "zhang@example.org", Password: goodPassword}); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.UserByEmail(ctx, "zhang@example.org"); !errors.Is(err, auth.ErrAmbiguousEmail) {
			t.Errorf("shared email: %v", err)
		}
		if _, err := f.svc.UserByEmail(ctx, "nobody@example.org"); !errors.Is(err, db.ErrNotFound) {
			t.Errorf("unknown email: %v", err)
		}
	})
}
